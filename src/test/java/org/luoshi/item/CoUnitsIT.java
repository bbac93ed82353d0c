package org.luoshi.item;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.identity.Groups;
import org.luoshi.notification.NotificationView;
import org.luoshi.notification.Notifications;
import org.luoshi.testsupport.Engine;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Co-responsible units (协办单位, issue 19 part 3): T1 leads, T2 helps, T3 has nothing to do with
 * the item. Issuing with co-units and each refusal, who sees the item, who hears of it, the monthly
 * co-unit progress task and the item page's progress, reassignment to a co-unit, the stats column.
 */
@LuoshiIT
class CoUnitsIT {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired Notifications notifications;
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

  private static Map<String, Object> item(Object coUnitCodes) {
    Map<String, Object> m = new LinkedHashMap<>(ResponsibilityItemIT.item("T1", "2026-06-30"));
    m.put("coUnitCodes", coUnitCodes);
    return m;
  }

  private String issue(Object coUnitCodes) {
    Http.Response r = http.as("office1").post("/api/items", item(coUnitCodes));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    engine.runAsync();
    return r.json().get("code").asText();
  }

  private List<NotificationView> notices(String user, String type, String code) {
    return notifications.received(user, type).stream().filter(n -> n.link().endsWith("/" + code)).toList();
  }

