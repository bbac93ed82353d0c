package org.luoshi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@link EngineMappings}: the mappings parsed early are the ones Camunda parses for the same database. */
class EngineMappingsTest {

  /** Camunda's own parse (ProcessEngineConfigurationImpl.initSqlSessionFactory) for a database type. */
  static final class CamundaParse extends StandaloneProcessEngineConfiguration {
    Configuration parse(String databaseType, String prefix) {
      this.databaseType = databaseType;
      this.databaseTablePrefix = prefix;
      this.dataSource = new UnpooledDataSource();
      this.transactionFactory = new JdbcTransactionFactory();
      initSqlSessionFactory();
      return sqlSessionFactory.getConfiguration();
    }
  }

  /** Each parse takes seconds: every one made once per run. */
  private static final Map<String, Configuration> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

  private static Configuration early(String databaseType) {
    return PARSED.computeIfAbsent("early " + databaseType, k -> EngineMappings.parse(databaseType, ""));
  }

  private static Configuration camunda(String databaseType) {
    return PARSED.computeIfAbsent("camunda " + databaseType, k -> new CamundaParse().parse(databaseType, ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void theEarlyParseHasEveryStatementAndResultMapOfCamundasOwnWithTheSameSql(String databaseType) {
    Map<String, String> camunda = statements(camunda(databaseType));

    assertThat(camunda).hasSizeGreaterThan(500);
    assertThat(statements(early(databaseType))).isEqualTo(camunda);
    assertThat(resultMaps(early(databaseType))).isEqualTo(resultMaps(camunda(databaseType)));
  }

  @Test
  void theDatabasesDifferInTheirSqlSoTheComparisonSeesATypeThatDoesNotMatch() {
    assertThat(statements(early("h2"))).isNotEqualTo(statements(early("postgres")));
  }

  @Test
  void mappingsParsedForOneTypeAreNotTakenForAnotherAndEachParseIsTakenOnce() {
    EngineMappings.start("h2", "probe_");
    assertThat(EngineMappings.take("postgres", "probe_")).isNull();
    assertThat(EngineMappings.take("h2", "other_")).isNull();
    Configuration parsed = EngineMappings.take("h2", "probe_");
    assertThat(parsed).isNotNull();
    assertThat(parsed.getMappedStatement("selectJob").getBoundSql(new HashMap<>()).getSql()).contains("probe_ACT_RU_JOB");
    assertThat(EngineMappings.take("h2", "probe_")).isNull();
  }

  @Test
  void theDatabaseTypeComesFromTheJdbcUrlInCamundasNames() {
    assertThat(EngineMappings.databaseType("jdbc:postgresql://127.0.0.1:5432/luoshi")).isEqualTo("postgres");
    assertThat(EngineMappings.databaseType("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1")).isEqualTo("h2");
    assertThat(EngineMappings.databaseType("jdbc:mysql://db/luoshi")).isNull();
    assertThat(EngineMappings.databaseType(null)).isNull();
  }

  /** Each statement (by its full id) as its kind, result maps and the SQL it gives for an empty parameter. */
  private static Map<String, String> statements(Configuration configuration) {
    Map<String, String> out = new TreeMap<>();
    for (Object o : configuration.getMappedStatements()) {
      if (!(o instanceof MappedStatement ms)) {
        continue; // MyBatis's map holds an ambiguity marker for clashing short names
      }
      String sql;
      try {
        sql = ms.getBoundSql(new HashMap<>()).getSql().replaceAll("\\s+", " ");
      } catch (RuntimeException e) {
        sql = "fails: " + e.getClass().getName();
      }
      out.put(ms.getId(), ms.getSqlCommandType() + " " + ms.getResultMaps().stream().map(ResultMap::getId).toList()
          + " " + sql);
    }
    return out;
  }

  private static Map<String, String> resultMaps(Configuration configuration) {
    Map<String, String> out = new TreeMap<>();
    for (Object o : configuration.getResultMaps()) {
      if (o instanceof ResultMap rm) {
        out.put(rm.getId(), rm.getType() + " " + rm.getMappedColumns());
      }
    }
    return out;
  }
}
