package org.luoshi.interview;

import jakarta.persistence.criteria.Predicate;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.luoshi.common.Texts;
import org.luoshi.engine.Actors;
import org.luoshi.engine.Instances;
import org.luoshi.engine.Privileged;
import org.luoshi.engine.Time;
import org.luoshi.engine.Vars;
import org.luoshi.identity.AccessPolicy;
import org.luoshi.identity.Groups;
import org.luoshi.identity.Organisation;
import org.luoshi.notification.Notice;
import org.luoshi.notification.Notifications;
import org.luoshi.common.DomainException;
import org.luoshi.common.PageResult;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accountability interviews (约谈问责, DESIGN.md 4.2): the one way to start an interview — from
 * /api/interviews, from Tasklist's start form (through the process start listener), from an
 * overdue responsibility item, from a follow-up and from the annual assessment — and the rules of
 * its steps. Every start passes the same data checks; starts by a person also pass the caller
 * checks (the office and principal leaders start any interview, a leader in charge those they
 * conduct themselves).
 */
@Service
public class Interviews {

  public static final String PROCESS_KEY = "interview";
  public static final String METHOD_DECISION = "interview-method";
  /** The message that cancels a running interview (the process's "取消约谈" event subprocess). */
  public static final String CANCEL_MESSAGE = "interviewCancelled";

  static final String ORIGIN_MANUAL = "MANUAL";
  static final String ORIGIN_TASKLIST = "TASKLIST";
  static final String ORIGIN_ITEM_OVERDUE = "ITEM_OVERDUE";
  static final String ORIGIN_FOLLOW_UP = "FOLLOW_UP";
  static final String ORIGIN_ASSESSMENT = "ASSESSMENT:";

  /** The notice each interviewee gets (once per schedule revision). */
  public static final String NOTICE_INTERVIEW = "INTERVIEW_NOTICE";
  /** The interviewer's copy of the schedule. */
  public static final String NOTICE_SCHEDULED = "INTERVIEW_SCHEDULED";
  public static final String NOTICE_CANCELLED = "INTERVIEW_CANCELLED";

  static final int MAX_INTERVIEWEES = 100;
  static final int FIRST_HOUR = 9;
  static final int LAST_HOUR = 17;
  private static final String FOLLOW_UP_PREFIX = "回访：";
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
  private static final Pattern PERIOD = Pattern.compile("[A-Za-z0-9-]{1,20}");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
  private static final List<InterviewStatus> HELD = List.of(InterviewStatus.HELD, InterviewStatus.RECORDED);

  private final InterviewRepository repository;
  private final InterviewNumbers numbers;
  private final RuntimeService runtime;
  private final DecisionService decisions;
  private final IdentityService identity;
  private final Privileged privileged;
  private final Organisation organisation;
  private final AccessPolicy access;
  private final Notifications notifications;
  private final InterviewProperties properties;
  private final RelatedItems items;

  Interviews(InterviewRepository repository, InterviewNumbers numbers, RuntimeService runtime,
      DecisionService decisions, IdentityService identity, Privileged privileged,
      Organisation organisation, AccessPolicy access, Notifications notifications,
      InterviewProperties properties, RelatedItems items) {
    this.repository = repository;
    this.numbers = numbers;
    this.runtime = runtime;
    this.decisions = decisions;
    this.identity = identity;
    this.privileged = privileged;
    this.organisation = organisation;
    this.access = access;
    this.notifications = notifications;
    this.properties = properties;
    this.items = items;
  }

  // starting -----------------------------------------------------------------------------------

  /**
   * Starts an interview: checks the caller (unless a system start) and the data, fills in the
   * defaults (method by DMN, time, place), gives it its code and starts its process. Nothing is
   * written when a check fails.
   */
  @Transactional
  public InterviewView start(InterviewRequest request) {
    return view(startInterview(request, ORIGIN_MANUAL));
  }

  /**
   * The interview of a responsibility item still not done 7 days after its deadline: its leader in
   * charge interviews its responsible person for poor implementation. Idempotent: when the item
   * already has an interview for poor implementation that was not cancelled, that one is returned.
   */
  @Transactional
  public InterviewView startForOverdueItem(String itemCode, String itemTitle, String leadLeader,
      String responsiblePerson) {
    return startForOverdueItem(itemCode, itemTitle, leadLeader,
        responsiblePerson == null ? List.of() : List.of(responsiblePerson));
  }

  /**
   * As {@link #startForOverdueItem(String, String, String, String)}, for the people accountable
   * for the item: its responsible person, or the unit's staff when no one was named yet.
   */
  public InterviewView startForOverdueItem(String itemCode, String itemTitle, String leadLeader,
      List<String> interviewees) {
    String code = checkItemCode(itemCode);
    if (code == null) {
      throw DomainException.invalid("relatedItemCode", "事项编号不能为空");
    }
    List<Interview> existing = repository.activeForItem(code, InterviewTrigger.POOR_IMPLEMENTATION,
        InterviewStatus.CANCELLED);
    if (!existing.isEmpty()) {
      return view(existing.get(0));
    }
    String title = itemTitle == null || itemTitle.isBlank() ? code : itemTitle.trim();
    String subject = Texts.cut("责任清单事项逾期 7 日仍未完成：" + title + "（" + code + "）", 500);
    var request = new InterviewRequest(InterviewTrigger.POOR_IMPLEMENTATION, null, leadLeader,
        interviewees, null, null, subject, code, null, InterviewRequest.SYSTEM);
    return view(startInterview(request, ORIGIN_ITEM_OVERDUE));
  }

