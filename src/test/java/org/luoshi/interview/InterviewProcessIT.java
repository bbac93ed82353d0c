package org.luoshi.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.luoshi.interview.InterviewDriver.MONDAY;
import static org.luoshi.interview.InterviewDriver.clock;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.engine.Time;
import org.luoshi.engine.Vars;
import org.luoshi.notification.NotificationView;
import org.luoshi.notification.Notifications;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.luoshi.common.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every path of an interview on the whole application: held or not, rectification or not, the
 * follow-up at the deadline, cancellation, the Tasklist start form, and codes under concurrent
 * starts. Tasks are completed through /engine-rest as Tasklist does, as the people who own them.
 */
@LuoshiIT
class InterviewProcessIT {

  @LocalServerPort int port;
  @Autowired Interviews interviews;
  @Autowired InterviewSteps interviewSteps;
  @Autowired Notifications notifications;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired AuthorizationService authorizations;
  InterviewDriver steps;
  Http http;

  @BeforeEach
  void setUp() {
    TestOrganisation.create(identity);
    steps = new InterviewDriver(tasks, management);
    http = new Http(port);
    clock(MONDAY);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A person of unit T1 (or another unit) of this test only, so earlier interviews are known. */
  String person(String id, String unit) {
    TestOrganisation.user(identity, id, "测", id, "unit-" + unit);
    return id;
  }

  InterviewView startByOffice(List<String> interviewees) {
    return interviews.start(new InterviewRequest(InterviewTrigger.POOR_IMPLEMENTATION, null, "leader1",
        interviewees, null, null, "重点项目推进缓慢", null, null, "office1"));
  }

  Http.Response completeAs(String user, String taskId, Map<String, Object> variables) {
    return http.as(user).post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
  }

  static Map<String, Object> value(Object value, String type) {
    return Map.of("value", value, "type", type);
  }

  List<NotificationView> notices(String user, String type) {
    return notifications.received(user, type);
  }

  @Test
  void aHeldInterviewIsNotifiedPreparedConductedAndRecorded() {
    String a = person("held1", "T1");
    String b = person("held2", "T1");
    InterviewView started = startByOffice(List.of(a, b));

    assertThat(started.id()).matches("YT-2026-\\d{4}");
    assertThat(started.status()).isEqualTo(InterviewStatus.NOTIFIED);
    assertThat(started.method()).isEqualTo(InterviewMethod.REMINDER);
    assertThat(started.interviewerLevel()).isEqualTo(InterviewerLevel.COUNTY);
    assertThat(started.scheduledAt()).isEqualTo(OffsetDateTime.parse("2026-03-03T10:00:00+08:00"));
    assertThat(started.place()).isEqualTo("区委督查室约谈室");
    assertThat(started.names()).containsEntry("leader1", "分管一").containsEntry(a, "测held1");
    String pi = started.processInstanceId();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey())
        .isEqualTo(started.id());
    assertThat(authorizations.createAuthorizationQuery().userIdIn("leader1")
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(pi).list())
        .anySatisfy(auth -> assertThat(auth.isPermissionGranted(Permissions.READ)).isTrue());

    // 提前告知: nothing is sent before the async step runs, then each interviewee gets the notice
    assertThat(notices(a, Interviews.NOTICE_INTERVIEW)).isEmpty();
    assertThat(steps.runJobs(pi)).isEqualTo(1);
    for (String person : List.of(a, b)) {
      assertThat(notices(person, Interviews.NOTICE_INTERVIEW)).singleElement().satisfies(n -> {
        assertThat(n.title()).isEqualTo("约谈通知：重点项目推进缓慢");
        assertThat(n.body()).contains("2026年3月3日（星期二）10:00", "区委督查室约谈室", "提醒约谈",
            "重点项目推进缓慢", "工作落实不力", "分管一", started.id());
        assertThat(n.link()).isEqualTo("/ledger/interviews/" + started.id());
      });
    }
    assertThat(notices("leader1", Interviews.NOTICE_SCHEDULED)).filteredOn(n -> n.link().endsWith(started.id())).hasSize(1);
    assertThat(interviews.find(started.id()).orElseThrow().scheduleHistory())
        .singleElement().satisfies(s -> assertThat(s.notifiedAt()).isNotNull());
    // the job retried (the same notice key) sends nothing twice
    interviewSteps.notifyInterviewees(started.id());
    assertThat(notices(a, Interviews.NOTICE_INTERVIEW)).hasSize(1);

    // 约谈准备 by the interviewer; the outline is required
    String prepare = steps.task(pi, "prepareInterview").getId();
    assertThat(completeAs("leader1", prepare, Map.of()).body()).contains("约谈提纲不能为空");
    assertThat(completeAs("leader1", prepare, Map.of("outline", value("了解项目滞后原因", "String"))).status())
        .isEqualTo(204);
    assertThat(interviews.find(started.id()).orElseThrow().status()).isEqualTo(InterviewStatus.PREPARED);

    // 实施约谈: not before its day; attendees must be interviewees
    String conduct = steps.task(pi, "conductInterview").getId();
    var tooEarly = completeAs("leader1", conduct, Map.of("held", value(true, "Boolean"),
        "attendees", value("[\"" + a + "\"]", "Json")));
    assertThat(tooEarly.status()).isEqualTo(400);
    assertThat(tooEarly.body()).contains("尚未到约谈日期");
    clock(OffsetDateTime.parse("2026-03-03T11:00:00+08:00"));
    assertThat(completeAs("leader1", conduct, Map.of("held", value("true", "String"),
        "attendees", value("[\"t2a\"]", "Json"))).body()).contains("到场人员不在被约谈人名单中");
    assertThat(completeAs("leader1", conduct, Map.of("held", value("true", "String"),
        "attendees", value("[\"" + a + "\"]", "Json"))).status()).isEqualTo(204);
    InterviewView held = interviews.find(started.id()).orElseThrow();
    assertThat(held.status()).isEqualTo(InterviewStatus.HELD);
    assertThat(held.attendees()).containsExactly(a);
    assertThat(held.heldAt()).isEqualTo(started.scheduledAt());

    // 整理记录 by the office: outcome required; the process ends without rectification
    String record = steps.task(pi, "recordInterview").getId();
    assertThat(completeAs("leader1", record, Map.of()).status()).isNotEqualTo(204);
    var noOutcome = completeAs("office1", record, Map.of("record", value("已约谈", "String"),
        "rectificationRequired", value("false", "String")));
    assertThat(noOutcome.body()).contains("请选择处理结果");
    assertThat(steps.task(pi, "recordInterview").getId()).isEqualTo(record);
    assertThat(completeAs("office1", record, Map.of("record", value("被约谈人说明了滞后原因，表示限期赶上进度。", "String"),
        "outcome", value("REMINDER_TALK", "String"), "rectificationRequired", value("false", "String")))
        .status()).isEqualTo(204);

    InterviewView recorded = interviews.find(started.id()).orElseThrow();
    assertThat(recorded.status()).isEqualTo(InterviewStatus.RECORDED);
    assertThat(recorded.outcome()).isEqualTo(InterviewOutcome.REMINDER_TALK);
    assertThat(recorded.record()).startsWith("被约谈人说明了滞后原因");
    assertThat(recorded.rectificationRequired()).isFalse();
    assertThat(recorded.recordedBy()).isEqualTo("office1");
    assertThat(recorded.followUps()).isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi).activityId("interviewDone")
        .count()).isEqualTo(1);
  }

  @Test
  void anInterviewNotHeldIsRescheduledAndTheIntervieweesAreToldAgain() {
    String r1 = person("resched1", "T1");
    String r2 = person("resched2", "T1");
    InterviewView started = startByOffice(List.of(r1, r2));
    String pi = started.processInstanceId();
    steps.runJobs(pi);
    steps.complete(pi, "prepareInterview", Map.of("outline", "提纲"));
    clock(OffsetDateTime.parse("2026-03-03T11:00:00+08:00"));
    String conduct = steps.task(pi, "conductInterview").getId();

    // the new time must be new, and at least the notice period ahead
    assertThat(completeAs("leader1", conduct, Map.of("held", value(false, "Boolean"),
        "rescheduleReason", value("被约谈人出差", "String"))).body()).contains("请填写新的约谈时间");
    assertThat(completeAs("leader1", conduct, Map.of("held", value(false, "Boolean"),
        "scheduledAt", value("2026-03-04T10:59:00+08:00", "String"),
        "rescheduleReason", value("被约谈人出差", "String"))).body()).contains("至少提前 24 小时");
    assertThat(completeAs("leader1", conduct, Map.of("held", value(false, "Boolean"),
        "scheduledAt", value("2026-03-05T15:00:00+08:00", "String"))).body()).contains("请填写未如期举行的原因");
    assertThat(completeAs("leader1", conduct, Map.of("held", value(false, "Boolean"),
        "scheduledAt", value("2026-03-05T15:00:00+08:00", "String"), "place", value("区政府三楼会议室", "String"),
        "rescheduleReason", value("被约谈人出差", "String"))).status()).isEqualTo(204);

    InterviewView rescheduled = interviews.find(started.id()).orElseThrow();
    assertThat(rescheduled.status()).isEqualTo(InterviewStatus.PREPARED);
    assertThat(rescheduled.scheduledAt()).isEqualTo(OffsetDateTime.parse("2026-03-05T15:00:00+08:00"));
    assertThat(rescheduled.place()).isEqualTo("区政府三楼会议室");
    assertThat(rescheduled.scheduleHistory()).hasSize(2);
    assertThat(rescheduled.scheduleHistory().get(1)).satisfies(s -> {
      assertThat(s.revision()).isEqualTo(2);
      assertThat(s.reason()).isEqualTo("被约谈人出差");
      assertThat(s.changedBy()).isEqualTo("leader1");
      assertThat(s.notifiedAt()).isNull();
    });

    // notified again: a second notice, then straight back to the interviewer (already prepared)
    assertThat(steps.runJobs(pi)).isEqualTo(1);
    assertThat(notices(r2, Interviews.NOTICE_INTERVIEW)).hasSize(2)
        .anySatisfy(n -> {
          assertThat(n.title()).startsWith("约谈改期通知");
          assertThat(n.body()).contains("被约谈人出差", "2026年3月5日（星期四）15:00", "区政府三楼会议室");
        });
    assertThat(steps.task(pi, "conductInterview")).isNotNull();
    assertThat(interviews.find(started.id()).orElseThrow().scheduleHistory().get(1).notifiedAt()).isNotNull();

    clock(OffsetDateTime.parse("2026-03-05T15:30:00+08:00"));
    steps.complete(pi, "conductInterview", Map.of("held", true, "attendees", Vars.json(List.of(r1, r2))));
    InterviewView held = interviews.find(started.id()).orElseThrow();
    assertThat(held.status()).isEqualTo(InterviewStatus.HELD);
    assertThat(held.heldAt()).isEqualTo(OffsetDateTime.parse("2026-03-05T15:00:00+08:00"));
    assertThat(held.attendees()).containsExactly(r1, r2);
  }

  @Test
  void rectificationStartsAFollowUpOfTheSamePeopleAtTheDeadline() {
    String f1 = person("follow1", "T1");
    String f2 = person("follow2", "T1");
    InterviewView first = startByOffice(List.of(f1, f2));
    String pi = first.processInstanceId();
    steps.holdAndRecord(first, List.of(f1), null);
    String record = steps.task(pi, "recordInterview").getId();
    LocalDate today = Time.today();

    assertThat(completeAs("office1", record, Map.of("record", value("记录", "String"),
        "outcome", value("ADMONISHMENT", "String"), "rectificationRequired", value(true, "Boolean"))).body())
        .contains("整改期限不能为空");
    assertThat(completeAs("office1", record, Map.of("record", value("记录", "String"),
        "outcome", value("ADMONISHMENT", "String"), "rectificationRequired", value(true, "Boolean"),
        "rectificationDeadline", value(today.toString(), "String"))).body()).contains("整改期限应晚于今天");
    LocalDate deadline = today.plusDays(30);
    assertThat(completeAs("office1", record, Map.of("record", value("记录", "String"),
        "outcome", value("ADMONISHMENT", "String"), "rectificationRequired", value(true, "Boolean"),
        "rectificationDeadline", value(deadline.toString(), "String"))).status()).isEqualTo(204);

    InterviewView recorded = interviews.find(first.id()).orElseThrow();
    assertThat(recorded.status()).isEqualTo(InterviewStatus.RECORDED);
    assertThat(recorded.rectificationDeadline()).isEqualTo(deadline);
    var timer = management.createJobQuery().processInstanceId(pi).timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Time.endOf(deadline));
    assertThat(steps.runJobs(pi)).isZero();

    // the deadline passes: the timer fires, then the follow-up starts (an async step)
    clock(OffsetDateTime.ofInstant(Time.endOf(deadline).toInstant(), Time.ZONE).plusMinutes(1));
    assertThat(steps.runJobs(pi)).isEqualTo(2);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();

    InterviewView after = interviews.find(first.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(InterviewStatus.RECORDED);
    assertThat(after.followUps()).hasSize(1);
    InterviewView followUp = interviews.find(after.followUps().get(0)).orElseThrow();
    assertThat(followUp.followUpOf()).isEqualTo(first.id());
    assertThat(followUp.method()).isEqualTo(InterviewMethod.FOLLOW_UP);
    assertThat(followUp.trigger()).isEqualTo(InterviewTrigger.POOR_IMPLEMENTATION);
    assertThat(followUp.interviewer()).isEqualTo("leader1");
    assertThat(followUp.interviewees()).containsExactly(f1, f2);
    assertThat(followUp.subject()).isEqualTo("回访：重点项目推进缓慢");
    assertThat(followUp.origin()).isEqualTo("FOLLOW_UP");
    assertThat(followUp.startedBy()).isEqualTo("system");
    assertThat(followUp.status()).isEqualTo(InterviewStatus.NOTIFIED);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName("followUpId")
        .singleResult().getValue()).isEqualTo(followUp.id());

    // the follow-up is an interview of its own: notified through its async step
    steps.runJobs(followUp.processInstanceId());
    assertThat(notices(f2, Interviews.NOTICE_INTERVIEW)).hasSize(2)
        .anySatisfy(n -> assertThat(n.body()).contains("回访约谈", "本次为对约谈 " + first.id() + " 的回访"));
    // starting it again (a retried step) gives the same follow-up
    assertThat(interviewSteps.startFollowUp(first.id()).id()).isEqualTo(followUp.id());
  }

  @Test
  void theOfficeCancelsAnInterviewNotYetHeldAndEveryoneIsTold() {
    String c1 = person("cancel1", "T1");
    InterviewView started = startByOffice(List.of(c1));
    String pi = started.processInstanceId();
    steps.runJobs(pi);

    assertThatThrownBy(() -> interviews.cancel(started.id(), "改由单位约谈", "leader1"))
        .isInstanceOf(DomainException.class).hasMessageContaining("只有督查室可以取消约谈");
    assertThatThrownBy(() -> interviews.cancel(started.id(), " ", "office2"))
        .isInstanceOf(DomainException.class).hasMessageContaining("请填写取消原因");
    InterviewView cancelled = interviews.cancel(started.id(), "改由单位约谈", "office2");

    assertThat(cancelled.status()).isEqualTo(InterviewStatus.CANCELLED);
    assertThat(cancelled.cancelReason()).isEqualTo("改由单位约谈");
    assertThat(cancelled.cancelledBy()).isEqualTo("office2");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi)
        .activityId("interviewCancelled").count()).isEqualTo(1);
    assertThat(notices(c1, Interviews.NOTICE_CANCELLED)).singleElement()
        .satisfies(n -> assertThat(n.body()).contains("改由单位约谈"));
    assertThat(notices("leader1", Interviews.NOTICE_CANCELLED)).filteredOn(n -> n.link().endsWith(started.id())).hasSize(1);
    assertThatThrownBy(() -> interviews.cancel(started.id(), "再次取消", "office2"))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
  }

  @Test
  void aHeldInterviewCannotBeCancelled() {
    InterviewView started = startByOffice(List.of("t1a"));
    steps.holdAndRecord(started, List.of("t1a"), null);

    assertThatThrownBy(() -> interviews.cancel(started.id(), "误操作", "office1"))
        .isInstanceOfSatisfying(DomainException.class, e -> {
          assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
          assertThat(e.reason()).contains("已约谈");
        });
    assertThat(steps.task(started.processInstanceId(), "recordInterview")).isNotNull();
  }

  @Test
  void tasklistsStartFormIsCheckedAndStoredLikeAnyOtherStart() {
    String definition = "/engine-rest/process-definition/key/interview";
    Map<String, Object> form = Map.of(
        "trigger", value("VIOLATION", "String"),
        "interviewer", value("leader1", "String"),
        "interviewees", value(person("form1", "T1") + "、" + person("form2", "T2"), "String"),
        "scheduledAt", value("2026-03-04T09:30+08:00", "String"),
        "subject", value("违规发放补贴", "String"));

    var submitted = http.as("office1").post(definition + "/submit-form", Map.of("variables", form));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
    String pi = submitted.json().get("id").asText();
    String code = runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey();
    assertThat(code).matches("YT-2026-\\d{4}");
    InterviewView view = interviews.find(code).orElseThrow();
    assertThat(view.processInstanceId()).isEqualTo(pi);
    assertThat(view.method()).isEqualTo(InterviewMethod.ADMONITION);
    assertThat(view.interviewees()).containsExactly("form1", "form2");
    assertThat(view.origin()).isEqualTo("TASKLIST");
    assertThat(view.startedBy()).isEqualTo("office1");
    assertThat(view.scheduledAt()).isEqualTo(OffsetDateTime.parse("2026-03-04T09:30:00+08:00"));
    assertThat(runtime.getVariableTyped(pi, "interviewees").getType().getName()).isEqualTo("json");
    assertThat(runtime.getVariable(pi, "method")).isEqualTo("ADMONITION");
    assertThat(runtime.getVariable(pi, "intervieweeNames")).isEqualTo("测form1、测form2");
    steps.runJobs(pi);
    assertThat(notices("form2", Interviews.NOTICE_INTERVIEW)).hasSize(1);

    // a bad form start fails with the field's message and leaves nothing behind
    long instances = runtime.createProcessInstanceQuery().processDefinitionKey("interview").count();
    var unknown = http.as("office1").post(definition + "/submit-form", Map.of("variables", Map.of(
        "trigger", value("VIOLATION", "String"), "interviewer", value("leader1", "String"),
        "interviewees", value("nobody", "String"), "subject", value("违规", "String"))));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("被约谈人不存在：nobody");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("interview").count()).isEqualTo(instances);

    // unit staff may not start interviews; a leader only as the interviewer
    assertThat(http.as("t1b").post(definition + "/submit-form", Map.of("variables", form)).status())
        .isEqualTo(403);
    var otherInterviewer = http.as("leader2").post(definition + "/submit-form", Map.of("variables", form));
    assertThat(otherInterviewer.body()).contains("分管领导只能发起由本人担任约谈人的约谈");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("interview").count()).isEqualTo(instances);
  }

  @Test
  void concurrentStartsGetDistinctConsecutiveCodes() throws Exception {
    // the year's first start creates its counter; the concurrent ones then share it
    startByOffice(List.of("t1b"));
    int before = interviews.list(new InterviewFilter(null, null, null, null, 2026), "office1", true, 0, 500)
        .content().size();
    int starts = 6;
    ExecutorService pool = Executors.newFixedThreadPool(starts);
    try {
      List<Callable<String>> calls = new ArrayList<>();
      Date now = ClockUtil.getCurrentTime();
      for (int n = 0; n < starts; n++) {
        calls.add(() -> {
          ClockUtil.setCurrentTime(now);
          return interviews.start(new InterviewRequest(InterviewTrigger.PETITIONS, null, "leader1",
              List.of("t1a"), null, null, "信访集中反映", null, null, null)).id();
        });
      }
      List<String> codes = new ArrayList<>();
      for (Future<String> f : pool.invokeAll(calls)) {
        codes.add(f.get());
      }
      assertThat(codes).doesNotHaveDuplicates().hasSize(starts);
      List<Integer> numbers = codes.stream().map(c -> Integer.parseInt(c.substring("YT-2026-".length())))
          .sorted().toList();
      assertThat(numbers.get(numbers.size() - 1) - numbers.get(0)).isEqualTo(starts - 1);
      assertThat(numbers.get(0)).as("no number is lost").isEqualTo(before + 1);
    } finally {
      pool.shutdownNow();
    }
  }
}
