package org.luoshi.item;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
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

/**
 * Bad input, each case: REST answers 400/403/404 naming the field and writes nothing; a bad task
 * completion fails with a message naming the field and leaves the task open.
 */
@LuoshiIT
class ItemValidationIT {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  Http http;
  Engine engine;

  @BeforeEach
  void setUp() {
    TestOrganisation.create(identity);
    Engine.clock(ResponsibilityItemIT.NOW);
    http = new Http(port);
    engine = new Engine(http, tasks, management);
  }

  @AfterEach
  void clock() {
    Engine.resetClock();
  }

  private long items() {
    return jdbc.queryForObject("select count(*) from ls_item", Long.class);
  }

  private long instances() {
    return runtime.createProcessInstanceQuery().processDefinitionKey("responsibility-item").count();
  }

  /** POSTs as a user and checks status and field, and that nothing was written. */
  private JsonNode rejected(String user, Map<String, Object> body, int status, String field) {
    long itemsBefore = items();
    long instancesBefore = instances();
    Http.Response r = http.as(user).post("/api/items", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    JsonNode json = r.json();
    assertThat(json.get("status").asInt()).isEqualTo(status);
    if (field != null) {
      assertThat(json.get("field").asText()).isEqualTo(field);
    }
    assertThat(json.get("message").asText()).isNotBlank();
    assertThat(items()).isEqualTo(itemsBefore);
    assertThat(instances()).isEqualTo(instancesBefore);
    return json;
  }

  private static Map<String, Object> valid() {
    return new LinkedHashMap<>(ResponsibilityItemIT.item("T1", "2026-06-30"));
  }

  private static Map<String, Object> with(String key, Object value) {
    Map<String, Object> m = valid();
    m.put(key, value);
    return m;
  }

  private static Map<String, Object> without(String key) {
    Map<String, Object> m = valid();
    m.remove(key);
    return m;
  }

  private String issued() {
    Http.Response r = http.as("office1").post("/api/items", valid());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    engine.runAsync();
    return r.json().get("code").asText();
  }

  @Test
  void missingFieldsAreNamed() {
    for (String field : new String[] {"title", "source", "unitCode", "leadLeader", "deadline", "target"}) {
      rejected("office1", without(field), 400, field);
    }
    rejected("office1", with("title", "  "), 400, "title");
  }

  @Test
  void unknownFieldsAndMalformedValuesAreNamed() {
    rejected("office1", with("owner", "t1a"), 400, "owner");
    rejected("office1", with("source", "RUMOUR"), 400, "source");
    rejected("office1", with("deadline", "2026-13-01"), 400, "deadline");
    rejected("office1", with("category", "SPORTS"), 400, "category");
    assertThat(http.as("office1").post("/api/items", "{not json").status()).isEqualTo(400);
  }

  @Test
  void unknownUnitsAndLeadersAreRefused() {
    assertThat(rejected("office1", with("unitCode", "NOPE"), 400, "unitCode").get("message").asText()).contains("NOPE");
    rejected("office1", with("leadLeader", "nobody"), 400, "leadLeader");
    rejected("office1", with("leadLeader", "t1a"), 400, "leadLeader"); // not a leader in charge
    rejected("office1", with("responsiblePerson", "t2a"), 400, "responsiblePerson"); // not of unit T1
  }

  @Test
  void datesMustMakeSense() {
    assertThat(rejected("office1", with("deadline", "2026-05-31"), 400, "deadline").get("message").asText())
        .contains("截止日期不能早于下发日期");
    Map<String, Object> early = with("issuedOn", "2026-05-01");
    early.put("deadline", "2026-04-30");
    rejected("office1", early, 400, "deadline");
    rejected("office1", with("issuedOn", "2026-06-02"), 400, "issuedOn"); // in the future
  }

  @Test
  void onlyTheOfficeIssuesItemsAndOnlyItMayBackdateThem() {
    rejected("t1a", valid(), 403, null);
    rejected("leader1", valid(), 403, null);
    rejected("principal1", valid(), 403, null);

    String parent = issued();
    Map<String, Object> sub = with("parentCode", parent);
    sub.put("issuedOn", "2026-05-01");
    rejected("t1a", sub, 400, "issuedOn");
    rejected("t2a", with("parentCode", parent), 403, null); // not the parent's unit
    rejected("office1", with("parentCode", "ZR-2026-9999"), 400, "parentCode");
    Map<String, Object> late = with("parentCode", parent);
    late.put("deadline", "2026-07-31");
    rejected("office1", late, 400, "deadline"); // after the parent's deadline
  }

  @Test
  void unknownItemsAre404AndOtherUnitsItems403() {
    Http.Response r = http.as("office1").get("/api/items/ZR-2026-9999");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("status").asInt()).isEqualTo(404);
    String code = issued();
    assertThat(http.as("t2a").get("/api/items/" + code).status()).isEqualTo(403);
    assertThat(http.as("leader2").get("/api/items/" + code).status()).isEqualTo(403);
    assertThat(http.as("principal1").get("/api/items/" + code).status()).isEqualTo(200);
    assertThat(http.as("t2a").get("/api/items?page=-1").json().get("field").asText()).isEqualTo("page");
    assertThat(http.as("t2a").get("/api/items?status=LOST").json().get("field").asText()).isEqualTo("status");
  }

  @Test
  void anotherUnitCannotWorkTheTask() {
    String code = issued();
    String taskId = engine.requireTask(code, "acceptItem").getId();
    Http.Response r = engine.submitForm("t2a", taskId, Map.of("accepted", "true"));
    assertThat(r.status()).isIn(403, 404);
    assertThat(engine.task(code, "acceptItem")).isNotNull();
    assertThat(http.as("t2a").get("/engine-rest/task?processInstanceBusinessKey=" + code).json()).isEmpty();
  }

