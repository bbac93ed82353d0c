package org.luoshi.document;

import java.util.Arrays;
import java.util.Optional;

/**
 * The formal documents of supervision (DESIGN.md §5): the path name, the Chinese title, the prefix
 * of its number ({@code 督办〔2026〕3号}, numbered per kind and year) and what it asks of the unit.
 */
enum DocumentKind {
  NOTICE("notice", "督办通知单", "督办", "按月报送落实进展，完成后在系统中报送完成情况、申请销号"),
  LETTER("letter", "督办函", "督函", "查找进度滞后的原因，明确整改措施和时间节点，加快推进"),
  RECTIFICATION("rectification", "整改通知书", "整改", "对照问题逐项整改，整改完成后报送整改情况和佐证材料");

  private final String path;
  private final String title;
  private final String prefix;
  private final String request;

  DocumentKind(String path, String title, String prefix, String request) {
    this.path = path;
    this.title = title;
    this.prefix = prefix;
    this.request = request;
  }

  static Optional<DocumentKind> ofPath(String path) {
    return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
  }

  String path() {
    return path;
  }

  String title() {
    return title;
  }

  String request() {
    return request;
  }

  /** 督办〔2026〕3号. */
  String number(int year, int number) {
    return prefix + "〔" + year + "〕" + number + "号";
  }
}
