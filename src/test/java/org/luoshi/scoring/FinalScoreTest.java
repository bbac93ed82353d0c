package org.luoshi.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** 综合得分 = 时效分 × 0.3 + 质量分 × 0.7, rounded half-up to one decimal; weights from configuration. */
class FinalScoreTest {

  final Scores scores = new Scores(null, null, new ScoringProperties(null, null, null, null));

  private BigDecimal finalScore(String timeliness, String quality) {
    return scores.finalScore(new BigDecimal(timeliness), new BigDecimal(quality));
  }

  @Test
  void onTimeWithQuality85Gives89point5() {
    assertThat(finalScore("100", "85")).isEqualByComparingTo("89.5");
  }

  @Test
  void tenDaysLateWithQuality70Gives67() {
    assertThat(finalScore("60", "70")).isEqualByComparingTo("67.0");
    assertThat(finalScore("60", "70").scale()).isEqualTo(1);
  }

  @Test
  void roundsHalfUpToOneDecimal() {
    // 0.3 × 90 + 0.7 × 84.5 = 27 + 59.15 = 86.15 → 86.2
    assertThat(finalScore("90", "84.5")).isEqualByComparingTo("86.2");
    // 0.3 × 80 + 0.7 × 77.5 = 24 + 54.25 = 78.25 → 78.3
    assertThat(finalScore("80", "77.5")).isEqualByComparingTo("78.3");
  }

  @Test
  void weightsComeFromConfiguration() {
    var even = new Scores(null, null, new ScoringProperties(new BigDecimal("0.5"), new BigDecimal("0.5"), null, null));
    assertThat(even.finalScore(new BigDecimal("100"), new BigDecimal("80"))).isEqualByComparingTo("90.0");
  }

  @Test
  void weightsThatDoNotAddUpToOneStopTheStart() {
    assertThatThrownBy(() -> new ScoringProperties(new BigDecimal("0.3"), new BigDecimal("0.6"), null, null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("add up to 1");
    assertThatThrownBy(() -> new ScoringProperties(new BigDecimal("-0.1"), new BigDecimal("1.1"), null, null))
        .isInstanceOf(IllegalStateException.class);
  }
}
