package org.luoshi.engine;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Component;

/**
 * The JPA repositories are bootstrapped lazily ({@code spring.data.jpa.repositories.bootstrap-mode:
 * lazy}), which takes the parsing of their queries (about 3 s) out of start-up; as soon as the
 * application is ready they are built here, on a background thread, so a first request seldom waits
 * for it (bench/README.md: start-up). A repository whose query does not parse therefore no longer
 * stops the start; it is logged here, and {@code PlatformIT} builds every repository.
 */
@Component
public class RepositoryWarmUp {

  private static final Logger LOG = LoggerFactory.getLogger(RepositoryWarmUp.class);

  private final ApplicationContext context;

  RepositoryWarmUp(ApplicationContext context) {
    this.context = context;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warm() {
    Thread t = new Thread(() -> {
      long t0 = System.nanoTime();
      try {
        int n = build();
        LOG.info("{} JPA repositories ready in {} ms", n, (System.nanoTime() - t0) / 1_000_000);
      } catch (RuntimeException e) {
        if (context instanceof ConfigurableApplicationContext c && (c.isClosed() || !c.isActive())) {
          // the application stopped while the repositories were being built (a short test, a quick restart):
          // the JPA factory it closed is what failed, not a query
          LOG.info("JPA repositories not all built: the application is stopping");
          return;
        }
        LOG.error("A JPA repository could not be built; requests that use it will fail", e);
      }
    }, "luoshi-repository-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Builds every repository (the lazy proxy creates it, its query methods parsed and checked, on the
   * first call); returns how many there are.
   */
  @SuppressWarnings("rawtypes")
  public int build() {
    Map<String, Repository> repositories = context.getBeansOfType(Repository.class);
    // any call on the lazy proxy resolves its target; toString is answered by the built repository
    repositories.values().forEach(Object::toString);
    return repositories.size();
  }
}