  /**
   * The interviews an assessment decides on (奖优罚劣: non-performers are interviewed): one
   * interview for poor implementation per person, conducted by {@code interviewer}, the method
   * chosen by DMN from each person's earlier interviews. Idempotent per period and person: a person
   * who already has a non-cancelled interview of this period gets that one back.
   *
   * @param period the assessment period, e.g. {@code 2026} or {@code 2026-H1}
   * @param subject the reason shown to the people; null = "考核评价结果靠后（period）"
   */
  @Transactional
  public List<InterviewView> startForAssessment(String period, String subject, String interviewer,
      List<String> people) {
    if (period == null || !PERIOD.matcher(period).matches()) {
      throw DomainException.invalid("period", "考核期格式不正确：" + period);
    }
    String origin = ORIGIN_ASSESSMENT + period;
    String reason = subject == null || subject.isBlank() ? "考核评价结果靠后（" + period + "）" : subject;
    List<InterviewView> started = new ArrayList<>();
    for (String person : new LinkedHashSet<>(people == null ? List.<String>of() : people)) {
      List<Interview> existing = repository.activeByOriginAndPerson(origin, person, InterviewStatus.CANCELLED);
      if (!existing.isEmpty()) {
        started.add(view(existing.get(0)));
        continue;
      }
      var request = new InterviewRequest(InterviewTrigger.POOR_IMPLEMENTATION, null, interviewer,
          List.of(person), null, null, reason, null, null, InterviewRequest.SYSTEM);
      started.add(view(startInterview(request, origin)));
    }
    return started;
  }

  Interview startInterview(InterviewRequest request, String origin) {
    if (!request.bySystem()) {
      checkCaller(request);
    }
    Interview interview = create(request, origin);
    VariableMap variables = variables(interview);
    Supplier<String> start = () -> runtime
        .startProcessInstanceByKey(PROCESS_KEY, interview.getCode(), variables).getId();
    // a person starts with their own engine permissions; an automatic start runs as the system
    String processInstanceId = request.bySystem() ? withoutAuthorization(start) : start.get();
    interview.attach(processInstanceId);
    return interview;
  }

  /**
   * The process start listener: an instance started by {@link #start} finds its interview by its
   * business key; one started from Tasklist's start form (or the engine's REST API) is checked and
   * stored here, with the same checks, as its starter.
   */
  @Transactional
  void onProcessStart(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    Interview interview = businessKey == null ? null : repository.findByCode(businessKey)
        .orElseThrow(() -> DomainException.notFound("没有这个约谈：" + businessKey));
    if (interview != null && interview.getProcessInstanceId() != null
        && !interview.getProcessInstanceId().equals(execution.getProcessInstanceId())) {
      throw DomainException.conflict("businessKey", "约谈 " + businessKey + " 已在办理中，不能再发起一个流程");
    }
    if (interview == null) {
      InterviewRequest request = requestFrom(Vars.of(execution), Actors.currentUser());
      if (!request.bySystem()) {
        checkCaller(request);
      }
      interview = create(request, ORIGIN_TASKLIST);
      execution.setProcessBusinessKey(interview.getCode());
      execution.setVariables(variables(interview));
    }
    interview.attach(execution.getProcessInstanceId());
    access.grantInstanceToUser(interview.getInterviewer(), execution.getProcessInstanceId());
  }

  /**
   * The code of the interview a task or execution works on: the one bound to its process instance
   * at start (its business key agrees), never a variable a task worker could have written.
   */
  @Transactional(readOnly = true)
  String boundCode(VariableScope scope) {
    String processInstanceId = Instances.processInstanceId(scope);
    Interview interview = repository.findByProcessInstanceId(processInstanceId).orElseThrow(() ->
        new IllegalStateException("No interview is bound to process instance " + processInstanceId));
    Instances.checkBusinessKey(scope, interview.getCode());
    return interview.getCode();
  }

  static InterviewRequest requestFrom(Vars v, String startedBy) {
    return new InterviewRequest(
        v.enumValue("trigger", InterviewTrigger.class),
        v.enumValue("method", InterviewMethod.class),
        v.text("interviewer"),
        v.textList("interviewees"),
        v.dateTime("scheduledAt"),
        v.text("place"),
        v.text("subject"),
        v.text("relatedItemCode"),
        v.text("followUpOf"),
        startedBy);
  }

  private void checkCaller(InterviewRequest request) {
    String caller = request.startedBy();
    List<String> groups = organisation.groupIdsOf(caller);
    if (AccessPolicy.seesEverything(groups)) {
      return;
    }
    if (groups.contains(Groups.LEADERS)) {
      if (!caller.equals(request.interviewer())) {
        throw DomainException.forbidden("分管领导只能发起由本人担任约谈人的约谈");
      }
      return;
    }
    throw DomainException.forbidden("只有督查室和区级领导可以发起约谈");
  }

