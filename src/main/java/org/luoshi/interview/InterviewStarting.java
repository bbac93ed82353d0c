package org.luoshi.interview;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.luoshi.common.DomainException;
import org.luoshi.common.Texts;
import org.luoshi.engine.Actors;
import org.luoshi.engine.Privileged;
import org.luoshi.engine.Time;
import org.luoshi.engine.Vars;
import org.luoshi.identity.AccessPolicy;
import org.luoshi.identity.Groups;
import org.luoshi.identity.Organisation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starting interviews (约谈问责, DESIGN.md 4.2), the one way in — from /api/interviews, from Tasklist's
 * start form (through the process start listener), from an overdue responsibility item, from a
 * follow-up and from the annual assessment. Every start passes the same data checks; starts by a
 * person also pass the caller checks (the office and principal leaders start any interview, a
 * leader in charge those they conduct themselves).
 */
@Service
class InterviewStarting {

  static final String ORIGIN_MANUAL = "MANUAL";
  static final String ORIGIN_TASKLIST = "TASKLIST";
  static final String ORIGIN_ITEM_OVERDUE = "ITEM_OVERDUE";
  static final String ORIGIN_FOLLOW_UP = "FOLLOW_UP";
  static final String ORIGIN_ASSESSMENT = "ASSESSMENT:";

  static final int MAX_INTERVIEWEES = 100;
  static final int FIRST_HOUR = 9;
  static final int LAST_HOUR = 17;
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
  private static final Pattern PERIOD = Pattern.compile("[A-Za-z0-9-]{1,20}");

  private final InterviewRepository repository;
  private final InterviewNumbers numbers;
  private final RuntimeService runtime;
  private final DecisionService decisions;
  private final Privileged privileged;
  private final Organisation organisation;
  private final AccessPolicy access;
  private final InterviewProperties properties;
  private final RelatedItems items;
  private final InterviewViews views;
  private final InterviewVariables variables;

  InterviewStarting(InterviewRepository repository, InterviewNumbers numbers, RuntimeService runtime,
      DecisionService decisions, Privileged privileged, Organisation organisation, AccessPolicy access,
      InterviewProperties properties, RelatedItems items, InterviewViews views,
      InterviewVariables variables) {
    this.repository = repository;
    this.numbers = numbers;
    this.runtime = runtime;
    this.decisions = decisions;
    this.privileged = privileged;
    this.organisation = organisation;
    this.access = access;
    this.properties = properties;
    this.items = items;
    this.views = views;
    this.variables = variables;
  }


  /**
   * Starts an interview: checks the caller (unless a system start) and the data, fills in the
   * defaults (method by DMN, time, place), gives it its code and starts its process. Nothing is
   * written when a check fails.
   */
  @Transactional
  InterviewView start(InterviewRequest request) {
    return views.view(startInterview(request, ORIGIN_MANUAL));
  }

  /**
   * The interview of a responsibility item still not done 7 days after its deadline: its leader in
   * charge interviews its responsible person for poor implementation. Idempotent: when the item
   * already has an interview for poor implementation that was not cancelled, that one is returned.
   */
  @Transactional
  InterviewView startForOverdueItem(String itemCode, String itemTitle, String leadLeader,
      String responsiblePerson) {
    return startForOverdueItem(itemCode, itemTitle, leadLeader,
        responsiblePerson == null ? List.of() : List.of(responsiblePerson));
  }

  /**
   * As {@link #startForOverdueItem(String, String, String, String)}, for the people accountable
   * for the item: its responsible person, or the unit's staff when no one was named yet.
   */
  InterviewView startForOverdueItem(String itemCode, String itemTitle, String leadLeader,
      List<String> interviewees) {
    String code = checkItemCode(itemCode);
    if (code == null) {
      throw DomainException.invalid("relatedItemCode", "事项编号不能为空");
    }
    List<Interview> existing = repository.activeForItem(code, InterviewTrigger.POOR_IMPLEMENTATION,
        InterviewStatus.CANCELLED);
    if (!existing.isEmpty()) {
      return views.view(existing.get(0));
    }
    String title = itemTitle == null || itemTitle.isBlank() ? code : itemTitle.trim();
    String subject = Texts.cut("责任清单事项逾期 7 日仍未完成：" + title + "（" + code + "）", 500);
    var request = new InterviewRequest(InterviewTrigger.POOR_IMPLEMENTATION, null, leadLeader,
        interviewees, null, null, subject, code, null, InterviewRequest.SYSTEM);
    return views.view(startInterview(request, ORIGIN_ITEM_OVERDUE));
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
  List<InterviewView> startForAssessment(String period, String subject, String interviewer,
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
        started.add(views.view(existing.get(0)));
        continue;
      }
      var request = new InterviewRequest(InterviewTrigger.POOR_IMPLEMENTATION, null, interviewer,
          List.of(person), null, null, reason, null, null, InterviewRequest.SYSTEM);
      started.add(views.view(startInterview(request, origin)));
    }
    return started;
  }

  Interview startInterview(InterviewRequest request, String origin) {
    if (!request.bySystem()) {
      checkCaller(request);
    }
    Interview interview = create(request, origin);
    VariableMap startVariables = variables.of(interview);
    Supplier<String> start = () -> runtime
        .startProcessInstanceByKey(Interviews.PROCESS_KEY, interview.getCode(), startVariables).getId();
    // a person starts with their own engine permissions; an automatic start runs as the system
    String processInstanceId = request.bySystem() ? privileged.call(start) : start.get();
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
      execution.setVariables(variables.of(interview));
    }
    interview.attach(execution.getProcessInstanceId());
    access.grantInstanceToUser(interview.getInterviewer(), execution.getProcessInstanceId());
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
  Instant checkScheduledAt(Instant at, Instant now, String field) {
    Instant earliest = now.truncatedTo(ChronoUnit.MINUTES).plus(properties.noticePeriod());
    if (at.isBefore(earliest)) {
      throw DomainException.invalid(field, "约谈时间应至少提前 " + properties.noticePeriodText()
          + "告知被约谈人，不能早于 " + InterviewVariables.format(earliest));
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
    DmnDecisionResult result = privileged.call(() -> decisions.evaluateDecisionByKey(Interviews.METHOD_DECISION)
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
    throw new IllegalStateException("DMN " + Interviews.METHOD_DECISION + " gave an invalid method: " + value);
  }
}