  private List<String> ledger(String user, String query) {
    Http.Response r = http.as(user).get("/api/items?size=200" + query);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    List<String> codes = new ArrayList<>();
    r.json().get("content").forEach(i -> codes.add(i.get("code").asText()));
    return codes;
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  private void acceptAndPlan(String code) {
    engine.done("t1a", code, "acceptItem", Map.of("accepted", "true"));
    engine.done("t1a", code, "planItem", Map.of("responsiblePerson", "t1b", "measures", "建立台账，每周调度"));
  }

  @Test
  void aCoUnitSeesTheItemHearsOfItAndReportsItsPartButDoesNotWorkTheLeadUnitsTasks() {
    String code = issue(List.of("T2"));

    // returned with the item, by code and name
    JsonNode d = http.as("office1").get("/api/items/" + code).json();
    assertThat(d.get("unitCode").asText()).isEqualTo("T1");
    assertThat(d.get("coUnitCodes")).hasSize(1);
    assertThat(d.get("coUnitCodes").get(0).asText()).isEqualTo("T2");
    assertThat(d.get("coUnits").get(0).get("unitName").asText()).isEqualTo("测试二局");
    assertThat(d.get("events").get(0).get("detail").asText()).contains("协办单位：测试二局");

    // visibility: the co-unit sees the item page and the ledger row, a third unit does not
    assertThat(http.as("t2a").get("/api/items/" + code).status()).isEqualTo(200);
    assertThat(http.as("t3a").get("/api/items/" + code).status()).isEqualTo(403);
    assertThat(http.as("t3a").get("/api/items/" + code + "/attachments").status()).isIn(403, 404);
    assertThat(http.as("t2a").get("/api/items/" + code + "/attachments").status()).isEqualTo(200);
    assertThat(ledger("t2a", "")).contains(code);
    assertThat(ledger("t3a", "")).doesNotContain(code);
    // unitCode keeps meaning the lead unit; coUnitCode finds the co-items
    assertThat(ledger("t2a", "&unitCode=T2")).doesNotContain(code);
    assertThat(ledger("office1", "&unitCode=T1")).contains(code);
    assertThat(ledger("office1", "&coUnitCode=T2")).contains(code);
    assertThat(ledger("office1", "&coUnitCode=T3")).doesNotContain(code);
    JsonNode row = http.as("t2a").get("/api/items?coUnitCode=T2&size=200").json().get("content").get(0);
    assertThat(row.get("coUnitNames").get(0).asText()).isEqualTo("测试二局");

    // notices: the lead unit is asked to accept, the co-unit is told it helps
    assertThat(notices("t1a", "ITEM_ISSUED", code)).hasSize(1);
    assertThat(notices("t2a", "ITEM_ISSUED", code)).isEmpty();
    assertThat(notices("t2a", "ITEM_CO_ISSUED", code)).hasSize(1);
    assertThat(notices("t2a", "ITEM_CO_ISSUED", code).get(0).title()).contains("协办单位");
    assertThat(notices("t3a", "ITEM_CO_ISSUED", code)).isEmpty();

    // the lead unit's task is not the co-unit's
    Http.Response accept = engine.submit("t2a", code, "acceptItem", Map.of("accepted", "true"));
    assertThat(accept.status()).as(accept.toString()).isNotEqualTo(204);
    assertThat(engine.task(code, "acceptItem")).isNotNull();
    acceptAndPlan(code);
    assertThat(notices("t2a", "ITEM_ACCEPTED", code)).isEmpty();

    // the monthly progress: the responsible person and one task per co-unit
    String pid = d.get("processInstanceId").asText();
    engine.fire(pid, "progressTimer");
    assertThat(engine.task(code, "reportProgress").getAssignee()).isEqualTo("t1b");
    Task co = engine.requireTask(code, "reportCoProgress");
    assertThat(co.getName()).startsWith("协办进展（测试二局）：");
    assertThat(tasks.getIdentityLinksForTask(co.getId())).extracting(l -> l.getGroupId()).containsExactly("unit-T2");
    assertThat(tasks.createTaskQuery().taskCandidateUser("t2a").taskId(co.getId()).count()).isOne();
    long reports = count("ls_progress_report");
    // another unit's member and the lead unit's are refused, nothing recorded, the task stays open
    for (String other : List.of("t3a", "t1a", "office1")) {
      Http.Response r = engine.submitForm(other, co.getId(), Map.of("coProgressPercent", 50, "coProgressNote", "冒名报送"));
      assertThat(r.status()).as(other + " " + r).isIn(403, 404);
      assertThat(tasks.createTaskQuery().taskId(co.getId()).count()).isOne();
      assertThat(count("ls_progress_report")).isEqualTo(reports);
    }
    // a bad value is a 400 naming the field
    Http.Response bad = engine.submitForm("t2a", co.getId(), Map.of("coProgressPercent", 150, "coProgressNote", "x"));
    assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("coProgressPercent");
    assertThat(count("ls_progress_report")).isEqualTo(reports);
    // the co-unit's member reports its part
    Http.Response ok = engine.submitForm("t2a", co.getId(), Map.of("coProgressPercent", 50, "coProgressNote", "配合完成选址"));
    assertThat(ok.status()).as(ok.toString()).isEqualTo(204);
    engine.done("t1b", code, "reportProgress", Map.of("progressPercent", 40, "progressNote", "已完成方案制定"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isOne();
    assertThat(engine.task(code, "reportCoProgress")).isNull();

    // the co-unit may add its part any time on the item page; a third unit may not
    Http.Response page = http.as("t2a").post("/api/items/" + code + "/progress",
        Map.of("progressPercent", 60, "progressNote", "完成配套设施设计"));
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(http.as("t3a").post("/api/items/" + code + "/progress",
        Map.of("progressPercent", 60, "progressNote", "x")).status()).isEqualTo(403);

    JsonNode after = http.as("t2a").get("/api/items/" + code).json();
    assertThat(after.get("progressPercent").asInt()).as("the lead unit's progress").isEqualTo(40);
    List<String> progress = new ArrayList<>();
    after.get("progress").forEach(p -> progress.add(p.get("percent").asInt() + " " + p.get("reportedBy").asText() + " "
        + (p.path("unitCode").isTextual() ? p.path("unitCode").asText() : "-") + " " + p.get("coUnit").asBoolean()));
    assertThat(progress).containsExactlyInAnyOrder("50 t2a T2 true", "40 t1b - false", "60 t2a T2 true");
    assertThat(after.get("progress").findValuesAsText("unitName")).contains("测试二局");

    // overdue: the co-unit hears of it too (the whole item concerns it)
    engine.fire(pid, "overdueTimer");
    assertThat(notices("t1a", "ITEM_OVERDUE", code)).hasSize(1);
    assertThat(notices("t2a", "ITEM_OVERDUE", code)).hasSize(1);
    assertThat(notices("t3a", "ITEM_OVERDUE", code)).isEmpty();
  }

  @Test
  void eachBadListOfCoUnitsIsA400NamingTheFieldAndWritesNothing() {
    refused(List.of("NOPE"), "协办单位中没有这个单位：NOPE");
    refused(List.of("T1"), "协办单位不能是牵头的责任单位本身：测试一局");
    refused(List.of("T2", "T2"), "协办单位重复：测试二局");
    refused(Map.of("unit", "T2"), "协办单位");
    refused(List.of(List.of("T2")), "协办单位");
    for (int i = 1; i <= 11; i++) {
      TestOrganisation.group(identity, "unit-C" + i, "测试协办" + i, Groups.UNIT_TYPE);
    }
    List<String> eleven = new ArrayList<>();
    for (int i = 1; i <= 11; i++) {
      eleven.add("C" + i);
    }
    refused(eleven, "协办单位最多 10 个");
    // ten are fine, and an empty list is no co-unit
    String ten = issue(eleven.subList(0, 10));
    assertThat(http.as("office1").get("/api/items/" + ten).json().get("coUnitCodes")).hasSize(10);
    String none = issue(List.of());
    assertThat(http.as("office1").get("/api/items/" + none).json().get("coUnitCodes")).isEmpty();
  }

  private void refused(Object coUnitCodes, String message) {
    long items = count("ls_item");
    long coUnits = count("ls_item_co_unit");
    long instances = runtime.createProcessInstanceQuery().processDefinitionKey("responsibility-item").count();
    Http.Response r = http.as("office1").post("/api/items", item(coUnitCodes));
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).startsWith("coUnitCodes"); // a nested entry: coUnitCodes[0]
    assertThat(r.json().get("message").asText()).contains(message);
    assertThat(count("ls_item")).isEqualTo(items);
    assertThat(count("ls_item_co_unit")).isEqualTo(coUnits);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("responsibility-item").count()).isEqualTo(instances);
  }

  @Test
  void tasklistsStartFormSendsTheCoUnitsAsAJsonListAndABadOneIsRefused() {
    Map<String, Object> variables = new LinkedHashMap<>();
    ResponsibilityItemIT.item("T1", "2026-06-30").forEach((k, v) -> variables.put(k, Map.of("value", v)));
    variables.put("coUnitCodes", Map.of("type", "Json", "value", "[\"T3\",\"T2\"]"));
    Http.Response r = http.as("office1").post("/engine-rest/process-definition/key/responsibility-item/submit-form",
        Map.of("variables", variables));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    String code = r.json().get("businessKey").asText();
    engine.runAsync();
    JsonNode d = http.as("office1").get("/api/items/" + code).json();
    assertThat(d.get("coUnitCodes").toString()).isEqualTo("[\"T2\",\"T3\"]");
    assertThat(notices("t3a", "ITEM_CO_ISSUED", code)).hasSize(1);
    assertThat(runtime.getVariable(d.get("processInstanceId").asText(), "coUnitNames")).isEqualTo("测试二局、测试街道");

    long items = count("ls_item");
    variables.put("coUnitCodes", Map.of("type", "Json", "value", "[\"T1\"]"));
    Http.Response bad = http.as("office1").post("/engine-rest/process-definition/key/responsibility-item/submit-form",
        Map.of("variables", variables));
    assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("coUnitCodes");
    assertThat(bad.json().get("message").asText()).contains("协办单位不能是牵头的责任单位本身");
    assertThat(count("ls_item")).isEqualTo(items);
  }

  @Test
  void reassigningAnItemToItsCoUnitMakesItTheLeadAndNoLongerACoUnit() {
    String code = issue(List.of("T2", "T3"));
    engine.done("t1a", code, "acceptItem", Map.of("accepted", "false", "returnReason", "不属于本单位职责"));
    engine.done("office1", code, "reassignItem", Map.of("cancelled", "false", "unitCode", "T2"));
    JsonNode d = http.as("office1").get("/api/items/" + code).json();
    assertThat(d.get("unitCode").asText()).isEqualTo("T2");
    assertThat(d.get("coUnitCodes")).hasSize(1);
    assertThat(d.get("coUnitCodes").get(0).asText()).isEqualTo("T3");
    assertThat(d.get("events").findValuesAsText("detail")).anyMatch(s -> s.contains("原协办单位，改为牵头"));
    assertThat(engine.requireTask(code, "acceptItem")).isNotNull();
    // T1 no longer leads it nor helps
    assertThat(http.as("t1a").get("/api/items/" + code).status()).isEqualTo(403);
    assertThat(http.as("t3a").get("/api/items/" + code).status()).isEqualTo(200);
  }

  @Test
  void statsCountTheLeadUnitAndShowCoItemsInAColumnOfTheirOwn() {
    Map<String, long[]> before = stats("office1");
    issue(List.of("T3"));
    Map<String, long[]> after = stats("office1");
    assertThat(after.get("T1")[0] - before.getOrDefault("T1", new long[3])[0]).as("T1 issued").isEqualTo(1);
    assertThat(after.get("T3")[0] - before.getOrDefault("T3", new long[3])[0]).as("T3 issued").isZero();
    assertThat(after.get("T3")[1] - before.getOrDefault("T3", new long[3])[1]).as("T3 co-items").isEqualTo(1);
    assertThat(after.get("T3")[2] - before.getOrDefault("T3", new long[3])[2]).as("T3 open co-items").isEqualTo(1);
    assertThat(after.get("T1")[1]).isEqualTo(before.getOrDefault("T1", new long[3])[1]);
    // a unit member sees their own unit only, with its column 协办事项
    Map<String, long[]> t3 = stats("t3a");
    assertThat(t3.keySet()).containsExactly("T3");
    assertThat(t3.get("T3")[1]).isEqualTo(after.get("T3")[1]);
    JsonNode total = http.as("t3a").get("/api/stats?year=2026").json().get("total");
    assertThat(total.get("issued").asLong()).as("the unit's total counts what it leads").isEqualTo(after.get("T3")[0]);
  }

  /** unit → {issued, coResponsible, coResponsibleOpen}. */
  private Map<String, long[]> stats(String user) {
    Http.Response r = http.as(user).get("/api/stats?year=2026");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    Map<String, long[]> m = new LinkedHashMap<>();
    r.json().get("byUnit").forEach(u -> m.put(u.get("unitCode").asText(), new long[] {
        u.get("counts").get("issued").asLong(), u.get("coResponsible").asLong(), u.get("coResponsibleOpen").asLong()}));
    return m;
  }
}