  /** The data checks of every start; stores the interview and gives it its code. */
  private Interview create(InterviewRequest r, String origin) {
    Instant now = Time.now();
    if (r.trigger() == null) {
      throw DomainException.invalid("trigger", "请选择约谈情形");
    }
    String subject = Texts.optional(r.subject(), "subject", "约谈事由", 500);
    if (subject == null) {
      throw DomainException.invalid("subject", "约谈事由不能为空");
    }
    String interviewer = r.interviewer() == null ? null : r.interviewer().trim();
    if (interviewer == null || interviewer.isEmpty()) {
      throw DomainException.invalid("interviewer", "请填写约谈人");
    }
    Map<String, List<String>> groups = new HashMap<>();
    InterviewerLevel level = interviewerLevel(interviewer, groups);
    List<String> interviewees = checkInterviewees(interviewer, level, r.interviewees(), groups);
    Instant scheduledAt = r.scheduledAt() == null
        ? defaultScheduledAt(now, properties.noticePeriod())
        : checkScheduledAt(r.scheduledAt().toInstant(), now, "scheduledAt");
    String place = Texts.optional(r.place(), "place", "约谈地点", 200);
    if (place == null) {
      place = properties.defaultPlace();
    }
    String itemCode = checkItemCode(r.relatedItemCode());
    if (itemCode != null && !r.bySystem() && !items.exists(itemCode)) {
      throw DomainException.invalid("relatedItemCode", "没有这个责任清单事项：" + itemCode);
    }

    InterviewMethod method = r.method();
    String followUpOf = r.followUpOf() == null || r.followUpOf().isBlank() ? null : r.followUpOf().trim();
    if (followUpOf != null) {
      Interview first = repository.findByCode(followUpOf)
          .orElseThrow(() -> DomainException.invalid("followUpOf", "被回访的约谈不存在：" + followUpOf));
      if (first.getStatus() == InterviewStatus.CANCELLED) {
        throw DomainException.invalid("followUpOf", "被回访的约谈已取消：" + followUpOf);
      }
      if (method == null) {
        method = InterviewMethod.FOLLOW_UP;
      } else if (method != InterviewMethod.FOLLOW_UP) {
        throw DomainException.invalid("method", "回访的约谈方式应为回访约谈");
      }
    } else if (method == InterviewMethod.FOLLOW_UP) {
      throw DomainException.invalid("followUpOf", "回访约谈须注明被回访的约谈");
    }

    int year = LocalDate.ofInstant(now, Time.ZONE).getYear();
    int earlier = interviewees.stream()
        .mapToInt(u -> (int) repository.countEarlier(u, year, InterviewStatus.CANCELLED, InterviewMethod.FOLLOW_UP))
        .max().orElse(0);
    if (method == null) {
      method = chooseMethod(r.trigger(), earlier);
    }
    String startedBy = r.bySystem() ? InterviewRequest.SYSTEM : r.startedBy();
    var interview = new Interview(numbers.next(year), year, r.trigger(), method, earlier, interviewer, level,
        interviewees, scheduledAt, place, subject, itemCode, followUpOf, origin, startedBy, now);
    return repository.save(interview);
  }

  private InterviewerLevel interviewerLevel(String interviewer, Map<String, List<String>> groups) {
    if (!organisation.userExists(interviewer)) {
      throw DomainException.invalid("interviewer", "约谈人不存在：" + interviewer);
    }
    List<String> of = groups.computeIfAbsent(interviewer, organisation::groupIdsOf);
    if (of.contains(Groups.LEADERS) || of.contains(Groups.PRINCIPAL_LEADERS)) {
      return InterviewerLevel.COUNTY;
    }
    if (AccessPolicy.isOffice(of) || of.stream().anyMatch(g -> Groups.unitCode(g) != null)) {
      return InterviewerLevel.UNIT;
    }
    throw DomainException.invalid("interviewer",
        "约谈人须为区级领导、督查室或单位工作人员：" + organisation.nameOf(interviewer));
  }

  /**
   * Who may be interviewed: people of a unit or the office; a leader in charge only by a principal
   * leader; nobody interviews the principal leaders here. A unit's interviewer interviews people of
   * their own unit; the office and county-level leaders anyone of the units.
   */
  private List<String> checkInterviewees(String interviewer, InterviewerLevel level, List<String> interviewees,
      Map<String, List<String>> groups) {
    if (interviewees.isEmpty()) {
      throw DomainException.invalid("interviewees", "请至少填写一名被约谈人");
    }
    if (interviewees.size() > MAX_INTERVIEWEES) {
      throw DomainException.invalid("interviewees", "一次约谈最多 " + MAX_INTERVIEWEES + " 人");
    }
    List<String> interviewerGroups = groups.get(interviewer);
    boolean byPrincipal = interviewerGroups.contains(Groups.PRINCIPAL_LEADERS);
    boolean byOffice = AccessPolicy.isOffice(interviewerGroups);
    Set<String> interviewerUnits = unitCodes(interviewerGroups);
    for (String person : interviewees) {
      if (person.equals(interviewer)) {
        throw DomainException.invalid("interviewees", "约谈人不能同时是被约谈人：" + organisation.nameOf(person));
      }
      if (!organisation.userExists(person)) {
        throw DomainException.invalid("interviewees", "被约谈人不存在：" + person);
      }
      List<String> of = groups.computeIfAbsent(person, organisation::groupIdsOf);
      String name = organisation.nameOf(person);
      if (of.contains(Groups.PRINCIPAL_LEADERS)) {
        throw DomainException.invalid("interviewees", "主要领导不能作为被约谈人：" + name);
      }
      if (of.contains(Groups.LEADERS)) {
        if (!byPrincipal) {
          throw DomainException.invalid("interviewees", "区级分管领导只能由主要领导约谈：" + name);
        }
        continue;
      }
      Set<String> units = unitCodes(of);
      if (units.isEmpty() && !AccessPolicy.isOffice(of)) {
        throw DomainException.invalid("interviewees", "被约谈人不属于任何单位：" + name);
      }
      if (level == InterviewerLevel.UNIT && !byOffice && units.stream().noneMatch(interviewerUnits::contains)) {
        throw DomainException.invalid("interviewees", "单位约谈只能约谈本单位人员：" + name);
      }
    }
    return interviewees;
  }

