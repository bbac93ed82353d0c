package org.luoshi.testsupport;

import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * The extension every fast process test registers:
 * {@code @RegisterExtension static ProcessEngineCoverageExtension engine = ProcessTests.engine();}
 * An in-memory engine from {@link #CONFIGURATION} with flow-node coverage (at least
 * {@link #MIN_CLASS_COVERAGE} of the class's models); the report lands in
 * target/process-test-coverage/. The file must not be called camunda.cfg.xml: /engine-rest looks
 * engines up through {@code ProcessEngines}, which would build and register that file's engine as
 * "default" in every Spring test and answer REST calls from it.
 */
public final class ProcessTests {

  /** The engine configuration of the fast tests. */
  public static final String CONFIGURATION = "luoshi-engine-test.cfg.xml";

  /** The lowest flow-node coverage a model's test class may reach (issue #9). */
  public static final double MIN_CLASS_COVERAGE = 0.9;

  private ProcessTests() {}

  public static ProcessEngineCoverageExtension engine() {
    return ProcessEngineCoverageExtension.builder()
        .configurationResource(CONFIGURATION)
        .assertClassCoverageAtLeast(MIN_CLASS_COVERAGE)
        .build();
  }
}
