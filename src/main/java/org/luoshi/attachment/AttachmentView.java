package org.luoshi.attachment;

import java.time.OffsetDateTime;

/** An attachment as /api shows it (its bytes at GET /api/attachments/{id}). */
public record AttachmentView(long id, String itemCode, String name, long size, String contentType, String uploadedBy,
    String uploadedByName, OffsetDateTime uploadedAt, AttachmentPurpose purpose, String purposeName) {}
