package org.luoshi.item;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewRecordRepository extends JpaRepository<ReviewRecord, Long> {

  List<ReviewRecord> findByItemIdOrderByReviewedAtAscIdAsc(Long itemId);

  /** Approved reviews with a score, given in [from, to). */
  @org.springframework.data.jpa.repository.Query("""
      select r from ReviewRecord r
      where r.approved = true and r.qualityScore is not null and r.reviewedAt >= :from and r.reviewedAt < :to
      order by r.reviewedAt""")
  List<ReviewRecord> scoredBetween(java.time.Instant from, java.time.Instant to);
}
