package org.luoshi.item;

import java.util.EnumSet;
import java.util.Set;

/** ISSUED → (RETURNED) → IN_PROGRESS → CLOSING → CLOSED, or CANCELLED. */
public enum ItemStatus {
  ISSUED("已下发"),
  RETURNED("已退回"),
  IN_PROGRESS("落实中"),
  CLOSING("销号审核中"),
  CLOSED("已销号"),
  CANCELLED("已撤销");

  /** Not yet submitted as complete: these can be overdue, carry a light, be chased. */
  public static final Set<ItemStatus> OPEN = EnumSet.of(ISSUED, RETURNED, IN_PROGRESS);

  private final String label;

  ItemStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isOpen() {
    return OPEN.contains(this);
  }
}
