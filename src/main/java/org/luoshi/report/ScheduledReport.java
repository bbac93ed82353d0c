package org.luoshi.report;

import static org.luoshi.report.ReportVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.luoshi.engine.Actors;
import org.luoshi.engine.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedule starts a {@code periodic-report} for the last complete quarter or half-year before
 * today (Asia/Shanghai), unless the office has made one of that period already.
 */
abstract class ScheduledReport implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ScheduledReport.class);
  private final Reports reports;
  private final ReportKind kind;

  ScheduledReport(Reports reports, ReportKind kind) {
    this.reports = reports;
    this.kind = kind;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReportPeriod period = ReportPeriod.previous(kind, Time.today());
    execution.setVariable(kind == ReportKind.QUARTERLY_INSPECTION ? "quarter" : "halfYear", period.name());
    if (reports.exists(period)) {
      LOG.info("{} of {} exists already: not started again", kind, period.name());
    } else {
      execution.getProcessEngineServices().getRuntimeService().createProcessInstanceByKey(PROCESS_KEY)
          .setVariable(KIND, kind.name())
          .setVariable(PERIOD, period.name())
          .setVariable(STARTER, Actors.SYSTEM)
          .execute();
    }
    after(execution, period);
  }

  /** What else the schedule needs to know of the period. */
  void after(DelegateExecution execution, ReportPeriod period) {}
}
