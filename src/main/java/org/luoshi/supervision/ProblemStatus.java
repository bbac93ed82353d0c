package org.luoshi.supervision;

/**
 * A problem of the ledger: {@code OPEN} (待整改; also after a rejected verification) →
 * {@code RECTIFIED} (已整改, awaiting the office's verification) → {@code VERIFIED} (已核验销号).
 * Overdue is derived: open after its deadline day has ended.
 */
public enum ProblemStatus {
  OPEN("待整改"),
  RECTIFIED("已整改待核验"),
  VERIFIED("已核验销号");

  private final String label;

  ProblemStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
