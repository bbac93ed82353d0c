package org.luoshi.supervision;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.luoshi.identity.Groups;

/** Who is acting in a delegate: the engine's current authentication (Tasklist, REST). */
final class Actors {

  private Actors() {}

  static Authentication authentication(DelegateExecution execution) {
    return execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
  }

  /** The person completing a task: the caller, else the task's assignee. */
  static String of(DelegateTask task) {
    return org.luoshi.engine.Actors.of(task);
  }

  /** Whether an authenticated caller may start supervisions: the office or an administrator. */
  static boolean mayStart(Authentication a) {
    List<String> groups = a.getGroupIds() == null ? List.of() : a.getGroupIds();
    return groups.contains(Groups.SUPERVISION_OFFICE) || groups.contains(Groups.ADMIN);
  }
}
