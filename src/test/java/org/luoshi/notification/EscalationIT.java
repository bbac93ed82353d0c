package org.luoshi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
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
import org.luoshi.testsupport.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The escalation ladder of an overdue item and quiet hours, through the job API and the engine
 * clock: day 0 the responsible person and the unit, +3 days the leader in charge, +7 days the
 * principal leaders, each step on the item's timeline, nothing more once the completion is
 * submitted; notices of the night reach the inbox at once and the mailbox at 07:00.
 */
@LuoshiIT
class EscalationIT {

  static final TestSmtp SMTP = TestSmtp.start();

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    SMTP.register(registry);
  }

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired Notifications notifications;
  @Autowired NotificationDeliveryRepository deliveries;
  Http http;
  Engine engine;

  @BeforeEach
  void setUp() {
    TestOrganisation.create(identity);
    Engine.clock(at("2026-06-01T10:00"));
    http = new Http(port);
    engine = new Engine(http, tasks, management);
    SMTP.purge();
  }

  @AfterEach
  void clock() {
    Engine.resetClock();
  }

  @AfterAll
  static void stopSmtp() {
    SMTP.down();
  }

  /** A Beijing time. */
  static Instant at(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
  }

  static String mail(String user) {
    return user + "@test.example";
  }

  private JsonNode issue(String deadline) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", "黄河风情线综合整治");
    body.put("source", "DECISION");
    body.put("unitCode", "T1");
    body.put("leadLeader", "leader1");
    body.put("deadline", deadline);
    body.put("target", "完成沿河步道贯通");
    Http.Response r = http.as("office1").post("/api/items", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    engine.runAsync();
    String code = r.json().get("code").asText();
    engine.done("t1a", code, "acceptItem", Map.of("accepted", "true"));
    engine.done("t1a", code, "planItem", Map.of("responsiblePerson", "t1b", "measures", "分段包干，每周调度"));
    SMTP.purge();
    return r.json();
  }

  private List<NotificationView> inbox(String user, String type, String code) {
    return notifications.received(user, type).stream().filter(n -> n.link().endsWith("/" + code)).toList();
  }

  private long mails(String user, String subjectPart) {
    return SMTP.to(mail(user)).stream().filter(m -> TestSmtp.subject(m).contains(subjectPart)).count();
  }

  private List<String> events(String code) {
    return http.as("office1").get("/api/items/" + code).json().get("events").findValuesAsText("type");
  }

  /** The morning run of notification-delivery at 07:00 that day, as the job executor would run it. */
  private void morningRun(String day) {
    Job timer = management.createJobQuery().processDefinitionKey(Deliveries.PROCESS_KEY).timers().singleResult();
    assertThat(timer).as("the morning timer of notification-delivery").isNotNull();
    Engine.clock(at(day + "T07:00"));
    management.executeJob(timer.getId());
    engine.runAsync();
  }

  @Test
  void anOverdueItemClimbsTheLadderAndTheNightsMailWaitsForTheMorning() {
    JsonNode created = issue("2026-06-05");
    String code = created.get("code").asText();
    String pid = created.get("processInstanceId").asText();

    // day 0, 2026-06-06 00:00: the responsible person, the unit, the office and the leader in charge
    // (DESIGN.md §4.1); inbox at once, mail at 07:00
    engine.fire(pid, "overdueTimer");
    for (String user : List.of("t1a", "t1b", "office1", "leader1")) {
      assertThat(inbox(user, "ITEM_OVERDUE", code)).as(user).hasSize(1);
    }
    assertThat(inbox("principal1", "ITEM_ESCALATED", code)).isEmpty();
    assertThat(SMTP.received()).as("quiet hours").isEmpty();
    assertThat(deliveries.findByNoticeKeyOrderByIdAsc("ITEM_OVERDUE:" + code + ":2026-06-05"))
        .hasSize(5).allSatisfy(d -> { // t1a, t1b, office1, office2, leader1
          assertThat(d.getStatus()).isEqualTo(NotificationDelivery.Status.HELD);
          assertThat(d.getNotBefore()).isEqualTo(at("2026-06-06T07:00"));
        });
    assertThat(events(code)).contains("OVERDUE").doesNotContain("ESCALATED");

    morningRun("2026-06-06");
    assertThat(mails("t1a", "红灯督办")).isEqualTo(1);
    assertThat(mails("t1b", "红灯督办")).isEqualTo(1);
    assertThat(mails("leader1", "红灯督办")).isEqualTo(1);
    assertThat(TestSmtp.text(SMTP.to(mail("t1b")).get(0)))
        .contains("乙一同志：", "已超过截止日期仍未报送完成", "逾期满 3 天仍未报送完成的，再报分管领导督办；满 7 天报主要领导并启动约谈。", "督办时间：2026年6月6日 00:00");
    morningRun("2026-06-07");
    assertThat(SMTP.received()).as("sent once").hasSize(5);

    // +3 days, 2026-06-09 00:00: the leader in charge
    assertThat(engine.timer(pid, "escalateToLeaderTimer").getDuedate()).isEqualTo(Date.from(at("2026-06-09T00:00")));
    engine.fire(pid, "escalateToLeaderTimer");
    assertThat(inbox("leader1", "ITEM_ESCALATED", code)).singleElement()
        .satisfies(n -> assertThat(n.title()).isEqualTo("逾期督办报告（报分管领导）：黄河风情线综合整治"))
        .satisfies(n -> assertThat(n.body()).contains("已逾期满 3 天", "责任人：乙一", "请分管领导督促"));
    assertThat(inbox("principal1", "ITEM_ESCALATED", code)).isEmpty();
    assertThat(mails("leader1", "逾期督办报告")).isZero();
    morningRun("2026-06-09");
    assertThat(mails("leader1", "逾期督办报告")).isEqualTo(1);

    // +7 days, 2026-06-13 00:00: the principal leaders
    assertThat(engine.timer(pid, "escalateToPrincipalTimer").getDuedate()).isEqualTo(Date.from(at("2026-06-13T00:00")));
    engine.fire(pid, "escalateToPrincipalTimer");
    assertThat(inbox("principal1", "ITEM_ESCALATED", code)).singleElement()
        .satisfies(n -> assertThat(n.title()).isEqualTo("逾期督办报告（报主要领导）：黄河风情线综合整治"))
        .satisfies(n -> assertThat(n.body()).contains("已逾期满 7 天"));
    assertThat(inbox("leader1", "ITEM_ESCALATED", code)).hasSize(1);

    JsonNode detail = http.as("office1").get("/api/items/" + code).json();
    assertThat(detail.get("events").findValuesAsText("type")).containsSubsequence("OVERDUE", "ESCALATED", "ESCALATED");
    assertThat(detail.get("events").findValuesAsText("detail"))
        .contains("报分管领导：分管一", "报主要领导：主要一");

    // in the daytime the mail goes at once: the completion reaches the office by 10:00
    Engine.clock(at("2026-06-13T10:00"));
    engine.done("t1b", code, "submitCompletion",
        Map.of("action", "COMPLETE", "completedOn", "2026-06-13", "completionNote", "步道已全线贯通"));
    assertThat(mails("office1", "督查室核验待办理")).isEqualTo(1);
  }

  @Test
  void submittingTheCompletionStopsTheLadder() {
    JsonNode created = issue("2026-06-05");
    String code = created.get("code").asText();
    String pid = created.get("processInstanceId").asText();
    engine.fire(pid, "overdueTimer");

    Engine.clock(at("2026-06-07T16:00"));
    engine.done("t1b", code, "submitCompletion",
        Map.of("action", "COMPLETE", "completedOn", "2026-06-07", "completionNote", "已完成"));

    assertThat(engine.timer(pid, "escalateToLeaderTimer")).isNull();
    assertThat(engine.timer(pid, "escalateToPrincipalTimer")).isNull();
    assertThat(inbox("leader1", "ITEM_ESCALATED", code)).isEmpty();
    assertThat(events(code)).doesNotContain("ESCALATED");
  }

  @Test
  void aLateNoticeIsHeldAndAnEarlyMorningOneWaitsUntilSeven() {
    Notice late = new Notice("ITEM_REMINDER", "夜间通知", "正文", null, "TEST:late");
    Engine.clock(at("2026-06-01T22:30"));
    notifications.send(late, List.of("t2a"));
    Notice early = new Notice("ITEM_REMINDER", "凌晨通知", "正文", null, "TEST:early");
    Engine.clock(at("2026-06-02T06:59"));
    notifications.send(early, List.of("t3a"));
    Notice morning = new Notice("ITEM_REMINDER", "早间通知", "正文", null, "TEST:morning");
    Engine.clock(at("2026-06-02T07:00"));
    notifications.send(morning, List.of("t3a"));

    assertThat(notifications.received("t2a", "ITEM_REMINDER")).hasSize(1);
    assertThat(notifications.received("t3a", "ITEM_REMINDER")).hasSize(2);
    assertThat(deliveries.findByNoticeKeyOrderByIdAsc("TEST:late").get(0).getNotBefore()).isEqualTo(at("2026-06-02T07:00"));
    assertThat(deliveries.findByNoticeKeyOrderByIdAsc("TEST:early").get(0).getNotBefore()).isEqualTo(at("2026-06-02T07:00"));
    // 07:00 ends the quiet hours: the outbox's next drain (here right after the 07:00 notice) sends all three
    assertThat(mails("t3a", "早间通知")).isEqualTo(1);
    assertThat(mails("t2a", "夜间通知")).isEqualTo(1);
    assertThat(mails("t3a", "凌晨通知")).isEqualTo(1);
    assertThat(deliveries.findByNoticeKeyOrderByIdAsc("TEST:late").get(0).getStatus())
        .isEqualTo(NotificationDelivery.Status.SENT);

    morningRun("2026-06-02"); // finds nothing left to send
    assertThat(SMTP.received()).hasSize(3);
  }
}
