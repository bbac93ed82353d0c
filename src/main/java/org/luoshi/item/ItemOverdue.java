package org.luoshi.item;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.luoshi.notification.Notifications;
import org.springframework.stereotype.Component;

/**
 * The deadline has passed (BPMN: ${itemOverdue}): RED, and the first step of the escalation ladder
 * — the responsible person and the unit are told (the leader in charge and the principal leaders
 * follow, see {@link ItemEscalation}).
 */
@Component("itemOverdue")
class ItemOverdue implements JavaDelegate {

  private final Items items;

  private final ItemSteps steps;
  private final ItemProcess process;
  private final ItemNotices texts;
  private final Notifications notifications;
  private final ItemAudience audience;

  ItemOverdue(Items items, ItemSteps steps, ItemProcess process, ItemNotices texts, Notifications notifications,
      ItemAudience audience) {
    this.items = items;
    this.steps = steps;
    this.process = process;
    this.texts = texts;
    this.notifications = notifications;
    this.audience = audience;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = process.code(execution);
    if (!steps.markOverdue(code)) {
      return;
    }
    Item item = items.byCode(code);
    // DESIGN.md §4.1: the unit, the office and the leader in charge hear at once (the ladder then
    // escalates to the leader again after 3 days and to the principal leaders after 7)
    notifications.send(texts.notice("ITEM_OVERDUE", item, execution),
        audience.of(item).unit().person().coUnits().office().leader().list());
    process.refresh(execution, item);
  }
}
