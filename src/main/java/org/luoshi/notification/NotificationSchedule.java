package org.luoshi.notification;

import org.springframework.stereotype.Component;

/**
 * The times of the notification processes (BPMN: ${notificationSchedule.…}), from
 * {@code luoshi.notifications.*}: the daily digest's cron and the morning run that sends the mail
 * held over quiet hours. {@link TimerAlignment} keeps deployed timers in step when they change.
 */
@Component("notificationSchedule")
public class NotificationSchedule {

  /** The daily digest's process (its delegate is the item capability's {@code dailyDigest}). */
  public static final String DIGEST_PROCESS = "daily-digest";

  private final NotificationSettings settings;

  NotificationSchedule(NotificationSettings settings) {
    this.settings = settings;
  }

  /** When the daily digest goes out: a Camunda cron, by default 17:30 every day (Beijing time). */
  public String digestCron() {
    return settings.digest().cron();
  }

  /** When mail held over quiet hours goes out: the end of the quiet hours, by default 07:00. */
  public String releaseCron() {
    return settings.quietHours().toQuietHours().releaseCron();
  }
}
