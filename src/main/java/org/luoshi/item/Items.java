package org.luoshi.item;

import static org.luoshi.common.DomainException.invalid;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.luoshi.engine.Privileged;
import org.luoshi.engine.Time;
import org.luoshi.engine.WorkCalendar;
import org.luoshi.identity.AccessPolicy;
import org.luoshi.identity.Groups;
import org.luoshi.identity.Organisation;
import org.luoshi.item.ItemViews.Created;
import org.luoshi.item.ItemViews.ItemSummary;
import org.luoshi.common.DomainException;
import org.luoshi.common.PerTransaction;
import org.luoshi.common.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The responsibility item's face to the rest of the application: issuing (who may issue what, the
 * validation of a new item, its code and its process), the item bound to a process instance, the
 * process variables, and who may see an item. The process's steps are {@link ItemSteps}, the ledger,
 * detail and statistics {@link ItemLedger}, the figures for charts, rankings, reports and digests
 * {@link ItemFigures}.
 */
@Service
public class Items {

  public static final String PROCESS_KEY = "responsibility-item";
  /** Days after the deadline an accountability interview starts (DESIGN.md §4.1). */
  public static final int INTERVIEW_AFTER_DAYS = 7;
  /** At most this many co-responsible units (协办单位) on one item. */
  public static final int MAX_CO_UNITS = 10;
  static final String SYSTEM = org.luoshi.engine.Actors.SYSTEM;

  private final ItemRepository items;
  private final ExtensionRequestRepository extensions;
  private final ItemEventRepository events;
  private final ItemCodes codes;
  private final Organisation organisation;
  private final RuntimeService runtime;
  private final Privileged privileged;
  private final WorkCalendar calendar;
  private final ItemSettings settings;
  private final AccessPolicy access;
  /** The item a command works on, read once per transaction (by code, and by process instance). */
  private final PerTransaction<String, Item> byCodeMemo = new PerTransaction<>();
  private final PerTransaction<String, Item> byInstanceMemo = new PerTransaction<>();

  Items(ItemRepository items, ExtensionRequestRepository extensions, ItemEventRepository events, ItemCodes codes,
      Organisation organisation, RuntimeService runtime, Privileged privileged,
      WorkCalendar calendar, ItemSettings settings, AccessPolicy access) {
    this.items = items;
    this.extensions = extensions;
    this.events = events;
    this.codes = codes;
    this.organisation = organisation;
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

  /**
   * Validates a new item and takes its code. The caller starts its process in the same transaction, whose
   * start binds the item to the instance ({@link #attachProcess}), which records it with its ISSUED event.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Item issue(IssueRequest r, String issuer) {
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
    // recorded when the start that follows in this transaction binds it to its instance (attachProcess), so that
    // it is inserted once with its process instance rather than inserted and then updated; until then the
    // start finds it here, without a select
    byCodeMemo.get(item.getCode(), c -> item);
    unsavedMemo.get(item.getCode(), c -> new Unsaved(item, issuer, organisation.unitName(unitCode)
        + (coUnits.isEmpty() ? "" : "；协办单位：" + unitNames(coUnits))));
    return item;
  }

  /** An item issued in this transaction and not yet bound to its process instance, with its ISSUED event. */
  private record Unsaved(Item item, String issuer, String detail) {}

  private final PerTransaction<String, Unsaved> unsavedMemo = new PerTransaction<>();

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
   * Binds an item to the process instance just started for it, once: REST-issued items are issued before
   * their start, Tasklist-issued ones by the start listener, and either is recorded here, with its
   * process instance (one insert, no update after it). An item already bound to another instance is
   * refused (one instance per item), so the start fails and writes nothing.
   */
  @Transactional
  public Item attachProcess(String code, String processInstanceId) {
    Item item = byCode(code);
    if (item.getProcessInstanceId() != null && !item.getProcessInstanceId().equals(processInstanceId)) {
      throw DomainException.conflict("businessKey", "事项 " + code + " 已在办理中，不能再发起一个流程");
    }
    item.attachProcess(processInstanceId);
    Unsaved issued = unsavedMemo.remembered(code);
    if (issued != null && issued.item() == item && item.getId() == null) {
      items.save(item);
      event(item, "ISSUED", issued.issuer(), issued.detail());
    }
    byInstanceMemo.get(processInstanceId, p -> item);
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

  public ItemSummary summary(Item i, LocalDate today) {
    return new ItemSummary(i.getCode(), i.getTitle(), i.getSource(), i.getCategory(), i.getUnitCode(),
        organisation.unitName(i.getUnitCode()), i.getLeadLeader(), i.getResponsiblePerson(), i.getIssuedOn(),
        i.getDeadline(), i.getStatus(), i.isOverdue(today), i.isExtended(), i.light(today),
        i.getProgressPercent(), i.getFinalScore(), i.getParentCode(), i.getCoUnitCodes(),
        i.getCoUnitCodes().stream().map(organisation::unitName).toList());
  }

  // --- helpers --------------------------------------------------------------------------------

  Item inStatus(String code, ItemStatus expected) {
    Item item = byCode(code);
    if (item.getStatus() != expected) {
      throw DomainException.conflict("status", "事项" + item.getStatus().label() + "，不能进行此操作");
    }
    return item;
  }

  void event(Item item, String type, String actor, String detail) {
    String d = detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail;
    events.save(new ItemEvent(item.getId(), type, item.getUnitCode(), actor, d, Time.now()));
  }

  static String required(String value, String field, String label) {
    String v = Texts.blankToNull(value);
    if (v == null) {
      throw invalid(field, label + "不能为空");
    }
    return v;
  }

}
