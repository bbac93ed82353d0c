package org.luoshi.item;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
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
 * Walks every path of responsibility-item.bpmn with the real DMN tables and stand-ins for the
 * Spring beans that keep the variables the gateways read ({@code status}, {@code approved}, …).
 * What the beans do to the domain is tested in {@link ResponsibilityItemIT}.
 */
@Deployment(resources = {
    "processes/responsibility-item.bpmn", "processes/timeliness-score.dmn", "processes/closure-route.dmn",
    "processes/forms/start-item.form", "processes/forms/accept-item.form", "processes/forms/reassign-item.form",
    "processes/forms/plan-item.form", "processes/forms/report-progress.form", "processes/forms/submit-completion.form",
    "processes/forms/approve-extension.form", "processes/forms/verify-completion.form",
    "processes/forms/review-closure.form", "processes/forms/confirm-closure.form"})
class ResponsibilityItemProcessTest {

  @RegisterExtension static ProcessEngineCoverageExtension engine = ProcessTests.engine();

  final List<String> notices = new ArrayList<>();
  final List<String> calls = new ArrayList<>();
  final Instant start = Instant.parse("2026-03-02T01:00:00Z");
  boolean overdue = true;
  boolean replyOverdue = true;

  /** Stands in for ${itemSchedule}. */
  public class Schedule {
    public String progressCycle() {
      return "0 0 9 25 * ?";
    }

    public Date nextChase() {
      return Date.from(ClockUtil.getCurrentTime().toInstant().plus(1, ChronoUnit.DAYS));
    }

    public Date replyDueAt(org.camunda.bpm.engine.delegate.VariableScope scope) {
      return Date.from(Instant.parse("2026-03-09T16:00:00Z"));
    }

    public Date leaderEscalationAt(Date overdueAt) {
      return Date.from(overdueAt.toInstant().plus(3, ChronoUnit.DAYS));
    }

    public Date principalEscalationAt(Date overdueAt) {
      return Date.from(overdueAt.toInstant().plus(7, ChronoUnit.DAYS));
    }
  }

  @BeforeEach
  void beans() {
    ClockUtil.setCurrentTime(Date.from(start));
    Mocks.register("itemIssuing", (ExecutionListener) e -> {
      e.setVariable("itemCode", "ZR-2026-0001");
      e.setVariable("title", "测试事项");
      e.setVariable("status", "ISSUED");
      e.setVariable("deadline", "2026-03-31");
      e.setVariable("unitCode", "T1");
      e.setVariable("leadLeader", "leader1");
      e.setVariable("personNamed", false);
      deadlineTimers(e, Instant.parse("2026-03-31T16:00:00Z"));
    });
    Mocks.register("itemTaskLabels", (TaskListener) t -> calls.add("created " + t.getTaskDefinitionKey()));
    Mocks.register("acceptItemListener", (TaskListener) t ->
        t.setVariable("status", Boolean.TRUE.equals(t.getVariable("accepted")) ? "IN_PROGRESS" : "RETURNED"));
    Mocks.register("reassignItemListener", (TaskListener) t ->
        t.setVariable("status", Boolean.TRUE.equals(t.getVariable("cancelled")) ? "CANCELLED" : "ISSUED"));
    Mocks.register("planItemListener", (TaskListener) t -> {
      calls.add("planned");
      t.setVariable("personNamed", t.getVariable("responsiblePerson") != null);
    });
    Mocks.register("reportProgressListener", (TaskListener) t -> calls.add("progress " + t.getVariable("progressPercent")));
    Mocks.register("submitCompletionListener", (TaskListener) t -> {
      if ("COMPLETE".equals(t.getVariable("action"))) {
        t.setVariable("status", "CLOSING");
        t.setVariable("daysLate", 0);
      }
    });
    Mocks.register("approveExtensionListener", (TaskListener) t -> {
      if (Boolean.TRUE.equals(t.getVariable("approved"))) {
        deadlineTimers(t.getExecution(), Instant.parse("2026-04-30T16:00:00Z"));
      }
    });
    Mocks.register("reviewListener", (TaskListener) this::review);
    Mocks.register("itemNotice", (JavaDelegate) e -> notices.add((String) e.getVariableLocal("noticeType")));
    Mocks.register("timelinessScoring", (JavaDelegate) e -> e.setVariable("timelinessScore", 100));
    Mocks.register("itemClosing", (JavaDelegate) e -> e.setVariable("status", "CLOSED"));
    Mocks.register("itemReminder", (JavaDelegate) e -> calls.add("reminder"));
    Mocks.register("itemOverdue", (JavaDelegate) e -> calls.add("overdue"));
    Mocks.register("itemChase", (JavaDelegate) e -> calls.add("chase"));
    Mocks.register("overdueInterview", (JavaDelegate) e -> calls.add("interview"));
    Mocks.register("instructionReply", (JavaDelegate) e -> calls.add("reply chased"));
    Mocks.register("itemEscalation", (JavaDelegate) e -> calls.add("escalate " + e.getVariableLocal("level")));
    Mocks.register("itemSchedule", new Schedule());
    Mocks.register("overdueCheck", (ExecutionListener) e -> e.setVariable("stillOverdue", overdue));
    Mocks.register("replyOverdueCheck", (ExecutionListener) e -> e.setVariable("replyOverdue", replyOverdue));
    coUnits = List.of();
    Mocks.register("itemCoUnits", new CoUnits());
    Mocks.register("reportCoProgressListener", (TaskListener) t -> calls.add("co " + t.getEventName() + " "
        + t.getExecution().getVariableLocal("coUnitCode")));
  }

