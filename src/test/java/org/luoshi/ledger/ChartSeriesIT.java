package org.luoshi.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The series behind the charts (/api/stats/monthly, /api/stats/lights, /api/interviews/stats/monthly,
 * /api/scoring/distribution) on a data set written straight into the tables for 2025, so every
 * figure can be worked out by hand: Beijing months, each viewer only what they may see, and the
 * same totals as the figures the ledger already shows.
 */
@LuoshiIT
class ChartSeriesIT {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  Http http;
  static final AtomicLong ids = new AtomicLong(700_000);
  static boolean loaded;

  @BeforeEach
  void setUp() {
    TestOrganisation.create(identity);
    http = new Http(port);
    if (!loaded) {
      load();
      loaded = true;
    }
  }

  /** An item of the given unit, leader and responsible person; dates as ISO text (null = none). */
  long item(String unit, String leader, String person, String issuedOn, String deadline, String yellowFrom,
      String status, String overdueSince, String closedAt, String finalScore) {
    long id = ids.incrementAndGet();
    jdbc.update("""
        insert into ls_item (id, version, code, title, source, category, unit_code, lead_leader, responsible_person,
          target, issued_on, issued_by, deadline, original_deadline, extended, status, progress_percent, yellow_from,
          overdue_since, final_score, closed_at, issue_round, submission_round, created_at)
        values (?, 0, ?, '图表测试', 'KEY_TASK', 'OTHER', ?, ?, ?, '目标', ?, 'office1', ?, ?, false, ?, 0, ?, ?, ?, ?, 1, 1, ?)""",
        id, "ZR-2025-" + id, unit, leader, person, Date.valueOf(issuedOn), Date.valueOf(deadline),
        Date.valueOf(deadline), status, Date.valueOf(yellowFrom),
        overdueSince == null ? null : Date.valueOf(overdueSince),
        finalScore == null ? null : new BigDecimal(finalScore),
        closedAt == null ? null : Timestamp.from(Instant.parse(closedAt)), Timestamp.from(Instant.now()));
    return id;
  }

  void review(long item, String level, String reviewer, boolean approved, String at) {
    jdbc.update("""
        insert into ls_review_record (id, item_id, level, submission_round, reviewer, approved, quality_score, reviewed_at)
        values (?, ?, ?, 1, ?, ?, 85, ?)""", ids.incrementAndGet(), item, level, reviewer, approved,
        Timestamp.from(Instant.parse(at)));
  }

  void interview(String level, String status, String heldAt, boolean attended) {
    long id = ids.incrementAndGet();
    jdbc.update("""
        insert into ls_interview (id, code, start_year, trigger_code, method, earlier_interviews, interviewer,
          interviewer_level, subject, origin, started_by, created_at, status, held_at, version)
        values (?, ?, 2025, 'POOR_IMPLEMENTATION', 'REMINDER', 0, 'leader1', ?, '约谈', 'MANUAL', 'office1', ?, ?, ?, 0)""",
        id, "YT-2025-" + id, level, Timestamp.from(Instant.parse("2025-01-01T00:00:00Z")), status,
        heldAt == null ? null : Timestamp.from(Instant.parse(heldAt)));
    jdbc.update("insert into ls_interview_person (interview_id, user_id, position, attended) values (?, 't1a', 0, ?)",
        id, attended);
  }

