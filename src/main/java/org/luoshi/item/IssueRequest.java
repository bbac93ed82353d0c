package org.luoshi.item;

import java.time.LocalDate;
import java.util.List;
import org.luoshi.common.Bounded;

/**
 * What issuing an item takes: the start variables of DESIGN.md §4.1 (REST body of POST /api/items,
 * or Tasklist's start form). {@code responsiblePerson} may be set when a unit breaks an item down to
 * one of its own people (层层分解到人). {@code coUnitCodes} are the co-responsible units (协办单位):
 * existing units, none twice, not the lead unit, at most {@value Items#MAX_CO_UNITS}.
 */
@Bounded(scope = "responsibility-item")
public record IssueRequest(
    String title,
    ItemSource source,
    String unitCode,
    String leadLeader,
    LocalDate deadline,
    String target,
    String parentCode,
    LocalDate issuedOn,
    ItemCategory category,
    String responsiblePerson,
    List<String> coUnitCodes) {

  /** An item without co-units. */
  public IssueRequest(String title, ItemSource source, String unitCode, String leadLeader, LocalDate deadline,
      String target, String parentCode, LocalDate issuedOn, ItemCategory category, String responsiblePerson) {
    this(title, source, unitCode, leadLeader, deadline, target, parentCode, issuedOn, category, responsiblePerson,
        null);
  }
}
