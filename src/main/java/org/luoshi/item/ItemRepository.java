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

  Optional<Item> findByCode(String code);

  List<Item> findByParentCodeOrderByCodeAsc(String parentCode);

  @Query("select count(i) from Item i where i.parentCode = :parentCode and i.status in :statuses")
  long countChildrenIn(String parentCode, Collection<ItemStatus> statuses);

  /** Rows of (unitCode, status, source, count, overdue now, replied) for the items issued in a period. */
  @Query("""
      select i.unitCode, i.status, i.source, count(i),
             sum(case when i.status in :open and i.deadline < :today then 1 else 0 end),
             sum(case when i.repliedOn is not null then 1 else 0 end)
      from Item i
      where i.issuedOn >= :from and i.issuedOn < :to
      group by i.unitCode, i.status, i.source""")
  List<Object[]> statsRows(LocalDate from, LocalDate to, Collection<ItemStatus> open, LocalDate today);
}
