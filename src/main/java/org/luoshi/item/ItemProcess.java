package org.luoshi.item;

import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.luoshi.engine.Actors;
import org.luoshi.engine.Instances;
import org.springframework.stereotype.Component;

/**
 * What the item's delegates share: who acts, and keeping the process variables in step with the
 * item (only changed values are written, so a completion costs few extra statements).
 */
@Component
class ItemProcess {

  private final Items items;

  ItemProcess(Items items) {
    this.items = items;
  }

  /** The person completing a task: the logged-in user, else the assignee, else "system". */
  String actor(DelegateTask task) {
    return Actors.of(task);
  }

  /** The person behind the current engine call, or "system". */
  String actor() {
    String user = Actors.currentUser();
    return user != null ? user : Actors.SYSTEM;
  }

  /** Writes the item's variables that differ from what the instance holds. */
  void refresh(VariableScope scope, Item item) {
    Map<String, Object> wanted = items.processVariables(item);
    Map<String, Object> current = scope.getVariables();
    wanted.forEach((name, value) -> {
      Object now = current.get(name);
      Object cmp = value instanceof TypedValue t ? t.getValue() : value;
      if (!current.containsKey(name) || !same(now, cmp)) {
        scope.setVariable(name, value);
      }
    });
  }

  /**
   * Sets a variable unless it already holds this very value (same type, equal): an unchanged
   * variable written again would still cost an update of the variable, of its history row and a
   * history detail.
   */
  static void setIfChanged(VariableScope scope, String name, Object value) {
    if (value != null && scope.hasVariable(name) && value.equals(scope.getVariable(name))) {
      return;
    }
    scope.setVariable(name, value);
  }

  private static boolean same(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    // Json values compare by their text
    return Objects.equals(a.toString(), b.toString());
  }

  /**
   * The item this task or execution works on: the one bound to its process instance at start (never
   * a variable, which whoever works a task could have written); its code is the instance's business key.
   */
  Item item(VariableScope scope) {
    Item item = items.boundTo(Instances.processInstanceId(scope));
    Instances.checkBusinessKey(scope, item.getCode());
    return item;
  }

  /** The code of {@link #item}. */
  String code(VariableScope scope) {
    return item(scope).getCode();
  }
}
