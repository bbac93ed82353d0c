package org.luoshi.notification;

import java.time.OffsetDateTime;
import org.luoshi.engine.Time;

/** An inbox entry as /api/notifications shows it. */
public record NotificationView(
    long id, String type, String title, String body, String link, OffsetDateTime createdAt, boolean read) {

  static NotificationView of(Notification n) {
    return new NotificationView(n.getId(), n.getType(), n.getTitle(), n.getBody(), n.getLink(),
        OffsetDateTime.ofInstant(n.getCreatedAt(), Time.ZONE), n.isRead());
  }
}
