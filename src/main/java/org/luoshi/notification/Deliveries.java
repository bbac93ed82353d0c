package org.luoshi.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.luoshi.engine.Privileged;
import org.luoshi.engine.Time;
import org.luoshi.identity.Organisation;
import org.luoshi.identity.Person;
import org.luoshi.notification.NotificationChannel.Failure;
import org.luoshi.notification.NotificationChannel.Message;
import org.luoshi.notification.NotificationDelivery.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes notices from the inbox to the other channels (e-mail; SMS/WeChat Work), with a delivery
 * record per inbox entry and channel:
 * <ul>
 *   <li>during quiet hours the deliveries are HELD, in the caller's transaction, until the
 *       morning run of {@code notification-delivery} sends them;</li>
 *   <li>inside an engine job (the asynchronous notice tasks, timers) they are sent at once, and
 *       each outcome is committed on its own, so a retried job sends nobody the same notice twice;
 *       what could not be sent goes to a {@code notification-delivery} instance of its own, whose
 *       job retries and, when the retries are used up, becomes a Cockpit incident;</li>
 *   <li>outside a job (a REST call, a task completion) nothing is sent in the person's
 *       transaction: the deliveries wait as PENDING for their {@code notification-delivery} job.</li>
 * </ul>
 * So a mail server outage never fails a task completion or holds up the item's process, the inbox
 * entry is there at once, and a retried incident sends only what is missing.
 */
@Service
class Deliveries {

  static final String PROCESS_KEY = "notification-delivery";
  /** The message that starts a notice's own delivery job (start event handedOver). */
  static final String HANDOVER_MESSAGE = "notification-handover";
  private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
  private static final Set<Status> DONE = EnumSet.of(Status.SENT, Status.REJECTED);

  private final List<NotificationChannel> channels;
  private final NotificationDeliveryRepository deliveries;
  private final NotificationRepository inbox;
  private final Organisation organisation;
  private final QuietHours quietHours;
  private final RuntimeService runtime;
  private final Privileged privileged;
  private final TransactionTemplate ownTransaction;

