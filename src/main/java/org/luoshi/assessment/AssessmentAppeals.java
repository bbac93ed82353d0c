package org.luoshi.assessment;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.RuntimeService;
import org.luoshi.common.DomainException;
import org.luoshi.common.Texts;
import org.luoshi.engine.Privileged;
import org.luoshi.engine.Time;
import org.luoshi.identity.Groups;
import org.luoshi.identity.Organisation;
import org.luoshi.interview.InterviewStatus;
import org.luoshi.interview.InterviewView;
import org.luoshi.interview.Interviews;
import org.luoshi.notification.Notice;
import org.luoshi.notification.Notifications;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appeals against a published assessment (申诉): filing within the appeal window, the decision by
 * the principal leaders (a new grade re-records the consequences) and the notice of the decision.
 */
@Service
class AssessmentAppeals {

  private final Assessments service;
  private final AssessmentLedger ledger;
  private final AssessmentResultRepository results;
  private final ConsequenceRepository consequences;
  private final AppealRepository appeals;
  private final Interviews interviews;
  private final Notifications notifications;
  private final Organisation organisation;
  private final RuntimeService runtime;
  private final Privileged privileged;

  AssessmentAppeals(Assessments service, AssessmentLedger ledger, AssessmentResultRepository results,
      ConsequenceRepository consequences, AppealRepository appeals, Interviews interviews,
      Notifications notifications, Organisation organisation, RuntimeService runtime, Privileged privileged) {
    this.service = service;
    this.ledger = ledger;
    this.results = results;
    this.consequences = consequences;
    this.appeals = appeals;
    this.interviews = interviews;
    this.notifications = notifications;
    this.organisation = organisation;
    this.runtime = runtime;
    this.privileged = privileged;
  }


  /**
   * A unit's staff (or the person) appeals against a published result within the window; the
   * appeal goes to the process, where the principal leaders decide it (审理申诉).
   */
  @Transactional
  public AssessmentView.AppealView fileAppeal(long assessmentId, Long resultId, String reason, String caller) {
    Assessment a = ledger.assessment(assessmentId);
    if (resultId == null) {
      throw DomainException.invalid("resultId", "请选择申诉的考核结果");
    }
    AssessmentResult r = results.findById(resultId).filter(x -> x.getAssessmentId() == assessmentId)
        .orElseThrow(() -> DomainException.notFound("该考核没有这条结果：" + resultId));
    if (!mayAppeal(r, caller)) {
      throw DomainException.forbidden("只有本单位人员（或本人）可以对该结果申诉");
    }
    if (a.getStatus() != AssessmentStatus.PUBLISHED || Time.now().isAfter(a.getAppealUntil())) {
      throw DomainException.conflict("status", "该考核不在申诉期内（" + a.getStatus().label() + "）");
    }
    String why = Texts.optional(reason, "reason", "申诉理由", Assessments.COMMENT_MAX);
    if (why == null) {
      throw DomainException.invalid("reason", "请填写申诉理由");
    }
    if (appeals.findByResultIdOrderByIdAsc(resultId).stream().anyMatch(x -> x.getDecision() == null)) {
      throw DomainException.conflict("resultId", "该结果已有申诉正在审理");
    }
    Appeal appeal = appeals.save(new Appeal(assessmentId, resultId, caller, why, r.getGrade(), Time.now()));
    privileged.run(() -> runtime.createMessageCorrelation(Assessments.APPEAL_MESSAGE)
        .processInstanceId(a.getProcessInstanceId())
        .setVariablesToTriggeredScope(AssessmentVariables.appealVariables(appeal, r, organisation.nameOf(caller)))
        .correlateWithResult());
    return AssessmentLedger.appealView(appeal, Map.of(r.getId(), r));
  }

  private boolean mayAppeal(AssessmentResult r, String caller) {
    if (caller == null) {
      return false;
    }
    if (r.getSubjectType() == SubjectType.PERSON && caller.equals(r.getSubjectId())) {
      return true;
    }
    return r.getUnitCode() != null && organisation.isMember(caller, Groups.unit(r.getUnitCode()));
  }

