package org.luoshi.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Browser tests on the running application ({@code @LuoshiIT @ExtendWith(BrowserExtension.class)}):
 *
 * <ul>
 *   <li>skips the class when Chromium or chromedriver is missing, unless the system property
 *       {@code luoshi.browser.required} is true (CI sets it; the test then fails, saying what to install);
 *   <li>resolves a {@link Browser} parameter of a test: a fresh Chinese browser on the application's port;
 *   <li>after each test saves a screenshot of every browser it opened when the test failed
 *       (target/screenshots/{Class}-{method}-FAILED.png) and closes them.
 * </ul>
 */
public class BrowserExtension
    implements ExecutionCondition, ParameterResolver, BeforeEachCallback, AfterEachCallback {

  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BrowserExtension.class);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (Browser.installed()) {
      return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
    }
    if (Browser.required()) {
      return ConditionEvaluationResult.enabled("luoshi.browser.required=true: fails without Chromium");
    }
    return ConditionEvaluationResult.disabled("No " + Browser.CHROMIUM + " or " + Browser.CHROMEDRIVER
        + " (and luoshi.browser.required is not true): browser test skipped");
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Browser.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Browser browser = Browser.open(baseUrl(context));
    browsers(context).add(browser);
    return browser;
  }

  /** The application's address: http://localhost:{local.server.port} of the test's Spring context. */
  public static String baseUrl(ExtensionContext context) {
    String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
    if (port == null) {
      throw new IllegalStateException("Browser tests need the application on a port: use @LuoshiIT");
    }
    return "http://localhost:" + port;
  }

  /** A failure screenshot left by an earlier run of this test would mislead whoever looks: removed. */
  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    String prefix = failurePrefix(context);
    if (Files.isDirectory(Browser.SCREENSHOTS)) {
      try (var old = Files.list(Browser.SCREENSHOTS)) {
        for (Path p : old.filter(p -> p.getFileName().toString().startsWith(prefix)
            && p.getFileName().toString().endsWith("-FAILED.png")).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static String failurePrefix(ExtensionContext context) {
    return context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<Browser> open = browsers(context);
    try {
      if (context.getExecutionException().isPresent()) {
        for (int i = 0; i < open.size(); i++) {
          try {
            open.get(i).screenshot(failurePrefix(context) + (i == 0 ? "" : "-" + i) + "-FAILED");
          } catch (RuntimeException e) {
            // the browser itself died: nothing to show
          }
        }
      }
    } finally {
      for (Browser b : open) {
        b.close();
      }
      open.clear();
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Browser> browsers(ExtensionContext context) {
    return (List<Browser>) context.getStore(NS).getOrComputeIfAbsent("browsers", k -> new ArrayList<Browser>());
  }
}
