package org.luoshi.report;

import static org.luoshi.report.ReportVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.luoshi.engine.Actors;
import org.luoshi.engine.Vars;
import org.springframework.stereotype.Component;

/**
 * editReport completed (BPMN: {@code ${editReportListener}}): either the office asks for the
 * content to be generated again, or it submits the draft with its foreword to the principal leaders.
 */
@Component("editReportListener")
class EditReportListener implements TaskListener {

  private final ReportProcess process;

  private final Reports reports;

  EditReportListener(Reports reports, ReportProcess process) {
    this.process = process;
    this.reports = reports;
  }

  @Override
  public void notify(DelegateTask task) {
    Vars vars = Vars.of(task);
    boolean regenerate = Boolean.TRUE.equals(vars.bool(REGENERATE));
    task.setVariable(REGENERATE, regenerate);
    if (!regenerate) {
      reports.submit(process.reportId(task), vars.text(FOREWORD), Actors.of(task));
      task.getExecution().removeVariable(APPROVED);
    }
  }
}
