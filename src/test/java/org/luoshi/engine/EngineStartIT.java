package org.luoshi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.LuoshiIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * What a start does beside its main thread, on the database the tests run on: the engine took the MyBatis
 * mappings {@link EngineMappings} parsed early, and Hibernate was bootstrapped on a thread of its own
 * ({@link JpaBootstrapInBackground}).
 */
@LuoshiIT
class EngineStartIT {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired LocalContainerEntityManagerFactoryBean entityManagerFactory;

  @Test
  void theEngineRunsOnTheMappingsParsedBesideTheStart() {
    assertThat(engine.getProcessEngineConfiguration()).isInstanceOf(LuoshiEngineConfiguration.class);
    assertThat(((LuoshiEngineConfiguration) engine.getProcessEngineConfiguration()).mappingsParsedEarly()).isTrue();
    // and they work: a query through them
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("no-such-process").count()).isZero();
  }

  @Test
  void hibernateWasBootstrappedOnAThreadOfItsOwn() {
    assertThat(entityManagerFactory.getBootstrapExecutor()).isNotNull();
    assertThat(entityManagerFactory.getNativeEntityManagerFactory().isOpen()).isTrue();
  }
}
