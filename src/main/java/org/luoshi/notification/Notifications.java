package org.luoshi.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import org.luoshi.engine.Time;
import org.luoshi.common.DomainException;
import org.luoshi.common.PageResult;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification service behind every delegate: a notice goes to each recipient's in-app inbox,
 * in the caller's transaction, at most once per notice key and recipient; and from there to the
 * other channels (e-mail when SMTP is configured, the SMS/WeChat Work stand-in), see
 * {@link Deliveries}: held over quiet hours, sent at once inside engine jobs, never in a person's
 * own transaction, each delivery recorded so that no retry sends it twice.
 */
@Service
public class Notifications {

  private final NotificationRepository repository;
  private final Deliveries deliveries;

  Notifications(NotificationRepository repository, Deliveries deliveries) {
    this.repository = repository;
    this.deliveries = deliveries;
  }

  /**
   * Puts the notice into each recipient's inbox (Camunda user ids) and passes it on to the other
   * channels; returns the inbox entries written now (none for recipients who had this key already).
   */
  @Transactional
  public List<Notification> send(Notice notice, Collection<String> recipients) {
    var unique = new LinkedHashSet<String>();
    for (String r : recipients) {
      if (r != null && !r.isBlank()) {
        unique.add(r);
      }
    }
    if (unique.isEmpty()) {
      return List.of();
    }
    var keys = unique.stream().map(r -> Notification.dedupKey(notice.key(), r)).toList();
    var existing = new HashSet<>(repository.existingKeys(keys));
    Instant now = Time.now();
    var fresh = unique.stream()
        .map(r -> new Notification(r, notice, now))
        .filter(n -> !existing.contains(n.getDedupKey()))
        .toList();
    List<Notification> written = repository.saveAll(fresh);
    deliveries.dispatch(notice, written);
    return written;
  }

  @Transactional(readOnly = true)
  public PageResult<NotificationView> inbox(String recipient, boolean unreadOnly, int page, int size) {
    PageResult.check(page, size);
    var pageable = PageRequest.of(page, size);
    var result = unreadOnly
        ? repository.findByRecipientAndReadAtIsNullOrderByCreatedAtDescIdDesc(recipient, pageable)
        : repository.findByRecipientOrderByCreatedAtDescIdDesc(recipient, pageable);
    return PageResult.of(result, NotificationView::of);
  }

  @Transactional(readOnly = true)
  public long unreadCount(String recipient) {
    return repository.countByRecipientAndReadAtIsNull(recipient);
  }

  @Transactional
  public void markRead(String recipient, long id) {
    Notification n = repository.findById(id)
        .filter(x -> x.getRecipient().equals(recipient))
        .orElseThrow(() -> DomainException.notFound("没有这条通知：" + id));
    n.markRead(Time.now());
  }

  @Transactional
  public int markAllRead(String recipient) {
    var unread = repository.findByRecipientAndReadAtIsNull(recipient);
    Instant now = Time.now();
    unread.forEach(n -> n.markRead(now));
    return unread.size();
  }

  /** Notices of a type a person received (for tests and ledgers). */
  @Transactional(readOnly = true)
  public List<NotificationView> received(String recipient, String type) {
    return repository.findByTypeAndRecipient(type, recipient).stream().map(NotificationView::of).toList();
  }
}
