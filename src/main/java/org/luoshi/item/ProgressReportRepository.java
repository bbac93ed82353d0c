package org.luoshi.item;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProgressReportRepository extends JpaRepository<ProgressReport, Long> {

  List<ProgressReport> findByItemIdOrderByReportedAtAscIdAsc(Long itemId);

  /** (report, item) pairs of the progress reports in [from, to), in order. */
  @org.springframework.data.jpa.repository.Query("""
      select p, i from ProgressReport p, Item i
      where i.id = p.itemId and p.reportedAt >= :from and p.reportedAt < :to order by p.reportedAt, p.id""")
  List<Object[]> between(java.time.Instant from, java.time.Instant to);
}
