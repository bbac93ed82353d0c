package org.luoshi.item;

import static org.luoshi.common.DomainException.invalid;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.luoshi.common.DomainException;
import org.luoshi.common.Texts;
import org.luoshi.common.PerTransaction;
import org.luoshi.engine.Time;
import org.luoshi.identity.Groups;
import org.luoshi.identity.Organisation;
import org.luoshi.item.ItemViews.ItemSummary;
import org.luoshi.scoring.QualityBand;
import org.luoshi.scoring.Scores;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of an item's process: what each task completion (and the timers' delegates) must carry
 * and what it changes — accepting, reassigning, planning, progress (the lead unit's and the co-units'),
 * completion, extension, the close-out review levels, timeliness, closing, overdue. Each change happens
 * in the transaction of the completion or REST call that causes it; issuing is {@link Items}'s.
 */
@Service
public class ItemSteps {

  private final Items service;
  private final ItemRepository items;
  private final ProgressReportRepository progress;
  private final ReviewRecordRepository reviews;
  private final ExtensionRequestRepository extensions;
  private final Organisation organisation;
  private final Scores scores;
  /** An item's review records, read once per transaction (a review level, the next score check and closing). */
  private final PerTransaction<Long, List<ReviewRecord>> reviewsMemo = new PerTransaction<>();

  ItemSteps(Items service, ItemRepository items, ProgressReportRepository progress,
      ReviewRecordRepository reviews, ExtensionRequestRepository extensions, Organisation organisation, Scores scores) {
    this.service = service;
    this.items = items;
    this.progress = progress;
    this.reviews = reviews;
    this.extensions = extensions;
    this.organisation = organisation;
    this.scores = scores;
  }


  /** acceptItem: the unit accepts the item, or returns it to the office with a reason. */
  @Transactional
  public Item accept(String code, boolean accepted, String returnReason, String actor) {
    Item item = service.inStatus(code, ItemStatus.ISSUED);
    if (accepted) {
      item.accept();
      service.event(item, "ACCEPTED", actor, null);
    } else {
      String reason = Items.required(returnReason, "returnReason", "退回理由");
      item.returnToOffice();
      service.event(item, "RETURNED", actor, reason);
    }
    return item;
  }

  /** reassignItem: the office issues a returned item to another unit, or cancels it. */
  @Transactional
  public Item reassign(String code, boolean cancelled, String unitCode, String reason, String actor) {
    Item item = service.inStatus(code, ItemStatus.RETURNED);
    if (cancelled) {
      item.cancel();
      service.event(item, "CANCELLED", actor, Texts.blankToNull(reason));
      return item;
    }
    String unit = Items.required(unitCode, "unitCode", "新的责任单位");
    if (!organisation.unitExists(unit)) {
      throw invalid("unitCode", "没有这个责任单位：" + unit);
    }
    // the new lead unit leaves the co-units: it now answers for the whole item (README: 协办单位)
    boolean wasCoUnit = item.isCoUnit(unit);
    if (wasCoUnit) {
      item.setCoUnitCodes(item.getCoUnitCodes().stream().filter(c -> !c.equals(unit)).toList());
    }
    item.reassign(unit);
    service.event(item, "REASSIGNED", actor, organisation.unitName(unit) + (wasCoUnit ? "（原协办单位，改为牵头）" : "")
        + (reason == null ? "" : "：" + reason));
    return item;
  }

  /** planItem: the unit names the responsible person and the measures. */
  @Transactional
  public Item plan(String code, String responsiblePerson, String measures, String actor) {
    Item item = service.inStatus(code, ItemStatus.IN_PROGRESS);
    String person = Items.required(responsiblePerson, "responsiblePerson", "责任人");
    if (!organisation.userExists(person)) {
      throw invalid("responsiblePerson", "没有这个用户：" + person);
    }
    if (!organisation.isMember(person, Groups.unit(item.getUnitCode()))) {
      throw invalid("responsiblePerson", "责任人须是本单位（" + organisation.unitName(item.getUnitCode()) + "）的成员：" + person);
    }
    String m = Items.required(measures, "measures", "落实措施");
    if (m.length() > 4000) {
      throw invalid("measures", "落实措施不能超过 4000 字");
    }
    item.plan(person, m);
    service.event(item, "PLANNED", actor, organisation.nameOf(person));
    return item;
  }

