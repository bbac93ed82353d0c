package org.luoshi.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luoshi.supervision.SupervisionDriver.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.engine.Time;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * /api/supervisions on the whole application (H2, or PostgreSQL with -Ppostgres): starting,
 * validation of the start, who sees what, the list, the problem ledger, the period counts and the
 * random draw, re-drawn here from its record.
 */
@LuoshiIT
class SupervisionApiIT {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  Http http;
  SupervisionDriver driver;

  @BeforeEach
  void setUp() {
    TestOrganisation.create(identity);
    http = new Http(port);
    driver = new SupervisionDriver(http, tasks, management);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Moves the engine clock (and with it Luoshi's "today") into a year of the test's own. */
  static void workIn(int year) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, 4, 15, 10, 0).atZone(Time.ZONE).toInstant()));
  }

  // start ------------------------------------------------------------------------------------------

  @Test
  void theOfficeStartsASupervisionOfUnitsNamedByCodeOrName() {
    Http.Response r = http.as("office1").post("/api/supervisions",
        Map.of("method", "OPEN_VISIT", "subject", "营商环境明察", "unitCodes", List.of("T1", "测试二局")));

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    long id = r.json().get("id").asLong();
    String pi = r.json().get("processInstanceId").asText();
    assertThat(r.location()).isEqualTo("/api/supervisions/" + id);
    JsonNode s = driver.get("office2", "/api/supervisions/" + id);
    assertThat(s.get("method").asText()).isEqualTo("OPEN_VISIT");
    assertThat(s.get("methodName").asText()).isEqualTo("明察");
    assertThat(s.get("subject").asText()).isEqualTo("营商环境明察");
    assertThat(texts(s.get("unitCodes"))).containsExactly("T1", "T2");
    assertThat(s.get("status").asText()).isEqualTo("INSPECTING");
    assertThat(s.get("processInstanceId").asText()).isEqualTo(pi);
    assertThat(s.get("startedBy").asText()).isEqualTo("office1");
    assertThat(s.has("sample")).isFalse();
    assertThat(s.has("sampleSeed")).isFalse();
    assertThat(s.get("problems")).isEmpty();
    assertThat(s.get("units").get(1).get("name").asText()).isEqualTo("测试二局");
    assertThat(driver.task(pi, "conductInspection")).isNotNull();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey())
        .isEqualTo("DC-" + id);
  }

  @Test
  void onlyTheOfficeMayStartASupervision() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("supervision").count();
    var body = Map.of("method", "KEY", "subject", "重点督查", "unitCodes", List.of("T1"));
    assertThat(http.as("t1a").post("/api/supervisions", body).status()).isEqualTo(403);
    assertThat(http.as("leader1").post("/api/supervisions", body).status()).isEqualTo(403);
    assertThat(http.as("principal1").post("/api/supervisions", body).status()).isEqualTo(403);
    assertThat(http.anonymous().post("/api/supervisions", body).status()).isEqualTo(401);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("supervision").count()).isEqualTo(before);
  }

  @Test
  void badStartValuesAnswer400NamingTheFieldAndWriteNothing() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("supervision").count();
    long listed = driver.get("office1", "/api/supervisions").get("totalElements").asLong();
    expect400(Map.of("subject", "无方式", "unitCodes", List.of("T1")), "method", "督查方式");
    expect400(Map.of("method", "PATROL", "subject", "方式不对", "unitCodes", List.of("T1")), "method", "PATROL");
    expect400(Map.of("method", "KEY", "unitCodes", List.of("T1")), "subject", "督查主题不能为空");
    expect400(Map.of("method", "KEY", "subject", "x".repeat(201), "unitCodes", List.of("T1")), "subject", "200");
    expect400(Map.of("method", "KEY", "subject", "未知单位", "unitCodes", List.of("T1", "XX9")), "unitCodes", "XX9");
    expect400(Map.of("method", "SPECIAL", "subject", "没有单位"), "unitCodes", "被督查单位");
    expect400(Map.of("method", "KEY", "subject", "不该抽样", "unitCodes", List.of("T1"), "sampleSize", 1),
        "sampleSize", "随机抽查");
    expect400(Map.of("method", "RANDOM", "subject", "缺抽取数"), "sampleSize", "抽取单位数");
    expect400(Map.of("method", "RANDOM", "subject", "抽太多", "sampleSize", 4), "sampleSize", "1 到 3");
    expect400(Map.of("method", "RANDOM", "subject", "抽零个", "sampleSize", 0), "sampleSize", "1 到 3");
    expect400(Map.of("method", "RANDOM", "subject", "种子为负", "sampleSize", 1, "sampleSeed", -5), "sampleSeed", "0 到");
    expect400(Map.of("method", "RANDOM", "subject", "多余字段", "sampleSize", 1, "seed", 5), "seed", "未知字段");

    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("supervision").count()).isEqualTo(before);
    assertThat(driver.get("office1", "/api/supervisions").get("totalElements").asLong()).isEqualTo(listed);
  }

  // the random draw --------------------------------------------------------------------------------

  @Test
  void aRandomDrawIsRecordedAndAnyoneCanDrawItAgainFromTheRecord() {
    long id = driver.start("office1", Map.of("method", "RANDOM", "subject", "落实情况随机抽查", "sampleSize", 2))
        .get("id").asLong();

    JsonNode s = driver.get("principal1", "/api/supervisions/" + id);
    JsonNode basis = s.get("sampleBasis");
    long seed = s.get("sampleSeed").asLong();
    List<String> population = texts(basis.get("population"));
    assertThat(population).containsExactly("T1", "T2", "T3"); // every unit of the district, sorted
    assertThat(texts(s.get("unitCodes"))).isEqualTo(population);
    assertThat(basis.get("algorithm").asText()).isEqualTo("SHA256-RANK");
    assertThat(basis.get("rule").asText()).contains("SHA-256");
    assertThat(basis.get("seed").asLong()).isEqualTo(seed);
    assertThat(basis.get("seedGiven").asBoolean()).isFalse();
    assertThat(basis.get("sampleSize").asInt()).isEqualTo(2);
    assertThat(basis.get("populationSize").asInt()).isEqualTo(3);
    assertThat(basis.get("drawnBy").asText()).isEqualTo("office1");

    // re-drawn here from the record alone, with the rule as written, not with Luoshi's code
    assertThat(texts(s.get("sample"))).hasSize(2).isEqualTo(redraw(seed, population, 2));
    assertThat(s.get("units").findValuesAsText("code")).isEqualTo(texts(s.get("sample")));
  }

  @Test
  void aSeedGivenByTheOfficeDrawsTheSameSampleEveryTime() {
    Map<String, Object> body = new HashMap<>(Map.of("method", "RANDOM", "subject", "公开摇号抽查",
        "unitCodes", List.of("T3", "T1", "T2"), "sampleSize", 2, "sampleSeed", 9007199254740991L));
    JsonNode first = driver.get("office1", "/api/supervisions/" + driver.start("office1", body).get("id").asLong());
    JsonNode second = driver.get("office1", "/api/supervisions/" + driver.start("office2", body).get("id").asLong());

    assertThat(first.get("sampleSeed").asLong()).isEqualTo(9007199254740991L);
    assertThat(first.get("sampleBasis").get("seedGiven").asBoolean()).isTrue();
    assertThat(texts(first.get("sampleBasis").get("population"))).containsExactly("T1", "T2", "T3");
    assertThat(texts(first.get("sample"))).isEqualTo(texts(second.get("sample")))
        .isEqualTo(redraw(9007199254740991L, List.of("T1", "T2", "T3"), 2));
  }

  @Test
  void problemsOfARandomSupervisionMayOnlyBeReportedForTheDrawnUnits() {
    JsonNode started = driver.start("office1", Map.of("method", "RANDOM", "subject", "随机抽查", "sampleSize", 1,
        "unitCodes", List.of("T1", "T2")));
    String pi = started.get("processInstanceId").asText();
    String drawn = texts(driver.get("office1", "/api/supervisions/" + started.get("id").asLong()).get("sample")).get(0);
    String other = drawn.equals("T1") ? "T2" : "T1";
    driver.complete("office1", driver.task(pi, "conductInspection"), Map.of("findings", "抽查发现"));

    Http.Response r = driver.submit("office1", driver.task(pi, "writeReport"), Map.of("report", "报告",
        "problems", List.of(problem(other, "未抽中的单位", Time.today().plusDays(5).toString()))));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("message").asText()).contains("不是本次督查的被督查单位");
    assertThat(r.json().get("field").asText()).isEqualTo("problems[0].unitCode");
    assertThat(driver.task(pi, "writeReport")).isNotNull();
  }

  // who sees what ------------------------------------------------------------------------------------

  @Test
  void unitStaffSeeOnlyTheirUnitsProblemsTheOfficeAndLeadersSeeAll() {
    workIn(2031);
    JsonNode started = driver.start("office1", Map.of("method", "UNANNOUNCED_VISIT", "subject", "作风暗访",
        "unitCodes", List.of("T1", "T2", "T3")));
    long id = started.get("id").asLong();
    String pi = started.get("processInstanceId").asText();

    // before the report, an unannounced visit is unknown to every unit
    assertThat(http.as("t1a").get("/api/supervisions/" + id).status()).isEqualTo(404);
    assertThat(driver.get("t1a", "/api/supervisions?year=2031").get("totalElements").asLong()).isZero();

    String deadline = Time.today().plusDays(7).toString();
    driver.inspectAndReport(pi, List.of(
        problem("T1", "上班时间脱岗", deadline), problem("T1", "窗口无人值守", deadline),
        problem("T2", "服务态度生硬", deadline)));

    JsonNode mine = driver.get("t1b", "/api/supervisions/" + id);
    assertThat(mine.get("problems")).hasSize(2);
    assertThat(mine.get("problems").findValuesAsText("unitCode")).containsOnly("T1");
    assertThat(mine.has("findings")).isFalse();
    assertThat(mine.has("report")).isFalse();
    assertThat(driver.get("t2a", "/api/supervisions/" + id).get("problems")).hasSize(1);
    assertThat(http.as("t3a").get("/api/supervisions/" + id).status()).isEqualTo(404);

    JsonNode all = driver.get("leader1", "/api/supervisions/" + id);
    assertThat(all.get("problems")).hasSize(3);
    assertThat(all.get("findings").asText()).isEqualTo("实地查看，查阅台账");
    assertThat(all.get("report").asText()).isEqualTo("督查报告正文");
    assertThat(all.get("status").asText()).isEqualTo("RECTIFYING");

    JsonNode ledger = driver.get("t1a", "/api/supervisions/problems?year=2031");
    assertThat(ledger.get("totalElements").asLong()).isEqualTo(2);
    assertThat(ledger.get("content").findValuesAsText("unitCode")).containsOnly("T1");
    assertThat(http.as("t1a").get("/api/supervisions/problems?unitCode=T2").status()).isEqualTo(403);
    assertThat(driver.get("t3a", "/api/supervisions/problems?year=2031").get("totalElements").asLong()).isZero();
    assertThat(driver.get("principal1", "/api/supervisions/problems?year=2031").get("totalElements").asLong()).isEqualTo(3);
    assertThat(driver.get("office2", "/api/supervisions/problems?year=2031&unitCode=T2").get("totalElements").asLong())
        .isEqualTo(1);

    JsonNode list = driver.get("t2a", "/api/supervisions?year=2031");
    assertThat(list.get("totalElements").asLong()).isEqualTo(1);
    assertThat(list.get("content").get(0).get("problemCount").asLong()).isEqualTo(1);
    assertThat(driver.get("office1", "/api/supervisions?year=2031").get("content").get(0).get("problemCount").asLong())
        .isEqualTo(3);
    assertThat(http.as("t1a").get("/api/supervisions/stats").status()).isEqualTo(403);

    // and a unit member cannot work another unit's task
    var t2Task = driver.task(pi, "rectifyProblem", "unit-T2");
    assertThat(driver.submit("t1a", t2Task, Map.of("rectification", "越权")).status()).isEqualTo(403);
  }

  // list, ledger, stats --------------------------------------------------------------------------

  @Test
  void theListTheLedgerAndThePeriodCountsAnswerTheirFilters() {
    workIn(2032);
    String today = Time.today().toString();
    JsonNode a = driver.start("office1", Map.of("method", "SPECIAL", "subject", "专项一", "unitCodes", List.of("T1")));
    JsonNode b = driver.start("office1", Map.of("method", "KEY", "subject", "重点一", "unitCodes", List.of("T1", "T2")));
    driver.start("office1", Map.of("method", "KEY", "subject", "重点二", "unitCodes", List.of("T3")));
    driver.inspectAndReport(a.get("processInstanceId").asText(), List.of());
    driver.inspectAndReport(b.get("processInstanceId").asText(),
        List.of(problem("T1", "问题甲", today), problem("T2", "问题乙", today)));

    int year = Time.today().getYear();
    assertThat(driver.get("office1", "/api/supervisions?year=2032").get("totalElements").asLong()).isEqualTo(3);
    assertThat(driver.get("office1", "/api/supervisions?year=2032&method=KEY").get("totalElements").asLong()).isEqualTo(2);
    assertThat(driver.get("office1", "/api/supervisions?year=2032&unitCode=T2").get("content").findValuesAsText("subject"))
        .containsExactly("重点一");
    assertThat(driver.get("office1", "/api/supervisions?year=2032&status=CLOSED").get("content").findValuesAsText("subject"))
        .containsExactly("专项一");
    assertThat(driver.get("office1", "/api/supervisions?year=2030").get("totalElements").asLong()).isZero();
    JsonNode page = driver.get("office1", "/api/supervisions?year=2032&size=2&page=1");
    assertThat(page.get("content")).hasSize(1);
    assertThat(page.get("content").get(0).get("subject").asText()).isEqualTo("专项一"); // newest first
    assertThat(http.as("office1").get("/api/supervisions?method=PATROL").json().get("field").asText()).isEqualTo("method");
    assertThat(http.as("office1").get("/api/supervisions?size=0").status()).isEqualTo(400);

    assertThat(driver.get("office1", "/api/supervisions/problems?year=2032&status=OPEN").get("totalElements").asLong()).isEqualTo(2);
    assertThat(driver.get("office1", "/api/supervisions/problems?year=2032&status=VERIFIED").get("totalElements").asLong()).isZero();
    assertThat(driver.get("office1", "/api/supervisions/problems?year=2032&overdue=true").get("totalElements").asLong()).isZero();
    assertThat(driver.get("office1", "/api/supervisions/problems?overdue=false&year=" + year)
        .get("totalElements").asLong()).isEqualTo(2);
    assertThat(http.as("office1").get("/api/supervisions/problems?status=DONE").status()).isEqualTo(400);

    JsonNode stats = driver.get("leader2", "/api/supervisions/stats?year=" + year);
    assertThat(stats.get("inspections").asLong()).isEqualTo(3);
    assertThat(stats.get("byMethod").get("KEY").asLong()).isEqualTo(2);
    assertThat(stats.get("byMethod").get("SPECIAL").asLong()).isEqualTo(1);
    assertThat(stats.get("byMethod").get("RANDOM").asLong()).isZero();
    assertThat(stats.get("reports").asLong()).isEqualTo(2);
    assertThat(stats.get("problems").get("found").asLong()).isEqualTo(2);
    assertThat(stats.get("problems").get("open").asLong()).isEqualTo(2);
    assertThat(stats.get("byUnit").findValuesAsText("unitCode")).containsExactly("T1", "T2", "T3");
    assertThat(stats.get("byUnit").get(0).get("inspections").asLong()).isEqualTo(2);
    assertThat(stats.get("byUnit").get(2).get("problems").get("found").asLong()).isZero();
    int quarter = (Time.today().getMonthValue() - 1) / 3 + 1;
    assertThat(driver.get("office1", "/api/supervisions/stats?year=" + year + "&quarter=" + quarter)
        .get("inspections").asLong()).isEqualTo(3);
    assertThat(driver.get("office1", "/api/supervisions/stats?year=" + (year + 1)).get("inspections").asLong()).isZero();
    assertThat(http.as("office1").get("/api/supervisions/stats?quarter=5").json().get("field").asText())
        .isEqualTo("quarter");
  }

  // ---------------------------------------------------------------------------------------------

  private void expect400(Map<String, ?> body, String field, String messagePart) {
    Http.Response r = http.as("office1").post("/api/supervisions", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
    assertThat(r.json().get("message").asText()).as(r.toString()).contains(messagePart);
  }

  /** The rule of the record, applied independently: rank by SHA-256("seed:code"), take the first n. */
  static List<String> redraw(long seed, List<String> population, int n) {
    Map<String, String> rank = new LinkedHashMap<>();
    for (String code : population) {
      try {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest((seed + ":" + code).getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (byte b : hash) {
          hex.append(String.format("%02x", b));
        }
        rank.put(code, hex.toString());
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    List<String> sorted = new ArrayList<>(population);
    sorted.sort(Comparator.comparing(rank::get));
    return sorted.subList(0, n);
  }

  static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
