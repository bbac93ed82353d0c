package org.luoshi.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.luoshi.interview.InterviewDriver.MONDAY;
import static org.luoshi.interview.InterviewDriver.clock;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.notification.Notifications;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.luoshi.common.DomainException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The automatic starts: a responsibility item 7 days past its deadline (what the item process's
 * delegate calls), and the annual assessment's interviews. Idempotent, notified through the async
 * step run by the job API, the method chosen by DMN from the person's earlier interviews.
 */
@LuoshiIT
class OverdueItemInterviewIT {

  @Autowired Interviews interviews;
  @Autowired Notifications notifications;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  InterviewDriver steps;

  @BeforeEach
  void setUp() {
    TestOrganisation.create(identity);
    steps = new InterviewDriver(tasks, management);
    clock(MONDAY);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  String person(String id) {
    TestOrganisation.user(identity, id, "测", id, "unit-T2");
    return id;
  }

  @Test
  void anOverdueItemStartsOneInterviewOfItsResponsiblePersonByItsLeader() {
    String responsible = person("overdue1");

    InterviewView first = interviews.startForOverdueItem("ZR-2026-0007", "老旧小区改造", "leader2", responsible);
    InterviewView again = interviews.startForOverdueItem("ZR-2026-0007", "老旧小区改造", "leader2", responsible);

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(interviews.forItem("ZR-2026-0007")).extracting(InterviewView::id).containsExactly(first.id());
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(first.id()).count()).isEqualTo(1);
    assertThat(first.trigger()).isEqualTo(InterviewTrigger.POOR_IMPLEMENTATION);
    assertThat(first.method()).isEqualTo(InterviewMethod.REMINDER);
    assertThat(first.earlierInterviews()).isZero();
    assertThat(first.interviewer()).isEqualTo("leader2");
    assertThat(first.interviewees()).containsExactly(responsible);
    assertThat(first.relatedItemCode()).isEqualTo("ZR-2026-0007");
    assertThat(first.subject()).contains("老旧小区改造", "ZR-2026-0007");
    assertThat(first.origin()).isEqualTo("ITEM_OVERDUE");
    assertThat(first.startedBy()).isEqualTo("system");

    // the notice goes out in the async step, through the job API
    assertThat(notifications.received(responsible, Interviews.NOTICE_INTERVIEW)).isEmpty();
    assertThat(steps.runJobs(first.processInstanceId())).isEqualTo(1);
    assertThat(notifications.received(responsible, Interviews.NOTICE_INTERVIEW)).singleElement()
        .satisfies(n -> assertThat(n.body()).contains("老旧小区改造", "提醒约谈", "关联事项：ZR-2026-0007"));
    assertThat(steps.task(first.processInstanceId(), "prepareInterview").getAssignee()).isEqualTo("leader2");
    // reached again after a rejected review: still the one interview
    assertThat(interviews.startForOverdueItem("ZR-2026-0007", "老旧小区改造", "leader2", responsible).id())
        .isEqualTo(first.id());
  }

  @Test
  void aPersonAlreadyInterviewedThisYearIsAdmonishedAndACancelledInterviewIsStartedAnew() {
    String responsible = person("overdue2");
    InterviewView first = interviews.startForOverdueItem("ZR-2026-0008", "河道治理", "leader1", responsible);
    InterviewView second = interviews.startForOverdueItem("ZR-2026-0009", "校舍维修", "leader1", responsible);

    assertThat(first.method()).isEqualTo(InterviewMethod.REMINDER);
    assertThat(second.earlierInterviews()).isEqualTo(1);
    assertThat(second.method()).isEqualTo(InterviewMethod.ADMONITION);

    interviews.cancel(second.id(), "事项已申请延期", "office1");
    InterviewView anew = interviews.startForOverdueItem("ZR-2026-0009", "校舍维修", "leader1", responsible);
    assertThat(anew.id()).isNotEqualTo(second.id());
    assertThat(anew.earlierInterviews()).as("a cancelled interview does not count").isEqualTo(1);
    assertThat(interviews.forItem("ZR-2026-0009")).extracting(InterviewView::status)
        .containsExactly(InterviewStatus.CANCELLED, InterviewStatus.NOTIFIED);
  }

  @Test
  void anOverdueItemWhoseLeaderCannotInterviewFailsWithoutStartingAnything() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("interview").count();

    assertThatThrownBy(() -> interviews.startForOverdueItem("ZR-2026-0010", "道路硬化", "nobody", "t1a"))
        .isInstanceOf(DomainException.class).hasMessageContaining("约谈人不存在");
    assertThatThrownBy(() -> interviews.startForOverdueItem("ZR-2026-0010", "道路硬化", "leader1", (String) null))
        .isInstanceOf(DomainException.class).hasMessageContaining("请至少填写一名被约谈人");

    assertThat(interviews.forItem("ZR-2026-0010")).isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("interview").count()).isEqualTo(before);
  }

  @Test
  void theAssessmentInterviewsEachPersonOncePerPeriod() {
    String a = person("assessed1");
    String b = person("assessed2");
    interviews.startForOverdueItem("ZR-2026-0011", "招商引资", "leader1", b);

    List<InterviewView> started = interviews.startForAssessment("2026-H1", null, "principal1", List.of(a, b, a));

    assertThat(started).hasSize(2);
    assertThat(started).allSatisfy(i -> {
      assertThat(i.trigger()).isEqualTo(InterviewTrigger.POOR_IMPLEMENTATION);
      assertThat(i.interviewer()).isEqualTo("principal1");
      assertThat(i.origin()).isEqualTo("ASSESSMENT:2026-H1");
      assertThat(i.subject()).isEqualTo("考核评价结果靠后（2026-H1）");
    });
    assertThat(started.get(0).interviewees()).containsExactly(a);
    assertThat(started.get(0).method()).isEqualTo(InterviewMethod.REMINDER);
    assertThat(started.get(1).interviewees()).containsExactly(b);
    assertThat(started.get(1).method()).isEqualTo(InterviewMethod.ADMONITION);

    List<InterviewView> again = interviews.startForAssessment("2026-H1", null, "principal1", List.of(b));
    assertThat(again).extracting(InterviewView::id).containsExactly(started.get(1).id());
    assertThat(interviews.startForAssessment("2026", "年度考核排名末位", "principal1", List.of(b)).get(0).id())
        .isNotEqualTo(started.get(1).id());
  }
}
