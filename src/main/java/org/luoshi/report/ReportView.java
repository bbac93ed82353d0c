package org.luoshi.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/** A report as /api/reports shows it; {@code content} only for one report, not in the list. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportView(
    long id,
    ReportKind kind,
    String kindLabel,
    String period,
    String periodLabel,
    String title,
    ReportStatus status,
    String statusLabel,
    Integer issueYear,
    Integer issueNumber,
    String foreword,
    String approvalComment,
    String processInstanceId,
    String createdBy,
    OffsetDateTime createdAt,
    OffsetDateTime generatedAt,
    String submittedBy,
    OffsetDateTime submittedAt,
    String approvedBy,
    OffsetDateTime approvedAt,
    String publishedBy,
    OffsetDateTime publishedAt,
    String html,
    String xlsx,
    ReportContent content) {}
