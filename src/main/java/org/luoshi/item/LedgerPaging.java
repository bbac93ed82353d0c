package org.luoshi.item;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * A ledger page (GET /api/items) with a bounded total: the rows of the page in ledger order (issuedOn,
 * id, newest first), and how many rows match, counted only up to {@code luoshi.ledger.count-limit}
 * (default 10,000). Counting every match of a filter that matches hundreds of thousands of items reads
 * all of them (200–500 ms at 1,000,000 items, bench/README.md); counting stops at the limit + 1 instead,
 * and a total past the limit is reported as not exact (the ledger pages show "10,000 项以上"). For a viewer
 * who does not see everything the total is counted branch by branch (one per way of seeing an item,
 * ItemSpecifications.ledgerBranches), each read from its own index, and the ids put together: exact while
 * together they are no more than the limit.
 */
@Component
class LedgerPaging {

  /** A page of items, the total (exact, or a lower bound) and whether it is exact. */
  record Page(List<Item> content, long total, boolean exact) {}

  private final EntityManager entities;
  private final int countLimit;
  private final boolean postgres;

  LedgerPaging(EntityManager entities, @Value("${luoshi.ledger.count-limit:10000}") int countLimit) {
    if (countLimit < 1) {
      throw new IllegalArgumentException("luoshi.ledger.count-limit must be at least 1: " + countLimit);
    }
    this.entities = entities;
    this.countLimit = countLimit;
    this.postgres = postgres(entities);
  }

  /** Whether the application's database is PostgreSQL (Hibernate's dialect). */
  static boolean postgres(EntityManager entities) {
    return entities.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices()
        .getDialect() instanceof PostgreSQLDialect;
  }

  /**
   * Page {@code page} of {@code size} rows of {@code spec}, newest first; call within a transaction. The total
   * is counted over {@code branches}, specifications whose union is {@code spec} (for a spec with no branches:
   * {@code List.of(spec)}), each up to the limit + 1, an item in several branches once.
   */
  Page page(Specification<Item> spec, List<Specification<Item>> branches, int page, int size) {
    if (postgres) {
      // a plan for these values, not a generic one: after five calls PostgreSQL may plan a prepared statement
      // once for any values, and then a two-character title search reads the whole trigram index (1.8 s at
      // 1,000,000 items) and the count's limit is an unknown that makes a scan look cheap (bench/README.md)
      entities.createNativeQuery("select set_config('plan_cache_mode', 'force_custom_plan', true)").getSingleResult();
    }
    CriteriaBuilder cb = entities.getCriteriaBuilder();
    CriteriaQuery<Item> rows = cb.createQuery(Item.class);
    Root<Item> root = rows.from(Item.class);
    where(rows, spec.toPredicate(root, rows, cb));
    rows.orderBy(cb.desc(root.get("issuedOn")), cb.desc(root.get("id")));
    long offset = (long) page * size;
    List<Item> content = entities.createQuery(rows).setFirstResult((int) offset).setMaxResults(size).getResultList();
    if (!content.isEmpty() && content.size() < size || offset == 0 && content.isEmpty()) {
      return new Page(content, offset + content.size(), true); // the last page: the total is known without a count
    }
    // how many match, up to the limit + 1: the ids of any limit + 1 matches of each branch, in no order, so the
    // database stops reading as soon as it has them. A branch (one way a unit member sees an item, and every
    // filter) is read from its own index; their OR in one query made PostgreSQL build the bitmap of every item of
    // the unit first (a unit member's view at 1,000,000 items: 40–107 ms, bench/README.md)
    Set<Long> matched = new HashSet<>();
    for (Specification<Item> branch : branches) {
      CriteriaQuery<Long> ids = cb.createQuery(Long.class);
      Root<Item> counted = ids.from(Item.class);
      ids.select(counted.get("id"));
      where(ids, branch.toPredicate(counted, ids, cb));
      matched.addAll(entities.createQuery(ids).setMaxResults(countLimit + 1).getResultList());
      if (matched.size() > countLimit) {
        break; // more than the limit already (a branch cut at the limit brought limit + 1 ids): a lower bound
      }
    }
    int matches = matched.size();
    if (matches <= countLimit) {
      return new Page(content, matches, true);
    }
    // more than the limit: a lower bound, the limit or, on a full page past it, the rows up to this page's end
    // (a page past the end is empty: the limit)
    return new Page(content, content.isEmpty() ? countLimit : Math.max(countLimit, offset + content.size()), false);
  }

  private static void where(CriteriaQuery<?> query, Predicate predicate) {
    if (predicate != null) {
      query.where(predicate);
    }
  }
}
