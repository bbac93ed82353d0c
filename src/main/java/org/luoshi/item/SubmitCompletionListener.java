package org.luoshi.item;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.luoshi.engine.Vars;
import org.luoshi.common.DomainException;
import org.springframework.stereotype.Component;

/**
 * submitCompletion completed (BPMN: ${submitCompletionListener}): COMPLETE sends the item into
 * close-out review (CLOSING); EXTEND asks the leader in charge for a new deadline.
 */
@Component("submitCompletionListener")
class SubmitCompletionListener implements TaskListener {

  enum Action { COMPLETE, EXTEND }

  private final ItemSteps items;
  private final ItemProcess process;

  SubmitCompletionListener(ItemSteps items, ItemProcess process) {
    this.items = items;
    this.process = process;
  }

  @Override
  public void notify(DelegateTask task) {
    Vars v = Vars.of(task);
    Action action = v.enumValue("action", Action.class);
    if (action == null) {
      throw DomainException.invalid("action", "请选择报送完成（COMPLETE）或申请延期（EXTEND）");
    }
    String code = process.code(task);
    String actor = process.actor(task);
    ItemProcess.setIfChanged(task, "action", action.name());
    if (action == Action.COMPLETE) {
      Item item = items.submitCompletion(code, v.date("completedOn"), v.text("completionNote"), actor);
      // a Long, as computeTimeliness writes it (which then has nothing to write again)
      task.setVariable("daysLate", item.getDaysLate().longValue());
      process.refresh(task.getExecution(), item);
    } else {
      ExtensionRequest request = items.requestExtension(code, v.date("newDeadline"), v.text("extensionReason"), actor);
      task.setVariable("newDeadline", request.getNewDeadline().toString());
    }
  }
}
