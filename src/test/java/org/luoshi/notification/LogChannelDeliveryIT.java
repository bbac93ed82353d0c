package org.luoshi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The SMS stand-in delivers nothing, and its delivery records say so (issue 20): NOT_CONNECTED, not SENT. */
@LuoshiIT
class LogChannelDeliveryIT {

  @DynamicPropertySource
  static void smsStandIn(DynamicPropertyRegistry registry) {
    registry.add("luoshi.notifications.log-channel.enabled", () -> "true");
  }

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired NotificationDeliveryRepository deliveries;
  @Autowired Outbox outbox;
  Http http;
  Engine engine;

  @BeforeEach
  void setUp() {
    TestOrganisation.create(identity);
    Engine.clock(Instant.parse("2026-06-01T02:00:00Z")); // 10:00 Beijing time, outside quiet hours
    http = new Http(port);
    engine = new Engine(http, tasks, management);
  }

  @AfterEach
  void clock() {
    Engine.resetClock();
  }

  @Test
  void theStandInsDeliveriesAreNotConnectedNeverSentAndNotRetried() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", "汛期安全隐患排查");
    m.put("source", "KEY_TASK");
    m.put("unitCode", "T1");
    m.put("leadLeader", "leader1");
    m.put("deadline", "2026-06-30");
    m.put("target", "排查全部在建工地");
    Http.Response r = http.as("office1").post("/api/items", m);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    engine.runAsync();
    outbox.drainNow();

    var sms = deliveries.findAll().stream().filter(d -> d.getChannel().equals(LogChannel.NAME)).toList();
    assertThat(sms).extracting(NotificationDelivery::getRecipient).contains("t1a", "t1b");
    assertThat(sms).allSatisfy(d -> {
      assertThat(d.getStatus()).isEqualTo(NotificationDelivery.Status.NOT_CONNECTED);
      assertThat(d.getSentAt()).isNull();
      assertThat(d.getAttempts()).isEqualTo(1);
      assertThat(d.getLastError()).isEqualTo(LogChannel.NOT_CONNECTED);
    });
    // nothing to retry: no delivery job, no incident
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(Deliveries.PROCESS_KEY).count()).isZero();
    assertThat(outbox.drainNow()).isZero();
    assertThat(deliveries.findAll().stream().filter(d -> d.getChannel().equals(LogChannel.NAME)))
        .allSatisfy(d -> assertThat(d.getStatus()).isEqualTo(NotificationDelivery.Status.NOT_CONNECTED));
  }
}
