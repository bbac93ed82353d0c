package org.luoshi.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The words of a report that more than one rendering shares. */
final class ReportText {

  private ReportText() {}

  /** One paragraph of the key figures, for the forms and the top of the report. */
  static String summary(ReportContent c) {
    var f = c.figures();
    StringBuilder s = new StringBuilder();
    s.append(c.periodLabel()).append("（").append(c.from()).append(" 至 ").append(c.to()).append("）")
        .append("，共下发责任清单事项 ").append(f.issued()).append(" 件，已办结 ").append(f.closed()).append(" 件");
    if (f.closedRate() != null) {
      s.append("（办结率 ").append(percent(f.closedRate())).append("）");
    }
    s.append("，销号审核中 ").append(f.closing()).append(" 件，正在落实 ").append(f.inProgress())
        .append(" 件，退回 ").append(f.returned()).append(" 件，逾期未办结 ").append(f.overdue()).append(" 件。");
    s.append("截至期末逾期未办结事项 ").append(c.overdue().size()).append(" 件。");
    var i = c.interviews();
    s.append("开展约谈 ").append(i.sessions()).append(" 次 ").append(i.people()).append(" 人（")
        .append(i.personTimes()).append(" 人次）。");
    if (c.supervision() != null) {
      var v = c.supervision();
      s.append("开展督查 ").append(v.inspections()).append(" 次，形成督查报告 ").append(v.reports())
          .append(" 份，发现问题 ").append(v.problemsFound()).append(" 个，其中已核验销号 ").append(v.verified())
          .append(" 个、待核验 ").append(v.rectified()).append(" 个、未整改 ").append(v.open()).append(" 个。");
    }
    return s.toString();
  }

  /** 0.667 → 66.7%. */
  static String percent(BigDecimal share) {
    return share == null ? "—"
        : share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  static String number(BigDecimal n) {
    return n == null ? "—" : n.toPlainString();
  }
}
