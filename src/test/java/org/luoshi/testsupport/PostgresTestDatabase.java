package org.luoshi.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * When the tests run with {@code -Dluoshi.test.database=postgres} (Maven profile "postgres"), each
 * Spring test context gets a database of its own, created here on the PostgreSQL server at
 * {@code LUOSHI_TEST_PG_URL} (default 127.0.0.1:5432, user postgres). An unreachable server fails
 * the tests: it is never a skip. Databases left by earlier runs (named with their creation time)
 * are dropped once they are three hours old and unused, so parallel runs never lose theirs.
 */
public class PostgresTestDatabase
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  static final String PREFIX = "luoshi_t_";
  private static boolean cleaned;

  public static boolean active() {
    return "postgres".equalsIgnoreCase(System.getProperty("luoshi.test.database", "h2"));
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    if (!active()) {
      return;
    }
    String server = System.getenv().getOrDefault("LUOSHI_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    String user = System.getenv().getOrDefault("LUOSHI_TEST_PG_USER", "postgres");
    String password = System.getenv().getOrDefault("LUOSHI_TEST_PG_PASSWORD", "");
    // a test that restarts the application passes the same name twice (see databaseName)
    String given = context.getEnvironment().getProperty("luoshi.test.database-name");
    String name = given != null ? given : databaseName();
    if (!name.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("Not a test database name: " + name);
    }
    try (Connection c = DriverManager.getConnection(server + "postgres", user, password);
        Statement s = c.createStatement()) {
      dropLeftovers(s);
      boolean exists;
      try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
        exists = rs.next();
      }
      if (!exists) {
        s.execute("create database " + name);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL test database could not be created at " + server
          + " (is PostgreSQL running? see .ci/run): " + e.getMessage(), e);
    }
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgres-test",
        Map.of(
            "spring.datasource.url", server + name,
            "spring.datasource.username", user,
            "spring.datasource.password", password,
            "spring.datasource.hikari.maximum-pool-size", "6",
            "spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true")));
  }

  /** A fresh name for a test database (dropped by a later run once three hours old). */
  public static String databaseName() {
    return PREFIX + (System.currentTimeMillis() / 1000) + "_"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  private static synchronized void dropLeftovers(Statement s) throws SQLException {
    if (cleaned) {
      return;
    }
    cleaned = true;
    List<String> old = new ArrayList<>();
    // starts_with, not like: like's _ matches any character, and luoshi_tally… is not one of ours
    try (ResultSet rs = s.executeQuery(
        "select datname from pg_database where starts_with(datname, '" + PREFIX + "')"
            + " and datname not in (select datname from pg_stat_activity where datname is not null)")) {
      long cutoff = System.currentTimeMillis() / 1000 - 3 * 3600;
      while (rs.next()) {
        String db = rs.getString(1);
        String[] parts = db.substring(PREFIX.length()).split("_");
        try {
          if (Long.parseLong(parts[0]) < cutoff) {
            old.add(db);
          }
        } catch (NumberFormatException e) {
          old.add(db); // an older naming scheme
        }
      }
    }
    for (String db : old) {
      try {
        s.execute("drop database if exists " + db);
      } catch (SQLException inUse) {
        // another test run on this machine is using it
      }
    }
  }
}
