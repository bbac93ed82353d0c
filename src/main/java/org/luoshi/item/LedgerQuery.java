package org.luoshi.item;

/** The ledger's filters (GET /api/items) and paging. */
public record LedgerQuery(String unitCode, ItemStatus status, ItemSource source, ItemCategory category,
    Boolean overdue, Light light, String leadLeader, String responsiblePerson, String parentCode,
    Integer year, String q, int page, int size) {}
