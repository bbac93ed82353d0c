package org.luoshi.interview;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code luoshi.interview.*}: how far ahead interviewees must be told (提前告知, default 24 hours)
 * and where interviews take place unless the starter says otherwise.
 */
@ConfigurationProperties("luoshi.interview")
public record InterviewProperties(
    @DefaultValue("PT24H") Duration noticePeriod,
    @DefaultValue("区委督查室约谈室") String defaultPlace) {

  public InterviewProperties {
    if (noticePeriod == null || noticePeriod.isNegative()) {
      throw new IllegalArgumentException("luoshi.interview.notice-period must not be negative");
    }
    if (defaultPlace == null || defaultPlace.isBlank()) {
      throw new IllegalArgumentException("luoshi.interview.default-place must not be blank");
    }
  }

  /** The notice period as people read it: 24 小时, 2 天, 90 分钟. */
  public String noticePeriodText() {
    long minutes = noticePeriod.toMinutes();
    if (minutes % (24 * 60) == 0 && minutes >= 48 * 60) {
      return minutes / (24 * 60) + " 天";
    }
    if (minutes % 60 == 0) {
      return minutes / 60 + " 小时";
    }
    return minutes + " 分钟";
  }
}
