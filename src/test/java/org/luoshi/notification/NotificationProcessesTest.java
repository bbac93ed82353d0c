package org.luoshi.notification;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.luoshi.testsupport.ProcessTests;

/**
 * Walks daily-digest.bpmn and notification-delivery.bpmn with stand-ins for their beans: when the
 * timers are due, what the instances carry, and that a failing delivery becomes an incident whose
 * retry completes. What the beans send is tested in the *IT classes of this package.
 */
@Deployment(resources = {"processes/daily-digest.bpmn", "processes/notification-delivery.bpmn"})
class NotificationProcessesTest {

  @RegisterExtension static ProcessEngineCoverageExtension engine = ProcessTests.engine();

  final List<String> calls = new ArrayList<>();
  boolean smtpDown;

  /** Stands in for ${notificationSchedule}. */
  public static class Schedule {
    public String digestCron() {
      return "0 30 17 * * ?";
    }

    public String releaseCron() {
      return "0 0 7 * * ?";
    }
  }

  @BeforeEach
  void beans() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-06-01T02:00:00Z"))); // 10:00 Beijing time
    Mocks.register("notificationSchedule", new Schedule());
    Mocks.register("digestDay", (ExecutionListener) e -> {
      if (e.getVariable("digestDate") == null) {
        e.setVariable("digestDate", "2026-06-01");
      }
    });
    Mocks.register("dailyDigest", (JavaDelegate) e -> calls.add("digest " + e.getVariable("digestDate")));
    Mocks.register("deliverNotifications", (JavaDelegate) e -> {
      if (smtpDown) {
        throw new IllegalStateException("邮件服务器不可用");
      }
      calls.add("deliver " + e.getVariable("noticeKey"));
    });
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  private Job startTimer(String processKey) {
    return managementService().createJobQuery().processDefinitionKey(processKey).timers().singleResult();
  }

  private void runAsync() {
    managementService().createJobQuery().messages().executable().list()
        .forEach(j -> managementService().executeJob(j.getId()));
  }

  @Test
  void theDigestStartsEveryDayAtHalfPastFiveAndSendsThatDaysDigest() {
    Job timer = startTimer("daily-digest");
    Assertions.assertThat(timer.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-06-01T09:30:00Z")));

    ClockUtil.setCurrentTime(timer.getDuedate());
    managementService().executeJob(timer.getId());
    ProcessInstance digest = runtimeService().createProcessInstanceQuery().processDefinitionKey("daily-digest").singleResult();
    assertThat(digest).isWaitingAt("sendDigests");
    runAsync();

    assertThat(digest).isEnded().hasPassed("digestTimer", "sendDigests", "digestSent");
    Assertions.assertThat(calls).containsExactly("digest 2026-06-01");
    Assertions.assertThat(startTimer("daily-digest").getDuedate()).as("the next day")
        .isEqualTo(Date.from(Instant.parse("2026-06-02T09:30:00Z")));
  }

  @Test
  void theMorningRunSendsWhatWasHeldOverQuietHours() {
    Job timer = startTimer("notification-delivery");
    Assertions.assertThat(timer.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-06-01T23:00:00Z")));

    ClockUtil.setCurrentTime(timer.getDuedate());
    managementService().executeJob(timer.getId());
    runAsync();

    ProcessInstance run = runtimeService().createProcessInstanceQuery().processDefinitionKey("notification-delivery")
        .singleResult();
    Assertions.assertThat(run).isNull();
    Assertions.assertThat(calls).containsExactly("deliver null");
  }

  @Test
  void aHandedOverNoticeIsDeliveredByItsOwnJobAndAnOutageBecomesAnIncidentThatARetryResolves() {
    smtpDown = true;
    ProcessInstance pi = runtimeService().startProcessInstanceByMessage("notification-handover", "ITEM_ISSUED:ZR-2026-0001:1",
        Map.of("noticeKey", "ITEM_ISSUED:ZR-2026-0001:1", "noticeTitle", "新下发责任清单待签收"));
    assertThat(pi).isWaitingAt("deliverNotifications");
    Job job = managementService().createJobQuery().processInstanceId(pi.getId()).singleResult();

    for (int i = 0; i < 10 && managementService().createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0; i++) {
      String id = job.getId();
      Assertions.assertThatThrownBy(() -> managementService().executeJob(id)).hasMessageContaining("邮件服务器不可用");
    }
    Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult())
        .satisfies(incident -> {
          Assertions.assertThat(incident.getActivityId()).isEqualTo("deliverNotifications");
          Assertions.assertThat(incident.getIncidentMessage()).contains("邮件服务器不可用");
        });

    smtpDown = false;
    managementService().setJobRetries(job.getId(), 1);
    managementService().executeJob(job.getId());
    assertThat(pi).isEnded().hasPassed("handedOver", "deliveryMerge", "deliverNotifications", "delivered");
    Assertions.assertThat(calls).containsExactly("deliver ITEM_ISSUED:ZR-2026-0001:1");
    Assertions.assertThat(runtimeService().createIncidentQuery().count()).isZero();
  }
}
