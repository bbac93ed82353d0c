package org.luoshi.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * At the end of a periodic-report instance (BPMN: process end listener {@code ${reportWithdrawal}}):
 * after publication nothing happens; an instance cancelled before it (Cockpit) takes its draft with
 * it, so that kind and period can be reported again.
 */
@Component("reportWithdrawal")
class ReportWithdrawal implements ExecutionListener {

  private final ReportProcess process;

  private static final Logger LOG = LoggerFactory.getLogger(ReportWithdrawal.class);
  private final Reports reports;

  ReportWithdrawal(Reports reports, ReportProcess process) {
    this.process = process;
    this.reports = reports;
  }

  @Override
  public void notify(DelegateExecution execution) {
    var report = process.bound(execution);
    if (report.isEmpty()) {
      return; // the start was refused before a report existed
    }
    long id = report.get().getId();
    if (reports.withdrawUnpublished(id)) {
      LOG.info("Report {} withdrawn: its process {} ended before publication", id, execution.getProcessInstanceId());
    }
  }
}
