package org.luoshi.notification;

import org.luoshi.engine.StartTimers;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When {@code luoshi.notifications.digest.cron} or the end of the quiet hours changes, the daily
 * digest's and the held deliveries' start timers follow at start-up (see {@link StartTimers}).
 */
@Component
class TimerAlignment {

  private final StartTimers timers;
  private final NotificationSchedule schedule;

  TimerAlignment(StartTimers timers, NotificationSchedule schedule) {
    this.timers = timers;
    this.schedule = schedule;
  }

  @EventListener(ApplicationReadyEvent.class)
  void align() {
    timers.align(NotificationSchedule.DIGEST_PROCESS, schedule.digestCron());
    timers.align(Deliveries.PROCESS_KEY, schedule.releaseCron());
  }
}