  private static Set<String> unitCodes(List<String> groupIds) {
    Set<String> codes = new LinkedHashSet<>();
    groupIds.stream().map(Groups::unitCode).filter(c -> c != null).forEach(codes::add);
    return codes;
  }

  /** At least the notice period ahead (to the minute) and within a year. */
  private Instant checkScheduledAt(Instant at, Instant now, String field) {
    Instant earliest = now.truncatedTo(ChronoUnit.MINUTES).plus(properties.noticePeriod());
    if (at.isBefore(earliest)) {
      throw DomainException.invalid(field, "约谈时间应至少提前 " + properties.noticePeriodText()
          + "告知被约谈人，不能早于 " + format(earliest));
    }
    if (at.isAfter(now.plus(Duration.ofDays(366)))) {
      throw DomainException.invalid(field, "约谈时间不能晚于一年以后");
    }
    return at;
  }

  /**
   * The notice period from now, on the next full hour, moved into working hours (09:00–17:00,
   * Monday to Friday).
   */
  static Instant defaultScheduledAt(Instant now, Duration noticePeriod) {
    ZonedDateTime t = now.plus(noticePeriod).atZone(Time.ZONE);
    ZonedDateTime hour = t.truncatedTo(ChronoUnit.HOURS);
    t = hour.equals(t) ? t : hour.plusHours(1);
    if (t.getHour() < FIRST_HOUR) {
      t = t.withHour(FIRST_HOUR);
    } else if (t.getHour() > LAST_HOUR) {
      t = t.plusDays(1).withHour(FIRST_HOUR);
    }
    while (t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY) {
      t = t.plusDays(1).withHour(FIRST_HOUR);
    }
    return t.toInstant();
  }

  private static String checkItemCode(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    String c = code.trim();
    if (!CODE.matcher(c).matches()) {
      throw DomainException.invalid("relatedItemCode", "事项编号格式不正确：" + org.luoshi.common.Inputs.excerpt(c));
    }
    return c;
  }

  /** DMN {@code interview-method}: the kind of interview for a trigger and the earlier interviews. */
  InterviewMethod chooseMethod(InterviewTrigger trigger, int earlierInterviews) {
    DmnDecisionResult result = withoutAuthorization(() -> decisions.evaluateDecisionByKey(METHOD_DECISION)
        .variables(Variables.putValue("trigger", trigger.name()).putValue("earlierInterviews", earlierInterviews))
        .evaluate());
    Object value = result.isEmpty() ? null : result.getSingleResult().getSingleEntry();
    if (value == null) {
      throw DomainException.invalid("method", "约谈方式规则对“" + trigger.label() + "”没有结论，请直接选择约谈方式");
    }
    try {
      InterviewMethod method = InterviewMethod.valueOf(value.toString());
      if (method != InterviewMethod.FOLLOW_UP) {
        return method;
      }
    } catch (IllegalArgumentException e) {
      // falls through
    }
    throw new IllegalStateException("DMN " + METHOD_DECISION + " gave an invalid method: " + value);
  }

  // the steps ----------------------------------------------------------------------------------

  /**
   * 提前告知: each interviewee gets a notice of time, place, subject and kind, the interviewer a
   * copy. The notice key carries the schedule revision: a retried job sends nothing twice, a
   * reschedule notifies again.
   */
  @Transactional
  void notifyInterviewees(String code) {
    Interview i = byCode(code);
    if (i.getStatus() == InterviewStatus.CANCELLED) {
      return;
    }
    int revision = i.scheduleRevision();
    boolean again = revision > 1;
    String when = format(i.scheduledAt());
    String link = link(code);
    String shortSubject = Texts.cut(i.getSubject(), 60);
    var body = new StringBuilder();
    if (again) {
      body.append("原定约谈未如期举行（").append(i.currentSchedule().reason()).append("），现改期。");
    }
    body.append("定于").append(when).append("在").append(i.place()).append("对您进行")
        .append(i.getMethod().label()).append("。\n")
        .append(details(i))
        .append("请准时参加；确有特殊情况不能参加的，请提前向约谈人说明。");
    notifications.send(new Notice(NOTICE_INTERVIEW, (again ? "约谈改期通知：" : "约谈通知：") + shortSubject,
        body.toString(), link, NOTICE_INTERVIEW + ":" + code + ":" + revision), i.intervieweeIds());

    String copy = (again ? "约谈已改期，" : "") + "定于" + when + "在" + i.place() + "进行"
        + i.getMethod().label() + "，被约谈人：" + String.join("、", names(i.intervieweeIds()).values())
        + "。\n" + details(i) + "已通知被约谈人；请在“约谈准备”任务中填写约谈提纲。";
    notifications.send(new Notice(NOTICE_SCHEDULED, (again ? "约谈改期：" : "约谈安排：") + shortSubject,
        copy, link, NOTICE_SCHEDULED + ":" + code + ":" + revision), List.of(i.getInterviewer()));
    i.markNotified(Time.now());
  }

