package org.luoshi.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class InputsTest {

  @Test
  void aTextWithinItsLimitIsTrimmedAndABlankOneIsNone() {
    assertThat(Inputs.text(null, "title", "  推进就业  ")).isEqualTo("推进就业");
    assertThat(Inputs.text(null, "title", "   ")).isNull();
    assertThat(Inputs.text(null, "title", "字".repeat(200))).hasSize(200);
  }

  @Test
  void aTooLongTextIsRefusedNamingTheLabelAndTheLimit() {
    assertThatThrownBy(() -> Inputs.text(null, "title", "字".repeat(201)))
        .isInstanceOf(DomainException.class)
        .hasMessage("事项名称不能超过 200 字（现为 201 字）（title）");
    // characters, not UTF-16 units: 200 emoji are 200 characters
    assertThat(Inputs.text(null, "title", "😀".repeat(200))).isNotNull();
  }

  @Test
  void controlCharactersAreRefusedAndNewlinesOnlyInMultiLineTexts() {
    assertThat(Inputs.textProblem(Inputs.field(null, "title"), "推进\u0000就业")).contains("控制字符", "第 3 个字符", "U+0000");
    assertThat(Inputs.textProblem(Inputs.field(null, "title"), "推进\u0085就业")).contains("U+0085");
    assertThat(Inputs.textProblem(Inputs.field(null, "title"), "推进\u007f")).contains("U+007F");
    assertThat(Inputs.textProblem(Inputs.field(null, "title"), "推进\n就业")).contains("只能填写一行");
    assertThat(Inputs.textProblem(Inputs.field(null, "title"), "推进\t就业")).contains("只能填写一行");
    assertThat(Inputs.textProblem(Inputs.field(null, "target"), "第一\r\n第二\t第三")).isNull();
    assertThat(Inputs.textProblem(Inputs.field(null, "target"), "第一\u0000")).contains("工作目标含有不允许的控制字符");
    assertThat(Inputs.textProblem(Inputs.field(null, "target"), "目标\uD800")).contains("控制字符");
    assertThat(Inputs.textProblem(Inputs.field(null, "target"), "目标😀")).isNull();
    // around a one-line text, what trimming removes is no matter; a control character is, anywhere
    assertThat(Inputs.text(null, "title", "\t推进就业\r\n")).isEqualTo("推进就业");
    assertThat(Inputs.text(null, "title", "\u3000推进就业\u3000")).isEqualTo("推进就业");
    assertThat(Inputs.textProblem(Inputs.field(null, "title"), "推进就业\u001f")).contains("U+001F");
    assertThat(Inputs.textProblem(Inputs.field(null, "title"), "\u0000推进就业")).contains("第 1 个字符");
  }

  @Test
  void aFieldOfAProcessWinsOverTheGeneralOne() {
    assertThat(Inputs.label("interview", "subject")).isEqualTo("约谈事由");
    assertThat(Inputs.field("interview", "subject").multiline()).isTrue();
    assertThat(Inputs.label("supervision", "subject")).isEqualTo("督查主题");
    assertThat(Inputs.field("supervision", "subject").multiline()).isFalse();
    assertThat(Inputs.label(null, "problems[0].description")).isEqualTo("问题描述");
    assertThat(Inputs.field(null, "nothingKnown").maxLength()).isEqualTo(Inputs.DEFAULT_LENGTH);
    assertThat(Inputs.known(null, "nothingKnown")).isFalse();
  }

  @Test
  void datesAreWithin2000And2100() {
    assertThat(Inputs.dateProblem(Inputs.field(null, "deadline"), LocalDate.of(2100, 12, 31))).isNull();
    assertThat(Inputs.dateProblem(Inputs.field(null, "deadline"), LocalDate.of(2000, 1, 1))).isNull();
    assertThat(Inputs.dateProblem(Inputs.field(null, "deadline"), LocalDate.of(57443, 1, 1)))
        .isEqualTo("截止日期应在 2000-01-01 到 2100-12-31 之间：+57443-01-01");
    assertThat(Inputs.dateProblem(Inputs.field(null, "issuedOn"), LocalDate.of(1999, 12, 31))).contains("下发日期");
    assertThat(Inputs.dateTimeProblem(Inputs.field(null, "scheduledAt"),
        OffsetDateTime.parse("2100-12-31T20:00:00Z"))).as("2101-01-01 in Beijing").contains("约谈时间");
  }

  @Test
  void hugeNumbersAreRefusedWithAShortMessage() {
    BigDecimal huge = new BigDecimal("1e1000000");
    String problem = Inputs.numberProblem(Inputs.field(null, "progressPercent"), huge);
    assertThat(problem).isEqualTo("完成进度数值过大：1E+1000000");
    assertThat(Inputs.numberProblem(Inputs.field(null, "qualityScore"), new BigDecimal("1e-1000000"))).contains("小数位数过多");
    assertThat(Inputs.numberProblem(Inputs.field(null, "qualityScore"), new BigDecimal("85.5"))).isNull();
    assertThat(Inputs.numberProblem(Inputs.field(null, "sampleSeed"), BigDecimal.valueOf(9007199254740991L))).isNull();
  }

  @Test
  void anExcerptIsAtMostFiftyCharactersAndShowsNoControlCharacters() {
    assertThat(Inputs.excerpt("a".repeat(1 << 20))).hasSize(51).endsWith("…");
    assertThat(Inputs.excerpt("a\u0000b")).isEqualTo("a\uFFFDb");
    assertThat(Inputs.excerpt(new BigDecimal("1e1000000"))).isEqualTo("1E+1000000");
    assertThat(Inputs.excerpt(new BigDecimal("85.50"))).isEqualTo("85.5");
  }

  @Test
  void listsHaveAtMost500EntriesOfOneLineEach() {
    Inputs.Field interviewees = Inputs.field(null, "interviewees");
    assertThat(Inputs.sizeProblem(interviewees, Collections.nCopies(500, "t1a"))).isNull();
    assertThat(Inputs.sizeProblem(interviewees, Collections.nCopies(501, "t1a"))).isEqualTo("被约谈人最多 500 项（现为 501 项）");
    assertThat(Inputs.entryProblem(interviewees, "u".repeat(65))).contains("不能超过 64 字");
    assertThat(Inputs.entryProblem(interviewees, "t1\na")).contains("只能填写一行");
  }
}
