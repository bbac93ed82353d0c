package org.luoshi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.LuoshiIT;
import org.springframework.beans.factory.annotation.Autowired;

/** The application's DMN decisions run on {@link ParsedOnceFeel}: deployed tables parsed once. */
@LuoshiIT
class ParsedOnceFeelIT {

  @Autowired ProcessEngine engine;
  @Autowired DecisionService decisions;

  @Test
  void theDeployedDecisionsAreEvaluatedWithExpressionsParsedOnce() {
    var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(ParsedOnceFeel.Engine.class);
    var feel = (ParsedOnceFeel.ParsingOnce) ((ParsedOnceFeel.Engine) config.getDmnEngineConfiguration()
        .getFeelEngine()).feel();

    assertThat(timeliness(5)).isEqualTo(80);
    assertThat(timeliness(20)).isEqualTo(40);
    // the table's input expression is kept parsed (that nothing is parsed twice: ParsedOnceFeelTest,
    // where no other decision runs beside)
    assertThat(feel.keeps("daysLate")).isTrue();
    assertThat(timeliness(400)).isEqualTo(20);
  }

  private int timeliness(long daysLate) {
    Object score = decisions.evaluateDecisionTableByKey("timeliness-score",
        Variables.putValue("daysLate", daysLate).putValue("extended", false)).getSingleResult().getSingleEntry();
    return ((Number) score).intValue();
  }
}
