package org.luoshi.item;

import java.time.LocalDate;

/**
 * An item as other capabilities read it (instructions, formal documents): what it is, whose it is
 * and where it stands, with the names people read. Taken from {@link ItemLookup}.
 */
public record ItemFacts(
    String code, String title, ItemSource source, String sourceName, String unitCode, String unitName,
    String leadLeader, String leadLeaderName, String responsiblePerson, String responsiblePersonName,
    String target, String measures, LocalDate issuedOn, LocalDate deadline, LocalDate originalDeadline,
    boolean extended, ItemStatus status, String statusName, boolean overdue, LocalDate overdueSince,
    int progressPercent, String processInstanceId, java.util.List<String> coUnitCodes) {

  /** Closed or cancelled: nothing more happens to it. */
  public boolean ended() {
    return status == ItemStatus.CLOSED || status == ItemStatus.CANCELLED;
  }
}
