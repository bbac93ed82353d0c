package org.luoshi.item;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.luoshi.identity.Organisation;
import org.luoshi.notification.Notifications;
import org.springframework.stereotype.Component;

/** Three days before the deadline (BPMN: ${itemReminder}): YELLOW, and the person and unit are reminded. */
@Component("itemReminder")
class ItemReminder implements JavaDelegate {

  private final ItemService items;
  private final ItemProcess process;
  private final ItemNotices texts;
  private final Notifications notifications;
  private final Organisation organisation;

  ItemReminder(ItemService items, ItemProcess process, ItemNotices texts, Notifications notifications,
      Organisation organisation) {
    this.items = items;
    this.process = process;
    this.texts = texts;
    this.notifications = notifications;
    this.organisation = organisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Item item = items.byCode(ItemProcess.code(execution));
    if (!item.getStatus().isOpen() || item.isOverdue(org.luoshi.engine.Time.today())) {
      return; // submitted meanwhile, or already RED (a migrated item whose timers were all due at once)
    }
    items.recordEvent(item.getCode(), "REMINDED", ItemService.SYSTEM, "截止日期 " + item.getDeadline());
    List<String> to = new ArrayList<>(organisation.unitMembers(item.getUnitCode()));
    if (item.getResponsiblePerson() != null) {
      to.add(item.getResponsiblePerson());
    }
    notifications.send(texts.notice("ITEM_REMINDER", item, execution), to);
    process.refresh(execution, item);
  }
}
