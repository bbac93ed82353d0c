package org.luoshi.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;
import org.luoshi.identity.CurrentUser;
import org.luoshi.common.DomainException;
import org.luoshi.common.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's inbox, newest first, and the caller's choice of e-mail. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

  private final Notifications notifications;
  private final Preferences preferences;
  private final CurrentUser user;

  NotificationController(Notifications notifications, Preferences preferences, CurrentUser user) {
    this.notifications = notifications;
    this.preferences = preferences;
    this.user = user;
  }

  /** {@code PUT /api/notifications/preferences}: {@code {"email": true|false}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PreferencesRequest(Boolean email) {}

  @GetMapping("/preferences")
  Preferences.View preferences() {
    return preferences.of(user.id());
  }

  @PutMapping("/preferences")
  Preferences.View setPreferences(@RequestBody(required = false) PreferencesRequest request) {
    if (request == null || request.email() == null) {
      throw DomainException.invalid("email", "请说明是否接收邮件通知（email: true 或 false）");
    }
    return preferences.setEmail(user.id(), request.email());
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
