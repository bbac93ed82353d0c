package org.luoshi.item;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.Engine;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The ledger (台账) and the seed's statistics on a known set of items, with who sees what. */
@LuoshiIT
class ItemLedgerIT {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  Http http;
  Engine engine;

  @BeforeEach
  void setUp() {
    TestOrganisation.create(identity);
    Engine.clock(ResponsibilityItemIT.NOW);
    http = new Http(port);
    engine = new Engine(http, tasks, management);
  }

  @AfterEach
  void clock() {
    Engine.resetClock();
  }

  private JsonNode issue(Map<String, Object> body) {
    Http.Response r = http.as("office1").post("/api/items", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    engine.runAsync();
    return r.json();
  }

  private static Map<String, Object> item(String unit, String deadline) {
    return ResponsibilityItemIT.item(unit, deadline);
  }

  @Test
  void theLedgerAndStatisticsCountItemsAsTheSeedDoes() {
    String a = issue(item("T1", "2026-06-30")).get("code").asText();
    String b = issue(item("T2", "2026-06-30")).get("code").asText();
    Map<String, Object> late = item("T1", "2026-05-20");
    late.put("issuedOn", "2026-05-01");
    late.put("source", "INSTRUCTION");
    String c = issue(late).get("code").asText();
    engine.done("t1a", a, "acceptItem", Map.of("accepted", "true"));
    engine.done("t2a", b, "acceptItem", Map.of("accepted", "false", "returnReason", "不属于本单位"));

    JsonNode stats = http.as("office1").get("/api/stats?year=2026").json();
    assertThat(stats.get("total").get("issued").asInt()).isEqualTo(3);
    assertThat(stats.get("total").get("inProgress").asInt()).isEqualTo(2);
    assertThat(stats.get("total").get("returned").asInt()).isEqualTo(1);
    assertThat(stats.get("total").get("overdue").asInt()).isEqualTo(1);
    assertThat(stats.get("total").get("instructionItems").asInt()).isEqualTo(1);
    // issued Friday 2026-05-01, its reply was due Friday 2026-05-08 and never came
    assertThat(stats.get("total").get("instructionDue").asInt()).isEqualTo(1);
    assertThat(stats.get("total").get("instructionRepliedOnTime").asInt()).isZero();
    assertThat(stats.get("total").get("instructionReplyRate").decimalValue()).isEqualByComparingTo("0");
    assertThat(stats.get("byUnit")).hasSize(2);
    // a unit member sees her unit's figures only (issue 13)
    JsonNode mine = http.as("t1a").get("/api/stats?year=2026").json();
    assertThat(mine.get("total").get("issued").asInt()).isEqualTo(2);
    assertThat(mine.get("byUnit").findValuesAsText("unitCode")).containsExactly("T1");

    JsonNode all = http.as("office1").get("/api/items?size=10").json();
    assertThat(all.get("totalElements").asInt()).isEqualTo(3);
    assertThat(all.get("content").get(0).get("issuedOn").asText()).isEqualTo("2026-06-01"); // newest first
    assertThat(http.as("office1").get("/api/items?overdue=true").json().get("content").findValuesAsText("code"))
        .containsExactly(c);
    assertThat(http.as("office1").get("/api/items?light=RED").json().get("content").findValuesAsText("code"))
        .containsExactly(c);
    assertThat(http.as("office1").get("/api/items?status=RETURNED").json().get("content").findValuesAsText("code"))
        .containsExactly(b);
    assertThat(http.as("office1").get("/api/items?source=INSTRUCTION").json().get("totalElements").asInt()).isEqualTo(1);
    assertThat(http.as("office1").get("/api/items?q=就业").json().get("totalElements").asInt()).isEqualTo(3);
    // a code by its number, and in any case; % and _ are searched for, not wildcards
    assertThat(http.as("office1").get("/api/items?q=" + c.substring(8)).json().get("content").findValuesAsText("code"))
        .contains(c);
    assertThat(http.as("office1").get("/api/items?q=" + c.toLowerCase()).json().get("content").findValuesAsText("code"))
        .containsExactly(c);
    assertThat(http.as("office1").get("/api/items?q=%25").json().get("totalElements").asInt()).isZero();
    assertThat(http.as("office1").get("/api/items?page=1&size=2").json().get("content")).hasSize(1);

    // unit staff see their unit's items, a leader the items they lead
    assertThat(http.as("t1a").get("/api/items").json().get("content").findValuesAsText("code"))
        .containsExactlyInAnyOrder(a, c);
    assertThat(http.as("t2a").get("/api/items").json().get("content").findValuesAsText("code")).containsExactly(b);
    assertThat(http.as("leader1").get("/api/items").json().get("totalElements").asInt()).isEqualTo(3);
    assertThat(http.as("leader2").get("/api/items").json().get("totalElements").asInt()).isZero();
    assertThat(http.as("t2a").get("/api/items/" + a).status()).isEqualTo(403);
  }
}
