package org.luoshi.interview;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
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
 * The interview model's paths with its delegates mocked: where the instance waits, who the tasks
 * are for, and which delegate runs where.
 */
@Deployment(resources = "processes/interview.bpmn")
class InterviewProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(ProcessTests.CONFIGURATION)
      .assertClassCoverageAtLeast(ProcessTests.MIN_CLASS_COVERAGE).build();

  final ExecutionListener started = mock(ExecutionListener.class);
  final JavaDelegate notify = mock(JavaDelegate.class);
  final TaskListener prepared = mock(TaskListener.class);
  final TaskListener conducted = mock(TaskListener.class);
  final TaskListener recorded = mock(TaskListener.class);
  final JavaDelegate followUp = mock(JavaDelegate.class);

  @BeforeEach
  void registerDelegates() {
    Mocks.register("interviewStarted", started);
    Mocks.register("notifyInterviewees", notify);
    // as the real listener: once the outline is given, a rescheduled interview skips 约谈准备
    doAnswer(call -> {
      ((DelegateTask) call.getArgument(0)).getExecution().setVariable("outlineGiven", true);
      return null;
    }).when(prepared).notify(any());
    Mocks.register("prepareInterviewListener", prepared);
    Mocks.register("conductInterviewListener", conducted);
    Mocks.register("recordInterviewListener", recorded);
    Mocks.register("startFollowUp", followUp);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(Interviews.PROCESS_KEY, "YT-2026-0001",
        withVariables("interviewer", "leader1", "trigger", "POOR_IMPLEMENTATION", "method", "REMINDER",
            "outlineGiven", false));
  }

  @Test
  void theIntervieweesAreNotifiedAsynchronouslyBeforeTheInterviewerPrepares() throws Exception {
    ProcessInstance interview = start();

    verify(started).notify(any());
    assertThat(interview).isWaitingAt("notifyInterviewees");
    Assertions.assertThat(job(interview).getRetries()).isEqualTo(3);
    execute(job(interview));

    verify(notify).execute(any());
    assertThat(interview).isWaitingAt("prepareInterview");
    assertThat(task(interview)).isAssignedTo("leader1");
  }

  @Test
  void aHeldInterviewWithoutRectificationEndsOnceRecorded() throws Exception {
    ProcessInstance interview = start();
    execute(job(interview));
    complete(task(interview), withVariables("outline", "了解逾期原因"));
    verify(prepared).notify(any());

    assertThat(interview).isWaitingAt("conductInterview");
    assertThat(task(interview)).isAssignedTo("leader1");
    complete(task(interview), withVariables("held", true));
    verify(conducted).notify(any());

    assertThat(interview).isWaitingAt("recordInterview");
    assertThat(task(interview)).hasCandidateGroup("supervision-office").isNotAssigned();
    complete(task(interview), withVariables("rectificationRequired", false));
    verify(recorded).notify(any());

    assertThat(interview).isEnded().hasPassed("interviewDone").hasNotPassed("followUpTimer");
    verify(followUp, times(0)).execute(any());
  }

  @Test
  void anInterviewNotHeldIsNotifiedAgainAndGoesStraightBackToTheInterviewer() throws Exception {
    ProcessInstance interview = start();
    execute(job(interview));
    complete(task(interview), withVariables("outline", "了解逾期原因"));
    complete(task(interview), withVariables("held", false));

    assertThat(interview).isWaitingAt("notifyInterviewees");
    execute(job(interview));
    verify(notify, times(2)).execute(any());
    assertThat(interview).isWaitingAt("conductInterview");
    assertThat(task(interview)).isAssignedTo("leader1");
    verify(prepared, times(1)).notify(any());
  }

  @Test
  void rectificationStartsTheFollowUpAtTheDeadline() throws Exception {
    ProcessInstance interview = start();
    execute(job(interview));
    complete(task(interview), withVariables("outline", "了解逾期原因"));
    complete(task(interview), withVariables("held", true));
    Date deadline = Date.from(Instant.parse("2026-06-30T16:00:00Z"));
    complete(task(interview), withVariables("rectificationRequired", true, "followUpAt", deadline));

    assertThat(interview).isWaitingAt("followUpTimer");
    Assertions.assertThat(job(interview).getDuedate()).isEqualTo(deadline);
    execute(job(interview));

    assertThat(interview).isWaitingAt("startFollowUp");
    Assertions.assertThat(job(interview).getRetries()).isEqualTo(3);
    execute(job(interview));
    verify(followUp).execute(any());
    assertThat(interview).isEnded().hasPassed("followUpStarted");
  }

  @Test
  void theOfficeCancelsAnInterviewBeforeItIsHeld() throws Exception {
    ProcessInstance interview = start();
    execute(job(interview));

    runtimeService().createMessageCorrelation(Interviews.CANCEL_MESSAGE)
        .processInstanceId(interview.getId()).correlate();

    assertThat(interview).isEnded().hasPassed("interviewCancelled");
    Assertions.assertThat(managementService().createJobQuery().list()).isEqualTo(List.of());
  }
}
