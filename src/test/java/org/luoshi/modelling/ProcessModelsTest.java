package org.luoshi.modelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every BPMN, DMN and form under {@code processes/} keeps the house rules ({@link ModelRules}):
 * drawn completely, a form on every user task, history time-to-live, ids like the file names,
 * delegates that exist, labelled and conditioned gateway flows. One test per file, so the report
 * names the file and lists every violation in it.
 */
class ProcessModelsTest {

  static final Path ROOT = Path.of("").toAbsolutePath();
  static final ModelRules.Project PROJECT = ModelRules.Project.at(ROOT);

  @TestFactory
  Stream<DynamicTest> everyModelKeepsTheHouseRules() {
    List<Path> files = ModelRules.modelFiles(PROJECT.processes());
    return files.stream().map(file -> DynamicTest.dynamicTest(PROJECT.processes().relativize(file).toString(), () -> {
      List<String> violations = ModelRules.check(file, PROJECT);
      assertThat(violations)
          .as("%s breaks the modelling rules (docs/MODELLING.md):%n  %s", PROJECT.processes().relativize(file),
              String.join(System.lineSeparator() + "  ", violations))
          .isEmpty();
    }));
  }

  @Test
  void theModellersRoomHoldsProcessesAndDecisions() {
    List<Path> files = ModelRules.modelFiles(PROJECT.processes());
    assertThat(files).anyMatch(f -> f.toString().endsWith(".bpmn"));
    assertThat(files).anyMatch(f -> f.toString().endsWith(".dmn"));
    assertThat(PROJECT.beans()).as("beans found in src/main/java").containsKey("itemNotice");
  }
}
