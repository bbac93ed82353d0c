package org.luoshi.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person's choice of channels; without a row the defaults hold (e-mail on). */
@Entity
@Table(name = "ls_notification_preference")
final class NotificationPreference {

  @Id
  @Column(name = "user_id", length = 64)
  private String userId;

  @Column(name = "email_enabled", nullable = false)
  private boolean emailEnabled;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected NotificationPreference() {}

  NotificationPreference(String userId, boolean emailEnabled, Instant updatedAt) {
    this.userId = userId;
    this.emailEnabled = emailEnabled;
    this.updatedAt = updatedAt;
  }

  void setEmailEnabled(boolean emailEnabled, Instant at) {
    this.emailEnabled = emailEnabled;
    this.updatedAt = at;
  }

  String getUserId() {
    return userId;
  }

  boolean isEmailEnabled() {
    return emailEnabled;
  }
}
