package org.luoshi.ranking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.luoshi.scoring.Period;
import org.luoshi.identity.Organisation;
import org.luoshi.identity.Unit;
import org.luoshi.item.ItemService;
import org.luoshi.item.ItemService.ScoreGroup;
import org.springframework.stereotype.Service;

/**
 * Units and responsible persons ranked by the average final score of the items closed in a period
 * (best first; ties share a rank), with how many items they closed, let go overdue and returned.
 * Whoever closed no item in the period has no average and so no rank ({@code rank} null, 未排名);
 * they are listed after the ranked ones, fewest overdue first.
 * The annual assessment and the circulars are built on this.
 */
@Service
public class Rankings {

  private final ItemService items;
  private final Organisation organisation;

  Rankings(ItemService items, Organisation organisation) {
    this.items = items;
    this.organisation = organisation;
  }

  public record Result(String period, String label, String from, String to, List<UnitRank> units,
      List<PersonRank> people) {}

  /** {@code rank} is null when no item was closed in the period (nothing to rank by). */
  public record UnitRank(Integer rank, String unitCode, String unitName, BigDecimal averageFinalScore, long closed,
      long overdue, long returned) {}

  /** {@code rank} is null when no item was closed in the period. */
  public record PersonRank(Integer rank, String userId, String name, List<String> unitCodes, BigDecimal averageFinalScore,
      long closed, long overdue) {}

  public Result rank(Period period) {
    Map<String, ScoreGroup> unitScores = byKey(items.closedByUnit(period.from(), period.to()));
    Map<String, Long> unitOverdue = items.overdueByUnit(period.from(), period.to());
    Map<String, Long> unitReturned = items.returnedByUnit(period.from(), period.to());
    Set<String> unitCodes = new LinkedHashSet<>(organisation.units().stream().map(Unit::code).toList());
    unitCodes.addAll(unitScores.keySet());
    unitCodes.addAll(unitOverdue.keySet());
    unitCodes.addAll(unitReturned.keySet());

    List<UnitRank> units = new ArrayList<>();
    for (String code : unitCodes) {
      ScoreGroup g = unitScores.get(code);
      units.add(new UnitRank(null, code, organisation.unitName(code), g == null ? null : g.averageFinalScore(),
          g == null ? 0 : g.closed(), unitOverdue.getOrDefault(code, 0L), unitReturned.getOrDefault(code, 0L)));
    }
    units.sort(Comparator.comparing(UnitRank::averageFinalScore, Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(UnitRank::overdue).thenComparing(UnitRank::returned).thenComparing(UnitRank::unitCode));
    units = ranked(units, UnitRank::averageFinalScore, UnitRank::overdue,
        (u, r) -> new UnitRank(r, u.unitCode(), u.unitName(), u.averageFinalScore(), u.closed(), u.overdue(), u.returned()));

    Map<String, ScoreGroup> personScores = byKey(items.closedByPerson(period.from(), period.to()));
    Map<String, Long> personOverdue = items.overdueByPerson(period.from(), period.to());
    Set<String> people = new LinkedHashSet<>(personScores.keySet());
    people.addAll(personOverdue.keySet());
    List<PersonRank> persons = new ArrayList<>();
    for (String id : people) {
      ScoreGroup g = personScores.get(id);
      persons.add(new PersonRank(null, id, organisation.nameOf(id), organisation.unitCodesOf(id),
          g == null ? null : g.averageFinalScore(), g == null ? 0 : g.closed(), personOverdue.getOrDefault(id, 0L)));
    }
    persons.sort(Comparator.comparing(PersonRank::averageFinalScore, Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(PersonRank::overdue).thenComparing(PersonRank::userId));
    persons = ranked(persons, PersonRank::averageFinalScore, PersonRank::overdue,
        (p, r) -> new PersonRank(r, p.userId(), p.name(), p.unitCodes(), p.averageFinalScore(), p.closed(), p.overdue()));

    return new Result(period.name(), period.label(), period.from().toString(), period.to().minusDays(1).toString(),
        units, persons);
  }

  /**
   * Competition ranking (1, 2, 2, 4): equal average and equal overdue count share a rank; without
   * an average (nothing closed) no rank.
   */
  private static <T> List<T> ranked(List<T> sorted, Function<T, BigDecimal> score, Function<T, Long> overdue,
      java.util.function.BiFunction<T, Integer, T> withRank) {
    List<T> out = new ArrayList<>();
    int rank = 0;
    for (int i = 0; i < sorted.size(); i++) {
      T t = sorted.get(i);
      if (score.apply(t) == null) {
        out.add(withRank.apply(t, null));
        continue;
      }
      if (i == 0 || !same(score.apply(t), score.apply(sorted.get(i - 1)))
          || !overdue.apply(t).equals(overdue.apply(sorted.get(i - 1)))) {
        rank = i + 1;
      }
      out.add(withRank.apply(t, rank));
    }
    return out;
  }

  private static boolean same(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  private static Map<String, ScoreGroup> byKey(List<ScoreGroup> groups) {
    return groups.stream().collect(Collectors.toMap(ScoreGroup::key, g -> g));
  }
}
