package org.luoshi.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Luoshi's clock: the engine's ({@link ClockUtil}), so tests that move the engine clock move
 * deadlines, timers and "today" together. Everything is in Asia/Shanghai; a deadline is a date
 * that ends at 24:00 that day.
 */
public final class Time {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private Time() {}

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static OffsetDateTime nowOffset() {
    return OffsetDateTime.ofInstant(now(), ZONE);
  }

  public static LocalDate today() {
    return LocalDate.ofInstant(now(), ZONE);
  }

  /** The first instant after a date has ended (the next day, 00:00 Beijing time). */
  public static Date endOf(LocalDate date) {
    return Date.from(date.plusDays(1).atStartOfDay(ZONE).toInstant());
  }

  /** An instant as Beijing time with its offset (what the JSON views show); null stays null. */
  public static OffsetDateTime at(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZONE);
  }

  /** A given time of day on a date, Beijing time. */
  public static Date at(LocalDate date, int hour, int minute) {
    return Date.from(date.atTime(hour, minute).atZone(ZONE).toInstant());
  }
}
