package org.luoshi.item;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.luoshi.notification.Notice;
import org.luoshi.notification.Notifications;
import org.springframework.stereotype.Component;

/**
 * Tells the right people about a step of an item (BPMN: ${itemNotice}, input {@code noticeType};
 * asyncBefore with a retry cycle, so a failing delivery becomes a Cockpit incident, never a lost
 * completion). Each notice has a key, so a retried job notifies nobody twice.
 */
@Component("itemNotice")
class ItemNotice implements JavaDelegate {

  private final ItemProcess process;

  private final Items items;
  private final ItemAudience audience;
  private final Notifications notifications;
  private final ItemNotices texts;

  ItemNotice(Items items, ItemAudience audience, Notifications notifications, ItemNotices texts, ItemProcess process) {
    this.process = process;
    this.items = items;
    this.audience = audience;
    this.notifications = notifications;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String type = String.valueOf(execution.getVariableLocal("noticeType"));
    Item item = process.item(execution);
    Notice notice = texts.notice(type, item, execution);
    notifications.send(notice, recipients(type, item));
    if ("ITEM_ISSUED".equals(type) && !item.getCoUnitCodes().isEmpty()) {
      // 协办单位 are told the item is theirs to help with; accepting it is the lead unit's
      notifications.send(texts.coIssued(item), audience.of(item).coUnits().list());
    }
  }

  List<String> recipients(String type, Item item) {
    var to = audience.of(item);
    return switch (type) {
      // 协办单位 hear what concerns the whole item, not the lead unit's own steps (accept, plan, review)
      case "ITEM_ISSUED" -> to.unit().list();
      case "ITEM_CLOSED" -> to.unit().person().coUnits().list();
      case "ITEM_ACCEPTED" -> to.office().leader().list();
      case "ITEM_RETURNED", "VERIFY_REQUESTED" -> to.office().list();
      case "EXTENSION_REQUESTED", "REVIEW_REQUESTED" -> to.leader().list();
      case "CONFIRM_REQUESTED" -> to.principals().list();
      case "EXTENSION_DECIDED", "ITEM_REJECTED" -> to.person().list();
      default -> throw new IllegalArgumentException("Unknown noticeType for an item: " + type);
    };
  }

}
