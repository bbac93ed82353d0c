package org.luoshi.item;

import static org.luoshi.common.DomainException.invalid;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.luoshi.engine.Privileged;
import org.luoshi.engine.Time;
import org.luoshi.engine.WorkCalendar;
import org.luoshi.identity.AccessPolicy;
import org.luoshi.identity.Groups;
import org.luoshi.identity.Organisation;
import org.luoshi.item.ItemViews.Change;
import org.luoshi.item.ItemViews.ChildProgress;
import org.luoshi.item.ItemViews.Counts;
import org.luoshi.item.ItemViews.Created;
import org.luoshi.item.ItemViews.Event;
import org.luoshi.item.ItemViews.Extension;
import org.luoshi.item.ItemViews.ItemDetail;
import org.luoshi.item.ItemViews.ItemSummary;
import org.luoshi.item.ItemViews.Progress;
import org.luoshi.item.ItemViews.Review;
import org.luoshi.item.ItemViews.Stats;
import org.luoshi.item.ItemViews.UnitCounts;
import org.luoshi.scoring.QualityBand;
import org.luoshi.scoring.Scores;
import org.luoshi.common.DomainException;
import org.luoshi.common.Texts;
import org.luoshi.common.PerTransaction;
import org.luoshi.common.PageResult;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of responsibility items that are not in DMN: who may issue what, what each task
 * completion must carry and what it changes, and the ledger and statistics. Every change happens
 * in the transaction of the task completion (or REST call) that causes it.
 */
@Service
public class ItemService {

  public static final String PROCESS_KEY = "responsibility-item";
  /** Days after the deadline an accountability interview starts (DESIGN.md §4.1). */
  public static final int INTERVIEW_AFTER_DAYS = 7;
  /** At most this many co-responsible units (协办单位) on one item. */
  public static final int MAX_CO_UNITS = 10;
  static final String SYSTEM = org.luoshi.engine.Actors.SYSTEM;

  private final ItemRepository items;
  private final ProgressReportRepository progress;
  private final ReviewRecordRepository reviews;
  private final ExtensionRequestRepository extensions;
  private final ItemEventRepository events;
  private final ItemCodes codes;
  private final Organisation organisation;
  private final Scores scores;
  private final RuntimeService runtime;
  private final Privileged privileged;
  private final WorkCalendar calendar;
  private final ItemSettings settings;
  private final AccessPolicy access;
  /** The item a command works on, read once per transaction (by code, and by process instance). */
  private final PerTransaction<String, Item> byCodeMemo = new PerTransaction<>();
  private final PerTransaction<String, Item> byInstanceMemo = new PerTransaction<>();

  ItemService(ItemRepository items, ProgressReportRepository progress, ReviewRecordRepository reviews,
      ExtensionRequestRepository extensions, ItemEventRepository events, ItemCodes codes,
      Organisation organisation, Scores scores, RuntimeService runtime, Privileged privileged,
      WorkCalendar calendar, ItemSettings settings, AccessPolicy access) {
    this.items = items;
    this.progress = progress;
    this.reviews = reviews;
    this.extensions = extensions;
    this.events = events;
    this.codes = codes;
    this.organisation = organisation;
    this.scores = scores;
    this.runtime = runtime;
    this.privileged = privileged;
    this.calendar = calendar;
    this.settings = settings;
    this.access = access;
  }

  // --- issuing --------------------------------------------------------------------------------

  /** POST /api/items: issues the item and starts its process (business key = item code). */
  @Transactional
  public Created create(IssueRequest request, String issuer) {
    Item item = issue(request, issuer);
    Map<String, Object> variables = processVariables(item);
    ProcessInstance instance = privileged.call(() -> runtime.createProcessInstanceByKey(PROCESS_KEY)
        .businessKey(item.getCode())
        .setVariables(variables)
        .execute());
    return new Created(item.getCode(), instance.getId(), item.getStatus());
  }

