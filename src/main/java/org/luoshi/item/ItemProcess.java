package org.luoshi.item;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.luoshi.engine.Actors;
import org.luoshi.engine.Instances;
import org.luoshi.engine.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * What the item's delegates share: who acts, and keeping the process variables in step with the
 * item (only changed values are written, so a completion costs few extra statements).
 */
@Component
class ItemProcess {

  private final Items items;
  private final JsonVariables json;

  ItemProcess(Items items, JsonVariables json) {
    this.items = items;
    this.json = json;
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

  /**
   * Writes the item's variables that differ from what the instance holds. Only those variables are
   * read, and a Json one by its text ({@link JsonVariables}: not read again while this node knows its
   * revision). Whatever a task worker wrote into one of them in this completion is in memory and
   * compared as it is, so a value that is not the item's is overwritten (DESIGN.md §3).
   */
  void refresh(VariableScope scope, Item item) {
    items.processVariables(item).forEach((name, value) -> {
      if (!holds(scope, name, value)) {
        scope.setVariable(name, value);
        if (value instanceof JsonValue) {
          json.wrote(scope, name);
        }
      }
    });
  }

  private boolean holds(VariableScope scope, String name, Object value) {
    if (value instanceof JsonValue j && j.getValueSerialized() != null) {
      return json.holds(scope, name, j.getValueSerialized());
    }
    return scope.hasVariable(name) && same(scope.getVariable(name), value instanceof TypedValue t ? t.getValue() : value);
  }

  /**
   * Sets a variable unless it already holds this very value (equal; a number of the same value, whatever
   * its type, as a form sent it; a yes/no as the text {@code "true"} or {@code "false"} that the forms'
   * radio buttons send, which every gateway condition reads as the yes/no it is): an unchanged variable
   * written again would still cost an update of the variable, of its history row and a history detail.
   */
  static void setIfChanged(VariableScope scope, String name, Object value) {
    if (value != null && scope.hasVariable(name)) {
      Object now = scope.getVariable(name);
      if (value.equals(now) || value instanceof Number && now instanceof Number && same(now, value)
          || value instanceof Boolean b && now instanceof String s && s.equals(b.toString())) {
        return;
      }
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
