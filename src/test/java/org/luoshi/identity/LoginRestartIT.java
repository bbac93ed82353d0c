package org.luoshi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiApplication;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.PostgresTestDatabase;
import org.luoshi.testsupport.TestOrganisation;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13 point 3, "a restart does not help": after a stranger's 150 wrong passwords the account
 * is throttled (for the default five minutes), and the application restarted on the same database
 * lets its owner in at the first attempt: nothing of the throttle, and no lock, was kept.
 */
class LoginRestartIT {

  static final String WRONG = "Wrong-Passw0rd!";

  @Test
  void aRestartForgetsTheThrottleAndTheDatabaseHoldsNoLock() {
    List<String> args = new ArrayList<>(List.of("--server.port=0"));
    if (PostgresTestDatabase.active()) {
      args.add("--luoshi.test.database-name=" + PostgresTestDatabase.databaseName());
    } else {
      Path dir = Path.of("target", "restart-" + UUID.randomUUID()).toAbsolutePath();
      args.add("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("luoshi") + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
    }

    Map<String, Object> lockBefore;
    try (ConfigurableApplicationContext first = start(args)) {
      TestOrganisation.create(first.getBean(IdentityService.class));
      Http http = new Http(port(first));
      lockBefore = lockColumns(first);
      int throttled = 0;
      for (int i = 0; i < 150; i++) {
        int status = http.as("t1a", WRONG + i).get("/engine-rest/task").status();
        assertThat(status).isIn(401, 429);
        throttled += status == 429 ? 1 : 0;
      }
      assertThat(throttled).isGreaterThanOrEqualTo(140);
      assertThat(http.as("t1a").get("/engine-rest/task").status()).as("still throttled before the restart")
          .isEqualTo(429);
    }

    try (ConfigurableApplicationContext second = start(args)) {
      Http http = new Http(port(second));
      assertThat(http.as("t1a").get("/engine-rest/task").status()).as("first attempt after the restart")
          .isEqualTo(200);
      assertThat(lockColumns(second)).isEqualTo(lockBefore);
      assertThat(lockColumns(second).get("LOCKEXP")).isNull();
    }
  }

  private static ConfigurableApplicationContext start(List<String> args) {
    return new SpringApplicationBuilder(LuoshiApplication.class).profiles("test").run(args.toArray(String[]::new));
  }

  private static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  private static Map<String, Object> lockColumns(ConfigurableApplicationContext context) {
    return context.getBean(JdbcTemplate.class).queryForMap(
        "select ATTEMPTS_ as attempts, LOCK_EXP_TIME_ as lockExp from ACT_ID_USER where ID_ = 't1a'");
  }
}
