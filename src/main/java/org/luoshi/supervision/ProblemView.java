package org.luoshi.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A problem as GET /api/supervisions/{id} and the problem ledger show it: DESIGN's
 * {@code id, unitCode, description, deadline, status} and how the rectify / verify loop stands.
 */
public record ProblemView(
    long id,
    long supervisionId,
    String subject,
    SupervisionMethod method,
    String unitCode,
    String unitName,
    String description,
    LocalDate deadline,
    ProblemStatus status,
    String statusName,
    boolean overdue,
    LocalDate foundOn,
    String rectification,
    OffsetDateTime rectifiedAt,
    String rectifiedBy,
    String verifyComment,
    int rejections,
    OffsetDateTime verifiedAt,
    String verifiedBy) {}
