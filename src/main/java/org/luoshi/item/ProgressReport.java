package org.luoshi.item;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A monthly progress report (月度进展) on an item. */
@Entity
@Table(name = "ls_progress_report")
public final class ProgressReport {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ls_progress_report_seq")
  @SequenceGenerator(name = "ls_progress_report_seq", sequenceName = "ls_progress_report_seq", allocationSize = 50)
  private Long id;

  @Column(name = "item_id", nullable = false)
  private Long itemId;

  @Column(nullable = false)
  private int percent;

  @Column(nullable = false, length = 4000)
  private String note;

  @Column(name = "reported_by", nullable = false, length = 64)
  private String reportedBy;

  @Column(name = "reported_at", nullable = false)
  private Instant reportedAt;

  /** The co-unit (协办单位) whose part this reports; null for the lead unit's report. */
  @Column(name = "unit_code", length = 64)
  private String unitCode;

  protected ProgressReport() {}

  ProgressReport(Long itemId, int percent, String note, String reportedBy, Instant reportedAt) {
    this(itemId, percent, note, reportedBy, reportedAt, null);
  }

  ProgressReport(Long itemId, int percent, String note, String reportedBy, Instant reportedAt, String unitCode) {
    this.unitCode = unitCode;
    this.itemId = itemId;
    this.percent = percent;
    this.note = note;
    this.reportedBy = reportedBy;
    this.reportedAt = reportedAt;
  }

  public Long getId() {
    return id;
  }

  public Long getItemId() {
    return itemId;
  }

  public int getPercent() {
    return percent;
  }

  public String getNote() {
    return note;
  }

  public String getReportedBy() {
    return reportedBy;
  }

  public String getUnitCode() {
    return unitCode;
  }

  public Instant getReportedAt() {
    return reportedAt;
  }
}
