package org.luoshi.item;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.luoshi.notification.Notifications;
import org.springframework.stereotype.Component;

/** Each morning an item stays overdue (BPMN: ${itemChase}): the responsible person (or, before one is named, the unit) is chased. */
@Component("itemChase")
class ItemChase implements JavaDelegate {

  private final ItemProcess process;

  private final ItemSteps items;
  private final ItemNotices texts;
  private final Notifications notifications;
  private final ItemAudience audience;

  ItemChase(ItemSteps items, ItemNotices texts, Notifications notifications, ItemAudience audience, ItemProcess process) {
    this.process = process;
    this.items = items;
    this.texts = texts;
    this.notifications = notifications;
    this.audience = audience;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Item item = process.item(execution);
    List<String> to = audience.of(item).personOrUnit().list();
    if (!notifications.send(texts.notice("ITEM_CHASED", item, execution), to).isEmpty()) {
      items.recordEvent(item.getCode(), "CHASED", Items.SYSTEM, String.join(",", to));
    }
  }
}
