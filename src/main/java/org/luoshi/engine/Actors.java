package org.luoshi.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who is acting inside the engine: the person logged in (Tasklist, REST), else a task's assignee,
 * else {@link #SYSTEM} for what the engine does on its own (timers, async jobs).
 */
public final class Actors {

  /** The actor of work nobody in particular did: timers, async jobs, start-up. */
  public static final String SYSTEM = "system";

  private Actors() {}

  /** The person completing or handling a task. */
  public static String of(DelegateTask task) {
    String user = currentUser();
    if (user != null) {
      return user;
    }
    return task.getAssignee() != null ? task.getAssignee() : SYSTEM;
  }

  /** The authenticated user of the current engine command, or null. */
  public static String currentUser() {
    var context = Context.getCommandContext();
    Authentication a = context == null ? null : context.getAuthentication();
    return a == null ? null : a.getUserId();
  }
}
