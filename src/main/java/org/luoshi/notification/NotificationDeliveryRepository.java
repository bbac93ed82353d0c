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

  List<NotificationDelivery> findByRecipientOrderByIdAsc(String recipient);

  List<NotificationDelivery> findByNoticeKeyOrderByIdAsc(String noticeKey);
}
