package org.luoshi.spreadsheet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A checked spreadsheet waiting for the office's confirmation (rows as JSON); confirmed once. */
@Entity
@Table(name = "ls_import_preview")
final class ImportPreview {

  @Id
  @Column(length = 36)
  private String token;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "row_count", nullable = false)
  private int rowCount;

  @Column(name = "ok_count", nullable = false)
  private int okCount;

  @Column(name = "file_name", length = 200)
  private String fileName;

  // a varchar on both databases (not a LOB: H2 and PostgreSQL keep LOBs apart, with their own cleanup)
  @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.VARCHAR)
  @Column(name = "rows_json", nullable = false, length = 10_000_000)
  private String rowsJson;

  @Column(name = "confirmed_at")
  private Instant confirmedAt;

  @Column(name = "created_codes", length = 1_000_000)
  private String createdCodes;

  protected ImportPreview() {}

  ImportPreview(String token, String createdBy, Instant createdAt, Instant expiresAt, int rowCount, int okCount,
      String fileName, String rowsJson) {
    this.token = token;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
    this.rowCount = rowCount;
    this.okCount = okCount;
    this.fileName = fileName;
    this.rowsJson = rowsJson;
  }

  void confirm(Instant at, String codes) {
    this.confirmedAt = at;
    this.createdCodes = codes;
  }

  String getToken() {
    return token;
  }

  String getCreatedBy() {
    return createdBy;
  }

  Instant getExpiresAt() {
    return expiresAt;
  }

  boolean isReady() {
    return okCount == rowCount;
  }

  String getRowsJson() {
    return rowsJson;
  }

  Instant getConfirmedAt() {
    return confirmedAt;
  }
}
