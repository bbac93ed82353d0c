package org.luoshi.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luoshi.supervision.SupervisionDriver.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.engine.Time;
import org.luoshi.notification.NotificationView;
import org.luoshi.notification.Notifications;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Supervisions worked the way people work them, on the whole application: forms submitted through
 * /engine-rest as Tasklist does, the job executor's work through the job API, notices in the real
 * inboxes, bad values refused with the field named.
 */
@LuoshiIT
class SupervisionFlowIT {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired Notifications notifications;
  @Autowired ProblemNotices notices;
  Http http;
  SupervisionDriver driver;

  @BeforeEach
  void setUp() {
    TestOrganisation.create(identity);
    http = new Http(port);
    driver = new SupervisionDriver(http, tasks, management);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aProblemIsRectifiedRejectedAndVerifiedUntilTheSupervisionCloses() {
    JsonNode started = driver.start("office1", Map.of("method", "SPECIAL", "subject", "安全生产专项督查",
        "unitCodes", List.of("T1", "T2")));
    long id = started.get("id").asLong();
    String pi = started.get("processInstanceId").asText();

    driver.complete("office1", driver.task(pi, "conductInspection"), Map.of("findings", "消防通道堵塞"));
    assertThat(driver.get("office1", "/api/supervisions/" + id).get("status").asText()).isEqualTo("REPORTING");
    String deadline = Time.today().plusDays(10).toString();
    driver.complete("office2", driver.task(pi, "writeReport"), Map.of("report", "专项督查报告",
        "problems", List.of(problem("T1", "消防通道堵塞", deadline))));
    driver.runAsyncJobs(pi);

    JsonNode s = driver.get("office1", "/api/supervisions/" + id);
    assertThat(s.get("status").asText()).isEqualTo("RECTIFYING");
    JsonNode p = s.get("problems").get(0);
    long problemId = p.get("id").asLong();
    assertThat(p.get("unitCode").asText()).isEqualTo("T1");
    assertThat(p.get("description").asText()).isEqualTo("消防通道堵塞");
    assertThat(p.get("deadline").asText()).isEqualTo(deadline);
    assertThat(p.get("status").asText()).isEqualTo("OPEN");
    assertThat(received("t1a", ProblemNotices.ASSIGNED, id)).hasSize(1);
    assertThat(received("t1b", ProblemNotices.ASSIGNED, id)).hasSize(1);
    assertThat(received("t2a", ProblemNotices.ASSIGNED, id)).isEmpty();

    // the unit sees its task and its form; another unit does not
    Task rectify = driver.task(pi, "rectifyProblem");
    assertThat(http.as("t1a").get("/engine-rest/task?processInstanceId=" + pi).json()).hasSize(1);
    assertThat(http.as("t2a").get("/engine-rest/task?processInstanceId=" + pi).json()).isEmpty();
    assertThat(http.as("t1a").get("/engine-rest/task/" + rectify.getId() + "/deployed-form").json().get("id").asText())
        .isEqualTo("rectify-problem");
    driver.complete("t1a", rectify, Map.of("rectification", "已清理通道"));
    assertThat(onlyProblem(id).get("status").asText()).isEqualTo("RECTIFIED");
    assertThat(onlyProblem(id).get("rectifiedBy").asText()).isEqualTo("t1a");

    driver.complete("office1", driver.task(pi, "verifyRectification"),
        Map.of("verified", false, "verifyComment", "未设置警示标识"));
    driver.runAsyncJobs(pi);
    JsonNode rejected = onlyProblem(id);
    assertThat(rejected.get("status").asText()).isEqualTo("OPEN");
    assertThat(rejected.get("rejections").asInt()).isEqualTo(1);
    assertThat(rejected.get("verifyComment").asText()).isEqualTo("未设置警示标识");
    assertThat(received("t1b", ProblemNotices.REJECTED, id)).singleElement()
        .satisfies(n -> assertThat(n.body()).contains("未设置警示标识"));

    Task again = driver.task(pi, "rectifyProblem");
    JsonNode form = http.as("t1b").get("/engine-rest/task/" + again.getId() + "/form-variables").json();
    assertThat(form.get("verifyComment").get("value").asText()).isEqualTo("未设置警示标识");
    assertThat(form.get("description").get("value").asText()).isEqualTo("消防通道堵塞");
    driver.complete("t1b", again, Map.of("rectification", "已设置警示标识"));
    driver.complete("office2", driver.task(pi, "verifyRectification"), Map.of("verified", true));
    driver.runAsyncJobs(pi);

    JsonNode closed = driver.get("office1", "/api/supervisions/" + id);
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.has("closedAt")).isTrue();
    JsonNode verified = closed.get("problems").get(0);
    assertThat(verified.get("status").asText()).isEqualTo("VERIFIED");
    assertThat(verified.get("verifiedBy").asText()).isEqualTo("office2");
    assertThat(verified.get("rectification").asText()).isEqualTo("已设置警示标识");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(problemId).isPositive();
  }

