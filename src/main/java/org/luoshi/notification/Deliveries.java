package org.luoshi.notification;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.luoshi.common.Texts;
import org.luoshi.engine.Privileged;
import org.luoshi.engine.Time;
import org.luoshi.identity.Organisation;
import org.luoshi.identity.Person;
import org.luoshi.notification.NotificationChannel.Failure;
import org.luoshi.notification.NotificationChannel.Message;
import org.luoshi.notification.NotificationDelivery.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes notices from the inbox to the other channels (e-mail; SMS/WeChat Work) through an outbox:
 * a delivery record per inbox entry and channel, written in the transaction of whatever raised the
 * notice (a person's task completion, a timer), and sent after that transaction committed.
 * <ul>
 *   <li>during quiet hours the deliveries are HELD until their morning; otherwise PENDING;</li>
 *   <li>{@link Outbox} drains what is due on every node: each delivery is claimed by one conditional
 *       update (of two nodes only one sends it), sent on its own, and its outcome committed right
 *       after, so a retry sends only what is missing; a claim whose node died is taken over after
 *       the lease ({@code luoshi.notifications.outbox.lease});</li>
 *   <li>a delivery that fails (the mail server is down) goes to a {@code notification-delivery}
 *       instance of its notice (business key = notice key), whose job retries and, when the retries
 *       are used up, becomes a Cockpit incident; retrying it there sends what is still missing.</li>
 * </ul>
 * So a mail server outage never fails a task completion or holds up a process, the inbox entry is
 * there at once, no process instance or job is made for a notice that goes out, and a mail that
 * went out twice (a crash between sending it and recording it) keeps its Message-ID.
 */
@Service
class Deliveries {

  static final String PROCESS_KEY = "notification-delivery";
  /** The message that starts a notice's own delivery job (start event handedOver). */
  static final String HANDOVER_MESSAGE = "notification-handover";
  private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
  private static final int BATCH = 50;
  private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

  private final List<NotificationChannel> channels;
  private final NotificationDeliveryRepository deliveries;
  private final NotificationRepository inbox;
  private final Organisation organisation;
  private final QuietHours quietHours;
  private final Duration lease;
  private final RuntimeService runtime;
  private final Privileged privileged;
  private final TransactionTemplate ownTransaction;
  private final ApplicationEventPublisher events;

  Deliveries(List<NotificationChannel> channels, NotificationDeliveryRepository deliveries,
      NotificationRepository inbox, Organisation organisation, NotificationSettings settings,
      RuntimeService runtime, Privileged privileged, PlatformTransactionManager transactions,
      ApplicationEventPublisher events) {
    this.channels = channels;
    this.deliveries = deliveries;
    this.inbox = inbox;
    this.organisation = organisation;
    this.quietHours = settings.quietHours().toQuietHours();
    this.lease = settings.outbox().lease();
    this.runtime = runtime;
    this.privileged = privileged;
    this.events = events;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Deliveries were put into the outbox; {@link Outbox} sends them once their transaction committed. */
  record Filled() {}

  List<NotificationChannel> enabledChannels() {
    return channels.stream().filter(NotificationChannel::enabled).toList();
  }

  /** The inbox entries of a notice have just been written (caller's transaction): into the outbox. */
  void dispatch(Notice notice, List<Notification> written) {
    List<NotificationChannel> on = enabledChannels();
    if (on.isEmpty() || written.isEmpty()) {
      return;
    }
    String noticeKey = Keys.fit(notice.key(), 200);
    Instant now = Time.now();
    Instant release = quietHours.contains(now) ? quietHours.releaseAt(now) : null;
    Set<String> known = new HashSet<>();
    deliveries.states(written.stream().map(Notification::getDedupKey).toList())
        .forEach(r -> known.add(r[0] + "|" + r[1]));
    // a group address (a unit's chat) hears of a notice once, whichever of its recipients brought it
    Set<String> groups = new HashSet<>();
    if (on.stream().anyMatch(NotificationChannel::sharedAddresses)) {
      deliveries.findByNoticeKeyOrderByIdAsc(noticeKey).forEach(d -> groups.add(d.getChannel() + "|" + d.getAddress()));
    }
    List<NotificationDelivery> outbox = new ArrayList<>();
    for (Notification entry : written) {
      Optional<Person> person = organisation.person(entry.getRecipient());
      if (person.isEmpty()) {
        continue;
      }
      for (NotificationChannel channel : on) {
        if (known.contains(entry.getDedupKey() + "|" + channel.name())) {
          continue;
        }
        for (String address : channel.addresses(person.get())) {
          if (channel.sharedAddresses() && !groups.add(channel.name() + "|" + address)) {
            continue;
          }
          outbox.add(new NotificationDelivery(noticeKey, entry.getDedupKey(), channel.name(), entry.getRecipient(),
              address, release == null ? Status.PENDING : Status.HELD, now, release));
          break; // one delivery per recipient and channel ((dedup key, channel) is unique)
        }
      }
    }
    if (!outbox.isEmpty()) {
      deliveries.saveAll(outbox);
      events.publishEvent(new Filled());
    }
  }

  /**
   * Sends what is due in the outbox (the work of {@link Outbox}); deliveries that fail are handed
   * to their notice's delivery job. Returns how many went out.
   */
  int drain() {
    int sent = 0;
    Map<String, String> failedNotices = new LinkedHashMap<>(); // notice key → title
    for (int round = 0; round < 100; round++) {
      Instant now = Time.now();
      List<Long> due = deliveries.due(now, now.minus(lease), PageRequest.of(0, BATCH));
      if (due.isEmpty()) {
        break;
      }
      int claimed = 0;
      for (Long id : due) {
        Outcome o = deliver(id, EnumSet.of(Status.PENDING));
        if (o == null) {
          continue;
        }
        claimed++;
        if (o.failure == null) {
          sent++;
        } else if (!o.failure.permanent()) {
          failedNotices.putIfAbsent(o.noticeKey, o.title);
        }
      }
      if (claimed == 0) {
        break; // what is due is being sent by another node
      }
    }
    failedNotices.forEach(this::handOver);
    return sent;
  }

  /** The outcome of one claimed delivery: sent (no failure) or not. */
  private record Outcome(String noticeKey, String title, Failure failure) {}

  /**
   * Claims one delivery, sends it and records the outcome at once; null when another sender has it
   * (or it is no longer due).
   */
  private Outcome deliver(Long id, Set<Status> from) {
    Instant now = Time.now();
    Integer won = ownTransaction.execute(s -> deliveries.claim(id, from, now, now.minus(lease), NODE));
    if (won == null || won == 0) {
      return null;
    }
    NotificationDelivery d = ownTransaction.execute(s -> deliveries.findById(id).orElseThrow());
    NotificationChannel channel = enabledChannels().stream().filter(c -> c.name().equals(d.getChannel()))
        .findFirst().orElse(null);
    Notification entry = inbox.findByDedupKeyIn(List.of(d.getDedupKey())).stream().findFirst().orElse(null);
    Failure failure;
    if (channel == null || entry == null) {
      failure = new Failure(null, channel == null ? "该渠道已停用，未发送" : "通知不存在，未发送", true);
    } else {
      Message m = message(entry, organisation.nameOf(d.getRecipient()), d.getAddress(), d.key());
      failure = safeSend(channel, List.of(m)).stream().findFirst().orElse(null);
    }
    ownTransaction.executeWithoutResult(s -> {
      NotificationDelivery fresh = deliveries.findById(id).orElseThrow();
      if (failure == null) {
        fresh.sent(Time.now());
      } else if (failure.notConnected()) {
        fresh.notConnected(failure.reason());
      } else {
        fresh.failed(failure.reason(), failure.permanent());
      }
      deliveries.save(fresh);
    });
    return new Outcome(d.getNoticeKey(), entry == null ? d.getNoticeKey() : entry.getTitle(), failure);
  }

  /**
   * Gives a notice whose deliveries failed a {@code notification-delivery} instance of its own (one
   * at a time), whose job retries them and in the end shows as a Cockpit incident naming the notice.
   */
  private void handOver(String noticeKey, String title) {
    String businessKey = Keys.fit(noticeKey, 255);
    privileged.run(() -> {
      if (runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
          .processInstanceBusinessKey(businessKey).count() > 0) {
        return; // its job is on it already
      }
      runtime.startProcessInstanceByMessage(HANDOVER_MESSAGE, businessKey,
          Variables.putValue("noticeKey", noticeKey).putValue("noticeTitle", Texts.cut(title, 200)));
    });
  }

  /**
   * The work of a {@code notification-delivery} job: a notice's deliveries not sent yet (handed
   * over), or — without a notice key, the morning run — everything due. Each outcome is committed on
   * its own; if any delivery failed, this throws, so the job retries (only what is missing) and in
   * the end becomes an incident.
   */
  DeliveryReport deliverDue(String noticeKey) {
    Instant now = Time.now();
    List<Long> due = noticeKey == null
        ? deliveries.due(now, now.minus(lease), PageRequest.of(0, 10_000))
        : deliveries.findByNoticeKeyOrderByIdAsc(noticeKey).stream()
            .filter(d -> d.getStatus() == Status.PENDING || d.getStatus() == Status.FAILED
                || d.getStatus() == Status.SENDING || d.getStatus() == Status.HELD)
            .map(NotificationDelivery::getId).toList();
    int sent = 0;
    int skipped = 0;
    List<Failure> failures = new ArrayList<>();
    for (Long id : due) {
      Outcome o = deliver(id, EnumSet.of(Status.PENDING, Status.FAILED));
      if (o == null) {
        skipped++; // another sender has it, or it is held over quiet hours
      } else if (o.failure == null) {
        sent++;
      } else if (o.failure.message() == null || o.failure.notConnected()) {
        skipped++; // channel switched off since or connected to nothing, or the notice was never committed
      } else {
        failures.add(o.failure);
      }
    }
    DeliveryReport report = new DeliveryReport(due.size(), sent, failures.size(), skipped);
    List<Failure> retryable = failures.stream().filter(f -> !f.permanent()).toList();
    if (!retryable.isEmpty()) {
      throw new DeliveryFailedException(retryable.size() + " 条通知未能发出（重试时只发送未发出的）："
          + retryable.get(0).reason());
    }
    LOG.info("Notification delivery{}: {}", noticeKey == null ? " (morning run)" : " of " + noticeKey, report);
    return report;
  }

  record DeliveryReport(int due, int sent, int failed, int skipped) {}

  private static List<Failure> safeSend(NotificationChannel channel, List<Message> messages) {
    try {
      return channel.send(messages);
    } catch (RuntimeException e) {
      LOG.warn("Channel {} failed", channel.name(), e);
      return messages.stream().map(m -> new Failure(m, channel.name() + "：" + e, false)).toList();
    }
  }

  private static Message message(Notification entry, String name, String address, String key) {
    return new Message(entry.getRecipient(), name, address, entry.getType(), entry.getTitle(), entry.getBody(),
        entry.getLink(), entry.getCreatedAt(), key);
  }

  /** Deliveries failed; the job that tried them fails, retries and in the end becomes an incident. */
  static class DeliveryFailedException extends RuntimeException {
    DeliveryFailedException(String message) {
      super(message);
    }
  }
}
