package org.luoshi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luoshi.common.DomainException;

/** What listeners read through Vars is bounded as /api input is. */
class VarsTest {

  private static Vars vars(Object... pairs) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return Vars.of(m);
  }

  private static String refusal(Runnable read) {
    try {
      read.run();
    } catch (DomainException e) {
      return e.field() + ": " + e.reason();
    }
    throw new AssertionError("not refused");
  }

  @Test
  void textsAreBoundedByTheirField() {
    assertThat(refusal(() -> vars("completionNote", "a".repeat(1 << 20)).text("completionNote")))
        .isEqualTo("completionNote: 完成情况不能超过 4000 字（现为 1048576 字）");
    assertThat(refusal(() -> vars("progressNote", "进展\u0000").text("progressNote")))
        .startsWith("progressNote: 进展情况含有不允许的控制字符");
    assertThat(vars("progressNote", "第一\n第二").text("progressNote")).isEqualTo("第一\n第二");
    assertThat(refusal(() -> vars("responsiblePerson", "t1\nb").text("responsiblePerson"))).contains("只能填写一行");
    assertThat(vars("measures", 12).text("measures")).isEqualTo("12");
  }

  @Test
  void datesAreIsoTextOrDatesWithinTheRange() {
    assertThat(vars("completedOn", "2026-06-02").date("completedOn")).isEqualTo(LocalDate.of(2026, 6, 2));
    assertThat(vars("completedOn", "2026-06-02T10:00:00+08:00").date("completedOn")).isEqualTo(LocalDate.of(2026, 6, 2));
    assertThat(refusal(() -> vars("completedOn", "2026-02-30").date("completedOn"))).contains("完成日期不是有效的日期");
    assertThat(refusal(() -> vars("completedOn", 20261231).date("completedOn"))).contains("不能是数字");
    assertThat(refusal(() -> vars("completedOn", "+300000-01-01").date("completedOn"))).contains("完成日期");
    assertThat(refusal(() -> vars("newDeadline", Date.from(java.time.Instant.parse("3000-01-01T00:00:00Z")))
        .date("newDeadline"))).contains("应在 2000-01-01 到 2100-12-31 之间");
    assertThat(refusal(() -> vars("scheduledAt", "3000-01-01T10:00:00+08:00").dateTime("scheduledAt")))
        .contains("约谈时间应在");
    assertThat(refusal(() -> vars("completedOn", "2".repeat(100000)).date("completedOn"))).hasSizeLessThan(120);
  }

  @Test
  void numbersAreNumbersOfASaneSizeAndEchoedShort() {
    assertThat(vars("qualityScore", "85.5").number("qualityScore")).isEqualByComparingTo("85.5");
    assertThat(refusal(() -> vars("qualityScore", "1e1000000").number("qualityScore")))
        .isEqualTo("qualityScore: 质量分数值过大：1E+1000000");
    assertThat(refusal(() -> vars("qualityScore", Double.POSITIVE_INFINITY).number("qualityScore"))).contains("质量分应为数字");
    assertThat(refusal(() -> vars("qualityScore", "9".repeat(100000)).number("qualityScore"))).hasSizeLessThan(120);
    assertThat(refusal(() -> vars("qualityScore", new BigDecimal("1e30")).numberBetween("qualityScore", "质量分", 0, 100, true)))
        .contains("数值过大");
    assertThat(refusal(() -> vars("sampleSize", "2.5").integer("sampleSize"))).contains("抽取单位数应为整数：2.5");
  }

  @Test
  void enumsAreNamesNeverPositions() {
    enum Action { COMPLETE, EXTEND }
    assertThat(vars("action", "complete").enumValue("action", Action.class)).isEqualTo(Action.COMPLETE);
    assertThat(refusal(() -> vars("action", 0).enumValue("action", Action.class)))
        .isEqualTo("action: 报送不是可选的值：0（可选：COMPLETE、EXTEND）");
    assertThat(refusal(() -> vars("action", "1").enumValue("action", Action.class))).contains("不是可选的值：1");
  }

  @Test
  void listsAreBounded() {
    assertThat(vars("attendees", List.of("t1a", "t1b", "t1a")).textList("attendees")).containsExactly("t1a", "t1b");
    assertThat(vars("interviewees", "t1a，t1b\nt2a").textList("interviewees")).containsExactly("t1a", "t1b", "t2a");
    assertThat(refusal(() -> vars("attendees", Collections.nCopies(501, "t1a")).textList("attendees"))).contains("最多 500 项");
    assertThat(refusal(() -> vars("attendees", List.of("t1\u0000a")).textList("attendees"))).contains("控制字符");
    assertThat(refusal(() -> vars("interviewees", "t".repeat(2001)).textList("interviewees"))).contains("不能超过 2000 字");
  }

  @Test
  void aFieldOfTheProcessGivesTheLabel() {
    assertThat(refusal(() -> vars("subject", "a".repeat(501)).in("interview").text("subject"))).contains("约谈事由不能超过 500 字");
    assertThat(refusal(() -> vars("subject", "a".repeat(201)).in("supervision").text("subject"))).contains("督查主题不能超过 200 字");
    assertThatThrownBy(() -> vars("deadline", "2026-02-30").in("supervision").date("deadline")).hasMessageContaining("整改期限");
  }
}