  @Test
  void badTaskCompletionsFailNamingTheFieldAndLeaveTheTaskOpen() {
    String code = issued();
    assertFails("t1a", code, "acceptItem", Map.of(), "accepted");
    assertFails("t1a", code, "acceptItem", Map.of("accepted", "false"), "returnReason");
    assertFails("t1a", code, "acceptItem", Map.of("accepted", "maybe"), "accepted");
    engine.done("t1a", code, "acceptItem", Map.of("accepted", "true"));

    assertFails("t1a", code, "planItem", Map.of("responsiblePerson", "t2a", "measures", "x"), "responsiblePerson");
    assertFails("t1a", code, "planItem", Map.of("responsiblePerson", "ghost", "measures", "x"), "responsiblePerson");
    assertFails("t1a", code, "planItem", Map.of("responsiblePerson", "t1b"), "measures");
    engine.done("t1a", code, "planItem", Map.of("responsiblePerson", "t1b", "measures", "按月调度"));

    assertFails("t1b", code, "submitCompletion", Map.of("action", "FINISH"), "action");
    assertFails("t1b", code, "submitCompletion",
        Map.of("action", "COMPLETE", "completedOn", "2026-05-31", "completionNote", "完成"), "completedOn");
    assertFails("t1b", code, "submitCompletion",
        Map.of("action", "COMPLETE", "completedOn", "2026-06-02", "completionNote", "完成"), "completedOn");
    assertFails("t1b", code, "submitCompletion", Map.of("action", "COMPLETE", "completedOn", "2026-06-01"), "completionNote");
    assertFails("t1b", code, "submitCompletion",
        Map.of("action", "EXTEND", "newDeadline", "2026-06-15", "extensionReason", "x"), "newDeadline");
    assertFails("t1b", code, "submitCompletion", Map.of("action", "EXTEND", "newDeadline", "2026-07-15"), "extensionReason");
    engine.done("t1b", code, "submitCompletion",
        Map.of("action", "COMPLETE", "completedOn", "2026-06-01", "completionNote", "完成"));

    assertFails("office1", code, "verifyCompletion", Map.of("approved", "true", "qualityScore", 101), "qualityScore");
    assertFails("office1", code, "verifyCompletion", Map.of("approved", "true", "qualityScore", -1), "qualityScore");
    assertFails("office1", code, "verifyCompletion", Map.of("approved", "true", "qualityScore", "八十"), "qualityScore");
    assertFails("office1", code, "verifyCompletion", Map.of("approved", "true"), "qualityScore");
    assertFails("office1", code, "verifyCompletion", Map.of("approved", "true", "qualityScore", 95), "reviewComment");
    assertFails("office1", code, "verifyCompletion", Map.of("approved", "true", "qualityScore", 50), "reviewComment");
    assertFails("office1", code, "verifyCompletion", Map.of("approved", "false"), "reviewComment");
    JsonNode d = http.as("office1").get("/api/items/" + code).json();
    assertThat(d.get("reviews")).isEmpty();
    assertThat(d.get("status").asText()).isEqualTo("CLOSING");

    engine.done("office1", code, "verifyCompletion",
        Map.of("approved", "true", "qualityScore", 95, "reviewComment", "提前完成，经验可推广"));
    assertThat(http.as("office1").get("/api/items/" + code).json().get("reviews")).hasSize(1);
  }

  private void assertFails(String user, String code, String taskKey, Map<String, ?> values, String field) {
    String taskId = engine.requireTask(code, taskKey).getId();
    String statusBefore = http.as("office1").get("/api/items/" + code).json().get("status").asText();
    Http.Response r = engine.submitForm(user, taskId, values);
    assertThat(r.status()).as("%s %s → %s", taskKey, values, r).isEqualTo(400);
    assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
    assertThat(r.json().get("message").asText()).as(r.toString()).containsPattern("\\p{IsHan}").doesNotContain("ENGINE");
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("task stays open").isEqualTo(1);
    assertThat(http.as("office1").get("/api/items/" + code).json().get("status").asText()).isEqualTo(statusBefore);
  }

  @Test
  void theOfficeStartsAnItemFromTasklistsStartFormAndOthersCannot() {
    Map<String, Object> form = new LinkedHashMap<>(valid());
    Map<String, Object> variables = new LinkedHashMap<>();
    form.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    Http.Response r = http.as("office1").post("/engine-rest/process-definition/key/responsibility-item/submit-form",
        Map.of("variables", variables));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    String businessKey = r.json().get("businessKey").asText();
    assertThat(businessKey).matches("ZR-2026-\\d{4}");
    engine.runAsync();
    JsonNode item = http.as("office1").get("/api/items/" + businessKey).json();
    assertThat(item.get("title").asText()).isEqualTo("推进就业创业服务提质");
    assertThat(item.get("issuedBy").asText()).isEqualTo("office1");
    assertThat(engine.task(businessKey, "acceptItem")).isNotNull();

    long before = items();
    Http.Response byPrincipal = http.as("principal1")
        .post("/engine-rest/process-definition/key/responsibility-item/submit-form", Map.of("variables", variables));
    assertThat(byPrincipal.status()).isBetween(400, 599);
    Map<String, Object> noUnit = new LinkedHashMap<>(variables);
    noUnit.remove("unitCode");
    Http.Response bad = http.as("office1")
        .post("/engine-rest/process-definition/key/responsibility-item/submit-form", Map.of("variables", noUnit));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("unitCode");
    assertThat(items()).isEqualTo(before);
  }
}
