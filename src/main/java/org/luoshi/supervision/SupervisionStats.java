package org.luoshi.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Period counts of supervision (the seed's “开展各类专项工作督查200余次，形成了49期督查报告”): in
 * the period {@code from}–{@code to} (a year, or one quarter of it), the inspections started (by
 * method), the reports written, and the problems found and how they stand now; the same per unit.
 */
public record SupervisionStats(
    int year,
    Integer quarter,
    LocalDate from,
    LocalDate to,
    long inspections,
    Map<SupervisionMethod, Long> byMethod,
    long reports,
    ProblemCounts problems,
    List<UnitStats> byUnit) {

  /**
   * Problems found in the period: {@code open + rectified + verified = found}; {@code overdue} are
   * those open after their deadline.
   */
  public record ProblemCounts(long found, long open, long rectified, long verified, long overdue) {}

  /** One unit: how often it was inspected in the period, and its problems. */
  public record UnitStats(String unitCode, String unitName, long inspections, ProblemCounts problems) {}
}
