package org.luoshi.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Wrong passwords slow a guesser down but never keep the rightful user out for long (DESIGN.md §3).
 * Camunda's own login throttling is per account and kept in the database: a stranger sending one
 * wrong password a minute keeps an account locked, and after {@code loginMaxAttempts} it is locked
 * for good, across restarts. Luoshi replaces it (see {@link LuoshiIdentityProvider}) with this,
 * in memory:
 *
 * <ul>
 *   <li>every wrong password counts against the client (its IP address), the account, and the
 *       pair of both, within a sliding window ({@code luoshi.login.window}, default 5 minutes);
 *   <li>a key with as many failures in the window as its limit refuses further attempts, without
 *       looking at the password, until its oldest failure leaves the window: so never longer than
 *       the window after the last wrong password;
 *   <li>a client that logged in successfully as an account ({@code trusted-for}, default 30 days)
 *       is held back only by that pair's own failures: strangers guessing an account, from
 *       anywhere, do not lock its owner out on their usual computer;
 *   <li>nothing is stored: a restart forgets every throttle.
 * </ul>
 */
@Component
@EnableConfigurationProperties(LoginThrottle.Settings.class)
public class LoginThrottle {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final ThreadLocal<String> CLIENT = new ThreadLocal<>();

  /** Limits per kind of key and the window they count in. */
  @ConfigurationProperties("luoshi.login")
  public record Settings(Integer clientMaxFailures, Integer accountMaxFailures, Integer pairMaxFailures,
      Duration window, Duration trustedFor, Integer maxTracked) {

    public Settings {
      clientMaxFailures = positive(clientMaxFailures, 20, "client-max-failures");
      accountMaxFailures = positive(accountMaxFailures, 10, "account-max-failures");
      pairMaxFailures = positive(pairMaxFailures, 5, "pair-max-failures");
      window = window == null ? Duration.ofMinutes(5) : window;
      trustedFor = trustedFor == null ? Duration.ofDays(30) : trustedFor;
      maxTracked = positive(maxTracked, 20_000, "max-tracked");
      if (window.isNegative() || window.isZero() || window.compareTo(Duration.ofMinutes(15)) > 0) {
        throw new IllegalArgumentException("luoshi.login.window must be longer than 0 and at most 15 minutes: " + window);
      }
    }

    private static int positive(Integer value, int otherwise, String name) {
      if (value == null) {
        return otherwise;
      }
      if (value < 1) {
        throw new IllegalArgumentException("luoshi.login." + name + " must be at least 1: " + value);
      }
      return value;
    }
  }

  /** A refused attempt: when the next one is allowed. */
  public record Refusal(Instant retryAt) {

    public long retryAfterSeconds(Instant now) {
      return Math.max(1, (long) Math.ceil((retryAt.toEpochMilli() - now.toEpochMilli()) / 1000.0));
    }

    /** 登录失败次数过多，请于 14:32:05 后再试（约 3 分钟后） */
    public String message(Instant now) {
      long seconds = retryAfterSeconds(now);
      String wait = seconds < 60 ? seconds + " 秒后" : "约 " + (seconds + 59) / 60 + " 分钟后";
      return "登录失败次数过多，请于 " + DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZONE).format(retryAt)
          + " 后再试（" + wait + "）";
    }
  }

  private final Settings settings;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new HashMap<>();
  private final Map<String, Instant> trusted = new HashMap<>();

  @Autowired
  LoginThrottle(Settings settings) {
    this(settings, Clock.systemUTC());
  }

  LoginThrottle(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** The client of the login attempt the current thread handles (set by the web filters). */
  public static void setClient(String client) {
    if (client == null) {
      CLIENT.remove();
    } else {
      CLIENT.set(client);
    }
  }

  public static String client() {
    return CLIENT.get();
  }

  public Instant now() {
    return clock.instant();
  }

  /** Whether an attempt to log in as {@code account} from {@code client} (null: unknown) is refused now. */
  public synchronized Optional<Refusal> refusal(String client, String account) {
    Instant now = now();
    Instant until = null;
    if (account != null && client != null) {
      until = later(until, blockedUntil(pairKey(client, account), settings.pairMaxFailures(), now));
    }
    if (!isTrusted(client, account, now)) {
      if (client != null) {
        until = later(until, blockedUntil("c:" + client, settings.clientMaxFailures(), now));
      }
      if (account != null) {
        until = later(until, blockedUntil("a:" + account, settings.accountMaxFailures(), now));
      }
    }
    return Optional.ofNullable(until).map(Refusal::new);
  }

  /** Records a wrong password (or unknown account). */
  public synchronized void failed(String client, String account) {
    Instant now = now();
    if (failures.size() >= settings.maxTracked()) {
      forgetOld(now);
    }
    if (client != null) {
      record("c:" + client, settings.clientMaxFailures(), now);
    }
    if (account != null) {
      record("a:" + account, settings.accountMaxFailures(), now);
    }
    if (client != null && account != null) {
      record(pairKey(client, account), settings.pairMaxFailures(), now);
    }
  }

  /** Records a successful login: the client is trusted for this account from now on. */
  public synchronized void succeeded(String client, String account) {
    if (client == null || account == null) {
      return;
    }
    Instant now = now();
    if (trusted.size() >= settings.maxTracked()) {
      trusted.values().removeIf(t -> !t.isAfter(now));
    }
    if (trusted.size() < settings.maxTracked()) {
      trusted.put(pairKey(client, account), now.plus(settings.trustedFor()));
    }
    failures.remove(pairKey(client, account));
  }

  /** Forgets everything (an administrator's remedy; a restart does the same). */
  public synchronized void clear() {
    failures.clear();
    trusted.clear();
  }

  private boolean isTrusted(String client, String account, Instant now) {
    if (client == null || account == null) {
      return false;
    }
    Instant until = trusted.get(pairKey(client, account));
    return until != null && until.isAfter(now);
  }

  private Instant blockedUntil(String key, int max, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return null;
    }
    Instant cutoff = now.minus(settings.window());
    while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
      times.pollFirst();
    }
    if (times.isEmpty()) {
      failures.remove(key);
      return null;
    }
    // blocked while the window holds max failures; it opens when the oldest of the last max leaves
    return times.size() >= max ? times.peekFirst().plus(settings.window()) : null;
  }

  private void record(String key, int max, Instant now) {
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    times.addLast(now);
    while (times.size() > max) {
      times.pollFirst();
    }
  }

  /** Drops keys with no failure in the window; if still too many, those whose last failure is oldest. */
  private void forgetOld(Instant now) {
    Instant cutoff = now.minus(settings.window());
    failures.values().removeIf(d -> d.isEmpty() || !d.peekLast().isAfter(cutoff));
    if (failures.size() >= settings.maxTracked()) {
      int excess = failures.size() - settings.maxTracked() * 9 / 10;
      failures.entrySet().stream()
          .sorted(Comparator.comparing(e -> e.getValue().peekLast()))
          .limit(excess)
          .map(Map.Entry::getKey)
          .toList()
          .forEach(failures::remove);
    }
  }

  private static String pairKey(String client, String account) {
    return "p:" + client + "\u0000" + account;
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
