package org.luoshi.report;

import static org.luoshi.report.ReportVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.luoshi.engine.Actors;
import org.luoshi.engine.Vars;
import org.luoshi.common.DomainException;
import org.luoshi.identity.AccessPolicy;
import org.springframework.stereotype.Component;

/**
 * Generates the draft of a report from the data of its period (BPMN: {@code ${reportGeneration}}):
 * at the start, in the starter's transaction, so a bad kind or period or a second report of the
 * same period fails the start; later, when the office asks for it, again from today's data. Gives
 * the forms the title, the key figures and the link.
 */
@Component("reportGeneration")
class ReportGeneration implements JavaDelegate {

  private final ReportProcess process;

  private final Reports reports;

  ReportGeneration(Reports reports, ReportProcess process) {
    this.process = process;
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Vars vars = Vars.of(execution);
    Report report;
    var bound = process.bound(execution);
    if (bound.isPresent()) {
      report = reports.regenerate(bound.get().getId());
    } else {
      var authentication = Actors.authentication(execution);
      if (authentication != null && !AccessPolicy.isOfficeOrAdmin(authentication.getGroupIds())) {
        throw DomainException.forbidden("只有督查室可以生成季度督查报告和半年通报");
      }
      String by = authentication != null ? authentication.getUserId()
          : vars.text(STARTER) != null ? vars.text(STARTER) : Actors.SYSTEM;
      report = reports.create(ReportPeriod.parse(vars.text(KIND), vars.text(PERIOD)), by,
          execution.getProcessInstanceId());
      String businessKey = execution.getProcessBusinessKey();
      if (businessKey != null && !businessKey.equals(ReportProcess.businessKey(report))) {
        throw DomainException.invalid("businessKey", "业务编号由系统生成，请留空");
      }
      execution.setProcessBusinessKey(ReportProcess.businessKey(report));
      execution.setVariable(REPORT_ID, report.getId());
    }
    ReportContent content = reports.content(report);
    execution.setVariable(KIND, report.getKind().name());
    execution.setVariable(PERIOD, report.getPeriod());
    execution.setVariable(KIND_NAME, content.kindLabel());
    execution.setVariable(TITLE, content.title());
    execution.setVariable(SUMMARY, ReportText.summary(content));
    execution.setVariable(REPORT_LINK, Reports.link(report));
    execution.setVariable(REGENERATE, false);
  }
}