  private String details(Interview i) {
    var s = new StringBuilder()
        .append("约谈事由：").append(i.getSubject()).append("\n")
        .append("约谈情形：").append(i.getTrigger().label()).append("\n")
        .append("约谈方式：").append(i.getMethod().label()).append("\n")
        .append("约谈人：").append(organisation.nameOf(i.getInterviewer())).append("\n");
    if (i.getRelatedItemCode() != null) {
      s.append("关联事项：").append(i.getRelatedItemCode()).append("\n");
    }
    if (i.getFollowUpOf() != null) {
      s.append("本次为对约谈 ").append(i.getFollowUpOf()).append(" 的回访。\n");
    }
    s.append("约谈编号：").append(i.getCode()).append("\n");
    return s.toString();
  }

  /** 约谈准备: the interviewer's outline. */
  @Transactional
  void prepared(String code, Vars v) {
    Interview i = byCode(code);
    String outline = Texts.optional(v.text("outline"), "outline", "约谈提纲", 4000);
    if (outline == null) {
      throw DomainException.invalid("outline", "约谈提纲不能为空");
    }
    i.prepare(outline);
  }

  /**
   * 实施约谈: held, with who attended; or not held, with a new time (the notice period ahead), the
   * reason and perhaps a new place, and the interviewees are told again. Returns the process
   * variables to set.
   */
  @Transactional
  Map<String, Object> conducted(String code, Vars v, String actor) {
    Interview i = byCode(code);
    boolean held = v.requiredBool("held", "约谈是否如期举行");
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("held", held);
    if (held) {
      LocalDate day = LocalDate.ofInstant(i.scheduledAt(), Time.ZONE);
      if (Time.today().isBefore(day)) {
        throw DomainException.invalid("held", "约谈定于" + format(i.scheduledAt()) + "，尚未到约谈日期，不能登记为已举行");
      }
      List<String> attendees = v.textList("attendees");
      if (attendees.isEmpty()) {
        throw DomainException.invalid("attendees", "请选择实际到场的被约谈人");
      }
      for (String a : attendees) {
        if (!i.intervieweeIds().contains(a)) {
          throw DomainException.invalid("attendees", "到场人员不在被约谈人名单中：" + organisation.nameOf(a));
        }
      }
      i.hold(attendees);
      variables.put("attendees", Vars.json(attendees));
      variables.put("attendeeNames", String.join("、", names(attendees).values()));
      return variables;
    }
    OffsetDateTime at = v.requiredDateTime("scheduledAt", "新的约谈时间");
    if (at.toInstant().equals(i.scheduledAt())) {
      throw DomainException.invalid("scheduledAt", "约谈未如期举行，请填写新的约谈时间");
    }
    Instant when = checkScheduledAt(at.toInstant(), Time.now(), "scheduledAt");
    String reason = Texts.optional(v.text("rescheduleReason"), "rescheduleReason", "未如期举行的原因", 500);
    if (reason == null) {
      throw DomainException.invalid("rescheduleReason", "请填写未如期举行的原因");
    }
    String place = Texts.optional(v.text("place"), "place", "约谈地点", 200);
    i.reschedule(when, place == null ? i.place() : place, reason, actor, Time.now());
    variables.putAll(scheduleVariables(i));
    return variables;
  }

  /**
   * 整理记录: the record, the outcome, and whether (and by when) the interviewees must rectify;
   * returns the process variables to set ({@code followUpAt}, the end of the deadline day, arms the
   * follow-up timer).
   */
  @Transactional
  Map<String, Object> recorded(String code, Vars v, String actor) {
    Interview i = byCode(code);
    String record = Texts.optional(v.text("record"), "record", "约谈记录", org.luoshi.common.Inputs.MAX_TEXT);
    if (record == null) {
      throw DomainException.invalid("record", "约谈记录不能为空");
    }
    InterviewOutcome outcome = v.enumValue("outcome", InterviewOutcome.class);
    if (outcome == null) {
      throw DomainException.invalid("outcome", "请选择处理结果");
    }
    boolean rectify = v.requiredBool("rectificationRequired", "是否需要整改");
    LocalDate deadline = null;
    if (rectify) {
      deadline = v.requiredDate("rectificationDeadline", "整改期限");
      LocalDate today = Time.today();
      if (!deadline.isAfter(today)) {
        throw DomainException.invalid("rectificationDeadline", "整改期限应晚于今天");
      }
      if (deadline.isAfter(today.plusYears(1))) {
        throw DomainException.invalid("rectificationDeadline", "整改期限不能超过一年");
      }
    }
    i.record(record, outcome, rectify, deadline, actor, Time.now());
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("outcome", outcome.name());
    variables.put("rectificationRequired", rectify);
    if (rectify) {
      variables.put("rectificationDeadline", deadline.toString());
      variables.put("followUpAt", Time.endOf(deadline));
    }
    return variables;
  }

