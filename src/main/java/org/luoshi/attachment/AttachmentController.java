package org.luoshi.attachment;

import java.io.IOException;
import java.net.URI;
import org.luoshi.common.DomainException;
import org.luoshi.common.FileKind;
import org.luoshi.common.Filenames;
import org.luoshi.identity.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** POST/GET /api/items/{code}/attachments and GET /api/attachments/{id} (the file itself). */
@RestController
class AttachmentController {

  private final Attachments attachments;
  private final AttachmentSettings settings;
  private final CurrentUser user;

  AttachmentController(Attachments attachments, AttachmentSettings settings, CurrentUser user) {
    this.attachments = attachments;
    this.settings = settings;
    this.user = user;
  }

  @PostMapping("/api/items/{code}/attachments")
  ResponseEntity<AttachmentView> upload(@PathVariable String code,
      @RequestPart(name = "file", required = false) MultipartFile file,
      @RequestParam(required = false) String purpose) throws IOException {
    if (file == null) {
      throw DomainException.invalid("file", "请选择要上传的文件");
    }
    // a file over the limit is refused by its size before its bytes are read into memory
    boolean tooLarge = file.getSize() > settings.maxSize().toBytes();
    AttachmentView view = attachments.upload(code, file.getOriginalFilename(), file.getSize(),
        tooLarge ? null : file.getBytes(), purpose, user);
    return ResponseEntity.created(URI.create("/api/attachments/" + view.id())).body(view);
  }

  @GetMapping("/api/items/{code}/attachments")
  java.util.List<AttachmentView> list(@PathVariable String code) {
    return attachments.list(code, user);
  }

  /**
   * The file with the content type of what it is (sniffed at upload), never sniffed again by the browser;
   * PDF and pictures open in the browser, Word and Excel files are saved.
   */
  @GetMapping("/api/attachments/{id}")
  ResponseEntity<byte[]> download(@PathVariable long id) {
    Attachments.Download d = attachments.download(id, user);
    boolean inline = d.kind() == FileKind.PDF || d.kind() == FileKind.PNG || d.kind() == FileKind.JPEG;
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_TYPE, d.kind().contentType())
        .header(HttpHeaders.CONTENT_DISPOSITION, Filenames.contentDisposition(inline, d.name()))
        .header("X-Content-Type-Options", "nosniff")
        .body(d.content());
  }
}
