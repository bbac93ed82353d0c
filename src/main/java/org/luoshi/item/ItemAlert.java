package org.luoshi.item;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.luoshi.identity.Organisation;
import org.luoshi.notification.Notice;
import org.luoshi.notification.Notifications;
import org.springframework.stereotype.Component;

/**
 * The one shape of the item's timer notices (reminder, overdue, chase, escalation, instruction
 * reply): find the item bound to the instance; if the alert is {@link #due} (which may mark the
 * item: RED, reply overdue, the reminder's event), tell its {@link #recipients}; once somebody was
 * told, {@link #delivered} may record it; {@link #refreshesVariables} keeps the process variables in
 * step. Each delegate keeps only what differs.
 */
abstract class ItemAlert implements JavaDelegate {

  /** What every alert works with, injected once. */
  @Component
  static class Parts {
    final ItemProcess process;
    final Items items;
    final ItemSteps steps;
    final ItemNotices texts;
    final Notifications notifications;
    final ItemAudience audience;
    final Organisation organisation;

    Parts(ItemProcess process, Items items, ItemSteps steps, ItemNotices texts, Notifications notifications,
        ItemAudience audience, Organisation organisation) {
      this.process = process;
      this.items = items;
      this.steps = steps;
      this.texts = texts;
      this.notifications = notifications;
      this.audience = audience;
      this.organisation = organisation;
    }
  }

  protected final Parts parts;
  protected final Items items;
  protected final ItemSteps steps;
  private final String noticeType;

  /** {@code noticeType} as ItemNotices knows it (ITEM_OVERDUE, …); null when {@link #notice} is overridden. */
  ItemAlert(Parts parts, String noticeType) {
    this.parts = parts;
    this.items = parts.items;
    this.steps = parts.steps;
    this.noticeType = noticeType;
  }

  @Override
  public final void execute(DelegateExecution execution) {
    Item bound = parts.process.item(execution);
    if (!due(bound, execution)) {
      return;
    }
    Item item = items.byCode(bound.getCode());
    List<String> to = recipients(parts.audience.of(item), execution).list();
    if (!parts.notifications.send(notice(item, execution), to).isEmpty()) {
      delivered(item, to, execution);
    }
    if (refreshesVariables()) {
      parts.process.refresh(execution, item);
    }
  }

  /** Whether there is something to tell; may mark the item (it is read again afterwards). */
  abstract boolean due(Item item, DelegateExecution execution);

  /** Who hears it: {@code to.unit().person()…}. */
  abstract ItemAudience.Recipients recipients(ItemAudience.Recipients to, DelegateExecution execution);

  Notice notice(Item item, DelegateExecution execution) {
    return parts.texts.notice(noticeType, item, execution);
  }

  /** After somebody was told (not on a retry that tells nobody again). */
  void delivered(Item item, List<String> to, DelegateExecution execution) {}

  /** Whether the light and status variables are written afterwards. */
  boolean refreshesVariables() {
    return false;
  }
}
