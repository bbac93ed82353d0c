package org.luoshi.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.luoshi.common.FileKind;

/** An evidence file on an item: its name, size, sniffed kind, purpose and who uploaded it (the bytes apart). */
@Entity
@Table(name = "ls_attachment")
final class Attachment {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ls_attachment_seq")
  @SequenceGenerator(name = "ls_attachment_seq", sequenceName = "ls_attachment_seq", allocationSize = 50)
  private Long id;

  @Column(name = "item_code", nullable = false, length = 40)
  private String itemCode;

  @Column(nullable = false, length = 255)
  private String name;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private FileKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private AttachmentPurpose purpose;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(name = "uploaded_by", nullable = false, length = 64)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  protected Attachment() {}

  Attachment(String itemCode, String name, long size, FileKind kind, AttachmentPurpose purpose, String sha256,
      String uploadedBy, Instant uploadedAt) {
    this.itemCode = itemCode;
    this.name = name;
    this.size = size;
    this.kind = kind;
    this.purpose = purpose;
    this.sha256 = sha256;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
  }

  Long getId() {
    return id;
  }

  String getItemCode() {
    return itemCode;
  }

  String getName() {
    return name;
  }

  long getSize() {
    return size;
  }

  FileKind getKind() {
    return kind;
  }

  AttachmentPurpose getPurpose() {
    return purpose;
  }

  String getUploadedBy() {
    return uploadedBy;
  }

  Instant getUploadedAt() {
    return uploadedAt;
  }
}
