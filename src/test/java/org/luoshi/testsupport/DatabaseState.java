package org.luoshi.testsupport;

import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What the database holds, to compare before and after a refused request: every row of every
 * Luoshi table (ls_*) and of the engine's runtime and history tables (tasks, variables,
 * executions, jobs, history, byte arrays), column by column. Only the id generator's property row
 * (ACT_GE_PROPERTY) and identity tables are left out: an id block may be fetched in a transaction
 * of its own.
 */
public final class DatabaseState {

  private static final List<String> ENGINE_TABLES = List.of("act_ru_task", "act_ru_variable", "act_ru_execution",
      "act_ru_job", "act_ru_identitylink", "act_ru_authorization", "act_ru_event_subscr", "act_ru_incident",
      "act_ge_bytearray", "act_hi_procinst", "act_hi_taskinst", "act_hi_varinst", "act_hi_detail", "act_hi_op_log",
      "act_hi_actinst", "act_hi_identitylink", "act_hi_comment");

  private final Map<String, List<String>> tables;

  private DatabaseState(Map<String, List<String>> tables) {
    this.tables = tables;
  }

  public static DatabaseState of(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
          String schema = rs.getString("TABLE_SCHEM");
          if (schema != null && (schema.equalsIgnoreCase("information_schema") || schema.equalsIgnoreCase("pg_catalog"))) {
            continue;
          }
          if ((name.startsWith("ls_") || ENGINE_TABLES.contains(name)) && !names.contains(name)) {
            names.add(name);
          }
        }
      }
      Map<String, List<String>> tables = new TreeMap<>();
      try (Statement s = c.createStatement()) {
        for (String name : names) {
          tables.put(name, rows(s, name));
        }
      }
      return new DatabaseState(tables);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> rows(Statement s, String table) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("select * from " + table)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          Object v = rs.getObject(i);
          if (v instanceof byte[] b) {
            v = Base64.getEncoder().encodeToString(b);
          } else if (v instanceof Blob b) {
            v = Base64.getEncoder().encodeToString(b.getBytes(1, (int) b.length()));
          } else if (v instanceof Clob cl) {
            v = cl.getSubString(1, (int) cl.length());
          }
          row.append(meta.getColumnName(i).toLowerCase(Locale.ROOT)).append('=').append(v).append('|');
        }
        rows.add(row.toString());
      }
    }
    rows.sort(null);
    return rows;
  }

  /** The tables whose rows differ from the other state's, with how many rows each had. */
  public Map<String, String> differencesFrom(DatabaseState before) {
    Map<String, String> diff = new LinkedHashMap<>();
    for (var e : tables.entrySet()) {
      List<String> old = before.tables.getOrDefault(e.getKey(), List.of());
      if (!old.equals(e.getValue())) {
        List<String> added = new ArrayList<>(e.getValue());
        added.removeAll(old);
        List<String> removed = new ArrayList<>(old);
        removed.removeAll(e.getValue());
        diff.put(e.getKey(), old.size() + " → " + e.getValue().size() + " rows; new: "
            + cut(added.toString()) + "; gone: " + cut(removed.toString()));
      }
    }
    return diff;
  }

  private static String cut(String s) {
    return s.length() > 400 ? s.substring(0, 400) + "…" : s;
  }
}
