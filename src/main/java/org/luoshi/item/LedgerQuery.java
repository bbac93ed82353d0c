package org.luoshi.item;

/**
 * The ledger's filters (GET /api/items) and paging. {@code unitCode} is the lead unit (牵头单位);
 * {@code coUnitCode} the items naming a unit as co-responsible (协办单位).
 */
public record LedgerQuery(String unitCode, ItemStatus status, ItemSource source, ItemCategory category,
    Boolean overdue, Light light, String leadLeader, String responsiblePerson, String parentCode,
    Integer year, String q, int page, int size, String coUnitCode) {

  /** Without the co-unit filter. */
  public LedgerQuery(String unitCode, ItemStatus status, ItemSource source, ItemCategory category,
      Boolean overdue, Light light, String leadLeader, String responsiblePerson, String parentCode,
      Integer year, String q, int page, int size) {
    this(unitCode, status, source, category, overdue, light, leadLeader, responsiblePerson, parentCode, year, q,
        page, size, null);
  }
}
