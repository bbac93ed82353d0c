package org.luoshi.assessment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AssessmentResultRepository extends JpaRepository<AssessmentResult, Long> {

  List<AssessmentResult> findByAssessmentIdOrderBySubjectTypeAscRankAscSubjectIdAsc(long assessmentId);

  @Modifying
  @Query("delete from AssessmentResult r where r.assessmentId = :assessmentId")
  int deleteByAssessment(long assessmentId);
}
