package org.luoshi.assessment;

import static org.luoshi.assessment.AssessmentVariables.*;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.luoshi.engine.Actors;
import org.luoshi.engine.Vars;
import org.springframework.stereotype.Component;

/**
 * 审理申诉 completed (BPMN: {@code ${decideAppealListener}}): the appeal is rejected, or upheld with
 * a better grade (consequences that no longer apply are withdrawn, as DMN
 * {@code assessment-consequence} says for the new grade).
 */
@Component("decideAppealListener")
class DecideAppealListener implements TaskListener {

  private final AssessmentProcess process;

  private final AssessmentAppeals service;

  DecideAppealListener(AssessmentAppeals service, AssessmentProcess process) {
    this.process = process;
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    Vars vars = Vars.of(task);
    DecisionService decisions = task.getProcessEngineServices().getDecisionService();
    service.decideAppeal(process.appealId(task), vars.enumValue(APPEAL_DECISION, AppealDecision.class),
        vars.enumValue(NEW_GRADE, Grade.class), vars.text(DECISION_COMMENT), Actors.of(task),
        r -> AssessmentRules.consequences(decisions, r.getSubjectType(), r.getGrade()));
  }
}
