package org.luoshi.supervision;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface ProblemRepository extends JpaRepository<Problem, Long>, JpaSpecificationExecutor<Problem> {

  /** The ledger page, with each problem's supervision (subject, method) fetched in the same query. */
  @Override
  @EntityGraph(attributePaths = "supervision")
  Page<Problem> findAll(Specification<Problem> spec, Pageable pageable);

  /** Problems of some supervisions, by supervision and status: rows of (supervisionId, status, count). */
  @Query("select p.supervision.id, p.status, count(p) from Problem p where p.supervision.id in :ids"
      + " group by p.supervision.id, p.status")
  List<Object[]> countBySupervision(Collection<Long> ids);

  /** The same, counting only the problems of some units. */
  @Query("select p.supervision.id, p.status, count(p) from Problem p where p.supervision.id in :ids"
      + " and p.unitCode in :units group by p.supervision.id, p.status")
  List<Object[]> countBySupervision(Collection<Long> ids, Collection<String> units);

  List<Problem> findBySupervisionIdAndExecutionIdIn(Long supervisionId, Collection<String> executionIds);

  boolean existsBySupervisionIdAndUnitCodeIn(Long supervisionId, Collection<String> units);

  /** Problems found in a period, by unit and status: rows of (unitCode, status, count). */
  @Query("select p.unitCode, p.status, count(p) from Problem p where p.foundOn between :from and :to"
      + " group by p.unitCode, p.status")
  List<Object[]> countByUnitAndStatus(LocalDate from, LocalDate to);

  /** Problems found in a period and open after their deadline: rows of (unitCode, count). */
  @Query("select p.unitCode, count(p) from Problem p where p.foundOn between :from and :to"
      + " and p.status = org.luoshi.supervision.ProblemStatus.OPEN and p.deadline < :today group by p.unitCode")
  List<Object[]> countOverdueByUnit(LocalDate from, LocalDate to, LocalDate today);
}
