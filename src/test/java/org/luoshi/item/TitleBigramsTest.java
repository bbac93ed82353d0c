package org.luoshi.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;

/** TitleBigrams: which terms the bigram index holds, and when it is the cheaper way (figures of bench/README.md). */
class TitleBigramsTest {

  @Test
  void aPieceIsATrimmedTermOfTwoCharactersWithoutSpaceLowerCased() {
    assertThat(TitleBigrams.piece("拆迁")).isEqualTo("拆迁");
    assertThat(TitleBigrams.piece("ZR")).isEqualTo("zr");
    assertThat(TitleBigrams.piece("23")).isEqualTo("23");
    assertThat(TitleBigrams.piece("%_")).isEqualTo("%_");
    assertThat(TitleBigrams.piece("𠀀字")).as("a character beyond the BMP counts as one").isEqualTo("𠀀字");
    assertThat(TitleBigrams.piece("拆")).isNull();
    assertThat(TitleBigrams.piece("拆迁户")).isNull();
    assertThat(TitleBigrams.piece("拆 ")).isNull();
    assertThat(TitleBigrams.piece("拆\u3000")).as("the ideographic space").isNull();
    assertThat(TitleBigrams.piece("Éa")).as("a cased letter beyond ASCII: PostgreSQL's lower() may differ").isNull();
  }

  @Test
  void theIndexForFewMatchesTheScanForMany() {
    TitleBigrams b = new TitleBigrams(null, true, 10_000, Clock.systemUTC());
    double million = 1_000_000;
    assertThat(b.indexIsCheaper(0, million)).as("no item holds it: the scan reads every title").isTrue();
    assertThat(b.indexIsCheaper(100, million)).isTrue();
    assertThat(b.indexIsCheaper(6_200, million)).as("业养 in the benchmark: 40 ms against 163 ms").isTrue();
    assertThat(b.indexIsCheaper(96_000, million)).as("7项: the scan stops at 10,001 after 104,000 rows").isFalse();
    assertThat(b.indexIsCheaper(161_500, million)).as("污水").isFalse();
    assertThat(b.indexIsCheaper(million, million)).as("专项, in every title").isFalse();
    assertThat(b.indexIsCheaper(50, 1_000)).as("a small table").isTrue();
  }

  @Test
  void notOnAnotherDatabase() {
    assertThat(new TitleBigrams(null, false, 10_000, Clock.systemUTC()).indexedPiece("拆迁")).isNull();
  }
}
