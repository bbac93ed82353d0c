package org.luoshi.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last number given to a kind of document in a year ({@code notice-2026}); locked while one is taken. */
@Entity
@Table(name = "ls_document_counter")
final class DocumentCounter {

  @Id
  @Column(name = "counter_key", length = 40)
  private String key;

  @Column(name = "last_number", nullable = false)
  private int lastNumber;

  protected DocumentCounter() {}

  DocumentCounter(String key) {
    this.key = key;
  }

  static String key(DocumentKind kind, int year) {
    return kind.path() + "-" + year;
  }

  int next() {
    return ++lastNumber;
  }
}
