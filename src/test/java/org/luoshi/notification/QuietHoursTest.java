package org.luoshi.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

  final QuietHours night = new NotificationSettings.QuietHoursSettings(null, null).toQuietHours();

  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
  }

  @Test
  void fromTenInTheEveningUntilSevenInTheMorningBeijingTime() {
    assertThat(night.contains(at("2026-06-01T21:59"))).isFalse();
    assertThat(night.contains(at("2026-06-01T22:00"))).isTrue();
    assertThat(night.contains(at("2026-06-02T00:00"))).isTrue();
    assertThat(night.contains(at("2026-06-02T06:59"))).isTrue();
    assertThat(night.contains(at("2026-06-02T07:00"))).isFalse();
    assertThat(night.contains(at("2026-06-02T12:00"))).isFalse();
  }

  @Test
  void heldMailGoesAtTheNextSevenOClock() {
    assertThat(night.releaseAt(at("2026-06-01T22:30"))).isEqualTo(at("2026-06-02T07:00"));
    assertThat(night.releaseAt(at("2026-06-02T00:00"))).isEqualTo(at("2026-06-02T07:00"));
    assertThat(night.releaseAt(at("2026-06-02T06:59"))).isEqualTo(at("2026-06-02T07:00"));
    assertThat(night.releaseCron()).isEqualTo("0 0 7 * * ?");
  }

  @Test
  void quietHoursWithinADayAndNone() {
    QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 30));
    assertThat(lunch.contains(at("2026-06-01T12:15"))).isTrue();
    assertThat(lunch.contains(at("2026-06-01T13:30"))).isFalse();
    assertThat(lunch.releaseAt(at("2026-06-01T12:15"))).isEqualTo(at("2026-06-01T13:30"));
    assertThat(lunch.releaseCron()).isEqualTo("0 30 13 * * ?");
    QuietHours none = new QuietHours(LocalTime.of(7, 0), LocalTime.of(7, 0));
    assertThat(none.contains(at("2026-06-01T07:00"))).isFalse();
    assertThat(none.contains(at("2026-06-01T23:00"))).isFalse();
  }

  @Test
  void aBadTimeInTheConfigurationStopsTheStart() {
    assertThatThrownBy(() -> new NotificationSettings.QuietHoursSettings("22 Uhr", null))
        .hasMessageContaining("luoshi.notifications.quiet-hours.start");
    assertThatThrownBy(() -> new NotificationSettings.Escalation(java.time.Duration.ofDays(7), java.time.Duration.ofDays(3)))
        .hasMessageContaining("leader-after <= principal-after");
  }
}
