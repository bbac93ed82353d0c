package org.luoshi.item;

/** Where a responsibility item comes from (DESIGN.md §1). */
public enum ItemSource {
  INSTRUCTION("领导批示"),
  DECISION("重大决策部署"),
  KEY_TASK("重点工作"),
  COMMITTEE("常委会议定事项");

  private final String label;

  ItemSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
