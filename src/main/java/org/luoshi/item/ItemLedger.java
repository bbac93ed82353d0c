package org.luoshi.item;

import static org.luoshi.common.DomainException.invalid;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.luoshi.common.DomainException;
import org.luoshi.common.PageResult;
import org.luoshi.engine.Time;
import org.luoshi.identity.Organisation;
import org.luoshi.item.ItemViews.ChildProgress;
import org.luoshi.item.ItemViews.Counts;
import org.luoshi.item.ItemViews.Event;
import org.luoshi.item.ItemViews.Extension;
import org.luoshi.item.ItemViews.ItemDetail;
import org.luoshi.item.ItemViews.ItemSummary;
import org.luoshi.item.ItemViews.Progress;
import org.luoshi.item.ItemViews.Review;
import org.luoshi.item.ItemViews.Stats;
import org.luoshi.item.ItemViews.UnitCounts;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger (台账) as people read it: an item's detail page, the paged list, the year's statistics
 * (GET /api/items/{code}, /api/items, /api/stats), each viewer seeing what DESIGN.md §3 allows; and the
 * whole ledger for other capabilities (the Excel export): every row a viewer may see that
 * matches the ledger's filters (GET /api/items without paging), newest first, read in batches of
 * {@value #BATCH} by keyset (issuedOn, id), each batch in a read-only transaction of its own, so
 * neither memory nor the database's offset scan grows with the number of rows.
 */
@Component
public class ItemLedger {

  static final int BATCH = 1000;
  private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("issuedOn"), Sort.Order.desc("id"));

  private final ItemRepository items;
  private final Items service;
  private final ProgressReportRepository progress;
  private final ReviewRecordRepository reviews;
  private final ExtensionRequestRepository extensions;
  private final ItemEventRepository events;
  private final Organisation organisation;
  private final LedgerPaging ledgerPages;
  private final TitleBigrams bigrams;
  private final TransactionTemplate readOnly;

  ItemLedger(ItemRepository items, Items service, ProgressReportRepository progress,
      ReviewRecordRepository reviews, ExtensionRequestRepository extensions, ItemEventRepository events,
      Organisation organisation, LedgerPaging ledgerPages, TitleBigrams bigrams,
      PlatformTransactionManager transactions) {
    this.items = items;
    this.service = service;
    this.progress = progress;
    this.reviews = reviews;
    this.extensions = extensions;
    this.events = events;
    this.organisation = organisation;
    this.ledgerPages = ledgerPages;
    this.bigrams = bigrams;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  @Transactional(readOnly = true)
  public ItemDetail detail(String code, Viewer viewer) {
    Item item = service.byCode(code);
    if (!service.canSee(item, viewer)) {
      throw DomainException.forbidden("无权查看此事项：" + code);
    }
    LocalDate today = Time.today();
    List<Item> kids = items.findByParentCodeOrderByCodeAsc(code);
    ChildProgress childProgress = kids.isEmpty() ? null : new ChildProgress(kids.size(),
        (int) kids.stream().filter(k -> k.getStatus() != ItemStatus.CLOSED && k.getStatus() != ItemStatus.CANCELLED).count(),
        (int) kids.stream().filter(k -> k.getStatus() == ItemStatus.CLOSED).count(),
        (int) Math.round(kids.stream().filter(k -> k.getStatus() != ItemStatus.CANCELLED)
            .mapToInt(k -> k.getStatus() == ItemStatus.CLOSED ? 100 : k.getProgressPercent()).average().orElse(0)));
    var subject = new ItemViews.Subject(item.getCode(), item.getTitle(), item.getSource(), item.getSource().label(),
        item.getCategory(), item.getTarget(), item.getMeasures(), item.getParentCode(), item.getProcessInstanceId());
    var parties = new ItemViews.Parties(item.getUnitCode(), organisation.unitName(item.getUnitCode()),
        item.getLeadLeader(), organisation.nameOf(item.getLeadLeader()), item.getResponsiblePerson(),
        item.getResponsiblePerson() == null ? null : organisation.nameOf(item.getResponsiblePerson()),
        item.getIssuedBy(), item.getCoUnitCodes(),
        item.getCoUnitCodes().stream().map(c -> new ItemViews.CoUnit(c, organisation.unitName(c))).toList());
    var standing = new ItemViews.Standing(item.getIssuedOn(), item.getDeadline(), item.getOriginalDeadline(),
        item.getStatus(), item.getStatus().label(), item.isOverdue(today), item.getOverdueSince(), item.isExtended(),
        item.light(today), item.getProgressPercent(), item.getReplyDue(), item.isReplyOverdue(today),
        item.getRepliedOn(), item.getCompletedOn(), item.getDaysLate(), Time.at(item.getClosedAt()));
    var itemScores = new ItemViews.Scores(item.getTimelinessScore(), item.getQualityScore(), item.getFinalScore());
    var history = new ItemViews.History(
        progress.findByItemIdOrderByReportedAtAscIdAsc(item.getId()).stream()
            .map(p -> new Progress(p.getPercent(), p.getNote(), p.getReportedBy(),
                organisation.nameOf(p.getReportedBy()), Time.at(p.getReportedAt()), p.getUnitCode(),
                p.getUnitCode() == null ? null : organisation.unitName(p.getUnitCode()), p.getUnitCode() != null)).toList(),
        reviews.findByItemIdOrderByReviewedAtAscIdAsc(item.getId()).stream()
            .map(r -> new Review(r.getLevel(), r.getLevel().label(), r.getSubmissionRound(), r.getReviewer(),
                organisation.nameOf(r.getReviewer()), r.isApproved(), r.getQualityScore(), r.getComment(),
                Time.at(r.getReviewedAt()))).toList(),
        extensions.findByItemIdOrderByRequestedAtAscIdAsc(item.getId()).stream()
            .map(e -> new Extension(e.getPreviousDeadline(), e.getNewDeadline(), e.getReason(), e.getRequestedBy(),
                Time.at(e.getRequestedAt()), e.getDecision(), e.getDecidedBy(), e.getDecisionComment(),
                Time.at(e.getDecidedAt()))).toList(),
        item.getCompletionNote(),
        events.findByItemIdOrderByOccurredAtAscIdAsc(item.getId()).stream()
            .map(e -> new Event(e.getType(), e.getActor(),
                e.getActor() == null || Items.SYSTEM.equals(e.getActor()) ? "系统" : organisation.nameOf(e.getActor()),
                e.getDetail(), Time.at(e.getOccurredAt()))).toList(),
        kids.stream().map(k -> service.summary(k, today)).toList(),
        childProgress);
    return new ItemDetail(subject, parties, standing, itemScores, history);
  }

  /**
   * The ledger (台账): filtered, paged, newest first; each viewer sees what DESIGN.md §3 allows. The total
   * is counted up to {@code luoshi.ledger.count-limit} ({@code totalExact} false past it, see LedgerPaging).
   */
  @Transactional(readOnly = true)
  public PageResult<ItemSummary> ledger(LedgerQuery query, Viewer viewer) {
    PageResult.check(query.page(), query.size());
    LocalDate today = Time.today();
    String bigram = bigrams.indexedPiece(query.q());
    LedgerPaging.Page page = ledgerPages.page(ItemSpecifications.ledger(query, viewer, today, bigram),
        ItemSpecifications.ledgerBranches(query, viewer, today, bigram), query.page(), query.size());
    return new PageResult<>(page.content().stream().map(i -> service.summary(i, today)).toList(), page.total(),
        query.page(), query.size(), page.exact());
  }

  /**
   * The seed's figures for the items issued in a year, in total and per unit: the counts per unit, status
   * and source and the instruction replies from the year's summary (ls_item_tally, which a trigger keeps
   * in the same transaction as every change of an item); overdue now, by unit, from the summary of the open
   * items by month of their deadline (ls_item_open_tally, kept by the same trigger) for the months before this
   * one and from the items (an index) for this month's deadlines before today; replies due by today counted
   * from the year's unreplied instructions (an index); the co-units' column counted from ls_item_co_unit.
   * Equal to {@link #stats(LocalDate, LocalDate)} over the year, which counts every item (LedgerAtScaleIT).
   */
  @Transactional(readOnly = true)
  public Stats stats(int year) {
    if (year < 2000 || year > 2100) {
      throw invalid("year", "年份不正确：" + year);
    }
    LocalDate from = LocalDate.of(year, 1, 1);
    LocalDate to = from.plusYears(1);
    LocalDate today = Time.today();
    // (unit, status, source) -> count, overdue now (0: by unit below), replied, replied on time, reply due by
    // today or replied
    Map<List<Object>, long[]> rows = new java.util.LinkedHashMap<>();
    for (Object[] r : items.tallyRows(year)) {
      long[] n = rows.computeIfAbsent(List.of(r[0], ItemStatus.valueOf((String) r[1]), ItemSource.valueOf((String) r[2])),
          k -> new long[5]);
      n[0] += ((Number) r[3]).longValue();
      n[2] += ((Number) r[4]).longValue();
      n[3] += ((Number) r[5]).longValue();
      n[4] += ((Number) r[4]).longValue();
    }
    // overdue now: the open items whose deadline is in a month before this one, from their summary, and this
    // month's with a deadline before today, from the index (bounded by a month of deadlines)
    LocalDate month = today.withDayOfMonth(1);
    Map<String, Long> overdue = new TreeMap<>();
    for (Object[] r : items.openBeforeMonthRows(year, month)) {
      overdue.merge((String) r[0], ((Number) r[1]).longValue(), Long::sum);
    }
    for (Object[] r : items.overdueSinceRows(from, to, ItemStatus.OPEN, month, today)) {
      overdue.merge((String) r[0], ((Number) r[1]).longValue(), Long::sum);
    }
    for (Object[] r : items.unrepliedPastDueRows(from, to, today)) {
      rows.computeIfAbsent(List.of(r[0], r[1], ItemSource.INSTRUCTION), k -> new long[5])[4] += ((Number) r[2]).longValue();
    }
    List<Object[]> merged = new ArrayList<>();
    rows.forEach((k, n) -> merged.add(new Object[] {k.get(0), k.get(1), k.get(2), n[0], n[1], n[2], n[3], n[4]}));
    return tally(year, merged, overdue, items.coUnitRows(from, to, ItemStatus.OPEN));
  }

  /**
   * GET /api/stats: the same figures of the items the viewer may see (the ledger's rule): the
   * district's for those who see everything; for a unit member `total` and `byUnit` are their
   * unit's, for a leader those of the items they lead.
   */
  @Transactional(readOnly = true)
  public Stats stats(int year, Viewer viewer) {
    if (viewer.all()) {
      return stats(year);
    }
    if (year < 2000 || year > 2100) {
      throw invalid("year", "年份不正确：" + year);
    }
    List<String> units = viewer.unitCodes().isEmpty() ? List.of("") : viewer.unitCodes();
    LocalDate from = LocalDate.of(year, 1, 1);
    LocalDate to = LocalDate.of(year + 1, 1, 1);
    return tally(year, items.statsRowsVisibleTo(from, to, ItemStatus.OPEN, Time.today(), units, viewer.userId()),
        Map.of(), items.coUnitRowsOf(from, to, ItemStatus.OPEN, units));
  }

  /**
   * The same figures for the items issued in [from, to), e.g. a quarter or a half-year for the
   * periodic reports; {@code year} is the year {@code from} falls in.
   */
  @Transactional(readOnly = true)
  public Stats stats(LocalDate from, LocalDate to) {
    return stats(from.getYear(), from, to);
  }

  private Stats stats(int year, LocalDate from, LocalDate to) {
    return tally(year, items.statsRows(from, to, ItemStatus.OPEN, Time.today()), Map.of(),
        items.coUnitRows(from, to, ItemStatus.OPEN));
  }

  /**
   * rows: the lead units' figures (statsRows); overdue: more items overdue now, by lead unit (for rows that count
   * none); coRows: (co-unit, items, open items), the column 协办事项.
   */
  private Stats tally(int year, List<Object[]> rows, Map<String, Long> overdue, List<Object[]> coRows) {
    Tally total = new Tally();
    Map<String, Tally> byUnit = new TreeMap<>();
    for (Object[] row : rows) {
      String unit = (String) row[0];
      ItemStatus status = (ItemStatus) row[1];
      ItemSource source = (ItemSource) row[2];
      long[] n = new long[] {((Number) row[3]).longValue(), ((Number) row[4]).longValue(),
          ((Number) row[5]).longValue(), ((Number) row[6]).longValue(), ((Number) row[7]).longValue()};
      total.add(status, source, n);
      byUnit.computeIfAbsent(unit, u -> new Tally()).add(status, source, n);
    }
    overdue.forEach((unit, n) -> {
      total.overdue += n;
      byUnit.computeIfAbsent(unit, u -> new Tally()).overdue += n;
    });
    for (Object[] row : coRows) {
      Tally t = byUnit.computeIfAbsent((String) row[0], u -> new Tally());
      t.coResponsible = ((Number) row[1]).longValue();
      t.coResponsibleOpen = row[2] == null ? 0 : ((Number) row[2]).longValue();
    }
    List<UnitCounts> units = new ArrayList<>();
    byUnit.forEach((unit, t) -> units.add(new UnitCounts(unit, organisation.unitName(unit), t.counts(),
        t.coResponsible, t.coResponsibleOpen)));
    return new Stats(year, total.counts(), units);
  }

  private static final class Tally {
    final EnumMap<ItemStatus, Long> byStatus = new EnumMap<>(ItemStatus.class);
    long overdue;
    long instruction;
    long due;
    long replied;
    long onTime;
    long coResponsible;
    long coResponsibleOpen;

    /** n = count, overdue now, replied, replied on time, reply due by today or replied. */
    void add(ItemStatus status, ItemSource source, long[] n) {
      byStatus.merge(status, n[0], Long::sum);
      overdue += n[1];
      if (source == ItemSource.INSTRUCTION) {
        instruction += n[0];
        replied += n[2];
        onTime += n[3];
        due += n[4];
      }
    }

    Counts counts() {
      long issued = byStatus.values().stream().mapToLong(Long::longValue).sum();
      BigDecimal rate = due == 0 ? null
          : BigDecimal.valueOf(onTime).divide(BigDecimal.valueOf(due), 3, RoundingMode.HALF_UP);
      return new Counts(issued, get(ItemStatus.CLOSED), get(ItemStatus.CLOSING),
          get(ItemStatus.ISSUED) + get(ItemStatus.IN_PROGRESS), get(ItemStatus.RETURNED),
          get(ItemStatus.CANCELLED), overdue, instruction, due, replied, onTime, rate);
    }

    private long get(ItemStatus s) {
      return byStatus.getOrDefault(s, 0L);
    }
  }

  // --- the whole ledger, for the Excel export ------------------------------------------------

  /** How many rows match (the ledger's rule), counted exactly: the ledger page's total stops at a bound (LedgerPaging). */
  public long count(LedgerQuery query, Viewer viewer) {
    return readOnly.execute(s -> items.count(ItemSpecifications.ledger(query, viewer, Time.today(),
        bigrams.indexedPiece(query.q()))));
  }

  /** Hands every matching row to {@code each}, newest first; the query's page and size are ignored. */
  public void forEach(LedgerQuery query, Viewer viewer, Consumer<ItemSummary> each) {
    LocalDate today = Time.today();
    Specification<Item> ledger = ItemSpecifications.ledger(query, viewer, today, bigrams.indexedPiece(query.q()));
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
