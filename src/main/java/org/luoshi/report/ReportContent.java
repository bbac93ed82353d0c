package org.luoshi.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a periodic report says, generated from the data of its period and kept as a JSON snapshot:
 * 一、总体情况 (figures, in total and per unit) 二、排名 (units and people) 三、逾期事项 四、约谈情况 and, for the
 * quarterly inspection report, 五、督查情况. Dates are ISO strings; {@code to} is the period's last day.
 */
public record ReportContent(
    ReportKind kind,
    String kindLabel,
    String period,
    String periodLabel,
    String title,
    String from,
    String to,
    String generatedAt,
    Figures figures,
    List<UnitFigures> byUnit,
    List<UnitRank> unitRanking,
    List<PersonRank> personRanking,
    List<OverdueItem> overdue,
    InterviewFigures interviews,
    SupervisionFigures supervision) {

  /**
   * The items issued in the period and how they stand now ({@code closed + closing + inProgress +
   * returned + cancelled = issued}); {@code overdue} of those open; {@code closedRate} = closed /
   * issued (办结率), null when nothing was issued.
   */
  public record Figures(long issued, long closed, long closing, long inProgress, long returned, long cancelled,
      long overdue, BigDecimal closedRate) {}

  public record UnitFigures(String unitCode, String unitName, Figures figures) {}

  /** By the average final score of the items closed in the period (Rankings); rank null: nothing closed. */
  public record UnitRank(Integer rank, String unitCode, String unitName, BigDecimal averageFinalScore, long closed,
      long overdue, long returned) {}

  public record PersonRank(Integer rank, String userId, String name, String unitNames, BigDecimal averageFinalScore,
      long closed, long overdue) {}

  /** An item still open whose deadline passed before the period's end; days counted to the generation day. */
  public record OverdueItem(String code, String title, String unitCode, String unitName, String responsiblePerson,
      String deadline, long daysOverdue) {}

  /** Interviews held in the period: sessions, distinct people, person-times, and each one. */
  public record InterviewFigures(long sessions, long people, long personTimes, List<InterviewLine> held) {}

  public record InterviewLine(String id, String heldOn, String interviewer, String interviewees, String method,
      String trigger, String subject, String outcome) {}

  /** Inspections started and reports written in the quarter, and the problems they found and how they stand. */
  public record SupervisionFigures(long inspections, long reports, long problemsFound, long open, long rectified,
      long verified, long overdue, List<SupervisionUnit> byUnit) {}

  public record SupervisionUnit(String unitCode, String unitName, long inspections, long problemsFound, long open,
      long rectified, long verified) {}
}
