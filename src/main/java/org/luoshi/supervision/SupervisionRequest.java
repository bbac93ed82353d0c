package org.luoshi.supervision;

import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.luoshi.common.Bounded;
import org.luoshi.engine.Vars;
import org.luoshi.common.DomainException;

/**
 * The start variables of a supervision (DESIGN.md §4.3), as POST /api/supervisions takes them and
 * as the process reads them, whoever started it (REST, Tasklist's start form, /engine-rest).
 *
 * @param method     OPEN_VISIT, UNANNOUNCED_VISIT, SPECIAL, KEY, RANDOM or RESIDENT
 * @param subject    what is inspected (督查主题)
 * @param unitCodes  the units to inspect; for RANDOM the population to draw from (none = all units);
 *                   codes or the units' exact Chinese names
 * @param sampleSize RANDOM only: how many units to draw, 1 … population
 * @param sampleSeed RANDOM only, optional: the seed (0 … 2^53−1), e.g. a number drawn in public;
 *                   generated when absent
 */
@Bounded(scope = Supervisions.PROCESS_KEY)
public record SupervisionRequest(
    String method, String subject, List<String> unitCodes, Integer sampleSize, Long sampleSeed) {

  /** Reads the start variables as any client sends them. */
  static SupervisionRequest from(Vars vars) {
    BigDecimal seed = vars.number(SupervisionVariables.SAMPLE_SEED);
    Long sampleSeed = null;
    if (seed != null) {
      try {
        sampleSeed = seed.longValueExact();
      } catch (ArithmeticException e) {
        throw DomainException.invalid(SupervisionVariables.SAMPLE_SEED, "随机种子应为整数：" + seed.toPlainString());
      }
    }
    return new SupervisionRequest(
        vars.text(SupervisionVariables.METHOD),
        vars.text(SupervisionVariables.SUBJECT),
        vars.textList(SupervisionVariables.UNIT_CODES),
        vars.integer(SupervisionVariables.SAMPLE_SIZE),
        sampleSeed);
  }

  /** The start variables for the engine; lists as Camunda Json, like Tasklist sends them. */
  VariableMap toVariables() {
    VariableMap vars = Variables.createVariables();
    vars.putValue(SupervisionVariables.METHOD, method);
    vars.putValue(SupervisionVariables.SUBJECT, subject);
    if (unitCodes != null) {
      vars.putValueTyped(SupervisionVariables.UNIT_CODES, Vars.json(unitCodes));
    }
    if (sampleSize != null) {
      vars.putValue(SupervisionVariables.SAMPLE_SIZE, sampleSize);
    }
    if (sampleSeed != null) {
      vars.putValue(SupervisionVariables.SAMPLE_SEED, sampleSeed);
    }
    return vars;
  }
}
