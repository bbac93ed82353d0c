package org.luoshi.report;

import org.luoshi.engine.StartTimers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the periodic reports start by themselves (BPMN: {@code ${reportSchedule.cron()}} in
 * periodic-report-schedule.bpmn): a Camunda cron in Beijing time from {@code luoshi.reports.cron},
 * by default 09:00 on the 5th of January, April, July and October. Each run reports on the quarter
 * just ended, and after the second and fourth quarter on the half-year too. A changed value moves
 * the scheduled timer at the next start-up ({@link StartTimers}).
 */
@Component("reportSchedule")
public class ReportSchedule {

  static final String PROCESS_KEY = "periodic-report-schedule";
  private final String cron;
  private final StartTimers timers;

  ReportSchedule(@Value("${luoshi.reports.cron:0 0 9 5 1,4,7,10 ?}") String cron, StartTimers timers) {
    this.cron = cron;
    this.timers = timers;
  }

  @EventListener(ApplicationReadyEvent.class)
  void align() {
    timers.align(PROCESS_KEY, cron);
  }

  public String cron() {
    return cron;
  }
}
