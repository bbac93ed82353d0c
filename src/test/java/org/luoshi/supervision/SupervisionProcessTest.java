package org.luoshi.supervision;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.luoshi.engine.Time;
import org.luoshi.engine.Vars;
import org.luoshi.identity.Organisation;
import org.luoshi.testsupport.ProcessTests;
import org.luoshi.common.DomainException;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Every path of {@code supervision.bpmn} on the in-memory engine, with the real delegates and
 * listeners over a mocked {@link Supervisions} (the domain rules have their own Spring tests):
 * where the instance waits, who gets each task, what the tasks carry, and how timers chase an
 * overdue problem.
 */
@Deployment(resources = {
    "processes/supervision.bpmn",
    "processes/forms/start-supervision.form",
    "processes/forms/conduct-inspection.form",
    "processes/forms/write-report.form",
    "processes/forms/rectify-problem.form",
    "processes/forms/verify-rectification.form"})
class SupervisionProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .configurationResource(ProcessTests.CONFIGURATION)
      .assertClassCoverageAtLeast(ProcessTests.MIN_CLASS_COVERAGE)
      .build();

  static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 2, 10, 0);
  static final long SUPERVISION_ID = 7;

  Supervisions service = mock(Supervisions.class);
  Organisation organisation = mock(Organisation.class);
  ProblemNotices notices = mock(ProblemNotices.class);
  SupervisionProcess process = mock(SupervisionProcess.class);
  Map<Long, Problem> problems = new HashMap<>();

  @BeforeEach
  void setUp() {
    setClock(NOW);
    when(organisation.unitName(anyString())).thenAnswer(call -> "单位" + call.getArgument(0));
    when(service.problem(anyLong())).thenAnswer(call -> problems.get((Long) call.getArgument(0)));
    // the records bound to the instance: the one supervision, and each problem to its subprocess instance
    when(process.supervisionId(any())).thenReturn(SUPERVISION_ID);
    when(process.problemId(any())).thenAnswer(call ->
        ((Number) ((org.camunda.bpm.engine.delegate.VariableScope) call.getArgument(0)).getVariable("problemId")).longValue());
    when(process.bindProblem(any())).thenAnswer(call ->
        problems.get(((Number) ((org.camunda.bpm.engine.delegate.VariableScope) call.getArgument(0)).getVariable("problemId")).longValue()));
    Mocks.register("supervisionRegistration", new SupervisionRegistration(service, organisation));
    Mocks.register("conductInspectionListener", new ConductInspectionListener(service, process));
    Mocks.register("writeReportListener", new WriteReportListener(service, process));
    Mocks.register("problemTracking", new ProblemTracking(organisation, process));
    Mocks.register("rectifyProblemListener", new RectifyProblemListener(service, process));
    Mocks.register("verifyRectificationListener", new VerifyRectificationListener(service, process));
    Mocks.register("supervisionClosing", new SupervisionClosing(service, process));
    Mocks.register("problemAssignedNotice", new ProblemAssignedNotice(notices, process));
    Mocks.register("problemRejectedNotice", new ProblemRejectedNotice(notices, process));
    Mocks.register("problemOverdueNotice", new ProblemOverdueNotice(notices, process));
    Mocks.register("problemReminderNotice", new ProblemReminderNotice(notices, process));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
    identity().clearAuthentication();
  }

  // paths -----------------------------------------------------------------------------------------

  @Test
  void aSupervisionWithoutProblemsClosesWithTheReport() {
    ProcessInstance pi = start(SupervisionMethod.OPEN_VISIT, "T1", "T2");

    assertThat(pi).isWaitingAt("conductInspection");
    assertThat(taskOf("conductInspection", pi)).hasCandidateGroup("supervision-office");
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "inspectedUnitNames")).isEqualTo("单位T1、单位T2");
    complete(taskOf("conductInspection", pi), withVariables("findings", "查阅台账，走访群众"));
    verify(service).recordFindings(SUPERVISION_ID, "查阅台账，走访群众");

    assertThat(pi).isWaitingAt("writeReport");
    assertThat(taskOf("writeReport", pi)).hasCandidateGroup("supervision-office");
    reportProblems(List.of());
    complete(taskOf("writeReport", pi), withVariables("report", "未发现问题", "problems", json("[]")));

    assertThat(pi).isEnded().hasPassed("closedWithoutProblems").hasNotPassed("problemRectification");
    verify(service).recordReport(eq(SUPERVISION_ID), eq("未发现问题"), eq(List.of()));
    verify(service, never()).close(anyLong());
  }

  @Test
  void aProblemVerifiedAtOnceIsClosedAndClosesTheSupervision() {
    ProcessInstance pi = inspectAndReport(problem(101, "T1", "台账不全", NOW.toLocalDate().plusDays(10)));

    assertThat(pi).isWaitingAt("notifyUnitOfProblem");
    execute(asyncJob(pi));
    verify(notices).assigned(101);

    Task rectify = taskOf("rectifyProblem", pi);
    assertThat(rectify).hasCandidateGroup("unit-T1");
    Assertions.assertThat(taskService().getVariables(rectify.getId())).containsEntry("unitName", "单位T1")
        .containsEntry("description", "台账不全").containsEntry("deadline", "2026-03-12")
        .containsEntry("title", "督查问题整改：台账不全");
    complete(rectify, withVariables("rectification", "已补齐台账"));
    verify(service).recordRectification(eq(101L), eq("已补齐台账"), any());

    Task verifyTask = taskOf("verifyRectification", pi);
    assertThat(verifyTask).hasCandidateGroup("supervision-office");
    complete(verifyTask, withVariables("verified", true));
    verify(service).recordVerification(eq(101L), eq(true), any(), any());

    assertThat(pi).isWaitingAt("problemClosed");
    execute(asyncJob(pi));
    assertThat(pi).isEnded().hasPassed("problemClosed", "closeSupervision", "supervisionClosed");
    verify(service).close(SUPERVISION_ID);
    verify(notices, never()).rejected(anyLong());
  }

  @Test
  void aRejectedRectificationGoesBackToTheUnitWithTheComment() {
    ProcessInstance pi = inspectAndReport(problem(101, "T1", "台账不全", NOW.toLocalDate().plusDays(10)));
    execute(asyncJob(pi));
    complete(taskOf("rectifyProblem", pi), withVariables("rectification", "正在整改"));

    // Tasklist's radio sends a boolean; a REST client may send the text "false"
    complete(taskOf("verifyRectification", pi), withVariables("verified", "false", "verifyComment", "缺少佐证材料"));
    assertThat(pi).isWaitingAt("notifyRectificationRejected");
    execute(asyncJob(pi));
    verify(notices).rejected(101);

    Task again = taskOf("rectifyProblem", pi);
    assertThat(again).hasCandidateGroup("unit-T1");
    Assertions.assertThat(taskService().getVariable(again.getId(), "verifyComment")).isEqualTo("缺少佐证材料");
    Assertions.assertThat(taskService().getVariable(again.getId(), "rectification")).isEqualTo("正在整改");
    complete(again, withVariables("rectification", "已整改，附照片"));
    Assertions.assertThat(taskService().getVariable(taskOf("verifyRectification", pi).getId(), "verified")).isNull();

    complete(taskOf("verifyRectification", pi), withVariables("verified", true));
    execute(asyncJob(pi));
    assertThat(pi).isEnded().hasPassed("notifyRectificationRejected", "supervisionClosed");
    verify(service).recordVerification(eq(101L), eq(false), eq("缺少佐证材料"), any());
    verify(service).recordVerification(eq(101L), eq(true), any(), any());
    verify(service, times(2)).recordRectification(eq(101L), anyString(), any());
  }

  @Test
  void eachProblemRunsItsOwnLoopAndOneDoesNotWaitForAnother() {
    LocalDate deadline = NOW.toLocalDate().plusDays(10);
    ProcessInstance pi = inspectAndReport(problem(101, "T1", "台账不全", deadline),
        problem(102, "T2", "制度未上墙", deadline));
    jobQuery().processInstanceId(pi.getId()).messages().list().forEach(j -> execute(j));

    Task t1 = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("rectifyProblem")
        .taskCandidateGroup("unit-T1").singleResult();
    Task t2 = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("rectifyProblem")
        .taskCandidateGroup("unit-T2").singleResult();
    Assertions.assertThat(t1).isNotNull();
    Assertions.assertThat(t2).isNotNull();
    Assertions.assertThat(taskService().getVariable(t2.getId(), "description")).isEqualTo("制度未上墙");

    // T2 fixes its problem and it is verified while T1 has not yet started
    complete(t2, withVariables("rectification", "已上墙"));
    Task verifyT2 = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("verifyRectification").singleResult();
    complete(verifyT2, withVariables("verified", true));
    execute(asyncJob(pi));
    Assertions.assertThat(taskService().getVariable(t1.getId(), "rectification")).isNull();
    assertThat(pi).isNotEnded();
    assertThat(taskOf("rectifyProblem", pi)).hasCandidateGroup("unit-T1");
    verify(service, never()).close(anyLong());

    complete(taskOf("rectifyProblem", pi), withVariables("rectification", "已补齐"));
    complete(taskOf("verifyRectification", pi), withVariables("verified", true));
    execute(asyncJob(pi));
    assertThat(pi).isEnded();
    verify(service).close(SUPERVISION_ID);
  }

  @Test
  void anOverdueProblemIsNotifiedAtTheEndOfItsDeadlineDayThenRemindedDailyUntilRectified() {
    LocalDate deadline = NOW.toLocalDate().plusDays(3); // 2026-03-05
    ProcessInstance pi = inspectAndReport(problem(101, "T1", "台账不全", deadline));
    execute(asyncJob(pi));
    Assertions.assertThat(dueTimers(pi)).isEmpty();

    Job overdue = timer(pi, "problemOverdueTimer");
    Assertions.assertThat(overdue.getDuedate()).isEqualTo(Time.endOf(deadline)); // 2026-03-06 00:00 Beijing
    Job reminder = timer(pi, "dailyReminderTimer");
    Assertions.assertThat(reminder.getDuedate()).isEqualTo(Time.at(deadline.plusDays(2), 9, 0));

    setClock(deadline.atTime(23, 59));
    Assertions.assertThat(dueTimers(pi)).isEmpty();

    setClock(deadline.plusDays(1).atTime(0, 0, 1));
    Assertions.assertThat(dueTimers(pi)).extracting(this::activityOf).containsExactly("problemOverdueTimer");
    execute(overdue);
    verify(notices).overdue(101);
    assertThat(pi).isWaitingAt("rectifyProblem");

    setClock(deadline.plusDays(2).atTime(9, 0, 1));
    execute(timer(pi, "dailyReminderTimer"));
    setClock(deadline.plusDays(3).atTime(9, 0, 1));
    Job next = timer(pi, "dailyReminderTimer");
    Assertions.assertThat(next.getDuedate()).isEqualTo(Time.at(deadline.plusDays(3), 9, 0));
    execute(next);
    verify(notices, times(2)).remind(101);
    Assertions.assertThat(timer(pi, "dailyReminderTimer").getDuedate()).isEqualTo(Time.at(deadline.plusDays(4), 9, 0));

    complete(taskOf("rectifyProblem", pi), withVariables("rectification", "已补齐台账"));
    Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
    assertThat(pi).isWaitingAt("verifyRectification");
  }

  @Test
  void aRejectionAfterTheDeadlineResumesTheChaseAtOnce() {
    LocalDate deadline = NOW.toLocalDate().plusDays(1);
    ProcessInstance pi = inspectAndReport(problem(101, "T1", "台账不全", deadline));
    execute(asyncJob(pi));
    complete(taskOf("rectifyProblem", pi), withVariables("rectification", "已整改"));

    setClock(deadline.plusDays(5).atTime(15, 0));
    complete(taskOf("verifyRectification", pi), withVariables("verified", false, "verifyComment", "未见实效"));
    execute(asyncJob(pi));

    // overdue is due at once (its notice key lets nothing be sent twice); reminders resume tomorrow morning
    Assertions.assertThat(dueTimers(pi)).extracting(this::activityOf).containsExactly("problemOverdueTimer");
    Assertions.assertThat(timer(pi, "dailyReminderTimer").getDuedate()).isEqualTo(Time.at(deadline.plusDays(6), 9, 0));
  }

  @Test
  void aRandomSupervisionOffersTheDrawnUnitsOnly() {
    List<String> population = List.of("A1", "A2", "A3", "A4", "A5", "A6");
    long seed = 20260302L;
    List<String> sample = SampleDraw.draw(seed, population, 2);
    when(service.register(any(), any(), anyString())).thenAnswer(call -> {
      SupervisionRequest request = call.getArgument(0);
      Assertions.assertThat(request.sampleSize()).isEqualTo(2);
      Assertions.assertThat(request.unitCodes()).isEmpty();
      Supervision s = new Supervision(call.getArgument(2), SupervisionMethod.RANDOM, request.subject(),
          population, SampleDraw.draw(seed, population, request.sampleSize()), null, Time.now(), Time.today());
      s.recordDraw(seed, "{}");
      ReflectionTestUtils.setField(s, "id", SUPERVISION_ID);
      return s;
    });

    ProcessInstance pi = runtimeService().startProcessInstanceByKey("supervision", Variables.createVariables()
        .putValue("method", "RANDOM").putValue("subject", "随机抽查落实情况").putValue("sampleSize", 2));

    assertThat(pi).isWaitingAt("conductInspection");
    SpinJsonNode options = (SpinJsonNode) runtimeService().getVariable(pi.getId(), "unitOptions");
    Assertions.assertThat(options.elements()).extracting(o -> o.prop("value").stringValue())
        .containsExactlyElementsOf(sample);
    SpinJsonNode drawn = (SpinJsonNode) runtimeService().getVariable(pi.getId(), "sample");
    Assertions.assertThat(drawn.elements()).extracting(SpinJsonNode::stringValue).containsExactlyElementsOf(sample);
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "sampleSeed")).isEqualTo(seed);
    Assertions.assertThat((String) runtimeService().getVariable(pi.getId(), "sampleNote"))
        .contains("从 6 个单位中抽取 2 个", String.valueOf(seed), SampleDraw.ALGORITHM);
  }

  @Test
  void aBadReportFailsTheCompletionAndTheTaskStaysOpen() {
    ProcessInstance pi = start(SupervisionMethod.KEY, "T1");
    complete(taskOf("conductInspection", pi), withVariables("findings", "发现问题"));
    when(service.recordReport(anyLong(), anyString(), anyList()))
        .thenThrow(DomainException.invalid("problems[0].unitCode", "第 1 个问题：没有这个单位：X9"));

    Task report = taskOf("writeReport", pi);
    Assertions.assertThatThrownBy(() -> taskService().complete(report.getId(), withVariables(
            "report", "报告", "problems", json("[{\"unitCode\":\"X9\",\"description\":\"问题\",\"deadline\":\"2026-04-01\"}]"))))
        .hasRootCauseInstanceOf(DomainException.class)
        .hasMessageContaining("第 1 个问题：没有这个单位：X9（problems[0].unitCode）");
    assertThat(pi).isWaitingAt("writeReport");
    Assertions.assertThat(taskOf("writeReport", pi).getId()).isEqualTo(report.getId());
  }

  @Test
  void onlyTheOfficeMayStartASupervision() {
    identity().setAuthentication("t1a", List.of("unit-T1"));
    Assertions.assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("supervision",
            Variables.createVariables().putValue("method", "KEY").putValue("subject", "重点督查")
                .putValue("unitCodes", json("[\"T1\"]"))))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("只有督查室可以发起督查");
    verify(service, never()).register(any(), any(), anyString());

    identity().setAuthentication("office1", List.of("supervision-office"));
    registerAnswer(SupervisionMethod.KEY, List.of("T1"));
    runtimeService().startProcessInstanceByKey("supervision", Variables.createVariables()
        .putValue("method", "KEY").putValue("subject", "重点督查").putValue("unitCodes", json("[\"T1\"]")));
    verify(service).register(any(), eq("office1"), anyString());
  }

  // fixtures --------------------------------------------------------------------------------------

  private ProcessInstance start(SupervisionMethod method, String... units) {
    registerAnswer(method, List.of(units));
    VariableMap vars = Variables.createVariables()
        .putValue("method", method.name())
        .putValue("subject", "督查主题")
        .putValueTyped("unitCodes", Vars.json(List.of(units)));
    return runtimeService().startProcessInstanceByKey("supervision", vars);
  }

  private void registerAnswer(SupervisionMethod method, List<String> units) {
    when(service.register(any(), any(), anyString())).thenAnswer(call -> {
      Supervision s = new Supervision(call.getArgument(2), method, "督查主题", units, units, call.getArgument(1),
          Time.now(), Time.today());
      ReflectionTestUtils.setField(s, "id", SUPERVISION_ID);
      return s;
    });
  }

  /** Starts a supervision of the problems' units and walks it to the report listing the problems. */
  private ProcessInstance inspectAndReport(Problem... found) {
    List<String> units = new ArrayList<>();
    for (Problem p : found) {
      if (!units.contains(p.getUnitCode())) {
        units.add(p.getUnitCode());
      }
    }
    ProcessInstance pi = start(SupervisionMethod.SPECIAL, units.toArray(String[]::new));
    complete(taskOf("conductInspection", pi), withVariables("findings", "发现若干问题"));
    reportProblems(List.of(found));
    complete(taskOf("writeReport", pi), withVariables("report", "督查报告", "problems", json("[]")));
    return pi;
  }

  private void reportProblems(List<Problem> found) {
    when(service.recordReport(anyLong(), anyString(), anyList())).thenReturn(found);
  }

  private Problem problem(long id, String unit, String description, LocalDate deadline) {
    Supervision s = new Supervision("pi", SupervisionMethod.SPECIAL, "督查主题", List.of(unit), List.of(unit),
        null, Time.now(), Time.today());
    ReflectionTestUtils.setField(s, "id", SUPERVISION_ID);
    Problem p = new Problem(s, problems.size(), unit, description, deadline, Time.today());
    ReflectionTestUtils.setField(p, "id", id);
    problems.put(id, p);
    return p;
  }

  private static Task taskOf(String key, ProcessInstance pi) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  /** The one waiting asynchronous continuation (a notice after a user task, a problem's end). */
  private static Job asyncJob(ProcessInstance pi) {
    return jobQuery().processInstanceId(pi.getId()).messages().singleResult();
  }

  private static Job timer(ProcessInstance pi, String activityId) {
    return jobQuery().processInstanceId(pi.getId()).timers().activityId(activityId).singleResult();
  }

  private static List<Job> dueTimers(ProcessInstance pi) {
    return jobQuery().processInstanceId(pi.getId()).timers().executable().list();
  }

  private String activityOf(Job job) {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService()
        .createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId();
  }

  private static org.camunda.bpm.engine.variable.value.TypedValue json(String text) {
    return org.camunda.spin.plugin.variable.SpinValues.jsonValue(text).create();
  }

  private static IdentityService identity() {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine().getIdentityService();
  }

  private static void setClock(LocalDateTime beijing) {
    ClockUtil.setCurrentTime(Date.from(beijing.atZone(Time.ZONE).toInstant()));
  }
}
