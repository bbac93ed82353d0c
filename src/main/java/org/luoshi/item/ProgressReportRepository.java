package org.luoshi.item;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProgressReportRepository extends JpaRepository<ProgressReport, Long> {

  List<ProgressReport> findByItemIdOrderByReportedAtAscIdAsc(Long itemId);
}
