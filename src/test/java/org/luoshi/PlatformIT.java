package org.luoshi;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.luoshi.engine.DatabaseInfo;
import org.luoshi.engine.ProcessModelDeployer;
import org.luoshi.engine.RepositoryWarmUp;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.PostgresTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;

@LuoshiIT
class PlatformIT {

  @Autowired ProcessEngine engine;
  @Autowired DatabaseInfo database;
  @Autowired Flyway flyway;
  @Autowired ProcessModelDeployer deployer;
  @Autowired RepositoryWarmUp repositories;

  @Test
  void contextStartsOnTheDatabaseTheSuiteRunsOn() {
    String expected = PostgresTestDatabase.active() ? "PostgreSQL" : "H2";
    assertThat(database.product()).isEqualTo(expected);
    assertThat(engine.getName()).isNotBlank();
  }

  @Test
  void everyRepositoryBuilds() {
    // the repositories are bootstrapped lazily (a broken query no longer stops the start): build them all
    assertThat(repositories.build()).isGreaterThanOrEqualTo(20);
  }

  @Test
  void everyMigrationIsApplied() {
    var info = flyway.info();
    assertThat(info.all()).isNotEmpty();
    assertThat(info.pending()).isEmpty();
    assertThat(info.all()).allSatisfy(m -> assertThat(m.getState().isApplied()).as(m.getScript()).isTrue());
    assertThat(info.all()).noneSatisfy(m -> assertThat(m.getState().isFailed()).isTrue());
  }

  @Test
  void engineRunsInBeijingTimeWithFullHistory() {
    assertThat(java.util.TimeZone.getDefault().getID()).isEqualTo("Asia/Shanghai");
    var config = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.getHistory()).isEqualTo("full");
    assertThat(config.isAuthorizationEnabled()).isTrue();
    assertThat(config.getGeneralResourceWhitelistPattern()).isEqualTo("[a-zA-Z0-9._-]+");
  }

  @Test
  void anUnchangedRestartDeploysNothing() {
    long before = engine.getRepositoryService().createDeploymentQuery()
        .deploymentName(ProcessModelDeployer.DEPLOYMENT_NAME).count();
    assertThat(deployer.deploy(engine)).isNull();
    assertThat(engine.getRepositoryService().createDeploymentQuery()
        .deploymentName(ProcessModelDeployer.DEPLOYMENT_NAME).count()).isEqualTo(before);
  }
}
