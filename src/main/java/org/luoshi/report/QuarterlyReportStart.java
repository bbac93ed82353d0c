package org.luoshi.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Starts the report of the last quarter (BPMN: {@code ${quarterlyReportStart}}) and tells the
 * schedule whether a half-year ended with it ({@code halfYearEnded}: after the second and fourth).
 */
@Component("quarterlyReportStart")
class QuarterlyReportStart extends ScheduledReport {

  QuarterlyReportStart(Reports reports) {
    super(reports, ReportKind.QUARTERLY_INSPECTION);
  }

  @Override
  void after(DelegateExecution execution, ReportPeriod period) {
    execution.setVariable("halfYearEnded", period.to().getMonthValue() == 7 || period.to().getMonthValue() == 1);
  }
}
