package org.luoshi.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * WeChat Work and DingTalk group robots and a generic HTTPS webhook (issue 20), against a local
 * server that checks each platform's message format and signature as the platform does: one
 * message per unit and notice, and a failing server that becomes a Cockpit incident and, retried,
 * gets each message exactly once.
 */
@LuoshiIT
class WebhookChannelsIT {

  static final Robots ROBOTS = Robots.start();
  static final String WECOM_KEY = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
  static final String DINGTALK_SECRET = "SEC7f3c0b1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b";
  static final String HOOK_SECRET = "hook-secret-0123456789abcdef";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("luoshi.webhooks.allow-http", () -> "true");
    registry.add("luoshi.notifications.base-url", () -> "https://luoshi.example.gov.cn/");
  }

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.luoshi.notification.Outbox outbox;
  Http http;
  Engine engine;

  @BeforeEach
  void setUp() {
    TestOrganisation.create(identity);
    Engine.clock(Instant.parse("2026-06-01T02:00:00Z")); // 10:00 Beijing time, outside quiet hours
    http = new Http(port);
    engine = new Engine(http, tasks, management);
    ROBOTS.reset();
    configure("T1", "WECOM", Map.of("url", ROBOTS.url("/cgi-bin/webhook/send?key=" + WECOM_KEY)));
    configure("T2", "DINGTALK", Map.of("url", ROBOTS.url("/robot/send?access_token=dt-0123456789abcdef"),
        "secret", DINGTALK_SECRET));
    configure("T3", "WEBHOOK", Map.of("url", ROBOTS.url("/luoshi/notices"), "secret", HOOK_SECRET));
  }

  @AfterEach
  void clock() {
    Engine.resetClock();
  }

  @AfterAll
  static void stop() {
    ROBOTS.server.stop(0);
  }

  private void configure(String unit, String platform, Map<String, String> body) {
    Http.Response r = http.as("office1").put("/api/units/" + unit + "/webhooks/" + platform, body);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
  }

  private String issue(String unit) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", "汛期安全隐患排查");
    m.put("source", "KEY_TASK");
    m.put("unitCode", unit);
    m.put("leadLeader", "leader1");
    m.put("deadline", "2026-06-30");
    m.put("target", "排查全部在建工地");
    Http.Response r = http.as("office1").post("/api/items", m);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    runItemJobs();
    return r.json().get("code").asText();
  }

  /** The due asynchronous steps, except the delivery jobs (which a test drives itself). */
  private void runItemJobs() {
    for (int i = 0; i < 20; i++) {
      List<Job> jobs = management.createJobQuery().messages().executable().list().stream()
          .filter(j -> !"notification-delivery".equals(j.getProcessDefinitionKey())).toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> management.executeJob(j.getId()));
    }
  }

  private List<Map<String, Object>> records(String code, String channel) {
    return jdbc.queryForList("select status, attempts, address from ls_notification_delivery where notice_key = ? and channel = ?",
        "ITEM_ISSUED:" + code + ":1", channel);
  }

  @Test
  void eachUnitsGroupGetsOneMessageInItsPlatformsFormatSigned() throws Exception {
    String wecom = issue("T1");
    String dingtalk = issue("T2");
    String hook = issue("T3");

    // 企业微信: one markdown message for the unit (t1a and t1b are both in it)
    assertThat(ROBOTS.accepted("WECOM")).singleElement().satisfies(m -> {
      assertThat(m.get("msgtype").asText()).isEqualTo("markdown");
      assertThat(m.get("markdown").get("content").asText()).contains("**新下发责任清单待签收：汛期安全隐患排查**")
          .contains("> 责任单位：测试一局").contains("[查看详情](https://luoshi.example.gov.cn/ledger/items/" + wecom + ")");
    });
    assertThat(records(wecom, "WECOM")).singleElement().satisfies(r -> {
      assertThat(r.get("status")).isEqualTo("SENT");
      assertThat(r.get("address")).isEqualTo("unit:T1");
    });
    // 钉钉: signed as DingTalk checks it
    assertThat(ROBOTS.accepted("DINGTALK")).singleElement().satisfies(m -> {
      assertThat(m.get("msgtype").asText()).isEqualTo("markdown");
      assertThat(m.get("markdown").get("title").asText()).isEqualTo("新下发责任清单待签收：汛期安全隐患排查");
      assertThat(m.get("markdown").get("text").asText()).contains("测试二局").contains("/ledger/items/" + dingtalk);
    });
    // the HTTPS webhook: JSON with an HMAC-SHA256 signature over the body, and the delivery key
    assertThat(ROBOTS.accepted("WEBHOOK")).singleElement().satisfies(m -> {
      assertThat(m.get("type").asText()).isEqualTo("ITEM_ISSUED");
      assertThat(m.get("unitCode").asText()).isEqualTo("T3");
      assertThat(m.get("link").asText()).isEqualTo("https://luoshi.example.gov.cn/ledger/items/" + hook);
      assertThat(m.get("deliveryKey").asText()).contains("ITEM_ISSUED:" + hook);
    });
    assertThat(ROBOTS.refused).as("every signature and format checked out").hasValue(0);
  }

  @Test
  void secretsGoInButNeverComeOutAndOnlyTheOfficeSetsThem() {
    Http.Response list = http.as("office1").get("/api/units/T2/webhooks");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).doesNotContain(DINGTALK_SECRET).doesNotContain("dt-0123456789abcdef");
    JsonNode d = list.json().get(0);
    assertThat(d.get("platform").asText()).isEqualTo("DINGTALK");
    assertThat(d.get("secretSet").asBoolean()).isTrue();
    assertThat(d.get("secretHint").asText()).isEqualTo("****8a9b");
    assertThat(d.get("url").asText()).endsWith("access_token=****cdef");
    assertThat(http.as("office1").get("/api/units/T1/webhooks").body()).doesNotContain(WECOM_KEY);
    // a new address keeps the secret set before
    configure("T2", "DINGTALK", Map.of("url", ROBOTS.url("/robot/send?access_token=dt-fedcba9876543210")));
    assertThat(http.as("office1").get("/api/units/T2/webhooks").json().get(0).get("secretSet").asBoolean()).isTrue();

    assertThat(http.as("t1a").put("/api/units/T1/webhooks/WECOM", Map.of("url", ROBOTS.url("/x?key=1"))).status())
        .isEqualTo(403);
    assertThat(http.as("leader1").get("/api/units/T1/webhooks").status()).isEqualTo(403);
    assertThat(http.as("office1").get("/api/units/NOPE/webhooks").status()).isEqualTo(404);
    assertThat(http.as("office1").put("/api/units/T1/webhooks/SMOKE", Map.of("url", "https://a.example")).status())
        .isEqualTo(404);
    Http.Response ftp = http.as("office1").put("/api/units/T1/webhooks/WEBHOOK",
        Map.of("url", "ftp://example.gov.cn/x", "secret", HOOK_SECRET));
    assertThat(ftp.status()).isEqualTo(400);
    assertThat(ftp.json().get("field").asText()).isEqualTo("url");
    Http.Response noSecret = http.as("office1").put("/api/units/T1/webhooks/WEBHOOK", Map.of("url", "https://example.gov.cn/x"));
    assertThat(noSecret.status()).isEqualTo(400);
    assertThat(noSecret.json().get("field").asText()).isEqualTo("secret");
    assertThat(noSecret.json().get("message").asText()).contains("签名密钥");
    assertThat(http.as("office1").get("/api/units/T1/webhooks").json()).hasSize(1);
  }

  @Test
  void aFailingRobotBecomesAnIncidentAndRetriedDeliversExactlyOnce() {
    ROBOTS.failing.set(true);
    String code = issue("T1");
    assertThat(engine.task(code, "acceptItem")).as("the item goes on").isNotNull();
    assertThat(records(code, "WECOM")).singleElement().satisfies(r -> assertThat(r.get("status")).isEqualTo("FAILED"));

    List<Job> jobs = management.createJobQuery().processDefinitionKey("notification-delivery").messages().list();
    assertThat(jobs).hasSize(1);
    Job job = jobs.get(0);
    for (int i = 0; i < 10 && management.createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0; i++) {
      assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("未能发出");
    }
    assertThat(runtime.createIncidentQuery().list()).singleElement().satisfies(incident -> {
      assertThat(incident.getActivityId()).isEqualTo("deliverNotifications");
      assertThat(incident.getIncidentMessage()).contains("企业微信群机器人答复 HTTP 500");
    });
    assertThat(ROBOTS.accepted("WECOM")).isEmpty();
    int tries = ROBOTS.calls.get();
    assertThat(tries).isGreaterThan(1);

    ROBOTS.failing.set(false);
    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());
    assertThat(runtime.createIncidentQuery().count()).isZero();
    assertThat(ROBOTS.accepted("WECOM")).hasSize(1);
    assertThat(records(code, "WECOM")).singleElement().satisfies(r -> assertThat(r.get("status")).isEqualTo("SENT"));
    // nothing left to send: no delivery job, and draining the outbox again sends nothing more
    assertThat(management.createJobQuery().processDefinitionKey("notification-delivery").messages().count()).isZero();
    assertThat(outbox.drainNow()).isZero();
    assertThat(ROBOTS.accepted("WECOM")).hasSize(1);
  }

  /** A local stand-in for the platforms: checks format and signature as each platform does, answers as it does. */
  static final class Robots {
    final HttpServer server;
    final AtomicBoolean failing = new AtomicBoolean();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();
    final Map<String, List<JsonNode>> accepted = new LinkedHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Robots(HttpServer server) {
      this.server = server;
    }

    static Robots start() {
      try {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Robots robots = new Robots(server);
        server.createContext("/cgi-bin/webhook/send", robots::wecom);
        server.createContext("/robot/send", robots::dingtalk);
        server.createContext("/luoshi/notices", robots::webhook);
        server.start();
        return robots;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    String url(String path) {
      return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void reset() {
      failing.set(false);
      refused.set(0);
      calls.set(0);
      accepted.clear();
    }

    synchronized List<JsonNode> accepted(String platform) {
      return List.copyOf(accepted.getOrDefault(platform, List.of()));
    }

    private synchronized void accept(String platform, JsonNode message) {
      accepted.computeIfAbsent(platform, k -> new CopyOnWriteArrayList<>()).add(message);
    }

    private void wecom(HttpExchange x) throws IOException {
      JsonNode body = read(x);
      if (body == null) {
        return;
      }
      Map<String, String> q = query(x);
      boolean ok = "POST".equals(x.getRequestMethod()) && WECOM_KEY.equals(q.get("key"))
          && "markdown".equals(body.path("msgtype").asText()) && !body.path("markdown").path("content").asText().isEmpty();
      finish(x, "WECOM", body, ok, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");
    }

    private void dingtalk(HttpExchange x) throws IOException {
      JsonNode body = read(x);
      if (body == null) {
        return;
      }
      Map<String, String> q = query(x);
      boolean ok;
      try {
        long timestamp = Long.parseLong(q.get("timestamp"));
        String expected = Base64.getEncoder().encodeToString(hmac(DINGTALK_SECRET, timestamp + "\n" + DINGTALK_SECRET));
        ok = "POST".equals(x.getRequestMethod()) && q.get("access_token") != null
            && Math.abs(System.currentTimeMillis() - timestamp) < 3_600_000 && expected.equals(q.get("sign"))
            && "markdown".equals(body.path("msgtype").asText()) && body.path("markdown").has("title")
            && body.path("markdown").has("text");
      } catch (RuntimeException e) {
        ok = false;
      }
      finish(x, "DINGTALK", body, ok, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
    }

    private void webhook(HttpExchange x) throws IOException {
      byte[] raw = x.getRequestBody().readAllBytes();
      calls.incrementAndGet();
      if (failing.get()) {
        answer(x, 500, "");
        return;
      }
      String expected = "sha256=" + HexFormat.of().formatHex(hmac(HOOK_SECRET, new String(raw, StandardCharsets.UTF_8)));
      JsonNode body = JSON.readTree(raw);
      boolean ok = expected.equals(x.getRequestHeaders().getFirst("X-Luoshi-Signature"))
          && body.path("deliveryKey").asText().equals(x.getRequestHeaders().getFirst("X-Luoshi-Delivery"));
      if (ok) {
        accept("WEBHOOK", body);
        answer(x, 204, null);
      } else {
        refused.incrementAndGet();
        answer(x, 401, "bad signature");
      }
    }

    /** The request's JSON, or null when the server plays down (answered 500). */
    private JsonNode read(HttpExchange x) throws IOException {
      byte[] raw = x.getRequestBody().readAllBytes();
      calls.incrementAndGet();
      if (failing.get()) {
        answer(x, 500, "");
        return null;
      }
      return JSON.readTree(raw);
    }

    private void finish(HttpExchange x, String platform, JsonNode body, boolean ok, String refusal) throws IOException {
      if (ok) {
        accept(platform, body);
        answer(x, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
      } else {
        refused.incrementAndGet();
        answer(x, 200, refusal);
      }
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
      byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().add("Content-Type", "application/json");
      x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        x.getResponseBody().write(bytes);
      }
      x.close();
    }

    private static Map<String, String> query(HttpExchange x) {
      Map<String, String> q = new LinkedHashMap<>();
      String raw = x.getRequestURI().getRawQuery();
      if (raw != null) {
        for (String pair : raw.split("&")) {
          int eq = pair.indexOf('=');
          q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
      return q;
    }

    private static byte[] hmac(String secret, String data) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
