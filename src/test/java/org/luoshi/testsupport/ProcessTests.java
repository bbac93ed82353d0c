package org.luoshi.testsupport;

import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * The extension every fast process test registers:
 * {@code @RegisterExtension static ProcessEngineCoverageExtension engine = ProcessTests.engine();}
 * An in-memory engine from luoshi-engine-test.cfg.xml with flow-node coverage; the report lands in
 * target/process-test-coverage/.
 */
public final class ProcessTests {

  /** The lowest flow-node coverage a model's test class may reach (issue #9). */
  public static final double MIN_CLASS_COVERAGE = 0.9;

  private ProcessTests() {}

  public static ProcessEngineCoverageExtension engine() {
    return ProcessEngineCoverageExtension.builder().configurationResource("luoshi-engine-test.cfg.xml").build();
  }
}
