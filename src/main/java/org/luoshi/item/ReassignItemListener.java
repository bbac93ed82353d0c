package org.luoshi.item;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.luoshi.engine.Vars;
import org.luoshi.identity.AccessPolicy;
import org.luoshi.identity.Groups;
import org.springframework.stereotype.Component;

/** reassignItem completed (BPMN: ${reassignItemListener}): to a new unit (ISSUED again) or CANCELLED. */
@Component("reassignItemListener")
class ReassignItemListener implements TaskListener {

  private final ItemSteps items;
  private final ItemProcess process;
  private final AccessPolicy access;

  ReassignItemListener(ItemSteps items, ItemProcess process, AccessPolicy access) {
    this.items = items;
    this.process = process;
    this.access = access;
  }

  @Override
  public void notify(DelegateTask task) {
    Vars v = Vars.of(task);
    Boolean cancelled = v.bool("cancelled");
    boolean cancel = cancelled != null && cancelled;
    Item item = items.reassign(process.code(task), cancel, v.text("unitCode"), v.text("cancelReason"),
        process.actor(task));
    task.setVariable("cancelled", cancel);
    if (!cancel) {
      access.grantInstanceToGroup(Groups.unit(item.getUnitCode()), task.getProcessInstanceId());
      if (task.getExecution().hasVariable("responsiblePerson")) {
        task.getExecution().removeVariable("responsiblePerson");
        task.getExecution().removeVariable("responsiblePersonName");
      }
    }
    process.refresh(task.getExecution(), item);
  }
}
