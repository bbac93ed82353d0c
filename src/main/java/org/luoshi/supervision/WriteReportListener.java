package org.luoshi.supervision;

import static org.luoshi.supervision.SupervisionVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.luoshi.engine.Vars;
import org.springframework.stereotype.Component;

/**
 * 撰写督查报告 completed (BPMN: {@code ${writeReportListener}}): the report is stored, each problem
 * becomes a ledger line, and the process gets the problem ids to chase one by one.
 */
@Component("writeReportListener")
class WriteReportListener implements TaskListener {

  private final SupervisionProcess process;

  private final Supervisions service;

  WriteReportListener(Supervisions service, SupervisionProcess process) {
    this.process = process;
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    Vars vars = Vars.of(task);
    String report = vars.requiredText(REPORT, "督查报告");
    List<Problem> problems = service.recordReport(process.supervisionId(task), report, vars.objectList(PROBLEMS));
    List<Long> ids = problems.stream().map(Problem::getId).toList();
    task.getExecution().setVariable(PROBLEM_IDS, idList(ids));
    task.getExecution().setVariable(PROBLEM_COUNT, ids.size());
  }
}
