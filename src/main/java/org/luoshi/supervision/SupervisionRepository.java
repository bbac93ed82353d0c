package org.luoshi.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface SupervisionRepository extends JpaRepository<Supervision, Long>, JpaSpecificationExecutor<Supervision> {

  Optional<Supervision> findByProcessInstanceId(String processInstanceId);

  @Override
  Page<Supervision> findAll(Specification<Supervision> spec, Pageable pageable);

  /** Inspections started in a period, by method: rows of (method, count). */
  @Query("select s.method, count(s) from Supervision s where s.startedOn between :from and :to group by s.method")
  List<Object[]> countByMethod(LocalDate from, LocalDate to);

  /** Reports written in a period. */
  @Query("select count(s) from Supervision s where s.reportedOn between :from and :to")
  long countReports(LocalDate from, LocalDate to);

  /** Inspections started in a period, by inspected unit: rows of (unitCode, count). */
  @Query("select u, count(s) from Supervision s join s.inspectedUnits u"
      + " where s.startedOn between :from and :to group by u")
  List<Object[]> countByUnit(LocalDate from, LocalDate to);
}
