package org.luoshi.item;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.luoshi.notification.Notifications;
import org.springframework.stereotype.Component;

/**
 * A leader's instruction (批示件) not replied to by its reply deadline (BPMN: ${instructionReply}):
 * the unit, the responsible person and the office are told, and the item records it.
 */
@Component("instructionReply")
class InstructionReply implements JavaDelegate {

  private final ItemProcess process;

  private final Items items;

  private final ItemSteps steps;
  private final ItemNotices texts;
  private final Notifications notifications;
  private final ItemAudience audience;

  InstructionReply(Items items, ItemSteps steps, ItemNotices texts, Notifications notifications, ItemAudience audience, ItemProcess process) {
    this.process = process;
    this.items = items;
    this.steps = steps;
    this.texts = texts;
    this.notifications = notifications;
    this.audience = audience;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = process.code(execution);
    if (!steps.markReplyOverdue(code)) {
      return;
    }
    Item item = items.byCode(code);
    notifications.send(texts.notice("INSTRUCTION_REPLY_OVERDUE", item, execution),
        audience.of(item).unit().person().office().list());
  }
}
