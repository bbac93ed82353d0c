package org.luoshi.item;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.engine.HistorySettings;
import org.luoshi.engine.JsonVariables;
import org.luoshi.engine.Vars;
import org.luoshi.notification.NotificationView;
import org.luoshi.notification.Notifications;
import org.luoshi.testsupport.Engine;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A responsibility item's life through the real application: issued over REST, worked in the
 * tasks as Tasklist submits them, reviewed level by level, closed with its 3:7 score.
 */
@LuoshiIT
class ResponsibilityItemIT {

  static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z"); // 10:00 Beijing time

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired org.camunda.bpm.engine.AuthorizationService authorizations;
  @Autowired JsonVariables json;
  @Autowired HistorySettings historySettings;
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

  static Map<String, Object> item(String unit, String deadline) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", "推进就业创业服务提质");
    m.put("source", "KEY_TASK");
    m.put("unitCode", unit);
    m.put("leadLeader", "leader1");
    m.put("deadline", deadline);
    m.put("target", "城镇新增就业 3000 人");
    return m;
  }

  /** The notices of a type a person received about one item. */
  private java.util.List<NotificationView> notices(String user, String type, String code) {
    return notifications.received(user, type).stream().filter(n -> n.link().endsWith("/" + code)).toList();
  }

  private JsonNode issue(Map<String, Object> body) {
    Http.Response r = http.as("office1").post("/api/items", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    engine.runAsync();
    return r.json();
  }

  private JsonNode detail(String code) {
    Http.Response r = http.as("office1").get("/api/items/" + code);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private void acceptAndPlan(String code) {
    engine.done("t1a", code, "acceptItem", Map.of("accepted", "true"));
    engine.done("t1a", code, "planItem", Map.of("responsiblePerson", "t1b", "measures", "建立台账，每周调度"));
  }

  private void complete(String code, String completedOn) {
    engine.done("t1b", code, "submitCompletion",
        Map.of("action", "COMPLETE", "completedOn", completedOn, "completionNote", "已完成全年目标"));
  }

  @Test
  void anItemOnTimeWithQuality85ClosesWithAFinalScoreOf89point5() {
    JsonNode created = issue(item("T1", "2026-06-30"));
    String code = created.get("code").asText();
    assertThat(code).matches("ZR-2026-\\d{4}");
    assertThat(created.get("status").asText()).isEqualTo("ISSUED");
    assertThat(notices("t1a", "ITEM_ISSUED", code)).hasSize(1);
    assertThat(engine.requireTask(code, "acceptItem").getName()).isEqualTo("签收：推进就业创业服务提质");

    acceptAndPlan(code);
    assertThat(detail(code).get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(engine.requireTask(code, "submitCompletion").getAssignee()).isEqualTo("t1b");

    complete(code, "2026-06-01");
    assertThat(detail(code).get("status").asText()).isEqualTo("CLOSING");
    assertThat(notices("office1", "VERIFY_REQUESTED", code)).hasSize(1);

    engine.done("office1", code, "verifyCompletion", Map.of("approved", "true", "qualityScore", 85));
    assertThat(notices("leader1", "REVIEW_REQUESTED", code)).hasSize(1);
    assertThat(notices("leader1", "ITEM_ACCEPTED", code)).hasSize(1);
    assertThat(notices("office2", "ITEM_ACCEPTED", code)).hasSize(1);
    engine.done("leader1", code, "reviewClosure", Map.of("approved", "true", "qualityScore", 85));

    JsonNode d = detail(code);
    assertThat(d.get("status").asText()).isEqualTo("CLOSED");
    assertThat(d.get("daysLate").asInt()).isEqualTo(-29);
    assertThat(d.get("timelinessScore").decimalValue()).isEqualByComparingTo("100");
    assertThat(d.get("qualityScore").decimalValue()).isEqualByComparingTo("85");
    assertThat(d.get("finalScore").decimalValue()).isEqualByComparingTo("89.5");
    assertThat(d.get("responsiblePerson").asText()).isEqualTo("t1b");
    assertThat(d.get("reviews")).hasSize(2);
    assertThat(d.get("reviews").get(0).get("level").asText()).isEqualTo("OFFICE");
    assertThat(d.get("reviews").get(0).get("reviewer").asText()).isEqualTo("office1");
    assertThat(d.get("reviews").get(1).get("level").asText()).isEqualTo("LEADER");
    assertThat(d.get("events").findValuesAsText("type"))
        .containsSubsequence("ISSUED", "ACCEPTED", "PLANNED", "SUBMITTED", "REVIEWED", "REVIEWED", "CLOSED");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
    assertThat(notices("t1a", "ITEM_CLOSED", code)).hasSize(1);
  }

  @Test
  void aMigratedItemTenDaysLateWithQuality70ClosesWith67() {
    Map<String, Object> body = item("T1", "2026-05-22");
    body.put("issuedOn", "2026-04-01");
    String code = issue(body).get("code").asText();
    JsonNode d = detail(code);
    assertThat(d.get("overdue").asBoolean()).isTrue();
    assertThat(d.get("light").asText()).isEqualTo("RED");

    // its deadline is past: the overdue timer is due at once
    String pid = d.get("processInstanceId").asText();
    assertThat(engine.timer(pid, "overdueTimer").getDuedate()).isBefore(java.util.Date.from(NOW));
    engine.fire(pid, "reminderTimer"); // due at once too, but an item already RED gets no YELLOW reminder
    assertThat(notices("t1a", "ITEM_REMINDER", code)).isEmpty();
    engine.fire(pid, "overdueTimer");
    // DESIGN.md §4.1: at the deadline the unit, the office and the leader in charge are notified
    assertThat(notices("t1a", "ITEM_OVERDUE", code)).hasSize(1);
    assertThat(notices("t1b", "ITEM_OVERDUE", code)).hasSize(1);
    assertThat(notices("leader1", "ITEM_OVERDUE", code)).hasSize(1);
    assertThat(notices("office1", "ITEM_OVERDUE", code)).hasSize(1);

    acceptAndPlan(code);
    complete(code, "2026-06-01");
    engine.done("office1", code, "verifyCompletion", Map.of("approved", "true", "qualityScore", 70));
    engine.done("leader1", code, "reviewClosure", Map.of("approved", "true", "qualityScore", 70));

    d = detail(code);
    assertThat(d.get("daysLate").asInt()).isEqualTo(10);
    assertThat(d.get("timelinessScore").decimalValue()).isEqualByComparingTo("60");
    assertThat(d.get("finalScore").decimalValue()).isEqualByComparingTo("67.0");
    // overdue from the day after its deadline (2026-05-22), not from the day the notice ran (2026-06-01)
    assertThat(d.get("overdueSince").asText()).isEqualTo("2026-05-23");
  }

  @Test
  void aReturnedItemIsReassignedAndTheNewUnitSeesIt() {
    String code = issue(item("T1", "2026-06-30")).get("code").asText();
    engine.done("t1a", code, "acceptItem", Map.of("accepted", "false", "returnReason", "不属于本单位职责"));
    assertThat(detail(code).get("status").asText()).isEqualTo("RETURNED");
    assertThat(notices("office2", "ITEM_RETURNED", code)).hasSize(1);
    assertThat(http.as("t2a").get("/api/items/" + code).status()).isEqualTo(403);

    engine.done("office2", code, "reassignItem", Map.of("cancelled", "false", "unitCode", "T2"));
    JsonNode d = detail(code);
    assertThat(d.get("status").asText()).isEqualTo("ISSUED");
    assertThat(d.get("unitCode").asText()).isEqualTo("T2");
    assertThat(notices("t2a", "ITEM_ISSUED", code)).hasSize(1);
    assertThat(http.as("t2a").get("/api/items/" + code).status()).isEqualTo(200);
    assertThat(http.as("t2a").get("/engine-rest/task?processInstanceBusinessKey=" + code).json()).hasSize(1);

    engine.done("t2a", code, "acceptItem", Map.of("accepted", "true"));
    assertThat(detail(code).get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(engine.task(code, "planItem")).isNotNull();
  }

  @Test
  void aReturnedItemCanBeCancelled() {
    String code = issue(item("T1", "2026-06-30")).get("code").asText();
    engine.done("t1a", code, "acceptItem", Map.of("accepted", "false", "returnReason", "与其他事项重复"));
    engine.done("office1", code, "reassignItem", Map.of("cancelled", "true", "cancelReason", "重复下发"));
    assertThat(detail(code).get("status").asText()).isEqualTo("CANCELLED");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
  }

  @Test
  void anApprovedExtensionMovesTheDeadlineAndKeepsTheOriginal() {
    JsonNode created = issue(item("T1", "2026-06-30"));
    String code = created.get("code").asText();
    String pid = created.get("processInstanceId").asText();
    acceptAndPlan(code);
    java.util.Date overdueBefore = engine.timer(pid, "overdueTimer").getDuedate();

    engine.done("t1b", code, "submitCompletion",
        Map.of("action", "EXTEND", "newDeadline", "2026-07-31", "extensionReason", "项目审批延后"));
    assertThat(notices("leader1", "EXTENSION_REQUESTED", code)).hasSize(1);
    engine.done("leader1", code, "approveExtension", Map.of("approved", "true"));

    JsonNode d = detail(code);
    assertThat(d.get("deadline").asText()).isEqualTo("2026-07-31");
    assertThat(d.get("originalDeadline").asText()).isEqualTo("2026-06-30");
    assertThat(d.get("extended").asBoolean()).isTrue();
    assertThat(d.get("extensions").get(0).get("decision").asText()).isEqualTo("APPROVED");
    assertThat(engine.timer(pid, "overdueTimer").getDuedate()).isAfter(overdueBefore)
        .isEqualTo(java.util.Date.from(Instant.parse("2026-07-31T16:00:00Z")));
    assertThat(engine.requireTask(code, "submitCompletion").getDueDate())
        .isEqualTo(java.util.Date.from(Instant.parse("2026-07-31T15:59:00Z")));
    assertThat(notices("t1b", "EXTENSION_DECIDED", code)).hasSize(1);
  }

  @Test
  void aDeniedExtensionNeedsAReasonAndKeepsTheDeadline() {
    String code = issue(item("T1", "2026-06-30")).get("code").asText();
    acceptAndPlan(code);
    engine.done("t1b", code, "submitCompletion",
        Map.of("action", "EXTEND", "newDeadline", "2026-07-31", "extensionReason", "项目审批延后"));

    Http.Response noReason = engine.submit("leader1", code, "approveExtension", Map.of("approved", "false"));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("field").asText()).isEqualTo("comment");
    assertThat(engine.task(code, "approveExtension")).isNotNull();

    engine.done("leader1", code, "approveExtension", Map.of("approved", "false", "comment", "请按期完成"));
    JsonNode d = detail(code);
    assertThat(d.get("deadline").asText()).isEqualTo("2026-06-30");
    assertThat(d.get("extended").asBoolean()).isFalse();
    assertThat(engine.task(code, "submitCompletion")).isNotNull();
  }

  @Test
  void aRejectionAtEachLevelReturnsTheItemToExecutionWithTheComment() {
    Map<String, Object> body = item("T1", "2026-06-30");
    body.put("source", "INSTRUCTION");
    String code = issue(body).get("code").asText();
    acceptAndPlan(code);

    complete(code, "2026-06-01");
    engine.done("office1", code, "verifyCompletion", Map.of("approved", "false", "reviewComment", "缺少佐证材料"));
    assertThat(detail(code).get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(tasks.getVariable(engine.requireTask(code, "submitCompletion").getId(), "lastReviewComment").toString())
        .contains("督查室核验", "缺少佐证材料");
    assertThat(notices("t1b", "ITEM_REJECTED", code)).hasSize(1);

    complete(code, "2026-06-01");
    engine.done("office1", code, "verifyCompletion", Map.of("approved", "true", "qualityScore", 80));
    engine.done("leader1", code, "reviewClosure", Map.of("approved", "false", "reviewComment", "成效不明显"));
    assertThat(detail(code).get("status").asText()).isEqualTo("IN_PROGRESS");

    complete(code, "2026-06-01");
    engine.done("office1", code, "verifyCompletion", Map.of("approved", "true", "qualityScore", 82));
    engine.done("leader1", code, "reviewClosure", Map.of("approved", "true", "qualityScore", 84));
    // an instruction item goes to the principal leaders
    engine.done("principal1", code, "confirmClosure", Map.of("approved", "false", "reviewComment", "群众满意度待核实"));
    assertThat(detail(code).get("status").asText()).isEqualTo("IN_PROGRESS");

    complete(code, "2026-06-01");
    engine.done("office2", code, "verifyCompletion", Map.of("approved", "true", "qualityScore", 86));
    engine.done("leader1", code, "reviewClosure", Map.of("approved", "true", "qualityScore", 86));
    engine.done("principal1", code, "confirmClosure", Map.of("approved", "true", "qualityScore", 88));
    JsonNode d = detail(code);
    assertThat(d.get("status").asText()).isEqualTo("CLOSED");
    assertThat(d.get("qualityScore").decimalValue()).isEqualByComparingTo("88"); // the last level's
    assertThat(d.get("reviews")).hasSize(9); // 1 + 2 + 3 + 3 levels over four submissions
    assertThat(d.get("repliedOn").asText()).isEqualTo("2026-06-01");
  }

  @Test
  void aLeadersScoreFarFromTheOfficesNeedsAReasonAndThePrincipal() {
    String code = issue(item("T1", "2026-06-30")).get("code").asText();
    acceptAndPlan(code);
    complete(code, "2026-06-01");
    engine.done("office1", code, "verifyCompletion", Map.of("approved", "true", "qualityScore", 70));

    Http.Response noReason = engine.submit("leader1", code, "reviewClosure", Map.of("approved", "true", "qualityScore", 85));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("field").asText()).isEqualTo("reviewComment");
    assertThat(noReason.json().get("message").asText()).isEqualTo("与上一级评分（70）相差超过 10 分，须写明理由");
    assertThat(detail(code).get("reviews")).hasSize(1);

    engine.done("leader1", code, "reviewClosure",
        Map.of("approved", "true", "qualityScore", 85, "reviewComment", "超额完成年度目标"));
    assertThat(engine.task(code, "confirmClosure")).isNotNull();
    assertThat(notices("principal1", "CONFIRM_REQUESTED", code)).hasSize(1);
  }

  @Test
  void scoresExactlyTenApartNeedNoReasonAndNoPrincipal() {
    String code = issue(item("T1", "2026-06-30")).get("code").asText();
    acceptAndPlan(code);
    complete(code, "2026-06-01");
    engine.done("office1", code, "verifyCompletion", Map.of("approved", "true", "qualityScore", 70));
    engine.done("leader1", code, "reviewClosure", Map.of("approved", "true", "qualityScore", 80));
    assertThat(engine.task(code, "confirmClosure")).isNull();
    assertThat(detail(code).get("status").asText()).isEqualTo("CLOSED");
  }

  @Test
  void subItemsBreakAnItemDownAndMustCloseFirst() {
    String parent = issue(item("T1", "2026-06-30")).get("code").asText();
    acceptAndPlan(parent);

    // the parent's unit breaks it down to a colleague of the same unit
    Map<String, Object> sub = item("T1", "2026-06-20");
    sub.put("title", "街道就业服务站建设");
    sub.put("parentCode", parent);
    sub.put("responsiblePerson", "t1a");
    Http.Response r = http.as("t1b").post("/api/items", sub);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String child = r.json().get("code").asText();
    engine.runAsync();

    Http.Response blocked = engine.submit("t1b", parent, "submitCompletion",
        Map.of("action", "COMPLETE", "completedOn", "2026-06-01", "completionNote", "已完成"));
    assertThat(blocked.status()).isEqualTo(400);
    assertThat(blocked.json().get("field").asText()).isEqualTo("action");
    assertThat(blocked.json().get("message").asText()).contains("子事项");
    assertThat(detail(parent).get("status").asText()).isEqualTo("IN_PROGRESS");

    JsonNode d = detail(parent);
    assertThat(d.get("children")).hasSize(1);
    assertThat(d.get("childProgress").get("open").asInt()).isEqualTo(1);

    engine.done("t1a", child, "acceptItem", Map.of("accepted", "true"));
    engine.done("t1a", child, "planItem", Map.of("responsiblePerson", "t1a", "measures", "选址、装修、配备人员"));
    engine.done("t1a", child, "submitCompletion",
        Map.of("action", "COMPLETE", "completedOn", "2026-06-01", "completionNote", "服务站已投用"));
    engine.done("office1", child, "verifyCompletion", Map.of("approved", "true", "qualityScore", 80));
    engine.done("leader1", child, "reviewClosure", Map.of("approved", "true", "qualityScore", 80));
    assertThat(detail(child).get("status").asText()).isEqualTo("CLOSED");

    complete(parent, "2026-06-01");
    d = detail(parent);
    assertThat(d.get("status").asText()).isEqualTo("CLOSING");
    assertThat(d.get("childProgress").get("closed").asInt()).isEqualTo(1);
  }

  @Test
  void theMonthlyProgressReportIsAskedForAndRecorded() {
    JsonNode created = issue(item("T1", "2026-12-31"));
    String code = created.get("code").asText();
    String pid = created.get("processInstanceId").asText();
    acceptAndPlan(code);

    assertThat(engine.timer(pid, "progressTimer").getDuedate())
        .isEqualTo(java.util.Date.from(Instant.parse("2026-06-25T01:00:00Z")));
    engine.fire(pid, "progressTimer");
    assertThat(engine.requireTask(code, "reportProgress").getAssignee()).isEqualTo("t1b");
    assertThat(engine.requireTask(code, "reportProgress").getName()).isEqualTo("月度进展：推进就业创业服务提质（2026年6月）");

    Http.Response tooMuch = engine.submit("t1b", code, "reportProgress", Map.of("progressPercent", 120, "progressNote", "x"));
    assertThat(tooMuch.status()).isEqualTo(400);
    assertThat(tooMuch.json().get("field").asText()).isEqualTo("progressPercent");

    engine.done("t1b", code, "reportProgress", Map.of("progressPercent", 40, "progressNote", "已完成招聘会 3 场"));
    JsonNode d = detail(code);
    assertThat(d.get("progressPercent").asInt()).isEqualTo(40);
    assertThat(d.get("progress").get(0).get("note").asText()).isEqualTo("已完成招聘会 3 场");
    assertThat(d.get("progress").get(0).get("reportedBy").asText()).isEqualTo("t1b");
  }

  @Test
  void theReminderTurnsTheItemYellowAndTheChaseRunsEachMorningWhileOverdue() {
    JsonNode created = issue(item("T1", "2026-06-10"));
    String code = created.get("code").asText();
    String pid = created.get("processInstanceId").asText();
    acceptAndPlan(code);

    engine.fire(pid, "reminderTimer"); // 2026-06-07 09:00
    assertThat(detail(code).get("light").asText()).isEqualTo("YELLOW");
    assertThat(notices("t1b", "ITEM_REMINDER", code)).hasSize(1);

    engine.fire(pid, "overdueTimer"); // 2026-06-11 00:00
    JsonNode d = detail(code);
    assertThat(d.get("light").asText()).isEqualTo("RED");
    assertThat(d.get("overdue").asBoolean()).isTrue();
    assertThat(runtime.getVariable(pid, "light")).isEqualTo("RED");

    engine.fire(pid, "chaseTimer"); // 2026-06-11 09:00
    engine.fire(pid, "chaseTimer"); // 2026-06-12 09:00
    assertThat(notices("t1b", "ITEM_CHASED", code)).hasSize(2);

    complete(code, "2026-06-12");
    assertThat(engine.timer(pid, "chaseTimer")).isNull();
    assertThat(detail(code).path("light").isMissingNode()).as("no light once submitted").isTrue();
  }

  @Test
  void sevenDaysOverdueStartsAnInterviewWithTheResponsiblePersonOnTheItem() {
    JsonNode created = issue(item("T1", "2026-06-10"));
    String code = created.get("code").asText();
    String pid = created.get("processInstanceId").asText();
    acceptAndPlan(code);
    engine.fire(pid, "overdueTimer");
    assertThat(engine.timer(pid, "interviewTimer").getDuedate())
        .isEqualTo(java.util.Date.from(Instant.parse("2026-06-17T16:00:00Z")));

    engine.fire(pid, "interviewTimer");
    JsonNode d = http.as("office1").get("/api/items/" + code).json();
    assertThat(d.get("interviews")).hasSize(1);
    JsonNode interview = d.get("interviews").get(0);
    assertThat(interview.get("trigger").asText()).isEqualTo("POOR_IMPLEMENTATION");
    assertThat(interview.get("interviewer").asText()).isEqualTo("leader1");
    assertThat(interview.get("interviewees").get(0).asText()).isEqualTo("t1b");
    assertThat(interview.get("relatedItemCode").asText()).isEqualTo(code);
    assertThat(d.get("events").findValuesAsText("type")).contains("INTERVIEW_STARTED");
    assertThat(http.as("t1b").get("/api/interviews?relatedItemCode=" + code).json().get("totalElements").asInt())
        .isEqualTo(1);
  }

  @Test
  void anInstructionIsDueForAReplyInFiveWorkingDaysAndChasedWithoutOne() {
    Map<String, Object> body = item("T1", "2026-06-30");
    body.put("source", "INSTRUCTION");
    JsonNode created = issue(body); // Monday 2026-06-01
    String code = created.get("code").asText();
    String pid = created.get("processInstanceId").asText();
    assertThat(detail(code).get("replyDue").asText()).isEqualTo("2026-06-08"); // Tue … Fri, Mon
    assertThat(engine.timer(pid, "replyTimer").getDuedate())
        .isEqualTo(java.util.Date.from(Instant.parse("2026-06-08T16:00:00Z")));
    acceptAndPlan(code);

    engine.fire(pid, "replyTimer");
    JsonNode d = detail(code);
    assertThat(d.get("replyOverdue").asBoolean()).isTrue();
    assertThat(notices("t1a", "INSTRUCTION_REPLY_OVERDUE", code)).hasSize(1);
    assertThat(notices("office1", "INSTRUCTION_REPLY_OVERDUE", code)).hasSize(1);

    // the first progress report is the (late) reply
    Http.Response r = http.as("t1b").post("/api/items/" + code + "/progress",
        Map.of("progressPercent", 30, "progressNote", "已排查在建项目 12 个"));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    d = detail(code);
    assertThat(d.get("repliedOn").asText()).isEqualTo("2026-06-09");
    assertThat(d.get("replyOverdue").asBoolean()).isFalse();
    assertThat(d.get("progressPercent").asInt()).isEqualTo(30);
    assertThat(http.as("t2a").post("/api/items/" + code + "/progress",
        Map.of("progressPercent", 40, "progressNote", "x")).status()).isEqualTo(403);
    assertThat(http.as("t1b").post("/api/items/" + code + "/progress",
        Map.of("progressPercent", 140, "progressNote", "x")).json().get("field").asText()).isEqualTo("progressPercent");
  }

  @Test
  void theLeaderTheUnitAndTheCoUnitsReadTheInstanceOnceEachAlsoWhenTheStartIsEnteredAgain() {
    Issued issued = issuedWithCoUnit();
    String code = issued.code();
    String pid = issued.pid();
    // granted at the start without looking for earlier grants: one each
    assertThat(instanceGrants(pid)).containsExactlyInAnyOrder("leader1 PROCESS_INSTANCE", "leader1 HISTORIC",
        "unit-T1 PROCESS_INSTANCE", "unit-T1 HISTORIC", "unit-T2 PROCESS_INSTANCE", "unit-T2 HISTORIC");
    // an administrator enters the start event again (instance modification): the grants are looked for, none doubled
    runtime.createProcessInstanceModification(pid).startBeforeActivity("itemIssued").execute();
    assertThat(instanceGrants(pid)).containsExactlyInAnyOrder("leader1 PROCESS_INSTANCE", "leader1 HISTORIC",
        "unit-T1 PROCESS_INSTANCE", "unit-T1 HISTORIC", "unit-T2 PROCESS_INSTANCE", "unit-T2 HISTORIC");
  }

  /** An item issued to T1 with T2 as its co-unit (协办单位): its code and process instance. */
  private record Issued(String code, String pid) {}

  private Issued issuedWithCoUnit() {
    Map<String, Object> body = item("T1", "2026-06-30");
    body.put("coUnitCodes", List.of("T2"));
    String code = issue(body).get("code").asText();
    return new Issued(code, engine.requireTask(code, "acceptItem").getProcessInstanceId());
  }

  private List<String> instanceGrants(String pid) {
    return authorizations.createAuthorizationQuery().resourceId(pid).list().stream()
        .filter(a -> a.getResourceType() == org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE.resourceType()
            || a.getResourceType() == org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE.resourceType())
        .map(a -> (a.getUserId() != null ? a.getUserId() : a.getGroupId()) + " "
            + (a.getResourceType() == org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE.resourceType()
                ? "PROCESS_INSTANCE" : "HISTORIC"))
        .toList();
  }

  /** The variables of luoshi.history.derived-variables (application.yaml) for this process. */
  static final List<String> DERIVED = List.of("statusName", "sourceName", "categoryName",
      "leadLeaderName", "responsiblePersonName", "personNamed", "coUnitNames", "timeliness", "scoreDifference",
      "lastReturnReason", "light", "lightName", "extended", "reviewHistory", "lastReviewComment", "unitMemberOptions",
      "itemCode", "originalDeadline", "reminderAt", "overdueAt", "interviewAt", "replyDueAt", "noticeType");

  @Test
  void derivedVariablesLeaveNoHistoryWhileWhatTheyRestateKeepsItsOwn() {
    assertThat(historySettings.derivedVariables().get(Items.PROCESS_KEY)).containsExactlyInAnyOrderElementsOf(DERIVED);
    Issued issued = issuedWithCoUnit();
    String code = issued.code();
    String pid = issued.pid();
    acceptAndPlan(code);
    // the forms, Tasklist's columns and Cockpit still read the labels while the item runs
    assertThat(runtime.getVariable(pid, "statusName")).isEqualTo("落实中");
    assertThat(runtime.getVariable(pid, "lightName")).isEqualTo("绿灯");
    assertThat(runtime.getVariable(pid, "responsiblePersonName")).isNotNull();
    assertThat(runtime.getVariable(pid, "coUnitNames")).isNotEqualTo("无");
    complete(code, "2026-06-01");
    engine.done("office1", code, "verifyCompletion", Map.of("approved", "true", "qualityScore", 85));
    engine.done("leader1", code, "reviewClosure", Map.of("approved", "true", "qualityScore", 85));

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getState())
        .isEqualTo("COMPLETED");
    assertThat(detail(code).get("status").asText()).isEqualTo("CLOSED");
    List<String> kept = history.createHistoricVariableInstanceQuery().processInstanceId(pid).list().stream()
        .map(HistoricVariableInstance::getName).toList();
    // (Cockpit's 已结束实例 list reads title and unitName from the history)
    assertThat(kept).contains("title", "status", "deadline", "source", "category", "unitCode", "unitName", "leadLeader",
        "responsiblePerson", "coUnitCodes", "daysLate", "qualityScore", "officeScore", "leaderScore")
        .doesNotContainAnyElementsOf(DERIVED);
    List<HistoricVariableUpdate> updates = history.createHistoricDetailQuery().processInstanceId(pid)
        .variableUpdates().orderPartiallyByOccurrence().asc().list().stream()
        .map(HistoricVariableUpdate.class::cast).toList();
    assertThat(updates).extracting(HistoricVariableUpdate::getVariableName).doesNotContainAnyElementsOf(DERIVED);
    assertThat(updates.stream().filter(u -> u.getVariableName().equals("status")).map(u -> u.getValue()).toList())
        .containsSubsequence("ISSUED", "IN_PROGRESS", "CLOSING", "CLOSED");
    // what Cockpit's 已结束实例 list asks for each finished instance
    JsonNode unitNames = http.as("office1").get("/engine-rest/history/variable-instance?variableName=unitName"
        + "&processInstanceIdIn=" + pid + "&deserializeValues=false").json();
    assertThat(unitNames.findValuesAsText("value")).containsExactly(detail(code).get("unitName").asText());
  }

  @Test
  void jsonVariablesAreNotReadAgainWhileUnchangedYetAValueThatIsNotTheItemsIsOverwritten() {
    Issued issued = issuedWithCoUnit();
    String code = issued.code();
    String pid = issued.pid();
    String coUnits = serialized(pid, "coUnitCodes");
    String options = serialized(pid, "unitMemberOptions");
    assertThat(coUnits).isEqualTo("[\"T2\"]");
    assertThat(options).contains("\"t1a\"", "\"t1b\"");
    long reads = json.reads();

    // unchanged since the item was issued: compared from the revisions this node knows, not read again
    acceptAndPlan(code);
    assertThat(json.reads()).isEqualTo(reads);

    // whoever completes a task may write any variable (here through the engine's API in-process; over REST
    // EngineGuard refuses fields the form does not declare): the item's values are written back in the same
    // completion, though this node knows the revision the completion started from
    tasks.complete(engine.requireTask(code, "submitCompletion").getId(), Map.of("action", "COMPLETE",
        "completedOn", "2026-06-01", "completionNote", "已完成全年目标",
        "coUnitCodes", Vars.json(List.of("T3")), "unitMemberOptions", Vars.json(List.of())));
    engine.runAsync();
    assertThat(serialized(pid, "coUnitCodes")).isEqualTo(coUnits);
    assertThat(serialized(pid, "unitMemberOptions")).isEqualTo(options);
    assertThat(json.reads()).isEqualTo(reads);

    // changed outside a completion (say, by an administrator in Cockpit): a new revision, read again and set right
    runtime.setVariable(pid, "unitMemberOptions", Vars.json(List.of()));
    engine.done("office1", code, "verifyCompletion", Map.of("approved", "true", "qualityScore", 85));
    assertThat(json.reads()).isEqualTo(reads + 1);
    assertThat(serialized(pid, "unitMemberOptions")).isEqualTo(options);
    assertThat(serialized(pid, "coUnitCodes")).isEqualTo(coUnits);
  }

  private String serialized(String pid, String name) {
    return ((SerializableValue) runtime.getVariableTyped(pid, name, false)).getValueSerialized();
  }

  @Test
  void theLeaderInChargeFollowsTheItemsTasksInTheirFilter() {
    String code = issue(item("T1", "2026-06-30")).get("code").asText();
    assertThat(leaderFilterTasks("leader1")).contains("签收：推进就业创业服务提质");
    assertThat(leaderFilterTasks("leader2")).doesNotContain("签收：推进就业创业服务提质");
    acceptAndPlan(code);
    assertThat(leaderFilterTasks("leader1")).contains("报送完成：推进就业创业服务提质");
  }

  private java.util.List<String> leaderFilterTasks(String leader) {
    JsonNode filters = http.as(leader).get("/engine-rest/filter?resourceType=Task").json();
    String id = null;
    for (JsonNode f : filters) {
      if (f.get("name").asText().equals("我分管的事项")) {
        id = f.get("id").asText();
      }
    }
    if (id == null) {
      return java.util.List.of(); // a leader who leads nothing has no such filter
    }
    return http.as(leader).post("/engine-rest/filter/" + id + "/list", Map.of()).json().findValuesAsText("name");
  }
}