  @Test
  void badFormValuesFailTheCompletionNamingTheFieldAndTheTaskStaysOpen() {
    JsonNode started = driver.start("office1", Map.of("method", "KEY", "subject", "重点工作督查",
        "unitCodes", List.of("T1")));
    long id = started.get("id").asLong();
    String pi = started.get("processInstanceId").asText();

    refused("office1", pi, "conductInspection", Map.of("findings", "  "), "findings", "督查发现不能为空");
    driver.complete("office1", driver.task(pi, "conductInspection"), Map.of("findings", "进度滞后"));

    String today = Time.today().toString();
    String yesterday = Time.today().minusDays(1).toString();
    refused("office1", pi, "writeReport", Map.of("problems", List.of()), "report", "督查报告不能为空");
    refused("office1", pi, "writeReport", Map.of("report", "报告", "problems",
        List.of(problem("T9", "问题", today))), "problems[0].unitCode", "没有这个单位：T9");
    refused("office1", pi, "writeReport", Map.of("report", "报告", "problems",
        List.of(problem("T1", "问题", today), problem("T2", "问题", today))), "problems[1].unitCode",
        "不是本次督查的被督查单位");
    refused("office1", pi, "writeReport", Map.of("report", "报告", "problems",
        List.of(problem("T1", " ", today))), "problems[0].description", "问题描述不能为空");
    refused("office1", pi, "writeReport", Map.of("report", "报告", "problems",
        List.of(problem("T1", "问题", yesterday))), "problems[0].deadline", "不能早于今天");
    refused("office1", pi, "writeReport", Map.of("report", "报告", "problems",
        List.of(problem("T1", "问题", "2026/13/01"))), "problems[0].deadline", "整改期限不是有效的日期");
    refused("office1", pi, "writeReport", Map.of("report", "报告", "problems",
        List.of(problem("T1", "问题", null))), "problems[0].deadline", "请填写整改期限");
    assertThat(driver.get("office1", "/api/supervisions/problems?supervisionId=" + id).get("totalElements").asLong())
        .isZero();
    assertThat(driver.get("office1", "/api/supervisions/" + id).get("status").asText()).isEqualTo("REPORTING");

    driver.complete("office1", driver.task(pi, "writeReport"), Map.of("report", "报告", "problems",
        List.of(problem("T1", "今天到期的问题", today))));
    driver.runAsyncJobs(pi);
    refused("t1a", pi, "rectifyProblem", Map.of("rectification", ""), "rectification", "整改情况不能为空");
    driver.complete("t1a", driver.task(pi, "rectifyProblem"), Map.of("rectification", "已整改"));
    refused("office1", pi, "verifyRectification", Map.of("verified", false), "verifyComment", "核验意见不能为空");
    refused("office1", pi, "verifyRectification", Map.of("verifyComment", "意见"), "verified", "请选择核验结果");
    refused("office1", pi, "verifyRectification", Map.of("verified", "maybe"), "verified", "true/false");
    assertThat(onlyProblem(id).get("status").asText()).isEqualTo("RECTIFIED");
  }

