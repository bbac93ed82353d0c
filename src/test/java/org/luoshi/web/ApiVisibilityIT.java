package org.luoshi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13 point 6 on /api: what an item shows is filtered by the viewer like everything else (the
 * interviews inside it), /api/stats shows a unit member their own unit, and a breakdown under
 * another unit's item is refused before anything about that item is said, writing nothing.
 */
@LuoshiIT
class ApiVisibilityIT {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  Http http;
  static String t1Item;
  static String t2Item;
  static String interviewId;

  static final String SUBJECT = "招商引资任务进度严重滞后";

  @BeforeEach
  void setUp() {
    TestOrganisation.create(identity);
    http = new Http(port);
    if (t1Item == null) {
      t1Item = issue("T1", "leader1", "推进老旧小区改造", LocalDate.now().plusMonths(2));
      t2Item = issue("T2", "leader2", "整治背街小巷环境卫生", LocalDate.now().plusMonths(3));
      issue("T2", "leader2", "建设社区养老服务站", LocalDate.now().plusMonths(4));
      // an interview about the T1 item, of t1a only
      var interview = http.as("office1").post("/api/interviews", Map.of("trigger", "POOR_IMPLEMENTATION",
          "interviewer", "leader1", "interviewees", List.of("t1a"), "subject", SUBJECT, "relatedItemCode", t1Item));
      assertThat(interview.status()).as(interview.toString()).isEqualTo(201);
      interviewId = interview.json().get("id").asText();
    }
  }

  String issue(String unit, String leader, String title, LocalDate deadline) {
    var r = http.as("office1").post("/api/items", Map.of("title", title, "source", "KEY_TASK", "unitCode", unit,
        "leadLeader", leader, "target", title + "，年内完成", "deadline", deadline.toString()));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("code").asText();
  }

  static List<String> ids(JsonNode interviews) {
    List<String> out = new ArrayList<>();
    interviews.forEach(i -> out.add(i.get("id").asText()));
    return out;
  }

  @Test
  void anItemShowsOnlyTheInterviewsTheViewerMaySeeOnTheirOwn() {
    // t1b belongs to the item's unit, but the interview is not hers: 404 on its own, absent inside the item
    assertThat(http.as("t1b").get("/api/interviews/" + interviewId).status()).isEqualTo(404);
    var asColleague = http.as("t1b").get("/api/items/" + t1Item);
    assertThat(asColleague.status()).isEqualTo(200);
    assertThat(asColleague.json().get("interviews")).isEmpty();
    assertThat(asColleague.body()).doesNotContain(SUBJECT, interviewId);

    for (String viewer : List.of("t1a", "leader1", "office1", "principal1")) {
      assertThat(http.as(viewer).get("/api/interviews/" + interviewId).status()).as(viewer).isEqualTo(200);
      assertThat(ids(http.as(viewer).get("/api/items/" + t1Item).json().get("interviews"))).as(viewer)
          .containsExactly(interviewId);
    }
  }

  @Test
  void statsShowAUnitMemberHerOwnUnitAndTheOfficeTheDistrict() {
    int year = LocalDate.now().getYear();
    JsonNode district = http.as("office1").get("/api/stats?year=" + year).json();
    assertThat(district.get("byUnit").findValuesAsText("unitCode")).containsExactly("T1", "T2");
    long all = http.as("office1").get("/api/items?size=100&year=" + year).json().get("totalElements").asLong();
    assertThat(district.get("total").get("issued").asLong()).isEqualTo(all);

    for (String[] member : new String[][] {{"t1a", "T1"}, {"t2a", "T2"}}) {
      JsonNode mine = http.as(member[0]).get("/api/stats?year=" + year).json();
      JsonNode unit = unitCounts(district, member[1]);
      assertThat(mine.get("total")).as(member[0] + " sees her unit's figures as the total").isEqualTo(unit);
      assertThat(mine.get("byUnit").findValuesAsText("unitCode")).containsExactly(member[1]);
      assertThat(mine.get("total").get("issued").asLong()).isLessThan(all);
    }

    JsonNode nobodys = http.as("t3a").get("/api/stats?year=" + year).json();
    assertThat(nobodys.get("total").get("issued").asInt()).isZero();
    assertThat(nobodys.get("byUnit")).isEmpty();

    long led = http.as("office1").get("/api/items?leadLeader=leader2&year=" + year).json().get("totalElements").asLong();
    assertThat(http.as("leader2").get("/api/stats?year=" + year).json().get("total").get("issued").asLong())
        .as("the items leader2 leads").isEqualTo(led).isPositive().isLessThan(all);
    assertThat(http.as("principal1").get("/api/stats?year=" + year).json().get("total")).isEqualTo(district.get("total"));
  }

