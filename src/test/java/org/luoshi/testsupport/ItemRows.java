package org.luoshi.testsupport;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Items written straight into ls_item for the tests of figures (rankings, calibration, assessment):
 * issued 2026-01-05 by office1, led by leader1, due 2026-03-31; the rest as given.
 */
public final class ItemRows {

  private ItemRows() {}

  /** Inserts an item with this id (code ZR-2026-&lt;id&gt;); dates as ISO text, the final score as text. */
  public static long insert(JdbcTemplate jdbc, long id, String unit, String person, String status, String finalScore,
      String closedAt, String overdueSince, Instant createdAt) {
    jdbc.update("""
        insert into ls_item (id, version, code, title, source, category, unit_code, lead_leader, responsible_person,
          target, issued_on, issued_by, deadline, original_deadline, extended, status, progress_percent, yellow_from,
          overdue_since, final_score, closed_at, issue_round, submission_round, created_at)
        values (?, 0, ?, '测试', 'KEY_TASK', 'OTHER', ?, 'leader1', ?, '目标', date '2026-01-05', 'office1',
          date '2026-03-31', date '2026-03-31', false, ?, 0, date '2026-03-28', ?, ?, ?, 1, 1, ?)""",
        id, "ZR-2026-" + id, unit, person, status,
        overdueSince == null ? null : Date.valueOf(overdueSince),
        finalScore == null ? null : new BigDecimal(finalScore),
        closedAt == null ? null : Timestamp.from(Instant.parse(closedAt)), Timestamp.from(createdAt));
    return id;
  }
}
