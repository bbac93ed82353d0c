package org.luoshi.assessment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.luoshi.common.DomainException;
import org.luoshi.engine.Time;
import org.luoshi.scoring.Period;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading assessments: the list, one assessment with its results, consequences and appeals as the caller may see it. */
@Service
public class AssessmentLedger {

  private final AssessmentRepository assessments;
  private final AssessmentResultRepository results;
  private final ConsequenceRepository consequences;
  private final AppealRepository appeals;

  AssessmentLedger(AssessmentRepository assessments, AssessmentResultRepository results,
      ConsequenceRepository consequences, AppealRepository appeals) {
    this.assessments = assessments;
    this.results = results;
    this.consequences = consequences;
    this.appeals = appeals;
  }


  /** The runs the caller may see, newest first: everything for the office and leaders, published ones for units. */
  @Transactional(readOnly = true)
  public List<AssessmentSummary> list(String periodText, boolean seesEverything) {
    List<Assessment> found;
    Set<AssessmentStatus> published = EnumSet.of(AssessmentStatus.PUBLISHED, AssessmentStatus.CLOSED);
    if (periodText == null || periodText.isBlank()) {
      found = seesEverything ? assessments.findAllByOrderByIdDesc() : assessments.findByStatusInOrderByIdDesc(published);
    } else {
      String p = Assessments.period(periodText).name();
      found = seesEverything ? assessments.findByPeriodOrderByIdDesc(p)
          : assessments.findByPeriodAndStatusInOrderByIdDesc(p, published);
    }
    return found.stream().map(a -> new AssessmentSummary(a.getId(), a.getPeriod(), periodLabel(a), a.getStatus(),
        a.getStatus().label(), a.getProcessInstanceId(), Time.at(a.getStartedAt()), Time.at(a.getPublishedAt()),
        Time.at(a.getAppealUntil()), Assessments.gradeCounts(resultsOf(a.getId())))).toList();
  }

  /**
   * Who reads an assessment: drafts only for those who see everything; the consequences and appeals
   * of all for them and the leaders, for unit staff those about their units and themselves (a
   * colleague's appeal of another unit, or another person's post adjustment, is not theirs to read).
   */
  public record Reader(boolean seesDrafts, boolean seesAllDetails, String userId, List<String> unitCodes) {

    boolean concerns(AssessmentResult r) {
      return r != null && (unitCodes.contains(r.getUnitCode())
          || (r.getSubjectType() == SubjectType.PERSON && userId.equals(r.getSubjectId())));
    }
  }

  /** One run as the caller may see it: units see published runs only (404 otherwise). */
  @Transactional(readOnly = true)
  public AssessmentView view(long id, boolean seesEverything) {
    return view(id, new Reader(seesEverything, true, null, List.of()));
  }

  /** One run as the reader may see it: published runs only unless they see drafts (404 otherwise). */
  @Transactional(readOnly = true)
  public AssessmentView view(long id, Reader reader) {
    Assessment a = assessments.findById(id)
        .filter(x -> reader.seesDrafts() || x.getStatus().isPublished())
        .orElseThrow(() -> DomainException.notFound("没有这个考核：" + id));
    List<AssessmentResult> rows = resultsOf(id);
    Map<Long, AssessmentResult> byId = new LinkedHashMap<>();
    rows.forEach(r -> byId.put(r.getId(), r));
    List<AssessmentView.Result> resultViews = rows.stream().map(r -> new AssessmentView.Result(r.getId(),
        r.getSubjectType(), r.getSubjectId(), r.getSubjectName(), r.getUnitCode(), r.getAverageFinalScore(),
        r.getClosed(), r.getOverdue(), r.getOverdueUncompleted(), r.getReturned(), r.getInterviews(), r.getRank(),
        r.getGrade(), r.getGrade() == null ? null : r.getGrade().label(), r.getGradeReason(), r.getOriginalGrade()))
        .toList();
    List<AssessmentView.ConsequenceView> consequenceViews = consequences.findByAssessmentIdOrderByIdAsc(id).stream()
        .filter(k -> reader.seesAllDetails() || reader.concerns(byId.get(k.getResultId())))
        .map(k -> new AssessmentView.ConsequenceView(k.getId(), k.getResultId(), name(byId, k.getResultId()),
            k.getType(), k.getType().label(), k.getReason(), k.getInterviewId(), k.getInterviewee(), k.isActive(),
            Time.at(k.getWithdrawnAt()), k.getWithdrawnReason())).toList();
    List<AssessmentView.AppealView> appealViews = appeals.findByAssessmentIdOrderByIdAsc(id).stream()
        .filter(x -> reader.seesAllDetails() || reader.concerns(byId.get(x.getResultId()))
            || x.getFiledBy().equals(reader.userId()))
        .map(x -> appealView(x, byId)).toList();
    boolean open = a.getStatus() == AssessmentStatus.PUBLISHED && a.getAppealUntil() != null
        && Time.now().isBefore(a.getAppealUntil());
    return new AssessmentView(a.getId(), a.getPeriod(), periodLabel(a), a.getProcessInstanceId(), a.getStatus(),
        a.getStatus().label(), a.getStartedBy(), Time.at(a.getStartedAt()), Time.at(a.getComputedAt()), a.getComputations(),
        a.getReviewedBy(), Time.at(a.getReviewedAt()), a.getReviewComment(), a.getApprovedBy(), Time.at(a.getApprovedAt()),
        a.getApprovalComment(), Time.at(a.getPublishedAt()), Time.at(a.getAppealUntil()), open, Time.at(a.getClosedAt()),
        resultViews, consequenceViews, appealViews);
  }

  static AssessmentView.AppealView appealView(Appeal x, Map<Long, AssessmentResult> byId) {
    return new AssessmentView.AppealView(x.getId(), x.getResultId(), name(byId, x.getResultId()), x.getFiledBy(),
        x.getReason(), Time.at(x.getFiledAt()), x.getGradeBefore(), x.getDecision(),
        x.getDecision() == null ? "审理中" : x.getDecision().label(), x.getNewGrade(), x.getDecidedBy(),
        Time.at(x.getDecidedAt()), x.getDecisionComment());
  }

  Assessment assessment(long id) {
    return assessments.findById(id).orElseThrow(() -> DomainException.notFound("没有这个考核：" + id));
  }

  List<AssessmentResult> resultsOf(long assessmentId) {
    List<AssessmentResult> rows = new ArrayList<>(
        results.findByAssessmentIdOrderBySubjectTypeAscRankAscSubjectIdAsc(assessmentId));
    // units first, then people (the column holds the names, which sort the other way)
    rows.sort(java.util.Comparator.comparing(AssessmentResult::getSubjectType)
        .thenComparingInt(AssessmentResult::getRank).thenComparing(AssessmentResult::getSubjectId));
    return rows;
  }

  private static String name(Map<Long, AssessmentResult> byId, long resultId) {
    AssessmentResult r = byId.get(resultId);
    return r == null ? null : r.getSubjectName();
  }

  private static String periodLabel(Assessment a) {
    return Period.parse(a.getPeriod(), AssessmentVariables.PERIOD).label();
  }
}
