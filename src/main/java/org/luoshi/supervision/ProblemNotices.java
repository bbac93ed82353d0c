package org.luoshi.supervision;

import java.util.ArrayList;
import java.util.List;
import org.luoshi.common.Texts;
import org.luoshi.engine.Time;
import org.luoshi.identity.AccessPolicy;
import org.luoshi.identity.Organisation;
import org.luoshi.notification.Notice;
import org.luoshi.notification.Notifications;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people are told about a problem of the ledger, and when (督办). Every notice carries a key,
 * so a retried job sends nothing twice: the problem given to the unit, a rejected rectification
 * (per round), overdue (once, to the unit and the office) and the daily reminder (once a day).
 */
@Component
class ProblemNotices {

  static final String ASSIGNED = "SUPERVISION_PROBLEM_ASSIGNED";
  static final String REJECTED = "SUPERVISION_PROBLEM_REJECTED";
  static final String OVERDUE = "SUPERVISION_PROBLEM_OVERDUE";
  static final String REMINDER = "SUPERVISION_PROBLEM_REMINDER";

  private final Supervisions service;
  private final Notifications notifications;
  private final Organisation organisation;
  private final AccessPolicy access;

  ProblemNotices(Supervisions service, Notifications notifications, Organisation organisation,
      AccessPolicy access) {
    this.service = service;
    this.notifications = notifications;
    this.organisation = organisation;
    this.access = access;
  }

  /** The unit is told what to fix and by when. */
  @Transactional
  public void assigned(long problemId) {
    Problem p = service.problem(problemId);
    Supervision s = p.getSupervision();
    send(new Notice(ASSIGNED,
        "督查发现问题，请整改：" + s.getSubject(),
        "在“" + s.getSubject() + "”（" + s.getMethod().label() + "）中发现" + unitName(p) + "存在问题："
            + p.getDescription() + "。请于 " + p.getDeadline() + " 前整改到位，并在任务列表“整改落实”中报送整改情况。",
        link(s), ASSIGNED + ":" + p.getId()), unit(p));
  }

  /** The unit is told its rectification was not accepted, and why. */
  @Transactional
  public void rejected(long problemId) {
    Problem p = service.problem(problemId);
    Supervision s = p.getSupervision();
    send(new Notice(REJECTED,
        "整改未通过核验，请继续整改：" + s.getSubject(),
        "问题：" + p.getDescription() + "。督查室核验意见：" + p.getVerifyComment() + "。整改期限 "
            + p.getDeadline() + "。",
        link(s), REJECTED + ":" + p.getId() + ":" + p.getRejections()), unit(p));
  }

  /** The deadline day has ended and the problem is still open: the unit and the office are told. */
  @Transactional
  public void overdue(long problemId) {
    Problem p = service.problem(problemId);
    if (!p.isOverdue(Time.today())) {
      return;
    }
    Supervision s = p.getSupervision();
    List<String> recipients = new ArrayList<>(unit(p));
    recipients.addAll(access.officeMembers());
    send(new Notice(OVERDUE,
        "督查问题整改逾期：" + unitName(p),
        unitName(p) + "未在期限 " + p.getDeadline() + " 前完成整改。问题：" + p.getDescription()
            + "（督查：" + s.getSubject() + "）。",
        link(s), OVERDUE + ":" + p.getId()), recipients);
  }

  /** A daily reminder to the unit while the problem stays open after its deadline. */
  @Transactional
  public void remind(long problemId) {
    Problem p = service.problem(problemId);
    var today = Time.today();
    if (!p.isOverdue(today)) {
      return;
    }
    long days = java.time.temporal.ChronoUnit.DAYS.between(p.getDeadline(), today);
    Supervision s = p.getSupervision();
    send(new Notice(REMINDER,
        "催办：督查问题已逾期 " + days + " 天",
        "问题：" + p.getDescription() + "（督查：" + s.getSubject() + "），整改期限 " + p.getDeadline()
            + "，请尽快整改并报送整改情况。",
        link(s), REMINDER + ":" + p.getId() + ":" + today), unit(p));
  }

  private void send(Notice notice, List<String> recipients) {
    notifications.send(new Notice(notice.type(), Texts.cut(notice.title(), 200), Texts.cut(notice.body(), 4000),
        notice.link(), notice.key()), recipients);
  }

  private List<String> unit(Problem p) {
    return organisation.unitMembers(p.getUnitCode());
  }

  private String unitName(Problem p) {
    return organisation.unitName(p.getUnitCode());
  }

  private static String link(Supervision s) {
    return "/ledger/supervisions/" + s.getId(); // the ledger page (the JSON is /api/supervisions/{id})
  }
}
