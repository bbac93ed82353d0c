package org.luoshi.report;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface ReportRepository extends JpaRepository<Report, Long>, JpaSpecificationExecutor<Report> {

  Optional<Report> findByKindAndPeriod(ReportKind kind, String period);

  Optional<Report> findByProcessInstanceId(String processInstanceId);

  @Query("select coalesce(max(r.issueNumber), 0) from Report r where r.issueYear = :year")
  int lastIssueNumber(int year);
}
