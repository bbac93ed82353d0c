package org.luoshi.engine;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.support.Repositories;
import org.springframework.stereotype.Component;

/**
 * The JPA repositories are bootstrapped lazily ({@code spring.data.jpa.repositories.bootstrap-mode:
 * lazy}), which takes their query parsing out of start-up; once the application is ready they are
 * built here, on a background thread, so the first requests seldom wait for it.
 */
@Component
class RepositoryWarmUp {

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
        // resolving each repository builds it (its query methods parsed and checked)
        Repositories repositories = new Repositories(context);
        int n = 0;
        for (Class<?> domain : repositories) {
          repositories.getRepositoryFor(domain).ifPresent(r -> r.toString());
          n++;
        }
        Map<String, Repository> beans = context.getBeansOfType(Repository.class);
        beans.values().forEach(Object::toString);
        LOG.info("{} JPA repositories ready in {} ms", Math.max(n, beans.size()), (System.nanoTime() - t0) / 1_000_000);
      } catch (RuntimeException e) {
        LOG.warn("Warming the JPA repositories failed; they are built at first use", e);
      }
    }, "luoshi-repository-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }
}
