package org.luoshi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.Engine;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.luoshi.testsupport.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The trust boundary of DESIGN.md §3, tried as an attacker holding a clerk's (or a leader's, or
 * the office's) login would: through /engine-rest and through the webapps' engine API that
 * Tasklist uses. Every attempt is refused in the error shape, and the database — domain rows and
 * engine state — is the same afterwards as before.
 */
@LuoshiIT
class TrustBoundaryIT {

  static final String ADMIN_PASSWORD = "Adm1n-Test-Pw!"; // application-test.yaml
  static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z"); // 10:00 Beijing time

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
    Engine.clock(NOW);
    http = new Http(port);
    engine = new Engine(http, tasks, management);
  }

  @AfterEach
  void clock() {
    Engine.resetClock();
  }

  // --- a clerk's own task cannot reach another unit's record ---------------------------------------

  @Test
  void aClerkCannotReturnAnotherUnitsItemThroughTheirOwnAcceptTask() {
    String mine = issue("T1");
    String theirs = issue("T2");
    String before = snapshot();

    Http.Response r = engine.submit("t1a", mine, "acceptItem",
        Map.of("itemCode", theirs, "accepted", "false", "returnReason", "不属于本单位职责"));

    assertRefused(r, 400, "itemCode");
    assertThat(r.json().get("message").asText()).contains("itemCode").doesNotContain("ENGINE");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(status(theirs)).isEqualTo("ISSUED");
  }

  @Test
  void aClerkCannotRewriteTheItemCodeOfTheirTaskAndThenAcceptAnotherUnitsItem() {
    String mine = issue("T1");
    String theirs = issue("T2");
    Task own = engine.requireTask(mine, "acceptItem");
    String before = snapshot();

    Http clerk = http.as("t1a");
    assertRefused(clerk.put("/engine-rest/task/" + own.getId() + "/variables/itemCode",
        Map.of("value", theirs, "type", "String")), 403, null);
    assertRefused(clerk.put("/engine-rest/task/" + own.getId() + "/localVariables/itemCode",
        Map.of("value", theirs, "type", "String")), 403, null);
    assertRefused(clerk.post("/engine-rest/task/" + own.getId() + "/variables",
        Map.of("modifications", Map.of("unitCode", Map.of("value", "T1")))), 403, null);
    assertRefused(clerk.delete("/engine-rest/task/" + own.getId() + "/variables/deadline"), 403, null);
    assertThat(snapshot()).isEqualTo(before);

    // the clerk's own acceptance still works, and touches only the clerk's own item
    engine.done("t1a", mine, "acceptItem", Map.of("accepted", "true"));
    assertThat(status(mine)).isEqualTo("IN_PROGRESS");
    assertThat(status(theirs)).isEqualTo("ISSUED");
  }

  @Test
  void aTaskAcceptsOnlyTheFieldsItsFormDeclares() {
    String mine = issue("T1");
    engine.done("t1a", mine, "acceptItem", Map.of("accepted", "true"));
    String before = snapshot();

    // planItem's form has responsiblePerson and measures; leadLeader would make the clerk approve their own extension
    Http.Response r = engine.submit("t1a", mine, "planItem",
        Map.of("responsiblePerson", "t1b", "measures", "每周调度", "leadLeader", "t1a", "deadline", "2027-12-31"));

    assertRefused(r, 400, "deadline");
    assertThat(r.json().get("message").asText()).contains("deadline", "leadLeader");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aClerkCannotRectifyAnotherUnitsProblemThroughTheirOwnTask() {
    String pi = supervisionWithProblemsOf("T1", "T2");
    Task own = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("rectifyProblem")
        .taskCandidateGroup("unit-T1").singleResult();
    long theirs = jdbc.queryForObject(
        "select id from ls_supervision_problem where unit_code = 'T2'", Long.class);
    String before = snapshot();

    Http.Response r = engine.submitForm("t1a", own.getId(), Map.of("problemId", theirs, "rectification", "已整改"));

    assertRefused(r, 400, "problemId");
    assertThat(snapshot()).isEqualTo(before);

    // done honestly, the clerk's form rectifies the clerk's own problem and nothing else
    assertThat(engine.submitForm("t1a", own.getId(), Map.of("rectification", "已整改到位")).status()).isEqualTo(204);
    assertThat(jdbc.queryForList("select unit_code || ':' || status from ls_supervision_problem order by unit_code",
        String.class)).containsExactly("T1:RECTIFIED", "T2:OPEN");
  }

  @Test
  void objectValuesOfAClassTheCallerChoosesAreRefused() {
    String mine = issue("T1");
    Task own = engine.requireTask(mine, "acceptItem");
    String before = snapshot();
    Map<String, Object> stopWatch = Map.of("type", "Object", "value", "\"id\"", "valueInfo",
        Map.of("objectTypeName", "org.springframework.util.StopWatch", "serializationDataFormat", "application/json"));

    // refused at the REST edge for its type (web/ObjectVariableGuard), and by the engine guard in any case
    assertRefused(http.as("t1a").put("/engine-rest/task/" + own.getId() + "/variables/x", stopWatch), 400, "x");
    assertRefused(http.as("t1a").post("/engine-rest/task/" + own.getId() + "/submit-form",
        Map.of("variables", Map.of("accepted", stopWatch))), 400, "accepted");
    assertThat(snapshot()).isEqualTo(before);
  }

  // --- starts, messages, signals and modifications belong to the capabilities ----------------------

  @Test
  void aSecondProcessCannotBeAttachedToAnExistingItem() {
    String code = issue("T1");
    String boundTo = processInstanceOf(code);
    String before = snapshot();

    // a principal leader may start processes, but not with a business key of their own choosing
    Http.Response r = http.as("principal1").post("/engine-rest/process-definition/key/responsibility-item/start",
        Map.of("businessKey", code));
    assertRefused(r, 400, "businessKey");
    // an administrator may pass business keys, but an item has one process only
    Http.Response admin = http.as("admin", ADMIN_PASSWORD).post(
        "/engine-rest/process-definition/key/responsibility-item/start", Map.of("businessKey", code));
    assertRefused(admin, 409, "businessKey");

    assertThat(snapshot()).isEqualTo(before);
    assertThat(processInstanceOf(code)).isEqualTo(boundTo);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("acceptItem").count())
        .isEqualTo(1);
  }

  @Test
  void aStartFormIsNoWayAroundWhoMayStart() {
    String before = snapshot();
    long instances = runtime.createProcessInstanceQuery().count();
    List<Long> records = records();

    // principal leaders may create instances of every definition, but assessments, reports and
    // supervisions are the office's to start
    Http principal = http.as("principal1");
    assertRefused(principal.post("/engine-rest/process-definition/key/assessment/submit-form",
        Map.of("variables", Map.of("period", Map.of("value", "2026")))), 403, null);
    assertRefused(principal.post("/engine-rest/process-definition/key/periodic-report/submit-form",
        Map.of("variables", Map.of("kind", Map.of("value", "QUARTERLY_INSPECTION"), "period", Map.of("value", "2026-Q2")))),
        403, null);
    assertRefused(principal.post("/engine-rest/process-definition/key/responsibility-item/submit-form",
        Map.of("variables", Map.of("title", Map.of("value", "推进就业"), "source", Map.of("value", "KEY_TASK"),
            "unitCode", Map.of("value", "T1"), "leadLeader", Map.of("value", "leader1"),
            "target", Map.of("value", "目标"), "deadline", Map.of("value", "2026-06-30")))), 403, null);
    // a leader interviews in their own name only
    assertRefused(http.as("leader1").post("/engine-rest/process-definition/key/interview/submit-form",
        Map.of("variables", Map.of("trigger", Map.of("value", "PETITIONS"), "interviewer", Map.of("value", "leader2"),
            "interviewees", Map.of("type", "Json", "value", "[\"t1a\"]"), "subject", Map.of("value", "信访集中")))),
        403, null);

    assertThat(snapshot()).isEqualTo(before);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(records()).isEqualTo(records);
  }

  @Test
  void processesWithoutAStartFormCannotBeStartedByHand() {
    String before = snapshot();
    for (String key : List.of("notification-delivery", "daily-digest", "periodic-report-schedule")) {
      assertRefused(http.as("office1").post("/engine-rest/process-definition/key/" + key + "/start",
          Map.of("variables", Map.of("noticeKey", Map.of("value", "x")))), 403, null);
    }
    // and a start form's process takes only the form's fields
    assertRefused(http.as("office1").post("/engine-rest/process-definition/key/assessment/submit-form",
        Map.of("variables", Map.of("period", Map.of("value", "2026"), "assessmentId", Map.of("value", 1)))),
        400, "assessmentId");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void messagesSignalsAndModificationsComeOnlyFromTheCodeThatOwnsThem() {
    String code = issue("T1");
    String pi = processInstanceOf(code);
    String before = snapshot();

    for (String user : List.of("t1a", "office1", "principal1")) {
      Http as = http.as(user);
      assertRefused(as.post("/engine-rest/message", Map.of("messageName", "assessmentAppealFiled")), 403, null);
      assertRefused(as.post("/engine-rest/message", Map.of("messageName", "notification-handover",
          "processVariables", Map.of("noticeKey", Map.of("value", "ITEM_ISSUED:" + code)))), 403, null);
      assertRefused(as.post("/engine-rest/signal", Map.of("name", "anything")), 403, null);
      assertRefused(as.post("/engine-rest/process-instance/" + pi + "/modification", Map.of("instructions",
          List.of(Map.of("type", "startBeforeActivity", "activityId", "verifyCompletion")))), 403, null);
      assertRefused(as.put("/engine-rest/process-instance/" + pi + "/variables/deadline",
          Map.of("value", "2030-01-01", "type", "String")), 403, null);
      assertRefused(as.post("/engine-rest/process-instance/" + pi + "/variables",
          Map.of("modifications", Map.of("unitCode", Map.of("value", "T2")))), 403, null);
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aTaskIsHandedOnlyToSomeoneWhoMayWorkIt() {
    String code = issue("T1");
    Task accept = engine.requireTask(code, "acceptItem");
    String before = snapshot();

    assertRefused(http.as("t1a").post("/engine-rest/task/" + accept.getId() + "/assignee", Map.of("userId", "t2a")),
        400, "userId");
    assertRefused(http.as("t1a").post("/engine-rest/task/" + accept.getId() + "/claim", Map.of("userId", "t2a")),
        403, null);
    assertRefused(http.as("t1a").post("/engine-rest/task/" + accept.getId() + "/identity-links",
        Map.of("groupId", "unit-T2", "type", "candidate")), 403, null);
    assertThat(snapshot()).isEqualTo(before);

    // a colleague of the same unit may take it over
    assertThat(http.as("t1a").post("/engine-rest/task/" + accept.getId() + "/assignee", Map.of("userId", "t1b"))
        .status()).isEqualTo(204);
  }

  // --- refusals and races in the error shape --------------------------------------------------------

  @Test
  void aListenersRefusalIsA400NamingTheFieldOnBothEngineApis() {
    String code = closing("T1");
    Task verify = engine.requireTask(code, "verifyCompletion");
    String before = snapshot();

    Http.Response rest = engine.submitForm("office1", verify.getId(), Map.of("approved", "true", "qualityScore", 150));
    assertRefused(rest, 400, "qualityScore");
    assertThat(rest.json().get("message").asText()).contains("质量分").doesNotContain("ENGINE", "TaskListener");

    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login("tasklist", "office1", TestOrganisation.PASSWORD).status()).isEqualTo(200);
    tasklist.request("GET", "/camunda/api/admin/auth/user/default", null); // as Tasklist does: the new session's CSRF token
    Http.Response webapp = tasklist.request("POST", "/camunda/api/engine/engine/default/task/" + verify.getId()
        + "/submit-form", "{\"variables\":{\"approved\":{\"value\":true},\"qualityScore\":{\"value\":95}}}");
    assertRefused(webapp, 400, "reviewComment");
    assertThat(webapp.json().get("message").asText()).contains("理由");

    assertThat(snapshot()).isEqualTo(before);
    assertThat(engine.task(code, "verifyCompletion")).isNotNull();
  }

  @Test
  void aTaskAColleagueCompletedAnswers409() {
    String code = issue("T1");
    Task accept = engine.requireTask(code, "acceptItem");
    assertThat(engine.submitForm("t1a", accept.getId(), Map.of("accepted", "true")).status()).isEqualTo(204);

    Http.Response late = engine.submitForm("t1b", accept.getId(), Map.of("accepted", "true"));
    assertRefused(late, 409, "taskId");
    assertThat(late.json().get("message").asText()).contains("已由同事办理");
    assertRefused(http.as("t1b").post("/engine-rest/task/nope/submit-form", Map.of("variables", Map.of())), 404, null);
  }

  @Test
  void aTaskAColleagueClaimedAnswers409() {
    String code = issue("T1");
    Task accept = engine.requireTask(code, "acceptItem");
    assertThat(http.as("t1a").post("/engine-rest/task/" + accept.getId() + "/claim", Map.of("userId", "t1a"))
        .status()).isEqualTo(204);
    Http.Response second = http.as("t1b").post("/engine-rest/task/" + accept.getId() + "/claim", Map.of("userId", "t1b"));
    assertRefused(second, 409, "taskId");
    assertThat(second.json().get("message").asText()).contains("认领");
  }

  @Test
  void valuesTheDatabaseWouldChokeOnAreRefusedNamingTheField() {
    String code = issue("T1");
    Task accept = engine.requireTask(code, "acceptItem");
    String before = snapshot();
    String url = "/engine-rest/task/" + accept.getId() + "/submit-form";
    Http clerk = http.as("t1a");

    assertRefused(clerk.post(url, Map.of("variables", Map.of("accepted", Map.of("value", "false"),
        "returnReason", Map.of("value", "不属于\u0000本单位")))), 400, "returnReason");
    assertRefused(clerk.post(url, Map.of("variables", Map.of("accepted", Map.of("value", "false"),
        "returnReason", Map.of("value", "长".repeat(4001))))), 400, "returnReason");
    assertRefused(clerk.post(url, Map.of("variables", Map.of("accepted", Map.of("value", "false"),
        "returnReason", Map.of("value", "<a/>", "type", "Xml")))), 400, "returnReason");
    Map<String, Object> serialized = Map.of("value", "rO0ABXQAAXg=", "type", "Object", "valueInfo",
        Map.of("objectTypeName", "java.lang.String", "serializationDataFormat", "application/x-java-serialized-object"));
    assertRefused(clerk.post(url, Map.of("variables", Map.of("returnReason", serialized))), 400, "returnReason");
    // an untyped object or list has no type the guard could name
    assertRefused(clerk.post(url, Map.of("variables", Map.of("accepted", Map.of("value", "false"),
        "returnReason", Map.of("value", Map.of("a", 1))))), 400, "returnReason");
    assertRefused(clerk.post(url, Map.of("variables", Map.of("accepted", Map.of("value", List.of(true))))),
        400, "accepted");
    Http.Response huge = clerk.post(url, Map.of("variables", Map.of("accepted", Map.of("value", "1e1000000", "type", "Double"))));
    assertThat(huge.status()).as(huge.toString()).isEqualTo(400);
    assertThat(huge.body().length()).isLessThan(600);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aTasksCommentsAreAddedWithinBoundsAndNeverRewrittenOrRemoved() {
    String code = issue("T1");
    Task accept = engine.requireTask(code, "acceptItem");
    String comments = "/engine-rest/task/" + accept.getId() + "/comment";
    Http.Response mine = http.as("t1a").post(comments + "/create", Map.of("message", "请周鹏牵头办理"));
    assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
    String commentId = mine.json().get("id").asText();
    String sql = "select id_, user_id_, message_ from act_hi_comment order by id_";
    var before = jdbc.queryForList(sql);

    Http colleague = http.as("t1b");
    assertRefused(colleague.post(comments + "/create", Map.of("message", "不属于\u0000本单位")), 400, "message");
    Http.Response tooLong = colleague.post(comments + "/create", Map.of("message", "长".repeat(2001)));
    assertRefused(tooLong, 400, "message");
    assertThat(tooLong.json().get("message").asText()).contains("评论不能超过 2000 字");
    assertRefused(colleague.post(comments + "/create", Map.of("message", " ")), 400, "message");
    // a colleague cannot put words into the clerk's comment, nor make the task's record disappear
    assertRefused(colleague.put(comments, Map.of("id", commentId, "message", "我同意退回")), 403, null);
    assertRefused(colleague.delete(comments + "/" + commentId), 403, null);
    assertRefused(colleague.delete(comments), 403, null);

    assertThat(jdbc.queryForList(sql)).isEqualTo(before);
  }

  @Test
  void requestsCamundaCannotReadAre400sNotServerErrors() {
    String code = issue("T1");
    Task accept = engine.requireTask(code, "acceptItem");
    String before = snapshot();
    String url = "/engine-rest/task/" + accept.getId() + "/submit-form";
    Http clerk = http.as("t1a");

    assertRefused(clerk.post(url, "{\"variables\":"), 400, null); // cut short
    assertRefused(clerk.post(url, "{\"variables\":x}"), 400, null);
    assertRefused(clerk.post(url, "\"x\""), 400, null);
    assertRefused(clerk.post(url, "{\"variables\":[]}"), 400, "variables");
    assertRefused(clerk.post(url, "{\"variables\":{\"accepted\":null}}"), 400, null);
    assertRefused(clerk.post(url, "{\"variables\":{\"accepted\":{\"value\":false},"
        + "\"returnReason\":{\"value\":\"{x\",\"type\":\"Json\"}}}"), 400, null);
    assertRefused(clerk.post("/engine-rest/task/" + accept.getId() + "/claim", "null"), 400, null);
    Http.Response paging = clerk.get("/engine-rest/task?maxResults=abc");
    assertRefused(paging, 400, "maxResults");
    assertThat(paging.json().get("message").asText()).contains("最多条数");
    // a negative page would reach the database's LIMIT/OFFSET
    assertRefused(clerk.get("/engine-rest/history/process-instance?maxResults=-5"), 400, "maxResults");
    assertRefused(clerk.get("/engine-rest/task?firstResult=-1&maxResults=10"), 400, "firstResult");
    assertRefused(http.as("admin", ADMIN_PASSWORD).get("/engine-rest/history/task?maxResults=-1"), 400, "maxResults");

    // Cockpit's own plugin queries too (they do not go through the engine's query commands)
    WebappSession cockpit = new WebappSession(port);
    assertThat(cockpit.login("cockpit", "office1", TestOrganisation.PASSWORD).status()).isEqualTo(200);
    assertRefused(cockpit.request("GET", "/camunda/api/cockpit/plugin/base/default/process-instance?maxResults=-1",
        null), 400, "maxResults");
    assertRefused(cockpit.request("GET", "/camunda/api/cockpit/plugin/base/default/process-instance?firstResult=-5"
        + "&maxResults=5", null), 400, "firstResult");

    // a body the REST layer does not take, and a request refused before it (the error page): the error shape
    assertRefused(raw(url, "accepted=true", "text/plain"), 415, null);
    Http.Response twoTypes = raw(url, "{}", "application/json", "text/plain");
    assertRefused(twoTypes, 400, null);
    assertThat(twoTypes.body()).doesNotContain("timestamp");

    assertThat(snapshot()).isEqualTo(before);
    assertThat(engine.task(code, "acceptItem")).isNotNull();
  }

  private Http.Response raw(String path, String body, String... contentTypes) {
    try {
      var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
          .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
              ("t1a:" + TestOrganisation.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .header("Accept", "application/json");
      for (String type : contentTypes) {
        request.header("Content-Type", type);
      }
      var built = request.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
      var response = java.net.http.HttpClient.newHttpClient().send(built,
          java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
      return new Http.Response(response.statusCode(), response.body(), null);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void twoColleaguesCompletingAtOnceGiveOneSuccessAndOneConflict() throws Exception {
    for (int round = 0; round < 3; round++) {
      String code = issue("T1");
      Task accept = engine.requireTask(code, "acceptItem");
      var a = CompletableFuture.supplyAsync(() -> engine.submitForm("t1a", accept.getId(), Map.of("accepted", "true")));
      var b = CompletableFuture.supplyAsync(() -> engine.submitForm("t1b", accept.getId(), Map.of("accepted", "true")));
      List<Integer> statuses = List.of(a.get().status(), b.get().status());
      assertThat(statuses).as("%s / %s", a.get(), b.get()).containsExactlyInAnyOrder(204, 409);
      assertThat(jdbc.queryForObject("select count(*) from ls_item_event e join ls_item i on i.id = e.item_id"
          + " where i.code = ? and e.type = 'ACCEPTED'", Long.class, code)).isEqualTo(1);
    }
  }

  // --- helpers --------------------------------------------------------------------------------------

  private String issue(String unit) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", "推进就业创业服务提质");
    m.put("source", "KEY_TASK");
    m.put("unitCode", unit);
    m.put("leadLeader", "leader1");
    m.put("deadline", "2026-06-30");
    m.put("target", "城镇新增就业 3000 人");
    Http.Response r = http.as("office1").post("/api/items", m);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    engine.runAsync();
    return r.json().get("code").asText();
  }

  /** An item of the unit waiting for the office's verification. */
  private String closing(String unit) {
    String code = issue(unit);
    String clerk = "t" + unit.substring(1).toLowerCase() + "a";
    engine.done(clerk, code, "acceptItem", Map.of("accepted", "true"));
    engine.done(clerk, code, "planItem", Map.of("responsiblePerson", clerk, "measures", "每周调度"));
    engine.done(clerk, code, "submitCompletion",
        Map.of("action", "COMPLETE", "completedOn", "2026-06-01", "completionNote", "已完成"));
    return code;
  }

  /** A supervision whose report lists one problem for each unit; returns its process instance. */
  private String supervisionWithProblemsOf(String... units) {
    Http.Response started = http.as("office1").post("/api/supervisions",
        Map.of("method", "OPEN_VISIT", "subject", "就业政策落实", "unitCodes", List.of(units)));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    String pi = started.json().get("processInstanceId").asText();
    Task inspect = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("conductInspection").singleResult();
    assertThat(engine.submitForm("office1", inspect.getId(), Map.of("findings", "台账不全")).status()).isEqualTo(204);
    Task write = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("writeReport").singleResult();
    List<Map<String, String>> problems = java.util.Arrays.stream(units)
        .map(u -> Map.of("unitCode", u, "description", u + " 台账不全", "deadline", "2026-06-20")).toList();
    Http.Response report = engine.submitForm("office1", write.getId(), Map.of("report", "督查报告", "problems", problems));
    assertThat(report.status()).as(report.toString()).isEqualTo(204);
    engine.runAsync();
    return pi;
  }

  /** How many assessments, reports and interviews there are. */
  private List<Long> records() {
    return List.of("ls_assessment", "ls_report", "ls_interview").stream()
        .map(t -> jdbc.queryForObject("select count(*) from " + t, Long.class)).toList();
  }

  private String status(String code) {
    return jdbc.queryForObject("select status from ls_item where code = ?", String.class, code);
  }

  private String processInstanceOf(String code) {
    return jdbc.queryForObject("select process_instance_id from ls_item where code = ?", String.class, code);
  }

  private static void assertRefused(Http.Response r, int status, String field) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    JsonNode body = r.json();
    assertThat(body.get("status").asInt()).as(r.toString()).isEqualTo(status);
    assertThat(body.get("message").asText()).as(r.toString()).isNotBlank().doesNotContain("ENGINE-", "Exception");
    assertThat(body.get("message").asText()).as(r.toString()).containsPattern("\\p{IsHan}");
    if (field != null) {
      assertThat(body.path("field").asText(null)).as(r.toString()).isEqualTo(field);
    }
  }

  /**
   * The state an attacker could try to change: every domain row that matters, every runtime task,
   * identity link and variable of the engine, and the process instances with their business keys.
   */
  private String snapshot() {
    StringBuilder s = new StringBuilder();
    for (String sql : List.of(
        "select code, status, unit_code, lead_leader, responsible_person, deadline, process_instance_id from ls_item order by code",
        "select item_id, type, actor from ls_item_event order by id",
        "select id, unit_code, status, rectification, execution_id from ls_supervision_problem order by id",
        "select id, status from ls_supervision order by id",
        "select id_, proc_inst_id_, task_def_key_, assignee_ from act_ru_task order by id_",
        "select task_id_, group_id_, user_id_, type_ from act_ru_identitylink where task_id_ is not null order by id_",
        "select proc_inst_id_, execution_id_, task_id_, name_, text_, long_, double_ from act_ru_variable order by id_",
        "select id_, business_key_ from act_ru_execution where parent_id_ is null order by id_",
        "select count(*) from act_ru_event_subscr")) {
      jdbc.queryForList(sql).forEach(row -> s.append(row.values()).append('\n'));
    }
    return s.toString();
  }
}
