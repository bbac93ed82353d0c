package org.luoshi.item;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewRecordRepository extends JpaRepository<ReviewRecord, Long> {

  // a query string, not a derived method: Hibernate translates a derived method's criteria query on every call
  @org.springframework.data.jpa.repository.Query(
      "select r from ReviewRecord r where r.itemId = :itemId order by r.reviewedAt asc, r.id asc")
  List<ReviewRecord> findByItemIdOrderByReviewedAtAscIdAsc(Long itemId);

  /** Approved reviews with a score, given in [from, to). */
  @org.springframework.data.jpa.repository.Query("""
      select r from ReviewRecord r
      where r.approved = true and r.qualityScore is not null and r.reviewedAt >= :from and r.reviewedAt < :to
      order by r.reviewedAt""")
  List<ReviewRecord> scoredBetween(java.time.Instant from, java.time.Instant to);
}