  /** The item's co-units (协办单位), as ItemCoUnits reads them from the item. */
  private List<String> coUnits = List.of();

  public class CoUnits {
    public List<String> codes(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
      return coUnits;
    }
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  private static void deadlineTimers(org.camunda.bpm.engine.delegate.VariableScope scope, Instant endOfDeadline) {
    scope.setVariable("reminderAt", Date.from(endOfDeadline.minus(3, ChronoUnit.DAYS).minus(15, ChronoUnit.HOURS)));
    scope.setVariable("overdueAt", Date.from(endOfDeadline));
    scope.setVariable("interviewAt", Date.from(endOfDeadline.plus(7, ChronoUnit.DAYS)));
  }

  private void review(DelegateTask t) {
    boolean approved = Boolean.TRUE.equals(t.getVariable("approved"));
    if (!approved) {
      t.setVariable("status", "IN_PROGRESS");
      return;
    }
    double score = ((Number) t.getVariable("qualityScore")).doubleValue();
    switch (t.getTaskDefinitionKey()) {
      case "verifyCompletion" -> t.setVariable("officeScore", score);
      case "reviewClosure" -> {
        t.setVariable("leaderScore", score);
        t.setVariable("scoreDifference", Math.abs(score - ((Number) t.getVariable("officeScore")).doubleValue()));
      }
      default -> { }
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  private ProcessInstance issue(String source) {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("responsibility-item", "ZR-2026-0001",
        Map.of("source", source));
    runAsync();
    return pi;
  }

  /** Executes the async notification steps that are due, as the job executor would. */
  private void runAsync() {
    for (int i = 0; i < 20; i++) {
      List<Job> jobs = managementService().createJobQuery().messages().executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> managementService().executeJob(j.getId()));
    }
    throw new AssertionError("async jobs keep coming");
  }

  private Job timer(String activityId) {
    return managementService().createJobQuery().timers().activityId(activityId).singleResult();
  }

  private void fire(String activityId) {
    Job job = timer(activityId);
    Assertions.assertThat(job).as("timer " + activityId).isNotNull();
    managementService().executeJob(job.getId());
    runAsync();
  }

  private void acceptAndPlan(ProcessInstance pi) {
    complete(task("acceptItem", pi), withVariables("accepted", true));
    assertThat(pi).hasPassed("notifyAccepted").isWaitingAt("planItem");
    runAsync();
    complete(task("planItem", pi), withVariables("responsiblePerson", "t1a", "measures", "措施"));
    assertThat(pi).isWaitingAt("submitCompletion");
  }

  private void submit(ProcessInstance pi) {
    complete(task("submitCompletion", pi), withVariables("action", "COMPLETE"));
    runAsync();
  }

  private void decide(ProcessInstance pi, String taskKey, boolean approved, double score) {
    Map<String, Object> v = new HashMap<>();
    v.put("approved", approved);
    v.put("qualityScore", score);
    complete(task(taskKey, pi), v);
    runAsync();
  }

  // --- paths ---------------------------------------------------------------------------------

  @Test
  void anAcceptedItemIsPlannedExecutedReviewedAndClosedWithoutThePrincipal() {
    ProcessInstance pi = issue("KEY_TASK");
    assertThat(pi).isWaitingAt("acceptItem");
    assertThat(task("acceptItem", pi)).hasCandidateGroup("unit-T1");
    acceptAndPlan(pi);
    submit(pi);
    assertThat(pi).isWaitingAt("verifyCompletion");
    decide(pi, "verifyCompletion", true, 85);
    assertThat(pi).isWaitingAt("reviewClosure");
    decide(pi, "reviewClosure", true, 88);

    assertThat(pi).isEnded().hasPassed("computeTimeliness", "decideClosureRoute", "closeItem", "notifyClosed")
        .hasNotPassed("confirmClosure");
    Assertions.assertThat(notices).containsExactly(
        "ITEM_ISSUED", "ITEM_ACCEPTED", "VERIFY_REQUESTED", "REVIEW_REQUESTED", "ITEM_CLOSED");
  }

  @Test
  void aReturnedItemIsReassignedToAnotherUnitAndAcceptedThere() {
    ProcessInstance pi = issue("KEY_TASK");
    complete(task("acceptItem", pi), withVariables("accepted", false, "returnReason", "不属于本单位职责"));
    runAsync();
    assertThat(pi).isWaitingAt("reassignItem");
    assertThat(task("reassignItem", pi)).hasCandidateGroup("supervision-office");

    complete(task("reassignItem", pi), withVariables("cancelled", false, "unitCode", "T2"));
    runAsync();
    assertThat(pi).isWaitingAt("acceptItem");
    assertThat(task("acceptItem", pi)).hasCandidateGroup("unit-T2");
    Assertions.assertThat(notices).containsExactly("ITEM_ISSUED", "ITEM_RETURNED", "ITEM_ISSUED");

    complete(task("acceptItem", pi), withVariables("accepted", true));
    runAsync();
    assertThat(pi).isWaitingAt("planItem");
    Assertions.assertThat(notices).endsWith("ITEM_ACCEPTED");
  }

  @Test
  void aReturnedItemCanBeCancelled() {
    ProcessInstance pi = issue("DECISION");
    complete(task("acceptItem", pi), withVariables("accepted", false, "returnReason", "重复下发"));
    runAsync();
    complete(task("reassignItem", pi), withVariables("cancelled", true, "cancelReason", "与 ZR-2026-0002 重复"));

    assertThat(pi).isEnded().hasPassed("cancelledEnd", "itemCancelled").hasNotPassed("planItem");
  }

  @Test
  void anApprovedExtensionMovesTheTimersAndReturnsToExecution() {
    ProcessInstance pi = issue("KEY_TASK");
    acceptAndPlan(pi);
    Date overdueBefore = timer("overdueTimer").getDuedate();

    complete(task("submitCompletion", pi), withVariables("action", "EXTEND"));
    runAsync();
    assertThat(pi).isWaitingAt("approveExtension");
    assertThat(task("approveExtension", pi)).isAssignedTo("leader1");
    complete(task("approveExtension", pi), withVariables("approved", true));
    runAsync();

    assertThat(pi).isWaitingAt("submitCompletion").hasPassed("extendedEnd", "outcomeGateway");
    Assertions.assertThat(timer("overdueTimer").getDuedate()).isAfter(overdueBefore)
        .isEqualTo(Date.from(Instant.parse("2026-04-30T16:00:00Z")));
    Assertions.assertThat(timer("reminderTimer").getDuedate()).isEqualTo(Date.from(Instant.parse("2026-04-27T01:00:00Z")));
    Assertions.assertThat(notices).containsExactly("ITEM_ISSUED", "ITEM_ACCEPTED", "EXTENSION_REQUESTED", "EXTENSION_DECIDED");
  }

  @Test
  void aDeniedExtensionKeepsTheDeadlineAndTheItemInExecution() {
    ProcessInstance pi = issue("KEY_TASK");
    acceptAndPlan(pi);
    String overdueJob = timer("overdueTimer").getId();

    complete(task("submitCompletion", pi), withVariables("action", "EXTEND"));
    runAsync();
    complete(task("approveExtension", pi), withVariables("approved", false));
    runAsync();

    assertThat(pi).isWaitingAt("submitCompletion").hasNotPassed("extendedEnd");
    Assertions.assertThat(timer("overdueTimer").getId()).isEqualTo(overdueJob);
  }

  @Test
  void aRejectionAtVerificationReturnsTheItemToExecution() {
    ProcessInstance pi = issue("KEY_TASK");
    acceptAndPlan(pi);
    submit(pi);
    decide(pi, "verifyCompletion", false, 0);

    assertThat(pi).isWaitingAt("submitCompletion").hasPassed("notifyRejected");
    Assertions.assertThat(notices).endsWith("ITEM_REJECTED");
    Assertions.assertThat(calls).containsOnlyOnce("created acceptItem", "created planItem");
  }

  @Test
  void aRejectionAtTheLeadersReviewReturnsTheItemToExecution() {
    ProcessInstance pi = issue("KEY_TASK");
    acceptAndPlan(pi);
    submit(pi);
    decide(pi, "verifyCompletion", true, 80);
    decide(pi, "reviewClosure", false, 0);

    assertThat(pi).isWaitingAt("submitCompletion");
    submit(pi);
    assertThat(pi).isWaitingAt("verifyCompletion");
  }

  @Test
  void instructionItemsAreConfirmedByThePrincipalLeaders() {
    ProcessInstance pi = issue("INSTRUCTION");
    acceptAndPlan(pi);
    submit(pi);
    decide(pi, "verifyCompletion", true, 85);
    decide(pi, "reviewClosure", true, 86);

    assertThat(pi).isWaitingAt("confirmClosure");
    assertThat(task("confirmClosure", pi)).hasCandidateGroup("principal-leaders");
    decide(pi, "confirmClosure", true, 86);
    assertThat(pi).isEnded().hasPassed("closeItem");
    Assertions.assertThat(notices).contains("CONFIRM_REQUESTED");
  }

  @Test
  void scoresMoreThanTenApartGoToThePrincipalLeaders() {
    ProcessInstance pi = issue("KEY_TASK");
    acceptAndPlan(pi);
    submit(pi);
    decide(pi, "verifyCompletion", true, 70);
    decide(pi, "reviewClosure", true, 85);
    assertThat(pi).isWaitingAt("confirmClosure");
  }

  @Test
  void aLeadersScoreBelowSixtyGoesToThePrincipalLeaders() {
    ProcessInstance pi = issue("KEY_TASK");
    acceptAndPlan(pi);
    submit(pi);
    decide(pi, "verifyCompletion", true, 55);
    decide(pi, "reviewClosure", true, 58);
    assertThat(pi).isWaitingAt("confirmClosure");
  }

  @Test
  void aRejectionByThePrincipalLeadersReturnsTheItemToExecution() {
    ProcessInstance pi = issue("INSTRUCTION");
    acceptAndPlan(pi);
    submit(pi);
    decide(pi, "verifyCompletion", true, 85);
    decide(pi, "reviewClosure", true, 85);
    decide(pi, "confirmClosure", false, 0);
    assertThat(pi).isWaitingAt("submitCompletion").hasPassed("notifyRejected");
  }

  @Test
  void threeDaysBeforeTheDeadlineTheReminderFires() {
    ProcessInstance pi = issue("KEY_TASK");
    Assertions.assertThat(timer("reminderTimer").getDuedate()).isEqualTo(Date.from(Instant.parse("2026-03-28T01:00:00Z")));
    fire("reminderTimer");
    Assertions.assertThat(calls).contains("reminder");
    assertThat(pi).isWaitingAt("acceptItem");
  }

  @Test
  void anOverdueItemIsChasedDailyAndAnInterviewStartsAfterSevenDays() {
    ProcessInstance pi = issue("KEY_TASK");
    acceptAndPlan(pi);
    Assertions.assertThat(timer("overdueTimer").getDuedate()).isEqualTo(Date.from(Instant.parse("2026-03-31T16:00:00Z")));
    fire("overdueTimer");
    Assertions.assertThat(calls).contains("overdue");
    Assertions.assertThat(timer("interviewTimer").getDuedate()).isEqualTo(Date.from(Instant.parse("2026-04-07T16:00:00Z")));

    fire("chaseTimer");
    fire("chaseTimer");
    Assertions.assertThat(calls.stream().filter("chase"::equals)).hasSize(2);

    fire("interviewTimer");
    Assertions.assertThat(calls).contains("interview");
    assertThat(pi).isWaitingAt("submitCompletion");

    overdue = false; // e.g. an extension was approved meanwhile
    fire("chaseTimer");
    Assertions.assertThat(timer("chaseTimer")).isNull();
    Assertions.assertThat(calls.stream().filter("chase"::equals)).hasSize(2);
  }

  @Test
  void anOverdueItemClimbsTheLadderToTheLeaderAfterThreeDaysAndThePrincipalsAfterSeven() {
    ProcessInstance pi = issue("KEY_TASK");
    acceptAndPlan(pi);
    fire("overdueTimer");
    Assertions.assertThat(calls).contains("overdue").doesNotContain("escalate LEADER");
    Assertions.assertThat(timer("escalateToLeaderTimer").getDuedate())
        .isEqualTo(Date.from(Instant.parse("2026-04-03T16:00:00Z")));
    Assertions.assertThat(timer("escalateToPrincipalTimer")).as("one step at a time").isNull();

    fire("escalateToLeaderTimer");
    Assertions.assertThat(calls).containsOnlyOnce("escalate LEADER").doesNotContain("escalate PRINCIPAL");
    Assertions.assertThat(timer("escalateToPrincipalTimer").getDuedate())
        .isEqualTo(Date.from(Instant.parse("2026-04-07T16:00:00Z")));

    fire("escalateToPrincipalTimer");
    Assertions.assertThat(calls).containsOnlyOnce("escalate PRINCIPAL");
    assertThat(pi).hasPassed("escalateToLeader", "escalateToPrincipal", "escalatedEnd").isWaitingAt("submitCompletion");
    Assertions.assertThat(calls.indexOf("escalate LEADER")).isLessThan(calls.indexOf("escalate PRINCIPAL"));
  }

  @Test
  void submittingTheCompletionStopsTheLadder() {
    ProcessInstance pi = issue("KEY_TASK");
    acceptAndPlan(pi);
    fire("overdueTimer");
    fire("escalateToLeaderTimer");
    submit(pi);

    assertThat(pi).isWaitingAt("verifyCompletion").hasNotPassed("escalateToPrincipal");
    Assertions.assertThat(timer("escalateToPrincipalTimer")).isNull();
    Assertions.assertThat(calls).doesNotContain("escalate PRINCIPAL");
  }

  @Test
  void submittingTheCompletionStopsTheDeadlineTimers() {
    ProcessInstance pi = issue("KEY_TASK");
    acceptAndPlan(pi);
    fire("overdueTimer");
    submit(pi);
    assertThat(pi).isWaitingAt("verifyCompletion");
    // the deadline's timers ended with 限期落实; the process-wide ones (monthly progress, reply check) go on
    for (String deadlineTimer : List.of("reminderTimer", "overdueTimer", "chaseTimer", "interviewTimer",
        "escalateToLeaderTimer", "escalateToPrincipalTimer")) {
      Assertions.assertThat(timer(deadlineTimer)).as(deadlineTimer).isNull();
    }
    Assertions.assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).timers().count()).isEqualTo(2);
    Assertions.assertThat(timer("progressTimer")).isNotNull();
    Assertions.assertThat(timer("replyTimer")).isNotNull();
  }

