package org.luoshi.assessment;

/** 奖优罚劣: what a published result leads to (outputs of DMN {@code assessment-consequence}). */
public enum ConsequenceType {
  AWARD_INELIGIBLE("取消年终评优资格"),
  INTERVIEW("约谈"),
  PROMOTION_PRIORITY("优先提拔使用"),
  POSITION_ADJUSTMENT("岗位调整建议");

  private final String label;

  ConsequenceType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
