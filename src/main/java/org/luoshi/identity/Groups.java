package org.luoshi.identity;

/** The standard groups of DESIGN.md §3 and the naming of unit groups. */
public final class Groups {

  /** 督查室 */
  public static final String SUPERVISION_OFFICE = "supervision-office";
  /** 区级分管领导 */
  public static final String LEADERS = "leaders";
  /** 主要领导 */
  public static final String PRINCIPAL_LEADERS = "principal-leaders";
  /** 系统管理员 */
  public static final String ADMIN = "camunda-admin";

  public static final String UNIT_PREFIX = "unit-";
  public static final String UNIT_TYPE = "UNIT";
  public static final String WORKFLOW_TYPE = "WORKFLOW";
  public static final String SYSTEM_TYPE = "SYSTEM";

  private Groups() {}

  /** {@code unit-<code>}, the group of a unit. */
  public static String unit(String unitCode) {
    return UNIT_PREFIX + unitCode;
  }

  /** The unit code of a unit group id, or null when the id is not a unit's. */
  public static String unitCode(String groupId) {
    return groupId != null && groupId.startsWith(UNIT_PREFIX)
        ? groupId.substring(UNIT_PREFIX.length())
        : null;
  }
}
