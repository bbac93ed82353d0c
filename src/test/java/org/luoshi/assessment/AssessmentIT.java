package org.luoshi.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.luoshi.engine.Time;
import org.luoshi.interview.InterviewStatus;
import org.luoshi.interview.Interviews;
import org.luoshi.notification.Notifications;
import org.luoshi.testsupport.Engine;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.ItemRows;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The 2026 assessment end to end on a known data set written straight into the tables: the figures
 * and grades it computes, review and approval in the engine, publication with its consequences,
 * interviews and notices, appeals through the API (with their refusals) and the appeal window.
 * The steps build on each other, in order.
 *
 * <p>Data: T1 (t1a) closed two items (95, 91 → 93.0) but t1b was interviewed; T2 (t2a) closed one
 * (92.0), returned one and has one overdue since April and still not done; T3 (t3a) closed one
 * (55.0).
 */
@LuoshiIT
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AssessmentIT {

  static final Instant NOW = LocalDateTime.of(2027, 1, 11, 10, 0).atZone(Time.ZONE).toInstant();

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired Interviews interviews;
  @Autowired Notifications notifications;
  Http http;
  Engine engine;

  static final AtomicLong ids = new AtomicLong(200_000);
  static boolean loaded;
  static long assessmentId;
  static String processInstanceId;
  static JsonNode published;

  @BeforeAll
  static void clock() {
    Engine.clock(NOW);
  }

  @AfterAll
  static void resetClock() {
    Engine.resetClock();
  }

  @BeforeEach
  void setUp() {
    TestOrganisation.create(identity);
    http = new Http(port);
    engine = new Engine(http, tasks, management);
    if (!loaded) {
      load();
      loaded = true;
    }
  }

  void load() {
    item("T1", "t1a", "CLOSED", "95.0", "2026-04-10T02:00:00Z", null);
    item("T1", "t1a", "CLOSED", "91.0", "2026-09-10T02:00:00Z", null);
    long t2 = item("T2", "t2a", "CLOSED", "92.0", "2026-05-10T02:00:00Z", null);
    item("T2", "t2a", "IN_PROGRESS", null, null, "2026-04-01");
    item("T3", "t3a", "CLOSED", "55.0", "2026-06-10T02:00:00Z", null);
    // closed in 2025: not part of 2026
    item("T3", "t3a", "CLOSED", "99.0", "2025-12-10T02:00:00Z", null);
    jdbc.update("insert into ls_item_event (id, item_id, type, unit_code, occurred_at) values (?, ?, 'RETURNED', 'T2', ?)",
        ids.incrementAndGet(), t2, Timestamp.from(Instant.parse("2026-02-01T02:00:00Z")));
    heldInterview("t1b", "2026-06-01T02:00:00Z");
  }

  long item(String unit, String person, String status, String finalScore, String closedAt, String overdueSince) {
    return ItemRows.insert(jdbc, ids.incrementAndGet(), unit, person, status, finalScore, closedAt, overdueSince, NOW);
  }

  void heldInterview(String person, String heldAt) {
    long id = ids.incrementAndGet();
    jdbc.update("""
        insert into ls_interview (id, code, start_year, trigger_code, method, earlier_interviews, interviewer,
          interviewer_level, subject, origin, started_by, created_at, status, held_at, version)
        values (?, ?, 2026, 'POOR_IMPLEMENTATION', 'REMINDER', 0, 'leader1', 'COUNTY', '测试约谈', 'MANUAL', 'office1',
          ?, 'HELD', ?, 0)""",
        id, "YT-2026-9" + (id % 1000), Timestamp.from(Instant.parse(heldAt)), Timestamp.from(Instant.parse(heldAt)));
    jdbc.update("insert into ls_interview_person (interview_id, user_id, position, attended) values (?, ?, 0, true)",
        id, person);
  }

  // starting ----------------------------------------------------------------------------------------

  @Test
  @Order(1)
  void onlyTheOfficeStartsAnAssessmentOfAYearOrAHalfYear() {
    assertThat(http.as("t1a").post("/api/assessments", Map.of("period", "2026")).status()).isEqualTo(403);
    assertThat(http.as("principal1").post("/api/assessments", Map.of("period", "2026")).status()).isEqualTo(403);
    for (String bad : new String[] {"2026-Q1", "26", "2026-H3", ""}) {
      Http.Response r = http.as("office1").post("/api/assessments", Map.of("period", bad));
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.json().get("field").asText()).isEqualTo("period");
    }
    assertThat(http.as("office1").post("/api/assessments", Map.of()).json().get("field").asText()).isEqualTo("period");
    assertThat(jdbc.queryForObject("select count(*) from ls_assessment", Long.class)).isZero();
  }

  @Test
  @Order(2)
  void theOfficeStartsTheAssessmentAndItComputesTheFiguresAndGrades() {
    Http.Response r = http.as("office1").post("/api/assessments", Map.of("period", "2026"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assessmentId = r.json().get("id").asLong();
    processInstanceId = r.json().get("processInstanceId").asText();
    assertThat(r.json().get("status").asText()).isEqualTo("COMPUTING");

    Http.Response again = http.as("office2").post("/api/assessments", Map.of("period", "2026"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("field").asText()).isEqualTo("period");

    engine.runAsync();
    JsonNode a = http.as("office1").get("/api/assessments/" + assessmentId).json();
    assertThat(a.get("status").asText()).isEqualTo("COMPUTED");
    assertThat(a.get("periodLabel").asText()).isEqualTo("2026年");

    JsonNode t1 = result(a, "UNIT", "T1");
    assertThat(t1.get("averageFinalScore").decimalValue()).isEqualByComparingTo("93.0");
    assertThat(t1.get("closed").asInt()).isEqualTo(2);
    assertThat(t1.get("interviews").asInt()).isEqualTo(1);
    assertThat(t1.get("rank").asInt()).isEqualTo(1);
    assertThat(t1.get("grade").asText()).as("interviewed: not 优秀").isEqualTo("GOOD");

    JsonNode t2 = result(a, "UNIT", "T2");
    assertThat(t2.get("averageFinalScore").decimalValue()).isEqualByComparingTo("92.0");
    assertThat(t2.get("overdue").asInt()).isEqualTo(1);
    assertThat(t2.get("overdueUncompleted").asInt()).isEqualTo(1);
    assertThat(t2.get("returned").asInt()).isEqualTo(1);
    assertThat(t2.get("rank").asInt()).isEqualTo(2);
    assertThat(t2.get("grade").asText()).as("overdue uncompleted: not 优秀").isEqualTo("GOOD");

    JsonNode t3 = result(a, "UNIT", "T3");
    assertThat(t3.get("averageFinalScore").decimalValue()).isEqualByComparingTo("55.0");
    assertThat(t3.get("closed").asInt()).as("the 2025 item does not count").isEqualTo(1);
    assertThat(t3.get("grade").asText()).isEqualTo("FAIL");
    assertThat(t3.get("gradeLabel").asText()).isEqualTo("不合格");

    assertThat(result(a, "PERSON", "t1a").get("grade").asText()).isEqualTo("EXCELLENT");
    assertThat(result(a, "PERSON", "t1a").get("unitCode").asText()).isEqualTo("T1");
    assertThat(result(a, "PERSON", "t2a").get("grade").asText()).isEqualTo("GOOD");
    assertThat(result(a, "PERSON", "t3a").get("grade").asText()).isEqualTo("FAIL");
    assertThat(a.get("consequences")).isEmpty();
  }

  @Test
  @Order(3)
  void unitsSeeNothingBeforeItIsPublished() {
    assertThat(http.as("t1a").get("/api/assessments/" + assessmentId).status()).isEqualTo(404);
    assertThat(http.as("t1a").get("/api/assessments?period=2026").json()).isEmpty();
    assertThat(http.as("principal1").get("/api/assessments?period=2026").json()).hasSize(1);
    assertThat(http.as("t1a").post("/api/assessments/" + assessmentId + "/appeals",
        Map.of("resultId", 1, "reason", "不服")).status()).isEqualTo(404);
  }

  @Test
  @Order(4)
  void reviewedApprovedAndPublishedItRecordsTheConsequencesAndStartsTheInterviews() {
    String key = "KH-2026-" + assessmentId;
    Http.Response noReason = engine.submit("office1", key, "reviewAssessment", Map.of("reviewOutcome", "RECOMPUTE"));
    assertThat(noReason.status()).isNotEqualTo(204);
    assertThat(noReason.body()).contains("reviewComment");
    engine.done("office1", key, "reviewAssessment", Map.of("reviewOutcome", "RECOMPUTE", "reviewComment", "补录事项后重算"));
    JsonNode recomputed = http.as("office1").get("/api/assessments/" + assessmentId).json();
    assertThat(recomputed.get("status").asText()).isEqualTo("COMPUTED");
    assertThat(recomputed.get("computations").asInt()).isEqualTo(2);
    assertThat(recomputed.get("results")).hasSize(6);
    assertThat(result(recomputed, "UNIT", "T3").get("grade").asText()).isEqualTo("FAIL");

    // the office corrects one grade: the table's grade is kept, a reason is required
    long t1 = result(recomputed, "UNIT", "T1").get("id").asLong();
    Http.Response sameGrade = engine.submit("office1", key, "reviewAssessment", Map.of("reviewOutcome", "ADJUST",
        "adjustResultId", String.valueOf(t1), "adjustedGrade", "GOOD", "reviewComment", "？"));
    assertThat(sameGrade.body()).contains("adjustedGrade");
    engine.done("office1", key, "reviewAssessment", Map.of("reviewOutcome", "ADJUST",
        "adjustResultId", String.valueOf(t1), "adjustedGrade", "EXCELLENT", "reviewComment", "约谈系他人工作所致"));
    JsonNode adjusted = result(http.as("office1").get("/api/assessments/" + assessmentId).json(), "UNIT", "T1");
    assertThat(adjusted.get("grade").asText()).isEqualTo("EXCELLENT");
    assertThat(adjusted.get("originalGrade").asText()).isEqualTo("GOOD");
    assertThat(adjusted.get("gradeReason").asText()).contains("督查室调整", "约谈系他人工作所致");

    engine.done("office1", key, "reviewAssessment", Map.of("reviewOutcome", "SUBMIT", "reviewComment", "已核对"));
    engine.done("principal1", key, "approveAssessment", Map.of("approved", false, "approvalComment", "请再核对"));
    assertThat(http.as("office1").get("/api/assessments/" + assessmentId).json().get("status").asText())
        .isEqualTo("RETURNED");
    engine.done("office1", key, "reviewAssessment", Map.of("reviewOutcome", "SUBMIT", "reviewComment", "已核对"));
    engine.done("principal1", key, "approveAssessment", Map.of("approved", true));

    published = http.as("office1").get("/api/assessments/" + assessmentId).json();
    assertThat(published.get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(published.get("approvedBy").asText()).isEqualTo("principal1");
    assertThat(published.get("appealOpen").asBoolean()).isTrue();
    assertThat(published.get("appealUntil").asText()).startsWith("2027-01-26T10:00");

    long t3 = result(published, "UNIT", "T3").get("id").asLong();
    long t3a = result(published, "PERSON", "t3a").get("id").asLong();
    long t1a = result(published, "PERSON", "t1a").get("id").asLong();
    assertThat(types(published, t3)).containsExactlyInAnyOrder("AWARD_INELIGIBLE", "INTERVIEW");
    assertThat(types(published, t3a)).containsExactlyInAnyOrder("AWARD_INELIGIBLE", "INTERVIEW", "POSITION_ADJUSTMENT");
    assertThat(types(published, t1a)).containsExactly("PROMOTION_PRIORITY");
    assertThat(published.get("consequences")).hasSize(6);

    // a unit's staff read every result, but only their own unit's and their own consequences
    JsonNode asT1 = http.as("t1b").get("/api/assessments/" + assessmentId).json();
    assertThat(asT1.get("results")).hasSameSizeAs(published.get("results"));
    assertThat(asT1.get("consequences").findValuesAsText("resultId"))
        .containsExactly(String.valueOf(t1a));

    // the unit's responsible person and the person are the same: one interview, conducted by the approver
    List<String> interviewIds = new ArrayList<>();
    published.get("consequences").forEach(c -> {
      if (c.get("type").asText().equals("INTERVIEW")) {
        interviewIds.add(c.get("interviewId").asText());
        assertThat(c.get("interviewee").asText()).isEqualTo("t3a");
      }
    });
    assertThat(interviewIds).hasSize(2).allMatch(interviewIds.get(0)::equals);
    var interview = interviews.find(interviewIds.get(0)).orElseThrow();
    assertThat(interview.interviewer()).isEqualTo("principal1");
    assertThat(interview.interviewees()).containsExactly("t3a");
    assertThat(interview.processInstanceId()).isNotNull();
    assertThat(interview.subject()).contains("2026年考核等次为不合格");

    assertThat(notifications.received("t1b", Assessments.NOTICE_PUBLISHED)).hasSize(1)
        .allMatch(n -> n.title().contains("测试一局") && n.title().contains("优秀"));
    assertThat(notifications.received("t1a", Assessments.NOTICE_PUBLISHED)).hasSize(2);
    assertThat(notifications.received("office1", Assessments.NOTICE_PUBLISHED)).hasSize(1);
  }

  @Test
  @Order(5)
  void anAppealIsFiledByTheUnitsStaffWithinTheWindow() {
    long t3 = result(published, "UNIT", "T3").get("id").asLong();
    String path = "/api/assessments/" + assessmentId + "/appeals";

    assertThat(http.as("t1a").post(path, Map.of("resultId", t3, "reason", "不服")).status()).isEqualTo(403);
    Http.Response noReason = http.as("t3a").post(path, Map.of("resultId", t3));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("field").asText()).isEqualTo("reason");
    assertThat(http.as("t3a").post(path, Map.of("reason", "不服")).json().get("field").asText()).isEqualTo("resultId");
    assertThat(http.as("t3a").post(path, Map.of("resultId", 999999, "reason", "不服")).status()).isEqualTo(404);
    assertThat(http.as("t3a").post("/api/assessments/999999/appeals", Map.of("resultId", t3, "reason", "不服"))
        .status()).isEqualTo(404);

    // filed twice at the same instant (a double click): one appeal, the other a conflict
    var first = java.util.concurrent.CompletableFuture.supplyAsync(() ->
        http.as("t3a").post(path, Map.of("resultId", t3, "reason", "唯一的低分事项系上级调整任务所致")));
    var second = java.util.concurrent.CompletableFuture.supplyAsync(() ->
        http.as("t3a").post(path, Map.of("resultId", t3, "reason", "唯一的低分事项系上级调整任务所致")));
    Http.Response filed = first.join().status() == 201 ? first.join() : second.join();
    Http.Response other = filed == first.join() ? second.join() : first.join();
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    assertThat(other.status()).as(other.body()).isEqualTo(409);
    assertThat(jdbc.queryForObject("select count(*) from ls_assessment_appeal where result_id = ?", Long.class, t3))
        .isEqualTo(1);
    assertThat(filed.json().get("decisionLabel").asText()).isEqualTo("审理中");
    assertThat(http.as("t3a").post(path, Map.of("resultId", t3, "reason", "再次申诉")).status()).isEqualTo(409);

    var task = engine.requireTask("KH-2026-" + assessmentId, "decideAppeal");
    assertThat(tasks.getVariable(task.getId(), "appealReason")).isEqualTo("唯一的低分事项系上级调整任务所致");
    assertThat(tasks.getVariable(task.getId(), "appealGrade").toString()).startsWith("不合格");
  }

  @Test
  @Order(6)
  void anUpheldAppealRegradesAndWithdrawsWhatNoLongerApplies() {
    String key = "KH-2026-" + assessmentId;
    engine.done("principal1", key, "decideAppeal",
        Map.of("appealDecision", "UPHELD", "newGrade", "PASS", "decisionComment", "情况属实，调整为合格"));

    JsonNode a = http.as("t3a").get("/api/assessments/" + assessmentId).json();
    JsonNode t3 = result(a, "UNIT", "T3");
    assertThat(t3.get("grade").asText()).isEqualTo("PASS");
    assertThat(t3.get("originalGrade").asText()).isEqualTo("FAIL");
    assertThat(a.get("appeals").get(0).get("decision").asText()).isEqualTo("UPHELD");
    assertThat(a.get("appeals").get(0).get("decidedBy").asText()).isEqualTo("principal1");
    for (JsonNode c : a.get("consequences")) {
      if (c.get("resultId").asLong() == t3.get("id").asLong()) {
        assertThat(c.get("active").asBoolean()).as(c.toString()).isFalse();
      }
    }
    // the interview still stands for t3a's own result
    String interviewId = a.get("consequences").findValuesAsText("interviewId").stream()
        .filter(s -> s != null && !s.equals("null")).findFirst().orElseThrow();
    assertThat(interviews.find(interviewId).orElseThrow().status()).isEqualTo(InterviewStatus.NOTIFIED);
    assertThat(notifications.received("t3a", Assessments.NOTICE_APPEAL_DECIDED)).hasSize(1);

    // the person appeals too; upheld, the interview is no longer due and is cancelled
    long t3a = result(a, "PERSON", "t3a").get("id").asLong();
    assertThat(http.as("t3a").post("/api/assessments/" + assessmentId + "/appeals",
        Map.of("resultId", t3a, "reason", "同上")).status()).isEqualTo(201);
    Http.Response worse = engine.submit("principal1", key, "decideAppeal",
        Map.of("appealDecision", "UPHELD", "newGrade", "FAIL", "decisionComment", "？"));
    assertThat(worse.status()).isNotEqualTo(204);
    engine.done("principal1", key, "decideAppeal",
        Map.of("appealDecision", "UPHELD", "newGrade", "PASS", "decisionComment", "同单位"));
    assertThat(interviews.find(interviewId).orElseThrow().status()).isEqualTo(InterviewStatus.CANCELLED);
    JsonNode after = http.as("office1").get("/api/assessments/" + assessmentId).json();
    List<String> active = new ArrayList<>();
    after.get("consequences").forEach(c -> {
      if (c.get("active").asBoolean()) {
        active.add(c.get("type").asText());
      }
    });
    assertThat(active).as("only t1a's promotion priority remains").containsExactly("PROMOTION_PRIORITY");
    assertThat(after.get("consequences")).hasSize(6);
  }

  @Test
  @Order(7)
  void aRejectedAppealKeepsTheGradeAndTheWindowClosesTheAssessment() {
    String key = "KH-2026-" + assessmentId;
    long t2 = result(published, "UNIT", "T2").get("id").asLong();
    assertThat(http.as("t2a").post("/api/assessments/" + assessmentId + "/appeals",
        Map.of("resultId", t2, "reason", "逾期事项已完成")).status()).isEqualTo(201);
    engine.done("principal1", key, "decideAppeal", Map.of("appealDecision", "REJECTED", "decisionComment", "仍未报送完成"));
    assertThat(result(http.as("t2a").get("/api/assessments/" + assessmentId).json(), "UNIT", "T2")
        .get("grade").asText()).isEqualTo("GOOD");

    engine.fire(processInstanceId, "appealWindowTimer");
    JsonNode a = http.as("t2a").get("/api/assessments/" + assessmentId).json();
    assertThat(a.get("status").asText()).isEqualTo("CLOSED");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count()).isZero();
    assertThat(http.as("t2a").post("/api/assessments/" + assessmentId + "/appeals",
        Map.of("resultId", t2, "reason", "再诉")).status()).isEqualTo(409);
    assertThat(http.as("t1a").get("/api/assessments").json()).hasSize(1);
  }

  @Test
  @Order(9)
  void anAssessmentCancelledInCockpitBeforePublicationLetsThePeriodBeAssessedAgain() {
    Http.Response first = http.as("office1").post("/api/assessments", Map.of("period", "2026-H1"));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    engine.runAsync();
    runtime.deleteProcessInstance(first.json().get("processInstanceId").asText(), "督查室撤销");
    JsonNode cancelled = http.as("office1").get("/api/assessments/" + first.json().get("id").asLong()).json();
    assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(cancelled.get("statusLabel").asText()).isEqualTo("已撤销");

    Http.Response again = http.as("office1").post("/api/assessments", Map.of("period", "2026-H1"));
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(http.as("office2").post("/api/assessments", Map.of("period", "2026-H1")).status()).isEqualTo(409);
  }

  @Test
  @Order(8)
  void theLedgerPageListsTheRunsAndOffersTheAppealForm() {
    Http.Response page = http.get("/ledger/assessments.html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("/ledger/assessments.js", "提出申诉");
    assertThat(http.get("/ledger/assessments.js").body()).contains("/api/assessments");
    assertThat(http.get("/ledger/ledger.js").body()).contains("/ledger/assessments.html");
  }

  // helpers -----------------------------------------------------------------------------------------

  static JsonNode result(JsonNode assessment, String type, String subject) {
    for (JsonNode r : assessment.get("results")) {
      if (r.get("subjectType").asText().equals(type) && r.get("subjectId").asText().equals(subject)) {
        return r;
      }
    }
    throw new AssertionError("no result " + type + " " + subject + " in " + assessment.get("results"));
  }

  static List<String> types(JsonNode assessment, long resultId) {
    List<String> out = new ArrayList<>();
    assessment.get("consequences").forEach(c -> {
      if (c.get("resultId").asLong() == resultId) {
        out.add(c.get("type").asText());
      }
    });
    return out;
  }
}
