package org.luoshi.item;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.TreeMap;
import org.luoshi.item.ItemViews.Change;
import org.luoshi.item.ItemViews.ItemSummary;
import org.luoshi.common.DomainException;
import org.luoshi.engine.Time;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures behind the charts of the ledger and the Cockpit dashboard: items issued, closed and
 * gone overdue per month, and open items by light. Each viewer counts only the items they may see
 * (DESIGN.md §3: the office and principal leaders all, a leader the items they lead, unit staff
 * their unit's, a responsible person their own), with the ledger's own visibility rule. Every
 * series is one SQL statement over its indexed date column; months are Beijing months.
 */
@Service
public class ItemFigures {

  private final EntityManager em;
  private final ItemRepository items;
  private final Items service;
  private final ReviewRecordRepository reviews;
  private final ItemEventRepository events;
  private final ProgressReportRepository progress;

  ItemFigures(EntityManager em, ItemRepository items, Items service, ReviewRecordRepository reviews,
      ItemEventRepository events, ProgressReportRepository progress) {
    this.em = em;
    this.items = items;
    this.service = service;
    this.reviews = reviews;
    this.events = events;
    this.progress = progress;
  }

  /** One month of a year: items issued in it, closed in it, and gone overdue in it. */
  public record Month(int month, long issued, long closed, long overdue) {}

  public record Monthly(int year, List<Month> months) {}

  /** Open items of a year's issue by light now: the ledger's {@code light} filter, counted. */
  public record Lights(int year, long red, long yellow, long green) {}

  @Transactional(readOnly = true)
  public Monthly monthly(int year, Viewer viewer) {
    check(year);
    LocalDate today = Time.today();
    long[] issued = perMonth(year, viewer, today, r -> r.get("issuedOn"), LocalDate::of);
    long[] overdue = perMonth(year, viewer, today, r -> r.get("overdueSince"), LocalDate::of);
    long[] closed = perMonth(year, viewer, today, r -> r.get("closedAt"),
        (y, m, d) -> LocalDate.of(y, m, d).atStartOfDay(Time.ZONE).toInstant());
    List<Month> months = new ArrayList<>();
    for (int m = 0; m < 12; m++) {
      months.add(new Month(m + 1, issued[m], closed[m], overdue[m]));
    }
    return new Monthly(year, months);
  }

  @Transactional(readOnly = true)
  public Lights lights(int year, Viewer viewer) {
    check(year);
    LocalDate today = Time.today();
    Map<Light, Long> n = new EnumMap<>(Light.class);
    for (Light light : Light.values()) {
      n.put(light, items.count(ItemSpecifications.ledger(
          new LedgerQuery(null, null, null, null, null, light, null, null, null, year, null, 0, 1), viewer, today)));
    }
    return new Lights(year, n.get(Light.RED), n.get(Light.YELLOW), n.get(Light.GREEN));
  }

  /** A bound of a month, as the column's type: a date, or the instant a Beijing day starts. */
  private interface Bound<T> {
    T of(int year, int month, int day);
  }

  /**
   * Twelve counts in one statement: for each month, the visible items whose {@code column} falls
   * in it ({@code sum(case when …)}, over the rows of the year only).
   */
  private <T extends Comparable<? super T>> long[] perMonth(int year, Viewer viewer, LocalDate today,
      Function<Root<Item>, Path<T>> column, Bound<T> bound) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
    Root<Item> root = query.from(Item.class);
    Path<T> at = column.apply(root);
    List<Selection<?>> months = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      T from = bound.of(year, m, 1);
      T to = m == 12 ? bound.of(year + 1, 1, 1) : bound.of(year, m + 1, 1);
      Expression<Long> one = cb.<Long>selectCase()
          .when(cb.and(cb.greaterThanOrEqualTo(at, from), cb.lessThan(at, to)), 1L)
          .otherwise(0L);
      months.add(cb.sum(one));
    }
    Predicate visible = ItemSpecifications.ledger(
        new LedgerQuery(null, null, null, null, null, null, null, null, null, null, null, 0, 1), viewer, today)
        .toPredicate(root, query, cb);
    query.multiselect(months).where(cb.and(visible,
        cb.greaterThanOrEqualTo(at, bound.of(year, 1, 1)), cb.lessThan(at, bound.of(year + 1, 1, 1))));
    Object[] row = em.createQuery(query).getSingleResult();
    long[] n = new long[12];
    for (int m = 0; m < 12; m++) {
      n[m] = row[m] == null ? 0 : ((Number) row[m]).longValue();
    }
    return n;
  }

  // --- final scores per reviewer (the calibration report's companion chart) ---------------------

  /** Upper bounds (exclusive) of the final-score bands: under 60, 60–69, 70–79, 80–89, 90–100. */
  public static final List<BigDecimal> BANDS = List.of(BigDecimal.valueOf(60), BigDecimal.valueOf(70),
      BigDecimal.valueOf(80), BigDecimal.valueOf(90));

  /**
   * For each reviewer and level, how many distinct closed items they passed in [from, to) fall in
   * each final-score band (see {@link #BANDS}; five counts).
   */
  public record ReviewerScores(String reviewer, ReviewLevel level, long[] bands) {}

  @Transactional(readOnly = true)
  public List<ReviewerScores> finalScoresByReviewer(LocalDate from, LocalDate to) {
    StringBuilder jpql = new StringBuilder("select r.reviewer, r.level");
    for (int b = 0; b <= BANDS.size(); b++) {
      jpql.append(", count(distinct case when ");
      if (b > 0) {
        jpql.append("i.finalScore >= :lo").append(b);
      }
      if (b > 0 && b < BANDS.size()) {
        jpql.append(" and ");
      }
      if (b < BANDS.size()) {
        jpql.append("i.finalScore < :hi").append(b);
      }
      jpql.append(" then i.id else null end)");
    }
    jpql.append(" from ReviewRecord r, Item i where i.id = r.itemId and r.approved = true")
        .append(" and r.reviewedAt >= :from and r.reviewedAt < :to and i.status = :closed and i.finalScore is not null")
        .append(" group by r.reviewer, r.level");
    var query = em.createQuery(jpql.toString(), Object[].class)
        .setParameter("from", startOf(from))
        .setParameter("to", startOf(to))
        .setParameter("closed", ItemStatus.CLOSED);
    for (int b = 0; b < BANDS.size(); b++) {
      query.setParameter("hi" + b, BANDS.get(b));
      query.setParameter("lo" + (b + 1), BANDS.get(b));
    }
    List<ReviewerScores> out = new ArrayList<>();
    for (Object[] row : query.getResultList()) {
      long[] bands = new long[BANDS.size() + 1];
      for (int b = 0; b < bands.length; b++) {
        bands[b] = row[2 + b] == null ? 0 : ((Number) row[2 + b]).longValue();
      }
      out.add(new ReviewerScores((String) row[0], (ReviewLevel) row[1], bands));
    }
    return out;
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(Time.ZONE).toInstant();
  }

  private static void check(int year) {
    if (year < 2000 || year > 2100) {
      throw DomainException.invalid("year", "年份应在 2000 到 2100 之间");
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
    return items.overdueOpen(ItemStatus.OPEN, today).stream().map(i -> service.summary(i, today)).toList();
  }

  /**
   * The items still open today whose deadline passed before {@code day} (a period's end, or today
   * if earlier), earliest deadline first: the overdue list of a periodic report.
   */
  @Transactional(readOnly = true)
  public List<ItemSummary> overdueBefore(LocalDate day) {
    LocalDate today = Time.today();
    LocalDate before = day.isAfter(today) ? today : day;
    return items.overdueOpen(ItemStatus.OPEN, before).stream().map(i -> service.summary(i, today)).toList();
  }

  /** Open items whose deadline is today or within the next {@code days} days, earliest first. */
  @Transactional(readOnly = true)
  public List<ItemSummary> dueWithin(int days) {
    LocalDate today = Time.today();
    return items.dueBetween(ItemStatus.OPEN, today, today.plusDays(days)).stream().map(i -> service.summary(i, today)).toList();
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
          eventLabel(e.getType()), e.getActor(), e.getDetail(), Items.at(e.getOccurredAt())));
    }
    for (Object[] row : progress.between(from, to)) {
      ProgressReport p = (ProgressReport) row[0];
      Item i = (Item) row[1];
      changes.add(new Change(i.getCode(), i.getTitle(), i.getUnitCode(), i.getLeadLeader(), "PROGRESS",
          eventLabel("PROGRESS"), p.getReportedBy(), "进度 " + p.getPercent() + "%", Items.at(p.getReportedAt())));
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


  private static List<ScoreGroup> groups(List<Object[]> rows) {
    return rows.stream().map(r -> new ScoreGroup((String) r[0], ((Number) r[1]).longValue(),
        r[2] == null ? null : new BigDecimal(r[2].toString()).setScale(1, RoundingMode.HALF_UP))).toList();
  }

  private static Map<String, Long> counts(List<Object[]> rows) {
    Map<String, Long> m = new TreeMap<>();
    rows.forEach(r -> m.put((String) r[0], ((Number) r[1]).longValue()));
    return m;
  }
}
