package org.luoshi.assessment;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.luoshi.engine.Instances;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which assessment and which appeal a delegate or listener works on: the assessment bound to its
 * process instance at registration, and the appeal bound to its instance of 审理申诉 when the appeal
 * arrived ({@link AppealBinding}). Never a variable a task worker could write.
 */
@Component
class AssessmentProcess {

  private final AssessmentRepository assessments;
  private final AppealRepository appeals;

  AssessmentProcess(AssessmentRepository assessments, AppealRepository appeals) {
    this.assessments = assessments;
    this.appeals = appeals;
  }

  /** The assessment of this instance, if one was registered (not when the start was refused). */
  @Transactional(readOnly = true)
  Optional<Assessment> bound(VariableScope scope) {
    Optional<Assessment> a = assessments.findByProcessInstanceId(Instances.processInstanceId(scope));
    a.ifPresent(x -> Instances.checkBusinessKey(scope, businessKey(x)));
    return a;
  }

  long assessmentId(VariableScope scope) {
    return bound(scope).orElseThrow(() -> new IllegalStateException(
        "No assessment is bound to process instance " + Instances.processInstanceId(scope))).getId();
  }

  /**
   * The appeal whose 审理申诉 this task or execution runs in. An appeal filed before appeals were
   * bound (an upgraded database) is bound here, once, from the scope the filing put it into.
   */
  @Transactional
  long appealId(VariableScope scope) {
    long assessmentId = assessmentId(scope);
    List<String> executions = Instances.executionIdsUpward(scope);
    return appeals.findByAssessmentIdAndExecutionIdIn(assessmentId, executions).stream().findFirst()
        .or(() -> Instances.nearestLocal(scope, AssessmentVariables.APPEAL_ID)
            .flatMap(e -> appeals.findById(((Number) e.getValue()).longValue())
                .filter(x -> x.getAssessmentId() == assessmentId && x.getExecutionId() == null)
                .map(x -> {
                  x.bindTo(e.getKey());
                  return x;
                })))
        .orElseThrow(() -> new IllegalStateException("No appeal of assessment " + assessmentId
            + " is bound to executions " + executions))
        .getId();
  }

  static String businessKey(Assessment a) {
    return "KH-" + a.getPeriod() + "-" + a.getId();
  }
}