  void load() {
    // closed 2025-04-01 00:30 Beijing time (still March in UTC): an April closure
    long a = item("T1", "leader1", "t1a", "2025-01-10", "2025-05-31", "2025-05-28", "CLOSED", null,
        "2025-03-31T16:30:00Z", "92.0");
    long b = item("T1", "leader1", "t1a", "2025-01-20", "2025-01-31", "2025-01-28", "CLOSED", "2025-02-01",
        "2025-02-10T02:00:00Z", "78.0");
    item("T2", "leader2", "t2a", "2025-02-05", "2025-03-01", "2025-02-26", "IN_PROGRESS", "2025-03-02", null, null); // red
    item("T2", "leader1", "t2a", "2025-03-15", "2099-12-31", "2099-12-28", "IN_PROGRESS", null, null, null);         // green
    item("T3", "leader2", null, "2025-12-31", "2099-01-01", "2025-12-31", "ISSUED", null, null, null);              // yellow
    item("T1", "leader2", null, "2025-06-01", "2025-09-30", "2025-09-27", "CANCELLED", null, null, null);
    // issued in 2024, closed in January 2025: a closure of 2025, not an item of 2025's ledger
    long c = item("T3", "leader2", "t3a", "2024-12-31", "2025-01-31", "2025-01-28", "CLOSED", null,
        "2025-01-15T02:00:00Z", "65.0");

    // office1 passed a twice (two rounds: one item), returned b once and then passed it, passed c
    review(a, "OFFICE", "office1", true, "2025-03-20T02:00:00Z");
    review(a, "OFFICE", "office1", true, "2025-03-25T02:00:00Z");
    review(b, "OFFICE", "office1", false, "2025-02-03T02:00:00Z");
    review(b, "OFFICE", "office1", true, "2025-02-06T02:00:00Z");
    review(c, "OFFICE", "office1", true, "2025-01-10T02:00:00Z");
    review(a, "LEADER", "leader1", true, "2025-03-28T02:00:00Z");
    // a review of 2024 does not count for 2025
    review(c, "LEADER", "leader2", true, "2024-12-30T02:00:00Z");

    // held 2025-02-01 01:00 Beijing (January in UTC): a February session
    interview("COUNTY", "RECORDED", "2025-01-31T17:00:00Z", true);
    interview("COUNTY", "HELD", "2025-02-15T02:00:00Z", true);
    interview("UNIT", "RECORDED", "2025-02-20T02:00:00Z", true);
    interview("UNIT", "RECORDED", "2025-07-01T02:00:00Z", true);
    interview("UNIT", "RECORDED", "2025-08-01T02:00:00Z", false);  // nobody came: not a session
    interview("COUNTY", "CANCELLED", "2025-09-01T02:00:00Z", true); // cancelled: not a session
    interview("COUNTY", "NOTIFIED", null, false);
  }

  private static List<Long> series(JsonNode monthly, String field) {
    List<Long> out = new ArrayList<>();
    monthly.get("months").forEach(m -> out.add(m.get(field).asLong()));
    return out;
  }

  private JsonNode get(String user, String path) {
    Http.Response r = http.as(user).get(path);
    assertThat(r.status()).as(user + " " + path + ": " + r).isEqualTo(200);
    return r.json();
  }

