package org.luoshi.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NotificationDeliveryRepository extends JpaRepository<NotificationDelivery, Long> {

  Optional<NotificationDelivery> findByDedupKeyAndChannel(String dedupKey, String channel);

  /** (dedupKey, channel, status) of the deliveries of these inbox entries, as plain values. */
  @Query("select d.dedupKey, d.channel, d.status from NotificationDelivery d where d.dedupKey in :dedupKeys")
  List<Object[]> states(Collection<String> dedupKeys);

  /** A notice's deliveries due at once that are not sent yet (its delivery job's work). */
  @Query("""
      select d from NotificationDelivery d where d.noticeKey = :noticeKey and d.notBefore is null
        and d.status in :statuses order by d.id""")
  List<NotificationDelivery> dueNow(String noticeKey, Collection<NotificationDelivery.Status> statuses);

  /** Deliveries held over quiet hours whose time has come (the morning run's work). */
  @Query("""
      select d from NotificationDelivery d where d.notBefore is not null and d.notBefore <= :now
        and d.status in :statuses order by d.id""")
  List<NotificationDelivery> released(Instant now, Collection<NotificationDelivery.Status> statuses);

  /**
   * The outbox: deliveries due now — PENDING, HELD whose time has come, or SENDING under a claim
   * older than {@code stale} (its sender died) — oldest first.
   */
  @Query("""
      select d.id from NotificationDelivery d
       where d.status = org.luoshi.notification.NotificationDelivery.Status.PENDING
          or (d.status = org.luoshi.notification.NotificationDelivery.Status.HELD and d.notBefore <= :now)
          or (d.status = org.luoshi.notification.NotificationDelivery.Status.SENDING and d.claimedAt < :stale)
       order by d.id""")
  List<Long> due(Instant now, Instant stale, org.springframework.data.domain.Pageable page);

  /**
   * Claims a delivery for one sender, if it is still in one of the states it was found in: one
   * conditional update, so of two nodes (or threads) only one wins and sends it.
   */
  @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update NotificationDelivery d set d.status = org.luoshi.notification.NotificationDelivery.Status.SENDING,
             d.claimedAt = :now, d.claimedBy = :node
       where d.id = :id and (d.status in :from
          or (d.status = org.luoshi.notification.NotificationDelivery.Status.HELD and d.notBefore <= :now)
          or (d.status = org.luoshi.notification.NotificationDelivery.Status.SENDING and d.claimedAt < :stale))""")
  int claim(Long id, Collection<NotificationDelivery.Status> from, Instant now, Instant stale, String node);

  List<NotificationDelivery> findByRecipientOrderByIdAsc(String recipient);

  List<NotificationDelivery> findByNoticeKeyOrderByIdAsc(String noticeKey);
}
