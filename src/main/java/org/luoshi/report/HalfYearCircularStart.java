package org.luoshi.report;

import org.springframework.stereotype.Component;

/** Starts the circular of the last half-year (BPMN: {@code ${halfYearCircularStart}}). */
@Component("halfYearCircularStart")
class HalfYearCircularStart extends ScheduledReport {

  HalfYearCircularStart(Reports reports) {
    super(reports, ReportKind.HALF_YEAR_CIRCULAR);
  }
}
