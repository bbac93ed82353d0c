package org.luoshi.item;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.h2.api.Trigger;

/**
 * H2's trigger on ls_item that keeps ls_item_tally (V114) and ls_item_open_tally (V117) in step with the
 * items, in the same transaction as the change (db/vendor/h2/V115; PostgreSQL has its own in SQL, V115 and
 * V118): per row, the old row's key (year of issue, unit, status, source) loses one item and the new row's
 * gains one, with their replies to an instruction; and, for an open item ({@link ItemStatus#OPEN}), the key
 * (year of issue, first day of the deadline's month, unit) of ls_item_open_tally likewise.
 * Nothing is written to a table none of whose counted columns changed.
 */
public class ItemTallyTrigger implements Trigger {

  private static final String MERGE = """
      merge into ls_item_tally t
      using (values (cast(? as integer), cast(? as varchar(64)), cast(? as varchar(20)), cast(? as varchar(20)),
                     cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as smallint)))
            as d(issued_year, unit_code, status, source, items, replied, replied_on_time, shard)
      on t.issued_year = d.issued_year and t.unit_code = d.unit_code and t.status = d.status and t.source = d.source
         and t.shard = d.shard
      when matched then update set items = t.items + d.items, replied = t.replied + d.replied,
                                   replied_on_time = t.replied_on_time + d.replied_on_time
      when not matched then insert (issued_year, unit_code, status, source, items, replied, replied_on_time, shard)
                            values (d.issued_year, d.unit_code, d.status, d.source, d.items, d.replied, d.replied_on_time,
                                    d.shard)""";
  private static final String MERGE_OPEN = """
      merge into ls_item_open_tally t
      using (values (cast(? as integer), cast(? as date), cast(? as varchar(64)), cast(? as bigint), cast(? as smallint)))
            as d(issued_year, deadline_month, unit_code, items, shard)
      on t.issued_year = d.issued_year and t.deadline_month = d.deadline_month and t.unit_code = d.unit_code
         and t.shard = d.shard
      when matched then update set items = t.items + d.items
      when not matched then insert (issued_year, deadline_month, unit_code, items, shard)
                            values (d.issued_year, d.deadline_month, d.unit_code, d.items, d.shard)""";
  /** The names of ItemStatus.OPEN, as the status column holds them. */
  private static final Set<String> OPEN = ItemStatus.OPEN.stream().map(Enum::name).collect(Collectors.toUnmodifiableSet());
  /** Rows per key (V114): the writing thread's number modulo this, so concurrent writers seldom share a row. */
  static final int SHARDS = 16;

  private int issuedOn;
  private int unitCode;
  private int status;
  private int source;
  private int repliedOn;
  private int replyDue;
  private int deadline;

  @Override
  public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
      throws SQLException {
    Map<String, Integer> columns = new HashMap<>();
    try (PreparedStatement ps = conn.prepareStatement("select column_name, ordinal_position from information_schema.columns"
        + " where table_schema = ? and table_name = ?")) {
      ps.setString(1, schemaName);
      ps.setString(2, tableName);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getInt(2) - 1);
        }
      }
    }
    issuedOn = column(columns, "issued_on");
    unitCode = column(columns, "unit_code");
    status = column(columns, "status");
    source = column(columns, "source");
    repliedOn = column(columns, "replied_on");
    replyDue = column(columns, "reply_due");
    deadline = column(columns, "deadline");
  }

  private static int column(Map<String, Integer> columns, String name) throws SQLException {
    Integer i = columns.get(name);
    if (i == null) {
      throw new SQLException("ls_item has no column " + name);
    }
    return i;
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    if (oldRow == null || newRow == null
        || !same(oldRow, newRow, issuedOn, unitCode, status, source, repliedOn, replyDue)) {
      if (oldRow != null) {
        add(conn, oldRow, -1);
      }
      if (newRow != null) {
        add(conn, newRow, 1);
      }
    }
    List<Object> oldOpen = openKey(oldRow);
    List<Object> newOpen = openKey(newRow);
    if (!Objects.equals(oldOpen, newOpen)) {
      if (oldOpen != null) {
        addOpen(conn, oldOpen, -1);
      }
      if (newOpen != null) {
        addOpen(conn, newOpen, 1);
      }
    }
  }

  private static boolean same(Object[] a, Object[] b, int... columns) {
    for (int i : columns) {
      if (!Objects.equals(a[i], b[i])) {
        return false;
      }
    }
    return true;
  }

  /** The row's key in ls_item_open_tally: year of issue, first day of the deadline's month, unit; null if not open. */
  private List<Object> openKey(Object[] row) {
    if (row == null || !OPEN.contains(row[status])) {
      return null;
    }
    return List.of(date(row[issuedOn]).getYear(), date(row[deadline]).withDayOfMonth(1), row[unitCode]);
  }

  private static void addOpen(Connection conn, List<Object> key, int sign) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(MERGE_OPEN)) {
      ps.setInt(1, (Integer) key.get(0));
      ps.setObject(2, key.get(1));
      ps.setString(3, (String) key.get(2));
      ps.setLong(4, sign);
      ps.setInt(5, shard());
      ps.executeUpdate();
    }
  }

  private static int shard() {
    return (int) (Thread.currentThread().getId() % SHARDS);
  }

  private void add(Connection conn, Object[] row, int sign) throws SQLException {
    LocalDate replied = date(row[repliedOn]);
    LocalDate due = date(row[replyDue]);
    try (PreparedStatement ps = conn.prepareStatement(MERGE)) {
      ps.setInt(1, date(row[issuedOn]).getYear());
      ps.setString(2, (String) row[unitCode]);
      ps.setString(3, (String) row[status]);
      ps.setString(4, (String) row[source]);
      ps.setLong(5, sign);
      ps.setLong(6, replied == null ? 0 : sign);
      ps.setLong(7, replied != null && due != null && !replied.isAfter(due) ? sign : 0);
      ps.setInt(8, shard());
      ps.executeUpdate();
    }
  }

  private static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    return LocalDate.parse(value.toString());
  }
}
