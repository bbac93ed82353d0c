package org.luoshi.item;

/** The levels of the close-out review (逐级评定): office → leader in charge → principal leader. */
public enum ReviewLevel {
  OFFICE("督查室核验", "verifyCompletion"),
  LEADER("分管领导审核", "reviewClosure"),
  PRINCIPAL("主要领导确认", "confirmClosure");

  private final String label;
  private final String taskKey;

  ReviewLevel(String label, String taskKey) {
    this.label = label;
    this.taskKey = taskKey;
  }

  public String label() {
    return label;
  }

  public String taskKey() {
    return taskKey;
  }
}
