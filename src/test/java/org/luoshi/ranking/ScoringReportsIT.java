package org.luoshi.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.ItemRows;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The calibration report and the rankings on a known data set, written straight into the tables
 * so every figure below can be worked out by hand.
 */
@LuoshiIT
class ScoringReportsIT {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  Http http;
  static final AtomicLong ids = new AtomicLong(100_000);
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

  long item(String unit, String person, String status, String finalScore, String closedAt, String overdueSince) {
    return ItemRows.insert(jdbc, ids.incrementAndGet(), unit, person, status, finalScore, closedAt, overdueSince, Instant.now());
  }

  void review(long item, String level, String reviewer, int score) {
    jdbc.update("""
        insert into ls_review_record (id, item_id, level, submission_round, reviewer, approved, quality_score, reviewed_at)
        values (?, ?, ?, 1, ?, true, ?, ?)""",
        ids.incrementAndGet(), item, level, reviewer, score, Timestamp.from(Instant.parse("2026-04-10T02:00:00Z")));
  }

  void returned(long item, String unit) {
    jdbc.update("insert into ls_item_event (id, item_id, type, unit_code, occurred_at) values (?, ?, 'RETURNED', ?, ?)",
        ids.incrementAndGet(), item, unit, Timestamp.from(Instant.parse("2026-02-01T02:00:00Z")));
  }

  void load() {
    // T1: two items closed (90, 80 → 85.0), one went overdue; t1a closed both
    long a = item("T1", "t1a", "CLOSED", "90.0", "2026-04-10T02:00:00Z", null);
    long b = item("T1", "t1a", "CLOSED", "80.0", "2026-05-10T02:00:00Z", "2026-04-01");
    // T2: one closed (85.0), one returned; T3: one open, overdue since March
    long c = item("T2", "t2a", "CLOSED", "85.0", "2026-03-20T02:00:00Z", null);
    long d = item("T3", "t3a", "IN_PROGRESS", null, null, "2026-03-01");
    returned(c, "T2");
    // closed in H2: does not count for 2026-H1
    item("T3", "t3a", "CLOSED", "99.0", "2026-08-01T02:00:00Z", null);

    // office1 scores tightly in one band; leader1 spreads out; principal1 has too few to judge
    for (int s : new int[] {80, 81, 82, 80, 81}) {
      review(a, "OFFICE", "office1", s);
    }
    for (int s : new int[] {60, 75, 90, 95, 70}) {
      review(b, "LEADER", "leader1", s);
    }
    review(c, "PRINCIPAL", "principal1", 85);
    review(d, "PRINCIPAL", "principal1", 88);
  }

  @Test
  void calibrationShowsEachReviewersSpreadAndFlagsCentralTendency() {
    JsonNode r = http.as("office1").get("/api/scoring/calibration?year=2026").json();
    assertThat(r.get("reviews").asInt()).isEqualTo(12);
    assertThat(r.get("districtMean").decimalValue()).isEqualByComparingTo("80.58"); // 967 / 12

    JsonNode office = reviewer(r, "office1");
    assertThat(office.get("count").asInt()).isEqualTo(5);
    assertThat(office.get("mean").decimalValue()).isEqualByComparingTo("80.80");
    assertThat(office.get("standardDeviation").decimalValue()).isEqualByComparingTo("0.75"); // √0.56
    assertThat(office.get("bandShares").get("GOOD").decimalValue()).isEqualByComparingTo("1");
    assertThat(office.get("shareNearDistrictMean").decimalValue()).isEqualByComparingTo("1");
    assertThat(office.get("flagged").asBoolean()).isTrue();
    assertThat(office.get("flags")).hasSize(2);

    JsonNode leader = reviewer(r, "leader1");
    assertThat(leader.get("level").asText()).isEqualTo("LEADER");
    assertThat(leader.get("mean").decimalValue()).isEqualByComparingTo("78.00");
    assertThat(leader.get("standardDeviation").decimalValue()).isEqualByComparingTo("12.88"); // √166
    assertThat(leader.get("bandShares").get("FAIR").decimalValue()).isEqualByComparingTo("0.6");
    assertThat(leader.get("bandShares").get("EXCELLENT").decimalValue()).isEqualByComparingTo("0.4");
    assertThat(leader.get("shareNearDistrictMean").decimalValue()).isEqualByComparingTo("0");
    assertThat(leader.get("flagged").asBoolean()).as("60% is not more than 60%").isFalse();

    JsonNode principal = reviewer(r, "principal1");
    assertThat(principal.get("shareNearDistrictMean").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(principal.get("flagged").asBoolean()).as("two reviews are too few to judge").isFalse();

    assertThat(r.get("units").findValuesAsText("unitCode")).containsExactly("T3", "T1", "T2"); // 99, 85, 85
  }

  private static JsonNode reviewer(JsonNode report, String id) {
    for (JsonNode n : report.get("reviewers")) {
      if (n.get("reviewer").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError("no reviewer " + id);
  }

  @Test
  void theCalibrationReportIsForTheOfficeAndPrincipalLeaders() {
    assertThat(http.as("principal1").get("/api/scoring/calibration?year=2026").status()).isEqualTo(200);
    assertThat(http.as("t1a").get("/api/scoring/calibration?year=2026").status()).isEqualTo(403);
    assertThat(http.as("leader1").get("/api/scoring/calibration?year=2026").status()).isEqualTo(403);
  }

  @Test
  void rankingsOrderUnitsAndPeopleByAverageFinalScore() {
    JsonNode r = http.as("t1a").get("/api/scoring/rankings?period=2026-H1").json();
    assertThat(r.get("label").asText()).isEqualTo("2026年上半年");
    JsonNode units = r.get("units");
    // T1 and T2 both average 85.0; T1 let one item go overdue, so T2 ranks first
    assertThat(units.get(0).get("unitCode").asText()).isEqualTo("T2");
    assertThat(units.get(0).get("rank").asInt()).isEqualTo(1);
    assertThat(units.get(0).get("returned").asInt()).isEqualTo(1);
    assertThat(units.get(1).get("unitCode").asText()).isEqualTo("T1");
    assertThat(units.get(1).get("rank").asInt()).isEqualTo(2);
    assertThat(units.get(1).get("closed").asInt()).isEqualTo(2);
    assertThat(units.get(1).get("averageFinalScore").decimalValue()).isEqualByComparingTo("85.0");
    assertThat(units.get(1).get("overdue").asInt()).isEqualTo(1);
    assertThat(units.get(2).get("unitCode").asText()).isEqualTo("T3");
    assertThat(units.get(2).path("averageFinalScore").isMissingNode()).isTrue();
    assertThat(units.get(2).path("rank").isMissingNode()).as("nothing closed in the period: no rank").isTrue();
    assertThat(units.get(2).get("overdue").asInt()).isEqualTo(1);

    JsonNode people = r.get("people");
    assertThat(people.findValuesAsText("userId")).containsExactly("t2a", "t1a", "t3a");
    assertThat(people.get(2).path("rank").isMissingNode()).as("t3a closed nothing in the half-year").isTrue();

    JsonNode year = http.as("t1a").get("/api/scoring/rankings?period=2026").json();
    assertThat(year.get("units").get(0).get("unitCode").asText()).isEqualTo("T3"); // 99.0 closed in August
  }

  @Test
  void aBadPeriodIsNamed() {
    Http.Response r = http.as("t1a").get("/api/scoring/rankings?period=2026-H3");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).isEqualTo("period");
  }
}
