package org.luoshi.item;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.luoshi.engine.Time;
import org.luoshi.notification.NotificationSettings;
import org.springframework.stereotype.Component;

/** The rhythm of an item's timers (BPMN: ${itemSchedule.…}). */
@Component("itemSchedule")
public class ItemSchedule {

  private final ItemSettings settings;
  private final NotificationSettings.Escalation escalation;
  private final ItemService items;

  ItemSchedule(ItemSettings settings, NotificationSettings notifications, ItemService items) {
    this.settings = settings;
    this.escalation = notifications.escalation();
    this.items = items;
  }

  /** The escalation ladder's second step: the leader in charge hears of the overdue item (default 3 days after). */
  public Date leaderEscalationAt(Date overdueAt) {
    return Date.from(overdueAt.toInstant().plus(escalation.leaderAfter()));
  }

  /** The ladder's third step: the principal leaders hear of it (default 7 days after the deadline). */
  public Date principalEscalationAt(Date overdueAt) {
    return Date.from(overdueAt.toInstant().plus(escalation.principalAfter()));
  }

  /** When monthly progress is asked for: a Camunda cron, by default the 25th at 09:00. */
  public String progressCycle() {
    return settings.progressCron();
  }

  /** The next morning's chase (chase hour, Beijing time) after now. */
  public Date nextChase() {
    LocalDateTime now = LocalDateTime.ofInstant(Time.now(), Time.ZONE);
    LocalDate day = now.getHour() < settings.chaseHour() ? now.toLocalDate() : now.toLocalDate().plusDays(1);
    return Time.at(day, settings.chaseHour(), 0);
  }

  /** The daily chase goes on while the item is open and past its deadline. */
  public boolean isOverdue(String itemCode) {
    return items.isOverdue(itemCode);
  }
}
