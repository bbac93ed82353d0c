package org.luoshi.document;

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

/** A formal document issued for an item: its kind, its number of the year, who issued it and when. */
@Entity
@Table(name = "ls_document")
final class IssuedDocument {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ls_document_seq")
  @SequenceGenerator(name = "ls_document_seq", sequenceName = "ls_document_seq", allocationSize = 50)
  private Long id;

  @Column(name = "item_code", nullable = false, length = 20)
  private String itemCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private DocumentKind kind;

  @Column(name = "doc_year", nullable = false)
  private int year;

  @Column(name = "doc_number", nullable = false)
  private int number;

  @Column(name = "issued_by", nullable = false, length = 64)
  private String issuedBy;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  protected IssuedDocument() {}

  IssuedDocument(String itemCode, DocumentKind kind, int year, int number, String issuedBy, Instant issuedAt) {
    this.itemCode = itemCode;
    this.kind = kind;
    this.year = year;
    this.number = number;
    this.issuedBy = issuedBy;
    this.issuedAt = issuedAt;
  }

  String getItemCode() {
    return itemCode;
  }

  DocumentKind getKind() {
    return kind;
  }

  int getYear() {
    return year;
  }

  int getNumber() {
    return number;
  }

  String getIssuedBy() {
    return issuedBy;
  }

  Instant getIssuedAt() {
    return issuedAt;
  }

  String numberText() {
    return kind.number(year, number);
  }
}
