package org.luoshi.item;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.LocalDate;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/** The ledger's filters as SQL, including the derived overdue flag and light. */
final class ItemSpecifications {

  private ItemSpecifications() {}

  /** The ids of the items naming one of the units as a co-unit (协办单位). */
  private static jakarta.persistence.criteria.Subquery<Long> coItems(CriteriaQuery<?> query,
      java.util.Collection<String> units) {
    var sub = query.subquery(Long.class);
    var item = sub.from(Item.class);
    jakarta.persistence.criteria.Join<Item, String> co = item.join("coUnitCodes");
    return sub.select(item.get("id")).where(co.in(units));
  }

  /**
   * The ledger: the items {@code viewer} may see (DESIGN.md §3) that match the query's filters, in one
   * query (the ways of seeing an item OR-ed).
   */
  static Specification<Item> ledger(LedgerQuery q, Viewer viewer, LocalDate today) {
    return ledger(q, viewer, today, null);
  }

  /**
   * As {@link #ledger(LedgerQuery, Viewer, LocalDate)}; a two-character {@code q} is also looked up in the
   * bigram index (PostgreSQL, V119) as {@code bigram}, when given (TitleBigrams).
   */
  static Specification<Item> ledger(LedgerQuery q, Viewer viewer, LocalDate today, String bigram) {
    List<Specification<Item>> visible = visibility(viewer);
    return (root, query, cb) -> {
      List<Predicate> p = new ArrayList<>();
      if (!visible.isEmpty()) {
        p.add(cb.or(visible.stream().map(v -> v.toPredicate(root, query, cb)).toArray(Predicate[]::new)));
      }
      p.addAll(filters(q, today, bigram, root, query, cb));
      return cb.and(p.toArray(Predicate[]::new));
    };
  }

  /**
   * The same items as {@link #ledger} as a union: one specification per way the viewer may see an item, each
   * that one way AND every filter of the query (an item seen in several ways is in several of them); for a
   * viewer who sees everything, {@link #ledger} alone. Counted branch by branch (LedgerPaging), each is read
   * from its own index and can stop early, where their OR makes PostgreSQL build the bitmap of every item of
   * the viewer's unit first. With a filter on open items (status, overdue, light) that filter's index is the
   * selective one: the OR in one query reads it once and checks the viewer's ways row by row, where each branch
   * would AND it with the bitmap of the whole unit (light=YELLOW at 1,000,000 items: 3–37 ms as one query,
   * 25–70 ms as branches; bench/README.md), so such a query is counted as one.
   */
  static List<Specification<Item>> ledgerBranches(LedgerQuery q, Viewer viewer, LocalDate today) {
    return ledgerBranches(q, viewer, today, null);
  }

  /** As {@link #ledgerBranches(LedgerQuery, Viewer, LocalDate)}, with the bigram of {@link #ledger(LedgerQuery, Viewer, LocalDate, String)}. */
  static List<Specification<Item>> ledgerBranches(LedgerQuery q, Viewer viewer, LocalDate today, String bigram) {
    List<Specification<Item>> visible = visibility(viewer);
    if (visible.isEmpty() || q.status() != null || q.overdue() != null || q.light() != null) {
      return List.of(ledger(q, viewer, today, bigram));
    }
    return visible.stream().<Specification<Item>>map(way -> (root, query, cb) -> {
      List<Predicate> p = new ArrayList<>();
      p.add(way.toPredicate(root, query, cb));
      p.addAll(filters(q, today, bigram, root, query, cb));
      return cb.and(p.toArray(Predicate[]::new));
    }).toList();
  }