  @Test
  void anInstructionNotRepliedToByItsReplyDeadlineIsChased() {
    ProcessInstance pi = issue("INSTRUCTION");
    Assertions.assertThat(timer("replyTimer").getDuedate()).isEqualTo(Date.from(Instant.parse("2026-03-09T16:00:00Z")));
    fire("replyTimer");
    Assertions.assertThat(calls).contains("reply chased");
    assertThat(pi).hasPassed("replyChased").isWaitingAt("acceptItem");
  }

  @Test
  void aRepliedInstructionOrAnotherItemIsNotChased() {
    replyOverdue = false;
    ProcessInstance pi = issue("KEY_TASK");
    fire("replyTimer");
    Assertions.assertThat(calls).doesNotContain("reply chased");
    assertThat(pi).hasPassed("replyFine");
  }

  @Test
  void closingTheItemEndsAPendingProgressReport() {
    ProcessInstance pi = issue("KEY_TASK");
    acceptAndPlan(pi);
    runtimeService().setVariable(pi.getId(), "responsiblePerson", "t1a");
    fire("progressTimer");
    submit(pi);
    decide(pi, "verifyCompletion", true, 85);
    decide(pi, "reviewClosure", true, 85);
    assertThat(pi).isEnded();
  }

  @Test
  void monthlyProgressIsAskedForWhileTheItemIsBeingImplemented() {
    ProcessInstance pi = issue("KEY_TASK");
    fire("progressTimer"); // not accepted yet: nothing to report
    assertThat(pi).isWaitingAt("acceptItem").hasPassed("progressSkipped");

    acceptAndPlan(pi);
    runtimeService().setVariable(pi.getId(), "responsiblePerson", "t1a");
    fire("progressTimer");
    assertThat(task("reportProgress", pi)).isAssignedTo("t1a");
    complete(task("reportProgress", pi), withVariables("progressPercent", 40, "progressNote", "已完成方案制定"));
    assertThat(pi).isWaitingAt("submitCompletion").hasPassed("progressReported");
    Assertions.assertThat(timer("progressTimer")).as("the cycle goes on").isNotNull();
  }

