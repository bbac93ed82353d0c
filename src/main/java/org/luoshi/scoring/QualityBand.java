package org.luoshi.scoring;

import java.math.BigDecimal;

/**
 * The rubric each reviewer scores against, shown in every review form, against central tendency
 * (趋中效应): a score in either extreme band needs a written justification.
 */
public enum QualityBand {
  EXCELLENT("优秀", 90, 100, "目标全面完成，措施有力，成效显著，可作为典型推广"),
  GOOD("良好", 80, 89, "目标完成，措施到位，成效明显，个别方面尚需完善"),
  FAIR("一般", 60, 79, "目标基本完成，但措施不够有力或成效不够明显"),
  POOR("较差", 0, 59, "目标未完成或质量明显不达标，需要整改");

  private final String label;
  private final int from;
  private final int to;
  private final String meaning;

  QualityBand(String label, int from, int to, String meaning) {
    this.label = label;
    this.from = from;
    this.to = to;
    this.meaning = meaning;
  }

  public static QualityBand of(BigDecimal score) {
    if (score.compareTo(BigDecimal.valueOf(90)) >= 0) {
      return EXCELLENT;
    }
    if (score.compareTo(BigDecimal.valueOf(80)) >= 0) {
      return GOOD;
    }
    if (score.compareTo(BigDecimal.valueOf(60)) >= 0) {
      return FAIR;
    }
    return POOR;
  }

  /** The extreme bands, where a reviewer must say why. */
  public boolean needsJustification() {
    return this == EXCELLENT || this == POOR;
  }

  public String label() {
    return label;
  }

  public int from() {
    return from;
  }

  public int to() {
    return to;
  }

  public String meaning() {
    return meaning;
  }
}
