package org.luoshi.notification;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

  Page<Notification> findByRecipientOrderByCreatedAtDescIdDesc(String recipient, Pageable page);

  Page<Notification> findByRecipientAndReadAtIsNullOrderByCreatedAtDescIdDesc(String recipient, Pageable page);

  long countByRecipientAndReadAtIsNull(String recipient);

  @Query("select n.dedupKey from Notification n where n.dedupKey in :keys")
  List<String> existingKeys(Collection<String> keys);

  List<Notification> findByRecipientAndReadAtIsNull(String recipient);

  List<Notification> findByTypeAndRecipient(String type, String recipient);

  List<Notification> findByDedupKeyIn(Collection<String> dedupKeys);
}
