package org.luoshi.webhook;

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

/** A unit's group robot or webhook on one platform: its address and its secret (never shown in full). */
@Entity
@Table(name = "ls_unit_webhook")
final class UnitWebhook {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ls_unit_webhook_seq")
  @SequenceGenerator(name = "ls_unit_webhook_seq", sequenceName = "ls_unit_webhook_seq", allocationSize = 50)
  private Long id;

  @Column(name = "unit_code", nullable = false, length = 64)
  private String unitCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private WebhookPlatform platform;

  @Column(nullable = false, length = 1000)
  private String url;

  @Column(length = 200)
  private String secret;

  @Column(name = "updated_by", nullable = false, length = 64)
  private String updatedBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected UnitWebhook() {}

  UnitWebhook(String unitCode, WebhookPlatform platform) {
    this.unitCode = unitCode;
    this.platform = platform;
  }

  void set(String url, String secret, String by, Instant at) {
    this.url = url;
    this.secret = secret;
    this.updatedBy = by;
    this.updatedAt = at;
  }

  String getUnitCode() {
    return unitCode;
  }

  WebhookPlatform getPlatform() {
    return platform;
  }

  String getUrl() {
    return url;
  }

  String getSecret() {
    return secret;
  }

  String getUpdatedBy() {
    return updatedBy;
  }

  Instant getUpdatedAt() {
    return updatedAt;
  }
}
