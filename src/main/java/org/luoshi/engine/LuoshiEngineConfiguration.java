package org.luoshi.engine;

import java.util.List;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.CamundaSpringBootUtil;
import org.springframework.context.annotation.Bean;

/**
 * The process engine's configuration: Camunda's Spring one, except that it takes the MyBatis mappings
 * {@link EngineMappings} parsed early instead of parsing them on the main thread. Declared as the Camunda
 * starter declares its own (which then stands back), with the same plugins.
 */
public class LuoshiEngineConfiguration extends SpringProcessEngineConfiguration {

  private boolean mappingsParsedEarly;

  /** Whether this engine took the mappings {@link EngineMappings} parsed early. */
  public boolean mappingsParsedEarly() {
    return mappingsParsedEarly;
  }

  @Override
  protected void initSqlSessionFactory() {
    Configuration parsed = isUseSharedSqlSessionFactory || sqlSessionFactory != null ? null
        : EngineMappings.take(databaseType, databaseTablePrefix);
    if (parsed == null) {
      super.initSqlSessionFactory();
      return;
    }
    // the rest of Camunda's initSqlSessionFactory (7.24)
    parsed.setEnvironment(new Environment("default", transactionFactory, dataSource));
    parsed.setDefaultStatementTimeout(jdbcStatementTimeout);
    if (isJdbcBatchProcessing()) {
      parsed.setDefaultExecutorType(ExecutorType.BATCH);
    }
    sqlSessionFactory = new DefaultSqlSessionFactory(parsed);
    mappingsParsedEarly = true;
  }

  /** The bean, in place of the Camunda starter's {@code processEngineConfigurationImpl}. */
  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  static class Declaration {

    @Bean
    ProcessEngineConfigurationImpl processEngineConfigurationImpl(List<ProcessEnginePlugin> processEnginePlugins) {
      SpringProcessEngineConfiguration configuration = CamundaSpringBootUtil.initCustomFields(new LuoshiEngineConfiguration());
      configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(processEnginePlugins));
      return configuration;
    }
  }
}
