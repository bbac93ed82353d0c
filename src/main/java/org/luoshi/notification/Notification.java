package org.luoshi.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.luoshi.common.Texts;

/** One notice in one person's inbox. */
@Entity
@Table(name = "ls_notification")
public final class Notification {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ls_notification_seq")
  @SequenceGenerator(name = "ls_notification_seq", sequenceName = "ls_notification_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false, length = 64)
  private String recipient;

  @Column(nullable = false, length = 40)
  private String type;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(length = 4000)
  private String body;

  @Column(length = 500)
  private String link;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "read_at")
  private Instant readAt;

  /** Unique per notice and recipient, so a retried delivery writes nothing twice. */
  @Column(name = "dedup_key", nullable = false, length = 200, unique = true)
  private String dedupKey;

  protected Notification() {}

  Notification(String recipient, Notice notice, Instant createdAt) {
    this.recipient = recipient;
    this.type = notice.type();
    this.title = Texts.cut(notice.title(), 200);
    this.body = Texts.cut(notice.body(), 4000);
    this.link = notice.link();
    this.createdAt = createdAt;
    this.dedupKey = dedupKey(notice.key(), recipient);
  }

  static String dedupKey(String key, String recipient) {
    String k = key + "|" + recipient;
    return k.length() <= 200 ? k : k.substring(0, 160) + "#" + Integer.toHexString(k.hashCode());
  }

  void markRead(Instant when) {
    if (readAt == null) {
      readAt = when;
    }
  }

  public Long getId() {
    return id;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getType() {
    return type;
  }

  public String getTitle() {
    return title;
  }

  public String getBody() {
    return body;
  }

  public String getLink() {
    return link;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public boolean isRead() {
    return readAt != null;
  }

  public String getDedupKey() {
    return dedupKey;
  }
}
