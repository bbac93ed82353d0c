package org.luoshi.scoring;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luoshi.common.DomainException;

/**
 * An assessment or report period: a year ({@code 2026}), a half-year ({@code 2026-H1}, {@code
 * 2026-H2}) or a quarter ({@code 2026-Q3}); {@code from} inclusive, {@code to} exclusive.
 */
public record Period(String name, LocalDate from, LocalDate to) {

  private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(H[12]|Q[1-4]))?");

  public static Period parse(String text, String field) {
    Matcher m = text == null ? null : FORMAT.matcher(text.trim());
    if (m == null || !m.matches()) {
      throw DomainException.invalid(field, "期间格式应为 2026、2026-H1 或 2026-Q3：" + text);
    }
    int year = Integer.parseInt(m.group(1));
    String part = m.group(2);
    LocalDate start = LocalDate.of(year, 1, 1);
    if (part == null) {
      return new Period(m.group(1), start, start.plusYears(1));
    }
    int months = part.startsWith("H") ? 6 : 3;
    int index = part.charAt(1) - '1';
    LocalDate from = start.plusMonths((long) months * index);
    return new Period(text.trim(), from, from.plusMonths(months));
  }

  /** 2026年, 2026年上半年, 2026年第三季度. */
  public String label() {
    int year = from.getYear();
    if (name.length() == 4) {
      return year + "年";
    }
    return switch (name.substring(5)) {
      case "H1" -> year + "年上半年";
      case "H2" -> year + "年下半年";
      default -> year + "年第" + "一二三四".charAt(name.charAt(6) - '1') + "季度";
    };
  }
}
