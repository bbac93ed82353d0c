package org.luoshi.document;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.luoshi.identity.CurrentUser;
import org.luoshi.item.Viewer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Formal documents of an item (DESIGN.md §5): the list, and each as a Word file. */
@RestController
class DocumentController {

  static final MediaType DOCX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final Documents documents;
  private final CurrentUser user;

  DocumentController(Documents documents, CurrentUser user) {
    this.documents = documents;
    this.user = user;
  }

  @GetMapping("/api/items/{code}/documents")
  List<Documents.DocumentView> list(@PathVariable String code) {
    return documents.list(code, Viewer.of(user));
  }

  /** A Word file; nosniff and no-store come with every /api answer (web/SecurityHeaders). */
  @GetMapping("/api/items/{code}/documents/{kind}.docx")
  ResponseEntity<byte[]> download(@PathVariable String code, @PathVariable String kind) {
    Documents.Generated doc = documents.generate(code, kind, Viewer.of(user));
    return ResponseEntity.ok()
        .contentType(DOCX)
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition(doc.fileName(), code + "-" + kind + ".docx"))
        .body(doc.content());
  }

  /** attachment with an ASCII name for old clients and the Chinese one (RFC 5987 / RFC 6266). */
  static String disposition(String name, String asciiFallback) {
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + asciiFallback.replaceAll("[^A-Za-z0-9._-]", "_") + "\"; filename*=UTF-8''" + encoded;
  }
}
