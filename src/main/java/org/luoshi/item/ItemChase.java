package org.luoshi.item;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.luoshi.identity.Organisation;
import org.luoshi.notification.Notifications;
import org.springframework.stereotype.Component;

/** Each morning an item stays overdue (BPMN: ${itemChase}): the responsible person (or, before one is named, the unit) is chased. */
@Component("itemChase")
class ItemChase implements JavaDelegate {

  private final ItemService items;
  private final ItemNotices texts;
  private final Notifications notifications;
  private final Organisation organisation;

  ItemChase(ItemService items, ItemNotices texts, Notifications notifications, Organisation organisation) {
    this.items = items;
    this.texts = texts;
    this.notifications = notifications;
    this.organisation = organisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Item item = items.byCode(ItemProcess.code(execution));
    List<String> to = item.getResponsiblePerson() != null
        ? List.of(item.getResponsiblePerson())
        : organisation.unitMembers(item.getUnitCode());
    if (!notifications.send(texts.notice("ITEM_CHASED", item, execution), to).isEmpty()) {
      items.recordEvent(item.getCode(), "CHASED", ItemService.SYSTEM, String.join(",", to));
    }
  }
}
