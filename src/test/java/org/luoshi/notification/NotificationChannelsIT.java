package org.luoshi.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.runtime.Incident;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * E-mail against a real SMTP peer (GreenMail): what a notice's mail says and whom it reaches, a
 * person's choice to get no mail, people without an address, a retried job that sends nobody a
 * mail twice, one recipient failing while the others get theirs, and a mail server outage that
 * becomes a Cockpit incident and, retried, delivers exactly one mail per recipient.
 */
@LuoshiIT
class NotificationChannelsIT {

  static final TestSmtp SMTP = TestSmtp.start();
  static final Instant MORNING = Instant.parse("2026-06-01T02:00:00Z"); // 10:00 Beijing time
  static final String ADMIN_PASSWORD = "Adm1n-Test-Pw!"; // application-test.yaml

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    SMTP.register(registry);
    registry.add("luoshi.notifications.base-url", () -> "https://luoshi.example.gov.cn/");
    registry.add("luoshi.notifications.mail.from", () -> "duchashi@example.gov.cn");
  }

  /** The real sender, pointed at GreenMail, that can be told to fail for some addresses (a mailbox over quota). */
  @TestConfiguration
  static class FlakyMail {
    @Bean
    FlakySender mailSender() {
      FlakySender sender = new FlakySender();
      sender.setHost("127.0.0.1");
      sender.setPort(SMTP.port());
      sender.setDefaultEncoding("UTF-8");
      return sender;
    }
  }

  static class FlakySender extends JavaMailSenderImpl {
    final Set<String> refused = ConcurrentHashMap.newKeySet();

    @Override
    protected void doSend(MimeMessage[] messages, Object[] originals) {
      Map<Object, Exception> failed = new LinkedHashMap<>();
      List<MimeMessage> pass = new ArrayList<>();
      for (MimeMessage m : messages) {
        if (TestSmtp.recipients(m).stream().anyMatch(refused::contains)) {
          failed.put(m, new MessagingException("452 4.2.2 mailbox over quota, try again later"));
        } else {
          pass.add(m);
        }
      }
      try {
        if (!pass.isEmpty()) {
          super.doSend(pass.toArray(MimeMessage[]::new), null);
        }
      } catch (MailSendException e) {
        failed.putAll(e.getFailedMessages());
      }
      if (!failed.isEmpty()) {
        throw new MailSendException(failed);
      }
    }
  }

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired ProcessEngine processEngine;
  @Autowired Notifications notifications;
  @Autowired NotificationDeliveryRepository deliveries;
  @Autowired NotificationPreferenceRepository preferences;
  @Autowired JavaMailSender mailSender;
  @Autowired Outbox outbox;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  Http http;
  Engine engine;

  @BeforeEach
  void setUp() {
    TestOrganisation.create(identity);
    Engine.clock(MORNING);
    http = new Http(port);
    engine = new Engine(http, tasks, management);
    SMTP.up();
    SMTP.purge();
  }

  @AfterEach
  void tearDown() {
    Engine.resetClock();
    preferences.deleteAll();
    ((FlakySender) mailSender).refused.clear();
    SMTP.up();
  }

  @AfterAll
  static void stopSmtp() {
    SMTP.down();
  }

  // --- helpers -------------------------------------------------------------------------------

  static String mail(String user) {
    return user + "@test.example";
  }

  /** Issues an item to a unit (deadline 2026-06-30) and runs the item's asynchronous steps. */
  private String issue(String unit, String title) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("source", "KEY_TASK");
    body.put("unitCode", unit);
    body.put("leadLeader", "leader1");
    body.put("deadline", "2026-06-30");
    body.put("target", "城镇新增就业 3000 人");
    Http.Response r = http.as("office1").post("/api/items", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    runItemJobs();
    return r.json().get("code").asText();
  }

  /** Runs the due asynchronous steps, except the delivery jobs (which a test drives itself). */
  private void runItemJobs() {
    for (int i = 0; i < 20; i++) {
      List<Job> jobs = management.createJobQuery().messages().executable().list().stream()
          .filter(j -> !Deliveries.PROCESS_KEY.equals(j.getProcessDefinitionKey())).toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> management.executeJob(j.getId()));
    }
  }

  private List<Job> deliveryJobs() {
    return management.createJobQuery().processDefinitionKey(Deliveries.PROCESS_KEY).messages().list();
  }

  /** A person's inbox entries of a type about one item (or any, for code null). */
  private List<NotificationView> inbox(String user, String type, String code) {
    return notifications.received(user, type).stream()
        .filter(n -> code == null || n.link().endsWith("/" + code)).toList();
  }

  // --- tests ---------------------------------------------------------------------------------

  @Test
  void aNoticeReachesTheInboxAndEveryRecipientsMailboxOnceWithItsChineseTemplate() throws Exception {
    String code = issue("T1", "推进就业创业服务提质");

    for (String user : List.of("t1a", "t1b")) {
      assertThat(inbox(user, "ITEM_ISSUED", code)).hasSize(1);
      assertThat(SMTP.to(mail(user))).as(user).hasSize(1);
    }
    assertThat(SMTP.to(mail("office1"))).isEmpty();
    MimeMessage m = SMTP.to(mail("t1a")).get(0);
    assertThat(TestSmtp.subject(m)).isEqualTo("【落实】新下发责任清单待签收：推进就业创业服务提质");
    assertThat(m.getFrom()[0].toString()).contains("duchashi@example.gov.cn");
    assertThat(m.getHeader("X-Luoshi-Notice")).containsExactly("ITEM_ISSUED");
    assertThat(TestSmtp.text(m))
        .startsWith("甲一同志：")
        .contains("您单位有一项新下发的责任清单事项", "【" + code + "】推进就业创业服务提质", "责任单位：测试一局",
            "截止日期：2026-06-30", "工作目标：城镇新增就业 3000 人",
            "查看事项：https://luoshi.example.gov.cn/ledger/items/" + code, "下发时间：2026年6月1日 10:00",
            "如不需要邮件通知");
    assertThat(deliveries.findByNoticeKeyOrderByIdAsc("ITEM_ISSUED:" + code + ":1"))
        .extracting(NotificationDelivery::getRecipient, NotificationDelivery::getChannel, NotificationDelivery::getStatus,
            NotificationDelivery::getAttempts)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("t1a", "EMAIL", NotificationDelivery.Status.SENT, 1),
            org.assertj.core.groups.Tuple.tuple("t1b", "EMAIL", NotificationDelivery.Status.SENT, 1));
    assertThat(deliveryJobs()).as("nothing handed over").isEmpty();

    // accepted: the office and the leader in charge hear it, by mail too
    engine.done("t1a", code, "acceptItem", Map.of("accepted", "true"));
    for (String user : List.of("office1", "office2", "leader1")) {
      assertThat(SMTP.to(mail(user))).as(user).singleElement()
          .satisfies(x -> assertThat(TestSmtp.subject(x)).isEqualTo("【落实】责任单位已签收：推进就业创业服务提质"))
          .satisfies(x -> assertThat(TestSmtp.text(x)).contains("责任单位已签收以下事项", "测试一局已签收"));
    }
  }

  @Test
  void someoneWhoTurnedEmailOffGetsTheInboxOnly() {
    JsonNode mine = http.as("t2a").get("/api/notifications/preferences").json();
    assertThat(mine.get("email").asBoolean()).isTrue();
    assertThat(mine.get("emailAddress").asText()).isEqualTo("t2a@test.example");
    assertThat(mine.get("mailServer").asBoolean()).isTrue();

    Http.Response off = http.as("t2a").put("/api/notifications/preferences", Map.of("email", false));
    assertThat(off.status()).as(off.toString()).isEqualTo(200);
    assertThat(off.json().get("email").asBoolean()).isFalse();
    assertThat(http.as("t2a").get("/api/notifications/preferences").json().get("email").asBoolean()).isFalse();
    assertThat(http.as("t1a").get("/api/notifications/preferences").json().get("email").asBoolean())
        .as("only the caller's own choice").isTrue();

    String code = issue("T2", "背街小巷环境整治");
    assertThat(inbox("t2a", "ITEM_ISSUED", code)).hasSize(1);
    assertThat(SMTP.to(mail("t2a"))).isEmpty();

    Http.Response on = http.as("t2a").put("/api/notifications/preferences", Map.of("email", true));
    assertThat(on.json().get("email").asBoolean()).isTrue();
    issue("T2", "老旧小区改造");
    assertThat(SMTP.to(mail("t2a"))).hasSize(1);
  }

  @Test
  void aPreferenceNeedsTrueOrFalse() {
    Http.Response missing = http.as("t3a").put("/api/notifications/preferences", Map.of());
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("field").asText()).isEqualTo("email");
    Http.Response word = http.as("t3a").put("/api/notifications/preferences", "{\"email\":\"maybe\"}");
    assertThat(word.status()).isEqualTo(400);
    assertThat(word.json().get("field").asText()).isEqualTo("email");
    assertThat(http.anonymous().get("/api/notifications/preferences").status()).isEqualTo(401);
  }

  @Test
  void someoneWithoutAnEmailAddressGetsTheInboxOnly() {
    if (identity.createUserQuery().userId("t3b").count() == 0) {
      User u = identity.newUser("t3b");
      u.setLastName("乙");
      u.setFirstName("三");
      u.setPassword(TestOrganisation.PASSWORD);
      identity.saveUser(u);
      identity.createMembership("t3b", "unit-T3");
    }
    String code = issue("T3", "街道便民服务中心建设");
    assertThat(inbox("t3b", "ITEM_ISSUED", code)).hasSize(1);
    assertThat(inbox("t3a", "ITEM_ISSUED", code)).hasSize(1);
    assertThat(SMTP.to(mail("t3a"))).hasSize(1);
    assertThat(SMTP.received()).hasSize(1);
    assertThat(deliveries.findByRecipientOrderByIdAsc("t3b")).isEmpty();
  }

  @Test
  void aNoticeWhoseTransactionRollsBackSendsNothingAndItsRetrySendsOnce() {
    var config = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    Notice notice = new Notice("ITEM_REMINDER", "黄灯提醒：测试", "正文", "/ledger/items/ZR-2026-9999", "TEST:retried-job");

    // a job raises the notice, then fails for another reason: inbox and outbox are rolled back together
    assertThatThrownBy(() -> config.getCommandExecutorTxRequired().execute(context -> {
      notifications.send(notice, List.of("t1a", "t1b"));
      throw new IllegalStateException("the job failed after raising the notice");
    })).hasMessageContaining("failed after raising");
    assertThat(inbox("t1a", "ITEM_REMINDER", null)).isEmpty();
    assertThat(deliveries.findByNoticeKeyOrderByIdAsc("TEST:retried-job")).isEmpty();
    outbox.drainNow();
    assertThat(SMTP.received()).isEmpty();

    // the retry commits: inbox entries, then one mail each, however often the outbox is drained
    config.getCommandExecutorTxRequired().execute(context -> notifications.send(notice, List.of("t1a", "t1b")));
    outbox.drainNow();
    outbox.drainNow();
    assertThat(inbox("t1a", "ITEM_REMINDER", null)).hasSize(1);
    assertThat(SMTP.to(mail("t1a"))).hasSize(1);
    assertThat(SMTP.to(mail("t1b"))).hasSize(1);
  }

  @Test
  void aDeliveryWhoseSenderDiedIsSentAfterTheLeaseWithTheSameMessageId() throws Exception {
    Notice notice = new Notice("ITEM_REMINDER", "黄灯提醒：租约", "正文", null, "TEST:lease");
    notifications.send(notice, List.of("t2a"));
    assertThat(SMTP.to(mail("t2a"))).hasSize(1);
    NotificationDelivery d = deliveries.findByNoticeKeyOrderByIdAsc("TEST:lease").get(0);
    String firstId = SMTP.to(mail("t2a")).get(0).getMessageID();

    // a node sent the mail and died before recording it: the delivery stays claimed
    jdbc.update("update ls_notification_delivery set status = 'SENDING', claimed_by = 'dead-node', claimed_at = ?"
        + " where id = ?", java.sql.Timestamp.from(org.luoshi.engine.Time.now()), d.getId());
    outbox.drainNow();
    assertThat(SMTP.to(mail("t2a"))).as("a fresh claim is left to its node").hasSize(1);

    jdbc.update("update ls_notification_delivery set claimed_at = ? where id = ?",
        java.sql.Timestamp.from(org.luoshi.engine.Time.now().minus(java.time.Duration.ofSeconds(60))), d.getId());
    outbox.drainNow();
    assertThat(SMTP.to(mail("t2a"))).as("a claim a minute old is still its sender's (one send fits in the lease)")
        .hasSize(1);

    // the configured lease (application.yaml): a dead node's claim is taken over at the first poll after
    // 100 s, so its mail goes out within two minutes of the claim
    jdbc.update("update ls_notification_delivery set claimed_at = ? where id = ?",
        java.sql.Timestamp.from(org.luoshi.engine.Time.now().minus(java.time.Duration.ofSeconds(100))), d.getId());
    outbox.drainNow();
    assertThat(SMTP.to(mail("t2a"))).as("taken over after the lease").hasSize(2);
    assertThat(SMTP.to(mail("t2a")).get(1).getMessageID()).as("the same Message-ID: a repeat is recognisable")
        .isEqualTo(firstId).startsWith("<").endsWith(".notice@luoshi>");
    assertThat(deliveries.findById(d.getId()).orElseThrow().getStatus()).isEqualTo(NotificationDelivery.Status.SENT);
  }

  @Test
  void twoSendersDrainingAtOnceSendEachMailOnce() throws Exception {
    // twenty notices in the outbox, not drained yet (as another node wrote them)
    var config = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    for (int i = 0; i < 20; i++) {
      Notice n = new Notice("ITEM_REMINDER", "并发 " + i, "正文", null, "TEST:concurrent:" + i);
      notifications.send(n, List.of("t3a"));
    }
    jdbc.update("update ls_notification_delivery set status = 'PENDING', sent_at = null, attempts = 0"
        + " where notice_key like 'TEST:concurrent:%'");
    SMTP.purge();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      var runs = List.of(pool.submit(outbox::drainNow), pool.submit(outbox::drainNow), pool.submit(outbox::drainNow));
      int sent = 0;
      for (var r : runs) {
        sent += r.get();
      }
      assertThat(sent).isEqualTo(20);
    } finally {
      pool.shutdown();
    }
    assertThat(SMTP.received()).hasSize(20);
    assertThat(SMTP.received().stream().map(m -> TestSmtp.subject(m)).distinct()).hasSize(20);
  }

  @Test
  void whenOneRecipientFailsTheOthersGetTheirMailAndTheRetrySendsOnlyTheMissingOne() {
    ((FlakySender) mailSender).refused.add(mail("t1b"));
    String code = issue("T1", "创建全国文明城区");

    assertThat(SMTP.to(mail("t1a"))).hasSize(1);
    assertThat(SMTP.to(mail("t1b"))).isEmpty();
    assertThat(inbox("t1b", "ITEM_ISSUED", code)).as("the inbox does not wait for the mail").hasSize(1);
    assertThat(engine.task(code, "acceptItem")).as("nor does the item").isNotNull();
    NotificationDelivery failed = deliveries.findByNoticeKeyOrderByIdAsc("ITEM_ISSUED:" + code + ":1").stream()
        .filter(d -> d.getRecipient().equals("t1b")).findFirst().orElseThrow();
    assertThat(failed.getStatus()).isEqualTo(NotificationDelivery.Status.FAILED);
    assertThat(failed.getLastError()).contains("mailbox over quota");

    Job job = deliveryJobs().get(0);
    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("1 条通知未能发出");
    assertThat(SMTP.to(mail("t1a"))).hasSize(1);

    ((FlakySender) mailSender).refused.clear();
    management.executeJob(job.getId());
    assertThat(SMTP.to(mail("t1a"))).hasSize(1);
    assertThat(SMTP.to(mail("t1b"))).hasSize(1);
    NotificationDelivery sent = deliveries.findById(failed.getId()).orElseThrow();
    assertThat(sent.getStatus()).isEqualTo(NotificationDelivery.Status.SENT);
    assertThat(sent.getAttempts()).isEqualTo(3);
    assertThat(sent.getSentAt()).isNotNull();
  }

  @Test
  void aMailServerOutageBecomesAnIncidentAndRetryingItDeliversExactlyOneMailPerRecipient() {
    SMTP.down();
    String code = issue("T1", "优化营商环境");
    assertThat(engine.task(code, "acceptItem")).as("the item goes on").isNotNull();
    assertThat(inbox("t1a", "ITEM_ISSUED", code)).hasSize(1);
    // a person's task completion never waits for the mail server
    Http.Response accepted = engine.submit("t1a", code, "acceptItem", Map.of("accepted", "true"));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(204);
    runItemJobs();
    assertThat(engine.task(code, "planItem")).isNotNull();

    List<Job> jobs = deliveryJobs();
    assertThat(jobs).hasSize(2); // issued (t1a, t1b) and accepted (office1, office2, leader1)
    for (Job job : jobs) {
      for (int i = 0; i < 10 && management.createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0; i++) {
        assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("未能发出");
      }
    }
    List<Incident> incidents = runtime.createIncidentQuery().list();
    assertThat(incidents).hasSize(2).allSatisfy(incident -> {
      assertThat(incident.getActivityId()).isEqualTo("deliverNotifications");
      assertThat(incident.getIncidentType()).isEqualTo("failedJob");
      assertThat(incident.getIncidentMessage()).contains("邮件发送失败");
    });
    JsonNode rest = http.as("admin", ADMIN_PASSWORD)
        .get("/engine-rest/incident?processInstanceId=" + incidents.get(0).getProcessInstanceId()).json();
    assertThat(rest).hasSize(1);
    assertThat(rest.get(0).get("activityId").asText()).isEqualTo("deliverNotifications");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("ITEM_ISSUED:" + code + ":1").count())
        .as("Cockpit finds the delivery by the notice key").isEqualTo(1);
    assertThat(SMTP.received()).isEmpty();

    SMTP.up();
    for (Job job : jobs) {
      management.setJobRetries(job.getId(), 1);
      management.executeJob(job.getId());
    }
    assertThat(runtime.createIncidentQuery().count()).isZero();
    for (String user : List.of("t1a", "t1b", "office1", "office2", "leader1")) {
      assertThat(SMTP.to(mail(user))).as(user).hasSize(1);
    }
    assertThat(SMTP.received()).hasSize(5);
    assertThat(deliveries.findByNoticeKeyOrderByIdAsc("ITEM_ISSUED:" + code + ":1"))
        .allSatisfy(d -> assertThat(d.getStatus()).isEqualTo(NotificationDelivery.Status.SENT));
  }
}
