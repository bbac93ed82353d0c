package org.luoshi.interview;

import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.luoshi.common.DomainException;
import org.luoshi.common.PageResult;
import org.luoshi.engine.Time;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading interviews: one by its code, those of an item, the pages and figures of the ledger, the
 * statistics of the reports and the times each person was interviewed (the annual assessment).
 */
@Service
class InterviewLedger {

  private static final List<InterviewStatus> HELD = List.of(InterviewStatus.HELD, InterviewStatus.RECORDED);

  private final InterviewRepository repository;
  private final InterviewViews views;

  InterviewLedger(InterviewRepository repository, InterviewViews views) {
    this.repository = repository;
    this.views = views;
  }


  /** An interview by its code, without caller checks (for other capabilities). */
  @Transactional(readOnly = true)
  Optional<InterviewView> find(String code) {
    return repository.findByCode(code).map(views::view);
  }

  /** The interviews related to a responsibility item, oldest first (all of them, for Luoshi's own rules). */
  @Transactional(readOnly = true)
  List<InterviewView> forItem(String itemCode) {
    if (itemCode == null || itemCode.isBlank()) {
      return List.of();
    }
    return views.views(repository.findByRelatedItemCodeOrderByIdAsc(itemCode.trim()));
  }

  /**
   * The interviews related to an item that the caller may see (for the item's page): the same rule
   * as {@link #viewFor}, so an interview answered 404 on its own never shows inside the item.
   */
  @Transactional(readOnly = true)
  List<InterviewView> forItem(String itemCode, String userId, boolean seesEverything) {
    if (itemCode == null || itemCode.isBlank()) {
      return List.of();
    }
    return views.views(repository.findByRelatedItemCodeOrderByIdAsc(itemCode.trim()).stream()
        .filter(i -> seesEverything || involves(i, userId)).toList());
  }

