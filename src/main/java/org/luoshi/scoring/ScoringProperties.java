package org.luoshi.scoring;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code luoshi.scoring.*}: the weights of the final score (综合得分 = 时效分 × w_t + 质量分 × w_q,
 * 3:7 by default, checked at start-up to add up to 1) and the calibration report's thresholds.
 */
@ConfigurationProperties("luoshi.scoring")
public record ScoringProperties(BigDecimal timelinessWeight, BigDecimal qualityWeight,
    BigDecimal minStandardDeviation, BigDecimal maxBandShare) {

  public ScoringProperties {
    timelinessWeight = timelinessWeight == null ? new BigDecimal("0.3") : timelinessWeight;
    qualityWeight = qualityWeight == null ? new BigDecimal("0.7") : qualityWeight;
    minStandardDeviation = minStandardDeviation == null ? new BigDecimal("3") : minStandardDeviation;
    maxBandShare = maxBandShare == null ? new BigDecimal("0.6") : maxBandShare;
    if (timelinessWeight.signum() < 0 || qualityWeight.signum() < 0
        || timelinessWeight.add(qualityWeight).compareTo(BigDecimal.ONE) != 0) {
      throw new IllegalStateException("luoshi.scoring.timeliness-weight (" + timelinessWeight
          + ") and luoshi.scoring.quality-weight (" + qualityWeight + ") must be non-negative and add up to 1");
    }
  }
}
