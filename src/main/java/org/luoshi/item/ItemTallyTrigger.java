package org.luoshi.item;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * H2's trigger on ls_item that keeps ls_item_tally (V114) in step with the items, in the same transaction
 * as the change (db/vendor/h2/V115; PostgreSQL has its own in SQL): per row, the old row's key (year of
 * issue, unit, status, source) loses one item and the new row's gains one, with their replies to an
 * instruction. Nothing is written when none of the counted columns changed.
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
  /** Rows per key (V114): the writing thread's number modulo this, so concurrent writers seldom share a row. */
  static final int SHARDS = 16;

  private int issuedOn;
  private int unitCode;
  private int status;
  private int source;
  private int repliedOn;
  private int replyDue;

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
    if (oldRow != null && newRow != null && same(oldRow, newRow)) {
      return;
    }
    if (oldRow != null) {
      add(conn, oldRow, -1);
    }
    if (newRow != null) {
      add(conn, newRow, 1);
    }
  }

  private boolean same(Object[] a, Object[] b) {
    for (int i : new int[] {issuedOn, unitCode, status, source, repliedOn, replyDue}) {
      if (!Objects.equals(a[i], b[i])) {
        return false;
      }
    }
    return true;
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
      ps.setInt(8, (int) (Thread.currentThread().getId() % SHARDS));
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
