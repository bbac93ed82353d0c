package org.luoshi.supervision;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * GET /api/supervisions/{id} (DESIGN.md §4.3): {@code id, method, subject, unitCodes, sample,
 * sampleSeed, sampleBasis, status, findings, report, problems}, and when each step happened.
 * {@code unitCodes} are the units named at the start — for RANDOM the population the sample was
 * drawn from; {@code sample}, {@code sampleSeed} and {@code sampleBasis} are present for RANDOM
 * only; {@code units} are the units inspected with their names. A unit member sees only the
 * problems of their unit, and neither findings nor report.
 */
public record SupervisionView(
    long id,
    SupervisionMethod method,
    String methodName,
    String subject,
    List<String> unitCodes,
    List<String> sample,
    Long sampleSeed,
    SampleBasis sampleBasis,
    List<UnitRef> units,
    SupervisionStatus status,
    String statusName,
    String findings,
    String report,
    List<ProblemView> problems,
    String processInstanceId,
    String startedBy,
    OffsetDateTime startedAt,
    OffsetDateTime inspectedAt,
    OffsetDateTime reportedAt,
    OffsetDateTime closedAt) {

  /** A unit by code and Chinese name. */
  public record UnitRef(String code, String name) {}
}
