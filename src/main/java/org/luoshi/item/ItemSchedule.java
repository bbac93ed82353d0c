package org.luoshi.item;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.luoshi.engine.Time;
import org.luoshi.engine.Vars;
import org.luoshi.engine.WorkCalendar;
import org.luoshi.notification.NotificationSettings;
import org.springframework.stereotype.Component;

/** The rhythm of an item's timers (BPMN: ${itemSchedule.…}). */
@Component("itemSchedule")
public class ItemSchedule {

  private final ItemSettings settings;
  private final NotificationSettings.Escalation escalation;
  private final WorkCalendar calendar;

  ItemSchedule(ItemSettings settings, NotificationSettings notifications, WorkCalendar calendar) {
    this.settings = settings;
    this.escalation = notifications.escalation();
    this.calendar = calendar;
  }

  /**
   * When an instruction's reply falls due (the end of its reply day). The timer is created as the
   * instance starts, before the item is issued from a Tasklist start form, so this works from the
   * start variables as issuing does: {@code issuedOn} (default today) plus the reply working days;
   * for other items the end of the issue day, where the check finds nothing to chase.
   */
  public Date replyDueAt(VariableScope scope) {
    if (scope.getVariable("replyDueAt") instanceof Date due) {
      return due;
    }
    Vars v = Vars.of(scope);
    LocalDate issued = v.date("issuedOn") != null ? v.date("issuedOn") : Time.today();
    boolean instruction = "INSTRUCTION".equalsIgnoreCase(String.valueOf(v.text("source")));
    return Time.endOf(instruction ? calendar.plusWorkingDays(issued, settings.instructionReplyWorkingDays()) : issued);
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
}
