package org.luoshi.assessment;

import java.time.OffsetDateTime;
import java.util.Map;

/** One line of GET /api/assessments: the run and how many results got each grade. */
public record AssessmentSummary(long id, String period, String periodLabel, AssessmentStatus status,
    String statusLabel, String processInstanceId, OffsetDateTime startedAt, OffsetDateTime publishedAt,
    OffsetDateTime appealUntil, Map<Grade, Long> grades) {}
