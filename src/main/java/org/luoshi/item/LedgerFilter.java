package org.luoshi.item;

import org.luoshi.common.Texts;

/**
 * The ledger's filters as query parameters, bound once for GET /api/items and GET /api/items.xlsx
 * ({@code @ModelAttribute}): the parameter names are the components' names; a value that does not
 * convert is a 400 naming the parameter, as for {@code @RequestParam}. Blank texts are no filter.
 */
public record LedgerFilter(String unitCode, ItemStatus status, ItemSource source, ItemCategory category,
    Boolean overdue, Light light, String leadLeader, String responsiblePerson, String parentCode, Integer year,
    String q, String coUnitCode) {

  /** The filters with this page of the ledger. */
  public LedgerQuery query(int page, int size) {
    return new LedgerQuery(Texts.blankToNull(unitCode), status, source, category, overdue, light,
        Texts.blankToNull(leadLeader), Texts.blankToNull(responsiblePerson), Texts.blankToNull(parentCode), year,
        Texts.blankToNull(q), page, size, Texts.blankToNull(coUnitCode));
  }
}