  /** Validates and records a new item; its process is started by the caller. */
  @Transactional
  public Item issue(IssueRequest r, String issuer) {
    LocalDate today = Time.today();
    boolean office = issuer == null || SYSTEM.equals(issuer) || access.isOfficeOrAdmin(issuer);
    // who may issue is decided before anything is validated: a refusal must not tell another unit's
    // item apart from a missing one, nor quote its deadline or status (issue 13)
    String parentCode = Texts.blankToNull(r.parentCode());
    Item parent = parentCode == null ? null : items.findByCode(parentCode).orElse(null);
    List<String> issuerUnits = office ? List.of() : organisation.unitCodesOf(issuer);
    if (parentCode == null && !office) {
      throw DomainException.forbidden("只有督查室可以下发责任清单");
    }
    if (parentCode != null && !office && (parent == null || !issuerUnits.contains(parent.getUnitCode()))) {
      throw DomainException.forbidden("只有督查室或上级事项的责任单位可以分解事项");
    }
    if (parentCode != null && parent == null) {
      throw invalid("parentCode", "没有这个上级事项：" + parentCode);
    }
    String person = Texts.blankToNull(r.responsiblePerson());
    if (person != null && !office && !issuerUnits.contains(Texts.blankToNull(r.unitCode()))) {
      // naming another unit's person would tell its members apart: that unit plans its own item
      throw DomainException.forbidden("分解给其他单位的子事项，责任人由该单位制定落实方案时确定");
    }
    String title = required(r.title(), "title", "事项名称");
    if (title.length() > 200) {
      throw invalid("title", "事项名称不能超过 200 字");
    }
    if (r.source() == null) {
      throw invalid("source", "请选择事项来源（INSTRUCTION、DECISION、KEY_TASK、COMMITTEE）");
    }
    String unitCode = required(r.unitCode(), "unitCode", "责任单位");
    if (!organisation.unitExists(unitCode)) {
      throw invalid("unitCode", "没有这个责任单位：" + unitCode);
    }
    String leader = required(r.leadLeader(), "leadLeader", "分管领导");
    if (!organisation.userExists(leader)) {
      throw invalid("leadLeader", "没有这个用户：" + leader);
    }
    if (!organisation.isMember(leader, Groups.LEADERS)) {
      throw invalid("leadLeader", "分管领导须是区级分管领导（leaders）成员：" + leader);
    }
    String target = required(r.target(), "target", "工作目标");
    if (target.length() > 2000) {
      throw invalid("target", "工作目标不能超过 2000 字");
    }
    LocalDate issuedOn = r.issuedOn() == null ? today : r.issuedOn();
    if (issuedOn.isAfter(today)) {
      throw invalid("issuedOn", "下发日期不能晚于今天");
    }
    if (issuedOn.isBefore(today) && !office) {
      throw invalid("issuedOn", "只有督查室可以补录以往下发的事项（下发日期早于今天）");
    }
    if (r.deadline() == null) {
      throw invalid("deadline", "截止日期不能为空");
    }
    if (r.deadline().isBefore(issuedOn)) {
      throw invalid("deadline", "截止日期不能早于下发日期");
    }
    if (parent != null) {
      if (!parent.getStatus().isOpen()) {
        throw invalid("parentCode", "上级事项" + parent.getStatus().label() + "，不能再分解");
      }
      if (r.deadline().isAfter(parent.getDeadline())) {
        throw invalid("deadline", "子事项截止日期不能晚于上级事项的截止日期 " + parent.getDeadline());
      }
    }
    if (person != null && !organisation.isMember(person, Groups.unit(unitCode))) {
      throw invalid("responsiblePerson", "责任人须是责任单位的成员：" + person);
    }

    List<String> coUnits = coUnits(r.coUnitCodes(), unitCode);

    Item item = new Item(codes.next(issuedOn.getYear()), title, r.source(),
        r.category() == null ? ItemCategory.OTHER : r.category(), unitCode, leader, target, issuedOn,
        r.deadline(), parentCode, issuer == null ? SYSTEM : issuer, Time.now());
    if (person != null) {
      item.plan(person, null);
    }
    item.setCoUnitCodes(coUnits);
    if (r.source() == ItemSource.INSTRUCTION) {
      item.setReplyDue(calendar.plusWorkingDays(issuedOn, settings.instructionReplyWorkingDays()));
    }
    items.save(item);
    event(item, "ISSUED", issuer, organisation.unitName(unitCode)
        + (coUnits.isEmpty() ? "" : "；协办单位：" + unitNames(coUnits)));
    return item;
  }

  /**
   * The co-responsible units (协办单位) of a new item: each an existing unit, none twice, not the lead
   * unit, at most {@value #MAX_CO_UNITS}; sorted by code. Blank entries are ignored.
   */
  List<String> coUnits(List<String> codes, String leadUnit) {
    if (codes == null || codes.isEmpty()) {
      return List.of();
    }
    java.util.TreeSet<String> seen = new java.util.TreeSet<>();
    for (String raw : codes) {
      String code = Texts.blankToNull(raw);
      if (code == null) {
        continue;
      }
      if (!organisation.unitExists(code)) {
        throw invalid("coUnitCodes", "协办单位中没有这个单位：" + org.luoshi.common.Inputs.excerpt(code));
      }
      if (code.equals(leadUnit)) {
        throw invalid("coUnitCodes", "协办单位不能是牵头的责任单位本身：" + organisation.unitName(code));
      }
      if (!seen.add(code)) {
        throw invalid("coUnitCodes", "协办单位重复：" + organisation.unitName(code));
      }
    }
    if (seen.size() > MAX_CO_UNITS) {
      throw invalid("coUnitCodes", "协办单位最多 " + MAX_CO_UNITS + " 个（现为 " + seen.size() + " 个）");
    }
    return List.copyOf(seen);
  }

  private String unitNames(List<String> codes) {
    return String.join("、", codes.stream().map(organisation::unitName).toList());
  }

