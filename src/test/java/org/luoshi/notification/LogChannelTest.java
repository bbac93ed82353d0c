package org.luoshi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luoshi.identity.Person;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class LogChannelTest {

  static NotificationSettings settings(boolean on) {
    return new NotificationSettings(null, null, null, null, null, new NotificationSettings.LogChannelSettings(on), null);
  }

  @Test
  void theSmsAndWeChatWorkStandInIsOffUnlessSwitchedOn() {
    assertThat(new LogChannel(settings(false)).enabled()).isFalse();
    assertThat(new LogChannel(settings(true)).enabled()).isTrue();
  }

  @Test
  void itSendsNothingAndSaysSoForEveryMessage(CapturedOutput output) {
    LogChannel channel = new LogChannel(settings(true));
    String address = channel.address(new Person("t1a", "甲一", null)).orElseThrow();
    var failures = channel.send(List.of(new NotificationChannel.Message("t1a", "甲一", address, "ITEM_OVERDUE",
        "红灯督办：事项已逾期：汛期安全隐患排查", "正文", null, Instant.now())));
    // not delivered: a NOT_CONNECTED failure, not retried, never SENT
    assertThat(failures).singleElement().satisfies(f -> {
      assertThat(f.notConnected()).isTrue();
      assertThat(f.permanent()).isTrue();
      assertThat(f.message().recipient()).isEqualTo("t1a");
      assertThat(f.reason()).contains("未发送");
    });
    assertThat(output).contains("SMS channel not connected: would send \"红灯督办：事项已逾期：汛期安全隐患排查\" to 甲一 (t1a)");
  }
}
