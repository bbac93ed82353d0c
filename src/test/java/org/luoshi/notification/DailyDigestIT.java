package org.luoshi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.luoshi.item.ItemDigests;
import org.luoshi.testsupport.Engine;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.luoshi.testsupport.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The daily digest (BPMN daily-digest) on a known district: the timer at 17:30 builds each unit's,
 * each leader's and the office's digest of the day; people with nothing to read get none, and a
 * second run of the same day sends nothing again.
 */
@LuoshiIT
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DailyDigestIT {

  static final TestSmtp SMTP = TestSmtp.start();
  static final String DAY = "2026-06-10";

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    SMTP.register(registry);
  }

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired Notifications notifications;
  @Autowired ProcessEngine processEngine;
  @Autowired TimerAlignment alignment;
  Http http;
  Engine engine;

  @BeforeEach
  void setUp() {
    TestOrganisation.create(identity);
    http = new Http(port);
    engine = new Engine(http, tasks, management);
  }

  @AfterEach
  void clock() {
    Engine.resetClock();
  }

  @AfterAll
  static void stopSmtp() {
    SMTP.down();
  }

  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
  }

  private String issue(String title, String unit, String leader, String deadline) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("source", "KEY_TASK");
    body.put("unitCode", unit);
    body.put("leadLeader", leader);
    body.put("deadline", deadline);
    body.put("target", "按期完成");
    Http.Response r = http.as("office1").post("/api/items", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    engine.runAsync();
    return r.json().get("code").asText();
  }

  /** The digest timer fires at 17:30 on a day, as the job executor would run it. */
  private String digestAt(String day) {
    Job timer = management.createJobQuery().processDefinitionKey(NotificationSchedule.DIGEST_PROCESS).timers().singleResult();
    assertThat(timer).as("the timer start event of daily-digest").isNotNull();
    Engine.clock(at(day + "T17:30"));
    management.executeJob(timer.getId());
    String pid = runtime.createProcessInstanceQuery().processDefinitionKey(NotificationSchedule.DIGEST_PROCESS).singleResult()
        .getId();
    engine.runAsync();
    return pid;
  }

  private Object variable(String pid, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(pid).variableName(name).singleResult()
        .getValue();
  }

  private String digest(String user) {
    List<NotificationView> d = notifications.received(user, ItemDigests.TYPE);
    assertThat(d).as("digest of " + user).hasSize(1);
    assertThat(d.get(0).title()).isEqualTo("落实每日汇总：2026年6月10日");
    return d.get(0).body();
  }

  @Test
  @Order(1)
  void aQuietDistrictGetsNoDigest() {
    String pid = digestAt("2026-06-09");
    assertThat(variable(pid, "digestDate")).isEqualTo("2026-06-09");
    assertThat(variable(pid, "recipients")).isEqualTo(0);
    for (String user : List.of("office1", "principal1", "leader1", "t1a")) {
      assertThat(notifications.received(user, ItemDigests.TYPE)).as(user).isEmpty();
    }
  }

  @Test
  @Order(2)
  void eachUnitLeaderAndTheOfficeGetTheirDigestOfTheDay() {
    // before the day: A (T1, overdue since 06-05), C (T2, not yet accepted), D (T3, nothing happens)
    Engine.clock(at("2026-06-01T10:00"));
    String a = issue("农贸市场提升改造", "T1", "leader1", "2026-06-05");
    engine.done("t1a", a, "acceptItem", Map.of("accepted", "true"));
    engine.done("t1a", a, "planItem", Map.of("responsiblePerson", "t1b", "measures", "分区改造"));
    String c = issue("社区养老服务站建设", "T2", "leader2", "2026-12-31");
    String d = issue("街道综合文化站提升", "T3", "leader1", "2026-12-31");
    engine.done("t3a", d, "acceptItem", Map.of("accepted", "true"));
    engine.done("t3a", d, "planItem", Map.of("responsiblePerson", "t3a", "measures", "年内完成"));
    // the day: B is issued to T1 and accepted (due in two days); T2 accepts and plans C
    Engine.clock(at(DAY + "T09:00"));
    String b = issue("汛期安全隐患排查", "T1", "leader1", "2026-06-12");
    Engine.clock(at(DAY + "T09:30"));
    engine.done("t1a", b, "acceptItem", Map.of("accepted", "true"));
    Engine.clock(at(DAY + "T11:00"));
    engine.done("t2a", c, "acceptItem", Map.of("accepted", "true"));
    engine.done("t2a", c, "planItem", Map.of("responsiblePerson", "t2a", "measures", "选址与改造同步推进"));
    SMTP.purge();

    String pid = digestAt(DAY);
    assertThat(variable(pid, "recipients")).isEqualTo(8); // office1, office2, principal1, leader1, leader2, t1a, t1b, t2a

    String unit1 = digest("t1a");
    assertThat(unit1).startsWith("【测试一局】")
        .contains("今日动态（2 条）：",
            "· 【" + b + "】汛期安全隐患排查：下发（测试一局），督查一 09:00",
            "· 【" + b + "】汛期安全隐患排查：签收，甲一 09:30",
            "逾期未完成（1 项）：\n· 【" + a + "】农贸市场提升改造，截止 2026-06-05，已逾期 5 天，责任人 乙一",
            "即将到期（1 项）：\n· 【" + b + "】汛期安全隐患排查，截止 2026-06-12，还剩 2 天")
        .doesNotContain(c, d, "【全区】", "【您分管的事项】");
    assertThat(digest("t1b")).isEqualTo(unit1);

    assertThat(digest("t2a")).startsWith("【测试二局】")
        .contains("今日动态（2 条）：", "【" + c + "】社区养老服务站建设：签收，甲二 11:00",
            "【" + c + "】社区养老服务站建设：制定落实方案（甲二），甲二 11:00")
        .doesNotContain(a, b, d, "逾期未完成", "即将到期");
    assertThat(notifications.received("t3a", ItemDigests.TYPE)).as("nothing happened at T3").isEmpty();

    assertThat(digest("leader1")).startsWith("【您分管的事项】")
        .contains("【" + a + "】农贸市场提升改造（测试一局），截止 2026-06-05，已逾期 5 天",
            "【" + b + "】汛期安全隐患排查：签收", "【" + b + "】汛期安全隐患排查（测试一局），截止 2026-06-12，还剩 2 天")
        .doesNotContain(c, d);
    assertThat(digest("leader2")).startsWith("【您分管的事项】").contains(c).doesNotContain(a, b, d);

    String district = digest("office1");
    assertThat(district).startsWith("【全区】\n2026年下发事项 4 项：已销号 0，销号审核中 0，落实中 4，退回 0，撤销 0；逾期未完成 1 项。")
        .contains("今日动态：下发 1，签收 2，制定落实方案 1", "逾期未完成（1 项）：测试一局 1",
            "· 【" + a + "】农贸市场提升改造（测试一局），截止 2026-06-05，已逾期 5 天", "即将到期（3 天内，1 项）");
    assertThat(digest("office2")).isEqualTo(district);
    assertThat(digest("principal1")).isEqualTo(district);

    assertThat(SMTP.to("t1a@test.example")).singleElement().satisfies(m -> {
      assertThat(TestSmtp.subject(m)).isEqualTo("【落实】落实每日汇总：2026年6月10日");
      assertThat(TestSmtp.text(m)).contains("甲一同志：", "以下是今日工作落实情况汇总", "【测试一局】", "汇总时间：2026年6月10日 17:30");
    });
    assertThat(SMTP.received()).hasSize(8);

    // the same day again (a retry, or the office starting it by hand): nobody gets it twice
    runtime.startProcessInstanceByKey(NotificationSchedule.DIGEST_PROCESS, Map.of("digestDate", DAY));
    engine.runAsync();
    assertThat(notifications.received("t1a", ItemDigests.TYPE)).hasSize(1);
    assertThat(SMTP.received()).hasSize(8);
  }

  @Test
  @Order(3)
  void aDigestTimeChangedInTheConfigurationMovesTheTimerAlreadyScheduled() {
    // as if the model had been deployed while the digest still went out at 18:00
    Engine.clock(at("2026-06-11T12:00"));
    String id = management.createJobQuery().processDefinitionKey(NotificationSchedule.DIGEST_PROCESS).timers().singleResult().getId();
    var config = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    config.getCommandExecutorTxRequired().execute(context -> {
      TimerEntity timer = (TimerEntity) context.getJobManager().findJobById(id);
      timer.setRepeat("0 0 18 * * ?");
      timer.setDuedate(java.util.Date.from(at("2026-06-11T18:00")));
      return null;
    });

    alignment.align();

    config.getCommandExecutorTxRequired().execute(context -> {
      TimerEntity timer = (TimerEntity) context.getJobManager().findJobById(id);
      assertThat(timer.getRepeat()).isEqualTo("0 30 17 * * ?");
      assertThat(timer.getDuedate()).isEqualTo(java.util.Date.from(at("2026-06-11T17:30")));
      return null;
    });
  }
}
