package org.luoshi.report;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Publishes the approved report (BPMN: {@code ${reportPublication}}): the issue number of the
 * year, and a notice with the link to every unit, the leaders and the principal leaders.
 */
@Component("reportPublication")
class ReportPublication implements JavaDelegate {

  private final ReportProcess process;

  private final Reports reports;

  ReportPublication(Reports reports, ReportProcess process) {
    this.process = process;
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = process.reportId(execution);
    Report report = reports.report(id);
    Report published = reports.publish(id, report.getApprovedBy());
    execution.setVariable("issueNumber", published.getIssueNumber());
  }
}
