package org.luoshi.item;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.luoshi.engine.Vars;
import org.springframework.stereotype.Component;

/**
 * approveExtension completed (BPMN: ${approveExtensionListener}): approved moves the deadline (the
 * original kept on record) and marks the item extended; leaving and re-entering 限期落实 re-arms
 * the reminder, overdue and interview timers for the new deadline.
 */
@Component("approveExtensionListener")
class ApproveExtensionListener implements TaskListener {

  private final Items items;

  private final ItemSteps steps;
  private final ItemProcess process;

  ApproveExtensionListener(Items items, ItemSteps steps, ItemProcess process) {
    this.items = items;
    this.steps = steps;
    this.process = process;
  }

  @Override
  public void notify(DelegateTask task) {
    Vars v = Vars.of(task);
    boolean approved = v.requiredBool("approved", "是否同意延期");
    String code = process.code(task);
    steps.decideExtension(code, approved, v.text("comment"), process.actor(task));
    ItemProcess.setIfChanged(task, "approved", approved);
    process.refresh(task.getExecution(), items.byCode(code));
  }
}
