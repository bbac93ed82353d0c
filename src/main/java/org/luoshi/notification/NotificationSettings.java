package org.luoshi.notification;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How notices travel ({@code luoshi.notifications.*}): the mail sender and the links in mails,
 * quiet hours (mail held until the morning), the escalation ladder of overdue items, the daily
 * digest, and the SMS/WeChat Work stand-in. E-mail itself is on only when {@code spring.mail.host}
 * is set.
 */
@ConfigurationProperties("luoshi.notifications")
public record NotificationSettings(Mail mail, String baseUrl, QuietHoursSettings quietHours,
    Escalation escalation, Digest digest, LogChannelSettings logChannel, OutboxSettings outbox) {

  public NotificationSettings {
    mail = mail == null ? new Mail(null, null) : mail;
    baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
    quietHours = quietHours == null ? new QuietHoursSettings(null, null) : quietHours;
    escalation = escalation == null ? new Escalation(null, null) : escalation;
    digest = digest == null ? new Digest(null, null) : digest;
    logChannel = logChannel == null ? new LogChannelSettings(false) : logChannel;
    outbox = outbox == null ? new OutboxSettings(null, null, null, false) : outbox;
  }

  /** The sender of e-mails: address and the name shown. */
  public record Mail(String from, String fromName) {
    public Mail {
      from = from == null || from.isBlank() ? "luoshi@localhost" : from.strip();
      fromName = fromName == null || fromName.isBlank() ? "落实系统" : fromName.strip();
    }
  }

  /** Mail for a notice created between start and end (Beijing time) waits until end. */
  public record QuietHoursSettings(String start, String end) {
    public QuietHoursSettings {
      start = start == null || start.isBlank() ? "22:00" : start.strip();
      end = end == null || end.isBlank() ? "07:00" : end.strip();
      time(start, "start");
      time(end, "end");
    }

    public QuietHours toQuietHours() {
      return new QuietHours(time(start, "start"), time(end, "end"));
    }

    private static LocalTime time(String value, String name) {
      try {
        return LocalTime.parse(value);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "luoshi.notifications.quiet-hours." + name + " must be a time like 22:00: " + value, e);
      }
    }
  }

  /** How long after the deadline an overdue item goes to the leader in charge, then to the principal leaders. */
  public record Escalation(Duration leaderAfter, Duration principalAfter) {
    public Escalation {
      leaderAfter = leaderAfter == null ? Duration.ofDays(3) : leaderAfter;
      principalAfter = principalAfter == null ? Duration.ofDays(7) : principalAfter;
      if (leaderAfter.isNegative() || principalAfter.compareTo(leaderAfter) < 0) {
        throw new IllegalArgumentException("luoshi.notifications.escalation: 0 <= leader-after <= principal-after");
      }
    }
  }

  /** When the daily digest goes out (Camunda cron, Beijing time) and how near a deadline counts as "due soon". */
  public record Digest(String cron, Integer dueSoonDays) {
    public Digest {
      cron = cron == null || cron.isBlank() ? "0 30 17 * * ?" : cron.strip();
      dueSoonDays = dueSoonDays == null ? 3 : dueSoonDays;
      if (dueSoonDays < 0) {
        throw new IllegalArgumentException("luoshi.notifications.digest.due-soon-days must not be negative");
      }
    }
  }

  /**
   * The outbox of deliveries: drained by a sender thread on every node (on unless false), polled at
   * an interval (default 10 s) for what other nodes put in; a claim older than the lease (default 90
   * seconds: a node died while sending) is taken over. {@code inline}: sent on the committing
   * thread itself, right after the commit (the tests; never for people, whose request would wait).
   */
  public record OutboxSettings(Boolean enabled, Duration pollInterval, Duration lease, boolean inline) {
    public OutboxSettings {
      enabled = enabled == null || enabled;
      pollInterval = pollInterval == null ? Duration.ofSeconds(10) : pollInterval;
      lease = lease == null ? Duration.ofSeconds(90) : lease;
      if (pollInterval.isNegative() || pollInterval.isZero() || lease.compareTo(Duration.ofSeconds(30)) < 0) {
        throw new IllegalArgumentException("luoshi.notifications.outbox: poll-interval > 0, lease >= 30s");
      }
    }
  }

  /** The SMS/WeChat Work stand-in: when on, it writes what it would send to the log. */
  public record LogChannelSettings(boolean enabled) {}
}
