package org.luoshi.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.luoshi.identity.Person;

/**
 * A way to reach people beyond the in-app inbox (e-mail; SMS or WeChat Work). {@link Notifications}
 * asks each enabled channel where a recipient is reached, keeps a delivery record per notice,
 * recipient and channel, and hands the channel what is due; a channel only sends.
 */
public interface NotificationChannel {

  /** The channel's name in delivery records and logs (EMAIL, SMS …), at most 20 characters. */
  String name();

  /** Whether this channel is switched on in this installation. */
  boolean enabled();

  /** Where the person is reached on this channel, or empty (no address, or they turned it off). */
  Optional<String> address(Person person);

  /**
   * Every address the person is reached at on this channel: by default the one of {@link #address}.
   * A group channel (a unit's group robot) answers the groups of the person's units.
   */
  default List<String> addresses(Person person) {
    return address(person).map(List::of).orElse(List.of());
  }

  /**
   * Whether an address is a group several recipients share (a unit's group chat): a notice then
   * goes to each address once, however many of its recipients are reached there.
   */
  default boolean sharedAddresses() {
    return false;
  }

  /**
   * Sends each message and answers those that failed (empty: all were sent). A failure is
   * permanent when retrying cannot help (the server refused the address); otherwise the delivery is
   * retried. Must not throw for the failure of a single message.
   */
  List<Failure> send(List<Message> messages);

  /**
   * One notice for one person at one address. {@code key} names this delivery (notice, recipient and
   * channel) and stays the same when it is sent again: a channel passes it on where the receiving
   * side can recognise a repeat (e-mail: the Message-ID).
   */
  record Message(String recipient, String recipientName, String address, String type, String title,
      String body, String link, Instant createdAt, String key) {

    /** A message without a delivery key (its channel makes up its own id). */
    public Message(String recipient, String recipientName, String address, String type, String title, String body,
        String link, Instant createdAt) {
      this(recipient, recipientName, address, type, title, body, link, createdAt, null);
    }
  }

  /**
   * A message that did not go out. {@code notConnected}: the channel is not connected to anything
   * that delivers (a stand-in), so it was not sent and never will be: its delivery is recorded as
   * NOT_CONNECTED, neither retried nor an incident, and never SENT.
   */
  record Failure(Message message, String reason, boolean permanent, boolean notConnected) {

    public Failure(Message message, String reason, boolean permanent) {
      this(message, reason, permanent, false);
    }

    public static Failure notConnected(Message message, String reason) {
      return new Failure(message, reason, true, true);
    }
  }
}