  /**
   * Binds an item to the process instance just started for it, once: REST-issued items exist before
   * their start, Tasklist-issued ones are issued by the start listener. An item already bound to
   * another instance is refused (one instance per item), so the start fails and writes nothing.
   */
  @Transactional
  public Item attachProcess(String code, String processInstanceId) {
    Item item = byCode(code);
    if (item.getProcessInstanceId() != null && !item.getProcessInstanceId().equals(processInstanceId)) {
      throw DomainException.conflict("businessKey", "事项 " + code + " 已在办理中，不能再发起一个流程");
    }
    item.attachProcess(processInstanceId);
    return item;
  }

  /** The item bound to a process instance (see {@link #attachProcess}). */
  @Transactional(readOnly = true)
  public Item boundTo(String processInstanceId) {
    Item item = byInstanceMemo.get(processInstanceId, pid -> items.findByProcessInstanceId(pid).orElse(null));
    if (item == null) {
      throw new IllegalStateException("No item is bound to process instance " + processInstanceId);
    }
    return byCodeMemo.get(item.getCode(), c -> item);
  }

  // --- the tasks ------------------------------------------------------------------------------

  /** acceptItem: the unit accepts the item, or returns it to the office with a reason. */
  @Transactional
  public Item accept(String code, boolean accepted, String returnReason, String actor) {
    Item item = inStatus(code, ItemStatus.ISSUED);
    if (accepted) {
      item.accept();
      event(item, "ACCEPTED", actor, null);
    } else {
      String reason = required(returnReason, "returnReason", "退回理由");
      item.returnToOffice();
      event(item, "RETURNED", actor, reason);
    }
    return item;
  }

  /** reassignItem: the office issues a returned item to another unit, or cancels it. */
  @Transactional
  public Item reassign(String code, boolean cancelled, String unitCode, String reason, String actor) {
    Item item = inStatus(code, ItemStatus.RETURNED);
    if (cancelled) {
      item.cancel();
      event(item, "CANCELLED", actor, Texts.blankToNull(reason));
      return item;
    }
    String unit = required(unitCode, "unitCode", "新的责任单位");
    if (!organisation.unitExists(unit)) {
      throw invalid("unitCode", "没有这个责任单位：" + unit);
    }
    // the new lead unit leaves the co-units: it now answers for the whole item (README: 协办单位)
    boolean wasCoUnit = item.isCoUnit(unit);
    if (wasCoUnit) {
      item.setCoUnitCodes(item.getCoUnitCodes().stream().filter(c -> !c.equals(unit)).toList());
    }
    item.reassign(unit);
    event(item, "REASSIGNED", actor, organisation.unitName(unit) + (wasCoUnit ? "（原协办单位，改为牵头）" : "")
        + (reason == null ? "" : "：" + reason));
    return item;
  }

  /** planItem: the unit names the responsible person and the measures. */
  @Transactional
  public Item plan(String code, String responsiblePerson, String measures, String actor) {
    Item item = inStatus(code, ItemStatus.IN_PROGRESS);
    String person = required(responsiblePerson, "responsiblePerson", "责任人");
    if (!organisation.userExists(person)) {
      throw invalid("responsiblePerson", "没有这个用户：" + person);
    }
    if (!organisation.isMember(person, Groups.unit(item.getUnitCode()))) {
      throw invalid("responsiblePerson", "责任人须是本单位（" + organisation.unitName(item.getUnitCode()) + "）的成员：" + person);
    }
    String m = required(measures, "measures", "落实措施");
    if (m.length() > 4000) {
      throw invalid("measures", "落实措施不能超过 4000 字");
    }
    item.plan(person, m);
    event(item, "PLANNED", actor, organisation.nameOf(person));
    return item;
  }

  /** reportProgress: the monthly progress report. */
  @Transactional
  public Item reportProgress(String code, BigDecimal percent, String note, String actor) {
    Item item = byCode(code);
    if (item.getStatus() == ItemStatus.CANCELLED || item.getStatus() == ItemStatus.CLOSED) {
      throw DomainException.conflict("progressPercent", "事项" + item.getStatus().label() + "，无需再报进展");
    }
    int p = percent(percent);
    String n = required(note, "progressNote", "进展情况");
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
    Item item = byCode(code);
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
    return summary(reportProgressNow(code, percent, note, actor), Time.today());
  }

  /**
   * A co-unit's part of the progress (reportCoProgress, or the item page): recorded with the co-unit,
   * by one of its members; the item's own progress is the lead unit's and stays as it is.
   */
  @Transactional
  public Item reportCoProgress(String code, String coUnit, BigDecimal percent, String note, String percentField,
      String noteField, String actor) {
    Item item = byCode(code);
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
    String n = required(note, noteField, "进展情况");
    progress.save(new ProgressReport(item.getId(), p, n, actor, Time.now(), coUnit));
    return item;
  }

  /** The reply to an instruction is overdue: records it once; false when replied, not due or not an instruction. */
  @Transactional
  public boolean markReplyOverdue(String code) {
    Item item = byCode(code);
    if (!item.isReplyOverdue(Time.today()) || !item.getStatus().isOpen()) {
      return false;
    }
    event(item, "REPLY_OVERDUE", SYSTEM, "回复期限 " + item.getReplyDue());
    return true;
  }

