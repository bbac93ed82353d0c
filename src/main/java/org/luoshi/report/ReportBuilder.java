package org.luoshi.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.luoshi.engine.Time;
import org.luoshi.identity.Organisation;
import org.luoshi.interview.InterviewView;
import org.luoshi.interview.Interviews;
import org.luoshi.item.Items;
import org.luoshi.item.ItemFigures;
import org.luoshi.item.ItemLedger;
import org.luoshi.item.ItemViews;
import org.luoshi.report.ReportContent.*;
import org.luoshi.ranking.Rankings;
import org.luoshi.supervision.SupervisionLedger;
import org.luoshi.supervision.SupervisionStats;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the content of a periodic report from the data of its period, through the other
 * capabilities' services: item figures (Items), rankings (Rankings), the overdue list,
 * interviews held (Interviews) and, for the quarterly report, supervision (SupervisionLedger).
 */
@Service
public class ReportBuilder {

  private final Items items;

  private final ItemFigures itemFigures;

  private final ItemLedger itemLedger;
  private final Rankings rankings;
  private final Interviews interviews;
  private final SupervisionLedger supervision;
  private final Organisation organisation;

  ReportBuilder(Items items, ItemFigures itemFigures, ItemLedger itemLedger, Rankings rankings, Interviews interviews, SupervisionLedger supervision,
      Organisation organisation) {
    this.items = items;
    this.itemFigures = itemFigures;
    this.itemLedger = itemLedger;
    this.rankings = rankings;
    this.interviews = interviews;
    this.supervision = supervision;
    this.organisation = organisation;
  }

  @Transactional(readOnly = true)
  public ReportContent build(ReportPeriod p) {
    LocalDate today = Time.today();
    ItemViews.Stats stats = itemLedger.stats(p.from(), p.to());
    List<UnitFigures> byUnit = stats.byUnit().stream()
        .map(u -> new UnitFigures(u.unitCode(), u.unitName(), figures(u.counts()))).toList();

    Rankings.Result ranked = rankings.rank(p.period());
    Map<String, String> unitNames = organisation.units().stream()
        .collect(Collectors.toMap(u -> u.code(), u -> u.name(), (a, b) -> a));
    List<UnitRank> units = ranked.units().stream().map(u -> new UnitRank(u.rank(), u.unitCode(), u.unitName(),
        u.averageFinalScore(), u.closed(), u.overdue(), u.returned())).toList();
    List<PersonRank> people = ranked.people().stream().map(r -> new PersonRank(r.rank(), r.userId(), r.name(),
        r.unitCodes().stream().map(c -> unitNames.getOrDefault(c, c)).collect(Collectors.joining("、")),
        r.averageFinalScore(), r.closed(), r.overdue())).toList();

    List<OverdueItem> overdue = itemFigures.overdueBefore(p.to()).stream().map(i -> new OverdueItem(i.code(), i.title(),
        i.unitCode(), i.unitName(), i.responsiblePerson() == null ? null : organisation.nameOf(i.responsiblePerson()),
        i.deadline().toString(), ChronoUnit.DAYS.between(i.deadline(), today))).toList();

    var held = interviews.heldBetween(p.from(), p.to());
    var interviewStats = interviews.stats(p.from(), p.to());
    InterviewFigures interviewFigures = new InterviewFigures(interviewStats.sessions(), interviewStats.people(),
        interviewStats.personTimes(), held.stream().map(ReportBuilder::line).toList());

    SupervisionFigures supervisionFigures = p.kind() == ReportKind.QUARTERLY_INSPECTION
        ? supervision(supervision.figures(p.from().getYear(), (p.from().getMonthValue() - 1) / 3 + 1))
        : null;

    return new ReportContent(p.kind(), p.kind().label(), p.name(), p.period().label(), p.title(),
        p.from().toString(), p.to().minusDays(1).toString(), Time.nowOffset().toString(),
        figures(stats.total()), byUnit, units, people, overdue, interviewFigures, supervisionFigures);
  }

  private static Figures figures(ItemViews.Counts c) {
    BigDecimal rate = c.issued() == 0 ? null
        : BigDecimal.valueOf(c.closed()).divide(BigDecimal.valueOf(c.issued()), 3, RoundingMode.HALF_UP);
    return new Figures(c.issued(), c.closed(), c.closing(), c.inProgress(), c.returned(), c.cancelled(),
        c.overdue(), rate);
  }

  private static InterviewLine line(InterviewView v) {
    Map<String, String> names = v.names() == null ? Map.of() : v.names();
    List<String> people = v.attendees() != null && !v.attendees().isEmpty() ? v.attendees() : v.interviewees();
    return new InterviewLine(v.id(), v.heldAt() == null ? null : v.heldAt().toLocalDate().toString(),
        names.getOrDefault(v.interviewer(), v.interviewer()),
        people == null ? "" : people.stream().map(u -> names.getOrDefault(u, u)).collect(Collectors.joining("、")),
        v.methodLabel(), v.triggerLabel(), v.subject(), v.outcomeLabel());
  }

  private static SupervisionFigures supervision(SupervisionStats s) {
    var p = s.problems();
    return new SupervisionFigures(s.inspections(), s.reports(), p.found(), p.open(), p.rectified(), p.verified(),
        p.overdue(), s.byUnit().stream().map(u -> new SupervisionUnit(u.unitCode(), u.unitName(), u.inspections(),
            u.problems().found(), u.problems().open(), u.problems().rectified(), u.problems().verified())).toList());
  }
}