  @Test
  void theOfficeSeesTheDistrictMonthByBeijingMonth() {
    JsonNode m = get("office1", "/api/stats/monthly?year=2025");
    assertThat(m.get("year").asInt()).isEqualTo(2025);
    assertThat(m.get("months")).hasSize(12);
    assertThat(series(m, "issued")).containsExactly(2L, 1L, 1L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 1L);
    assertThat(series(m, "closed")).containsExactly(1L, 1L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
    assertThat(series(m, "overdue")).containsExactly(0L, 1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
    // the months add up to the seed's figure the ledger shows
    long issued = series(m, "issued").stream().mapToLong(Long::longValue).sum();
    assertThat(get("office1", "/api/stats?year=2025").get("total").get("issued").asLong()).isEqualTo(issued);

    JsonNode lights = get("principal1", "/api/stats/lights?year=2025");
    assertThat(lights.get("red").asLong()).isEqualTo(1);
    assertThat(lights.get("yellow").asLong()).isEqualTo(1);
    assertThat(lights.get("green").asLong()).isEqualTo(1);
  }

  @Test
  void aLeaderCountsOnlyTheItemsTheyLead() {
    JsonNode m = get("leader1", "/api/stats/monthly?year=2025");
    assertThat(series(m, "issued")).containsExactly(2L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
    assertThat(series(m, "closed")).containsExactly(0L, 1L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
    assertThat(series(m, "overdue")).containsExactly(0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
    JsonNode lights = get("leader1", "/api/stats/lights?year=2025");
    assertThat(List.of(lights.get("red").asLong(), lights.get("yellow").asLong(), lights.get("green").asLong()))
        .containsExactly(0L, 0L, 1L);
  }

  @Test
  void unitStaffCountTheirUnitsItemsOnly() {
    JsonNode t2 = get("t2a", "/api/stats/monthly?year=2025");
    assertThat(series(t2, "issued")).containsExactly(0L, 1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
    assertThat(series(t2, "closed")).containsOnly(0L);
    assertThat(series(t2, "overdue")).containsExactly(0L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
    JsonNode t2Lights = get("t2a", "/api/stats/lights?year=2025");
    assertThat(List.of(t2Lights.get("red").asLong(), t2Lights.get("yellow").asLong(), t2Lights.get("green").asLong()))
        .containsExactly(1L, 0L, 1L);

    JsonNode t1 = get("t1b", "/api/stats/monthly?year=2025");
    assertThat(series(t1, "issued")).containsExactly(2L, 0L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L);
    assertThat(series(t1, "closed")).containsExactly(0L, 1L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
    JsonNode t1Lights = get("t1b", "/api/stats/lights?year=2025");
    assertThat(t1Lights.get("red").asLong() + t1Lights.get("yellow").asLong() + t1Lights.get("green").asLong()).isZero();
  }

  @Test
  void eachLightCountIsTheLedgersLightFilterForTheSameViewer() {
    for (String user : new String[] {"office1", "leader2", "t2a", "t3a"}) {
      JsonNode lights = get(user, "/api/stats/lights?year=2025");
      for (String light : new String[] {"RED", "YELLOW", "GREEN"}) {
        long listed = get(user, "/api/items?year=2025&size=1&light=" + light).get("totalElements").asLong();
        assertThat(lights.get(light.toLowerCase()).asLong()).as(user + " " + light).isEqualTo(listed);
      }
    }
  }

  @Test
  void interviewsAreCountedPerBeijingMonthAndLevelLikeTheInterviewStatistics() {
    JsonNode m = get("office1", "/api/interviews/stats/monthly?year=2025");
    assertThat(m.get("levels").get("COUNTY").asText()).isEqualTo("县级领导");
    assertThat(m.get("levels").get("UNIT").asText()).isEqualTo("部门单位");
    List<Long> county = new ArrayList<>();
    List<Long> unit = new ArrayList<>();
    m.get("months").forEach(x -> {
      county.add(x.get("sessions").get("COUNTY").asLong());
      unit.add(x.get("sessions").get("UNIT").asLong());
    });
    assertThat(county).containsExactly(0L, 2L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
    assertThat(unit).containsExactly(0L, 1L, 0L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 0L);
    JsonNode stats = get("leader2", "/api/interviews/stats?year=2025");
    assertThat(stats.get("byLevel").get("COUNTY").get("sessions").asLong()).isEqualTo(2);
    assertThat(stats.get("byLevel").get("UNIT").get("sessions").asLong()).isEqualTo(2);
    assertThat(get("leader2", "/api/interviews/stats/monthly?year=2025")).isEqualTo(m);

    Http.Response unitMember = http.as("t1a").get("/api/interviews/stats/monthly?year=2025");
    assertThat(unitMember.status()).isEqualTo(403);
    assertThat(unitMember.json().get("message").asText()).contains("约谈统计");
  }

  @Test
  void finalScoresPerReviewerCountEachClosedItemOnceInItsBand() {
    JsonNode d = get("office2", "/api/scoring/distribution?year=2025");
    assertThat(d.get("bands")).extracting(JsonNode::asText)
        .containsExactly("60 分以下", "60–69 分", "70–79 分", "80–89 分", "90 分及以上");
    JsonNode reviewers = d.get("reviewers");
    assertThat(reviewers).hasSize(2);
    JsonNode office = reviewers.get(0);
    assertThat(office.get("reviewer").asText()).isEqualTo("office1");
    assertThat(office.get("reviewerName").asText()).isEqualTo("督查一");
    assertThat(office.get("levelName").asText()).isEqualTo("督查室核验");
    assertThat(office.get("items").asLong()).isEqualTo(3);
    assertThat(office.get("bands")).extracting(JsonNode::asLong).containsExactly(0L, 1L, 1L, 0L, 1L);
    JsonNode leader = reviewers.get(1);
    assertThat(leader.get("reviewer").asText()).isEqualTo("leader1");
    assertThat(leader.get("bands")).extracting(JsonNode::asLong).containsExactly(0L, 0L, 0L, 0L, 1L);

    assertThat(get("principal1", "/api/scoring/distribution?year=2025")).isEqualTo(d);
    for (String user : new String[] {"leader1", "t1a"}) {
      Http.Response r = http.as(user).get("/api/scoring/distribution?year=2025");
      assertThat(r.status()).as(user).isEqualTo(403);
    }
  }

  @Test
  void aYearOutsideTheRangeIsTheCallersError() {
    for (String path : new String[] {"/api/stats/monthly?year=1999", "/api/stats/lights?year=2101",
        "/api/interviews/stats/monthly?year=1800"}) {
      Http.Response r = http.as("office1").get(path);
      assertThat(r.status()).as(path).isEqualTo(400);
      assertThat(r.json().get("field").asText()).isEqualTo("year");
      assertThat(r.json().get("message").asText()).contains("年份");
    }
    assertThat(http.anonymous().get("/api/stats/monthly").status()).isEqualTo(401);
  }
}
