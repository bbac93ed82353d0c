package org.luoshi.assessment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConsequenceRepository extends JpaRepository<Consequence, Long> {

  List<Consequence> findByAssessmentIdOrderByIdAsc(long assessmentId);

  List<Consequence> findByResultIdOrderByIdAsc(long resultId);
}