  /**
   * The ways a viewer who does not see everything sees an item (DESIGN.md §3), the likely largest first: the
   * item's lead unit or one of its co-units (协办单位) is one of theirs, they lead it, they are responsible
   * for it. None for a viewer who sees everything.
   */
  private static List<Specification<Item>> visibility(Viewer viewer) {
    if (viewer.all()) {
      return List.of();
    }
    List<Specification<Item>> ways = new ArrayList<>();
    if (!viewer.unitCodes().isEmpty()) {
      ways.add((root, query, cb) -> root.get("unitCode").in(viewer.unitCodes()));
      ways.add((root, query, cb) -> root.get("id").in(coItems(query, viewer.unitCodes())));
    }
    ways.add((root, query, cb) -> cb.equal(root.get("leadLeader"), viewer.userId()));
    ways.add((root, query, cb) -> cb.equal(root.get("responsiblePerson"), viewer.userId()));
    return ways;
  }

  /** The query's filters, each a predicate (all of them to hold). */
  private static List<Predicate> filters(LedgerQuery q, LocalDate today, String bigram, Root<Item> root,
      CriteriaQuery<?> query, CriteriaBuilder cb) {
    List<Predicate> p = new ArrayList<>();
    if (q.unitCode() != null) {
      p.add(cb.equal(root.get("unitCode"), q.unitCode()));
    }
    if (q.coUnitCode() != null) {
      p.add(root.get("id").in(coItems(query, java.util.List.of(q.coUnitCode()))));
    }
    if (q.status() != null) {
      p.add(cb.equal(root.get("status"), q.status()));
    }
    if (q.source() != null) {
      p.add(cb.equal(root.get("source"), q.source()));
    }
    if (q.category() != null) {
      p.add(cb.equal(root.get("category"), q.category()));
    }
    if (q.leadLeader() != null) {
      p.add(cb.equal(root.get("leadLeader"), q.leadLeader()));
    }
    if (q.responsiblePerson() != null) {
      p.add(cb.equal(root.get("responsiblePerson"), q.responsiblePerson()));
    }
    if (q.parentCode() != null) {
      p.add(cb.equal(root.get("parentCode"), q.parentCode()));
    }
    if (q.year() != null) {
      p.add(cb.greaterThanOrEqualTo(root.get("issuedOn"), LocalDate.of(q.year(), 1, 1)));
      p.add(cb.lessThan(root.get("issuedOn"), LocalDate.of(q.year() + 1, 1, 1)));
    }
    Predicate open = root.get("status").in(ItemStatus.OPEN);
    Predicate pastDeadline = cb.lessThan(root.get("deadline"), today);
    if (q.overdue() != null) {
      Predicate overdue = cb.and(open, pastDeadline);
      p.add(q.overdue() ? overdue : cb.not(overdue));
    }
    if (q.light() != null) {
      p.add(open);
      switch (q.light()) {
        case RED -> p.add(pastDeadline);
        case YELLOW -> {
          p.add(cb.greaterThanOrEqualTo(root.get("deadline"), today));
          p.add(cb.lessThanOrEqualTo(root.get("yellowFrom"), today));
        }
        case GREEN -> {
          p.add(cb.greaterThanOrEqualTo(root.get("deadline"), today));
          p.add(cb.greaterThan(root.get("yellowFrom"), today));
        }
      }
    }
    if (q.q() != null && !q.q().isBlank()) {
      String term = q.q().trim();
      String like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      if (term.equals(term.toLowerCase(Locale.ROOT)) && term.equals(term.toUpperCase(Locale.ROOT))) {
        // nothing with a case (Chinese, digits): a plain LIKE; lower() on every row made PostgreSQL's scan of
        // 100,000 titles four times slower (bench/run)
        p.add(cb.or(cb.like(root.get("title"), like, '\\'), cb.like(root.get("code"), like, '\\')));
      } else {
        String lower = like.toLowerCase(Locale.ROOT);
        p.add(cb.or(cb.like(cb.lower(root.get("title")), lower, '\\'),
            cb.like(cb.lower(root.get("code")), lower, '\\')));
      }
      if (bigram != null) {
        // the term's two characters in the bigram index (V119): only items holding them are read, the like
        // above still decides; TitleBigrams gives it only on PostgreSQL and when the term is rare enough
        p.add(cb.isTrue(cb.function("ls_item_has_bigram", Boolean.class, root.get("title"), root.get("code"),
            cb.literal(bigram))));
      }
    }
    return p;
  }
}
