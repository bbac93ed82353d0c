package org.luoshi.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The bytes of an attachment (bytea on PostgreSQL, binary varying on H2), read only for a download. */
@Entity
@Table(name = "ls_attachment_content")
final class AttachmentContent {

  @Id
  @Column(name = "attachment_id")
  private Long attachmentId;

  @JdbcTypeCode(SqlTypes.VARBINARY)
  @Column(nullable = false)
  private byte[] content;

  protected AttachmentContent() {}

  AttachmentContent(Long attachmentId, byte[] content) {
    this.attachmentId = attachmentId;
    this.content = content;
  }

  byte[] getContent() {
    return content;
  }
}
