package org.luoshi.interview;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.luoshi.common.DomainException;
import org.luoshi.common.Texts;
import org.luoshi.engine.Instances;
import org.luoshi.engine.Privileged;
import org.luoshi.engine.Time;
import org.luoshi.engine.Vars;
import org.luoshi.identity.AccessPolicy;
import org.luoshi.identity.Organisation;
import org.luoshi.notification.Notice;
import org.luoshi.notification.Notifications;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of an interview's process — 提前告知, 约谈准备, 实施约谈, 整理记录, 回访 — and its
 * cancellation: the rules each task's listener or delegate applies to the interview it is bound to.
 */
@Service
class InterviewSteps {

  private static final String FOLLOW_UP_PREFIX = "回访：";

  private final InterviewRepository repository;
  private final InterviewLedger ledger;
  private final InterviewStarting starting;
  private final InterviewViews views;
  private final RuntimeService runtime;
  private final Privileged privileged;
  private final Organisation organisation;
  private final Notifications notifications;

  InterviewSteps(InterviewRepository repository, InterviewLedger ledger, InterviewStarting starting,
      InterviewViews views, RuntimeService runtime, Privileged privileged, Organisation organisation,
      Notifications notifications) {
    this.repository = repository;
    this.ledger = ledger;
    this.starting = starting;
    this.views = views;
    this.runtime = runtime;
    this.privileged = privileged;
    this.organisation = organisation;
    this.notifications = notifications;
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


  /**
   * 提前告知: each interviewee gets a notice of time, place, subject and kind, the interviewer a
   * copy. The notice key carries the schedule revision: a retried job sends nothing twice, a
   * reschedule notifies again.
   */
  @Transactional
  void notifyInterviewees(String code) {
    Interview i = ledger.byCode(code);
    if (i.getStatus() == InterviewStatus.CANCELLED) {
      return;
    }
    int revision = i.scheduleRevision();
    boolean again = revision > 1;
    String when = InterviewVariables.format(i.scheduledAt());
    String link = InterviewVariables.link(code);
    String shortSubject = Texts.cut(i.getSubject(), 60);
    var body = new StringBuilder();
    if (again) {
      body.append("原定约谈未如期举行（").append(i.currentSchedule().reason()).append("），现改期。");
    }
    body.append("定于").append(when).append("在").append(i.place()).append("对您进行")
        .append(i.getMethod().label()).append("。\n")
        .append(details(i))
        .append("请准时参加；确有特殊情况不能参加的，请提前向约谈人说明。");
    notifications.send(new Notice(Interviews.NOTICE_INTERVIEW, (again ? "约谈改期通知：" : "约谈通知：") + shortSubject,
        body.toString(), link, Interviews.NOTICE_INTERVIEW + ":" + code + ":" + revision), i.intervieweeIds());

    String copy = (again ? "约谈已改期，" : "") + "定于" + when + "在" + i.place() + "进行"
        + i.getMethod().label() + "，被约谈人：" + String.join("、", views.names(i.intervieweeIds()).values())
        + "。\n" + details(i) + "已通知被约谈人；请在“约谈准备”任务中填写约谈提纲。";
    notifications.send(new Notice(Interviews.NOTICE_SCHEDULED, (again ? "约谈改期：" : "约谈安排：") + shortSubject,
        copy, link, Interviews.NOTICE_SCHEDULED + ":" + code + ":" + revision), List.of(i.getInterviewer()));
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
    Interview i = ledger.byCode(code);
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
    Interview i = ledger.byCode(code);
    boolean held = v.requiredBool("held", "约谈是否如期举行");
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("held", held);
    if (held) {
      LocalDate day = LocalDate.ofInstant(i.scheduledAt(), Time.ZONE);
      if (Time.today().isBefore(day)) {
        throw DomainException.invalid("held", "约谈定于" + InterviewVariables.format(i.scheduledAt()) + "，尚未到约谈日期，不能登记为已举行");
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
      variables.put("attendeeNames", String.join("、", views.names(attendees).values()));
      return variables;
    }
    OffsetDateTime at = v.requiredDateTime("scheduledAt", "新的约谈时间");
    if (at.toInstant().equals(i.scheduledAt())) {
      throw DomainException.invalid("scheduledAt", "约谈未如期举行，请填写新的约谈时间");
    }
    Instant when = starting.checkScheduledAt(at.toInstant(), Time.now(), "scheduledAt");
    String reason = Texts.optional(v.text("rescheduleReason"), "rescheduleReason", "未如期举行的原因", 500);
    if (reason == null) {
      throw DomainException.invalid("rescheduleReason", "请填写未如期举行的原因");
    }
    String place = Texts.optional(v.text("place"), "place", "约谈地点", 200);
    i.reschedule(when, place == null ? i.place() : place, reason, actor, Time.now());
    variables.putAll(InterviewVariables.scheduleVariables(i));
    return variables;
  }

  /**
   * 整理记录: the record, the outcome, and whether (and by when) the interviewees must rectify;
   * returns the process variables to set ({@code followUpAt}, the end of the deadline day, arms the
   * follow-up timer).
   */
  @Transactional
  Map<String, Object> recorded(String code, Vars v, String actor) {
    Interview i = ledger.byCode(code);
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
    Interview first = ledger.byCode(code);
    List<Interview> existing = repository.activeFollowUps(code, InterviewStatus.CANCELLED);
    if (!existing.isEmpty()) {
      return views.view(existing.get(0));
    }
    String subject = first.getSubject().startsWith(FOLLOW_UP_PREFIX)
        ? first.getSubject()
        : Texts.cut(FOLLOW_UP_PREFIX + first.getSubject(), 500);
    var request = new InterviewRequest(first.getTrigger(), InterviewMethod.FOLLOW_UP, first.getInterviewer(),
        first.intervieweeIds(), null, first.place(), subject, first.getRelatedItemCode(), code,
        InterviewRequest.SYSTEM);
    return views.view(starting.startInterview(request, InterviewStarting.ORIGIN_FOLLOW_UP));
  }

  /**
   * Cancels an interview not yet held (the office, or the system): its process ends through the
   * "取消约谈" event, and the interviewees and interviewer are told.
   */
  @Transactional
  InterviewView cancel(String code, String reason, String caller) {
    Interview i = ledger.byCode(code);
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
      privileged.call(() -> runtime.createMessageCorrelation(Interviews.CANCEL_MESSAGE)
          .processInstanceId(i.getProcessInstanceId())
          .setVariable("cancelReason", why)
          .correlateWithResult());
    }
    List<String> told = new ArrayList<>(i.intervieweeIds());
    told.add(i.getInterviewer());
    notifications.send(new Notice(Interviews.NOTICE_CANCELLED, "约谈取消：" + Texts.cut(i.getSubject(), 60),
        "原定于" + InterviewVariables.format(i.scheduledAt()) + "在" + i.place() + "进行的" + i.getMethod().label()
            + "已取消。\n取消原因：" + why + "\n约谈编号：" + code,
        InterviewVariables.link(code), Interviews.NOTICE_CANCELLED + ":" + code), told);
    return views.view(i);
  }
}
