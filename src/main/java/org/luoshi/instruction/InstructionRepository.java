package org.luoshi.instruction;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InstructionRepository extends JpaRepository<InstructionRecord, Long> {

  List<InstructionRecord> findByItemCodeOrderByCreatedAtAscIdAsc(String itemCode);

  @Query("select distinct i.itemCode from InstructionRecord i where i.createdAt >= :from and i.createdAt < :to")
  List<String> itemCodesBetween(Instant from, Instant to);
}
