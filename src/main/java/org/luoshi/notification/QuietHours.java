package org.luoshi.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.luoshi.engine.Time;

/**
 * The night (Beijing time), 22:00–07:00 by default: a notice created then reaches the inbox at
 * once, its mail waits until the end of the quiet hours. Equal start and end mean no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end) {

  public boolean contains(Instant at) {
    if (start.equals(end)) {
      return false;
    }
    LocalTime t = LocalDateTime.ofInstant(at, Time.ZONE).toLocalTime();
    return start.isBefore(end)
        ? !t.isBefore(start) && t.isBefore(end)
        : !t.isBefore(start) || t.isBefore(end);
  }

  /** When mail held at this instant may go: the next end of the quiet hours. */
  public Instant releaseAt(Instant at) {
    LocalDateTime local = LocalDateTime.ofInstant(at, Time.ZONE);
    LocalDate day = local.toLocalTime().isBefore(end) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
    return day.atTime(end).atZone(Time.ZONE).toInstant();
  }

  /** The Camunda cron of the morning run that sends the held mail (seconds minutes hours …). */
  public String releaseCron() {
    return "0 " + end.getMinute() + " " + end.getHour() + " * * ?";
  }
}
