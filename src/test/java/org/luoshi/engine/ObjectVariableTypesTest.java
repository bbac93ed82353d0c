package org.luoshi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The allow-list of Object variable types is judged on the type's name alone. */
class ObjectVariableTypesTest {

  @Test
  void theTypesLuoshiStoresAreAllowed() {
    assertThat(ObjectVariableTypes.allowed("java.util.ArrayList<java.lang.Long>")).isTrue();
    assertThat(ObjectVariableTypes.allowed("java.util.ArrayList")).isTrue();
    assertThat(ObjectVariableTypes.allowed("java.util.ArrayList<java.lang.Object>")).isTrue();
  }

  @Test
  void everythingElseIsRefused() {
    assertThat(ObjectVariableTypes.allowed("org.springframework.util.StopWatch")).isFalse();
    assertThat(ObjectVariableTypes.allowed("java.util.ArrayList<org.springframework.util.StopWatch>")).isFalse();
    assertThat(ObjectVariableTypes.allowed("java.util.HashMap<java.lang.String,java.lang.Long>")).isFalse();
    assertThat(ObjectVariableTypes.allowed("java.lang.ProcessBuilder")).isFalse();
    assertThat(ObjectVariableTypes.allowed("java.lang.Long[]")).isFalse();
    assertThat(ObjectVariableTypes.allowed("[Ljava.lang.Long;")).isFalse();
    assertThat(ObjectVariableTypes.allowed("java.util.ArrayList<?>")).isFalse();
    assertThat(ObjectVariableTypes.allowed("java.lang.Longer")).isFalse();
    assertThat(ObjectVariableTypes.allowed("")).isFalse();
    assertThat(ObjectVariableTypes.allowed(null)).isFalse();
  }

  @Test
  void theEnginesValidatorKnowsTheSameClasses() {
    assertThat(ObjectVariableTypes.VALIDATOR.validate("java.lang.Long")).isTrue();
    assertThat(ObjectVariableTypes.VALIDATOR.validate("java.util.ArrayList")).isTrue();
    assertThat(ObjectVariableTypes.VALIDATOR.validate("java.util.HashMap")).isFalse();
    assertThat(ObjectVariableTypes.VALIDATOR.validate("org.springframework.util.StopWatch")).isFalse();
  }
}
