package org.luoshi.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextsTest {

  @Test
  void blankIsNoInputAndTextIsTrimmed() {
    assertThat(Texts.blankToNull(null)).isNull();
    assertThat(Texts.blankToNull(" \t ")).isNull();
    assertThat(Texts.blankToNull(" 区人社局 ")).isEqualTo("区人社局");
    assertThat(Texts.optional("  ", "reason", "取消原因", 5)).isNull();
  }

  @Test
  void aRequiredOrTooLongTextIsRefusedNamingTheFieldInChinese() {
    assertThatThrownBy(() -> Texts.required(" ", "subject", "督查主题", 200))
        .isInstanceOfSatisfying(DomainException.class, e -> {
          assertThat(e.field()).isEqualTo("subject");
          assertThat(e.reason()).isEqualTo("督查主题不能为空");
        });
    assertThatThrownBy(() -> Texts.optional("一二三四五六", "reason", "取消原因", 5))
        .isInstanceOfSatisfying(DomainException.class, e -> {
          assertThat(e.field()).isEqualTo("reason");
          assertThat(e.reason()).isEqualTo("取消原因不能超过 5 字");
        });
    assertThat(Texts.required(" 一二三四五 ", "reason", "取消原因", 5)).isEqualTo("一二三四五");
  }

  @Test
  void aCutTextEndsInAnEllipsisWithinItsLength() {
    assertThat(Texts.cut("一二三四五六", 4)).isEqualTo("一二三…");
    assertThat(Texts.cut("一二三四", 4)).isEqualTo("一二三四");
    assertThat(Texts.cut(null, 4)).isNull();
  }
}