  Deliveries(List<NotificationChannel> channels, NotificationDeliveryRepository deliveries,
      NotificationRepository inbox, Organisation organisation, NotificationSettings settings,
      RuntimeService runtime, Privileged privileged, PlatformTransactionManager transactions) {
    this.channels = channels;
    this.deliveries = deliveries;
    this.inbox = inbox;
    this.organisation = organisation;
    this.quietHours = settings.quietHours().toQuietHours();
    this.runtime = runtime;
    this.privileged = privileged;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** One inbox entry to one channel. */
  private record Planned(NotificationChannel channel, Notification entry, Person person, String address) {
    String slot() {
      return entry.getDedupKey() + "|" + channel.name();
    }
  }

  List<NotificationChannel> enabledChannels() {
    return channels.stream().filter(NotificationChannel::enabled).toList();
  }

  /** The inbox entries of a notice have just been written (caller's transaction): deliver them on. */
  void dispatch(Notice notice, List<Notification> written) {
    List<NotificationChannel> on = enabledChannels();
    if (on.isEmpty() || written.isEmpty()) {
      return;
    }
    List<Planned> planned = new ArrayList<>();
    for (Notification entry : written) {
      Optional<Person> person = organisation.person(entry.getRecipient());
      if (person.isEmpty()) {
        continue;
      }
      for (NotificationChannel channel : on) {
        channel.address(person.get()).ifPresent(a -> planned.add(new Planned(channel, entry, person.get(), a)));
      }
    }
    if (planned.isEmpty()) {
      return;
    }
    // a retried job may have delivered some of these already (its own transaction committed them)
    Map<String, Status> known = new HashMap<>();
    deliveries.states(planned.stream().map(p -> p.entry().getDedupKey()).distinct().toList())
        .forEach(r -> known.put(r[0] + "|" + r[1], (Status) r[2]));
    planned.removeIf(p -> known.containsKey(p.slot()) && DONE.contains(known.get(p.slot())));
    if (planned.isEmpty()) {
      return;
    }
    String noticeKey = Keys.fit(notice.key(), 200);
    Instant now = Time.now();
    if (quietHours.contains(now)) {
      Instant release = quietHours.releaseAt(now);
      for (Planned p : planned) {
        NotificationDelivery d = known.containsKey(p.slot())
            ? deliveries.findByDedupKeyAndChannel(p.entry().getDedupKey(), p.channel().name()).orElseThrow()
            : new NotificationDelivery(noticeKey, p.entry().getDedupKey(), p.channel().name(), p.entry().getRecipient(),
                p.address(), Status.HELD, now, release);
        d.hold(release);
        deliveries.save(d);
      }
      return;
    }
    if (JobContext.inJob()) {
      Map<String, Planned> bySlot = planned.stream().collect(Collectors.toMap(Planned::slot, p -> p, (a, b) -> a,
          LinkedHashMap::new));
      Map<Planned, Failure> failed = sendNow(planned);
      ownTransaction.executeWithoutResult(s -> bySlot.values().forEach(p -> {
        NotificationDelivery d = deliveries.findByDedupKeyAndChannel(p.entry().getDedupKey(), p.channel().name())
            .orElseGet(() -> new NotificationDelivery(noticeKey, p.entry().getDedupKey(), p.channel().name(),
                p.entry().getRecipient(), p.address(), Status.PENDING, now, null));
        Failure f = failed.get(p);
        if (f == null) {
          d.sent(Time.now());
        } else {
          d.failed(f.reason(), f.permanent());
        }
        deliveries.save(d);
      }));
      if (failed.values().stream().anyMatch(f -> !f.permanent())) {
        handOver(noticeKey, notice.title());
      }
      return;
    }
    planned.stream().filter(p -> !known.containsKey(p.slot())).forEach(p -> deliveries.save(
        new NotificationDelivery(noticeKey, p.entry().getDedupKey(), p.channel().name(), p.entry().getRecipient(),
            p.address(), Status.PENDING, now, null)));
    handOver(noticeKey, notice.title());
  }

  /** Starts the delivery job of a notice (in the caller's transaction: no notice, no job). */
  private void handOver(String noticeKey, String title) {
    privileged.run(() -> runtime.startProcessInstanceByMessage(HANDOVER_MESSAGE, Keys.fit(noticeKey, 255),
        Variables.putValue("noticeKey", noticeKey).putValue("noticeTitle", Keys.cut(title, 200))));
  }

  private Map<Planned, Failure> sendNow(List<Planned> planned) {
    Map<Planned, Failure> failed = new HashMap<>();
    Map<NotificationChannel, List<Planned>> byChannel = planned.stream()
        .collect(Collectors.groupingBy(Planned::channel, LinkedHashMap::new, Collectors.toList()));
    byChannel.forEach((channel, list) -> {
      Map<Message, Planned> messages = new LinkedHashMap<>();
      list.forEach(p -> messages.put(message(p.entry(), p.person().name(), p.address()), p));
      for (Failure f : safeSend(channel, new ArrayList<>(messages.keySet()))) {
        failed.put(messages.get(f.message()), f);
      }
    });
    return failed;
  }

  /**
   * The work of a {@code notification-delivery} job: a notice's deliveries due now (handed over), or
   * — without a notice key — every delivery held over quiet hours whose time has come. Each outcome
   * is committed on its own; if any delivery failed, this throws, so the job retries (only what is
   * missing) and in the end becomes an incident.
   */
  DeliveryReport deliverDue(String noticeKey) {
    List<NotificationDelivery> due = noticeKey == null
        ? deliveries.released(Time.now(), EnumSet.of(Status.HELD, Status.FAILED))
        : deliveries.dueNow(noticeKey, EnumSet.of(Status.PENDING, Status.FAILED));
    Map<String, NotificationChannel> byName = enabledChannels().stream()
        .collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
    Map<String, Notification> entries = inbox.findByDedupKeyIn(due.stream().map(NotificationDelivery::getDedupKey)
        .distinct().toList()).stream().collect(Collectors.toMap(Notification::getDedupKey, Function.identity()));
    Map<NotificationChannel, Map<Message, NotificationDelivery>> work = new LinkedHashMap<>();
    int skipped = 0;
    for (NotificationDelivery d : due) {
      NotificationChannel channel = byName.get(d.getChannel());
      Notification entry = entries.get(d.getDedupKey());
      if (channel == null || entry == null) {
        skipped++; // channel switched off since, or the notice was never committed
        continue;
      }
      work.computeIfAbsent(channel, c -> new LinkedHashMap<>())
          .put(message(entry, organisation.nameOf(d.getRecipient()), d.getAddress()), d);
    }
    int sent = 0;
    List<Failure> failures = new ArrayList<>();
    for (var e : work.entrySet()) {
      List<Failure> channelFailures = safeSend(e.getKey(), new ArrayList<>(e.getValue().keySet()));
      Map<Message, Failure> byMessage = new HashMap<>();
      channelFailures.forEach(f -> byMessage.put(f.message(), f));
      ownTransaction.executeWithoutResult(s -> e.getValue().forEach((m, d) -> {
        NotificationDelivery fresh = deliveries.findById(d.getId()).orElseThrow();
        Failure f = byMessage.get(m);
        if (f == null) {
          fresh.sent(Time.now());
        } else {
          fresh.failed(f.reason(), f.permanent());
        }
        deliveries.save(fresh);
      }));
      sent += e.getValue().size() - channelFailures.size();
      failures.addAll(channelFailures);
    }
    DeliveryReport report = new DeliveryReport(due.size(), sent, failures.size(), skipped);
    List<Failure> retryable = failures.stream().filter(f -> !f.permanent()).toList();
    if (!retryable.isEmpty()) {
      throw new DeliveryFailedException(retryable.size() + " 条通知未能发出（重试时只发送未发出的）："
          + retryable.get(0).reason());
    }
    LOG.info("Notification delivery{}: {}", noticeKey == null ? " (after quiet hours)" : " of " + noticeKey, report);
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

  private static Message message(Notification entry, String name, String address) {
    return new Message(entry.getRecipient(), name, address, entry.getType(), entry.getTitle(), entry.getBody(),
        entry.getLink(), entry.getCreatedAt());
  }

  /** Deliveries failed; the job that tried them fails, retries and in the end becomes an incident. */
  static class DeliveryFailedException extends RuntimeException {
    DeliveryFailedException(String message) {
      super(message);
    }
  }
}
