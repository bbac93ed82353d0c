package org.luoshi.engine;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Working days of the district: Monday to Friday, without the public holidays and with the
 * make-up working days (调休) the State Council publishes each year, configured as
 * {@code luoshi.calendar.holidays} and {@code luoshi.calendar.workdays} (ISO dates).
 */
@Component
@EnableConfigurationProperties(WorkCalendar.Settings.class)
public class WorkCalendar {

  @ConfigurationProperties("luoshi.calendar")
  public record Settings(List<LocalDate> holidays, List<LocalDate> workdays) {}

  private final Set<LocalDate> holidays;
  private final Set<LocalDate> workdays;

  public WorkCalendar(Settings settings) {
    this.holidays = new TreeSet<>(settings.holidays() == null ? List.of() : settings.holidays());
    this.workdays = new TreeSet<>(settings.workdays() == null ? List.of() : settings.workdays());
  }

  public boolean isWorkingDay(LocalDate day) {
    if (workdays.contains(day)) {
      return true;
    }
    if (holidays.contains(day)) {
      return false;
    }
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /** The day {@code n} working days after {@code from} (from itself does not count). */
  public LocalDate plusWorkingDays(LocalDate from, int n) {
    LocalDate day = from;
    int left = n;
    while (left > 0) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        left--;
      }
    }
    return day;
  }
}
