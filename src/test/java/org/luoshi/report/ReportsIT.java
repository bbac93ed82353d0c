package org.luoshi.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.engine.Time;
import org.luoshi.notification.Notifications;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.luoshi.common.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The periodic reports on a known data set, written straight into the tables on 3 July 2026
 * (Beijing time) so that every figure of the second quarter and first half-year can be worked out
 * by hand; then the whole way from draft to publication through the API and the engine.
 */
@LuoshiIT
class ReportsIT {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired Notifications notifications;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired org.luoshi.engine.StartTimers startTimers;
  @Autowired ReportSchedule reportSchedule;
  Http http;
  static final AtomicLong ids = new AtomicLong(200_000);
  static boolean loaded;
  static Long quarterly;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(java.util.Date.from(LocalDateTime.of(2026, 7, 3, 10, 0).atZone(Time.ZONE).toInstant()));
    TestOrganisation.create(identity);
    http = new Http(port);
    if (!loaded) {
      load();
      loaded = true;
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // the data set ----------------------------------------------------------------------------------

  void item(String code, String unit, String person, String status, String issuedOn, String deadline,
      String finalScore, String closedAt, String overdueSince) {
    jdbc.update("""
        insert into ls_item (id, version, code, title, source, category, unit_code, lead_leader, responsible_person,
          target, issued_on, issued_by, deadline, original_deadline, extended, status, progress_percent, yellow_from,
          overdue_since, final_score, closed_at, issue_round, submission_round, created_at)
        values (?, 0, ?, ?, 'KEY_TASK', 'OTHER', ?, 'leader1', ?, '目标', ?, 'office1', ?, ?, false, ?, 0, ?, ?, ?, ?,
          1, 1, ?)""",
        ids.incrementAndGet(), code, "事项" + code, unit, person, Date.valueOf(issuedOn), Date.valueOf(deadline),
        Date.valueOf(deadline), status, Date.valueOf(deadline), overdueSince == null ? null : Date.valueOf(overdueSince),
        finalScore == null ? null : new java.math.BigDecimal(finalScore),
        closedAt == null ? null : Timestamp.from(Instant.parse(closedAt)), Timestamp.from(Instant.now()));
  }

  void interview(String code, String heldAt, String person) {
    long id = ids.incrementAndGet();
    jdbc.update("""
        insert into ls_interview (id, code, start_year, trigger_code, method, earlier_interviews, interviewer,
          interviewer_level, subject, origin, started_by, created_at, status, held_at, outcome, version)
        values (?, ?, 2026, 'POOR_IMPLEMENTATION', 'REMINDER', 0, 'leader1', 'COUNTY', '工作落实不力', 'MANUAL', 'office1',
          ?, 'RECORDED', ?, 'REMINDER_TALK', 0)""",
        id, code, Timestamp.from(Instant.parse(heldAt)), Timestamp.from(Instant.parse(heldAt)));
    jdbc.update("insert into ls_interview_person (interview_id, user_id, position, attended) values (?, ?, 0, true)",
        id, person);
    jdbc.update("""
        insert into ls_interview_schedule (interview_id, revision, scheduled_at, place, changed_by, changed_at)
        values (?, 1, ?, '约谈室', 'office1', ?)""", id, Timestamp.from(Instant.parse(heldAt)),
        Timestamp.from(Instant.parse(heldAt)));
  }

  void load() {
    // issued in the second quarter (1 April – 30 June)
    item("ZR-2026-0101", "T1", "t1a", "CLOSED", "2026-04-05", "2026-05-31", "90.0", "2026-05-10T02:00:00Z", null);
    item("ZR-2026-0102", "T1", "t1b", "IN_PROGRESS", "2026-04-10", "2026-06-10", null, null, "2026-06-11");
    item("ZR-2026-0103", "T2", "t2a", "CLOSED", "2026-04-15", "2026-06-30", "80.0", "2026-06-20T02:00:00Z", null);
    item("ZR-2026-0104", "T2", "t2a", "CLOSING", "2026-05-01", "2026-08-31", null, null, null);
    item("ZR-2026-0105", "T3", "t3a", "RETURNED", "2026-06-01", "2026-09-30", null, null, null);
    // overdue since yesterday: counted overdue now, but its deadline is after the quarter's end
    item("ZR-2026-0106", "T1", "t1a", "IN_PROGRESS", "2026-06-15", "2026-07-02", null, null, null);
    // issued in the first quarter, open past its 30 June deadline
    item("ZR-2026-0011", "T3", "t3a", "IN_PROGRESS", "2026-03-20", "2026-06-30", null, null, "2026-07-01");

    interview("YT-2026-0101", "2026-05-20T02:00:00Z", "t1b");
    interview("YT-2026-0001", "2026-03-20T02:00:00Z", "t3a"); // first quarter

    // one inspection in May of T1 and T2: three problems, one of each status
    jdbc.update("""
        insert into ls_supervision (id, process_instance_id, method, subject, status, unit_codes, started_by, started_at,
          started_on, reported_at, reported_on, version)
        values (300001, 'pi-300001', 'KEY', '重点督查', 'RECTIFYING', 'T1,T2', 'office1', ?, date '2026-05-10', ?,
          date '2026-05-12', 0)""",
        Timestamp.from(Instant.parse("2026-05-10T02:00:00Z")), Timestamp.from(Instant.parse("2026-05-12T02:00:00Z")));
    jdbc.update("insert into ls_supervision_unit (supervision_id, position, unit_code) values (300001, 0, 'T1')");
    jdbc.update("insert into ls_supervision_unit (supervision_id, position, unit_code) values (300001, 1, 'T2')");
    String problem = """
        insert into ls_supervision_problem (id, supervision_id, position, unit_code, description, deadline, status,
          found_on, rejections, version) values (?, 300001, ?, ?, '台账不全', date '2026-06-30', ?, date '2026-05-12', 0, 0)""";
    jdbc.update(problem, 300011, 0, "T1", "OPEN");
    jdbc.update(problem, 300012, 1, "T1", "RECTIFIED");
    jdbc.update(problem, 300013, 2, "T2", "VERIFIED");
  }

  long quarterly() {
    if (quarterly == null) {
      Http.Response r = http.as("office1").post("/api/reports", Map.of("kind", "QUARTERLY_INSPECTION", "period", "2026-Q2"));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      assertThat(r.json().get("status").asText()).isEqualTo("DRAFT");
      assertThat(r.json().get("processInstanceId").asText()).isNotBlank();
      quarterly = r.json().get("id").asLong();
    }
    return quarterly;
  }

  // content -----------------------------------------------------------------------------------------

  @Test
  void theQuarterlyReportCarriesTheFiguresOfItsQuarter() {
    JsonNode report = http.as("office1").get("/api/reports/" + quarterly()).json();
    assertThat(report.get("title").asText()).isEqualTo("2026年第二季度督查报告");
    JsonNode c = report.get("content");
    assertThat(c.get("from").asText()).isEqualTo("2026-04-01");
    assertThat(c.get("to").asText()).isEqualTo("2026-06-30");

    JsonNode f = c.get("figures");
    assertThat(f.get("issued").asInt()).isEqualTo(6);
    assertThat(f.get("closed").asInt()).isEqualTo(2);
    assertThat(f.get("closing").asInt()).isEqualTo(1);
    assertThat(f.get("inProgress").asInt()).isEqualTo(2);
    assertThat(f.get("returned").asInt()).isEqualTo(1);
    assertThat(f.get("overdue").asInt()).isEqualTo(2);
    assertThat(f.get("closedRate").decimalValue()).isEqualByComparingTo("0.333");
    JsonNode t1 = c.get("byUnit").get(0);
    assertThat(t1.get("unitCode").asText()).isEqualTo("T1");
    assertThat(t1.get("unitName").asText()).isEqualTo("测试一局");
    assertThat(t1.get("figures").get("issued").asInt()).isEqualTo(3);
    assertThat(t1.get("figures").get("overdue").asInt()).isEqualTo(2);

    assertThat(c.get("unitRanking").findValuesAsText("unitCode")).containsExactly("T1", "T2", "T3");
    assertThat(c.get("unitRanking").get(0).get("averageFinalScore").decimalValue()).isEqualByComparingTo("90.0");
    assertThat(c.get("unitRanking").get(0).get("overdue").asInt()).isEqualTo(1);
    assertThat(c.get("personRanking").findValuesAsText("userId")).containsExactly("t1a", "t2a", "t1b");

    JsonNode overdue = c.get("overdue");
    assertThat(overdue.findValuesAsText("code")).containsExactly("ZR-2026-0102", "ZR-2026-0011");
    assertThat(overdue.get(0).get("unitName").asText()).isEqualTo("测试一局");
    assertThat(overdue.get(0).get("deadline").asText()).isEqualTo("2026-06-10");
    assertThat(overdue.get(0).get("daysOverdue").asInt()).isEqualTo(23);
    assertThat(overdue.get(1).get("daysOverdue").asInt()).isEqualTo(3);

    JsonNode interviews = c.get("interviews");
    assertThat(interviews.get("sessions").asInt()).isEqualTo(1);
    assertThat(interviews.get("people").asInt()).isEqualTo(1);
    assertThat(interviews.get("held").findValuesAsText("id")).containsExactly("YT-2026-0101");
    assertThat(interviews.get("held").get(0).get("outcome").asText()).isEqualTo("谈话提醒");

    JsonNode s = c.get("supervision");
    assertThat(s.get("inspections").asInt()).isEqualTo(1);
    assertThat(s.get("reports").asInt()).isEqualTo(1);
    assertThat(s.get("problemsFound").asInt()).isEqualTo(3);
    assertThat(s.get("open").asInt()).isEqualTo(1);
    assertThat(s.get("rectified").asInt()).isEqualTo(1);
    assertThat(s.get("verified").asInt()).isEqualTo(1);
    assertThat(s.get("overdue").asInt()).isEqualTo(1);
  }

  @Test
  void theHtmlPageHasTheFiveSections() {
    HttpResponse<byte[]> r = download("/api/reports/" + quarterly() + "/html", "principal1");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    String html = new String(r.body(), StandardCharsets.UTF_8);
    assertThat(html).contains("<h1>2026年第二季度督查报告</h1>", "一、总体情况", "二、排名", "三、逾期事项", "四、约谈情况",
        "五、督查情况", "ZR-2026-0102", "测试一局", "草稿（未发布）");
  }

  @Test
  void theXlsxHasASheetPerSection() throws Exception {
    HttpResponse<byte[]> r = download("/api/reports/" + quarterly() + ".xlsx", "office1");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Disposition").orElse(""))
        .contains("filename*=UTF-8''" + java.net.URLEncoder.encode("2026年第二季度督查报告", StandardCharsets.UTF_8));
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3),
          wb.getSheetName(4), wb.getSheetName(5))).containsExactly("总体情况", "单位排名", "责任人排名", "逾期事项", "约谈情况", "督查情况");
      Sheet units = wb.getSheet("单位排名");
      assertThat(units.getRow(0).getCell(1).getStringCellValue()).isEqualTo("单位代码");
      assertThat(units.getRow(1).getCell(1).getStringCellValue()).isEqualTo("T1");
      assertThat(units.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(90.0);
      Sheet overdue = wb.getSheet("逾期事项");
      assertThat(overdue.getRow(1).getCell(0).getStringCellValue()).isEqualTo("ZR-2026-0102");
      assertThat(overdue.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(23.0);
      assertThat(wb.getSheet("督查情况").getRow(1).getCell(2).getNumericCellValue()).isEqualTo(3.0);
    }
  }

  @Test
  void theLedgerListsTheReportsWithTheirLinks() {
    quarterly();
    JsonNode list = http.as("principal1").get("/api/reports?kind=QUARTERLY_INSPECTION&year=2026").json();
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("html").asText()).isEqualTo("/api/reports/" + quarterly + "/html");
    assertThat(list.get(0).get("xlsx").asText()).isEqualTo("/api/reports/" + quarterly + ".xlsx");
    assertThat(list.get(0).path("content").isMissingNode()).as("the list leaves the content out").isTrue();
    HttpResponse<byte[]> page = download("/ledger/reports.html", "office1");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("季度督查报告与半年通报", "/ledger/reports.js");
    assertThat(new String(download("/ledger/reports.js", "office1").body(), StandardCharsets.UTF_8))
        .contains("/api/reports?year=");
    assertThat(new String(download("/ledger/ledger.js", "office1").body(), StandardCharsets.UTF_8))
        .contains("/ledger/reports.html");
  }

  // the way to publication ----------------------------------------------------------------------------

  @Test
  void aUnitSeesTheCircularOnlyOncePublishedAndEveryoneIsNotified() {
    Http.Response started = http.as("office1").post("/api/reports", Map.of("kind", "HALF_YEAR_CIRCULAR", "period", "2026-H1"));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    long id = started.json().get("id").asLong();
    String pi = started.json().get("processInstanceId").asText();
    JsonNode draft = http.as("office1").get("/api/reports/" + id).json().get("content");
    assertThat(draft.get("figures").get("issued").asInt()).as("the first quarter's item too").isEqualTo(7);
    assertThat(draft.get("interviews").get("sessions").asInt()).isEqualTo(2);
    assertThat(draft.path("supervision").isMissingNode() || draft.get("supervision").isNull()).isTrue();

    assertThat(http.as("t1a").get("/api/reports/" + id).status()).isEqualTo(404);
    assertThat(download("/api/reports/" + id + ".xlsx", "t1a").statusCode()).isEqualTo(404);
    assertThat(http.as("t1a").get("/api/reports?kind=HALF_YEAR_CIRCULAR").json()).isEmpty();
    assertThat(http.as("principal1").get("/api/reports?kind=HALF_YEAR_CIRCULAR&year=2026").json()).hasSize(1);

    tasks.complete(task(pi, "editReport").getId(), Map.of("foreword", "各单位要对照问题抓整改"));
    assertThat(http.as("office1").get("/api/reports/" + id).json().get("status").asText()).isEqualTo("SUBMITTED");
    String approve = task(pi, "approveReport").getId();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(approve, Map.of("approved", false)))
        .hasRootCauseInstanceOf(DomainException.class)
        .hasMessageContaining("审批意见不能为空（approvalComment）");
    assertThat(task(pi, "approveReport")).as("the task stays open").isNotNull();
    tasks.complete(approve, Map.of("approved", false, "approvalComment", "请补充原因分析"));
    JsonNode returned = http.as("office1").get("/api/reports/" + id).json();
    assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
    assertThat(returned.get("approvalComment").asText()).isEqualTo("请补充原因分析");

    tasks.complete(task(pi, "editReport").getId(), Map.of("foreword", "修改后的按语"));
    tasks.complete(task(pi, "approveReport").getId(), Map.of("approved", true));
    assertThat(http.as("t1a").get("/api/reports/" + id).status()).as("approved, not yet published").isEqualTo(404);
    management.executeJob(management.createJobQuery().processInstanceId(pi).singleResult().getId());

    JsonNode published = http.as("t1a").get("/api/reports/" + id).json();
    assertThat(published.get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(published.get("issueYear").asInt()).isEqualTo(2026);
    assertThat(published.get("issueNumber").asInt()).isEqualTo(1);
    assertThat(published.get("foreword").asText()).isEqualTo("修改后的按语");
    assertThat(http.as("t3a").get("/api/reports?year=2026").json().findValuesAsText("period")).containsExactly("2026-H1");
    assertThat(download("/api/reports/" + id + ".xlsx", "t1a").statusCode()).isEqualTo(200);
    item("ZR-2026-0012", "T2", "t2a", "IN_PROGRESS", "2026-02-01", "2026-12-31", null, null, null);
    assertThat(http.as("t1a").get("/api/reports/" + id).json().get("content").get("figures").get("issued").asInt())
        .as("a published report keeps its snapshot when the data change").isEqualTo(7);
    for (String person : List.of("t1a", "t1b", "t2a", "t3a", "leader1", "principal1")) {
      var inbox = notifications.received(person, Reports.NOTICE_PUBLISHED);
      assertThat(inbox).as(person).hasSize(1);
      assertThat(inbox.get(0).link()).isEqualTo("/api/reports/" + id + "/html");
    }
  }

  // refusals ----------------------------------------------------------------------------------------

  @Test
  void aSecondReportOfTheSamePeriodIsRefused() {
    quarterly();
    Http.Response r = http.as("office1").post("/api/reports", Map.of("kind", "QUARTERLY_INSPECTION", "period", "2026-Q2"));
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().get("field").asText()).isEqualTo("period");
    assertThat(r.json().get("message").asText()).contains("同一期间只能有一份");
  }

  @Test
  void aReportCancelledInCockpitLeavesNoDraftAndItsPeriodCanBeReportedAgain() {
    Http.Response first = http.as("office1").post("/api/reports", Map.of("kind", "QUARTERLY_INSPECTION", "period", "2026-Q1"));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    long id = first.json().get("id").asLong();
    runtime.deleteProcessInstance(first.json().get("processInstanceId").asText(), "督查室取消");
    assertThat(http.as("office1").get("/api/reports/" + id).status()).isEqualTo(404);
    Http.Response again = http.as("office1").post("/api/reports", Map.of("kind", "QUARTERLY_INSPECTION", "period", "2026-Q1"));
    assertThat(again.status()).as(again.toString()).isEqualTo(201);
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    Http.Response r = http.as("office1").post("/api/reports", Map.of("kind", "QUARTERLY_INSPECTION", "period", "2026-H1"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).isEqualTo("period");
    r = http.as("office1").post("/api/reports", Map.of("kind", "ANNUAL", "period", "2026"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).isEqualTo("kind");
    assertThat(http.as("office1").get("/api/reports?year=20266").status()).isEqualTo(400);
    assertThat(http.as("t1a").post("/api/reports", Map.of("kind", "QUARTERLY_INSPECTION", "period", "2026-Q1")).status())
        .isEqualTo(403);
    assertThat(http.as("principal1").post("/api/reports", Map.of("kind", "QUARTERLY_INSPECTION", "period", "2026-Q1")).status())
        .isEqualTo(403);
    assertThat(http.as("office1").get("/api/reports/999999").status()).isEqualTo(404);
    assertThat(http.anonymous().get("/api/reports").status()).isEqualTo(401);
  }

  @Test
  void aChangedCronMovesTheScheduledTimerAtStartUp() {
    String cron = "0 30 8 6 1,4,7,10 ?";
    org.camunda.bpm.engine.runtime.Job before = management.createJobQuery()
        .processDefinitionKey("periodic-report-schedule").timers().singleResult();
    assertThat(before).as("the schedule's start timer").isNotNull();
    startTimers.align("periodic-report-schedule", cron);
    org.camunda.bpm.engine.runtime.Job after = management.createJobQuery()
        .processDefinitionKey("periodic-report-schedule").timers().singleResult();
    // the clock stands at 3 July 2026: next is 6 July 08:30 Beijing time
    assertThat(after.getDuedate().toInstant())
        .isEqualTo(LocalDateTime.of(2026, 7, 6, 8, 30).atZone(Time.ZONE).toInstant());
    startTimers.align("periodic-report-schedule", reportSchedule.cron());
  }

  // helpers -----------------------------------------------------------------------------------------

  private org.camunda.bpm.engine.task.Task task(String pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
  }

  private HttpResponse<byte[]> download(String path, String user) {
    String token = Base64.getEncoder()
        .encodeToString((user + ":" + TestOrganisation.PASSWORD).getBytes(StandardCharsets.UTF_8));
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Authorization", "Basic " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
