package org.luoshi.item;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.luoshi.notification.Notifications;
import org.springframework.stereotype.Component;

/** Three days before the deadline (BPMN: ${itemReminder}): YELLOW, and the person and unit are reminded. */
@Component("itemReminder")
class ItemReminder implements JavaDelegate {

  private final ItemSteps items;
  private final ItemProcess process;
  private final ItemNotices texts;
  private final Notifications notifications;
  private final ItemAudience audience;

  ItemReminder(ItemSteps items, ItemProcess process, ItemNotices texts, Notifications notifications,
      ItemAudience audience) {
    this.items = items;
    this.process = process;
    this.texts = texts;
    this.notifications = notifications;
    this.audience = audience;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Item item = process.item(execution);
    if (!item.getStatus().isOpen() || item.isOverdue(org.luoshi.engine.Time.today())) {
      return; // submitted meanwhile, or already RED (a migrated item whose timers were all due at once)
    }
    items.recordEvent(item.getCode(), "REMINDED", Items.SYSTEM, "截止日期 " + item.getDeadline());
    notifications.send(texts.notice("ITEM_REMINDER", item, execution), audience.of(item).unit().person().list());
    process.refresh(execution, item);
  }
}
