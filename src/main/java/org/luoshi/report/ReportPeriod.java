package org.luoshi.report;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luoshi.scoring.Period;
import org.luoshi.common.DomainException;

/**
 * The period a report covers, checked against its kind: a quarter ({@code 2026-Q3}) for the
 * quarterly inspection report, a half-year ({@code 2026-H1}, {@code 2026-H2}) for the circular;
 * {@code from} inclusive, {@code to} exclusive, dates in Asia/Shanghai.
 */
public record ReportPeriod(ReportKind kind, Period period) {

  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");

  /** Parses and checks {@code kind} and {@code period} (the start variables or request fields). */
  public static ReportPeriod parse(String kind, String period) {
    ReportKind k = kind(kind);
    String text = period == null ? "" : period.trim().toUpperCase();
    Matcher m = (k == ReportKind.QUARTERLY_INSPECTION ? QUARTER : HALF).matcher(text);
    if (!m.matches()) {
      throw DomainException.invalid("period", k == ReportKind.QUARTERLY_INSPECTION
          ? "季度督查报告的期间应为季度，如 2026-Q3：" + (period == null ? "" : period)
          : "半年通报的期间应为半年，如 2026-H1：" + (period == null ? "" : period));
    }
    int year = Integer.parseInt(m.group(1));
    if (year < 2000 || year > 2100) {
      throw DomainException.invalid("period", "年份应在 2000 到 2100 之间：" + period);
    }
    return new ReportPeriod(k, Period.parse(text, "period"));
  }

  public static ReportKind kind(String kind) {
    if (kind == null || kind.isBlank()) {
      throw DomainException.invalid("kind", "请选择报告类型（季度督查报告或半年通报）");
    }
    try {
      return ReportKind.valueOf(kind.trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("kind", "不是可选的报告类型：" + kind);
    }
  }

  /**
   * The last complete period of a kind before a day: on 5 October 2026 the quarterly report is
   * for 2026-Q3 and the circular for 2026-H1; on 5 January 2027, 2026-Q4 and 2026-H2.
   */
  public static ReportPeriod previous(ReportKind kind, LocalDate day) {
    int months = kind == ReportKind.QUARTERLY_INSPECTION ? 3 : 6;
    int index = (day.getMonthValue() - 1) / months; // the period the day falls in, 0-based
    LocalDate start = LocalDate.of(day.getYear(), index * months + 1, 1).minusMonths(months);
    int part = (start.getMonthValue() - 1) / months + 1;
    String name = start.getYear() + (kind == ReportKind.QUARTERLY_INSPECTION ? "-Q" : "-H") + part;
    return parse(kind.name(), name);
  }

  public String name() {
    return period.name();
  }

  public LocalDate from() {
    return period.from();
  }

  public LocalDate to() {
    return period.to();
  }

  /** 2026年第三季度督查报告, 2026年上半年通报. */
  public String title() {
    return kind == ReportKind.QUARTERLY_INSPECTION
        ? period.label() + "督查报告"
        : period.label() + "工作落实情况通报";
  }
}
