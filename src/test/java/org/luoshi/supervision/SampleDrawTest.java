package org.luoshi.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SampleDrawTest {

  static final List<String> UNITS =
      List.of("CGJ", "CZJ", "DHL", "FGJ", "FPB", "JYJ", "MZJ", "RSJ", "WJJ", "WLX", "ZJJ", "ZXB");

  /**
   * The sample agrees with the rule as a person checks it with coreutils:
   * {@code for c in CGJ … ZXB; do printf '%s %s\n' "$(printf '%s' "20260302:$c" | sha256sum | cut -c1-64)" "$c"; done | sort | head -n 4}
   */
  @Test
  void theSampleIsWhatTheRecordedRuleGivesWithCommonTools() {
    assertThat(SampleDraw.draw(20260302L, UNITS, 4)).containsExactly("FPB", "ZJJ", "ZXB", "CGJ");
    assertThat(SampleDraw.rank(20260302L, "FPB"))
        .isEqualTo("0d512d09dba4bb7e1df508244e0fe57083fec277b1cdab062f1f762a45727d34");
  }

  @Test
  void theSameSeedAndPopulationDrawTheSameSampleWhateverTheOrderOfThePopulation() {
    List<String> shuffled = new ArrayList<>(UNITS);
    Collections.shuffle(shuffled, new Random(1));
    long seed = SampleDraw.newSeed();
    assertThat(SampleDraw.draw(seed, shuffled, 5)).isEqualTo(SampleDraw.draw(seed, UNITS, 5));
  }

  @Test
  void aSmallerSampleIsTheStartOfALargerOneWithTheSameSeed() {
    assertThat(SampleDraw.draw(99L, UNITS, 12)).startsWith(SampleDraw.draw(99L, UNITS, 3).toArray(String[]::new))
        .containsExactlyInAnyOrderElementsOf(UNITS);
  }

  @Test
  void differentSeedsDrawDifferentSamples() {
    var samples = new HashSet<List<String>>();
    for (long seed = 0; seed < 50; seed++) {
      samples.add(SampleDraw.draw(seed, UNITS, 3));
    }
    assertThat(samples).hasSizeGreaterThan(40);
  }

  @Test
  void generatedSeedsStayWithinWhatJsonKeepsExactly() {
    for (int i = 0; i < 1000; i++) {
      assertThat(SampleDraw.newSeed()).isBetween(0L, SampleDraw.MAX_SEED);
    }
    assertThat(SampleDraw.MAX_SEED).isEqualTo(9007199254740991L);
  }

  @Test
  void aSampleSizeOutsideThePopulationIsRefused() {
    assertThatThrownBy(() -> SampleDraw.draw(1L, UNITS, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SampleDraw.draw(1L, UNITS, 13)).isInstanceOf(IllegalArgumentException.class);
  }
}
