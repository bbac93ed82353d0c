package org.luoshi.item;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.luoshi.identity.Groups;
import org.luoshi.identity.Organisation;
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

  private final ItemService items;
  private final Organisation organisation;
  private final Notifications notifications;
  private final ItemNotices texts;

  ItemNotice(ItemService items, Organisation organisation, Notifications notifications, ItemNotices texts) {
    this.items = items;
    this.organisation = organisation;
    this.notifications = notifications;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String type = String.valueOf(execution.getVariableLocal("noticeType"));
    Item item = items.byCode(ItemProcess.code(execution));
    Notice notice = texts.notice(type, item, execution);
    notifications.send(notice, recipients(type, item));
  }

  List<String> recipients(String type, Item item) {
    List<String> to = new ArrayList<>();
    switch (type) {
      case "ITEM_ISSUED", "ITEM_CLOSED" -> to.addAll(organisation.unitMembers(item.getUnitCode()));
      case "ITEM_ACCEPTED" -> {
        to.addAll(organisation.members(Groups.SUPERVISION_OFFICE));
        to.add(item.getLeadLeader());
      }
      case "ITEM_RETURNED", "VERIFY_REQUESTED" -> to.addAll(organisation.members(Groups.SUPERVISION_OFFICE));
      case "EXTENSION_REQUESTED", "REVIEW_REQUESTED" -> to.add(item.getLeadLeader());
      case "CONFIRM_REQUESTED" -> to.addAll(organisation.members(Groups.PRINCIPAL_LEADERS));
      case "EXTENSION_DECIDED", "ITEM_REJECTED" -> to.add(item.getResponsiblePerson());
      default -> throw new IllegalArgumentException("Unknown noticeType for an item: " + type);
    }
    if (type.equals("ITEM_CLOSED") && item.getResponsiblePerson() != null) {
      to.add(item.getResponsiblePerson());
    }
    return to;
  }
}