  @Transactional(readOnly = true)
  public boolean isReplyOverdue(String code) {
    Item item = byCode(code);
    return item.isReplyOverdue(Time.today()) && item.getStatus().isOpen();
  }

  /** submitCompletion with action COMPLETE: the item goes into close-out review (CLOSING). */
  @Transactional
  public Item submitCompletion(String code, LocalDate completedOn, String note, String actor) {
    Item item = inStatus(code, ItemStatus.IN_PROGRESS);
    String n = required(note, "completionNote", "完成情况");
    if (completedOn == null) {
      throw invalid("completedOn", "完成日期不能为空");
    }
    LocalDate today = Time.today();
    if (completedOn.isBefore(item.getIssuedOn()) || completedOn.isAfter(today)) {
      throw invalid("completedOn", "完成日期应在下发日期 " + item.getIssuedOn() + " 到今天 " + today + " 之间");
    }
    long open = items.countChildrenIn(item.getCode(),
        List.of(ItemStatus.ISSUED, ItemStatus.RETURNED, ItemStatus.IN_PROGRESS, ItemStatus.CLOSING));
    if (open > 0) {
      throw invalid("action", "尚有 " + open + " 项子事项未销号，不能报送完成");
    }
    item.submitCompletion(completedOn, n, today);
    event(item, "SUBMITTED", actor, n);
    return item;
  }

