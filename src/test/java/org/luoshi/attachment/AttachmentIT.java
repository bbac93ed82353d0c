package org.luoshi.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.Engine;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** Evidence files on items: who may add and read them, what is kept, how a download is served, what is refused. */
@LuoshiIT
@TestPropertySource(properties = "luoshi.attachments.max-size=1MB")
class AttachmentIT {

  static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  Http http;
  Engine engine;

  @BeforeEach
  void setUp() {
    TestOrganisation.create(identity);
    Engine.clock(NOW);
    http = new Http(port);
    engine = new Engine(http, tasks, management);
  }

  @AfterEach
  void clock() {
    Engine.resetClock();
  }

  /** An item of T1, led by leader1, planned with t1b as the responsible person. */
  private String plannedItem() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", "推进就业创业服务提质");
    m.put("source", "KEY_TASK");
    m.put("unitCode", "T1");
    m.put("leadLeader", "leader1");
    m.put("deadline", "2026-12-31");
    m.put("target", "城镇新增就业 3000 人");
    Http.Response r = http.as("office1").post("/api/items", m);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    engine.runAsync();
    String code = r.json().get("code").asText();
    engine.done("t1a", code, "acceptItem", Map.of("accepted", "true"));
    engine.done("t1a", code, "planItem", Map.of("responsiblePerson", "t1b", "measures", "建立台账，每周调度"));
    return code;
  }

  private Http.Response upload(String user, String code, String name, String type, byte[] content, String purpose) {
    return http.as(user).upload("/api/items/" + code + "/attachments", "file", name, type, content,
        purpose == null ? Map.of() : Map.of("purpose", purpose));
  }

  @Test
  void theResponsiblePersonAttachesEvidenceThatWhoeverSeesTheItemCanOpen() {
    String code = plannedItem();
    Http.Response r = upload("t1b", code, "完成 证明.png", "application/octet-stream", Files.png(), "COMPLETION");
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonNode a = r.json();
    long id = a.get("id").asLong();
    assertThat(r.location()).endsWith("/api/attachments/" + id);
    assertThat(a.get("name").asText()).isEqualTo("完成 证明.png");
    assertThat(a.get("size").asLong()).isEqualTo(Files.png().length);
    assertThat(a.get("contentType").asText()).isEqualTo("image/png"); // sniffed, not the client's octet-stream
    assertThat(a.get("uploadedBy").asText()).isEqualTo("t1b");
    assertThat(a.get("uploadedAt").asText()).startsWith("2026-06-01T10:00");
    assertThat(a.get("purpose").asText()).isEqualTo("COMPLETION");

    // the unit's staff, the office, and a word file without a purpose (OTHER); the name tells what it really is
    assertThat(upload("t1a", code, "进度表.xlsx", "application/vnd.ms-excel", Files.xlsx(), "PROGRESS").status()).isEqualTo(201);
    byte[] docx = Files.docx();
    JsonNode doc = upload("office1", code, "督办函.pdf", "application/pdf", docx, null).json();
    assertThat(doc.get("purpose").asText()).isEqualTo("OTHER");
    assertThat(doc.get("name").asText()).isEqualTo("督办函.pdf.docx");
    assertThat(doc.get("contentType").asText())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(upload("t1a", code, "旧表.xls", "application/vnd.ms-excel", Files.xls(), null).status()).isEqualTo(201);
    assertThat(upload("t1a", code, "旧文档.doc", "application/msword", Files.doc(), null).status()).isEqualTo(201);
    assertThat(upload("t1a", code, "照片.jpg", "image/jpeg", Files.jpeg(), "PROGRESS").status()).isEqualTo(201);
    assertThat(upload("t1a", code, "整改.pdf", "application/pdf", Files.pdf(), "RECTIFICATION").status()).isEqualTo(201);

    // readers: whoever may see the item (the office, its leader, its unit); newest first
    for (String reader : new String[] {"office2", "leader1", "principal1", "t1a"}) {
      JsonNode list = http.as(reader).get("/api/items/" + code + "/attachments").json();
      assertThat(list).as(reader).hasSize(7);
      assertThat(list.get(6).get("id").asLong()).isEqualTo(id);
    }
    assertThat(http.as("t2a").get("/api/items/" + code + "/attachments").status()).isEqualTo(403);
    assertThat(http.as("office1").get("/api/items/ZR-2026-9999/attachments").status()).isEqualTo(404);

    Http.Download file = http.as("office2").download("/api/attachments/" + id);
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.body()).isEqualTo(Files.png());
    assertThat(file.header("Content-Type")).isEqualTo("image/png");
    assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(file.header("Content-Disposition"))
        .isEqualTo("inline; filename=\"_____.png\"; filename*=UTF-8''%E5%AE%8C%E6%88%90%20%E8%AF%81%E6%98%8E.png");
    Http.Download word = http.as("leader1").download("/api/attachments/" + doc.get("id").asLong());
    assertThat(word.header("Content-Disposition")).startsWith("attachment; ");
    assertThat(word.body()).isEqualTo(docx);
    // another unit's member cannot tell the file from a missing one
    assertThat(http.as("t2a").download("/api/attachments/" + id).status()).isEqualTo(404);
    assertThat(http.as("office1").download("/api/attachments/987654").status()).isEqualTo(404);
    assertThat(http.anonymous().download("/api/attachments/" + id).status()).isEqualTo(401);
  }

  @Test
  void onlyTheOfficeTheUnitAndTheResponsiblePersonMayAttach() {
    String code = plannedItem();
    long before = count();
    assertThat(upload("leader1", code, "a.png", "image/png", Files.png(), null).status()).isEqualTo(403);
    assertThat(upload("principal1", code, "a.png", "image/png", Files.png(), null).status()).isEqualTo(403);
    assertThat(upload("t2a", code, "a.png", "image/png", Files.png(), null).status()).isEqualTo(403);
    assertThat(upload("office1", "ZR-2026-9999", "a.png", "image/png", Files.png(), null).status()).isEqualTo(404);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void wrongTypesOversizeEmptyFilesAndUnknownPurposesAreRefusedAndNothingIsKept() {
    String code = plannedItem();
    long before = count();
    Http.Response html = upload("t1b", code, "证明.pdf", "application/pdf",
        "<html><script>alert(1)</script></html>".getBytes(), "COMPLETION");
    assertThat(html.status()).isEqualTo(400);
    assertThat(html.json().get("field").asText()).isEqualTo("file");
    assertThat(html.json().get("message").asText()).startsWith("不支持此类文件，只能上传：PDF、PNG 图片、JPEG 图片、Word 文档");
    assertThat(upload("t1b", code, "演示.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Files.zip(), null).status()).isEqualTo(400);

    byte[] big = new byte[1024 * 1024 + 1];
    System.arraycopy(Files.pdf(), 0, big, 0, Files.pdf().length);
    Http.Response tooBig = upload("t1b", code, "大文件.pdf", "application/pdf", big, null);
    assertThat(tooBig.status()).isEqualTo(400);
    assertThat(tooBig.json().get("message").asText()).isEqualTo("附件不能超过 1 MB（此文件 1 MB）");

    Http.Response empty = upload("t1b", code, "空.pdf", "application/pdf", new byte[0], null);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().get("field").asText()).isEqualTo("file");
    Http.Response none = upload("t1b", code, null, null, null, "COMPLETION");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.json().get("field").asText()).isEqualTo("file");
    Http.Response purpose = upload("t1b", code, "a.png", "image/png", Files.png(), "PHOTO");
    assertThat(purpose.status()).isEqualTo(400);
    assertThat(purpose.json().get("field").asText()).isEqualTo("purpose");
    assertThat(purpose.json().get("message").asText()).startsWith("附件用途应为");
    Http.Response json = http.as("t1b").post("/api/items/" + code + "/attachments", Map.of("file", "x"));
    assertThat(json.status()).isEqualTo(400);
    assertThat(count()).isEqualTo(before);
    assertThat(jdbc.queryForObject("select count(*) from ls_attachment_content", Long.class)).isEqualTo(before);
  }

  private long count() {
    return jdbc.queryForObject("select count(*) from ls_attachment", Long.class);
  }
}