  /** reportProgress: the monthly progress report. */
  @Transactional
  public Item reportProgress(String code, BigDecimal percent, String note, String actor) {
    Item item = service.byCode(code);
    if (item.getStatus() == ItemStatus.CANCELLED || item.getStatus() == ItemStatus.CLOSED) {
      throw DomainException.conflict("progressPercent", "事项" + item.getStatus().label() + "，无需再报进展");
    }
    int p = percent(percent);
    String n = Items.required(note, "progressNote", "进展情况");
    item.reportProgress(p, Time.today());
    progress.save(new ProgressReport(item.getId(), p, n, actor, Time.now()));
    return item;
  }

  /**
   * A progress report outside the monthly cycle (POST /api/items/{code}/progress): by the
   * responsible person or a member of the unit, while the item is being implemented. For a
   * leader's instruction the first report is the unit's reply.
   */
  @Transactional
  public Item reportProgressNow(String code, BigDecimal percent, String note, String actor) {
    Item item = service.byCode(code);
    List<String> actorUnits = organisation.unitCodesOf(actor);
    boolean lead = actor.equals(item.getResponsiblePerson()) || actorUnits.contains(item.getUnitCode());
    String coUnit = lead ? null : item.getCoUnitCodes().stream().filter(actorUnits::contains).findFirst().orElse(null);
    if (!lead && coUnit == null) {
      throw DomainException.forbidden("只有责任人、责任单位或协办单位可以报送进展");
    }
    if (item.getStatus() != ItemStatus.IN_PROGRESS) {
      throw DomainException.conflict("status", "事项" + item.getStatus().label() + "，请在签收后、报送完成前报送进展");
    }
    return coUnit == null ? reportProgress(code, percent, note, actor)
        : reportCoProgress(code, coUnit, percent, note, "progressPercent", "progressNote", actor);
  }

  /** {@link #reportProgressNow}, answered as the ledger row (read in the same transaction: co-units are lazy). */
  @Transactional
  public ItemSummary reportProgressNowSummary(String code, BigDecimal percent, String note, String actor) {
    return service.summary(reportProgressNow(code, percent, note, actor), Time.today());
  }

  /**
   * A co-unit's part of the progress (reportCoProgress, or the item page): recorded with the co-unit,
   * by one of its members; the item's own progress is the lead unit's and stays as it is.
   */
  @Transactional
  public Item reportCoProgress(String code, String coUnit, BigDecimal percent, String note, String percentField,
      String noteField, String actor) {
    Item item = service.byCode(code);
    if (coUnit == null || !item.isCoUnit(coUnit)) {
      throw DomainException.forbidden("该单位不是本事项的协办单位");
    }
    if (!organisation.isMember(actor, Groups.unit(coUnit))) {
      throw DomainException.forbidden("协办进展须由协办单位（" + organisation.unitName(coUnit) + "）的工作人员报送");
    }
    if (item.getStatus() == ItemStatus.CANCELLED || item.getStatus() == ItemStatus.CLOSED) {
      throw DomainException.conflict(percentField, "事项" + item.getStatus().label() + "，无需再报进展");
    }
    int p = percent(percent, percentField);
    String n = Items.required(note, noteField, "进展情况");
    progress.save(new ProgressReport(item.getId(), p, n, actor, Time.now(), coUnit));
    return item;
  }

  /** The reply to an instruction is overdue: records it once; false when replied, not due or not an instruction. */
  @Transactional
  public boolean markReplyOverdue(String code) {
    Item item = service.byCode(code);
    if (!item.isReplyOverdue(Time.today()) || !item.getStatus().isOpen()) {
      return false;
    }
    service.event(item, "REPLY_OVERDUE", Items.SYSTEM, "回复期限 " + item.getReplyDue());
    return true;
  }

  @Transactional(readOnly = true)
  public boolean isReplyOverdue(String code) {
    Item item = service.byCode(code);
    return item.isReplyOverdue(Time.today()) && item.getStatus().isOpen();
  }

  /** submitCompletion with action COMPLETE: the item goes into close-out review (CLOSING). */
  @Transactional
  public Item submitCompletion(String code, LocalDate completedOn, String note, String actor) {
    Item item = service.inStatus(code, ItemStatus.IN_PROGRESS);
    String n = Items.required(note, "completionNote", "完成情况");
    if (completedOn == null) {
      throw invalid("completedOn", "完成日期不能为空");
    }
    LocalDate today = Time.today();
    if (completedOn.isBefore(item.getIssuedOn()) || completedOn.isAfter(today)) {
      throw invalid("completedOn", "完成日期应在下发日期 " + item.getIssuedOn() + " 到今天 " + today + " 之间");
    }
    long open = items.countUnclosedChildren(item.getCode());
    if (open > 0) {
      throw invalid("action", "尚有 " + open + " 项子事项未销号，不能报送完成");
    }
    item.submitCompletion(completedOn, n, today);
    service.event(item, "SUBMITTED", actor, n);
    return item;
  }

