package org.luoshi.assessment;

import static org.luoshi.assessment.AssessmentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.luoshi.engine.Actors;
import org.luoshi.engine.Vars;
import org.luoshi.identity.AccessPolicy;
import org.luoshi.scoring.Period;
import org.luoshi.common.DomainException;
import org.springframework.stereotype.Component;

/**
 * Registers a started assessment (BPMN: {@code ${assessmentRegistration}}, right after the start, in
 * the starter's transaction so a bad period or a second running assessment of the period fails the
 * start): only the office starts assessments.
 */
@Component("assessmentRegistration")
class AssessmentRegistration implements JavaDelegate {

  private final Assessments service;

  AssessmentRegistration(Assessments service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Authentication authentication = Actors.authentication(execution);
    if (authentication != null && !AccessPolicy.isOfficeOrAdmin(authentication.getGroupIds())) {
      throw DomainException.forbidden("只有督查室可以发起考核");
    }
    Vars vars = Vars.of(execution);
    String startedBy = authentication != null ? authentication.getUserId() : vars.text(STARTER);
    Assessment a = service.register(vars.text(PERIOD), startedBy, execution.getProcessInstanceId());
    String label = Period.parse(a.getPeriod(), PERIOD).label();
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey != null && !businessKey.equals(AssessmentProcess.businessKey(a))) {
      throw DomainException.invalid("businessKey", "业务编号由系统生成，请留空");
    }
    execution.setProcessBusinessKey(AssessmentProcess.businessKey(a));
    execution.setVariable(PERIOD, a.getPeriod());
    execution.setVariable(ASSESSMENT_ID, a.getId());
    execution.setVariable(PERIOD_LABEL, label);
    execution.setVariable(TITLE, label + "考核");
  }
}
