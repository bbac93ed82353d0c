package org.luoshi.assessment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssessmentRepository extends JpaRepository<Assessment, Long> {

  Optional<Assessment> findByProcessInstanceId(String processInstanceId);

  Optional<Assessment> findByRunningPeriod(String period);

  List<Assessment> findAllByOrderByIdDesc();

  List<Assessment> findByPeriodOrderByIdDesc(String period);

  List<Assessment> findByStatusInOrderByIdDesc(Collection<AssessmentStatus> statuses);

  List<Assessment> findByPeriodAndStatusInOrderByIdDesc(String period, Collection<AssessmentStatus> statuses);
}