  /** submitCompletion with action EXTEND: asks the leader in charge for a later deadline. */
  @Transactional
  public ExtensionRequest requestExtension(String code, LocalDate newDeadline, String reason, String actor) {
    Item item = service.inStatus(code, ItemStatus.IN_PROGRESS);
    if (newDeadline == null) {
      throw invalid("newDeadline", "延期后的截止日期不能为空");
    }
    if (!newDeadline.isAfter(item.getDeadline())) {
      throw invalid("newDeadline", "延期后的截止日期应晚于现截止日期 " + item.getDeadline());
    }
    if (!newDeadline.isAfter(Time.today())) {
      throw invalid("newDeadline", "延期后的截止日期应晚于今天");
    }
    if (item.getParentCode() != null) {
      Item parent = service.byCode(item.getParentCode());
      if (newDeadline.isAfter(parent.getDeadline())) {
        throw invalid("newDeadline", "子事项不能延期到上级事项截止日期 " + parent.getDeadline() + " 之后");
      }
    }
    String r = Items.required(reason, "extensionReason", "延期理由");
    if (extensions.findFirstByItemIdAndDecisionOrderByIdDesc(item.getId(), ExtensionRequest.Decision.PENDING).isPresent()) {
      throw DomainException.conflict("action", "已有待审批的延期申请");
    }
    service.event(item, "EXTENSION_REQUESTED", actor, newDeadline + "：" + r);
    return extensions.save(new ExtensionRequest(item.getId(), item.getDeadline(), newDeadline, r, actor, Time.now()));
  }

  /** approveExtension: the leader decides; approved moves the deadline and marks the item extended. */
  @Transactional
  public ExtensionRequest decideExtension(String code, boolean approved, String comment, String actor) {
    Item item = service.byCode(code);
    ExtensionRequest request = extensions
        .findFirstByItemIdAndDecisionOrderByIdDesc(item.getId(), ExtensionRequest.Decision.PENDING)
        .orElseThrow(() -> DomainException.conflict("approved", "没有待审批的延期申请"));
    String c = Texts.blankToNull(comment);
    if (!approved && c == null) {
      throw invalid("comment", "不同意延期时请说明理由");
    }
    request.decide(approved, actor, c, Time.now());
    if (approved) {
      item.extendTo(request.getNewDeadline());
      service.event(item, "EXTENDED", actor, request.getPreviousDeadline() + " → " + request.getNewDeadline());
    } else {
      service.event(item, "EXTENSION_DENIED", actor, c);
    }
    return request;
  }

  /**
   * A level of the close-out review. Approving needs a quality score 0–100; rejecting, a score in
   * an extreme band (优秀, 较差) and a score more than 10 points from the previous level's need a
   * written reason. A rejection returns the item to execution.
   */
  @Transactional
  public ReviewRecord review(String code, ReviewLevel level, boolean approved, BigDecimal qualityScore,
      String comment, String actor) {
    Item item = service.inStatus(code, ItemStatus.CLOSING);
    String c = Texts.blankToNull(comment);
    if (c != null && c.length() > 2000) {
      throw invalid("reviewComment", "评审意见不能超过 2000 字");
    }
    BigDecimal score = null;
    if (approved) {
      if (qualityScore == null) {
        throw invalid("qualityScore", "请给出质量分（0–100）");
      }
      if (qualityScore.signum() < 0 || qualityScore.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw invalid("qualityScore", "质量分应在 0 到 100 之间：" + qualityScore.stripTrailingZeros().toPlainString());
      }
      score = qualityScore.setScale(1, RoundingMode.HALF_UP);
      QualityBand band = QualityBand.of(score);
      if (band.needsJustification() && c == null) {
        throw invalid("reviewComment", "质量分在“" + band.label() + "”档（" + band.from() + "–" + band.to()
            + "），须写明评定理由");
      }
      BigDecimal previous = previousLevelScore(item, level);
      if (previous != null && c == null) {
        var jump = scores.scoreJump(score.subtract(previous));
        if (jump.tooFar()) {
          throw invalid("reviewComment", "与上一级评分（" + previous.stripTrailingZeros().toPlainString()
              + "）" + jump.text() + "，须写明理由");
        }
      }
    } else if (c == null) {
      throw invalid("reviewComment", "退回时请写明退回理由");
    }
    ReviewRecord record = reviews.save(new ReviewRecord(item.getId(), level, item.getSubmissionRound(), actor,
        approved, score, c, Time.now()));
    List<ReviewRecord> known = reviewsMemo.remembered(item.getId());
    if (known != null) {
      known.add(record); // the newest, so last in the records' order
    }
    if (!approved) {
      item.reopen();
      service.event(item, "REJECTED", actor, level.label() + "：" + c);
    } else {
      service.event(item, "REVIEWED", actor, level.label() + "：" + score.stripTrailingZeros().toPlainString());
    }
    return record;
  }

