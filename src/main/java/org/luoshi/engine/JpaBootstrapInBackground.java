package org.luoshi.engine;

import org.springframework.boot.autoconfigure.orm.jpa.EntityManagerFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Hibernate's bootstrap (about 2 s of a start on this machine: the entity model, the schema validated) runs on a
 * thread of its own, beside the process engine's (its MyBatis mappings, about 3.5 s), instead of before it on
 * the main thread; whoever first needs the JPA factory (the engine's first transaction, a repository) waits for
 * it, and a bootstrap that fails fails the start there. Spring Boot does this by itself for lazy repositories
 * only when the context has exactly one task executor or one named {@code applicationTaskExecutor}; beside
 * Camunda's job executor this context has more than one and none of that name, so Hibernate started on the
 * main thread (bench/README.md: start-up).
 */
@Configuration(proxyBeanMethods = false)
class JpaBootstrapInBackground {

  @Bean
  EntityManagerFactoryBuilderCustomizer jpaBootstrapExecutor() {
    return builder -> {
      SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("luoshi-jpa-bootstrap-");
      executor.setDaemon(true);
      builder.setBootstrapExecutor(executor);
    };
  }
}