  /**
   * How many interviews each person attended that were held in a year (for the annual
   * assessment's ranking), by user id; people never interviewed are absent.
   */
  @Transactional(readOnly = true)
  Map<String, Long> timesInterviewed(int year) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Object[] row : repository.timesInterviewed(startOf(year), startOf(year + 1), HELD)) {
      out.put((String) row[0], ((Number) row[1]).longValue());
    }
    return out;
  }

  /**
   * As {@link #timesInterviewed(int)}, for the interviews held in [from, to) (an assessment of a
   * half-year counts that half-year's).
   */
  @Transactional(readOnly = true)
  Map<String, Long> timesInterviewed(LocalDate from, LocalDate to) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Object[] row : repository.timesInterviewed(from.atStartOfDay(Time.ZONE).toInstant(),
        to.atStartOfDay(Time.ZONE).toInstant(), HELD)) {
      out.put((String) row[0], ((Number) row[1]).longValue());
    }
    return out;
  }

  /** An interview as the caller may see it: the office, principal leaders and admins all, others their own. */
  @Transactional(readOnly = true)
  InterviewView viewFor(String code, String userId, boolean seesEverything) {
    return repository.findByCode(code)
        .filter(i -> seesEverything || involves(i, userId))
        .map(views::view)
        .orElseThrow(() -> DomainException.notFound("没有这个约谈：" + code));
  }

  /** Interviews the caller may see, newest first, filtered. */
  @Transactional(readOnly = true)
  PageResult<InterviewView> list(InterviewFilter filter, String userId, boolean seesEverything,
      int page, int size) {
    PageResult.check(page, size);
    if (filter.year() != null && (filter.year() < 2000 || filter.year() > 2100)) {
      throw DomainException.invalid("year", "年份应在 2000 到 2100 之间");
    }
    Specification<Interview> spec = (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      if (filter.relatedItemCode() != null) {
        where.add(cb.equal(root.get("relatedItemCode"), filter.relatedItemCode()));
      }
      if (filter.year() != null) {
        where.add(cb.equal(root.get("startYear"), filter.year()));
      }
      if (filter.status() != null) {
        where.add(cb.equal(root.get("status"), filter.status()));
      }
      if (filter.interviewer() != null) {
        where.add(cb.equal(root.get("interviewer"), filter.interviewer()));
      }
      if (filter.interviewee() != null) {
        where.add(hasInterviewee(root, query, cb, filter.interviewee()));
      }
      if (!seesEverything) {
        where.add(cb.or(cb.equal(root.get("interviewer"), userId), cb.equal(root.get("startedBy"), userId),
            hasInterviewee(root, query, cb, userId)));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
    var result = repository.findAll(spec, PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id")));
    return new PageResult<>(views.views(result.getContent()), result.getTotalElements(), page, size);
  }

  private static Predicate hasInterviewee(jakarta.persistence.criteria.Root<Interview> root,
      jakarta.persistence.criteria.CriteriaQuery<?> query, jakarta.persistence.criteria.CriteriaBuilder cb,
      String userId) {
    var sub = query.subquery(Long.class);
    var other = sub.from(Interview.class);
    var person = other.join("participants");
    sub.select(other.get("id"))
        .where(cb.equal(other.get("id"), root.get("id")), cb.equal(person.get("userId"), userId));
    return cb.exists(sub);
  }

  /**
   * Interviews held in a year: sessions, distinct people who attended and person-times, by
   * interviewer level, trigger, kind and outcome.
   */
  @Transactional(readOnly = true)
  InterviewStats stats(int year) {
    if (year < 2000 || year > 2100) {
      throw DomainException.invalid("year", "年份应在 2000 到 2100 之间");
    }
    return stats(year, startOf(year), startOf(year + 1));
  }

  /**
   * The same figures for the interviews held in [from, to) (Beijing dates), e.g. a quarter or a
   * half-year for the periodic reports; {@code year} is the year {@code from} falls in.
   */
  @Transactional(readOnly = true)
  InterviewStats stats(LocalDate from, LocalDate to) {
    return stats(from.getYear(), from.atStartOfDay(Time.ZONE).toInstant(), to.atStartOfDay(Time.ZONE).toInstant());
  }

  /** The interviews held in [from, to) (Beijing dates), in the order they were held. */
  @Transactional(readOnly = true)
  List<InterviewView> heldBetween(LocalDate from, LocalDate to) {
    return views.views(repository.heldBetween(from.atStartOfDay(Time.ZONE).toInstant(),
        to.atStartOfDay(Time.ZONE).toInstant(), HELD));
  }

  private InterviewStats stats(int year, Instant from, Instant to) {
    Object[] totals = repository.heldTotals(from, to, HELD).stream().findFirst().orElse(new Object[] {0L, 0L, 0L});
    return new InterviewStats(year, count(totals[0]), count(totals[1]), count(totals[2]),
        groups(InterviewerLevel.class, InterviewerLevel::label, repository.heldByLevel(from, to, HELD)),
        groups(InterviewTrigger.class, InterviewTrigger::label, repository.heldByTrigger(from, to, HELD)),
        groups(InterviewMethod.class, InterviewMethod::label, repository.heldByMethod(from, to, HELD)),
        groups(InterviewOutcome.class, InterviewOutcome::label, repository.heldByOutcome(from, to, HELD)));
  }

  private static <E extends Enum<E>> Map<String, InterviewStats.Group> groups(Class<E> type,
      java.util.function.Function<E, String> label, List<Object[]> rows) {
    Map<E, Object[]> byKey = new EnumMap<>(type);
    rows.forEach(r -> byKey.put(type.cast(r[0]), r));
    Map<String, InterviewStats.Group> out = new LinkedHashMap<>();
    for (E e : type.getEnumConstants()) {
      Object[] r = byKey.get(e);
      out.put(e.name(), r == null
          ? new InterviewStats.Group(label.apply(e), 0, 0, 0)
          : new InterviewStats.Group(label.apply(e), count(r[1]), count(r[2]), count(r[3])));
    }
    return out;
  }

  private static long count(Object n) {
    return n == null ? 0 : ((Number) n).longValue();
  }

  private static Instant startOf(int year) {
    return LocalDate.of(year, 1, 1).atStartOfDay(Time.ZONE).toInstant();
  }

  private static boolean involves(Interview i, String userId) {
    return userId != null && (userId.equals(i.getInterviewer()) || userId.equals(i.getStartedBy())
        || i.intervieweeIds().contains(userId));
  }

  Interview byCode(String code) {
    return repository.findByCode(code).orElseThrow(() -> DomainException.notFound("没有这个约谈：" + code));
  }
}
