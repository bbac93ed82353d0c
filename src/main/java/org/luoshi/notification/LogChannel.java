package org.luoshi.notification;

import java.util.List;
import java.util.Optional;
import org.luoshi.identity.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The place of SMS: not connected to any gateway. When switched on
 * ({@code luoshi.notifications.log-channel.enabled}) it writes to the log what it would send and
 * says that it is not connected, so an installation can see the volume before buying a gateway.
 * It delivers nothing, so it says so: each of its deliveries is recorded as NOT_CONNECTED, never
 * SENT. A real gateway implements {@link NotificationChannel} the same way.
 */
@Component
class LogChannel implements NotificationChannel {

  static final String NAME = "SMS";
  /** What the delivery record says: nothing was sent. */
  static final String NOT_CONNECTED = "短信通道未接入网关，未发送";
  private static final Logger LOG = LoggerFactory.getLogger(LogChannel.class);
  private final boolean enabled;

  LogChannel(NotificationSettings settings) {
    this.enabled = settings.logChannel().enabled();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean enabled() {
    return enabled;
  }

  @Override
  public Optional<String> address(Person person) {
    return Optional.of(person.id());
  }

  @Override
  public List<Failure> send(List<Message> messages) {
    List<Failure> unsent = new java.util.ArrayList<>();
    for (Message m : messages) {
      LOG.info("SMS channel not connected: would send \"{}\" to {} ({})", m.title(), m.recipientName(),
          m.address());
      unsent.add(Failure.notConnected(m, NOT_CONNECTED));
    }
    return unsent;
  }
}
