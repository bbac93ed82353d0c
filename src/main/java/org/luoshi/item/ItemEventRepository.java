package org.luoshi.item;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ItemEventRepository extends JpaRepository<ItemEvent, Long> {

  List<ItemEvent> findByItemIdOrderByOccurredAtAscIdAsc(Long itemId);

  /** (unitCode, count) of events of a type in [from, to), by the unit the item had then. */
  @org.springframework.data.jpa.repository.Query("""
      select e.unitCode, count(e) from ItemEvent e
      where e.type = :type and e.occurredAt >= :from and e.occurredAt < :to group by e.unitCode""")
  List<Object[]> countByUnit(String type, java.time.Instant from, java.time.Instant to);

  /** (event, item) pairs of the events in [from, to), in order. */
  @org.springframework.data.jpa.repository.Query("""
      select e, i from ItemEvent e, Item i
      where i.id = e.itemId and e.occurredAt >= :from and e.occurredAt < :to order by e.occurredAt, e.id""")
  List<Object[]> between(java.time.Instant from, java.time.Instant to);
}
