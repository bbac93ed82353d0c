package org.luoshi.notification;

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

/**
 * The delivery of one notice to one recipient on one channel (e-mail, …): its status, how often it
 * was tried, the last error and when it was sent. Unique per inbox entry and channel, so whoever
 * retries finds what was already sent.
 */
@Entity
@Table(name = "ls_notification_delivery")
final class NotificationDelivery {

  /**
   * PENDING: in the outbox, to be sent now; HELD: waiting for the end of the quiet hours
   * ({@code notBefore}); SENDING: claimed by a sender on one node ({@code claimedAt}; taken over
   * when that claim is stale, after a crash); SENT; FAILED: the last try failed, the notice's
   * delivery job retries it (and in the end shows as a Cockpit incident); REJECTED: the server
   * refused the address, retrying cannot help; NOT_CONNECTED: the channel is a stand-in connected to
   * nothing that delivers (the SMS log channel), so nothing was sent, and nothing is retried.
   */
  enum Status { PENDING, HELD, SENDING, SENT, FAILED, REJECTED, NOT_CONNECTED }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ls_notification_delivery_seq")
  @SequenceGenerator(name = "ls_notification_delivery_seq", sequenceName = "ls_notification_delivery_seq", allocationSize = 50)
  private Long id;

  @Column(name = "notice_key", nullable = false, length = 200)
  private String noticeKey;

  /** The inbox entry's key (notice key and recipient). */
  @Column(name = "dedup_key", nullable = false, length = 200)
  private String dedupKey;

  @Column(nullable = false, length = 20)
  private String channel;

  @Column(nullable = false, length = 64)
  private String recipient;

  @Column(nullable = false, length = 320)
  private String address;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Status status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_error", length = 1000)
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** Held over quiet hours until then; null for deliveries due at once. */
  @Column(name = "not_before")
  private Instant notBefore;

  @Column(name = "sent_at")
  private Instant sentAt;

  /** When a sender claimed it (status SENDING), and which node. */
  @Column(name = "claimed_at")
  private Instant claimedAt;

  @Column(name = "claimed_by", length = 100)
  private String claimedBy;

  protected NotificationDelivery() {}

  NotificationDelivery(String noticeKey, String dedupKey, String channel, String recipient, String address,
      Status status, Instant createdAt, Instant notBefore) {
    this.noticeKey = noticeKey;
    this.dedupKey = dedupKey;
    this.channel = channel;
    this.recipient = recipient;
    this.address = Keys.fit(address, 320);
    this.status = status;
    this.createdAt = createdAt;
    this.notBefore = notBefore;
  }

  /** Waits for the end of the quiet hours. */
  void hold(Instant until) {
    status = Status.HELD;
    notBefore = until;
  }

  /** The delivery's name for the channel: the same for every attempt (e-mail: its Message-ID). */
  String key() {
    return dedupKey + "|" + channel;
  }

  void sent(Instant at) {
    attempts++;
    status = Status.SENT;
    sentAt = at;
    lastError = null;
  }

  /** The channel is connected to nothing: not sent, and never will be. */
  void notConnected(String reason) {
    attempts++;
    status = Status.NOT_CONNECTED;
    lastError = reason == null ? null : Keys.fit(reason, 1000);
  }

  void failed(String error, boolean permanent) {
    attempts++;
    status = permanent ? Status.REJECTED : Status.FAILED;
    lastError = error == null ? null : Keys.fit(error, 1000);
  }

  Long getId() {
    return id;
  }

  String getNoticeKey() {
    return noticeKey;
  }

  String getDedupKey() {
    return dedupKey;
  }

  String getChannel() {
    return channel;
  }

  String getRecipient() {
    return recipient;
  }

  String getAddress() {
    return address;
  }

  Status getStatus() {
    return status;
  }

  int getAttempts() {
    return attempts;
  }

  String getLastError() {
    return lastError;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  Instant getNotBefore() {
    return notBefore;
  }

  Instant getSentAt() {
    return sentAt;
  }
}
