package org.luoshi.instruction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.notification.NotificationView;
import org.luoshi.notification.Notifications;
import org.luoshi.testsupport.Engine;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 领导批示 (issue 20): who may write one, who hears of it, and where it shows. */
@LuoshiIT
class InstructionIT {

  static final Instant NOW = Instant.parse("2026-06-10T02:00:00Z"); // 10:00 Beijing time

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired Notifications notifications;
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

  static Map<String, Object> anItem(String unit) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", "推进老旧小区改造");
    m.put("source", "KEY_TASK");
    m.put("unitCode", unit);
    m.put("leadLeader", "leader1");
    m.put("deadline", "2026-09-30");
    m.put("target", "年内完成 12 个小区改造");
    return m;
  }

  private String issue(String unit) {
    Http.Response r = http.as("office1").post("/api/items", anItem(unit));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    engine.runAsync();
    return r.json().get("code").asText();
  }

  private List<NotificationView> notices(String user, String code) {
    return notifications.received(user, "ITEM_INSTRUCTED").stream().filter(n -> n.link().endsWith("/" + code)).toList();
  }

  @Test
  void theLeaderInChargeInstructsAndTheUnitHearsOfIt() {
    String code = issue("T1");
    engine.done("t1a", code, "acceptItem", Map.of("accepted", "true"));
    engine.done("t1a", code, "planItem", Map.of("responsiblePerson", "t1b", "measures", "倒排工期，挂图作战"));

    Http.Response r = http.as("leader1").post("/api/items/" + code + "/instructions",
        Map.of("text", "  请加快进度，\n九月底前全部完工。 "));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonNode written = r.json();
    assertThat(written.get("id").asLong()).isPositive();
    assertThat(written.get("author").asText()).isEqualTo("leader1");
    assertThat(written.get("text").asText()).isEqualTo("请加快进度，\n九月底前全部完工。");
    assertThat(written.get("createdAt").asText()).startsWith("2026-06-10T10:00");

    // the unit's staff and the responsible person are told, once each; the author is not
    assertThat(notices("t1a", code)).hasSize(1);
    assertThat(notices("t1b", code)).singleElement().satisfies(n -> {
      assertThat(n.title()).contains("分管一").contains("推进老旧小区改造");
      assertThat(n.body()).contains("批示内容：请加快进度").contains("测试一局");
    });
    assertThat(notices("leader1", code)).isEmpty();
    assertThat(notices("t2a", code)).isEmpty();

    // a principal leader may instruct any item
    assertThat(http.as("principal1").post("/api/items/" + code + "/instructions", Map.of("text", "同意分管领导意见。"))
        .status()).isEqualTo(201);

    // GET /api/items/{code}: oldest first, for everyone who may see the item
    JsonNode item = http.as("t1a").get("/api/items/" + code).json();
    assertThat(item.get("instructions").findValuesAsText("author")).containsExactly("leader1", "principal1");
    assertThat(item.get("instructions").get(1).get("authorName").asText()).isEqualTo("主要一");

    // the forms of the item's next tasks show them, as a context the worker cannot change
    String taskId = engine.requireTask(code, "submitCompletion").getId();
    JsonNode shown = http.as("t1b").get("/engine-rest/task/" + taskId + "/form-variables?variableNames=instructions&deserializeValues=false")
        .json().get("instructions");
    assertThat(shown.get("value").asText()).contains("请加快进度").contains("主要一").contains("2026-06-10 10:00");
    Http.Response forged = engine.submit("t1b", code, "submitCompletion", Map.of("action", "COMPLETE",
        "completedOn", "2026-06-10", "completionNote", "已完成", "instructions", List.of()));
    assertThat(forged.status()).as(forged.toString()).isEqualTo(400);
    assertThat(forged.json().get("field").asText()).isEqualTo("instructions");
    assertThat(http.as("t1b").post("/engine-rest/task/" + taskId + "/variables/instructions",
        Map.of("value", "[]", "type", "Json")).status()).isIn(400, 403, 405);
  }

  @Test
  void theLedgerCountsTheItemsInstructedThisMonthThatTheViewerMaySee() {
    // the class shares one database: count from what the other tests left
    Map<String, Integer> before = new LinkedHashMap<>();
    for (String user : List.of("office1", "principal1", "t1a", "t2a", "t3a", "leader2")) {
      before.put(user, instructedThisMonth(user));
    }
    String a = issue("T1");
    String b = issue("T2");
    issue("T2");
    write("leader1", a, "请抓紧。");
    write("principal1", a, "同意。");
    write("principal1", b, "请研究落实。");
    // an instruction of last month does not count
    Engine.clock(Instant.parse("2026-05-31T15:00:00Z")); // 2026-05-31 23:00 Beijing time
    String c = issue("T1");
    write("leader1", c, "五月的批示。");
    Engine.clock(NOW);

    assertThat(http.as("office1").get("/api/items/" + c).json().get("instructions").get(0).get("createdAt").asText())
        .isEqualTo("2026-05-31T23:00:00+08:00");
    // two items instructed this month (one of them twice); unit staff count their unit's, others none
    assertThat(instructedThisMonth("office1") - before.get("office1")).isEqualTo(2);
    assertThat(instructedThisMonth("principal1") - before.get("principal1")).isEqualTo(2);
    assertThat(instructedThisMonth("t1a") - before.get("t1a")).isEqualTo(1);
    assertThat(instructedThisMonth("t2a") - before.get("t2a")).isEqualTo(1);
    assertThat(instructedThisMonth("t3a")).isZero();
    assertThat(instructedThisMonth("leader2")).isZero();
    // the figures are still there beside it
    assertThat(http.as("office1").get("/api/stats?year=2026").json().get("total").get("issued").asInt()).isPositive();
  }

  @Test
  void othersMayNotInstructAndBadTextIsRefusedNamingTheField() {
    String code = issue("T1");
    assertThat(http.as("leader2").post("/api/items/" + code + "/instructions", Map.of("text", "我来批示")).status())
        .isEqualTo(403);
    assertThat(http.as("t1a").post("/api/items/" + code + "/instructions", Map.of("text", "我来批示")).status())
        .isEqualTo(403);
    assertThat(http.as("office1").post("/api/items/" + code + "/instructions", Map.of("text", "我来批示")).status())
        .isEqualTo(403);
    assertThat(http.as("leader1").post("/api/items/ZR-2026-9999/instructions", Map.of("text", "请落实")).status())
        .isEqualTo(404);

    Http.Response empty = http.as("leader1").post("/api/items/" + code + "/instructions", Map.of("text", "   "));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().get("field").asText()).isEqualTo("text");
    assertThat(empty.json().get("message").asText()).contains("批示内容");
    Http.Response missing = http.as("leader1").post("/api/items/" + code + "/instructions", Map.of());
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("message").asText()).contains("批示内容");
    Http.Response tooLong = http.as("leader1").post("/api/items/" + code + "/instructions", Map.of("text", "批".repeat(2001)));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().get("field").asText()).isEqualTo("text");
    assertThat(tooLong.json().get("message").asText()).contains("批示内容").contains("2000");
    Http.Response control = http.as("leader1").post("/api/items/" + code + "/instructions", Map.of("text", "请\u0000落实"));
    assertThat(control.status()).isEqualTo(400);

    // nothing was written, nobody was told
    assertThat(http.as("office1").get("/api/items/" + code).json().get("instructions")).isEmpty();
    assertThat(notices("t1a", code)).isEmpty();
    assertThat(http.anonymous().post("/api/items/" + code + "/instructions", Map.of("text", "请落实")).status())
        .isEqualTo(401);
  }

  private int instructedThisMonth(String user) {
    Http.Response r = http.as(user).get("/api/stats");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().get("instructedThisMonth").asInt();
  }

  private void write(String leader, String code, String text) {
    Http.Response r = http.as(leader).post("/api/items/" + code + "/instructions", Map.of("text", text));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }
}
