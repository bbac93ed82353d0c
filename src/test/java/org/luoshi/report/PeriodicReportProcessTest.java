package org.luoshi.report;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.luoshi.engine.Time;
import org.luoshi.testsupport.ProcessTests;
import org.luoshi.common.DomainException;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Every path of {@code periodic-report.bpmn} on the in-memory engine, with the real delegates and
 * listeners over a mocked {@link Reports} (what a report says is tested in ReportsIT): where the
 * instance waits, who gets each task, and what the timers start.
 */
@Deployment(resources = {
    "processes/periodic-report.bpmn",
    "processes/periodic-report-schedule.bpmn",
    "processes/forms/start-report.form",
    "processes/forms/edit-report.form",
    "processes/forms/approve-report.form"})
class PeriodicReportProcessTest {

  @RegisterExtension static ProcessEngineCoverageExtension engine = ProcessTests.engine();

  static final long REPORT_ID = 7;
  Reports reports = mock(Reports.class);
  ReportProcess process = mock(ReportProcess.class);
  Report report;

  /** Stands in for ${reportSchedule}: the defaults of application.yaml. */
  public static class Schedule {
    public String cron() {
      return "0 0 9 5 1,4,7,10 ?";
    }
  }

  @BeforeEach
  void setUp() {
    setClock(LocalDateTime.of(2026, 6, 30, 10, 0));
    when(reports.create(any(), anyString(), anyString())).thenAnswer(call -> {
      ReportPeriod p = call.getArgument(0);
      report = new Report(p.kind(), p.name(), "{}", call.getArgument(1), call.getArgument(2), Time.now());
      ReflectionTestUtils.setField(report, "id", REPORT_ID);
      return report;
    });
    when(reports.regenerate(REPORT_ID)).thenAnswer(call -> report);
    when(reports.report(REPORT_ID)).thenAnswer(call -> report);
    when(reports.publish(eq(REPORT_ID), any())).thenAnswer(call -> {
      report.publish(2026, 49, call.getArgument(1), Time.now());
      return report;
    });
    when(reports.decide(eq(REPORT_ID), any(Boolean.class), any(), anyString())).thenAnswer(call -> {
      if (call.getArgument(1)) {
        report.approve(call.getArgument(2), call.getArgument(3), Time.now());
      } else {
        report.returnToOffice(call.getArgument(2), call.getArgument(3), Time.now());
      }
      return report;
    });
    when(reports.content(any())).thenAnswer(call -> content(report));
    when(process.bound(any())).thenAnswer(call -> java.util.Optional.ofNullable(report).filter(r ->
        r.getProcessInstanceId().equals(org.luoshi.engine.Instances.processInstanceId(call.getArgument(0)))));
    when(process.reportId(any())).thenReturn(REPORT_ID);
    Mocks.register("reportSchedule", new Schedule());
    Mocks.register("reportGeneration", new ReportGeneration(reports, process));
    Mocks.register("editReportListener", new EditReportListener(reports, process));
    Mocks.register("approveReportListener", new ApproveReportListener(reports, process));
    Mocks.register("reportPublication", new ReportPublication(reports, process));
    Mocks.register("reportWithdrawal", new ReportWithdrawal(reports, process));
    Mocks.register("quarterlyReportStart", new QuarterlyReportStart(reports));
    Mocks.register("halfYearCircularStart", new HalfYearCircularStart(reports));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
    identity().clearAuthentication();
  }

  // paths -----------------------------------------------------------------------------------------

  @Test
  void aReportCancelledBeforePublicationIsWithdrawn() {
    ProcessInstance pi = startAsOffice("QUARTERLY_INSPECTION", "2026-Q2");
    assertThat(pi).isWaitingAt("editReport");
    runtimeService().deleteProcessInstance(pi.getId(), "督查室取消");
    assertThat(pi).isEnded();
    verify(reports).withdrawUnpublished(REPORT_ID);
  }


