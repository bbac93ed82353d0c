package org.luoshi.item;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.luoshi.identity.Organisation;
import org.luoshi.notification.Notifications;
import org.springframework.stereotype.Component;

/**
 * A step of the escalation ladder of an overdue item (BPMN: ${itemEscalation}, input {@code level}
 * LEADER or PRINCIPAL): the leader in charge, then the principal leaders, are told; the step is
 * recorded on the item (event ESCALATED). Nothing happens once the item is no longer overdue.
 */
@Component("itemEscalation")
class ItemEscalation implements JavaDelegate {

  private final ItemProcess process;

  private final Items items;

  private final ItemSteps steps;
  private final ItemNotices texts;
  private final Notifications notifications;
  private final Organisation organisation;
  private final ItemAudience audience;

  ItemEscalation(Items items, ItemSteps steps, ItemNotices texts, Notifications notifications, Organisation organisation, ItemAudience audience, ItemProcess process) {
    this.process = process;
    this.items = items;
    this.steps = steps;
    this.texts = texts;
    this.notifications = notifications;
    this.organisation = organisation;
    this.audience = audience;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EscalationLevel level = EscalationLevel.valueOf(String.valueOf(execution.getVariableLocal("level")));
    String code = process.code(execution);
    if (!steps.isOverdue(code)) {
      return;
    }
    Item item = items.byCode(code);
    List<String> to = level == EscalationLevel.LEADER
        ? audience.of(item).leader().list()
        : audience.of(item).principals().list();
    if (!notifications.send(texts.escalation(item, level), to).isEmpty()) {
      steps.recordEvent(code, "ESCALATED", Items.SYSTEM, level.label() + "：" + String.join("、",
          to.stream().map(organisation::nameOf).toList()));
    }
  }
}
