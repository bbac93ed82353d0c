package org.luoshi.testsupport;

import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * The extension every fast process test registers:
 * {@code @RegisterExtension static ProcessEngineCoverageExtension engine = ProcessTests.engine();}
 * An in-memory engine from camunda-test.cfg.xml with flow-node coverage; the report lands in
 * target/process-test-coverage/. The file must not be called camunda.cfg.xml: /engine-rest looks
 * engines up through {@code ProcessEngines}, which would build and register that file's engine as
 * "default" in every Spring test and answer REST calls from it.
 */
public final class ProcessTests {

  /** The lowest flow-node coverage a model's test class may reach (issue #9). */
  public static final double MIN_CLASS_COVERAGE = 0.9;

  /** The engine configuration of the fast process tests (test resources). */
  public static final String CONFIGURATION = "camunda-test.cfg.xml";

  private ProcessTests() {}

  public static ProcessEngineCoverageExtension engine() {
    return ProcessEngineCoverageExtension.builder().configurationResource(CONFIGURATION).build();
  }
}
