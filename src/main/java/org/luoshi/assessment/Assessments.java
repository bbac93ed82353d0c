package org.luoshi.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.luoshi.common.Texts;
import org.luoshi.engine.Privileged;
import org.luoshi.engine.Time;
import org.luoshi.identity.AccessPolicy;
import org.luoshi.identity.Groups;
import org.luoshi.identity.Organisation;
import org.luoshi.interview.InterviewView;
import org.luoshi.interview.Interviews;
import org.luoshi.item.ItemFigures;
import org.luoshi.notification.Notice;
import org.luoshi.notification.Notifications;
import org.luoshi.scoring.Period;
import org.luoshi.ranking.Rankings;
import org.luoshi.common.DomainException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the annual and half-year assessment (考核, DESIGN.md §4.4): one running assessment per
 * period; the figures per unit and per person; review by the office and approval by the principal
 * leaders; publication with its consequences (奖优罚劣) and interviews. Called by the process's
 * delegates and listeners in the engine's transaction, and by /api/assessments. Appeals (申诉) are
 * {@link AssessmentAppeals}', reading {@link AssessmentLedger}'s.
 */
@Service
public class Assessments {

  public static final String PROCESS_KEY = "assessment";
  /** The message an appeal sends to its assessment's process (starts 审理申诉). */
  public static final String APPEAL_MESSAGE = "assessmentAppealFiled";
  public static final String NOTICE_PUBLISHED = "ASSESSMENT_PUBLISHED";
  public static final String NOTICE_APPEAL_DECIDED = "ASSESSMENT_APPEAL_DECIDED";

  static final int COMMENT_MAX = 2000;
  private static final Pattern PERIOD = Pattern.compile("\\d{4}(-H[12])?");

  private final AssessmentRepository assessments;
  private final AssessmentLedger ledger;
  private final AssessmentResultRepository results;
  private final ConsequenceRepository consequences;
  private final Rankings rankings;
  private final ItemFigures items;
  private final Interviews interviews;
  private final Notifications notifications;
  private final Organisation organisation;
  private final AccessPolicy access;
  private final RuntimeService runtime;
  private final Privileged privileged;
  private final AssessmentProperties properties;

  Assessments(AssessmentRepository assessments, AssessmentLedger ledger, AssessmentResultRepository results,
      ConsequenceRepository consequences, Rankings rankings, ItemFigures items,
      Interviews interviews, Notifications notifications, Organisation organisation, AccessPolicy access,
      RuntimeService runtime,
      Privileged privileged, AssessmentProperties properties) {
    this.assessments = assessments;
    this.ledger = ledger;
    this.results = results;
    this.consequences = consequences;
    this.rankings = rankings;
    this.items = items;
    this.interviews = interviews;
    this.notifications = notifications;
    this.organisation = organisation;
    this.access = access;
    this.runtime = runtime;
    this.privileged = privileged;
    this.properties = properties;
  }

  /** What POST /api/assessments answers. */
  public record Started(long id, String processInstanceId, AssessmentStatus status) {}

  /** A result with the figures the grading table reads. */
  public record Row(long resultId, Figures figures) {}


  /**
   * Starts an assessment process for a period as the current user; the process registers it in the
   * same transaction, so a bad period or a second running assessment writes nothing.
   */
  @Transactional
  public Started start(String period) {
    var instance = runtime.createProcessInstanceByKey(PROCESS_KEY)
        .setVariable(AssessmentVariables.PERIOD, period)
        .executeWithVariablesInReturn();
    long id = ((Number) instance.getVariables().get(AssessmentVariables.ASSESSMENT_ID)).longValue();
    return new Started(id, instance.getId(), ledger.assessment(id).getStatus());
  }

