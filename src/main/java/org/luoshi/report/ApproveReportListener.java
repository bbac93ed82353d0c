package org.luoshi.report;

import static org.luoshi.report.ReportVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.luoshi.engine.Actors;
import org.luoshi.engine.Vars;
import org.springframework.stereotype.Component;

/**
 * approveReport completed (BPMN: {@code ${approveReportListener}}): a principal leader approves
 * the report, or returns it to the office with a comment, which is then required.
 */
@Component("approveReportListener")
class ApproveReportListener implements TaskListener {

  private final ReportProcess process;

  private final Reports reports;

  ApproveReportListener(Reports reports, ReportProcess process) {
    this.process = process;
    this.reports = reports;
  }

  @Override
  public void notify(DelegateTask task) {
    Vars vars = Vars.of(task);
    boolean approved = vars.requiredBool(APPROVED, "审批结果");
    reports.decide(process.reportId(task), approved, vars.text(APPROVAL_COMMENT), Actors.of(task));
    task.setVariable(APPROVED, approved);
  }
}
