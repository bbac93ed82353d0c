package org.luoshi.tasklist;

import java.util.List;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.luoshi.identity.Groups;

/**
 * Functions Tasklist's filter queries may use besides Camunda's {@code currentUser()} and
 * {@code currentUserGroups()} (registered by {@link TasklistEnginePlugin}).
 */
public final class TasklistFunctions {

  /** {@code ${currentUserUnitGroups()}}: the caller's unit groups ({@code unit-*}), not the posts. */
  public static final String CURRENT_USER_UNIT_GROUPS = "currentUserUnitGroups";

  /**
   * A group id no unit can have (group ids cannot be empty after the prefix): a candidate-group
   * list must not be empty, and someone in no unit has no unit tasks.
   */
  static final String NO_UNIT = Groups.UNIT_PREFIX;

  private TasklistFunctions() {}

  public static List<String> currentUserUnitGroups() {
    CommandContext context = Context.getCommandContext();
    List<String> groups = context == null ? null : context.getAuthenticatedGroupIds();
    List<String> units = groups == null ? List.of()
        : groups.stream().filter(g -> Groups.unitCode(g) != null).toList();
    return units.isEmpty() ? List.of(NO_UNIT) : units;
  }
}
