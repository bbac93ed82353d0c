package org.luoshi.item;

import java.time.LocalDate;
import org.luoshi.common.Bounded;

/**
 * What issuing an item takes: the start variables of DESIGN.md §4.1 (REST body of POST /api/items,
 * or Tasklist's start form). {@code responsiblePerson} may be set when a unit breaks an item down to
 * one of its own people (层层分解到人).
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
    String responsiblePerson) {}
