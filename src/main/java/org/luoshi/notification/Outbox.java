package org.luoshi.notification;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Drains the notification outbox ({@link Deliveries}) on this node: at once after a transaction
 * that filled it has committed, and every {@code luoshi.notifications.outbox.poll-interval} for
 * what other nodes filled, what was held over quiet hours and what a node that died had claimed.
 * One sender thread; a person's request never waits for it. Off with
 * {@code luoshi.notifications.outbox.enabled=false} (the tests drain it themselves).
 */
@Component
public class Outbox implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private final Deliveries deliveries;
  private final NotificationSettings.OutboxSettings settings;
  private final AtomicBoolean queued = new AtomicBoolean();
  private volatile ExecutorService sender;
  private volatile java.util.concurrent.ScheduledExecutorService clock;

  Outbox(Deliveries deliveries, NotificationSettings settings) {
    this.deliveries = deliveries;
    this.settings = settings.outbox();
  }

  /** A transaction put deliveries into the outbox and committed. */
  @TransactionalEventListener(fallbackExecution = true)
  void filled(Deliveries.Filled event) {
    if (settings.inline()) {
      deliveries.drain();
    } else {
      wake();
    }
  }

  /** Sends what is due now, on the caller's thread; returns how many went out (tests, benchmarks). */
  public int drainNow() {
    return deliveries.drain();
  }

  private void wake() {
    ExecutorService s = sender;
    if (s != null && queued.compareAndSet(false, true)) {
      s.execute(() -> {
        queued.set(false);
        try {
          deliveries.drain();
        } catch (RuntimeException e) {
          LOG.warn("Notification outbox: drain failed, retried at the next poll", e);
        }
      });
    }
  }

  @Override
  public void start() {
    if (!settings.enabled()) {
      return;
    }
    sender = Executors.newSingleThreadExecutor(r -> daemon(r, "luoshi-outbox"));
    clock = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "luoshi-outbox-poll"));
    long every = settings.pollInterval().toMillis();
    clock.scheduleWithFixedDelay(this::wake, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    if (clock != null) {
      clock.shutdownNow();
    }
    if (sender != null) {
      sender.shutdown();
      try {
        sender.awaitTermination(15, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    sender = null;
    clock = null;
  }

  @Override
  public boolean isRunning() {
    return sender != null;
  }

  /** Starts after the engine (its jobs may fill the outbox) and stops before it. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
