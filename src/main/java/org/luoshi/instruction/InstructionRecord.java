package org.luoshi.instruction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A leader's instruction (领导批示) on an item: who wrote what, when. Never changed once written. */
@Entity
@Table(name = "ls_instruction")
final class InstructionRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ls_instruction_seq")
  @SequenceGenerator(name = "ls_instruction_seq", sequenceName = "ls_instruction_seq", allocationSize = 50)
  private Long id;

  @Column(name = "item_code", nullable = false, length = 20)
  private String itemCode;

  @Column(nullable = false, length = 64)
  private String author;

  @Column(name = "body", nullable = false, length = 2000)
  private String text;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected InstructionRecord() {}

  InstructionRecord(String itemCode, String author, String text, Instant createdAt) {
    this.itemCode = itemCode;
    this.author = author;
    this.text = text;
    this.createdAt = createdAt;
  }

  Long getId() {
    return id;
  }

  String getItemCode() {
    return itemCode;
  }

  String getAuthor() {
    return author;
  }

  String getText() {
    return text;
  }

  Instant getCreatedAt() {
    return createdAt;
  }
}
