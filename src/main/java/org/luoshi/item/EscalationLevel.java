package org.luoshi.item;

/** The steps of the escalation ladder after day 0 (the unit and the responsible person): BPMN input {@code level}. */
enum EscalationLevel {
  LEADER("报分管领导", "请分管领导督促责任单位尽快落实。"),
  PRINCIPAL("报主要领导", "经报分管领导后仍未报送完成，现报主要领导，并按规定启动约谈问责。");

  private final String label;
  private final String request;

  EscalationLevel(String label, String request) {
    this.label = label;
    this.request = request;
  }

  String label() {
    return label;
  }

  String request() {
    return request;
  }
}