  static JsonNode unitCounts(JsonNode stats, String unit) {
    for (JsonNode u : stats.get("byUnit")) {
      if (u.get("unitCode").asText().equals(unit)) {
        return u.get("counts");
      }
    }
    throw new AssertionError("no " + unit + " in " + stats);
  }

  @Test
  void aBreakdownUnderAnotherUnitsItemIsRefusedBeforeAnythingAboutItIsSaid() {
    JsonNode parent = http.as("office1").get("/api/items/" + t2Item).json();
    String deadline = parent.get("deadline").asText();
    long items = count("ls_item");
    long events = count("ls_item_event");
    long instances = runtime.createProcessInstanceQuery().count();

    List<Map<String, Object>> attempts = new ArrayList<>();
    attempts.add(sub(t2Item, "T1", LocalDate.now().plusYears(1)));  // later than the parent's deadline
    attempts.add(sub(t2Item, "T1", LocalDate.now().plusDays(5)));   // a valid one
    attempts.add(sub(t2Item, "T2", LocalDate.now().plusDays(5)));   // even into the parent's own unit
    attempts.add(sub("ZR-" + LocalDate.now().getYear() + "-9999", "T1", LocalDate.now().plusDays(5))); // no such item
    Map<String, Object> withoutTitle = sub(t2Item, "T1", LocalDate.now().plusDays(5));
    withoutTitle.remove("title");
    attempts.add(withoutTitle);
    List<String> answers = new ArrayList<>();
    for (Map<String, Object> attempt : attempts) {
      var r = http.as("t1a").post("/api/items", attempt);
      assertThat(r.status()).as(attempt + " → " + r).isEqualTo(403);
      assertThat(r.body()).doesNotContain(deadline, "整治背街小巷环境卫生", "已下发", "落实中");
      answers.add(r.body());
    }
    assertThat(answers).as("one answer whatever the parent is").containsOnly(answers.get(0));

    assertThat(count("ls_item")).isEqualTo(items);
    assertThat(count("ls_item_event")).isEqualTo(events);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);

    // the office is told what is wrong; the parent's unit breaks its own item down
    var office = http.as("office1").post("/api/items", sub("ZR-" + LocalDate.now().getYear() + "-9999", "T1",
        LocalDate.now().plusDays(5)));
    assertThat(office.status()).isEqualTo(400);
    assertThat(office.json().get("field").asText()).isEqualTo("parentCode");
    assertThat(http.as("t2a").post("/api/items", sub(t2Item, "T1", LocalDate.now().plusDays(5))).status())
        .isEqualTo(201);
  }

  @Test
  void aUnitCannotProbeWhoBelongsToAnotherUnitThroughAResponsiblePerson() {
    long items = count("ls_item");
    List<String> answers = new ArrayList<>();
    for (String person : List.of("t2a", "t3a", "nobody")) {
      Map<String, Object> body = sub(t1Item, "T2", LocalDate.now().plusDays(5));
      body.put("responsiblePerson", person);
      var r = http.as("t1a").post("/api/items", body);
      assertThat(r.status()).as(person + " → " + r).isEqualTo(403);
      answers.add(r.body());
    }
    assertThat(answers).containsOnly(answers.get(0));
    assertThat(count("ls_item")).isEqualTo(items);
  }

  Map<String, Object> sub(String parentCode, String unit, LocalDate deadline) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", "分解任务");
    body.put("source", "KEY_TASK");
    body.put("unitCode", unit);
    body.put("leadLeader", "leader1");
    body.put("target", "分解后的目标");
    body.put("deadline", deadline.toString());
    body.put("parentCode", parentCode);
    return body;
  }

  long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }
}
