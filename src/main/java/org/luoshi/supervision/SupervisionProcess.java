package org.luoshi.supervision;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.luoshi.engine.Instances;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which supervision and which problem a delegate or listener works on: the supervision bound to the
 * process instance when it was registered, and the problem bound to its instance of the problem
 * subprocess when that instance started. Never a variable, which whoever works a task could write.
 */
@Component
class SupervisionProcess {

  private final SupervisionRepository supervisions;
  private final ProblemRepository problems;

  SupervisionProcess(SupervisionRepository supervisions, ProblemRepository problems) {
    this.supervisions = supervisions;
    this.problems = problems;
  }

  @Transactional(readOnly = true)
  Supervision supervision(VariableScope scope) {
    String processInstanceId = Instances.processInstanceId(scope);
    Supervision s = supervisions.findByProcessInstanceId(processInstanceId).orElseThrow(() ->
        new IllegalStateException("No supervision is bound to process instance " + processInstanceId));
    Instances.checkBusinessKey(scope, businessKey(s));
    return s;
  }

  long supervisionId(VariableScope scope) {
    return supervision(scope).getId();
  }

  /**
   * The problem subprocess instance starts (BPMN: start listener of problemRectification): the
   * problem the engine hands this instance — the element of the collection the report's listener
   * set, held by the instance's execution — is bound to that execution, once, if it is a problem of
   * this instance's supervision.
   */
  @Transactional
  Problem bindProblem(DelegateExecution execution) {
    Supervision s = supervision(execution);
    var element = Instances.nearestLocal(execution, SupervisionVariables.PROBLEM_ID).orElseThrow(() ->
        new IllegalStateException("The problem subprocess runs without its element " + SupervisionVariables.PROBLEM_ID));
    long problemId = ((Number) element.getValue()).longValue();
    Problem p = problems.findById(problemId).filter(x -> x.getSupervision().getId().equals(s.getId()))
        .orElseThrow(() -> new IllegalStateException("Problem " + problemId + " is not one of supervision " + s.getId()));
    if (p.getExecutionId() != null && !p.getExecutionId().equals(element.getKey())) {
      throw new IllegalStateException("Problem " + problemId + " is already bound to execution " + p.getExecutionId());
    }
    p.bindTo(element.getKey());
    return p;
  }

  /**
   * The problem whose subprocess instance this task or execution runs in. An instance started before
   * problems were bound (an upgraded database) binds its problem here, once, from the element the
   * engine gave it.
   */
  @Transactional
  long problemId(VariableScope scope) {
    Supervision s = supervision(scope);
    List<String> executions = Instances.executionIdsUpward(scope);
    return problems.findBySupervisionIdAndExecutionIdIn(s.getId(), executions).stream().findFirst()
        .or(() -> Instances.nearestLocal(scope, SupervisionVariables.PROBLEM_ID)
            .flatMap(e -> problems.findById(((Number) e.getValue()).longValue())
                .filter(p -> p.getSupervision().getId().equals(s.getId()) && p.getExecutionId() == null)
                .map(p -> {
                  p.bindTo(e.getKey());
                  return p;
                })))
        .orElseThrow(() -> new IllegalStateException("No problem of supervision " + s.getId()
            + " is bound to executions " + executions))
        .getId();
  }

  static String businessKey(Supervision s) {
    return "DC-" + s.getId();
  }
}
