package org.luoshi.common;

/**
 * The small text rules every capability shares: blank input is no input, a text someone typed is
 * trimmed and bounded (a {@link DomainException} naming the field in Chinese), a text shown to
 * people is cut with a mark.
 */
public final class Texts {

  private Texts() {}

  /** The trimmed text, or null when it is null or blank. */
  public static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** An optional text someone typed: trimmed, null when blank, at most {@code max} characters. */
  public static String optional(String value, String field, String label, int max) {
    return text(value, field, label, max, false);
  }

  /** A text someone must give: trimmed, not blank, at most {@code max} characters. */
  public static String required(String value, String field, String label, int max) {
    return text(value, field, label, max, true);
  }

  /** A text someone typed: trimmed; blank is refused when required, else null; at most {@code max} characters. */
  public static String text(String value, String field, String label, int max, boolean required) {
    String s = blankToNull(value);
    if (s == null) {
      if (required) {
        throw DomainException.invalid(field, label + "不能为空");
      }
      return null;
    }
    if (s.length() > max) {
      throw DomainException.invalid(field, label + "不能超过 " + max + " 字");
    }
    return s;
  }

  /** A text for people cut at {@code max} characters, the last one an ellipsis; null stays null. */
  public static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