  @Test
  void anAcceptedItemWithoutAResponsiblePersonHasNoProgressToReport() {
    ProcessInstance pi = issue("KEY_TASK");
    complete(task("acceptItem", pi), withVariables("accepted", true));
    runAsync();
    assertThat(pi).isWaitingAt("planItem");
    fire("progressTimer"); // 落实中, but no responsible person named yet
    assertThat(pi).hasPassed("progressSkipped").hasNotPassed("reportProgress");
  }

  @Test
  void eachCoUnitReportsItsPartBesideTheResponsiblePerson() {
    coUnits = List.of("T2", "T3");
    ProcessInstance pi = issue("KEY_TASK");
    acceptAndPlan(pi);
    runtimeService().setVariable(pi.getId(), "responsiblePerson", "t1a");
    fire("progressTimer");
    assertThat(task("reportProgress", pi)).isAssignedTo("t1a");
    List<org.camunda.bpm.engine.task.Task> co = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("reportCoProgress").list();
    Assertions.assertThat(co).hasSize(2);
    Assertions.assertThat(co).extracting(t -> org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService().getIdentityLinksForTask(t.getId()).get(0).getGroupId())
        .containsExactlyInAnyOrder("unit-T2", "unit-T3");
    Assertions.assertThat(calls).contains("co create T2", "co create T3");

    complete(task("reportProgress", pi), withVariables("progressPercent", 40, "progressNote", "已完成方案制定"));
    assertThat(pi).as("the month's report waits for the co-units").hasNotPassed("progressReported");
    for (var t : co) {
      org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService().complete(t.getId(), withVariables("coProgressPercent", 30, "coProgressNote", "配合完成选址"));
    }
    Assertions.assertThat(calls).contains("co complete T2", "co complete T3");
    assertThat(pi).isWaitingAt("submitCompletion").hasPassed("progressJoin", "progressReported");
  }

  @Test
  void withoutCoUnitsTheMonthlyReportIsTheResponsiblePersonsAlone() {
    ProcessInstance pi = issue("KEY_TASK");
    acceptAndPlan(pi);
    runtimeService().setVariable(pi.getId(), "responsiblePerson", "t1a");
    fire("progressTimer");
    Assertions.assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("reportCoProgress").count()).as("an empty collection completes at once").isZero();
    complete(task("reportProgress", pi), withVariables("progressPercent", 40, "progressNote", "已完成方案制定"));
    assertThat(pi).isWaitingAt("submitCompletion").hasPassed("reportCoProgress#multiInstanceBody", "progressJoin", "progressReported");
  }
}
