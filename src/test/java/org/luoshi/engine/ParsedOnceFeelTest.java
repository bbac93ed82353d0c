package org.luoshi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The FEEL engine that parses each expression once answers as Camunda's own: every decision of
 * processes/ over a spread of inputs (each table's own boundaries and values, beside and outside
 * them, nulls), the same failures, and repeated evaluations parse nothing anew.
 */
class ParsedOnceFeelTest {

  static DmnEngine camunda;
  static DmnEngine parsedOnce;
  static ParsedOnceFeel.ParsingOnce feel;

  @BeforeAll
  static void engines() {
    camunda = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setFeelEngineFactory(new ParsedOnceFeel.Factory(configuration));
    parsedOnce = configuration.buildEngine();
    feel = (ParsedOnceFeel.ParsingOnce) ((ParsedOnceFeel.Engine) configuration.getFeelEngine()).feel();
  }

  @Test
  void everyDecisionOfTheModelsAnswersAsCamundasEngine() throws IOException {
    int compared = 0;
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList()) {
        byte[] xml = Files.readAllBytes(file);
        List<DmnDecision> expected = camunda.parseDecisions(new ByteArrayInputStream(xml));
        List<DmnDecision> actual = parsedOnce.parseDecisions(new ByteArrayInputStream(xml));
        assertThat(actual).hasSameSizeAs(expected);
        String text = new String(xml, StandardCharsets.UTF_8);
        for (int d = 0; d < expected.size(); d++) {
          for (VariableMap inputs : inputsFor(expected, text)) {
            assertThat(answer(parsedOnce, actual.get(d), inputs))
                .as("%s %s with %s", file.getFileName(), expected.get(d).getKey(), inputs)
                .isEqualTo(answer(camunda, expected.get(d), inputs));
            compared++;
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(1_000);
    int kept = feel.kept();
    assertThat(kept).isPositive();

    // the same decisions again: every text is parsed already
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList()) {
        byte[] xml = Files.readAllBytes(file);
        for (DmnDecision decision : parsedOnce.parseDecisions(new ByteArrayInputStream(xml))) {
          for (VariableMap inputs : inputsFor(List.of(decision), new String(xml, StandardCharsets.UTF_8))) {
            answer(parsedOnce, decision, inputs);
          }
        }
      }
    }
    assertThat(feel.kept()).isEqualTo(kept);
  }

  @Test
  void aTableThatCannotBeParsedFailsAsWithCamundasEngine() {
    String broken = TABLE.replace("&gt; 10", "&gt;&gt; 10");
    String expected = failure(camunda, broken);
    assertThat(expected).contains("FEEL");
    assertThat(failure(parsedOnce, broken)).isEqualTo(expected);
    // and again, from the kept failure
    assertThat(failure(parsedOnce, broken)).isEqualTo(expected);
  }

  @Test
  void aValueOfTheWrongTypeMatchesNoRuleAsWithCamundasEngine() {
    DmnDecision c = parse(camunda, TABLE);
    DmnDecision p = parse(parsedOnce, TABLE);
    VariableMap text = Variables.putValue("difference", "zwölf");
    assertThat(answer(parsedOnce, p, text)).isEqualTo(answer(camunda, c, text));
    VariableMap none = Variables.putValue("difference", null);
    assertThat(answer(parsedOnce, p, none)).isEqualTo(answer(camunda, c, none)).isEqualTo("[{far=false}]");
    assertThat(answer(parsedOnce, p, Variables.putValue("difference", 12))).isEqualTo("[{far=true}]");
  }

  /** A small table: an input compared with a number, a rule for the rest. */
  static final String TABLE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="t" name="t" namespace="http://luoshi.org/test">
        <decision id="far" name="far">
          <decisionTable id="farTable" hitPolicy="FIRST">
            <input id="in"><inputExpression id="inX" typeRef="double"><text>difference</text></inputExpression></input>
            <output id="out" name="far" typeRef="boolean" />
            <rule id="r1"><inputEntry id="e1"><text>&gt; 10</text></inputEntry><outputEntry id="o1"><text>true</text></outputEntry></rule>
            <rule id="r2"><inputEntry id="e2"><text></text></inputEntry><outputEntry id="o2"><text>false</text></outputEntry></rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  private static DmnDecision parse(DmnEngine engine, String xml) {
    return engine.parseDecision("far", new ByteArrayInputStream(xml.strip().getBytes(StandardCharsets.UTF_8)));
  }

  private static String failure(DmnEngine engine, String xml) {
    DmnDecision decision = parse(engine, xml);
    return assertThatThrownBy(() -> engine.evaluateDecisionTable(decision, Variables.putValue("difference", 3)))
        .actual().getMessage();
  }

  /** The result list, or the failure's class and message. */
  private static String answer(DmnEngine engine, DmnDecision decision, VariableMap inputs) {
    try {
      return engine.evaluateDecision(decision, inputs).getResultList().stream()
          .map(TreeMap::new).toList().toString();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

  /**
   * Inputs for the decisions of one file: for each input of their tables, the numbers and texts the
   * file's rules name, each number one step either side, values beside them and null; then 400
   * combinations drawn with a fixed seed.
   */
  private static List<VariableMap> inputsFor(List<DmnDecision> decisions, String xml) {
    Map<String, String> types = new TreeMap<>();
    for (DmnDecision decision : decisions) {
      if (decision.getDecisionLogic() instanceof DmnDecisionTableImpl table) {
        for (DmnDecisionTableInputImpl input : table.getInputs()) {
          types.put(input.getExpression().getExpression(), input.getExpression().getTypeDefinition().getTypeName());
        }
      }
    }
    Set<Double> numbers = new LinkedHashSet<>(List.of(0.0, 100.0, 1_000.0));
    Matcher n = NUMBER.matcher(xml.replaceAll("(?s)<dmndi:DMNDI>.*", ""));
    while (n.find()) {
      double v = Double.parseDouble(n.group());
      numbers.addAll(List.of(v, v - 1, v + 1, v - 0.1, v + 0.1));
    }
    Set<String> texts = new LinkedHashSet<>(List.of("", "OTHER"));
    Matcher q = QUOTED.matcher(xml);
    while (q.find()) {
      if (!q.group(1).contains(" ") && !q.group(1).contains(":") && !q.group(1).contains("/")) {
        texts.add(q.group(1));
      }
    }
    Random random = new Random(20261207L);
    List<VariableMap> all = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      VariableMap inputs = Variables.createVariables();
      for (Map.Entry<String, String> input : types.entrySet()) {
        Object value = switch (input.getValue() == null ? "" : input.getValue()) {
          case "integer" -> pick(random, numbers.stream().map(Double::longValue).distinct().toList());
          case "double" -> pick(random, numbers.stream().toList());
          case "boolean" -> pick(random, List.of(true, false));
          default -> pick(random, texts.stream().toList());
        };
        inputs.putValue(input.getKey(), random.nextInt(20) == 0 ? null : value);
      }
      all.add(inputs);
    }
    return all;
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
