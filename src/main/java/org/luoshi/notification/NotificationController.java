package org.luoshi.notification;

import java.util.Map;
import org.luoshi.identity.CurrentUser;
import org.luoshi.web.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's inbox, newest first. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

  private final Notifications notifications;
  private final CurrentUser user;

  NotificationController(Notifications notifications, CurrentUser user) {
    this.notifications = notifications;
    this.user = user;
  }

  @GetMapping
  PageResult<NotificationView> inbox(
      @RequestParam(defaultValue = "false") boolean unread,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return notifications.inbox(user.id(), unread, page, size);
  }

  @GetMapping("/unread-count")
  Map<String, Long> unreadCount() {
    return Map.of("unread", notifications.unreadCount(user.id()));
  }

  @PostMapping("/{id}/read")
  ResponseEntity<Void> read(@PathVariable long id) {
    notifications.markRead(user.id(), id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/read-all")
  Map<String, Integer> readAll() {
    return Map.of("marked", notifications.markAllRead(user.id()));
  }
}
