package org.luoshi.assessment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AppealRepository extends JpaRepository<Appeal, Long> {

  List<Appeal> findByAssessmentIdOrderByIdAsc(long assessmentId);

  List<Appeal> findByResultIdOrderByIdAsc(long resultId);

  List<Appeal> findByAssessmentIdAndExecutionIdIn(long assessmentId, java.util.Collection<String> executionIds);
}
