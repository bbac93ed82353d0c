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

  /**
   * Which of four keys (repeat one to ask for fewer) have an inbox entry. Four parameters, not a list:
   * Hibernate translates a query with a list parameter anew on every call, one with fixed parameters once.
   */
  @Query("select n.dedupKey from Notification n where n.dedupKey in (:k1, :k2, :k3, :k4)")
  List<String> existingKeys(String k1, String k2, String k3, String k4);

  /** The keys among these that have an inbox entry, asked four at a time. */
  default List<String> existingKeys(List<String> keys) {
    var found = new java.util.ArrayList<String>();
    for (int i = 0; i < keys.size(); i += 4) {
      List<String> part = keys.subList(i, Math.min(i + 4, keys.size()));
      found.addAll(existingKeys(part.get(0), part.get(Math.min(1, part.size() - 1)),
          part.get(Math.min(2, part.size() - 1)), part.get(part.size() - 1)));
    }
    return found;
  }

  List<Notification> findByRecipientAndReadAtIsNull(String recipient);

  List<Notification> findByTypeAndRecipient(String type, String recipient);

  List<Notification> findByDedupKeyIn(Collection<String> dedupKeys);
}
