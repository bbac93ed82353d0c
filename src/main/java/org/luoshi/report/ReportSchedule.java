package org.luoshi.report;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the periodic reports start by themselves (BPMN: {@code ${reportSchedule.cron()}} in
 * periodic-report-schedule.bpmn): a Camunda cron in Beijing time from {@code luoshi.reports.cron},
 * by default 09:00 on the 5th of January, April, July and October. Each run reports on the quarter
 * just ended, and after the second and fourth quarter on the half-year too. Camunda schedules a
 * timer start event when the model is deployed: a changed value is sure to take effect once the
 * model is deployed again.
 */
@Component("reportSchedule")
public class ReportSchedule {

  private final String cron;

  ReportSchedule(@Value("${luoshi.reports.cron:0 0 9 5 1,4,7,10 ?}") String cron) {
    this.cron = cron;
  }

  public String cron() {
    return cron;
  }
}
