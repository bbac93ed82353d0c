package org.luoshi.supervision;

import java.time.LocalDate;
import java.util.List;

/** A line of GET /api/supervisions: the supervision and how many of its problems are still open. */
public record SupervisionSummary(
    long id,
    SupervisionMethod method,
    String methodName,
    String subject,
    List<String> unitCodes,
    List<String> sample,
    SupervisionStatus status,
    String statusName,
    LocalDate startedOn,
    LocalDate reportedOn,
    long problemCount,
    long openProblems,
    String processInstanceId) {}
