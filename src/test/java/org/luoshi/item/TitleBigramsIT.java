package org.luoshi.item;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * TitleBigrams on the database's own statistics (a database of its own: the rows below would change what other
 * ledger tests find): on PostgreSQL, after ANALYZE, a term in half of the titles is searched by the scan and a
 * term in one title through the bigram index, and both find the same items as the scan alone; on H2 neither
 * uses an index.
 */
@LuoshiIT
class TitleBigramsIT {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired TitleBigrams bigrams;

  @Test
  void aCommonTermByTheScanARareOneThroughTheIndexBothFindingTheSameItems() {
    TestOrganisation.create(identity);
    // 3,000 items written straight into ls_item, as the benchmark fills it: 污水 in every second title, 拆迁 in one
    for (int i = 0; i < 3_000; i++) {
      String title = (i % 2 == 0 ? "污水" : "道路") + (i == 1_234 ? "拆迁" : "") + "治理第" + i + "项";
      jdbc.update("""
          insert into ls_item (id, version, code, title, source, category, unit_code, lead_leader, target, issued_on,
            issued_by, deadline, original_deadline, extended, status, progress_percent, yellow_from, issue_round,
            submission_round, created_at)
          values (?, 0, ?, ?, 'KEY_TASK', 'OTHER', 'T1', 'leader1', '目标', date '2025-03-01', 'office1',
            date '2025-06-30', date '2025-06-30', false, 'ISSUED', 0, date '2025-06-27', 1, 1,
            timestamp '2025-03-01 09:00:00')""", 900_000 + i, "ZR-2025-9" + i, title);
    }
    boolean postgres = "postgres".equalsIgnoreCase(System.getProperty("luoshi.test.database", "h2"));
    if (postgres) {
      jdbc.execute("analyze ls_item");
      assertThat(bigrams.indexedPiece("污水")).as("in half of the titles: the scan stops early").isNull();
      assertThat(bigrams.indexedPiece("拆迁")).as("in one title: the index").isEqualTo("拆迁");
      assertThat(bigrams.indexedPiece("沟渠")).as("in none").isEqualTo("沟渠");
    } else {
      assertThat(bigrams.indexedPiece("拆迁")).isNull();
    }
    Http office = new Http(port).as("office1");
    JsonNode rare = office.get("/api/items?q=" + URLEncoder.encode("拆迁", StandardCharsets.UTF_8)).json();
    assertThat(rare.get("content").findValuesAsText("code")).containsExactly("ZR-2025-91234");
    assertThat(office.get("/api/items?q=" + URLEncoder.encode("沟渠", StandardCharsets.UTF_8)).json()
        .get("totalElements").asLong()).isZero();
    JsonNode common = office.get("/api/items?size=20&q=" + URLEncoder.encode("污水", StandardCharsets.UTF_8)).json();
    assertThat(common.get("content")).hasSize(20);
    assertThat(common.get("totalElements").asLong()).isEqualTo(1_500);
    assertThat(common.get("content").findValuesAsText("title")).allMatch(t -> t.contains("污水"));
  }
}
