package org.luoshi.report;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.luoshi.engine.Instances;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which report a delegate or listener works on: the one bound to its process instance when the
 * draft was generated, never a variable a task worker could have written.
 */
@Component
class ReportProcess {

  private final ReportRepository reports;

  ReportProcess(ReportRepository reports) {
    this.reports = reports;
  }

  /** The report of this instance, if one was created yet (not when the start was refused). */
  @Transactional(readOnly = true)
  Optional<Report> bound(VariableScope scope) {
    Optional<Report> report = reports.findByProcessInstanceId(Instances.processInstanceId(scope));
    report.ifPresent(r -> Instances.checkBusinessKey(scope, businessKey(r)));
    return report;
  }

  long reportId(VariableScope scope) {
    return bound(scope).orElseThrow(() -> new IllegalStateException(
        "No report is bound to process instance " + Instances.processInstanceId(scope))).getId();
  }

  static String businessKey(Report r) {
    return "BG-" + r.getId();
  }
}