  /** submitCompletion with action EXTEND: asks the leader in charge for a later deadline. */
  @Transactional
  public ExtensionRequest requestExtension(String code, LocalDate newDeadline, String reason, String actor) {
    Item item = inStatus(code, ItemStatus.IN_PROGRESS);
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
      Item parent = byCode(item.getParentCode());
      if (newDeadline.isAfter(parent.getDeadline())) {
        throw invalid("newDeadline", "子事项不能延期到上级事项截止日期 " + parent.getDeadline() + " 之后");
      }
    }
    String r = required(reason, "extensionReason", "延期理由");
    if (extensions.findFirstByItemIdAndDecisionOrderByIdDesc(item.getId(), ExtensionRequest.Decision.PENDING).isPresent()) {
      throw DomainException.conflict("action", "已有待审批的延期申请");
    }
    event(item, "EXTENSION_REQUESTED", actor, newDeadline + "：" + r);
    return extensions.save(new ExtensionRequest(item.getId(), item.getDeadline(), newDeadline, r, actor, Time.now()));
  }

  /** approveExtension: the leader decides; approved moves the deadline and marks the item extended. */
  @Transactional
  public ExtensionRequest decideExtension(String code, boolean approved, String comment, String actor) {
    Item item = byCode(code);
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
      event(item, "EXTENDED", actor, request.getPreviousDeadline() + " → " + request.getNewDeadline());
    } else {
      event(item, "EXTENSION_DENIED", actor, c);
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
    Item item = inStatus(code, ItemStatus.CLOSING);
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
    if (!approved) {
      item.reopen();
      event(item, "REJECTED", actor, level.label() + "：" + c);
    } else {
      event(item, "REVIEWED", actor, level.label() + "：" + score.stripTrailingZeros().toPlainString());
    }
    return record;
  }

  /** The score the previous level gave in this submission round, if any. */
  public BigDecimal previousLevelScore(String code, ReviewLevel level) {
    return previousLevelScore(byCode(code), level);
  }

  private BigDecimal previousLevelScore(Item item, ReviewLevel level) {
    if (level.ordinal() == 0) {
      return null;
    }
    ReviewLevel previous = ReviewLevel.values()[level.ordinal() - 1];
    return reviews.findByItemIdOrderByReviewedAtAscIdAsc(item.getId()).stream()
        .filter(r -> r.getSubmissionRound() == item.getSubmissionRound() && r.getLevel() == previous && r.isApproved())
        .reduce((a, b) -> b)
        .map(ReviewRecord::getQualityScore)
        .orElse(null);
  }

  /** Records the timeliness score the DMN gave for the submitted completion. */
  @Transactional
  public Item recordTimeliness(String code, BigDecimal timelinessScore) {
    Item item = inStatus(code, ItemStatus.CLOSING);
    item.recordTimeliness(timelinessScore);
    return item;
  }

  /** closeItem: the last level approved; quality = its score, final = 3:7, status CLOSED (销号). */
  @Transactional
  public Item close(String code, String actor) {
    Item item = inStatus(code, ItemStatus.CLOSING);
    if (item.getTimelinessScore() == null) {
      throw new IllegalStateException("Item " + code + " has no timeliness score: computeTimeliness must run first");
    }
    ReviewRecord last = reviews.findByItemIdOrderByReviewedAtAscIdAsc(item.getId()).stream()
        .filter(r -> r.getSubmissionRound() == item.getSubmissionRound() && r.isApproved())
        .max(Comparator.comparing(ReviewRecord::getLevel))
        .orElseThrow(() -> new IllegalStateException("Item " + code + " has no approved review"));
    BigDecimal finalScore = scores.finalScore(item.getTimelinessScore(), last.getQualityScore());
    item.close(last.getQualityScore(), finalScore, Time.now());
    event(item, "CLOSED", actor, "综合得分 " + finalScore.toPlainString());
    return item;
  }

  /** The overdue timer fired: records the first overdue day; false when the item is not overdue (anymore). */
  @Transactional
  public boolean markOverdue(String code) {
    Item item = byCode(code);
    if (!item.isOverdue(Time.today())) {
      return false;
    }
    if (item.markOverdue(Time.today())) {
      event(item, "OVERDUE", SYSTEM, "截止日期 " + item.getDeadline());
    }
    return true;
  }

  /** True while the item is open and past its deadline (the daily chase continues). */
  @Transactional(readOnly = true)
  public boolean isOverdue(String code) {
    return byCode(code).isOverdue(Time.today());
  }

  @Transactional
  public void recordEvent(String code, String type, String actor, String detail) {
    event(byCode(code), type, actor, detail);
  }

  // --- reading --------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public Item byCode(String code) {
    Item item = byCodeMemo.get(code, c -> items.findByCode(c).orElse(null));
    if (item == null) {
      throw DomainException.notFound("没有这个事项：" + code);
    }
    return item;
  }

  /** The variables an item's process instance carries (see {@link ItemVariables}). */
  @Transactional(readOnly = true)
  public Map<String, Object> processVariables(Item item) {
    Map<String, Object> v = new java.util.LinkedHashMap<>(ItemVariables.of(item, organisation, Time.today()));
    v.put("unitMemberOptions", ItemVariables.memberOptions(organisation.people(Groups.unit(item.getUnitCode()))));
    return v;
  }

  @Transactional(readOnly = true)
  public Map<String, Object> processVariables(String code) {
    return processVariables(byCode(code));
  }

  /** The latest extension request of an item. */
  @Transactional(readOnly = true)
  public ExtensionRequest latestExtension(String code) {
    return extensions.findFirstByItemIdOrderByIdDesc(byCode(code).getId())
        .orElseThrow(() -> new IllegalStateException("Item " + code + " has no extension request"));
  }

  /** The sub-items of an item. */
  @Transactional(readOnly = true)
  public List<Item> children(String code) {
    return items.findByParentCodeOrderByCodeAsc(code);
  }

  @Transactional(readOnly = true)
  public boolean canSee(Item item, Viewer viewer) {
    return viewer.all()
        || viewer.userId().equals(item.getLeadLeader())
        || viewer.userId().equals(item.getResponsiblePerson())
        || viewer.unitCodes().contains(item.getUnitCode())
        || item.getCoUnitCodes().stream().anyMatch(viewer.unitCodes()::contains);
  }

  @Transactional(readOnly = true)
  public ItemDetail detail(String code, Viewer viewer) {
    Item item = byCode(code);
    if (!canSee(item, viewer)) {
      throw DomainException.forbidden("无权查看此事项：" + code);
    }
    LocalDate today = Time.today();
    List<Item> kids = items.findByParentCodeOrderByCodeAsc(code);
    ChildProgress childProgress = kids.isEmpty() ? null : new ChildProgress(kids.size(),
        (int) kids.stream().filter(k -> k.getStatus() != ItemStatus.CLOSED && k.getStatus() != ItemStatus.CANCELLED).count(),
        (int) kids.stream().filter(k -> k.getStatus() == ItemStatus.CLOSED).count(),
        (int) Math.round(kids.stream().filter(k -> k.getStatus() != ItemStatus.CANCELLED)
            .mapToInt(k -> k.getStatus() == ItemStatus.CLOSED ? 100 : k.getProgressPercent()).average().orElse(0)));
    var subject = new ItemViews.Subject(item.getCode(), item.getTitle(), item.getSource(), item.getSource().label(),
        item.getCategory(), item.getTarget(), item.getMeasures(), item.getParentCode(), item.getProcessInstanceId());
    var parties = new ItemViews.Parties(item.getUnitCode(), organisation.unitName(item.getUnitCode()),
        item.getLeadLeader(), organisation.nameOf(item.getLeadLeader()), item.getResponsiblePerson(),
        item.getResponsiblePerson() == null ? null : organisation.nameOf(item.getResponsiblePerson()),
        item.getIssuedBy(), item.getCoUnitCodes(),
        item.getCoUnitCodes().stream().map(c -> new ItemViews.CoUnit(c, organisation.unitName(c))).toList());
    var standing = new ItemViews.Standing(item.getIssuedOn(), item.getDeadline(), item.getOriginalDeadline(),
        item.getStatus(), item.getStatus().label(), item.isOverdue(today), item.getOverdueSince(), item.isExtended(),
        item.light(today), item.getProgressPercent(), item.getReplyDue(), item.isReplyOverdue(today),
        item.getRepliedOn(), item.getCompletedOn(), item.getDaysLate(), Time.at(item.getClosedAt()));
    var itemScores = new ItemViews.Scores(item.getTimelinessScore(), item.getQualityScore(), item.getFinalScore());
    var history = new ItemViews.History(
        progress.findByItemIdOrderByReportedAtAscIdAsc(item.getId()).stream()
            .map(p -> new Progress(p.getPercent(), p.getNote(), p.getReportedBy(),
                organisation.nameOf(p.getReportedBy()), Time.at(p.getReportedAt()), p.getUnitCode(),
                p.getUnitCode() == null ? null : organisation.unitName(p.getUnitCode()), p.getUnitCode() != null)).toList(),
        reviews.findByItemIdOrderByReviewedAtAscIdAsc(item.getId()).stream()
            .map(r -> new Review(r.getLevel(), r.getLevel().label(), r.getSubmissionRound(), r.getReviewer(),
                organisation.nameOf(r.getReviewer()), r.isApproved(), r.getQualityScore(), r.getComment(),
                Time.at(r.getReviewedAt()))).toList(),
        extensions.findByItemIdOrderByRequestedAtAscIdAsc(item.getId()).stream()
            .map(e -> new Extension(e.getPreviousDeadline(), e.getNewDeadline(), e.getReason(), e.getRequestedBy(),
                Time.at(e.getRequestedAt()), e.getDecision(), e.getDecidedBy(), e.getDecisionComment(),
                Time.at(e.getDecidedAt()))).toList(),
        item.getCompletionNote(),
        events.findByItemIdOrderByOccurredAtAscIdAsc(item.getId()).stream()
            .map(e -> new Event(e.getType(), e.getActor(),
                e.getActor() == null || SYSTEM.equals(e.getActor()) ? "系统" : organisation.nameOf(e.getActor()),
                e.getDetail(), Time.at(e.getOccurredAt()))).toList(),
        kids.stream().map(k -> summary(k, today)).toList(),
        childProgress);
    return new ItemDetail(subject, parties, standing, itemScores, history);
  }

  /** The ledger (台账): filtered, paged, newest first; each viewer sees what DESIGN.md §3 allows. */
  @Transactional(readOnly = true)
  public PageResult<ItemSummary> ledger(LedgerQuery query, Viewer viewer) {
    PageResult.check(query.page(), query.size());
    LocalDate today = Time.today();
    var page = items.findAll(ItemSpecifications.ledger(query, viewer, today),
        PageRequest.of(query.page(), query.size(), Sort.by(Sort.Order.desc("issuedOn"), Sort.Order.desc("id"))));
    return PageResult.of(page, i -> summary(i, today));
  }

  /** The seed's figures for the items issued in a year, in total and per unit. */
  @Transactional(readOnly = true)
  public Stats stats(int year) {
    if (year < 2000 || year > 2100) {
      throw invalid("year", "年份不正确：" + year);
    }
    return stats(year, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
  }

  /**
   * GET /api/stats: the same figures of the items the viewer may see (the ledger's rule): the
   * district's for those who see everything; for a unit member `total` and `byUnit` are their
   * unit's, for a leader those of the items they lead.
   */
  @Transactional(readOnly = true)
  public Stats stats(int year, Viewer viewer) {
    if (viewer.all()) {
      return stats(year);
    }
    if (year < 2000 || year > 2100) {
      throw invalid("year", "年份不正确：" + year);
    }
    List<String> units = viewer.unitCodes().isEmpty() ? List.of("") : viewer.unitCodes();
    LocalDate from = LocalDate.of(year, 1, 1);
    LocalDate to = LocalDate.of(year + 1, 1, 1);
    return tally(year, items.statsRowsVisibleTo(from, to, ItemStatus.OPEN, Time.today(), units, viewer.userId()),
        items.coUnitRowsOf(from, to, ItemStatus.OPEN, units));
  }

  /**
   * The same figures for the items issued in [from, to), e.g. a quarter or a half-year for the
   * periodic reports; {@code year} is the year {@code from} falls in.
   */
  @Transactional(readOnly = true)
  public Stats stats(LocalDate from, LocalDate to) {
    return stats(from.getYear(), from, to);
  }

  private Stats stats(int year, LocalDate from, LocalDate to) {
    return tally(year, items.statsRows(from, to, ItemStatus.OPEN, Time.today()),
        items.coUnitRows(from, to, ItemStatus.OPEN));
  }

  /** rows: the lead units' figures (statsRows); coRows: (co-unit, items, open items), the column 协办事项. */
  private Stats tally(int year, List<Object[]> rows, List<Object[]> coRows) {
    Tally total = new Tally();
    Map<String, Tally> byUnit = new TreeMap<>();
    for (Object[] row : rows) {
      String unit = (String) row[0];
      ItemStatus status = (ItemStatus) row[1];
      ItemSource source = (ItemSource) row[2];
      long[] n = new long[] {((Number) row[3]).longValue(), ((Number) row[4]).longValue(),
          ((Number) row[5]).longValue(), ((Number) row[6]).longValue(), ((Number) row[7]).longValue()};
      total.add(status, source, n);
      byUnit.computeIfAbsent(unit, u -> new Tally()).add(status, source, n);
    }
    for (Object[] row : coRows) {
      Tally t = byUnit.computeIfAbsent((String) row[0], u -> new Tally());
      t.coResponsible = ((Number) row[1]).longValue();
      t.coResponsibleOpen = row[2] == null ? 0 : ((Number) row[2]).longValue();
    }
    List<UnitCounts> units = new ArrayList<>();
    byUnit.forEach((unit, t) -> units.add(new UnitCounts(unit, organisation.unitName(unit), t.counts(),
        t.coResponsible, t.coResponsibleOpen)));
    return new Stats(year, total.counts(), units);
  }

  private static final class Tally {
    final EnumMap<ItemStatus, Long> byStatus = new EnumMap<>(ItemStatus.class);
    long overdue;
    long instruction;
    long due;
    long replied;
    long onTime;
    long coResponsible;
    long coResponsibleOpen;

    /** n = count, overdue now, replied, replied on time, reply due by today or replied. */
    void add(ItemStatus status, ItemSource source, long[] n) {
      byStatus.merge(status, n[0], Long::sum);
      overdue += n[1];
      if (source == ItemSource.INSTRUCTION) {
        instruction += n[0];
        replied += n[2];
        onTime += n[3];
        due += n[4];
      }
    }

    Counts counts() {
      long issued = byStatus.values().stream().mapToLong(Long::longValue).sum();
      BigDecimal rate = due == 0 ? null
          : BigDecimal.valueOf(onTime).divide(BigDecimal.valueOf(due), 3, RoundingMode.HALF_UP);
      return new Counts(issued, get(ItemStatus.CLOSED), get(ItemStatus.CLOSING),
          get(ItemStatus.ISSUED) + get(ItemStatus.IN_PROGRESS), get(ItemStatus.RETURNED),
          get(ItemStatus.CANCELLED), overdue, instruction, due, replied, onTime, rate);
    }

    private long get(ItemStatus s) {
      return byStatus.getOrDefault(s, 0L);
    }
  }

  // --- figures for scoring, rankings and reports --------------------------------------------

  /** One level's score on one item, for the calibration report. */
  public record ReviewSample(String reviewer, ReviewLevel level, BigDecimal score) {}

  /** Closed items and their average final score, per unit or per person. */
  public record ScoreGroup(String key, long closed, BigDecimal averageFinalScore) {}

  @Transactional(readOnly = true)
  public List<ReviewSample> reviewSamples(LocalDate from, LocalDate to) {
    return reviews.scoredBetween(startOf(from), startOf(to)).stream()
        .map(r -> new ReviewSample(r.getReviewer(), r.getLevel(), r.getQualityScore())).toList();
  }

  @Transactional(readOnly = true)
  public List<ScoreGroup> closedByUnit(LocalDate from, LocalDate to) {
    return groups(items.closedByUnit(startOf(from), startOf(to)));
  }

  @Transactional(readOnly = true)
  public List<ScoreGroup> closedByPerson(LocalDate from, LocalDate to) {
    return groups(items.closedByPerson(startOf(from), startOf(to)));
  }

  @Transactional(readOnly = true)
  public Map<String, Long> overdueByUnit(LocalDate from, LocalDate to) {
    return counts(items.overdueByUnit(from, to));
  }

  @Transactional(readOnly = true)
  public Map<String, Long> overdueByPerson(LocalDate from, LocalDate to) {
    return counts(items.overdueByPerson(from, to));
  }

  /** Items per unit that went overdue in [from, to) and are still not done (not submitted, not closed). */
  @Transactional(readOnly = true)
  public Map<String, Long> overdueUncompletedByUnit(LocalDate from, LocalDate to) {
    return counts(items.overdueOpenByUnit(from, to, ItemStatus.OPEN));
  }

  /** Items per responsible person that went overdue in [from, to) and are still not done. */
  @Transactional(readOnly = true)
  public Map<String, Long> overdueUncompletedByPerson(LocalDate from, LocalDate to) {
    return counts(items.overdueOpenByPerson(from, to, ItemStatus.OPEN));
  }

  /** How often each unit returned an item it was issued in [from, to). */
  @Transactional(readOnly = true)
  public Map<String, Long> returnedByUnit(LocalDate from, LocalDate to) {
    return counts(events.countByUnit("RETURNED", startOf(from), startOf(to)));
  }

  /** The items open and past their deadline today, earliest deadline first. */
  @Transactional(readOnly = true)
  public List<ItemSummary> overdueNow() {
    LocalDate today = Time.today();
    return items.overdueOpen(ItemStatus.OPEN, today).stream().map(i -> summary(i, today)).toList();
  }

  /**
   * The items still open today whose deadline passed before {@code day} (a period's end, or today
   * if earlier), earliest deadline first: the overdue list of a periodic report.
   */
  @Transactional(readOnly = true)
  public List<ItemSummary> overdueBefore(LocalDate day) {
    LocalDate today = Time.today();
    LocalDate before = day.isAfter(today) ? today : day;
    return items.overdueOpen(ItemStatus.OPEN, before).stream().map(i -> summary(i, today)).toList();
  }

  /** Open items whose deadline is today or within the next {@code days} days, earliest first. */
  @Transactional(readOnly = true)
  public List<ItemSummary> dueWithin(int days) {
    LocalDate today = Time.today();
    return items.dueBetween(ItemStatus.OPEN, today, today.plusDays(days)).stream().map(i -> summary(i, today)).toList();
  }

  /** What happened to items on a day (Beijing time): their events and progress reports, in order. */
  @Transactional(readOnly = true)
  public List<Change> changesOn(LocalDate day) {
    Instant from = startOf(day);
    Instant to = startOf(day.plusDays(1));
    List<Change> changes = new ArrayList<>();
    for (Object[] row : events.between(from, to)) {
      ItemEvent e = (ItemEvent) row[0];
      Item i = (Item) row[1];
      changes.add(new Change(i.getCode(), i.getTitle(), e.getUnitCode(), i.getLeadLeader(), e.getType(),
          eventLabel(e.getType()), e.getActor(), e.getDetail(), Time.at(e.getOccurredAt())));
    }
    for (Object[] row : progress.between(from, to)) {
      ProgressReport p = (ProgressReport) row[0];
      Item i = (Item) row[1];
      changes.add(new Change(i.getCode(), i.getTitle(), i.getUnitCode(), i.getLeadLeader(), "PROGRESS",
          eventLabel("PROGRESS"), p.getReportedBy(), "进度 " + p.getPercent() + "%", Time.at(p.getReportedAt())));
    }
    changes.sort(Comparator.comparing(Change::at));
    return changes;
  }

  private static final Map<String, String> EVENT_LABELS = Map.ofEntries(
      Map.entry("ISSUED", "下发"), Map.entry("ACCEPTED", "签收"), Map.entry("RETURNED", "退回"),
      Map.entry("REASSIGNED", "重新交办"), Map.entry("CANCELLED", "撤销"), Map.entry("PLANNED", "制定落实方案"),
      Map.entry("PROGRESS", "报送进展"), Map.entry("EXTENSION_REQUESTED", "申请延期"), Map.entry("EXTENDED", "延期获批"),
      Map.entry("EXTENSION_DENIED", "延期未获批"), Map.entry("SUBMITTED", "报送完成"), Map.entry("REVIEWED", "审核通过"),
      Map.entry("REJECTED", "审核退回"), Map.entry("CLOSED", "销号"), Map.entry("REMINDED", "黄灯提醒"),
      Map.entry("OVERDUE", "逾期"), Map.entry("CHASED", "催办"), Map.entry("ESCALATED", "逐级督办"));

  /** The Chinese name of an item event type (the type itself when unknown). */
  public static String eventLabel(String type) {
    return EVENT_LABELS.getOrDefault(type, type);
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(Time.ZONE).toInstant();
  }

  private static List<ScoreGroup> groups(List<Object[]> rows) {
    return rows.stream().map(r -> new ScoreGroup((String) r[0], ((Number) r[1]).longValue(),
        r[2] == null ? null : new BigDecimal(r[2].toString()).setScale(1, RoundingMode.HALF_UP))).toList();
  }

  private static Map<String, Long> counts(List<Object[]> rows) {
    Map<String, Long> m = new TreeMap<>();
    rows.forEach(r -> m.put((String) r[0], ((Number) r[1]).longValue()));
    return m;
  }

  public ItemSummary summary(Item i, LocalDate today) {
    return new ItemSummary(i.getCode(), i.getTitle(), i.getSource(), i.getCategory(), i.getUnitCode(),
        organisation.unitName(i.getUnitCode()), i.getLeadLeader(), i.getResponsiblePerson(), i.getIssuedOn(),
        i.getDeadline(), i.getStatus(), i.isOverdue(today), i.isExtended(), i.light(today),
        i.getProgressPercent(), i.getFinalScore(), i.getParentCode(), i.getCoUnitCodes(),
        i.getCoUnitCodes().stream().map(organisation::unitName).toList());
  }

  // --- helpers --------------------------------------------------------------------------------

  private Item inStatus(String code, ItemStatus expected) {
    Item item = byCode(code);
    if (item.getStatus() != expected) {
      throw DomainException.conflict("status", "事项" + item.getStatus().label() + "，不能进行此操作");
    }
    return item;
  }

  private void event(Item item, String type, String actor, String detail) {
    String d = detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail;
    events.save(new ItemEvent(item.getId(), type, item.getUnitCode(), actor, d, Time.now()));
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

  private static String required(String value, String field, String label) {
    String v = Texts.blankToNull(value);
    if (v == null) {
      throw invalid(field, label + "不能为空");
    }
    return v;
  }

}
