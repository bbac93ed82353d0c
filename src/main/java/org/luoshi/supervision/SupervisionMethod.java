package org.luoshi.supervision;

/** How an inspection is carried out (督查方式, DESIGN.md §4.3). */
public enum SupervisionMethod {
  OPEN_VISIT("明察"),
  UNANNOUNCED_VISIT("暗访"),
  SPECIAL("专项督查"),
  KEY("重点督查"),
  RANDOM("随机抽查"),
  RESIDENT("驻点督查");

  private final String label;

  SupervisionMethod(String label) {
    this.label = label;
  }

  /** The Chinese name an official uses. */
  public String label() {
    return label;
  }
}
