package org.luoshi.engine;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The process engine's MyBatis mappings (Camunda's {@code mappings.xml} and the mapping files it names) parsed
 * on a thread of their own as soon as the application's environment is complete, beside the rest of the start,
 * instead of on the main thread when the engine is built: the parse was about a quarter of the main thread's
 * time in a start on an existing database (bench/README.md: start-up). The parse needs only the database type
 * and the table prefix, read from the environment ({@code camunda.bpm.database.type}, else the JDBC URL of
 * {@code spring.datasource.url}); {@link LuoshiEngineConfiguration} takes the parsed mappings when the engine's
 * own type and prefix are the same, and otherwise, or when the early parse failed, parses as Camunda does.
 */
public final class EngineMappings {

  private static final Logger LOG = LoggerFactory.getLogger(EngineMappings.class);

  /** Parses under way or done, by database type and table prefix; each taken once. */
  private static final Map<String, CompletableFuture<Configuration>> PARSED = new ConcurrentHashMap<>();

  private EngineMappings() {}

  /** Starts parsing the mappings for this database type and table prefix on a daemon thread. */
  static void start(String databaseType, String prefix) {
    PARSED.computeIfAbsent(key(databaseType, prefix), k -> {
      CompletableFuture<Configuration> parsed = new CompletableFuture<>();
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      Thread t = new Thread(() -> {
        try {
          parsed.complete(parse(databaseType, prefix));
        } catch (RuntimeException | Error e) {
          parsed.completeExceptionally(e);
        }
      }, "luoshi-engine-mappings");
      t.setContextClassLoader(loader);
      t.setDaemon(true);
      t.start();
      return parsed;
    });
  }

  /**
   * The mappings parsed early for this database type and table prefix, waiting for the parse to end; null when
   * none was started for them, or it failed (logged): the caller then parses them itself.
   */
  static Configuration take(String databaseType, String prefix) {
    CompletableFuture<Configuration> parsed = PARSED.remove(key(databaseType, prefix));
    if (parsed == null) {
      return null;
    }
    try {
      return parsed.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      LOG.warn("The engine's mappings parsed early failed; parsing them again", e.getCause());
      return null;
    }
  }

  /**
   * Camunda's parse of its mappings (ProcessEngineConfigurationImpl.initSqlSessionFactory, 7.24) without the
   * environment (data source, transactions), which the parse does not read: the caller sets it.
   */
  static Configuration parse(String databaseType, String prefix) {
    Properties properties = new Properties();
    properties.put("prefix", prefix);
    ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, prefix, databaseType);
    try (InputStream in = ReflectUtil.getResourceAsStream(ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE)) {
      // Camunda reads it with the platform's charset; the mappings are ASCII
      return new XMLConfigBuilder(new InputStreamReader(in, StandardCharsets.UTF_8), "", properties).parse();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String key(String databaseType, String prefix) {
    return databaseType + "|" + prefix;
  }

  /**
   * The database type Camunda will detect for this JDBC URL (its own names: {@code h2}, {@code postgres}); null
   * for any other database, whose mappings are then parsed when the engine is built.
   */
  static String databaseType(String jdbcUrl) {
    if (jdbcUrl == null) {
      return null;
    }
    String url = jdbcUrl.toLowerCase(Locale.ROOT);
    if (url.startsWith("jdbc:postgresql:")) {
      return "postgres";
    }
    if (url.startsWith("jdbc:h2:")) {
      return "h2";
    }
    return null;
  }

  /**
   * Starts the parse once the context's environment is complete (its initializers have run: a test's database
   * is set by one) and before its beans are defined; registered in META-INF/spring.factories.
   */
  public static final class EarlyStart implements ApplicationListener<ApplicationContextInitializedEvent> {

    @Override
    public void onApplicationEvent(ApplicationContextInitializedEvent event) {
      ConfigurableEnvironment env = event.getApplicationContext().getEnvironment();
      String type = env.getProperty("camunda.bpm.database.type");
      if (type == null || type.isBlank()) {
        type = databaseType(env.getProperty("spring.datasource.url"));
      }
      if (type != null && env.getProperty("camunda.bpm.enabled", Boolean.class, true)) {
        start(type, env.getProperty("camunda.bpm.database.table-prefix", ""));
      }
    }
  }
}
