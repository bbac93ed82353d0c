package org.luoshi.spreadsheet;

import java.util.Optional;

/** The columns of the import template, in its order: the Chinese header and the POST /api/items field it fills. */
enum ImportColumn {
  TITLE("事项名称", "title", true),
  SOURCE("事项来源", "source", true),
  CATEGORY("工作类别", "category", false),
  UNIT("责任单位", "unitCode", true),
  LEADER("分管领导", "leadLeader", true),
  DEADLINE("截止日期", "deadline", true),
  TARGET("工作目标", "target", true),
  ISSUED_ON("下发日期", "issuedOn", false),
  /** Units by name or code, separated by 、 , ， ； or ; (may be empty). */
  CO_UNITS("协办单位", "coUnitCodes", false);

  private final String header;
  private final String field;
  private final boolean required;

  ImportColumn(String header, String field, boolean required) {
    this.header = header;
    this.field = field;
    this.required = required;
  }

  String header() {
    return header;
  }

  /** The header as the template writes it: required columns marked with *. */
  String templateHeader() {
    return required ? header + "*" : header;
  }

  String field() {
    return field;
  }

  boolean required() {
    return required;
  }

  /** The column a header names (with or without the *, spaces ignored). */
  static Optional<ImportColumn> byHeader(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String h = text.replace("*", "").replace("＊", "").replaceAll("\\s", "");
    for (ImportColumn c : values()) {
      if (c.header.equals(h)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
