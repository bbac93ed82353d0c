package org.luoshi.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who is acting inside the engine, the one place every capability asks: the person logged in
 * (Tasklist, REST), else a task's assignee, else {@link #SYSTEM} for what the engine does on its
 * own (timers, async jobs).
 */
public final class Actors {

  /** The actor of work nobody in particular did: timers, async jobs, start-up. */
  public static final String SYSTEM = "system";

  private Actors() {}

  /** The person completing or handling a task. */
  public static String of(DelegateTask task) {
    return orAssignee(task.getAssignee());
  }

  /** The logged-in user, else the given assignee, else {@link #SYSTEM}. */
  public static String orAssignee(String assignee) {
    String user = currentUser();
    if (user != null) {
      return user;
    }
    return assignee != null ? assignee : SYSTEM;
  }

  /** The authenticated user of the current engine command, or null. */
  public static String currentUser() {
    var context = Context.getCommandContext();
    Authentication a = context == null ? null : context.getAuthentication();
    return a == null ? null : a.getUserId();
  }

  /** The caller's authentication in a delegate (null for timers, async jobs and system starts). */
  public static Authentication authentication(DelegateExecution execution) {
    return execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
  }
}