  /**
   * 回访: at the rectification deadline a FOLLOW_UP interview of the same people, by the same
   * interviewer, {@code followUpOf} this one. Idempotent: an existing follow-up is returned.
   */
  @Transactional
  InterviewView startFollowUp(String code) {
    Interview first = byCode(code);
    List<Interview> existing = repository.activeFollowUps(code, InterviewStatus.CANCELLED);
    if (!existing.isEmpty()) {
      return view(existing.get(0));
    }
    String subject = first.getSubject().startsWith(FOLLOW_UP_PREFIX)
        ? first.getSubject()
        : Texts.cut(FOLLOW_UP_PREFIX + first.getSubject(), 500);
    var request = new InterviewRequest(first.getTrigger(), InterviewMethod.FOLLOW_UP, first.getInterviewer(),
        first.intervieweeIds(), null, first.place(), subject, first.getRelatedItemCode(), code,
        InterviewRequest.SYSTEM);
    return view(startInterview(request, ORIGIN_FOLLOW_UP));
  }

  /**
   * Cancels an interview not yet held (the office, or the system): its process ends through the
   * "取消约谈" event, and the interviewees and interviewer are told.
   */
  @Transactional
  public InterviewView cancel(String code, String reason, String caller) {
    Interview i = byCode(code);
    boolean system = caller == null || InterviewRequest.SYSTEM.equals(caller);
    if (!system) {
      List<String> groups = organisation.groupIdsOf(caller);
      if (!AccessPolicy.isOfficeOrAdmin(groups)) {
        throw DomainException.forbidden("只有督查室可以取消约谈");
      }
    }
    String why = Texts.optional(reason, "reason", "取消原因", 500);
    if (why == null) {
      throw DomainException.invalid("reason", "请填写取消原因");
    }
    if (!i.getStatus().isOpen()) {
      throw DomainException.conflict("status", "约谈" + i.getStatus().label() + "，不能取消");
    }
    i.cancel(why, system ? InterviewRequest.SYSTEM : caller, Time.now());
    if (i.getProcessInstanceId() != null) {
      withoutAuthorization(() -> runtime.createMessageCorrelation(CANCEL_MESSAGE)
          .processInstanceId(i.getProcessInstanceId())
          .setVariable("cancelReason", why)
          .correlateWithResult());
    }
    List<String> told = new ArrayList<>(i.intervieweeIds());
    told.add(i.getInterviewer());
    notifications.send(new Notice(NOTICE_CANCELLED, "约谈取消：" + Texts.cut(i.getSubject(), 60),
        "原定于" + format(i.scheduledAt()) + "在" + i.place() + "进行的" + i.getMethod().label()
            + "已取消。\n取消原因：" + why + "\n约谈编号：" + code,
        link(code), NOTICE_CANCELLED + ":" + code), told);
    return view(i);
  }

  // reading ------------------------------------------------------------------------------------

  /** An interview by its code, without caller checks (for other capabilities). */
  @Transactional(readOnly = true)
  public Optional<InterviewView> find(String code) {
    return repository.findByCode(code).map(this::view);
  }

  /** The interviews related to a responsibility item, oldest first (all of them, for Luoshi's own rules). */
  @Transactional(readOnly = true)
  public List<InterviewView> forItem(String itemCode) {
    if (itemCode == null || itemCode.isBlank()) {
      return List.of();
    }
    return views(repository.findByRelatedItemCodeOrderByIdAsc(itemCode.trim()));
  }

  /**
   * The interviews related to an item that the caller may see (for the item's page): the same rule
   * as {@link #viewFor}, so an interview answered 404 on its own never shows inside the item.
   */
  @Transactional(readOnly = true)
  public List<InterviewView> forItem(String itemCode, String userId, boolean seesEverything) {
    if (itemCode == null || itemCode.isBlank()) {
      return List.of();
    }
    return views(repository.findByRelatedItemCodeOrderByIdAsc(itemCode.trim()).stream()
        .filter(i -> seesEverything || involves(i, userId)).toList());
  }