  /**
   * 审理申诉: rejected, or upheld with a better grade — the result is regraded (the original kept),
   * consequences that no longer apply are withdrawn (an interview not yet held is cancelled) and
   * those the new grade brings are recorded.
   */
  @Transactional
  public Appeal decideAppeal(long appealId, AppealDecision decision, Grade newGrade, String comment, String actor,
      Function<AssessmentResult, List<AssessmentRules.Rule>> rules) {
    Appeal appeal = appeals.findById(appealId).orElseThrow(() -> DomainException.notFound("没有这个申诉：" + appealId));
    if (appeal.getDecision() != null) {
      throw DomainException.conflict(AssessmentVariables.APPEAL_DECISION, "该申诉已审理");
    }
    if (decision == null) {
      throw DomainException.invalid(AssessmentVariables.APPEAL_DECISION, "请选择申诉是否成立");
    }
    String c = Texts.optional(comment, AssessmentVariables.DECISION_COMMENT, "审理意见", Assessments.COMMENT_MAX);
    if (c == null) {
      throw DomainException.invalid(AssessmentVariables.DECISION_COMMENT, "请填写审理意见");
    }
    AssessmentResult r = results.findById(appeal.getResultId()).orElseThrow();
    Instant now = Time.now();
    if (decision == AppealDecision.REJECTED) {
      appeal.decide(decision, null, actor, c, now);
      return appeal;
    }
    if (newGrade == null) {
      throw DomainException.invalid(AssessmentVariables.NEW_GRADE, "申诉成立须选择调整后的等次");
    }
    if (!newGrade.isBetterThan(r.getGrade())) {
      throw DomainException.invalid(AssessmentVariables.NEW_GRADE,
          "调整后的等次应高于原等次（" + r.getGrade().label() + "）");
    }
    appeal.decide(decision, newGrade, actor, c, now);
    r.regrade(newGrade, "申诉成立，由" + r.getGrade().label() + "调整为" + newGrade.label() + "：" + c);
    List<AssessmentRules.Rule> newRules = rules.apply(r);
    Set<ConsequenceType> applying = EnumSet.noneOf(ConsequenceType.class);
    newRules.forEach(x -> applying.add(x.type()));
    Set<ConsequenceType> present = EnumSet.noneOf(ConsequenceType.class);
    String why = "申诉成立，等次调整为" + newGrade.label();
    for (Consequence k : consequences.findByResultIdOrderByIdAsc(r.getId())) {
      if (!k.isActive()) {
        continue;
      }
      if (applying.contains(k.getType())) {
        present.add(k.getType());
        continue;
      }
      String withdrawn = why;
      if (k.getInterviewId() != null) {
        boolean stillNeeded = consequences.findByAssessmentIdOrderByIdAsc(appeal.getAssessmentId()).stream()
            .anyMatch(o -> o.isActive() && !o.getId().equals(k.getId()) && k.getInterviewId().equals(o.getInterviewId()));
        withdrawn = stillNeeded ? why + "（约谈 " + k.getInterviewId() + " 因其他考核结果仍须进行）"
            : cancelInterview(k.getInterviewId(), why);
      }
      k.withdraw(withdrawn, now);
    }
    Assessment a = ledger.assessment(appeal.getAssessmentId());
    List<AssessmentResult> rows = ledger.resultsOf(a.getId());
    for (AssessmentRules.Rule rule : newRules) {
      if (!present.contains(rule.type())) {
        service.record(a, r, rows, rule, now);
      }
    }
    return appeal;
  }

  private String cancelInterview(String code, String why) {
    InterviewView i = interviews.find(code).orElse(null);
    if (i == null || i.status() == InterviewStatus.CANCELLED) {
      return why;
    }
    if (!i.status().isOpen()) {
      return why + "（约谈" + i.status().label() + "，不再取消）";
    }
    interviews.cancel(code, why, null);
    return why + "（约谈 " + code + " 已取消）";
  }

  /** Tells the appellant how the appeal was decided. */
  @Transactional
  public void notifyAppealDecided(long appealId) {
    Appeal appeal = appeals.findById(appealId).orElseThrow();
    AssessmentResult r = results.findById(appeal.getResultId()).orElseThrow();
    String outcome = appeal.getDecision().label()
        + (appeal.getNewGrade() == null ? "，维持" + r.getGrade().label() : "，等次调整为" + appeal.getNewGrade().label());
    notifications.send(new Notice(Assessments.NOTICE_APPEAL_DECIDED, "考核申诉审理结果：" + r.getSubjectName(),
        "申诉理由：" + appeal.getReason() + "\n审理结果：" + outcome + "\n审理意见：" + appeal.getDecisionComment(),
        Assessments.link(appeal.getAssessmentId()), Assessments.NOTICE_APPEAL_DECIDED + ":" + appealId), List.of(appeal.getFiledBy()));
  }
}
