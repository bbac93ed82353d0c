package org.luoshi.item;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** The item's timeline: issued, accepted, returned, reassigned, reminded, overdue, chased, closed … */
@Entity
@Table(name = "ls_item_event")
public final class ItemEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ls_item_event_seq")
  @SequenceGenerator(name = "ls_item_event_seq", sequenceName = "ls_item_event_seq", allocationSize = 50)
  private Long id;

  @Column(name = "item_id", nullable = false)
  private Long itemId;

  @Column(nullable = false, length = 30)
  private String type;

  /** The item's unit when it happened (a returned item may go to another unit afterwards). */
  @Column(name = "unit_code", nullable = false, length = 64)
  private String unitCode;

  @Column(length = 64)
  private String actor;

  @Column(length = 2000)
  private String detail;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  protected ItemEvent() {}

  ItemEvent(Long itemId, String type, String unitCode, String actor, String detail, Instant occurredAt) {
    this.itemId = itemId;
    this.type = type;
    this.unitCode = unitCode;
    this.actor = actor;
    this.detail = detail;
    this.occurredAt = occurredAt;
  }

  public Long getId() {
    return id;
  }

  public Long getItemId() {
    return itemId;
  }

  public String getType() {
    return type;
  }

  public String getUnitCode() {
    return unitCode;
  }

  public String getActor() {
    return actor;
  }

  public String getDetail() {
    return detail;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }
}
