package org.luoshi.item;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.luoshi.engine.Time;
import org.luoshi.item.ItemViews.ItemSummary;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole ledger for other capabilities (the Excel export): every row a viewer may see that
 * matches the ledger's filters (GET /api/items without paging), newest first, read in batches of
 * {@value #BATCH} by keyset (issuedOn, id), each batch in a read-only transaction of its own, so
 * neither memory nor the database's offset scan grows with the number of rows.
 */
@Component
public class ItemLedger {

  static final int BATCH = 1000;
  private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("issuedOn"), Sort.Order.desc("id"));

  private final ItemRepository items;
  private final ItemService service;
  private final TransactionTemplate readOnly;

  ItemLedger(ItemRepository items, ItemService service, PlatformTransactionManager transactions) {
    this.items = items;
    this.service = service;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  /** How many rows match (the ledger's rule), counted exactly: the ledger page's total stops at a bound (LedgerPaging). */
  public long count(LedgerQuery query, Viewer viewer) {
    return readOnly.execute(s -> items.count(ItemSpecifications.ledger(query, viewer, Time.today())));
  }

  /** Hands every matching row to {@code each}, newest first; the query's page and size are ignored. */
  public void forEach(LedgerQuery query, Viewer viewer, Consumer<ItemSummary> each) {
    LocalDate today = Time.today();
    Specification<Item> ledger = ItemSpecifications.ledger(query, viewer, today);
    LocalDate lastIssued = null;
    Long lastId = null;
    while (true) {
      Specification<Item> spec = lastId == null ? ledger : ledger.and(after(lastIssued, lastId));
      List<Object[]> batch = readOnly.execute(s -> items.findBy(spec, q -> q.sortBy(NEWEST_FIRST).limit(BATCH).all())
          .stream().map(i -> new Object[] {i.getIssuedOn(), i.getId(), service.summary(i, today)}).toList());
      for (Object[] row : batch) {
        each.accept((ItemSummary) row[2]);
      }
      if (batch.size() < BATCH) {
        return;
      }
      Object[] last = batch.get(batch.size() - 1);
      lastIssued = (LocalDate) last[0];
      lastId = (Long) last[1];
    }
  }

  /** Rows after (issuedOn, id) in newest-first order. */
  private static Specification<Item> after(LocalDate issuedOn, long id) {
    return (root, query, cb) -> cb.or(cb.lessThan(root.get("issuedOn"), issuedOn),
        cb.and(cb.equal(root.get("issuedOn"), issuedOn), cb.lessThan(root.get("id"), id)));
  }
}