  @Test
  void anApprovedReportIsPublished() {
    ProcessInstance pi = startAsOffice("QUARTERLY_INSPECTION", "2026-Q2");
    verify(reports).create(ReportPeriod.parse("QUARTERLY_INSPECTION", "2026-Q2"), "office1", pi.getId());
    assertThat(pi).isWaitingAt("editReport");
    assertThat(pi).hasBusinessKey("BG-7");
    assertThat(taskOf("editReport", pi)).hasCandidateGroup("supervision-office");
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "title")).isEqualTo("2026年第二季度督查报告");
    Assertions.assertThat((String) runtimeService().getVariable(pi.getId(), "summary")).contains("下发责任清单事项 3 件");

    complete(taskOf("editReport", pi), withVariables("foreword", "各单位要对标对表", "regenerate", false));
    verify(reports).submit(eq(REPORT_ID), eq("各单位要对标对表"), anyString());
    assertThat(pi).isWaitingAt("approveReport");
    assertThat(taskOf("approveReport", pi)).hasCandidateGroup("principal-leaders");

    identity().setAuthentication("principal1", List.of("principal-leaders"));
    complete(taskOf("approveReport", pi), withVariables("approved", true));
    verify(reports).decide(REPORT_ID, true, null, "principal1");
    assertThat(pi).isWaitingAt("publishReport");
    verify(reports, never()).publish(any(Long.class), any());

    managementService().executeJob(asyncJob(pi).getId());
    verify(reports).publish(REPORT_ID, "principal1");
    assertThat(pi).isEnded().hasPassed("generateReport", "editReport", "approveReport", "publishReport",
        "reportPublished");
    assertThat(pi).variables().containsEntry("issueNumber", 49);
  }

  @Test
  void aReturnedReportGoesBackToTheOfficeWithTheCommentAndMayBeRegenerated() {
    ProcessInstance pi = startAsOffice("HALF_YEAR_CIRCULAR", "2026-H1");
    complete(taskOf("editReport", pi), withVariables("foreword", "初稿按语"));

    complete(taskOf("approveReport", pi), withVariables("approved", false, "approvalComment", "请补充逾期原因分析"));
    verify(reports).decide(eq(REPORT_ID), eq(false), eq("请补充逾期原因分析"), anyString());
    assertThat(pi).isWaitingAt("editReport");
    assertThat(pi).variables().containsEntry("approvalComment", "请补充逾期原因分析").containsEntry("approved", false);

    complete(taskOf("editReport", pi), withVariables("regenerate", true));
    verify(reports, never()).submit(eq(REPORT_ID), eq(null), anyString());
    assertThat(pi).isWaitingAt("regenerateReport");
    managementService().executeJob(asyncJob(pi).getId());
    verify(reports).regenerate(REPORT_ID);
    assertThat(pi).isWaitingAt("editReport");
    assertThat(pi).variables().containsEntry("regenerate", false);

    complete(taskOf("editReport", pi), withVariables("foreword", "修改后的按语", "regenerate", false));
    verify(reports).submit(eq(REPORT_ID), eq("修改后的按语"), anyString());
    assertThat(pi).variables().doesNotContainKey("approved");
    complete(taskOf("approveReport", pi), withVariables("approved", true));
    managementService().executeJob(asyncJob(pi).getId());
    assertThat(pi).isEnded().hasPassed("regenerateReport", "publishReport", "reportPublished");
  }

  @Test
  void afterTheSecondQuarterTheScheduleStartsTheQuarterlyReportAndTheHalfYearCircular() {
    Job timer = scheduleTimer();
    Assertions.assertThat(timer.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-07-05T01:00:00Z"))); // 09:00 Beijing
    ClockUtil.setCurrentTime(timer.getDuedate());
    managementService().executeJob(timer.getId());

    verify(reports).create(eq(ReportPeriod.parse("QUARTERLY_INSPECTION", "2026-Q2")), eq("system"), anyString());
    verify(reports).create(eq(ReportPeriod.parse("HALF_YEAR_CIRCULAR", "2026-H1")), eq("system"), anyString());
    Assertions.assertThat(taskQuery().taskDefinitionKey("editReport").count()).isEqualTo(2);
    var schedule = historicInstance();
    Assertions.assertThat(schedule.getEndActivityId()).isEqualTo("reportsStarted");
    Assertions.assertThat(scheduleTimer().getDuedate()).as("the next quarter")
        .isEqualTo(Date.from(Instant.parse("2026-10-05T01:00:00Z")));
  }

  @Test
  void afterTheThirdQuarterOnlyTheQuarterlyReportStarts() {
    setClock(LocalDateTime.of(2026, 10, 5, 9, 0));
    managementService().executeJob(scheduleTimer().getId());

    verify(reports).create(eq(ReportPeriod.parse("QUARTERLY_INSPECTION", "2026-Q3")), eq("system"), anyString());
    verify(reports, never()).create(eq(ReportPeriod.parse("HALF_YEAR_CIRCULAR", "2026-H1")), any(), any());
    ProcessInstance pi = runtimeService().createProcessInstanceQuery().processDefinitionKey("periodic-report")
        .singleResult();
    assertThat(pi).isWaitingAt("editReport").hasPassed("reportRequested", "generateReport");
    Assertions.assertThat(historicInstance().getEndActivityId()).isEqualTo("quarterlyReportStarted");
  }

  @Test
  void theScheduleStartsNoSecondReportOfAPeriodTheOfficeReportedAlready() {
    when(reports.exists(ReportPeriod.parse("QUARTERLY_INSPECTION", "2026-Q2"))).thenReturn(true);
    Job timer = scheduleTimer();
    ClockUtil.setCurrentTime(timer.getDuedate());
    managementService().executeJob(timer.getId());

    verify(reports, never()).create(eq(ReportPeriod.parse("QUARTERLY_INSPECTION", "2026-Q2")), any(), any());
    verify(reports).create(eq(ReportPeriod.parse("HALF_YEAR_CIRCULAR", "2026-H1")), eq("system"), anyString());
  }

  @Test
  void onlyTheOfficeStartsAReport() {
    identity().setAuthentication("t1a", List.of("unit-T1"));
    Assertions.assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("periodic-report",
            Variables.createVariables().putValue("kind", "QUARTERLY_INSPECTION").putValue("period", "2026-Q2")))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("只有督查室");
    verify(reports, never()).create(any(), anyString(), anyString());
  }

  @Test
  void aBadPeriodFailsTheStart() {
    identity().setAuthentication("office1", List.of("supervision-office"));
    Assertions.assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("periodic-report",
            Variables.createVariables().putValue("kind", "QUARTERLY_INSPECTION").putValue("period", "2026-H1")))
        .isInstanceOf(DomainException.class)
        .satisfies(e -> Assertions.assertThat(((DomainException) e).field()).isEqualTo("period"));
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  // fixtures --------------------------------------------------------------------------------------

  private ProcessInstance startAsOffice(String kind, String period) {
    identity().setAuthentication("office1", List.of("supervision-office"));
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("periodic-report",
        Variables.createVariables().putValue("kind", kind).putValue("period", period));
    identity().clearAuthentication();
    return pi;
  }

  private static ReportContent content(Report r) {
    ReportPeriod p = ReportPeriod.parse(r.getKind().name(), r.getPeriod());
    return new ReportContent(p.kind(), p.kind().label(), p.name(), p.period().label(), p.title(),
        p.from().toString(), p.to().minusDays(1).toString(), "2026-07-05T09:00+08:00",
        new ReportContent.Figures(3, 1, 1, 1, 0, 0, 1, null), List.of(), List.of(), List.of(), List.of(),
        new ReportContent.InterviewFigures(0, 0, 0, List.of()), null);
  }

  private static Task taskOf(String key, ProcessInstance pi) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  private static Job asyncJob(ProcessInstance pi) {
    return jobQuery().processInstanceId(pi.getId()).messages().singleResult();
  }

  private static Job scheduleTimer() {
    return jobQuery().processDefinitionKey("periodic-report-schedule").timers().singleResult();
  }

  private static org.camunda.bpm.engine.history.HistoricProcessInstance historicInstance() {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
        .createHistoricProcessInstanceQuery().processDefinitionKey("periodic-report-schedule").singleResult();
  }

  private static IdentityService identity() {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine().getIdentityService();
  }

  private static void setClock(LocalDateTime beijing) {
    ClockUtil.setCurrentTime(Date.from(beijing.atZone(Time.ZONE).toInstant()));
  }
}
