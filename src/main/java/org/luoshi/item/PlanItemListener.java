package org.luoshi.item;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.luoshi.engine.Vars;
import org.springframework.stereotype.Component;

/** planItem completed (BPMN: ${planItemListener}): the responsible person (a member of the unit) and the measures. */
@Component("planItemListener")
class PlanItemListener implements TaskListener {

  private final ItemSteps items;
  private final ItemProcess process;

  PlanItemListener(ItemSteps items, ItemProcess process) {
    this.items = items;
    this.process = process;
  }

  @Override
  public void notify(DelegateTask task) {
    Vars v = Vars.of(task);
    Item item = items.plan(process.code(task), v.text("responsiblePerson"), v.text("measures"),
        process.actor(task));
    process.refresh(task.getExecution(), item);
  }
}
