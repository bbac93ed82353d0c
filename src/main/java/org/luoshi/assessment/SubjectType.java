package org.luoshi.assessment;

/** Who a result is about: a unit (责任单位) or a person (责任人). */
public enum SubjectType {
  UNIT("单位"),
  PERSON("个人");

  private final String label;

  SubjectType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