  /** The period as given, checked: a year ({@code 2026}) or a half-year ({@code 2026-H1}, {@code 2026-H2}). */
  static Period period(String text) {
    String p = text == null ? null : text.trim();
    if (p == null || p.isEmpty()) {
      throw DomainException.invalid(AssessmentVariables.PERIOD, "请填写考核期，如 2026 或 2026-H1");
    }
    if (!PERIOD.matcher(p).matches()) {
      throw DomainException.invalid(AssessmentVariables.PERIOD, "考核期应为年度（如 2026）或半年（如 2026-H1、2026-H2）：" + p);
    }
    return Period.parse(p, AssessmentVariables.PERIOD);
  }

  /** Registers the assessment of a started process: one running assessment per period. */
  @Transactional
  public Assessment register(String periodText, String startedBy, String processInstanceId) {
    Period period = period(periodText);
    String running = period.label() + "的考核正在进行，不能重复发起";
    if (assessments.findByRunningPeriod(period.name()).isPresent()) {
      throw DomainException.conflict(AssessmentVariables.PERIOD, running);
    }
    try {
      return assessments.saveAndFlush(new Assessment(period.name(), startedBy == null ? "system" : startedBy,
          processInstanceId, Time.now()));
    } catch (DataIntegrityViolationException startedAtTheSameMoment) {
      throw DomainException.conflict(AssessmentVariables.PERIOD, running);
    }
  }

  /**
   * The assessment's process has ended. Normally it closed the run already; a process cancelled in
   * Cockpit leaves an unpublished run CANCELLED (the period can be assessed again) and closes a
   * published one (its results and consequences stand; the appeal window ends).
   */
  @Transactional
  public void processEnded(long assessmentId) {
    assessments.findById(assessmentId).ifPresent(a -> {
      switch (a.getStatus()) {
        case CLOSED, CANCELLED -> { }
        case PUBLISHED -> a.closed(Time.now());
        default -> a.cancelled(Time.now());
      }
    });
  }


  /**
   * Counts the period's figures per unit and per person (average final score of the items closed,
   * closed, overdue, overdue and still not done, returned, interviews held) and stores them as the
   * assessment's results, replacing those of an earlier computation.
   */
  @Transactional
  public List<Row> compute(long assessmentId) {
    Assessment a = ledger.assessment(assessmentId);
    expect(a, AssessmentStatus.COMPUTING);
    Period period = Period.parse(a.getPeriod(), AssessmentVariables.PERIOD);
    Rankings.Result ranked = rankings.rank(period);
    Map<String, Long> unitOpen = items.overdueUncompletedByUnit(period.from(), period.to());
    Map<String, Long> personOpen = items.overdueUncompletedByPerson(period.from(), period.to());
    Map<String, Long> interviewed = interviews.timesInterviewed(period.from(), period.to());

    results.deleteByAssessment(assessmentId);
    results.flush();
    List<AssessmentResult> rows = new ArrayList<>();
    // whoever closed nothing has no rank in the ranking; the results keep an order, after the ranked ones
    int unrankedUnits = (int) ranked.units().stream().filter(u -> u.rank() != null).count() + 1;
    int unrankedPeople = (int) ranked.people().stream().filter(p -> p.rank() != null).count() + 1;
    for (Rankings.UnitRank u : ranked.units()) {
      long unitInterviews = organisation.unitMembers(u.unitCode()).stream()
          .mapToLong(m -> interviewed.getOrDefault(m, 0L)).sum();
      rows.add(new AssessmentResult(assessmentId, new Figures(SubjectType.UNIT, u.unitCode(), u.unitName(),
          u.unitCode(), u.averageFinalScore(), (int) u.closed(), (int) u.overdue(),
          unitOpen.getOrDefault(u.unitCode(), 0L).intValue(), (int) u.returned(), (int) unitInterviews,
          u.rank() != null ? u.rank() : unrankedUnits)));
    }
    for (Rankings.PersonRank p : ranked.people()) {
      String unit = p.unitCodes().isEmpty() ? null : p.unitCodes().get(0);
      rows.add(new AssessmentResult(assessmentId, new Figures(SubjectType.PERSON, p.userId(), p.name(), unit,
          p.averageFinalScore(), (int) p.closed(), (int) p.overdue(),
          personOpen.getOrDefault(p.userId(), 0L).intValue(), 0,
          interviewed.getOrDefault(p.userId(), 0L).intValue(), p.rank() != null ? p.rank() : unrankedPeople)));
    }
    return results.saveAll(rows).stream().map(r -> new Row(r.getId(), r.figures())).toList();
  }

