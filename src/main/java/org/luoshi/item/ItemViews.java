package org.luoshi.item;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
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

  /**
   * An item with its whole history ({@code GET /api/items/{code}}). Grouped in Java, flat in JSON:
   * each part is unwrapped, so the fields are those of DESIGN.md §5, side by side.
   */
  public record ItemDetail(@JsonUnwrapped Subject subject, @JsonUnwrapped Parties parties,
      @JsonUnwrapped Standing standing, @JsonUnwrapped Scores scores, @JsonUnwrapped History history) {}

  /** What the item is and where it comes from. */
  public record Subject(String code, String title, ItemSource source, String sourceName, ItemCategory category,
      String target, String measures, String parentCode, String processInstanceId) {}

  /** Who answers for it: the lead unit, the leader in charge, the responsible person, the co-units, the issuer. */
  public record Parties(String unitCode, String unitName, String leadLeader, String leadLeaderName,
      String responsiblePerson, String responsiblePersonName, String issuedBy, List<String> coUnitCodes,
      List<CoUnit> coUnits) {}

  /** Where it stands: status, light, progress and its dates. */
  public record Standing(LocalDate issuedOn, LocalDate deadline, LocalDate originalDeadline, ItemStatus status,
      String statusName, boolean overdue, LocalDate overdueSince, boolean extended, Light light, int progressPercent,
      LocalDate replyDue, boolean replyOverdue, LocalDate repliedOn, LocalDate completedOn, Integer daysLate,
      OffsetDateTime closedAt) {}

  /** 时效分, 质量分, 综合得分 (null until computed). */
  public record Scores(BigDecimal timelinessScore, BigDecimal qualityScore, BigDecimal finalScore) {}

  /** What happened to it: progress, reviews, extensions, the completion note, its timeline and sub-items. */
  public record History(List<Progress> progress, List<Review> reviews, List<Extension> extensions,
      String completionNote, List<Event> events, List<ItemSummary> children, ChildProgress childProgress) {}

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
