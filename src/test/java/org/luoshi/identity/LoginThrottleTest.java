package org.luoshi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The rules of LoginThrottle, on a clock the test moves. */
class LoginThrottleTest {

  static final Duration WINDOW = Duration.ofMinutes(5);

  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-06-01T01:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void pass(Duration d) {
      now = now.plus(d);
    }
  }

  final MovableClock clock = new MovableClock();
  final LoginThrottle throttle = new LoginThrottle(
      new LoginThrottle.Settings(20, 10, 5, WINDOW, Duration.ofDays(30), 1000), clock);

  /** Tries like a guesser: each attempt allowed is a wrong password; returns how many were allowed. */
  int guess(String client, String account, int attempts, Duration between) {
    int allowed = 0;
    for (int i = 0; i < attempts; i++) {
      if (throttle.refusal(client, account).isEmpty()) {
        throttle.failed(client, account);
        allowed++;
      }
      clock.pass(between);
    }
    return allowed;
  }

  @Test
  void aGuesserAtOneClientGetsFivePasswordsPerWindowForOneAccount() {
    assertThat(guess("10.0.0.66", "lijing", 150, Duration.ofSeconds(3))).as("150 tries over 7.5 minutes")
        .isEqualTo(10);
    var refusal = throttle.refusal("10.0.0.66", "lijing");
    assertThat(refusal).isPresent();
    assertThat(refusal.get().message(clock.instant())).startsWith("登录失败次数过多，请于 ").contains("后再试");
  }

  @Test
  void theBlockEndsAtMostOneWindowAfterTheLastWrongPassword() {
    guess("10.0.0.66", "lijing", 5, Duration.ofSeconds(1));
    Instant last = clock.instant().minusSeconds(1);
    // hammering while blocked is refused unread and does not prolong the block
    assertThat(guess("10.0.0.66", "lijing", 290, Duration.ofSeconds(1))).isZero();
    clock.now = last.plus(WINDOW);
    assertThat(throttle.refusal("10.0.0.66", "lijing")).isEmpty();
  }

  @Test
  void strangersFromManyClientsDoNotKeepTheOwnerOutOnTheComputerSheLoggedInFrom() {
    throttle.succeeded("10.1.1.7", "lijing");
    for (int c = 0; c < 30; c++) {
      guess("10.6.6." + c, "lijing", 5, Duration.ofMillis(100));
    }
    assertThat(throttle.refusal("10.1.1.7", "lijing")).as("her own computer").isEmpty();
    assertThat(throttle.refusal("10.1.1.8", "lijing")).as("a computer she never used").isPresent();
    clock.pass(WINDOW);
    assertThat(throttle.refusal("10.1.1.8", "lijing")).isEmpty();
  }

  @Test
  void theOwnersComputerIsStillThrottledForGuessesMadeFromIt() {
    throttle.succeeded("10.1.1.7", "lijing");
    assertThat(guess("10.1.1.7", "lijing", 20, Duration.ofSeconds(1))).isEqualTo(5);
    assertThat(throttle.refusal("10.1.1.7", "lijing")).isPresent();
  }

  @Test
  void oneClientTryingManyAccountsIsThrottledAsAClient() {
    int allowed = 0;
    for (int a = 0; a < 100; a++) {
      allowed += guess("10.9.9.9", "user" + a, 1, Duration.ofMillis(10));
    }
    assertThat(allowed).isEqualTo(20);
    assertThat(throttle.refusal("10.9.9.9", "someone-else")).isPresent();
    assertThat(throttle.refusal("10.9.9.10", "someone-else")).as("another client").isEmpty();
  }

  @Test
  void aSuccessClearsThePairsFailures() {
    guess("10.1.1.7", "lijing", 4, Duration.ofSeconds(1));
    throttle.succeeded("10.1.1.7", "lijing");
    assertThat(guess("10.1.1.7", "lijing", 5, Duration.ofSeconds(1))).isEqualTo(5);
  }

  @Test
  void aFreshThrottleRemembersNothing() {
    guess("10.0.0.66", "lijing", 50, Duration.ofSeconds(1));
    var restarted = new LoginThrottle(new LoginThrottle.Settings(20, 10, 5, WINDOW, Duration.ofDays(30), 1000), clock);
    assertThat(restarted.refusal("10.0.0.66", "lijing")).isEmpty();
  }

  @Test
  void manyAccountsDoNotGrowTheMemoryWithoutBound() {
    var small = new LoginThrottle(new LoginThrottle.Settings(1_000_000, 10, 5, WINDOW, Duration.ofDays(30), 100), clock);
    for (int a = 0; a < 10_000; a++) {
      small.failed("10.0.0." + (a % 200), "user" + a);
    }
    // still answers and still throttles what it has just seen
    for (int i = 0; i < 5; i++) {
      small.failed("10.0.0.1", "lijing");
    }
    assertThat(small.refusal("10.0.0.1", "lijing")).isPresent();
  }

  @Test
  void aWindowLongerThanAFewMinutesIsRefused() {
    assertThatThrownBy(() -> new LoginThrottle.Settings(20, 10, 5, Duration.ofHours(1), null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
