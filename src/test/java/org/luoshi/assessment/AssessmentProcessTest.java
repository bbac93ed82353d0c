package org.luoshi.assessment;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.luoshi.engine.Time;
import org.luoshi.testsupport.ProcessTests;
import org.luoshi.common.DomainException;
import org.mockito.ArgumentCaptor;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Every path of {@code assessment.bpmn} on the in-memory engine, with the real delegates and
 * listeners and the real DMN tables over a mocked {@link Assessments} (the figures and the
 * REST API have their Spring test, AssessmentIT): where the instance waits, who gets each task, what
 * the grading and consequence tables decide, and how appeals and the appeal window end it.
 */
@Deployment(resources = {
    "processes/assessment.bpmn",
    "processes/assessment-grade.dmn",
    "processes/assessment-consequence.dmn",
    "processes/forms/start-assessment.form",
    "processes/forms/review-assessment.form",
    "processes/forms/approve-assessment.form",
    "processes/forms/decide-appeal.form"})
class AssessmentProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTests.engine();

  static final LocalDateTime NOW = LocalDateTime.of(2027, 1, 10, 10, 0);
  static final long ID = 7;
  static final long APPEAL = 11;

  Assessments service = mock(Assessments.class);
  AssessmentProcess process = mock(AssessmentProcess.class);
  AssessmentAppeals appeals = mock(AssessmentAppeals.class);
  Assessment registered;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(NOW.atZone(Time.ZONE).toInstant()));
    when(service.register(anyString(), any(), anyString())).thenAnswer(call -> {
      var a = new Assessment(call.getArgument(0), call.getArgument(1), call.getArgument(2), Instant.now());
      ReflectionTestUtils.setField(a, "id", ID);
      registered = a;
      return a;
    });
    // the records bound to the instance: the assessment once registered, each appeal to its 审理申诉
    when(process.bound(any())).thenAnswer(call -> java.util.Optional.ofNullable(registered));
    when(process.assessmentId(any())).thenReturn(ID);
    when(process.appealId(any())).thenAnswer(call ->
        ((Number) ((org.camunda.bpm.engine.delegate.VariableScope) call.getArgument(0)).getVariable("appealId")).longValue());
    when(service.rows(ID)).thenReturn(List.of(
        row(1, SubjectType.UNIT, "T1", "92.5", 4, 0, 0),
        row(2, SubjectType.UNIT, "T2", "92.5", 4, 1, 0),
        row(3, SubjectType.UNIT, "T3", null, 0, 2, 0),
        row(4, SubjectType.PERSON, "t1a", "59.9", 2, 0, 1)));
    when(service.table(ID)).thenReturn("| 排名 | 单位 |");
    when(service.publish(eq(ID), any())).thenReturn(Date.from(NOW.plusDays(15).atZone(Time.ZONE).toInstant()));
    Mocks.register("assessmentRegistration", new AssessmentRegistration(service));
    Mocks.register("assessmentComputation", new AssessmentComputation(service, process));
    Mocks.register("assessmentGrading", new AssessmentGrading(service, process));
    Mocks.register("reviewAssessmentListener", new ReviewAssessmentListener(service, process));
    Mocks.register("approveAssessmentListener", new ApproveAssessmentListener(service, process));
    Mocks.register("assessmentPublication", new AssessmentPublication(service, process));
    Mocks.register("decideAppealListener", new DecideAppealListener(appeals, process));
    Mocks.register("appealDecisionNotice", new AppealDecisionNotice(appeals, process));
    Mocks.register("assessmentClosing", new AssessmentClosing(service, process));
    Mocks.register("appealBinding", mock(AppealBinding.class));
    Mocks.register("assessmentEnded", new AssessmentEnded(service, process));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
    identity().clearAuthentication();
  }

  // paths -----------------------------------------------------------------------------------------

  @Test
  void anApprovedAssessmentIsPublishedAndEndsWhenTheAppealWindowClosesWithoutAppeals() {
    ProcessInstance pi = computed();
    Task review = taskOf("reviewAssessment", pi);
    assertThat(review).hasCandidateGroup("supervision-office");
    Assertions.assertThat(taskService().getVariables(review.getId()))
        .containsEntry("resultTable", "| 排名 | 单位 |").containsEntry("periodLabel", "2026年");
    complete(review, withVariables("reviewOutcome", "SUBMIT", "reviewComment", "数据已核对"));
    verify(service).review(eq(ID), eq(true), eq("数据已核对"), anyString());

    Task approve = taskOf("approveAssessment", pi);
    assertThat(approve).hasCandidateGroup("principal-leaders");
    complete(approve, withVariables("approved", true));
    verify(service).approve(eq(ID), eq(true), eq(null), anyString());

    assertThat(pi).isWaitingAt("publishAssessment");
    execute(asyncJob(pi));
    verify(service).publish(eq(ID), any());
    assertThat(pi).isWaitingAt("appealWindowTimer");
    Assertions.assertThat(timer(pi).getDuedate()).isEqualTo(Date.from(NOW.plusDays(15).atZone(Time.ZONE).toInstant()));
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "appealDeadlineText")).isEqualTo("2027年1月25日 10:00");

    execute(timer(pi));
    assertThat(pi).isWaitingAt("closeAssessment");
    execute(asyncJob(pi));
    verify(service).close(ID);
    assertThat(pi).isEnded().hasPassed("appealWindowClosed", "assessmentClosed").hasNotPassed("decideAppeal");
  }

  @Test
  void theGradingTableGradesEveryRowAtRegistrationsPeriod() {
    computed();
    @SuppressWarnings("unchecked")
    ArgumentCaptor<Map<Long, AssessmentRules.Graded>> grades = ArgumentCaptor.forClass(Map.class);
    verify(service).recordGrades(eq(ID), grades.capture());
    Assertions.assertThat(grades.getValue()).hasSize(4);
    Assertions.assertThat(grades.getValue().get(1L).grade()).isEqualTo(Grade.EXCELLENT);
    Assertions.assertThat(grades.getValue().get(2L).grade()).as("an overdue uncompleted item rules out 优秀")
        .isEqualTo(Grade.GOOD);
    Assertions.assertThat(grades.getValue().get(3L).grade()).isEqualTo(Grade.FAIL);
    Assertions.assertThat(grades.getValue().get(4L).grade()).isEqualTo(Grade.FAIL);
    verify(service).register("2026", "office1", runtimeService().createProcessInstanceQuery().singleResult().getId());
  }

  @Test
  void anAssessmentCancelledInCockpitTellsTheServiceItsProcessEnded() {
    ProcessInstance pi = computed();
    runtimeService().deleteProcessInstance(pi.getId(), "督查室撤销");
    assertThat(pi).isEnded();
    verify(service).processEnded(ID);
  }

  @Test
  void theOfficeMayRecomputeWithAReason() {
    ProcessInstance pi = computed();
    complete(taskOf("reviewAssessment", pi), withVariables("reviewOutcome", "RECOMPUTE", "reviewComment", "补录事项已入账"));
    verify(service).review(eq(ID), eq(false), eq("补录事项已入账"), anyString());

    assertThat(pi).isWaitingAt("computeAssessment");
    execute(asyncJob(pi));
    verify(service, times(2)).compute(ID);
    verify(service, times(2)).recordGrades(eq(ID), any());
    assertThat(pi).isWaitingAt("reviewAssessment");
  }

  @Test
  void theOfficeMayAdjustAGradeWithAReasonAndReviewsAgain() {
    ProcessInstance pi = computed();
    Task review = taskOf("reviewAssessment", pi);
    Assertions.assertThat(taskService().getVariable(review.getId(), "resultOptions").toString())
        .contains("单位：T1", "\"value\":\"4\"");
    complete(review, withVariables("reviewOutcome", "ADJUST", "adjustResultId", "2", "adjustedGrade", "EXCELLENT",
        "reviewComment", "逾期事项系上级调整所致"));
    verify(service).adjust(eq(ID), eq(2L), eq(Grade.EXCELLENT), eq("逾期事项系上级调整所致"), anyString());
    verify(service, never()).review(anyLong(), anyBoolean(), any(), any());

    assertThat(pi).isWaitingAt("reviewAssessment");
    complete(taskOf("reviewAssessment", pi), withVariables("reviewOutcome", "SUBMIT"));
    assertThat(pi).isWaitingAt("approveAssessment");
  }

  @Test
  void thePrincipalLeadersMayReturnItToTheOffice() {
    ProcessInstance pi = computed();
    complete(taskOf("reviewAssessment", pi), withVariables("reviewOutcome", "SUBMIT"));
    complete(taskOf("approveAssessment", pi), withVariables("approved", false, "approvalComment", "请核对末位单位"));
    verify(service).approve(eq(ID), eq(false), eq("请核对末位单位"), anyString());

    Task again = taskOf("reviewAssessment", pi);
    Assertions.assertThat(taskService().getVariable(again.getId(), "approvalComment")).isEqualTo("请核对末位单位");
    Assertions.assertThat(taskService().getVariable(again.getId(), "reviewOutcome")).isNull();
    verify(service, never()).publish(anyLong(), any());
  }

  @Test
  void anUpheldAppealIsDecidedByThePrincipalLeadersAndTheAppellantIsTold() {
    ProcessInstance pi = published();
    appeal(pi, APPEAL);

    Task decide = taskOf("decideAppeal", pi);
    assertThat(decide).hasCandidateGroup("principal-leaders");
    Assertions.assertThat(taskService().getVariables(decide.getId()))
        .containsEntry("appealReason", "逾期事项已于年底完成").containsEntry("appealGrade", "不合格");
    complete(decide, withVariables("appealDecision", "UPHELD", "newGrade", "PASS", "decisionComment", "情况属实"));
    verify(appeals).decideAppeal(eq(APPEAL), eq(AppealDecision.UPHELD), eq(Grade.PASS), eq("情况属实"), anyString(), any());

    assertThat(pi).isWaitingAt("notifyAppellant", "appealWindowTimer");
    execute(asyncJob(pi));
    verify(appeals).notifyAppealDecided(APPEAL);
    assertThat(pi).isWaitingAt("appealWindowTimer").hasPassed("appealDecided");
  }

  @Test
  void aRejectedAppealKeepsTheGrade() {
    ProcessInstance pi = published();
    appeal(pi, APPEAL);
    complete(taskOf("decideAppeal", pi),
        withVariables("appealDecision", "REJECTED", "decisionComment", "逾期属实，维持原等次"));
    verify(appeals).decideAppeal(eq(APPEAL), eq(AppealDecision.REJECTED), eq(null), eq("逾期属实，维持原等次"),
        anyString(), any());
    execute(asyncJob(pi));
    verify(appeals).notifyAppealDecided(APPEAL);

    execute(timer(pi));
    execute(asyncJob(pi));
    assertThat(pi).isEnded().hasPassed("decideAppeal", "assessmentClosed");
  }

  @Test
  void anAppealStillOpenWhenTheWindowClosesIsDecidedBeforeTheAssessmentEnds() {
    ProcessInstance pi = published();
    appeal(pi, APPEAL);
    appeal(pi, APPEAL + 1);
    Assertions.assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("decideAppeal").count()).isEqualTo(2);

    execute(timer(pi));
    assertThat(pi).isWaitingAt("decideAppeal").hasPassed("appealWindowClosed");
    verify(service, never()).close(anyLong());

    for (Task t : taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("decideAppeal").list()) {
      complete(t, withVariables("appealDecision", "REJECTED", "decisionComment", "维持"));
    }
    for (Job j : jobQuery().processInstanceId(pi.getId()).messages().list()) {
      execute(j);
    }
    verify(appeals).notifyAppealDecided(APPEAL);
    verify(appeals).notifyAppealDecided(APPEAL + 1);
    execute(asyncJob(pi));
    verify(service).close(ID);
    assertThat(pi).isEnded();
  }

  @Test
  void publicationRecordsTheConsequencesTheTableGivesEachGrade() {
    published();
    @SuppressWarnings("unchecked")
    ArgumentCaptor<Function<AssessmentResult, List<AssessmentRules.Rule>>> rules = ArgumentCaptor.forClass(Function.class);
    verify(service).publish(eq(ID), rules.capture());
    Assertions.assertThat(types(rules.getValue(), SubjectType.UNIT, Grade.FAIL))
        .containsExactlyInAnyOrder(ConsequenceType.AWARD_INELIGIBLE, ConsequenceType.INTERVIEW);
    Assertions.assertThat(types(rules.getValue(), SubjectType.PERSON, Grade.FAIL)).containsExactlyInAnyOrder(
        ConsequenceType.AWARD_INELIGIBLE, ConsequenceType.INTERVIEW, ConsequenceType.POSITION_ADJUSTMENT);
    Assertions.assertThat(types(rules.getValue(), SubjectType.PERSON, Grade.EXCELLENT))
        .containsExactly(ConsequenceType.PROMOTION_PRIORITY);
    Assertions.assertThat(types(rules.getValue(), SubjectType.UNIT, Grade.EXCELLENT)).isEmpty();
    Assertions.assertThat(types(rules.getValue(), SubjectType.PERSON, Grade.GOOD)).isEmpty();
    Assertions.assertThat(types(rules.getValue(), SubjectType.PERSON, Grade.PASS)).isEmpty();
  }

  // refusals --------------------------------------------------------------------------------------

  @Test
  void onlyTheOfficeStartsAnAssessment() {
    identity().setAuthentication("t1a", List.of("unit-T1"));
    Assertions.assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("assessment",
        Map.of("period", "2026"))).isInstanceOf(DomainException.class).hasMessageContaining("督查室");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    verify(service, never()).register(anyString(), any(), anyString());
  }

  @Test
  void aReviewWithoutAnOutcomeFailsAndTheTaskStays() {
    ProcessInstance pi = computed();
    Task review = taskOf("reviewAssessment", pi);
    Assertions.assertThatThrownBy(() -> complete(review, withVariables("reviewComment", "？")))
        .hasMessageContaining("请选择提交审批、调整等次或重新计算");
    assertThat(pi).isWaitingAt("reviewAssessment");
    verify(service, never()).review(anyLong(), anyBoolean(), any(), any());
  }

  // helpers ---------------------------------------------------------------------------------------

  private ProcessInstance computed() {
    identity().setAuthentication("office1", List.of("supervision-office"));
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("assessment", Map.of("period", "2026"));
    identity().clearAuthentication();
    assertThat(pi).isWaitingAt("computeAssessment");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getBusinessKey()).isEqualTo("KH-2026-7");
    execute(asyncJob(pi));
    verify(service).compute(ID);
    assertThat(pi).isWaitingAt("reviewAssessment");
    return pi;
  }

  private ProcessInstance published() {
    ProcessInstance pi = computed();
    complete(taskOf("reviewAssessment", pi), withVariables("reviewOutcome", "SUBMIT"));
    complete(taskOf("approveAssessment", pi), withVariables("approved", true));
    execute(asyncJob(pi));
    assertThat(pi).isWaitingAt("appealWindowTimer");
    return pi;
  }

  private static void appeal(ProcessInstance pi, long appealId) {
    runtimeService().createMessageCorrelation(Assessments.APPEAL_MESSAGE)
        .processInstanceId(pi.getId())
        .setVariablesToTriggeredScope(Map.of("appealId", appealId, "appealReason", "逾期事项已于年底完成",
            "appealGrade", "不合格", "appealSubject", "单位：测试三局", "appealFiledBy", "甲三（t3a）"))
        .correlateWithResult();
  }

  private static List<ConsequenceType> types(Function<AssessmentResult, List<AssessmentRules.Rule>> rules,
      SubjectType type, Grade grade) {
    var result = new AssessmentResult(ID, new Figures(type, "x", "x", "T1", null, 0, 0, 0, 0, 0, 1));
    result.grade(grade, "测试");
    return rules.apply(result).stream().map(AssessmentRules.Rule::type).toList();
  }

  private static Assessments.Row row(long id, SubjectType type, String subject, String score, int closed,
      int overdueUncompleted, int interviews) {
    return new Assessments.Row(id, new Figures(type, subject, subject, "T1",
        score == null ? null : new BigDecimal(score), closed, overdueUncompleted, overdueUncompleted, 0, interviews, 1));
  }

  private static Task taskOf(String key, ProcessInstance pi) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  private static Job asyncJob(ProcessInstance pi) {
    return jobQuery().processInstanceId(pi.getId()).messages().singleResult();
  }

  private static Job timer(ProcessInstance pi) {
    return jobQuery().processInstanceId(pi.getId()).timers().activityId("appealWindowTimer").singleResult();
  }

  private static IdentityService identity() {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine().getIdentityService();
  }
}
