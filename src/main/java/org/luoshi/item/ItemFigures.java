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

  ItemFigures(EntityManager em, ItemRepository items) {
    this.em = em;
    this.items = items;
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
}
