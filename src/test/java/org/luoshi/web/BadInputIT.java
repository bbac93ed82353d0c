package org.luoshi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.luoshi.testsupport.DatabaseState;
import org.luoshi.testsupport.Engine;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.ItemRows;
import org.luoshi.testsupport.LogLines;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14 as a table: every bad input a person (or a script with a clerk's login) can send to
 * /api and to the user tasks, one row each — what is sent, the status, the field and a fragment of
 * the message — and after each row nothing written (every ls_* table and the engine's runtime and
 * history tables compare equal, the task is still open) and one WARN line in the log, no ERROR and
 * no stack trace. Through /engine-rest (Tasklist's way) the answer is the same 400 in the error
 * shape as on /api (web/EngineRestErrors). One application context and one set of instances (one
 * waiting in each user task) serve the whole table.
 */
@LuoshiIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

  static final Instant START = Instant.parse("2026-06-01T02:00:00Z"); // Monday 10:00 Beijing time
  static final Instant NOW = Instant.parse("2026-06-03T02:00:00Z"); // Wednesday 10:00
  static final String MB = "a".repeat(1 << 20);
  static final String NUL = "整改\u0000落实";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  Http http;
  Engine engine;
  LogLines log;

  /** Business keys of the instances waiting in each user task. */
  final Map<String, String> waiting = new LinkedHashMap<>();
  String interviewToCancel;
  long appealAssessment;
  long appealResult;
  long notification;

  // the instances ---------------------------------------------------------------------------------

  @BeforeAll
  void instancesWaitingInEveryUserTask() {
    TestOrganisation.create(identity);
    http = new Http(port);
    engine = new Engine(http, tasks, management);
    Engine.clock(START);

    // responsibility items: one waiting in each of their tasks
    waiting.put("acceptItem", issue(item()));
    String returned = issue(item());
    engine.done("t1a", returned, "acceptItem", Map.of("accepted", "false", "returnReason", "不属于本单位职责"));
    waiting.put("reassignItem", returned);
    String accepted = issue(item());
    engine.done("t1a", accepted, "acceptItem", Map.of("accepted", "true"));
    waiting.put("planItem", accepted);
    String executing = planned(item());
    management.executeJob(engine.timer(processOf(executing), "progressTimer").getId());
    waiting.put("submitCompletion", executing);
    waiting.put("reportProgress", executing);
    String extending = planned(item());
    engine.done("t1b", extending, "submitCompletion",
        Map.of("action", "EXTEND", "newDeadline", "2026-07-15", "extensionReason", "汛期施工受阻"));
    waiting.put("approveExtension", extending);
    String verifying = completed(item());
    waiting.put("verifyCompletion", verifying);
    String reviewing = completed(item());
    engine.done("office1", reviewing, "verifyCompletion", Map.of("approved", "true", "qualityScore", 85));
    waiting.put("reviewClosure", reviewing);
    Map<String, Object> instruction = item();
    instruction.put("source", "INSTRUCTION");
    String confirming = completed(instruction);
    engine.done("office1", confirming, "verifyCompletion", Map.of("approved", "true", "qualityScore", 85));
    engine.done("leader1", confirming, "reviewClosure", Map.of("approved", "true", "qualityScore", 85));
    waiting.put("confirmClosure", confirming);

    // interviews: scheduled for Tuesday, held on Wednesday
    waiting.put("prepareInterview", interview());
    interviewToCancel = waiting.get("prepareInterview");
    String prepared = interview();
    engine.done("leader1", prepared, "prepareInterview", Map.of("outline", "了解情况，听取说明"));
    waiting.put("conductInterview", prepared);
    String held = interview();
    engine.done("leader1", held, "prepareInterview", Map.of("outline", "了解情况，听取说明"));
    Engine.clock(NOW);
    engine.done("leader1", held, "conductInterview", Map.of("held", "true", "attendees", List.of("t1a")));
    waiting.put("recordInterview", held);

    // supervisions
    waiting.put("conductInspection", supervision());
    String reporting = supervision();
    engine.done("office1", reporting, "conductInspection", Map.of("findings", "消防通道堵塞"));
    waiting.put("writeReport", reporting);
    String rectifying = withProblem();
    waiting.put("rectifyProblem", rectifying);
    String verifyingProblem = withProblem();
    engine.done("t1a", verifyingProblem, "rectifyProblem", Map.of("rectification", "已清理通道"));
    waiting.put("verifyRectification", verifyingProblem);

    // assessments of 2025 and its halves, on two closed items of T1
    ItemRows.insert(jdbc, 900_001, "T1", "t1a", "CLOSED", "92.0", "2025-05-10T02:00:00Z", null, START);
    ItemRows.insert(jdbc, 900_002, "T1", "t1a", "CLOSED", "88.0", "2025-09-10T02:00:00Z", null, START);
    waiting.put("reviewAssessment", assessment("2025"));
    String approving = assessment("2025-H1");
    engine.done("office1", approving, "reviewAssessment", Map.of("reviewOutcome", "SUBMIT", "reviewComment", "已核对"));
    waiting.put("approveAssessment", approving);
    String published = assessment("2025-H2");
    engine.done("office1", published, "reviewAssessment", Map.of("reviewOutcome", "SUBMIT", "reviewComment", "已核对"));
    engine.done("principal1", published, "approveAssessment", Map.of("approved", "true"));
    appealAssessment = Long.parseLong(published.substring(published.lastIndexOf('-') + 1));
    JsonNode results = ok(http.as("t1a").get("/api/assessments/" + appealAssessment)).get("results");
    for (JsonNode r : results) {
      if ("UNIT".equals(r.get("subjectType").asText()) && "T1".equals(r.get("subjectId").asText())) {
        appealResult = r.get("id").asLong();
      }
    }
    created(http.as("t1a").post("/api/assessments/" + appealAssessment + "/appeals",
        Map.of("resultId", appealResult, "reason", "两项均按期销号，等次偏低")));
    waiting.put("decideAppeal", published);

    // periodic reports
    waiting.put("editReport", report("QUARTERLY_INSPECTION", "2026-Q1"));
    String submitted = report("HALF_YEAR_CIRCULAR", "2025-H2");
    engine.done("office1", submitted, "editReport", Map.of("foreword", "各单位要对照问题抓整改"));
    waiting.put("approveReport", submitted);

    notification = ok(http.as("t1a").get("/api/notifications")).get("content").get(0).get("id").asLong();
    for (var e : waiting.entrySet()) {
      assertThat(engine.task(e.getValue(), e.getKey())).as("%s waits in %s", e.getValue(), e.getKey()).isNotNull();
    }
    log = LogLines.capture();
  }

  @AfterAll
  void stop() {
    if (log != null) {
      log.close();
    }
    Engine.resetClock();
  }

  static Map<String, Object> item() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", "推进就业创业服务提质");
    m.put("source", "KEY_TASK");
    m.put("unitCode", "T1");
    m.put("leadLeader", "leader1");
    m.put("deadline", "2026-06-30");
    m.put("target", "城镇新增就业 3000 人");
    return m;
  }

  private String issue(Map<String, Object> body) {
    String code = created(http.as("office1").post("/api/items", body)).get("code").asText();
    engine.runAsync();
    return code;
  }

  private String planned(Map<String, Object> body) {
    String code = issue(body);
    engine.done("t1a", code, "acceptItem", Map.of("accepted", "true"));
    engine.done("t1a", code, "planItem", Map.of("responsiblePerson", "t1b", "measures", "建立台账，每周调度"));
    return code;
  }

  private String completed(Map<String, Object> body) {
    String code = planned(body);
    engine.done("t1b", code, "submitCompletion",
        Map.of("action", "COMPLETE", "completedOn", "2026-06-01", "completionNote", "已完成全年目标"));
    return code;
  }

  private String processOf(String businessKey) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
  }

  static Map<String, Object> interviewBody() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trigger", "POOR_IMPLEMENTATION");
    m.put("interviewer", "leader1");
    m.put("interviewees", List.of("t1a"));
    m.put("subject", "招商引资任务进度滞后");
    return m;
  }

  private String interview() {
    String id = created(http.as("office1").post("/api/interviews", interviewBody())).get("id").asText();
    engine.runAsync();
    return id;
  }

  static Map<String, Object> supervisionBody() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("method", "SPECIAL");
    m.put("subject", "安全生产专项督查");
    m.put("unitCodes", List.of("T1", "T2"));
    return m;
  }

  private String supervision() {
    long id = created(http.as("office1").post("/api/supervisions", supervisionBody())).get("id").asLong();
    return "DC-" + id;
  }

  private String withProblem() {
    String key = supervision();
    engine.done("office1", key, "conductInspection", Map.of("findings", "消防通道堵塞"));
    engine.done("office1", key, "writeReport", Map.of("report", "专项督查报告", "problems", List.of(problem("消防通道堵塞"))));
    return key;
  }

  static Map<String, Object> problem(String description) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("unitCode", "T1");
    p.put("description", description);
    p.put("deadline", "2026-06-30");
    return p;
  }

  private String assessment(String period) {
    JsonNode a = created(http.as("office1").post("/api/assessments", Map.of("period", period)));
    engine.runAsync();
    return runtime.createProcessInstanceQuery().processInstanceId(a.get("processInstanceId").asText())
        .singleResult().getBusinessKey();
  }

  private String report(String kind, String period) {
    JsonNode r = created(http.as("office1").post("/api/reports", Map.of("kind", kind, "period", period)));
    return "BG-" + r.get("id").asLong();
  }

  private static JsonNode created(Http.Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  private static JsonNode ok(Http.Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  static Map<String, Object> with(Map<String, Object> base, Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>(base);
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  // the table -------------------------------------------------------------------------------------

  /** One bad input: what is sent, and the answer it must get. */
  record Row(String name, Supplier<Http.Response> send, int status, String field, String fragment,
      String taskKey, boolean engineRest) {

    boolean isTask() {
      return taskKey != null;
    }
  }

  private final List<Row> rows = new ArrayList<>();

  private void api(String name, String user, String method, String path, Object body, int status, String field,
      String fragment) {
    rows.add(new Row(method + " " + path.replaceAll("\\?.*", "") + ": " + name, () -> switch (method) {
      case "GET" -> http.as(user).get(path);
      case "PUT" -> http.as(user).put(path, body);
      default -> http.as(user).post(path, body);
    }, status, field, fragment, null, false));
  }

  private void post(String name, String user, String path, Object body, String field, String fragment) {
    api(name, user, "POST", path, body, 400, field, fragment);
  }

  private void get(String name, String user, String path, String field, String fragment) {
    api(name, user, "GET", path, null, 400, field, fragment);
  }

  /** A task completion as Tasklist submits it (lists as Json, the rest untyped). */
  private void task(String name, String user, String taskKey, Map<String, ?> values, String field, String fragment) {
    rows.add(new Row(taskKey + ": " + name, () -> engine.submit(user, waiting.get(taskKey), taskKey, values),
        400, field, fragment, taskKey, true));
  }

  /** A task completion with typed variables, as a script may send them through /engine-rest. */
  private void typedTask(String name, String user, String taskKey, Map<String, Object> variables, String field,
      String fragment) {
    rows.add(new Row(taskKey + ": " + name, () -> http.as(user).post("/engine-rest/task/"
        + engine.requireTask(waiting.get(taskKey), taskKey).getId() + "/submit-form", Map.of("variables", variables)),
        400, field, fragment, taskKey, true));
  }

  /** A process started from its Tasklist start form (untyped values, lists as Json). */
  private void startForm(String name, String user, String processKey, Map<String, ?> values, String field,
      String fragment) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((k, v) -> variables.put(k, v instanceof List<?> ? Map.of("type", "Json", "value", json(v))
        : Collections.singletonMap("value", v)));
    rows.add(new Row(processKey + " start form: " + name, () -> http.as(user).post("/engine-rest/process-definition/key/"
        + processKey + "/submit-form", Map.of("variables", variables)), 400, field, fragment, null, true));
  }

  @TestFactory
  Stream<DynamicTest> everyBadInputIsRefusedCleanlyAndWritesNothing() {
    itemsApi();
    otherApis();
    listsAndAddresses();
    itemTasks();
    interviewTasks();
    supervisionTasks();
    assessmentAndReportTasks();
    startForms();
    malformedEngineRequests();
    return rows.stream().map(r -> DynamicTest.dynamicTest(r.name(), () -> check(r)));
  }

  private void itemsApi() {
    String items = "/api/items";
    post("NUL in the title", "office1", items, with(item(), "title", NUL), "title", "控制字符");
    post("a bell character in the title", "office1", items, with(item(), "title", "推进\u0007就业"), "title", "控制字符");
    post("a newline in the one-line title", "office1", items, with(item(), "title", "推进\n就业"), "title", "只能填写一行");
    post("201 characters of title", "office1", items, with(item(), "title", "字".repeat(201)), "title", "不能超过 200 字");
    post("1 MB of title", "office1", items, with(item(), "title", MB), "title", "不能超过 200 字");
    post("1 MB of target", "office1", items, with(item(), "target", MB), "target", "工作目标不能超过 2000 字");
    post("NUL in the target", "office1", items, with(item(), "target", NUL), "target", "控制字符");
    post("a lone surrogate in the target", "office1", items,
        json(item()).replace("城镇新增就业 3000 人", "目标\\uD800"), "target", "控制字符");
    post("deadline in year +300000", "office1", items, with(item(), "deadline", "+300000-01-01"), "deadline",
        "截止日期应在 2000-01-01 到 2100-12-31 之间");
    post("deadline in year +5874898", "office1", items, with(item(), "deadline", "+5874898-12-31"), "deadline",
        "截止日期应在 2000-01-01 到 2100-12-31 之间");
    post("deadline as the number 20261231", "office1", items, with(item(), "deadline", 20261231), "deadline",
        "截止日期应为 YYYY-MM-DD 格式的日期文本");
    post("deadline 2026-02-30", "office1", items, with(item(), "deadline", "2026-02-30"), "deadline", "截止日期不是有效的日期");
    post("issuedOn in 1999", "office1", items, with(item(), "issuedOn", "1999-12-31"), "issuedOn", "下发日期应在 2000-01-01");
    post("source 3 (an enum by position)", "office1", items, with(item(), "source", 3), "source", "事项来源不是可选的值：3");
    post("source \"3\"", "office1", items, with(item(), "source", "3"), "source", "事项来源不是可选的值：3");
    post("category 0", "office1", items, with(item(), "category", 0), "category", "工作类别不是可选的值");
    post("an unknown unit", "office1", items, with(item(), "unitCode", "NOPE"), "unitCode", "没有这个责任单位：NOPE");
    post("NUL in the unit", "office1", items, with(item(), "unitCode", "T\u00001"), "unitCode", "控制字符");
    post("1 MB of leader", "office1", items, with(item(), "leadLeader", MB), "leadLeader", "分管领导不能超过 64 字");
    post("an unknown parent item", "office1", items, with(item(), "parentCode", "ZR-2026-9999"), "parentCode",
        "没有这个上级事项");
    post("an object for the title", "office1", items, with(item(), "title", Map.of("zh", "标题")), "title", "事项名称应为文本");
    post("a list for the deadline", "office1", items, with(item(), "deadline", List.of("2026-06-30")), "deadline",
        "截止日期");
    post("an unknown co-unit", "office1", items, with(item(), "coUnitCodes", List.of("NOPE")), "coUnitCodes",
        "协办单位中没有这个单位：NOPE");
    post("the lead unit as its own co-unit", "office1", items, with(item(), "coUnitCodes", List.of("T1")), "coUnitCodes",
        "协办单位不能是牵头的责任单位本身");
    post("a co-unit twice", "office1", items, with(item(), "coUnitCodes", List.of("T2", "T2")), "coUnitCodes",
        "协办单位重复");
    post("an object for the co-units", "office1", items, with(item(), "coUnitCodes", Map.of("unit", "T2")), "coUnitCodes",
        "协办单位");
    post("an unknown field", "office1", items, with(item(), "owner", "t1a"), "owner", "未知字段：owner");
    post("trailing garbage after the body", "office1", items, json(item()) + "{}", null, "JSON");
    post("a body that is not JSON", "office1", items, "{\"title\": 推进", "title", "请求体不是有效的 JSON");
    post("an empty body", "office1", items, "", null, "请求体");

    String progress = "/api/items/" + waiting.get("submitCompletion") + "/progress";
    post("progress 1e1000000", "t1b", progress, "{\"progressPercent\":1e1000000,\"progressNote\":\"x\"}",
        "progressPercent", "完成进度数值过大：1E+1000000");
    post("progress -1e1000000", "t1b", progress, "{\"progressPercent\":-1e1000000,\"progressNote\":\"x\"}",
        "progressPercent", "完成进度数值过大");
    post("progress 1e-1000000", "t1b", progress, "{\"progressPercent\":1e-1000000,\"progressNote\":\"x\"}",
        "progressPercent", "完成进度小数位数过多");
    post("progress as the text \"50\"", "t1b", progress, Map.of("progressPercent", "50", "progressNote", "x"),
        "progressPercent", "完成进度应为数字");
    post("progress 50.5", "t1b", progress, Map.of("progressPercent", 50.5, "progressNote", "x"), "progressPercent",
        "完成进度应为整数");
    post("progress 101", "t1b", progress, Map.of("progressPercent", 101, "progressNote", "x"), "progressPercent",
        "完成进度应在 0 到 100 之间：101");
    post("NUL in the progress note", "t1b", progress, Map.of("progressPercent", 50, "progressNote", NUL),
        "progressNote", "进展情况含有不允许的控制字符");
    post("4001 characters of progress note", "t1b", progress,
        Map.of("progressPercent", 50, "progressNote", "进".repeat(4001)), "progressNote", "进展情况不能超过 4000 字");
    post("1 MB of progress note", "t1b", progress, Map.of("progressPercent", 50, "progressNote", MB),
        "progressNote", "进展情况不能超过 4000 字");
  }

  private void otherApis() {
    String interviews = "/api/interviews";
    post("NUL in the subject", "office1", interviews, with(interviewBody(), "subject", NUL), "subject", "约谈事由含有不允许的控制字符");
    post("1 MB of subject", "office1", interviews, with(interviewBody(), "subject", MB), "subject", "约谈事由不能超过 500 字");
    post("an unknown related item", "office1", interviews, with(interviewBody(), "relatedItemCode", "ZR-2026-9999"),
        "relatedItemCode", "没有这个责任清单事项：ZR-2026-9999");
    post("trigger 1 (an enum by position)", "office1", interviews, with(interviewBody(), "trigger", 1), "trigger",
        "约谈情形不是可选的值：1");
    post("an unknown method", "office1", interviews, with(interviewBody(), "method", "SHOUTING"), "method",
        "约谈方式不是可选的值：SHOUTING");
    post("NUL in an interviewee", "office1", interviews, with(interviewBody(), "interviewees", List.of("t1\u0000a")),
        "interviewees", "控制字符");
    post("an interviewee id of 65 characters", "office1", interviews,
        with(interviewBody(), "interviewees", List.of("u".repeat(65))), "interviewees", "被约谈人中的每一项不能超过 64 字");
    post("501 interviewees", "office1", interviews,
        with(interviewBody(), "interviewees", Collections.nCopies(501, "t1a")), "interviewees", "被约谈人最多 500 项");
    post("scheduled in year +300000", "office1", interviews,
        with(interviewBody(), "scheduledAt", "+300000-01-01T10:00:00+08:00"), "scheduledAt", "约谈时间应在 2000-01-01");
    post("scheduled 2026-02-30", "office1", interviews,
        with(interviewBody(), "scheduledAt", "2026-02-30T10:00:00+08:00"), "scheduledAt", "约谈时间不是有效的时间");
    post("scheduled as a number", "office1", interviews, with(interviewBody(), "scheduledAt", 1780000000), "scheduledAt",
        "约谈时间");
    post("a newline in the place", "office1", interviews, with(interviewBody(), "place", "三楼\n会议室"), "place",
        "约谈地点只能填写一行");
    post("an unknown interview followed up", "office1", interviews,
        with(interviewBody(), "followUpOf", "YT-2026-9999"), "followUpOf", "被回访的约谈不存在");
    String cancel = "/api/interviews/" + interviewToCancel + "/cancel";
    post("NUL in the reason", "office1", cancel, Map.of("reason", NUL), "reason", "取消原因含有不允许的控制字符");
    post("1 MB of reason", "office1", cancel, Map.of("reason", MB), "reason", "取消原因不能超过 500 字");

    String supervisions = "/api/supervisions";
    Map<String, Object> random = Map.of("method", "RANDOM", "subject", "随机抽查", "sampleSize", 2);
    post("method 4 (an enum by position)", "office1", supervisions, with(supervisionBody(), "method", 4), "method",
        "不是可选的督查方式：4");
    post("NUL in the subject", "office1", supervisions, with(supervisionBody(), "subject", NUL), "subject",
        "督查主题含有不允许的控制字符");
    post("a newline in the one-line subject", "office1", supervisions, with(supervisionBody(), "subject", "安全\n生产"),
        "subject", "督查主题只能填写一行");
    post("1 MB of subject", "office1", supervisions, with(supervisionBody(), "subject", MB), "subject",
        "督查主题不能超过 200 字");
    post("an overflowing sample size", "office1", supervisions, json(random).replace("\"sampleSize\":2",
        "\"sampleSize\":99999999999"), "sampleSize", "抽取单位数");
    post("sample size 1e1000000", "office1", supervisions, json(random).replace("\"sampleSize\":2",
        "\"sampleSize\":1e1000000"), "sampleSize", "抽取单位数应为整数");
    post("sample size 2.5", "office1", supervisions, with(random, "sampleSize", 2.5), "sampleSize", "抽取单位数应为整数");
    post("sample size as the text \"2\"", "office1", supervisions, with(random, "sampleSize", "2"), "sampleSize",
        "抽取单位数应为整数");
    post("sample size 0", "office1", supervisions, with(random, "sampleSize", 0), "sampleSize", "抽取单位数应在 1 到");
    post("a negative seed", "office1", supervisions, with(random, "sampleSeed", -1), "sampleSeed", "随机种子应在 0 到");
    post("an unknown unit", "office1", supervisions, with(supervisionBody(), "unitCodes", List.of("T1", "T9")),
        "unitCodes", "T9");
    post("NUL in a unit", "office1", supervisions, with(supervisionBody(), "unitCodes", List.of("T\u00001")),
        "unitCodes", "控制字符");
    post("501 units", "office1", supervisions, with(supervisionBody(), "unitCodes", Collections.nCopies(501, "T1")),
        "unitCodes", "被督查单位最多 500 项");

    post("NUL in the period", "office1", "/api/assessments", Map.of("period", "20\u000026"), "period", "考核期含有不允许的控制字符");
    post("1 MB of period", "office1", "/api/assessments", Map.of("period", MB), "period", "考核期不能超过 7 字");
    post("a period that is not one", "office1", "/api/assessments", Map.of("period", "2026-H3"), "period", "考核期应为年度");
    String appeals = "/api/assessments/" + appealAssessment + "/appeals";
    post("NUL in the reason", "t1a", appeals, Map.of("resultId", appealResult, "reason", NUL), "reason",
        "申诉理由含有不允许的控制字符");
    post("1 MB of reason", "t1a", appeals, Map.of("resultId", appealResult, "reason", MB), "reason", "申诉理由不能超过 2000 字");
    post("a result id as text", "t1a", appeals, Map.of("resultId", "第一条", "reason", "不服"), "resultId",
        "申诉的考核结果应为整数");
    post("a result id of 1e1000000", "t1a", appeals, "{\"resultId\":1e1000000,\"reason\":\"不服\"}", "resultId",
        "申诉的考核结果应为整数");

    post("kind 0", "office1", "/api/reports", Map.of("kind", 0, "period", "2026-Q2"), "kind", "不是可选的报告类型");
    post("NUL in the period", "office1", "/api/reports", Map.of("kind", "QUARTERLY_INSPECTION", "period", "2026\u0000Q2"),
        "period", "统计期间含有不允许的控制字符");
    post("1 MB of period", "office1", "/api/reports", Map.of("kind", "QUARTERLY_INSPECTION", "period", MB), "period",
        "统计期间不能超过 7 字");

    String preferences = "/api/notifications/preferences";
    api("email \"maybe\"", "t1a", "PUT", preferences, Map.of("email", "maybe"), 400, "email", "应为 true 或 false");
    api("email 1", "t1a", "PUT", preferences, Map.of("email", 1), 400, "email", "应为 true 或 false");
    post("a notification id that is not a number", "t1a", "/api/notifications/abc/read", Map.of(), "id", "编号应为整数");
    post("a notification id beyond long", "t1a", "/api/notifications/99999999999999999999/read", Map.of(), "id",
        "编号应为整数");
    api("someone else's notification", "t2a", "POST", "/api/notifications/" + notification + "/read", Map.of(), 404,
        null, "");
  }

  private void listsAndAddresses() {
    for (String list : List.of("/api/items", "/api/interviews", "/api/supervisions", "/api/supervisions/problems",
        "/api/notifications")) {
      get("page 2147483647", "office1", list + "?page=2147483647", "page", "页码应在 0 到 500000 之间");
      get("page 10000000", "office1", list + "?page=10000000", "page", "页码应在 0 到");
      get("page -1", "office1", list + "?page=-1", "page", "页码应在 0 到");
      get("page 99999999999", "office1", list + "?page=99999999999", "page", "页码应为整数");
      get("size 0", "office1", list + "?size=0", "size", "每页条数应在 1 到 500 之间");
      get("size 501", "office1", list + "?size=501", "size", "每页条数应在 1 到 500 之间");
    }
    get("NUL in the search", "office1", "/api/items?q=%E6%95%B4%00", "q", "搜索词含有不允许的控制字符");
    get("1000 characters of search", "office1", "/api/items?q=" + "a".repeat(1000), "q", "搜索词不能超过 100 字");
    get("status 3", "office1", "/api/items?status=3", "status", "状态不是可选的值：3");
    get("source 3", "office1", "/api/items?source=3", "source", "事项来源不是可选的值：3");
    // the same filters, bound once for the ledger and its Excel export
    get("status 3 in the export", "office1", "/api/items.xlsx?status=3", "status", "状态不是可选的值：3");
    get("light PURPLE", "office1", "/api/items?light=PURPLE", "light", "不是可选的值：PURPLE（可选：GREEN、YELLOW、RED）");
    get("light PURPLE in the export", "office1", "/api/items.xlsx?light=PURPLE", "light",
        "不是可选的值：PURPLE（可选：GREEN、YELLOW、RED）");
    get("overdue maybe", "office1", "/api/items?overdue=maybe", "overdue", "应为 true 或 false：maybe");
    get("year abc in the ledger", "office1", "/api/items?year=abc", "year", "应为整数：abc");
    get("year abc in the export", "office1", "/api/items.xlsx?year=abc", "year", "应为整数：abc");
    get("year 99999999999", "office1", "/api/stats?year=99999999999", "year", "年份应为整数");
    get("year 1e3", "office1", "/api/stats?year=1e3", "year", "年份应为整数");
    get("year 300000", "office1", "/api/stats?year=300000", "year", "年份");
    get("a control character in an interviewee", "office1", "/api/interviews?interviewee=t1%07a", "interviewee", "控制字符");
    get("quarter 5", "office1", "/api/supervisions/stats?year=2026&quarter=5", "quarter", "季度应为 1 到 4");
    get("an unknown supervision method", "office1", "/api/supervisions?method=2", "method", "不是可选的值");
    get("a 5000-character item code", "office1", "/api/items/" + "Z".repeat(5000), "code", "编号不能超过 200 字");
    api("an unknown item", "office1", "GET", "/api/items/ZR-2026-9999", null, 404, null, "ZR-2026-9999");
    api("an address that does not exist", "office1", "GET", "/api/nope", null, 404, null, "没有这个地址：/api/nope");
    api("a method the address does not take", "office1", "PUT", "/api/items", Map.of(), 405, null, "不支持的请求方法");
    post("a 3-million-character title", "office1", "/api/items", with(item(), "title", "a".repeat(3_000_000)), "title",
        "事项名称过长：一段文字不能超过 2000000 字");
    String part = "b".repeat(1_600_000);
    post("a 9.6 MB body", "office1", "/api/items", with(item(), "title", part, "target", part, "unitCode", part,
        "leadLeader", part, "parentCode", part, "responsiblePerson", part), null, "请求体过大：整个请求不能超过 8 MB");
  }

  private void itemTasks() {
    task("NUL in the return reason", "t1a", "acceptItem", Map.of("accepted", "false", "returnReason", NUL),
        "returnReason", "退回理由含有不允许的控制字符");
    task("1 MB of return reason", "t1a", "acceptItem", Map.of("accepted", "false", "returnReason", MB),
        "returnReason", "退回理由不能超过 2000 字");
    task("accepted 'maybe'", "t1a", "acceptItem", Map.of("accepted", "maybe"), "accepted", "应为是或否");

    task("NUL in the new unit", "office1", "reassignItem", Map.of("cancelled", "false", "unitCode", "T\u00002"),
        "unitCode", "责任单位含有不允许的控制字符");
    task("an unknown unit", "office1", "reassignItem", Map.of("cancelled", "false", "unitCode", "T9"),
        "unitCode", "没有这个责任单位：T9");
    task("1 MB of cancel reason", "office1", "reassignItem", Map.of("cancelled", "true", "cancelReason", MB),
        "cancelReason", "撤销理由不能超过 2000 字");

    task("NUL in the measures", "t1a", "planItem", Map.of("responsiblePerson", "t1b", "measures", NUL),
        "measures", "落实措施含有不允许的控制字符");
    task("4001 characters of measures", "t1a", "planItem",
        Map.of("responsiblePerson", "t1b", "measures", "措".repeat(4001)), "measures", "落实措施不能超过 4000 字");
    task("a person of another unit", "t1a", "planItem", Map.of("responsiblePerson", "t2a", "measures", "x"),
        "responsiblePerson", "责任人须是本单位");
    task("an unknown person", "t1a", "planItem", Map.of("responsiblePerson", "ghost", "measures", "x"),
        "responsiblePerson", "没有这个用户：ghost");
    task("a newline in the person", "t1a", "planItem", Map.of("responsiblePerson", "t1\nb", "measures", "x"),
        "responsiblePerson", "责任人只能填写一行");

    task("NUL in the progress note", "t1b", "reportProgress", Map.of("progressPercent", 50, "progressNote", NUL),
        "progressNote", "进展情况含有不允许的控制字符");
    task("1 MB of progress note", "t1b", "reportProgress", Map.of("progressPercent", 50, "progressNote", MB),
        "progressNote", "进展情况不能超过 4000 字");
    task("progress '1e1000000'", "t1b", "reportProgress", Map.of("progressPercent", "1e1000000", "progressNote", "x"),
        "progressPercent", "数值过大");
    task("progress 150", "t1b", "reportProgress", Map.of("progressPercent", 150, "progressNote", "x"),
        "progressPercent", "完成进度应在 0 到 100 之间");
    task("progress 'abc'", "t1b", "reportProgress", Map.of("progressPercent", "abc", "progressNote", "x"),
        "progressPercent", "完成进度应为数字");

    Map<String, Object> complete = Map.of("action", "COMPLETE", "completedOn", "2026-06-02", "completionNote", "已完成");
    task("1 MB of completion note", "t1b", "submitCompletion", with(complete, "completionNote", MB), "completionNote",
        "完成情况不能超过 4000 字");
    task("NUL in the completion note", "t1b", "submitCompletion", with(complete, "completionNote", NUL),
        "completionNote", "完成情况含有不允许的控制字符");
    task("completed on 2026-02-30", "t1b", "submitCompletion", with(complete, "completedOn", "2026-02-30"),
        "completedOn", "完成日期不是有效的日期");
    task("completed on 20260602 (a number)", "t1b", "submitCompletion", with(complete, "completedOn", 20260602),
        "completedOn", "不能是数字");
    task("completed in year +300000", "t1b", "submitCompletion", with(complete, "completedOn", "+300000-01-01"),
        "completedOn", "完成日期");
    task("completed tomorrow", "t1b", "submitCompletion", with(complete, "completedOn", "2026-06-04"), "completedOn",
        "完成日期应在下发日期");
    task("action 0 (an enum by position)", "t1b", "submitCompletion", with(complete, "action", 0), "action",
        "不是可选的值：0");
    Map<String, Object> extend = Map.of("action", "EXTEND", "newDeadline", "2026-07-31", "extensionReason", "汛期施工受阻");
    task("1 MB of extension reason", "t1b", "submitCompletion", with(extend, "extensionReason", MB), "extensionReason",
        "延期理由不能超过 2000 字");
    task("a new deadline in year 2101", "t1b", "submitCompletion", with(extend, "newDeadline", "2101-01-01"),
        "newDeadline", "延期后的截止日期应在 2000-01-01 到 2100-12-31 之间");
    typedTask("a typed Date of year 3000", "t1b", "submitCompletion", Map.of(
            "action", Map.of("value", "EXTEND"), "extensionReason", Map.of("value", "汛期"),
            "newDeadline", Map.of("type", "Date", "value", "3000-01-01T00:00:00.000+0800")),
        "newDeadline", "延期后的截止日期");
    typedTask("a typed Date of 30 February (Camunda would read 2 March)", "t1b", "submitCompletion", Map.of(
            "action", Map.of("value", "EXTEND"), "extensionReason", Map.of("value", "汛期"),
            "newDeadline", Map.of("type", "Date", "value", "2026-02-30T00:00:00.000+0800")),
        "newDeadline", "请以文本填写");

    task("NUL in the comment", "leader1", "approveExtension", Map.of("approved", "false", "comment", NUL), "comment",
        "审批意见含有不允许的控制字符");
    task("1 MB of comment", "leader1", "approveExtension", Map.of("approved", "false", "comment", MB), "comment",
        "审批意见不能超过 2000 字");

    for (String review : List.of("verifyCompletion", "reviewClosure", "confirmClosure")) {
      String user = review.equals("verifyCompletion") ? "office1" : review.equals("reviewClosure") ? "leader1" : "principal1";
      task("score 150", user, review, Map.of("approved", "true", "qualityScore", 150), "qualityScore", "质量分");
      task("score '1e1000000'", user, review, Map.of("approved", "true", "qualityScore", "1e1000000"), "qualityScore",
          "数值过大");
      task("score 1.8e308", user, review, Map.of("approved", "true", "qualityScore", Double.MAX_VALUE),
          "qualityScore", "质量分");
      task("NUL in the review comment", user, review,
          Map.of("approved", "false", "reviewComment", NUL), "reviewComment", "审核意见含有不允许的控制字符");
      task("1 MB of review comment", user, review,
          Map.of("approved", "false", "reviewComment", MB), "reviewComment", "审核意见不能超过 2000 字");
      task("90+ without a reason", user, review, Map.of("approved", "true", "qualityScore", 95), "reviewComment", "");
    }
  }

  private void interviewTasks() {
    task("NUL in the outline", "leader1", "prepareInterview", Map.of("outline", NUL), "outline", "约谈提纲含有不允许的控制字符");
    task("1 MB of outline", "leader1", "prepareInterview", Map.of("outline", MB), "outline", "约谈提纲不能超过 4000 字");
    Map<String, Object> moved = Map.of("held", "false", "scheduledAt", "2026-06-05T10:00:00+08:00",
        "place", "区委三楼小会议室", "rescheduleReason", "被约谈人出差");
    task("NUL in the reason", "leader1", "conductInterview", with(moved, "rescheduleReason", NUL), "rescheduleReason",
        "控制字符");
    task("a newline in the one-line reason", "leader1", "conductInterview", with(moved, "rescheduleReason", "出差\n未归"),
        "rescheduleReason", "只能填写一行");
    task("moved to 2026-02-30", "leader1", "conductInterview", with(moved, "scheduledAt", "2026-02-30T10:00:00+08:00"),
        "scheduledAt", "约谈时间不是有效的时间");
    task("moved to year 3000", "leader1", "conductInterview", with(moved, "scheduledAt", "3000-01-01T10:00:00+08:00"),
        "scheduledAt", "约谈时间应在 2000-01-01");
    task("1 MB of place", "leader1", "conductInterview", with(moved, "place", MB), "place", "约谈地点不能超过 200 字");
    task("held 'maybe'", "leader1", "conductInterview", with(moved, "held", "maybe"), "held", "应为是或否");
    task("an attendee with NUL", "leader1", "conductInterview",
        Map.of("held", "true", "attendees", List.of("t1\u0000a")), "attendees", "控制字符");
    task("501 attendees", "leader1", "conductInterview",
        Map.of("held", "true", "attendees", Collections.nCopies(501, "t1a")), "attendees", "最多 500 项");

    Map<String, Object> record = Map.of("record", "被约谈人说明了情况", "outcome", "EDUCATION", "rectificationRequired", "true",
        "rectificationDeadline", "2026-07-01");
    task("1 MB of record", "office1", "recordInterview", with(record, "record", MB), "record", "约谈记录不能超过 4000 字");
    task("4001 characters of record", "office1", "recordInterview", with(record, "record", "记".repeat(4001)), "record",
        "约谈记录不能超过 4000 字");
    task("NUL in the record", "office1", "recordInterview", with(record, "record", NUL), "record", "控制字符");
    task("outcome 1 (an enum by position)", "office1", "recordInterview", with(record, "outcome", 1), "outcome",
        "处理结果不是可选的值：1");
    task("a deadline of 2026-02-30", "office1", "recordInterview", with(record, "rectificationDeadline", "2026-02-30"),
        "rectificationDeadline", "整改期限不是有效的日期");
    task("a deadline of 20260701 (a number)", "office1", "recordInterview",
        with(record, "rectificationDeadline", 20260701), "rectificationDeadline", "不能是数字");
  }

  private void supervisionTasks() {
    task("NUL in the findings", "office1", "conductInspection", Map.of("findings", NUL), "findings", "督查发现含有不允许的控制字符");
    task("1 MB of findings", "office1", "conductInspection", Map.of("findings", MB), "findings", "督查发现不能超过 4000 字");
    task("4001 characters of findings", "office1", "conductInspection", Map.of("findings", "查".repeat(4001)), "findings",
        "督查发现不能超过 4000 字");
    task("1 MB of report", "office1", "writeReport", Map.of("report", MB, "problems", List.of()), "report",
        "督查报告不能超过 4000 字");
    task("NUL in a problem's description", "office1", "writeReport",
        Map.of("report", "报告", "problems", List.of(problem(NUL))), "problems", "发现的问题含有不允许的控制字符");
    task("a problem deadline of 2026-02-30", "office1", "writeReport",
        Map.of("report", "报告", "problems", List.of(with(problem("问题"), "deadline", "2026-02-30"))),
        "problems[0].deadline", "整改期限不是有效的日期");
    task("a problem of an unknown unit", "office1", "writeReport",
        Map.of("report", "报告", "problems", List.of(with(problem("问题"), "unitCode", "T9"))),
        "problems[0].unitCode", "没有这个单位：T9");
    task("NUL in the rectification", "t1a", "rectifyProblem", Map.of("rectification", NUL), "rectification", "控制字符");
    task("1 MB of rectification", "t1a", "rectifyProblem", Map.of("rectification", MB), "rectification",
        "整改情况不能超过 4000 字");
    task("NUL in the comment", "office1", "verifyRectification", Map.of("verified", "false", "verifyComment", NUL),
        "verifyComment", "核验意见含有不允许的控制字符");
    task("1 MB of comment", "office1", "verifyRectification", Map.of("verified", "false", "verifyComment", MB),
        "verifyComment", "核验意见不能超过 2000 字");
    task("verified 'maybe'", "office1", "verifyRectification", Map.of("verified", "maybe"), "verified", "应为是或否");
  }

  private void assessmentAndReportTasks() {
    task("NUL in the comment", "office1", "reviewAssessment", Map.of("reviewOutcome", "RECOMPUTE", "reviewComment", NUL),
        "reviewComment", "审核意见含有不允许的控制字符");
    task("1 MB of comment", "office1", "reviewAssessment", Map.of("reviewOutcome", "RECOMPUTE", "reviewComment", MB),
        "reviewComment", "审核意见不能超过 2000 字");
    task("a result id of 1e1000000", "office1", "reviewAssessment",
        Map.of("reviewOutcome", "ADJUST", "adjustResultId", "1e1000000", "adjustedGrade", "GOOD", "reviewComment", "x"),
        "adjustResultId", "数值过大");
    task("grade 2 (an enum by position)", "office1", "reviewAssessment",
        Map.of("reviewOutcome", "ADJUST", "adjustResultId", 1, "adjustedGrade", 2, "reviewComment", "x"),
        "adjustedGrade", "调整后的等次不是可选的值：2");
    task("NUL in the comment", "principal1", "approveAssessment", Map.of("approved", "false", "approvalComment", NUL),
        "approvalComment", "审批意见含有不允许的控制字符");
    task("1 MB of comment", "principal1", "approveAssessment", Map.of("approved", "false", "approvalComment", MB),
        "approvalComment", "审批意见不能超过 2000 字");
    task("NUL in the comment", "principal1", "decideAppeal",
        Map.of("appealDecision", "REJECTED", "decisionComment", NUL), "decisionComment", "审理意见含有不允许的控制字符");
    task("1 MB of comment", "principal1", "decideAppeal",
        Map.of("appealDecision", "REJECTED", "decisionComment", MB), "decisionComment", "审理意见不能超过 2000 字");
    task("decision 0 (an enum by position)", "principal1", "decideAppeal",
        Map.of("appealDecision", 0, "decisionComment", "x"), "appealDecision", "审理结果不是可选的值：0");
    task("NUL in the foreword", "office1", "editReport", Map.of("foreword", NUL), "foreword", "按语含有不允许的控制字符");
    task("1 MB of foreword", "office1", "editReport", Map.of("foreword", MB), "foreword", "按语不能超过 4000 字");
    task("NUL in the comment", "principal1", "approveReport", Map.of("approved", "false", "approvalComment", NUL),
        "approvalComment", "审批意见含有不允许的控制字符");
    task("1 MB of comment", "principal1", "approveReport", Map.of("approved", "false", "approvalComment", MB),
        "approvalComment", "审批意见不能超过 2000 字");
  }

  private void startForms() {
    startForm("NUL in the title", "office1", "responsibility-item", with(item(), "title", NUL), "title", "控制字符");
    startForm("1 MB of target", "office1", "responsibility-item", with(item(), "target", MB), "target",
        "工作目标不能超过 2000 字");
    startForm("deadline 20261231 (a number)", "office1", "responsibility-item", with(item(), "deadline", 20261231),
        "deadline", "不能是数字");
    startForm("source 3", "office1", "responsibility-item", with(item(), "source", 3), "source", "事项来源不是可选的值：3");
    startForm("1 MB of subject", "office1", "interview", with(interviewBody(), "subject", MB), "subject",
        "约谈事由不能超过 500 字");
    startForm("an unknown related item", "office1", "interview", with(interviewBody(), "relatedItemCode", "ZR-2026-9999"),
        "relatedItemCode", "没有这个责任清单事项");
    startForm("sample size 1e1000000", "office1", "supervision",
        Map.of("method", "RANDOM", "subject", "随机抽查", "sampleSize", "1e1000000"), "sampleSize", "数值过大");
    startForm("NUL in the period", "office1", "assessment", Map.of("period", "20\u000026"), "period", "考核期含有不允许的控制字符");
    startForm("1 MB of period", "office1", "periodic-report", Map.of("kind", "QUARTERLY_INSPECTION", "period", MB),
        "period", "统计期间不能超过 7 字");
  }

  // one row ----------------------------------------------------------------------------------------

  /** What Camunda's REST layer itself cannot read: answered like a listener's refusal, not with a 500. */
  private void malformedEngineRequests() {
    rawTask("a body cut short", "acceptItem", "{\"variables\":", null, "请求体不是有效的 JSON");
    rawTask("variables as a list", "acceptItem", "{\"variables\":[]}", "variables", "请求体不是有效的 JSON");
    rawTask("a variable without a value", "acceptItem", "{\"variables\":{\"accepted\":null}}", null,
        "变量缺少值");
    rawTask("a Json value that is no JSON", "acceptItem", "{\"variables\":{\"accepted\":{\"value\":false},"
        + "\"returnReason\":{\"value\":\"{x\",\"type\":\"Json\"}}}", null, "变量的值不是有效的 JSON");
    rawTask("an untyped object", "acceptItem", "{\"variables\":{\"accepted\":{\"value\":false},"
        + "\"returnReason\":{\"value\":{\"a\":1}}}}", "returnReason", "退回理由的值类型不支持");
    engineGet("maxResults that is not a number", "/engine-rest/task?maxResults=abc", "maxResults",
        "参数 最多条数 的值格式不正确");
    engineGet("a negative maxResults", "/engine-rest/history/process-instance?maxResults=-5", "maxResults",
        "最多条数不能为负数");
    engineGet("a negative firstResult", "/engine-rest/task?firstResult=-1&maxResults=5", "firstResult",
        "起始条数不能为负数");
    rows.add(new Row("comment: NUL in a task's comment", () -> http.as("t1a").post("/engine-rest/task/"
        + engine.requireTask(waiting.get("acceptItem"), "acceptItem").getId() + "/comment/create",
        Map.of("message", NUL)), 400, "message", "评论含有不允许的控制字符", null, true));
  }

  private void rawTask(String name, String taskKey, String body, String field, String fragment) {
    rows.add(new Row(taskKey + ": " + name, () -> http.as("t1a").post("/engine-rest/task/"
        + engine.requireTask(waiting.get(taskKey), taskKey).getId() + "/submit-form", body),
        400, field, fragment, taskKey, true));
  }

  private void engineGet(String name, String path, String field, String fragment) {
    rows.add(new Row("GET " + path.replaceAll("\\?.*", "") + ": " + name, () -> http.as("t1a").get(path),
        400, field, fragment, null, true));
  }

  private void check(Row row) {
    Task open = row.isTask() ? engine.requireTask(waiting.get(row.taskKey()), row.taskKey()) : null;
    long instances = runtime.createProcessInstanceQuery().count();
    DatabaseState before = DatabaseState.of(dataSource);
    log.clear();

    Http.Response r = row.send().get();

    assertThat(r.body().length()).as("a short answer: %s", r).isLessThan(1500);
    JsonNode body = r.json();
    String message = body.path("message").asText();
    assertThat(message).as("the message of %s", r).contains(row.fragment());
    assertThat(r.body()).as("no SQL, stack trace or echoed NUL: %s", r)
        .doesNotContain("SQL", "insert into", "update ls_", "at org.", "\\u0000");
    assertThat(message).as("no engine code or exception name: %s", r).doesNotContain("ENGINE-", "Exception");
    assertThat(r.status()).as(r.toString()).isEqualTo(row.status());
    assertThat(body.get("status").asInt()).isEqualTo(row.status());
    assertThat(body.path("field").isMissingNode() ? null : body.get("field").asText()).as(r.toString())
        .isEqualTo(row.field());
    if (open != null) {
      assertThat(tasks.createTaskQuery().taskId(open.getId()).count()).as("the task stays open").isEqualTo(1);
    }
    List<String> logged = log.warningsAndErrors();
    assertThat(logged).as("one WARN line, no ERROR").hasSize(1).allMatch(line -> line.startsWith("WARN "));
    if (!row.engineRest()) {
      assertThat(r.body()).as("nothing but the error shape on /api: %s", r).doesNotContain("Exception");
      assertThat(logged.get(0)).startsWith("WARN org.luoshi.web.ApiExceptionHandler: " + row.status());
    }
    assertThat(log.withStackTraces()).as("no stack trace in the log").isZero();
    assertThat(runtime.createProcessInstanceQuery().count()).as("no instance started or ended").isEqualTo(instances);
    assertThat(DatabaseState.of(dataSource).differencesFrom(before)).as("nothing written").isEmpty();
  }
}
