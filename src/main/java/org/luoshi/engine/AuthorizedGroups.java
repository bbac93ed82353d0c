package org.luoshi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Camunda's authorization checks, without reading every group that holds an authorization first.
 *
 * <p>Before its first authorization check in a command, Camunda's {@code AuthorizationManager} asks
 * {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION} and keeps of the person's groups only those
 * in the answer (so that a person in hundreds of groups is checked with the few that hold authorizations).
 * That reads the whole table, and Luoshi grants READ per item, per task and per co-unit (about 29 rows a
 * lifecycle, kept until history cleanup): at 100,000 items 2.9 million rows, about 200 ms on every
 * command of every signed-in person (PostgreSQL 15, bench/README.md). Here the same filter asks, for
 * each of the person's groups, whether it holds any authorization: one index probe a group, whatever
 * the size of the table, and the same groups as Camunda's answer.
 */
@Component
class AuthorizedGroups extends AbstractProcessEnginePlugin {

  /** Groups asked about in one statement. */
  static final int CHUNK = 50;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineSessions.replace(configuration, AuthorizationManager.class, Manager::new);
  }

  /** Camunda's authorization manager; a command's answers are kept for the command, as Camunda's are. */
  static final class Manager extends AuthorizationManager {

    private final Set<String> holding = new HashSet<>();
    private final Set<String> asked = new HashSet<>();

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      // a mutable list, as the engine's own: MyBatis calls size() on it by reflection
      List<String> groups = new ArrayList<>();
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
        return groups;
      }
      Set<String> wanted = new LinkedHashSet<>();
      authenticatedGroupIds.stream().filter(Objects::nonNull).forEach(wanted::add);
      List<String> unknown = wanted.stream().filter(g -> !asked.contains(g)).toList();
      for (int i = 0; i < unknown.size(); i += CHUNK) {
        List<String> part = unknown.subList(i, Math.min(i + CHUNK, unknown.size()));
        holding.addAll(holdingAuthorizations(part));
        asked.addAll(part);
      }
      wanted.stream().filter(holding::contains).forEach(groups::add);
      return groups;
    }

    /** Which of these groups hold at least one authorization, asked in the command's own connection. */
    private static List<String> holdingAuthorizations(List<String> groups) {
      String table = Context.getProcessEngineConfiguration().getDatabaseTablePrefix() + "ACT_RU_AUTHORIZATION";
      StringBuilder sql = new StringBuilder("select G.GROUP_ID_ from (");
      for (int i = 0; i < groups.size(); i++) {
        sql.append(i == 0 ? "" : " union all ").append("select cast(? as varchar(255)) as GROUP_ID_");
      }
      sql.append(") G where exists (select 1 from ").append(table).append(" A where A.GROUP_ID_ = G.GROUP_ID_)");
      Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
      List<String> found = new ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
        for (int i = 0; i < groups.size(); i++) {
          statement.setString(i + 1, groups.get(i));
        }
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            found.add(rows.getString(1));
          }
        }
      } catch (SQLException e) {
        throw new ProcessEngineException("Could not read which groups hold authorizations", e);
      }
      return found;
    }
  }
}
