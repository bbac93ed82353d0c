package org.luoshi.assessment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code luoshi.assessment.*}: how long units may appeal (申诉) after a result is published
 * (default 15 days), and who conducts the interviews a result starts (default: the principal
 * leader who approved the assessment).
 */
@ConfigurationProperties("luoshi.assessment")
public record AssessmentProperties(
    @DefaultValue("P15D") Duration appealWindow,
    String interviewer) {

  public AssessmentProperties {
    if (appealWindow == null || appealWindow.isNegative() || appealWindow.isZero()) {
      throw new IllegalArgumentException("luoshi.assessment.appeal-window must be positive");
    }
  }
}