  /** The results to grade, with their figures. */
  @Transactional(readOnly = true)
  public List<Row> rows(long assessmentId) {
    return ledger.resultsOf(assessmentId).stream().map(r -> new Row(r.getId(), r.figures())).toList();
  }

  /** Stores the grades DMN {@code assessment-grade} gave; the office reviews next. */
  @Transactional
  public void recordGrades(long assessmentId, Map<Long, AssessmentRules.Graded> grades) {
    Assessment a = ledger.assessment(assessmentId);
    expect(a, AssessmentStatus.COMPUTING);
    for (AssessmentResult r : ledger.resultsOf(assessmentId)) {
      AssessmentRules.Graded g = grades.get(r.getId());
      if (g == null) {
        throw new IllegalStateException("no grade for result " + r.getId());
      }
      r.grade(g.grade(), g.reason());
    }
    a.computed(Time.now());
  }

  /** The result table as Markdown, for the review and approval forms. */
  @Transactional(readOnly = true)
  public String table(long assessmentId) {
    StringBuilder sb = new StringBuilder();
    List<AssessmentResult> rows = ledger.resultsOf(assessmentId);
    Map<Grade, Long> counts = gradeCounts(rows);
    sb.append("等次分布：").append(counts.entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue())
        .collect(Collectors.joining("，"))).append("\n\n");
    for (SubjectType type : SubjectType.values()) {
      sb.append("**").append(type == SubjectType.UNIT ? "单位" : "责任人").append("**\n\n")
          .append("| 排名 | ").append(type.label()).append(" | 平均综合得分 | 销号 | 逾期 | 逾期未完成 | 退回 | 被约谈 | 等次 |\n")
          .append("|---|---|---|---|---|---|---|---|---|\n");
      rows.stream().filter(r -> r.getSubjectType() == type).forEach(r -> sb.append("| ").append(r.getRank())
          .append(" | ").append(r.getSubjectName()).append(" | ")
          .append(r.getAverageFinalScore() == null ? "—" : r.getAverageFinalScore().toPlainString()).append(" | ")
          .append(r.getClosed()).append(" | ").append(r.getOverdue()).append(" | ").append(r.getOverdueUncompleted())
          .append(" | ").append(type == SubjectType.UNIT ? String.valueOf(r.getReturned()) : "—").append(" | ")
          .append(r.getInterviews()).append(" | ").append(r.getGrade() == null ? "—" : r.getGrade().label())
          .append(" |\n"));
      sb.append('\n');
    }
    return sb.toString();
  }


  /** 督查室审核: submit to the principal leaders, or recompute (a comment says why). */
  @Transactional
  public Assessment review(long assessmentId, boolean submit, String comment, String actor) {
    Assessment a = ledger.assessment(assessmentId);
    expect(a, AssessmentStatus.COMPUTED, AssessmentStatus.RETURNED);
    String c = Texts.optional(comment, AssessmentVariables.REVIEW_COMMENT, "审核意见", COMMENT_MAX);
    if (!submit && c == null) {
      throw DomainException.invalid(AssessmentVariables.REVIEW_COMMENT, "重新计算须写明原因");
    }
    a.reviewed(actor, submit, c, Time.now());
    return a;
  }

  /**
   * 督查室调整等次: the office corrects one result's grade before submitting (a reason is required;
   * the table's grade is kept as the original). A recomputation starts over from the table.
   */
  @Transactional
  public AssessmentResult adjust(long assessmentId, Long resultId, Grade grade, String comment, String actor) {
    Assessment a = ledger.assessment(assessmentId);
    expect(a, AssessmentStatus.COMPUTED, AssessmentStatus.RETURNED);
    if (resultId == null) {
      throw DomainException.invalid(AssessmentVariables.ADJUST_RESULT, "请选择要调整等次的单位或责任人");
    }
    AssessmentResult r = results.findById(resultId).filter(x -> x.getAssessmentId() == assessmentId)
        .orElseThrow(() -> DomainException.invalid(AssessmentVariables.ADJUST_RESULT, "该考核没有这条结果：" + resultId));
    if (grade == null) {
      throw DomainException.invalid(AssessmentVariables.ADJUSTED_GRADE, "请选择调整后的等次");
    }
    if (grade == r.getGrade()) {
      throw DomainException.invalid(AssessmentVariables.ADJUSTED_GRADE, "调整后的等次与原等次相同");
    }
    String c = Texts.optional(comment, AssessmentVariables.REVIEW_COMMENT, "审核意见", COMMENT_MAX);
    if (c == null) {
      throw DomainException.invalid(AssessmentVariables.REVIEW_COMMENT, "调整等次须写明理由");
    }
    r.regrade(grade, "督查室调整（" + actor + "）：由" + r.getGrade().label() + "调整为" + grade.label() + "：" + c);
    return r;
  }

  /** 主要领导审批: approve for publication, or return to the office (a comment says why). */
  @Transactional
  public Assessment approve(long assessmentId, boolean approved, String comment, String actor) {
    Assessment a = ledger.assessment(assessmentId);
    expect(a, AssessmentStatus.IN_APPROVAL);
    String c = Texts.optional(comment, AssessmentVariables.APPROVAL_COMMENT, "审批意见", COMMENT_MAX);
    if (!approved && c == null) {
      throw DomainException.invalid(AssessmentVariables.APPROVAL_COMMENT, "退回须写明意见");
    }
    a.decided(actor, approved, c, Time.now());
    return a;
  }


  /**
   * Publishes an approved assessment: records each result's consequences (as DMN
   * {@code assessment-consequence} gives them), starts the interviews, tells every unit, every person
   * assessed and the office, and opens the appeal window. Returns the end of the window.
   */
  @Transactional
  public Date publish(long assessmentId, Function<AssessmentResult, List<AssessmentRules.Rule>> rules) {
    Assessment a = ledger.assessment(assessmentId);
    expect(a, AssessmentStatus.APPROVED);
    Instant now = Time.now();
    Instant until = now.plus(properties.appealWindow());
    List<AssessmentResult> rows = ledger.resultsOf(assessmentId);
    for (AssessmentResult r : rows) {
      for (AssessmentRules.Rule rule : rules.apply(r)) {
        record(a, r, rows, rule, now);
      }
    }
    a.published(now, until);
    String label = Period.parse(a.getPeriod(), AssessmentVariables.PERIOD).label();
    String deadline = format(until);
    for (AssessmentResult r : rows) {
      List<String> to = r.getSubjectType() == SubjectType.UNIT
          ? organisation.unitMembers(r.getSubjectId()) : List.of(r.getSubjectId());
      String title = label + "考核结果：" + r.getSubjectName() + " " + r.getGrade().label();
      String body = r.getSubjectType().label() + "：" + r.getSubjectName() + "\n排名：第 " + r.getRank() + " 名\n等次："
          + r.getGrade().label() + "（" + r.getGradeReason() + "）\n平均综合得分："
          + (r.getAverageFinalScore() == null ? "—" : r.getAverageFinalScore().toPlainString())
          + "\n对结果有异议的，可于 " + deadline + " 前提出申诉。";
      notifications.send(new Notice(NOTICE_PUBLISHED, title, body, link(assessmentId),
          NOTICE_PUBLISHED + ":" + assessmentId + ":" + r.getId()), to);
    }
    List<String> office = new ArrayList<>(access.officeMembers());
    office.addAll(organisation.members(Groups.PRINCIPAL_LEADERS));
    Map<Grade, Long> counts = gradeCounts(rows);
    notifications.send(new Notice(NOTICE_PUBLISHED, label + "考核结果已发布",
        "等次分布：" + counts.entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue())
            .collect(Collectors.joining("，")) + "\n申诉期至 " + deadline + "。",
        link(assessmentId), NOTICE_PUBLISHED + ":" + assessmentId), office);
    return Date.from(until);
  }

  void record(Assessment a, AssessmentResult r, List<AssessmentResult> rows, AssessmentRules.Rule rule,
      Instant now) {
    if (rule.type() != ConsequenceType.INTERVIEW) {
      consequences.save(new Consequence(a.getId(), r.getId(), rule.type(), rule.reason(), null, null, now));
      return;
    }
    String label = Period.parse(a.getPeriod(), AssessmentVariables.PERIOD).label();
    String subject = label + "考核等次为" + r.getGrade().label() + "：" + r.getSubjectName();
    List<InterviewView> started = privileged.call(() ->
        interviews.startForAssessment(a.getPeriod(), subject, interviewer(a), interviewees(r, rows)));
    for (InterviewView i : started) {
      String who = i.interviewees().isEmpty() ? null : i.interviewees().get(0);
      consequences.save(new Consequence(a.getId(), r.getId(), rule.type(), rule.reason(), i.id(), who, now));
    }
  }

  /** Who is interviewed for a result: the person; for a unit its responsible persons assessed, else its staff. */
  private List<String> interviewees(AssessmentResult r, List<AssessmentResult> rows) {
    if (r.getSubjectType() == SubjectType.PERSON) {
      return List.of(r.getSubjectId());
    }
    List<String> responsible = rows.stream()
        .filter(p -> p.getSubjectType() == SubjectType.PERSON && r.getSubjectId().equals(p.getUnitCode()))
        .map(AssessmentResult::getSubjectId).toList();
    return responsible.isEmpty() ? organisation.unitMembers(r.getSubjectId()) : responsible;
  }

  private String interviewer(Assessment a) {
    String configured = properties.interviewer();
    if (configured != null && !configured.isBlank()) {
      return configured.trim();
    }
    if (a.getApprovedBy() != null && organisation.isMember(a.getApprovedBy(), Groups.PRINCIPAL_LEADERS)) {
      return a.getApprovedBy();
    }
    List<String> principals = organisation.members(Groups.PRINCIPAL_LEADERS);
    if (principals.isEmpty()) {
      throw new IllegalStateException("no principal leader to conduct the assessment's interviews");
    }
    return principals.get(0);
  }

  /** The appeal window has closed: the assessment is done. */
  @Transactional
  public void close(long assessmentId) {
    Assessment a = ledger.assessment(assessmentId);
    expect(a, AssessmentStatus.PUBLISHED);
    a.closed(Time.now());
  }


  private static void expect(Assessment a, AssessmentStatus... allowed) {
    for (AssessmentStatus s : allowed) {
      if (a.getStatus() == s) {
        return;
      }
    }
    throw DomainException.conflict("status", "考核当前状态为" + a.getStatus().label() + "，不能办理此步骤");
  }

  static Map<Grade, Long> gradeCounts(Collection<AssessmentResult> rows) {
    Map<Grade, Long> counts = new EnumMap<>(Grade.class);
    for (Grade g : Grade.values()) {
      counts.put(g, 0L);
    }
    rows.stream().filter(r -> r.getGrade() != null).forEach(r -> counts.merge(r.getGrade(), 1L, Long::sum));
    return counts;
  }

  static String format(Instant instant) {
    var t = instant.atZone(Time.ZONE);
    return t.getYear() + "年" + t.getMonthValue() + "月" + t.getDayOfMonth() + "日 "
        + String.format("%02d:%02d", t.getHour(), t.getMinute());
  }

  static String link(long assessmentId) {
    return "/ledger/assessments.html#" + assessmentId;
  }
}
