package org.luoshi.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Where a delegate or listener runs: its process instance (to which a domain record is bound once,
 * at start) and the executions above it (to which a record of one part of the instance — one
 * problem of a supervision, one appeal of an assessment — is bound when that part starts). Never a
 * variable: whoever works a task could have written that.
 */
public final class Instances {

  private Instances() {}

  public static String processInstanceId(VariableScope scope) {
    if (scope instanceof DelegateTask task) {
      return task.getProcessInstanceId();
    }
    if (scope instanceof DelegateExecution execution) {
      return execution.getProcessInstanceId();
    }
    throw new IllegalStateException("Not a task or execution: " + scope);
  }

  public static String businessKey(VariableScope scope) {
    DelegateExecution execution = execution(scope);
    return execution == null ? null : execution.getProcessBusinessKey();
  }

  /** The ids of the execution the scope runs in and of all executions above it, nearest first. */
  public static List<String> executionIdsUpward(VariableScope scope) {
    List<String> ids = new ArrayList<>();
    DelegateExecution execution = execution(scope);
    for (ExecutionEntity e = (ExecutionEntity) execution; e != null; e = e.getParent()) {
      ids.add(e.getId());
    }
    return ids;
  }

  /**
   * The nearest execution at or above the scope that holds a local variable of that name, with its
   * value: how instances started before records were bound to executions are bound on first use.
   */
  public static java.util.Optional<java.util.Map.Entry<String, Object>> nearestLocal(VariableScope scope, String name) {
    for (ExecutionEntity e = (ExecutionEntity) execution(scope); e != null; e = e.getParent()) {
      if (e.hasVariableLocal(name)) {
        return java.util.Optional.of(java.util.Map.entry(e.getId(), e.getVariableLocal(name)));
      }
    }
    return java.util.Optional.empty();
  }

  /** Fails when a record's own key and the instance's business key disagree (a record bound elsewhere). */
  public static void checkBusinessKey(VariableScope scope, String recordKey) {
    String businessKey = businessKey(scope);
    if (businessKey != null && !businessKey.equals(recordKey)) {
      throw new IllegalStateException("Process instance " + processInstanceId(scope) + " has business key "
          + businessKey + " but is bound to record " + recordKey);
    }
  }

  /**
   * Whether the execution's process instance was created by the command now running (not yet written to the
   * database): then nothing else can refer to it yet, e.g. no authorization names it.
   */
  public static boolean startedInThisCommand(DelegateExecution execution) {
    if (!(execution.getProcessInstance() instanceof ExecutionEntity instance) || Context.getCommandContext() == null) {
      return false;
    }
    CachedDbEntity cached = Context.getCommandContext().getDbEntityManager().getDbEntityCache().getCachedEntity(instance);
    return cached != null && cached.getEntityState() == DbEntityState.TRANSIENT;
  }

  private static DelegateExecution execution(VariableScope scope) {
    if (scope instanceof DelegateTask task) {
      return task.getExecution();
    }
    return scope instanceof DelegateExecution e ? e : null;
  }
}
