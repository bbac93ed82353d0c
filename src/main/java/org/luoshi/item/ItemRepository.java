package org.luoshi.item;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ItemRepository extends JpaRepository<Item, Long>, JpaSpecificationExecutor<Item> {

  // one item is read with its co-units in the same statement: every step that loads it shows or
  // compares them (the process variables coUnitCodes, coUnitNames), which would otherwise cost a
  // second select per transaction. Written as a query, not as a derived method with an entity graph:
  // Hibernate translates a query with an applied graph, and a derived method's criteria query, anew on
  // every call (a tenth of a lifecycle's CPU in ItemBench), a query string once
  @Query("select i from Item i left join fetch i.coUnitCodes where i.code = :code")
  Optional<Item> findByCode(String code);

  @Query("select i from Item i left join fetch i.coUnitCodes where i.processInstanceId = :processInstanceId")
  Optional<Item> findByProcessInstanceId(String processInstanceId);

  List<Item> findByParentCodeOrderByCodeAsc(String parentCode);

  /** Children not yet closed (nor cancelled): issued, returned, in progress or in the closing review. */
  // the statuses are written out: a list parameter makes Hibernate translate the query on every call
  @Query("""
      select count(i) from Item i where i.parentCode = :parentCode and i.status in (
        org.luoshi.item.ItemStatus.ISSUED, org.luoshi.item.ItemStatus.RETURNED,
        org.luoshi.item.ItemStatus.IN_PROGRESS, org.luoshi.item.ItemStatus.CLOSING)""")
  long countUnclosedChildren(String parentCode);

  /** (unitCode, closed count, average final score) of the items closed in [from, to). */
  @Query("""
      select i.unitCode, count(i), avg(i.finalScore) from Item i
      where i.status = org.luoshi.item.ItemStatus.CLOSED and i.closedAt >= :from and i.closedAt < :to
      group by i.unitCode""")
  List<Object[]> closedByUnit(java.time.Instant from, java.time.Instant to);

  /** (responsiblePerson, closed count, average final score) of the items closed in [from, to). */
  @Query("""
      select i.responsiblePerson, count(i), avg(i.finalScore) from Item i
      where i.status = org.luoshi.item.ItemStatus.CLOSED and i.closedAt >= :from and i.closedAt < :to
        and i.responsiblePerson is not null
      group by i.responsiblePerson""")
  List<Object[]> closedByPerson(java.time.Instant from, java.time.Instant to);

  /** (unitCode, count) of the items that went overdue in [from, to). */
  @Query("select i.unitCode, count(i) from Item i where i.overdueSince >= :from and i.overdueSince < :to group by i.unitCode")
  List<Object[]> overdueByUnit(LocalDate from, LocalDate to);

  /** (responsiblePerson, count) of the items that went overdue in [from, to). */
  @Query("""
      select i.responsiblePerson, count(i) from Item i
      where i.overdueSince >= :from and i.overdueSince < :to and i.responsiblePerson is not null
      group by i.responsiblePerson""")
  List<Object[]> overdueByPerson(LocalDate from, LocalDate to);

  /** (unitCode, count) of the items that went overdue in [from, to) and are still not done (for the assessment). */
  @Query("""
      select i.unitCode, count(i) from Item i
      where i.overdueSince >= :from and i.overdueSince < :to and i.status in :open
      group by i.unitCode""")
  List<Object[]> overdueOpenByUnit(LocalDate from, LocalDate to, Collection<ItemStatus> open);

  /** (responsiblePerson, count) of the items that went overdue in [from, to) and are still not done. */
  @Query("""
      select i.responsiblePerson, count(i) from Item i
      where i.overdueSince >= :from and i.overdueSince < :to and i.status in :open
        and i.responsiblePerson is not null
      group by i.responsiblePerson""")
  List<Object[]> overdueOpenByPerson(LocalDate from, LocalDate to, Collection<ItemStatus> open);

  /** Items of a unit or person still open and past their deadline on a day. */
  @Query("""
      select i from Item i where i.status in :open and i.deadline < :today
      order by i.deadline asc, i.code asc""")
  List<Item> overdueOpen(Collection<ItemStatus> open, LocalDate today);

  /** Open items whose deadline is in [from, to], earliest first. */
  @Query("""
      select i from Item i where i.status in :open and i.deadline >= :from and i.deadline <= :to
      order by i.deadline asc, i.code asc""")
  List<Item> dueBetween(Collection<ItemStatus> open, LocalDate from, LocalDate to);

  /**
   * Rows of (unitCode, status, source, count, overdue now, replied, replied on time, reply due by
   * today or replied) for the items issued in a period.
   */
  @Query("""
      select i.unitCode, i.status, i.source, count(i),
             sum(case when i.status in :open and i.deadline < :today then 1 else 0 end),
             sum(case when i.repliedOn is not null then 1 else 0 end),
             sum(case when i.repliedOn is not null and i.repliedOn <= i.replyDue then 1 else 0 end),
             sum(case when i.replyDue < :today or i.repliedOn is not null then 1 else 0 end)
      from Item i
      where i.issuedOn >= :from and i.issuedOn < :to
      group by i.unitCode, i.status, i.source""")
  List<Object[]> statsRows(LocalDate from, LocalDate to, Collection<ItemStatus> open, LocalDate today);

  /**
   * The summary of a year of issue (ls_item_tally, kept by a trigger on ls_item, V114/V115): rows of
   * (unit_code, status, source, items, replied, replied on time), the shards of a key added up.
   */
  @Query(nativeQuery = true, value = """
      select unit_code, status, source, sum(items), sum(replied), sum(replied_on_time) from ls_item_tally
      where issued_year = :year group by unit_code, status, source having sum(items) <> 0""")
  List<Object[]> tallyRows(int year);

  /**
   * The open items of a year of issue whose deadline falls in a month before {@code month} (a first day), from
   * their summary (ls_item_open_tally, kept by the triggers of ls_item_tally, V117/V118): rows of (unit_code,
   * items), the shards of a key added up.
   */
  @Query(nativeQuery = true, value = """
      select unit_code, sum(items) from ls_item_open_tally
      where issued_year = :year and deadline_month < :month group by unit_code having sum(items) <> 0""")
  List<Object[]> openBeforeMonthRows(int year, LocalDate month);

  /**
   * Rows of (unitCode, count) of the open items issued in a period whose deadline is in [deadlineFrom, today): from
   * the index ls_item_status alone (V117).
   */
  @Query("""
      select i.unitCode, count(*) from Item i
      where i.status in :open and i.deadline >= :deadlineFrom and i.deadline < :today
        and i.issuedOn >= :from and i.issuedOn < :to
      group by i.unitCode""")
  List<Object[]> overdueSinceRows(LocalDate from, LocalDate to, Collection<ItemStatus> open, LocalDate deadlineFrom,
      LocalDate today);

  /**
   * Rows of (unitCode, status, count) of the instruction items issued in a period, not replied, reply due before
   * today: from the index ls_item_reply_stats alone. count(*), not count(i): Hibernate writes that count(id), and id
   * is not in the index, so PostgreSQL read each of the rows (3,648 at 1,000,000 items: 10 ms, from the index 2 ms).
   */
  @Query("""
      select i.unitCode, i.status, count(*) from Item i
      where i.source = org.luoshi.item.ItemSource.INSTRUCTION and i.repliedOn is null
        and i.issuedOn >= :from and i.issuedOn < :to and i.replyDue < :today
      group by i.unitCode, i.status""")
  List<Object[]> unrepliedPastDueRows(LocalDate from, LocalDate to, LocalDate today);

  /** The same rows, of the items a viewer who does not see everything may see (see Items#canSee). */
  @Query("""
      select i.unitCode, i.status, i.source, count(i),
             sum(case when i.status in :open and i.deadline < :today then 1 else 0 end),
             sum(case when i.repliedOn is not null then 1 else 0 end),
             sum(case when i.repliedOn is not null and i.repliedOn <= i.replyDue then 1 else 0 end),
             sum(case when i.replyDue < :today or i.repliedOn is not null then 1 else 0 end)
      from Item i
      where i.issuedOn >= :from and i.issuedOn < :to
        and (i.unitCode in :units or i.leadLeader = :viewer or i.responsiblePerson = :viewer)
      group by i.unitCode, i.status, i.source""")
  List<Object[]> statsRowsVisibleTo(LocalDate from, LocalDate to, Collection<ItemStatus> open, LocalDate today,
      Collection<String> units, String viewer);

  /** Per co-unit (协办单位): items issued in [from, to) that name it, and how many of them are open. */
  @Query("""
      select c, count(i), sum(case when i.status in :open then 1 else 0 end)
      from Item i join i.coUnitCodes c
      where i.issuedOn >= :from and i.issuedOn < :to
      group by c""")
  List<Object[]> coUnitRows(LocalDate from, LocalDate to, Collection<ItemStatus> open);

  /** The same, for the viewer's own units only. */
  @Query("""
      select c, count(i), sum(case when i.status in :open then 1 else 0 end)
      from Item i join i.coUnitCodes c
      where i.issuedOn >= :from and i.issuedOn < :to and c in :units
      group by c""")
  List<Object[]> coUnitRowsOf(LocalDate from, LocalDate to, Collection<ItemStatus> open, Collection<String> units);

  /** Those of the codes that exist (for other capabilities' read models, see ItemLookup). */
  @Query("select i.code from Item i where i.code in :codes")
  List<String> existingCodes(Collection<String> codes);

  /** Those of the codes whose items the viewer may see (the ledger's rule). */
  @Query("""
      select i.code from Item i where i.code in :codes
        and (i.unitCode in :units or i.leadLeader = :viewer or i.responsiblePerson = :viewer
          or i.id in (select j.id from Item j join j.coUnitCodes c where c in :units))""")
  List<String> visibleCodes(Collection<String> codes, String viewer, Collection<String> units);
}
