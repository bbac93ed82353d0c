package org.luoshi.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Formal documents (issue 20): numbered per kind and year, filled from the templates, read back with POI. */
@LuoshiIT
class DocumentIT {

  static final Instant NOW = Instant.parse("2026-06-10T02:00:00Z"); // 10:00 Beijing time
  static final Path OWN_TEMPLATES = tempDir();

  @DynamicPropertySource
  static void templates(DynamicPropertyRegistry registry) {
    registry.add("luoshi.documents.template-dir", OWN_TEMPLATES::toString);
    registry.add("luoshi.documents.district", () -> "测试区");
  }

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
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

  private String issue(String unit, String deadline) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", "推进老旧小区改造");
    m.put("source", "KEY_TASK");
    m.put("unitCode", unit);
    m.put("leadLeader", "leader1");
    m.put("deadline", deadline);
    m.put("target", "年内完成 12 个小区改造");
    if (deadline.compareTo("2026-06-10") < 0) {
      m.put("issuedOn", "2026-05-01");
    }
    Http.Response r = http.as("office1").post("/api/items", m);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    engine.runAsync();
    return r.json().get("code").asText();
  }

  record Download(int status, byte[] body, HttpResponse<byte[]> response) {
    String text() throws Exception {
      try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(body))) {
        return new XWPFWordExtractor(doc).getText();
      }
    }
  }

  private Download download(String user, String path) throws Exception {
    String auth = Base64.getEncoder().encodeToString((user + ":" + TestOrganisation.PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + auth).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Download(r.statusCode(), r.body(), r);
  }

  @Test
  void theOfficeIssuesANoticeWithTheNextNumberOfTheYearAndItKeepsIt() throws Exception {
    String a = issue("T1", "2026-09-30");
    String b = issue("T2", "2026-09-30");
    engine.done("t1a", a, "acceptItem", Map.of("accepted", "true"));
    engine.done("t1a", a, "planItem", Map.of("responsiblePerson", "t1b", "measures", "倒排工期，挂图作战"));
    assertThat(http.as("leader1").post("/api/items/" + a + "/instructions", Map.of("text", "请加快进度。")).status())
        .isEqualTo(201);

    // before the office issues it, the unit cannot download it
    assertThat(download("t1a", "/api/items/" + a + "/documents/notice.docx").status()).isEqualTo(409);

    Download first = download("office1", "/api/items/" + a + "/documents/notice.docx");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.response().headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(first.response().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    String disposition = first.response().headers().firstValue("Content-Disposition").orElse("");
    assertThat(disposition).startsWith("attachment;").contains("filename=\"" + a + "-notice.docx\"")
        .contains("filename*=UTF-8''" + java.net.URLEncoder.encode("督办通知单-" + a + ".docx", StandardCharsets.UTF_8));
    String text = first.text();
    int n = number(text, "督办");
    assertThat(text).contains("测试区人民政府督查室").contains("督办通知单").contains("测试一局：")
        .contains(a).contains("推进老旧小区改造").contains("2026年9月30日").contains("年内完成 12 个小区改造")
        .contains("倒排工期，挂图作战").contains("分管一批示“请加快进度。”").contains("2026年6月10日")
        .doesNotContain("${");

    // the same number again, for the unit too; the next item gets the next number
    assertThat(number(download("office1", "/api/items/" + a + "/documents/notice.docx").text(), "督办")).isEqualTo(n);
    assertThat(number(download("t1b", "/api/items/" + a + "/documents/notice.docx").text(), "督办")).isEqualTo(n);
    assertThat(number(download("office2", "/api/items/" + b + "/documents/notice.docx").text(), "督办")).isEqualTo(n + 1);
    // each kind counts on its own
    Download letter = download("office1", "/api/items/" + b + "/documents/letter.docx");
    assertThat(letter.text()).contains("督函〔2026〕").contains("督办函").contains("测试二局：");

    var list = http.as("t1a").get("/api/items/" + a + "/documents").json();
    assertThat(list.findValuesAsText("kind")).containsExactly("notice", "letter", "rectification");
    assertThat(list.get(0).get("number").asText()).isEqualTo("督办〔2026〕" + n + "号");
    assertThat(list.get(0).get("issuedBy").asText()).isEqualTo("office1");
    assertThat(list.get(1).get("number")).isNull();
  }

  @Test
  void anOverdueItemsRectificationNoticeSaysHowLateItIs() throws Exception {
    String late = issue("T1", "2026-06-01");
    Download d = download("office1", "/api/items/" + late + "/documents/rectification.docx");
    assertThat(d.status()).isEqualTo(200);
    assertThat(d.text()).contains("整改〔2026〕").contains("整改通知书").contains("已逾期 9 天").contains("2026年6月1日");
  }

  @Test
  void theOfficesOwnTemplateReplacesTheDefault() throws Exception {
    String code = issue("T3", "2026-09-30");
    try (XWPFDocument own = new XWPFDocument()) {
      var p = own.createParagraph();
      p.createRun().setText("本区自定格式 ${num");
      p.createRun().setText("ber} 致${unitName}");
      try (var out = Files.newOutputStream(OWN_TEMPLATES.resolve("letter.docx"))) {
        own.write(out);
      }
    }
    String text = download("office1", "/api/items/" + code + "/documents/letter.docx").text();
    assertThat(text.strip()).matches("本区自定格式 督函〔2026〕\\d+号 致测试街道");
  }

  @Test
  void documentsHaveTheItemsVisibility() throws Exception {
    String code = issue("T1", "2026-09-30");
    assertThat(download("office1", "/api/items/" + code + "/documents/notice.docx").status()).isEqualTo(200);
    assertThat(download("t2a", "/api/items/" + code + "/documents/notice.docx").status()).isEqualTo(403);
    assertThat(download("leader2", "/api/items/" + code + "/documents/notice.docx").status()).isEqualTo(403);
    assertThat(download("leader1", "/api/items/" + code + "/documents/notice.docx").status()).isEqualTo(200);
    assertThat(http.as("t2a").get("/api/items/" + code + "/documents").status()).isEqualTo(403);
    assertThat(download("office1", "/api/items/ZR-2026-9999/documents/notice.docx").status()).isEqualTo(404);
    Http.Response unknownKind = http.as("office1").get("/api/items/" + code + "/documents/memo.docx");
    assertThat(unknownKind.status()).isEqualTo(404);
    assertThat(unknownKind.json().get("message").asText()).contains("没有这种文书");
    assertThat(http.anonymous().get("/api/items/" + code + "/documents/notice.docx").status()).isEqualTo(401);
  }

  /** The n of 督办〔2026〕n号. */
  private static int number(String text, String prefix) {
    var m = java.util.regex.Pattern.compile(prefix + "〔2026〕(\\d+)号").matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("luoshi-templates");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