  /** The score the previous level gave in this submission round, if any. */
  public BigDecimal previousLevelScore(String code, ReviewLevel level) {
    return previousLevelScore(service.byCode(code), level);
  }

  private BigDecimal previousLevelScore(Item item, ReviewLevel level) {
    if (level.ordinal() == 0) {
      return null;
    }
    ReviewLevel previous = ReviewLevel.values()[level.ordinal() - 1];
    return reviewsOf(item).stream()
        .filter(r -> r.getSubmissionRound() == item.getSubmissionRound() && r.getLevel() == previous && r.isApproved())
        .reduce((a, b) -> b)
        .map(ReviewRecord::getQualityScore)
        .orElse(null);
  }

  /** The item's review records in the order they were made (reviewed at, id). */
  private List<ReviewRecord> reviewsOf(Item item) {
    return reviewsMemo.get(item.getId(), id -> new java.util.ArrayList<>(reviews.findByItemIdOrderByReviewedAtAscIdAsc(id)));
  }

  /** Records the timeliness score the DMN gave for the submitted completion. */
  @Transactional
  public Item recordTimeliness(String code, BigDecimal timelinessScore) {
    Item item = service.inStatus(code, ItemStatus.CLOSING);
    item.recordTimeliness(timelinessScore);
    return item;
  }

  /** closeItem: the last level approved; quality = its score, final = 3:7, status CLOSED (销号). */
  @Transactional
  public Item close(String code, String actor) {
    Item item = service.inStatus(code, ItemStatus.CLOSING);
    if (item.getTimelinessScore() == null) {
      throw new IllegalStateException("Item " + code + " has no timeliness score: computeTimeliness must run first");
    }
    ReviewRecord last = reviewsOf(item).stream()
        .filter(r -> r.getSubmissionRound() == item.getSubmissionRound() && r.isApproved())
        .max(Comparator.comparing(ReviewRecord::getLevel))
        .orElseThrow(() -> new IllegalStateException("Item " + code + " has no approved review"));
    BigDecimal finalScore = scores.finalScore(item.getTimelinessScore(), last.getQualityScore());
    item.close(last.getQualityScore(), finalScore, Time.now());
    service.event(item, "CLOSED", actor, "综合得分 " + finalScore.toPlainString());
    return item;
  }

  /** The overdue timer fired: records the first overdue day; false when the item is not overdue (anymore). */
  @Transactional
  public boolean markOverdue(String code) {
    Item item = service.byCode(code);
    if (!item.isOverdue(Time.today())) {
      return false;
    }
    if (item.markOverdue(Time.today())) {
      service.event(item, "OVERDUE", Items.SYSTEM, "截止日期 " + item.getDeadline());
    }
    return true;
  }

  /** True while the item is open and past its deadline (the daily chase continues). */
  @Transactional(readOnly = true)
  public boolean isOverdue(String code) {
    return service.byCode(code).isOverdue(Time.today());
  }

  @Transactional
  public void recordEvent(String code, String type, String actor, String detail) {
    service.event(service.byCode(code), type, actor, detail);
  }

  private static int percent(BigDecimal p) {
    return percent(p, "progressPercent");
  }

  private static int percent(BigDecimal p, String field) {
    if (p == null) {
      throw invalid(field, "请填写完成进度（0–100）");
    }
    if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw invalid(field, "完成进度应在 0 到 100 之间：" + p.stripTrailingZeros().toPlainString());
    }
    try {
      return p.intValueExact();
    } catch (ArithmeticException e) {
      throw invalid(field, "完成进度应为整数：" + p.toPlainString());
    }
  }
}
