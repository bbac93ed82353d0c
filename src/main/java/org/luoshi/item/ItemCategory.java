package org.luoshi.item;

/** The seed's five fronts (五大活动), a ledger filter and a statistics axis. */
public enum ItemCategory {
  ECONOMY("经济指标"),
  PROJECTS("项目建设"),
  GOVERNANCE("社会治理"),
  POVERTY("扶贫开发"),
  PARTY_BUILDING("基层党建"),
  OTHER("其他");

  private final String label;

  ItemCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
