package org.luoshi.item;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewRecordRepository extends JpaRepository<ReviewRecord, Long> {

  List<ReviewRecord> findByItemIdOrderByReviewedAtAscIdAsc(Long itemId);
}