  /**
   * How many interviews each person attended that were held in a year (for the annual
   * assessment's ranking), by user id; people never interviewed are absent.
   */
  @Transactional(readOnly = true)
  public Map<String, Long> timesInterviewed(int year) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Object[] row : repository.timesInterviewed(startOf(year), startOf(year + 1), HELD)) {
      out.put((String) row[0], ((Number) row[1]).longValue());
    }
    return out;
  }

  /**
   * As {@link #timesInterviewed(int)}, for the interviews held in [from, to) (an assessment of a
   * half-year counts that half-year's).
   */
  @Transactional(readOnly = true)
  public Map<String, Long> timesInterviewed(LocalDate from, LocalDate to) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Object[] row : repository.timesInterviewed(from.atStartOfDay(Time.ZONE).toInstant(),
        to.atStartOfDay(Time.ZONE).toInstant(), HELD)) {
      out.put((String) row[0], ((Number) row[1]).longValue());
    }
    return out;
  }

  /** An interview as the caller may see it: the office, principal leaders and admins all, others their own. */
  @Transactional(readOnly = true)
  public InterviewView viewFor(String code, String userId, boolean seesEverything) {
    return repository.findByCode(code)
        .filter(i -> seesEverything || involves(i, userId))
        .map(this::view)
        .orElseThrow(() -> DomainException.notFound("没有这个约谈：" + code));
  }

  /** Interviews the caller may see, newest first, filtered. */
  @Transactional(readOnly = true)
  public PageResult<InterviewView> list(InterviewFilter filter, String userId, boolean seesEverything,
      int page, int size) {
    PageResult.check(page, size);
    if (filter.year() != null && (filter.year() < 2000 || filter.year() > 2100)) {
      throw DomainException.invalid("year", "年份应在 2000 到 2100 之间");
    }
    Specification<Interview> spec = (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      if (filter.relatedItemCode() != null) {
        where.add(cb.equal(root.get("relatedItemCode"), filter.relatedItemCode()));
      }
      if (filter.year() != null) {
        where.add(cb.equal(root.get("startYear"), filter.year()));
      }
      if (filter.status() != null) {
        where.add(cb.equal(root.get("status"), filter.status()));
      }
      if (filter.interviewer() != null) {
        where.add(cb.equal(root.get("interviewer"), filter.interviewer()));
      }
      if (filter.interviewee() != null) {
        where.add(hasInterviewee(root, query, cb, filter.interviewee()));
      }
      if (!seesEverything) {
        where.add(cb.or(cb.equal(root.get("interviewer"), userId), cb.equal(root.get("startedBy"), userId),
            hasInterviewee(root, query, cb, userId)));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
    var result = repository.findAll(spec, PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id")));
    return new PageResult<>(views(result.getContent()), result.getTotalElements(), page, size);
  }

  private static Predicate hasInterviewee(jakarta.persistence.criteria.Root<Interview> root,
      jakarta.persistence.criteria.CriteriaQuery<?> query, jakarta.persistence.criteria.CriteriaBuilder cb,
      String userId) {
    var sub = query.subquery(Long.class);
    var other = sub.from(Interview.class);
    var person = other.join("participants");
    sub.select(other.get("id"))
        .where(cb.equal(other.get("id"), root.get("id")), cb.equal(person.get("userId"), userId));
    return cb.exists(sub);
  }

  /**
   * Interviews held in a year: sessions, distinct people who attended and person-times, by
   * interviewer level, trigger, kind and outcome.
   */
  @Transactional(readOnly = true)
  public InterviewStats stats(int year) {
    if (year < 2000 || year > 2100) {
      throw DomainException.invalid("year", "年份应在 2000 到 2100 之间");
    }
    return stats(year, startOf(year), startOf(year + 1));
  }

  /**
   * The same figures for the interviews held in [from, to) (Beijing dates), e.g. a quarter or a
   * half-year for the periodic reports; {@code year} is the year {@code from} falls in.
   */
  @Transactional(readOnly = true)
  public InterviewStats stats(LocalDate from, LocalDate to) {
    return stats(from.getYear(), from.atStartOfDay(Time.ZONE).toInstant(), to.atStartOfDay(Time.ZONE).toInstant());
  }

  /** The interviews held in [from, to) (Beijing dates), in the order they were held. */
  @Transactional(readOnly = true)
  public List<InterviewView> heldBetween(LocalDate from, LocalDate to) {
    return views(repository.heldBetween(from.atStartOfDay(Time.ZONE).toInstant(),
        to.atStartOfDay(Time.ZONE).toInstant(), HELD));
  }

  private InterviewStats stats(int year, Instant from, Instant to) {
    Object[] totals = repository.heldTotals(from, to, HELD).stream().findFirst().orElse(new Object[] {0L, 0L, 0L});
    return new InterviewStats(year, count(totals[0]), count(totals[1]), count(totals[2]),
        groups(InterviewerLevel.class, InterviewerLevel::label, repository.heldByLevel(from, to, HELD)),
        groups(InterviewTrigger.class, InterviewTrigger::label, repository.heldByTrigger(from, to, HELD)),
        groups(InterviewMethod.class, InterviewMethod::label, repository.heldByMethod(from, to, HELD)),
        groups(InterviewOutcome.class, InterviewOutcome::label, repository.heldByOutcome(from, to, HELD)));
  }

  private static <E extends Enum<E>> Map<String, InterviewStats.Group> groups(Class<E> type,
      java.util.function.Function<E, String> label, List<Object[]> rows) {
    Map<E, Object[]> byKey = new EnumMap<>(type);
    rows.forEach(r -> byKey.put(type.cast(r[0]), r));
    Map<String, InterviewStats.Group> out = new LinkedHashMap<>();
    for (E e : type.getEnumConstants()) {
      Object[] r = byKey.get(e);
      out.put(e.name(), r == null
          ? new InterviewStats.Group(label.apply(e), 0, 0, 0)
          : new InterviewStats.Group(label.apply(e), count(r[1]), count(r[2]), count(r[3])));
    }
    return out;
  }

  private static long count(Object n) {
    return n == null ? 0 : ((Number) n).longValue();
  }

  private static Instant startOf(int year) {
    return LocalDate.of(year, 1, 1).atStartOfDay(Time.ZONE).toInstant();
  }

  private static boolean involves(Interview i, String userId) {
    return userId != null && (userId.equals(i.getInterviewer()) || userId.equals(i.getStartedBy())
        || i.intervieweeIds().contains(userId));
  }

  Interview byCode(String code) {
    return repository.findByCode(code).orElseThrow(() -> DomainException.notFound("没有这个约谈：" + code));
  }

  // views and variables ------------------------------------------------------------------------

  InterviewView view(Interview i) {
    return views(List.of(i)).get(0);
  }

  private List<InterviewView> views(List<Interview> interviews) {
    if (interviews.isEmpty()) {
      return List.of();
    }
    Map<String, List<String>> followUps = new HashMap<>();
    for (Object[] row : repository.followUpsOf(interviews.stream().map(Interview::getCode).toList())) {
      followUps.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
    }
    Set<String> people = new LinkedHashSet<>();
    for (Interview i : interviews) {
      people.add(i.getInterviewer());
      people.addAll(i.intervieweeIds());
    }
    Map<String, String> names = names(people);
    return interviews.stream().map(i -> view(i, names, followUps.getOrDefault(i.getCode(), List.of()))).toList();
  }

  private static InterviewView view(Interview i, Map<String, String> allNames, List<String> followUps) {
    Map<String, String> names = new LinkedHashMap<>();
    names.put(i.getInterviewer(), allNames.getOrDefault(i.getInterviewer(), i.getInterviewer()));
    i.intervieweeIds().forEach(u -> names.put(u, allNames.getOrDefault(u, u)));
    List<InterviewView.Schedule> history = new ArrayList<>();
    List<ScheduleEntry> schedule = i.schedule();
    for (int n = 0; n < schedule.size(); n++) {
      ScheduleEntry s = schedule.get(n);
      history.add(new InterviewView.Schedule(n + 1, Time.at(s.scheduledAt()), s.place(), s.reason(), s.changedBy(),
          Time.at(s.changedAt()), Time.at(s.notifiedAt())));
    }
    return new InterviewView(i.getCode(), i.getProcessInstanceId(), i.getStatus(), i.getStatus().label(),
        i.getTrigger(), i.getTrigger().label(), i.getMethod(), i.getMethod().label(), i.getEarlierInterviews(),
        i.getInterviewer(), i.getInterviewerLevel(), i.intervieweeIds(),
        i.getStatus() == InterviewStatus.HELD || i.getStatus() == InterviewStatus.RECORDED
            ? i.attendeeIds() : List.of(),
        names, Time.at(i.scheduledAt()), i.place(), i.getSubject(), i.getRelatedItemCode(), i.getFollowUpOf(),
        followUps, i.getOutline(), Time.at(i.getHeldAt()), i.getRecord(), i.getOutcome(),
        i.getOutcome() == null ? null : i.getOutcome().label(), i.getRectificationRequired(),
        i.getRectificationDeadline(), i.getRecordedBy(), Time.at(i.getRecordedAt()), i.getCancelledBy(),
        Time.at(i.getCancelledAt()), i.getCancelReason(), i.getOrigin(), i.getStartedBy(), Time.at(i.getCreatedAt()),
        history);
  }

  /** The names of people, in one identity query. */
  private Map<String, String> names(Collection<String> userIds) {
    Map<String, String> names = new LinkedHashMap<>();
    if (userIds.isEmpty()) {
      return names;
    }
    List<User> users = withoutAuthorization(() ->
        identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list());
    Map<String, String> found = new HashMap<>();
    for (User u : users) {
      String name = (u.getLastName() == null ? "" : u.getLastName()) + (u.getFirstName() == null ? "" : u.getFirstName());
      found.put(u.getId(), name.isBlank() ? u.getId() : name);
    }
    userIds.forEach(u -> names.put(u, found.getOrDefault(u, u)));
    return names;
  }

  /** The process variables of an interview: what the model and the forms read. */
  VariableMap variables(Interview i) {
    Map<String, String> names = names(new ArrayList<>(new LinkedHashSet<>(
        concat(List.of(i.getInterviewer()), i.intervieweeIds()))));
    List<Map<String, String>> options = i.intervieweeIds().stream()
        .map(u -> Map.of("label", names.get(u) + "（" + u + "）", "value", u))
        .toList();
    VariableMap v = Variables.createVariables()
        .putValue("interviewId", i.getCode())
        .putValue("trigger", i.getTrigger().name())
        .putValue("triggerLabel", i.getTrigger().label())
        .putValue("method", i.getMethod().name())
        .putValue("methodLabel", i.getMethod().label())
        .putValue("interviewer", i.getInterviewer())
        .putValue("interviewerName", names.get(i.getInterviewer()))
        .putValue("interviewees", Vars.json(i.intervieweeIds()))
        .putValue("intervieweeNames", String.join("、", i.intervieweeIds().stream().map(names::get).toList()))
        .putValue("intervieweeOptions", Vars.json(options))
        .putValue("attendees", Vars.json(i.intervieweeIds()))
        .putValue("subject", i.getSubject())
        .putValue("relatedItemCode", i.getRelatedItemCode())
        .putValue("followUpOf", i.getFollowUpOf());
    v.putAll(scheduleVariables(i));
    return v;
  }

  private static Map<String, Object> scheduleVariables(Interview i) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("scheduledAt", OffsetDateTime.ofInstant(i.scheduledAt(), Time.ZONE).toString());
    v.put("scheduledAtText", format(i.scheduledAt()));
    v.put("place", i.place());
    return v;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** 2026年3月6日（星期五）09:30, Beijing time. */
  static String format(Instant instant) {
    ZonedDateTime t = instant.atZone(Time.ZONE);
    return DAY.format(t) + "（" + t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA) + "）"
        + HOUR.format(t);
  }

  static String link(String code) {
    return "/ledger/interviews/" + code; // the ledger page of the interview (the JSON is /api/interviews/{id})
  }

  /** Runs engine work without the caller's authorization checks (system starts, DMN, names). */
  private <T> T withoutAuthorization(Supplier<T> work) {
    return privileged.call(work);
  }
}
