package org.luoshi.item;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What /api/items answers. */
public final class ItemViews {

  private ItemViews() {}

  /** A ledger row. */
  public record ItemSummary(
      String code, String title, ItemSource source, ItemCategory category, String unitCode,
      String unitName, String leadLeader, String responsiblePerson, LocalDate issuedOn,
      LocalDate deadline, ItemStatus status, boolean overdue, boolean extended, Light light,
      int progressPercent, BigDecimal finalScore, String parentCode, List<String> coUnitCodes,
      List<String> coUnitNames) {}

  /** A co-responsible unit (协办单位). */
  public record CoUnit(String unitCode, String unitName) {}

  /** An item with its whole history. */
  public record ItemDetail(
      String code, String title, ItemSource source, String sourceName, ItemCategory category,
      String unitCode, String unitName, String leadLeader, String leadLeaderName,
      String responsiblePerson, String responsiblePersonName, String target, String measures,
      LocalDate issuedOn, String issuedBy, LocalDate deadline, LocalDate originalDeadline,
      ItemStatus status, String statusName, boolean overdue, LocalDate overdueSince, boolean extended,
      Light light, int progressPercent, LocalDate replyDue, boolean replyOverdue, LocalDate repliedOn,
      LocalDate completedOn, Integer daysLate,
      BigDecimal timelinessScore, BigDecimal qualityScore, BigDecimal finalScore,
      OffsetDateTime closedAt, String parentCode, String processInstanceId,
      List<Progress> progress, List<Review> reviews, List<Extension> extensions,
      String completionNote, List<Event> events, List<ItemSummary> children,
      ChildProgress childProgress, List<String> coUnitCodes, List<CoUnit> coUnits) {}

  /** A progress report; {@code unitCode}/{@code unitName} name the co-unit (协办单位) whose part it is, null for the lead unit's. */
  public record Progress(int percent, String note, String reportedBy, String reportedByName,
      OffsetDateTime reportedAt, String unitCode, String unitName, boolean coUnit) {}

  public record Review(ReviewLevel level, String levelName, int submissionRound, String reviewer,
      String reviewerName, boolean approved, BigDecimal qualityScore, String comment,
      OffsetDateTime reviewedAt) {}

  public record Extension(LocalDate previousDeadline, LocalDate newDeadline, String reason,
      String requestedBy, OffsetDateTime requestedAt, ExtensionRequest.Decision decision,
      String decidedBy, String decisionComment, OffsetDateTime decidedAt) {}

  public record Event(String type, String actor, String actorName, String detail, OffsetDateTime at) {}

  /**
   * Something that happened to an item, for digests: an event of its timeline or a progress report
   * (type {@code PROGRESS}), with the unit it concerned then and a Chinese label.
   */
  public record Change(String code, String title, String unitCode, String leadLeader, String type, String label,
      String actor, String detail, OffsetDateTime at) {}

  /** How far the sub-items have come: counts and the average of their reported progress. */
  public record ChildProgress(int total, int open, int closed, int averagePercent) {}

  public record Created(String code, String processInstanceId, ItemStatus status) {}

  /** {@code GET /api/stats}: the seed's figures (1619 = 414 + 332 + 873). */
  public record Stats(int year, Counts total, List<UnitCounts> byUnit) {}

  /**
   * A unit's figures: {@code counts} of the items it leads; {@code coResponsible} how many items of the
   * year name it as a co-unit (协办事项), {@code coResponsibleOpen} how many of those are still open.
   */
  public record UnitCounts(String unitCode, String unitName, Counts counts, long coResponsible,
      long coResponsibleOpen) {}

  /**
   * issued = closed + closing + inProgress + returned + cancelled, where inProgress counts items
   * not yet accepted (ISSUED) and items being implemented (IN_PROGRESS); overdue counts open items
   * past their deadline. Instruction items (批示件): {@code instructionDue} are those whose reply
   * is due by today or has come; instructionReplyRate = replied on time / due (the seed's 回复率).
   */
  public record Counts(long issued, long closed, long closing, long inProgress, long returned,
      long cancelled, long overdue, long instructionItems, long instructionDue, long instructionReplied,
      long instructionRepliedOnTime, BigDecimal instructionReplyRate) {}
}
