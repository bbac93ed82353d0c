package org.luoshi.testsupport;

import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * The extension every fast process test registers:
 * {@code @RegisterExtension static ProcessEngineCoverageExtension engine = ProcessTests.engine();}
 * An in-memory engine from luoshi-engine-test.cfg.xml with flow-node coverage; the report lands in
 * target/process-test-coverage/. (Not named camunda.cfg.xml: Camunda's ProcessEngines registry builds
 * an engine from any camunda.cfg.xml on the classpath the first time an engine is looked up by
 * name, which in the Spring tests would replace the application's engine behind /engine-rest.)
 */
public final class ProcessTests {

  /** The lowest flow-node coverage a model's test class may reach (issue #9). */
  public static final double MIN_CLASS_COVERAGE = 0.9;

  /** The engine configuration of the fast process tests. */
  public static final String CONFIGURATION = "luoshi-engine-test.cfg.xml";

  private ProcessTests() {}

  public static ProcessEngineCoverageExtension engine() {
    return ProcessEngineCoverageExtension.builder(CONFIGURATION).build();
  }
}
