package org.luoshi.identity;

/** A unit (责任单位): a Camunda group {@code unit-<code>} of type UNIT. */
public record Unit(String code, String name) {

  public String groupId() {
    return Groups.unit(code);
  }
}
