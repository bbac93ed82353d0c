package org.luoshi.item;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.luoshi.engine.Vars;
import org.springframework.stereotype.Component;

/** acceptItem completed (BPMN: ${acceptItemListener}): accepted → IN_PROGRESS, else RETURNED with a reason. */
@Component("acceptItemListener")
class AcceptItemListener implements TaskListener {

  private final ItemSteps items;
  private final ItemProcess process;

  AcceptItemListener(ItemSteps items, ItemProcess process) {
    this.items = items;
    this.process = process;
  }

  @Override
  public void notify(DelegateTask task) {
    Vars v = Vars.of(task);
    boolean accepted = v.requiredBool("accepted", "是否签收");
    String reason = v.text("returnReason");
    Item item = items.accept(process.code(task), accepted, reason, process.actor(task));
    ItemProcess.setIfChanged(task, "accepted", accepted);
    if (!accepted) {
      task.setVariable("lastReturnReason", reason);
    }
    process.refresh(task.getExecution(), item);
  }
}