  @Test
  void anOverdueProblemIsNotifiedOnceAtItsDeadlineThenRemindedDailyUntilRectified() {
    workAt(LocalDateTime.of(2033, 6, 1, 10, 0));
    JsonNode started = driver.start("office1", Map.of("method", "RESIDENT", "subject", "驻点督查",
        "unitCodes", List.of("T1")));
    long id = started.get("id").asLong();
    String pi = started.get("processInstanceId").asText();
    LocalDate deadline = LocalDate.of(2033, 6, 3);
    driver.inspectAndReport(pi, List.of(problem("T1", "整改不到位", deadline.toString())));
    long problemId = onlyProblem(id).get("id").asLong();

    workAt(deadline.atTime(23, 59));
    assertThat(driver.runDueTimers(pi)).isZero();
    assertThat(received("t1a", ProblemNotices.OVERDUE, id)).isEmpty();

    workAt(deadline.plusDays(1).atTime(0, 0, 1));
    assertThat(driver.runDueTimers(pi)).isEqualTo(1);
    for (String person : List.of("t1a", "t1b", "office1", "office2")) {
      assertThat(received(person, ProblemNotices.OVERDUE, id)).as(person).hasSize(1);
    }
    assertThat(received("t2a", ProblemNotices.OVERDUE, id)).isEmpty();
    notices.overdue(problemId); // a retried job sends nothing twice
    assertThat(received("t1a", ProblemNotices.OVERDUE, id)).hasSize(1);
    assertThat(onlyProblem(id).get("overdue").asBoolean()).isTrue();
    assertThat(driver.get("office1", "/api/supervisions/problems?year=2033&overdue=true").get("totalElements").asLong())
        .isEqualTo(1);
    assertThat(driver.get("office1", "/api/supervisions/stats?year=2033").get("problems").get("overdue").asLong())
        .isEqualTo(1);

    workAt(deadline.plusDays(1).atTime(9, 0, 1));
    assertThat(driver.runDueTimers(pi)).isZero(); // no reminder on the morning after the overdue notice

    workAt(deadline.plusDays(2).atTime(9, 0, 1));
    assertThat(driver.runDueTimers(pi)).isEqualTo(1);
    notices.remind(problemId);
    assertThat(received("t1a", ProblemNotices.REMINDER, id)).singleElement()
        .satisfies(n -> assertThat(n.title()).contains("已逾期 2 天"));
    assertThat(received("office1", ProblemNotices.REMINDER, id)).isEmpty();

    workAt(deadline.plusDays(3).atTime(9, 0, 1));
    assertThat(driver.runDueTimers(pi)).isEqualTo(1);
    assertThat(received("t1b", ProblemNotices.REMINDER, id)).hasSize(2);

    driver.complete("t1a", driver.task(pi, "rectifyProblem"), Map.of("rectification", "已整改到位"));
    assertThat(management.createJobQuery().processInstanceId(pi).timers().count()).isZero();
    assertThat(onlyProblem(id).get("overdue").asBoolean()).isFalse();
    workAt(deadline.plusDays(4).atTime(9, 0, 1));
    notices.remind(problemId); // a late reminder job finds the problem rectified and stays silent
    assertThat(received("t1b", ProblemNotices.REMINDER, id)).hasSize(2);
  }

  @Test
  void tasklistsStartFormStartsASupervisionForTheOfficeOnly() {
    JsonNode form = http.as("office1").get("/engine-rest/process-definition/key/supervision/deployed-start-form").json();
    assertThat(form.get("id").asText()).isEqualTo("start-supervision");

    // the start form's unit field is text: codes or names, separated by commas or 、
    Http.Response r = http.as("office2").post("/engine-rest/process-definition/key/supervision/submit-form",
        Map.of("variables", Map.of(
            "method", Map.of("value", "OPEN_VISIT"),
            "subject", Map.of("value", "窗口服务明察"),
            "unitCodes", Map.of("value", "T1、测试二局，T3"))));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    String pi = r.json().get("id").asText();
    JsonNode listed = driver.get("office1", "/api/supervisions?size=100").get("content");
    JsonNode mine = null;
    for (JsonNode s : listed) {
      if (s.get("processInstanceId").asText().equals(pi)) {
        mine = s;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(SupervisionApiIT.texts(mine.get("unitCodes"))).containsExactly("T1", "T2", "T3");
    assertThat(runtime.getVariable(pi, "starter")).isEqualTo("office2");
    assertThat(driver.task(pi, "conductInspection")).isNotNull();

    // a principal leader may start processes in Tasklist, but not a supervision
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("supervision").count();
    Http.Response refused = http.as("principal1").post("/engine-rest/process-definition/key/supervision/submit-form",
        Map.of("variables", Map.of(
            "method", Map.of("value", "RANDOM"),
            "subject", Map.of("value", "随机抽查"),
            "sampleSize", Map.of("value", 1))));
    assertThat(refused.status()).isNotEqualTo(200);
    assertThat(refused.json().get("message").asText()).contains("只有督查室可以发起督查");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("supervision").count()).isEqualTo(before);
  }

  // ---------------------------------------------------------------------------------------------

  /** The notices of a type a person received about one supervision. */
  private List<NotificationView> received(String person, String type, long supervisionId) {
    return notifications.received(person, type).stream()
        .filter(n -> n.link().equals("/ledger/supervisions/" + supervisionId)).toList();
  }

  /** The only problem of a supervision, as the office reads it. */
  private JsonNode onlyProblem(long supervisionId) {
    return driver.get("office1", "/api/supervisions/" + supervisionId).get("problems").get(0);
  }

  private void refused(String user, String pi, String taskKey, Map<String, ?> values, String field, String message) {
    Task task = driver.task(pi, taskKey);
    Http.Response r = driver.submit(user, task, values);
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.json().get("message").asText()).as(r.toString()).contains(message).doesNotContain("ENGINE");
    assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
    assertThat(driver.task(pi, taskKey).getId()).isEqualTo(task.getId());
  }

  private static void workAt(LocalDateTime beijing) {
    ClockUtil.setCurrentTime(Date.from(beijing.atZone(Time.ZONE).toInstant()));
  }
}
