package org.luoshi.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luoshi.engine.Time;
import org.luoshi.testsupport.Browser;
import org.luoshi.testsupport.BrowserExtension;
import org.luoshi.testsupport.Engine;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What managers see (headless Chromium, Chinese browser, 1440×900): the Cockpit plugins — the
 * 全区工作落实 dashboard, the 落实 tab of an instance, finished instances with their activities and
 * user operations — and the charts of the ledger, each as the office, a leader and a unit member.
 * Every figure shown is compared with what the API gives the same person, and no request may leave
 * the application's origin. Screenshots in target/screenshots/.
 */
@LuoshiIT
@ExtendWith(BrowserExtension.class)
class CockpitAndChartsBrowserIT {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  Http http;
  Engine engine;
  static int year;
  static String closed;     // T1, leader1: closed with 85 at both levels (final 89.5)
  static String running;    // T1, leader1: being implemented
  static String issuedT2;   // T2, leader2: waiting to be accepted
  static String cancelled;  // T2, leader2: returned and cancelled by the office

  @BeforeEach
  void district() {
    TestOrganisation.create(identity);
    http = new Http(port);
    engine = new Engine(http, tasks, management);
    if (closed == null) {
      year = Time.today().getYear();
      closed = issue("T1", "leader1", "推进就业创业服务提质", 40);
      running = issue("T1", "leader1", "完成老旧小区改造", 60);
      issuedT2 = issue("T2", "leader2", "整治背街小巷环境卫生", 2);
      cancelled = issue("T2", "leader2", "重复下发的防汛检查", 30);
      for (String code : List.of(closed, running)) {
        engine.done("t1a", code, "acceptItem", Map.of("accepted", "true"));
        engine.done("t1a", code, "planItem", Map.of("responsiblePerson", "t1b", "measures", "分片包干，周报进度"));
      }
      engine.done("t1b", closed, "submitCompletion",
          Map.of("action", "COMPLETE", "completedOn", Time.today().toString(), "completionNote", "已全部完成"));
      // claimed first, as opening it in Tasklist does: the history's user operations show who took it
      Http.Response claim = http.as("office1").post("/engine-rest/task/" + engine.task(closed, "verifyCompletion").getId()
          + "/claim", Map.of("userId", "office1"));
      assertThat(claim.status()).as(claim.toString()).isEqualTo(204);
      engine.done("office1", closed, "verifyCompletion", Map.of("approved", "true", "qualityScore", 85));
      engine.done("leader1", closed, "reviewClosure", Map.of("approved", "true", "qualityScore", 85));
      engine.done("t2a", cancelled, "acceptItem", Map.of("accepted", "false", "returnReason", "不属于本单位职责"));
      engine.done("office1", cancelled, "reassignItem", Map.of("cancelled", "true", "cancelReason", "重复下发"));
      engine.runAsync();
    }
  }

  private String issue(String unit, String leader, String title, int days) {
    Http.Response r = http.as("office1").post("/api/items", Map.of("title", title, "source", "KEY_TASK",
        "unitCode", unit, "leadLeader", leader, "deadline", Time.today().plusDays(days).toString(),
        "target", "按期完成"));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    engine.runAsync();
    return r.json().get("code").asText();
  }

  private String instanceOf(String code) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();
  }

  private JsonNode api(String user, String path) {
    Http.Response r = http.as(user).get(path);
    assertThat(r.status()).as(user + " " + path + ": " + r).isEqualTo(200);
    return r.json();
  }

  /** The rows of the data table under a chart (the figures the chart draws), header first. */
  @SuppressWarnings("unchecked")
  private static List<List<String>> chartTable(Browser browser, String host) {
    browser.waitUntil(d -> !d.findElements(By.cssSelector(host + " .chart svg")).isEmpty());
    return (List<List<String>>) browser.script("return Array.from(document.querySelectorAll(arguments[0] + ' details table tr'))"
        + ".map(tr => Array.from(tr.children).map(c => c.textContent.trim()));", host);
  }

  /** The seed's figures as the page shows them on its cards: label → figure. */
  private static Map<String, String> cards(Browser browser, String css) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (var card : browser.driver().findElements(By.cssSelector(css))) {
      out.put(card.findElement(By.tagName("span")).getText().trim(), card.findElement(By.tagName("b")).getText().trim());
    }
    return out;
  }

  /** The texts drawn in a chart's SVG (axis labels, slice labels, legend). */
  @SuppressWarnings("unchecked")
  private static List<String> drawnTexts(Browser browser, String host) {
    return (List<String>) browser.script("return Array.from(document.querySelectorAll(arguments[0] + ' .chart svg text'))"
        + ".map(t => t.textContent.trim()).filter(t => t);", host);
  }

  /** Every label drawn whole: ECharts cuts a label too wide for its place to "黄灯（临近截...". */
  private static void assertNoLabelCut(Browser browser, String host) {
    assertThat(drawnTexts(browser, host)).as(host + " labels").isNotEmpty().noneMatch(t -> t.contains("...") || t.contains("…"));
  }

  private static String rate(JsonNode r) {
    return r == null || r.isNull() ? "—" : String.format("%.1f%%", r.asDouble() * 100);
  }

  private static List<List<String>> monthlyRows(JsonNode monthly) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("月份", "下发", "销号", "逾期"));
    monthly.get("months").forEach(m -> rows.add(List.of(m.get("month").asText() + "月", m.get("issued").asText(),
        m.get("closed").asText(), m.get("overdue").asText())));
    return rows;
  }

  private static List<List<String>> lightRows(JsonNode l) {
    return List.of(List.of("灯", "事项数"), List.of("红灯（逾期）", l.get("red").asText()),
        List.of("黄灯（临近截止或进度滞后）", l.get("yellow").asText()), List.of("绿灯（正常）", l.get("green").asText()));
  }

  /** Month → sessions per interviewer level, as the interview chart's table lists them. */
  private static List<List<String>> interviewRows(JsonNode monthly) {
    List<String> levels = new ArrayList<>();
    monthly.get("levels").fieldNames().forEachRemaining(levels::add);
    List<List<String>> rows = new ArrayList<>();
    List<String> head = new ArrayList<>(List.of("月份"));
    levels.forEach(l -> head.add(monthly.get("levels").get(l).asText()));
    rows.add(head);
    monthly.get("months").forEach(m -> {
      List<String> row = new ArrayList<>(List.of(m.get("month").asText() + "月"));
      levels.forEach(l -> row.add(m.get("sessions").get(l).asText()));
      rows.add(row);
    });
    return rows;
  }

  /** Unit name → issued, closed, …, overdue, co-items (协办事项), as the completion chart's table lists them. */
  private static Map<String, List<String>> unitRows(JsonNode stats) {
    Map<String, List<String>> out = new java.util.HashMap<>();
    stats.get("byUnit").forEach(u -> {
      JsonNode c = u.get("counts");
      out.put(u.get("unitName").asText(), List.of(u.get("unitName").asText(), c.get("issued").asText(),
          c.get("closed").asText(), c.get("closing").asText(), c.get("inProgress").asText(), c.get("returned").asText(),
          c.get("cancelled").asText(), c.get("overdue").asText(), u.get("coResponsible").asText()));
    });
    return out;
  }

  private static void assertUnitsShown(List<List<String>> shown, JsonNode stats) {
    Map<String, List<String>> expected = unitRows(stats);
    assertThat(shown.subList(1, shown.size())).hasSize(expected.size());
    shown.subList(1, shown.size()).forEach(row -> assertThat(row).isEqualTo(expected.get(row.get(0))));
  }

  private void assertDashboardMatchesTheApi(Browser browser, String user) {
    browser.waitFor(By.cssSelector(".luoshi-dashboard[data-loaded]"));
    JsonNode t = api(user, "/api/stats?year=" + year).get("total");
    assertThat(cards(browser, ".luoshi-card")).containsExactly(
        Map.entry("下发", t.get("issued").asText()), Map.entry("已销号", t.get("closed").asText()),
        Map.entry("进入销号程序", t.get("closing").asText()), Map.entry("正在落实", t.get("inProgress").asText()),
        Map.entry("逾期未完成", t.get("overdue").asText()), Map.entry("批示件按期回复率", rate(t.get("instructionReplyRate"))));
    assertUnitsShown(chartTable(browser, "[data-chart=units]"), api(user, "/api/stats?year=" + year));
    assertThat(chartTable(browser, "[data-chart=monthly]")).isEqualTo(monthlyRows(api(user, "/api/stats/monthly?year=" + year)));
    assertThat(chartTable(browser, "[data-chart=lights]")).isEqualTo(lightRows(api(user, "/api/stats/lights?year=" + year)));
    assertNoLabelCut(browser, "[data-chart=lights]");
    assertThat(chartTable(browser, "[data-chart=interviews]"))
        .isEqualTo(interviewRows(api(user, "/api/interviews/stats/monthly?year=" + year)));
    assertThat(browser.driver().findElement(By.cssSelector(".luoshi-card[data-figure=已销号]")).getAttribute("href"))
        .endsWith("/ledger/?year=" + year + "&status=CLOSED");
  }

  private static void assertStayedInsideTheApp(Browser browser) {
    List<String> all = browser.requestedUrls();
    assertThat(all).as("the network log saw the page's requests").anyMatch(u -> u.contains("/webjars/echarts/"));
    assertThat(browser.requestsOffOrigin()).as("requests outside " + browser.baseUrl()).isEmpty();
  }

  // --- Cockpit ---------------------------------------------------------------------------------

  @Test
  void theOfficeSeesTheDistrictsFiguresAndChartsOnTheCockpitDashboard(Browser browser) {
    browser.login("cockpit", "office1", TestOrganisation.PASSWORD);
    browser.waitForText("全区工作落实", "下发", "已销号", "进入销号程序", "正在落实", "逾期未完成", "批示件按期回复率");
    assertDashboardMatchesTheApi(browser, "office1");
    assertThat(chartTable(browser, "[data-chart=interviews]").get(0)).containsExactly("月份", "县级领导", "部门单位");
    assertThat(browser.text()).contains("各单位完成情况", "测试一局", "测试二局", "每月下发、销号和逾期事项", "在办事项红黄绿灯");
    browser.settle().screenshot("cockpit-luoshi-dashboard-office");
    scrollTo(browser, "[data-chart=monthly]");
    browser.screenshot("cockpit-luoshi-dashboard-office-charts");
    assertStayedInsideTheApp(browser);
  }

  @Test
  void aLeadersDashboardCountsWhatTheyLead(Browser browser) {
    browser.login("cockpit", "leader1", TestOrganisation.PASSWORD);
    assertDashboardMatchesTheApi(browser, "leader1");
    // leader1 leads the two T1 items only: one closed, one in progress, nothing of T2's
    assertThat(chartTable(browser, "[data-chart=lights]")).isEqualTo(lightRows(api("leader1", "/api/stats/lights?year=" + year)));
    assertThat(api("leader1", "/api/stats/lights?year=" + year).get("green").asLong()
        + api("leader1", "/api/stats/lights?year=" + year).get("yellow").asLong()).isEqualTo(1);
    browser.settle().screenshot("cockpit-luoshi-dashboard-leader");
    assertStayedInsideTheApp(browser);
  }

  @Test
  void theLuoshiTabShowsTheItemBehindARunningInstance(Browser browser) {
    browser.login("cockpit", "leader1", TestOrganisation.PASSWORD);
    browser.go("/camunda/app/cockpit/default/#/process-instance/" + instanceOf(running)
        + "/runtime?tab=luoshi.processInstance.record");
    browser.waitFor(By.cssSelector(".luoshi-tab[data-loaded]"));
    JsonNode item = api("leader1", "/api/items/" + running);
    browser.waitForText(running, "完成老旧小区改造", "落实中", "测试一局", "分管一", "截止日期", item.get("deadline").asText(),
        "时效分", "质量分", "综合得分", "逐级审核", "在台账中查看事项详情");
    assertThat(browser.texts(".luoshi-record h3").get(0))
        .contains(Map.of("GREEN", "绿灯", "YELLOW", "黄灯", "RED", "红灯").get(item.get("light").asText()));
    assertThat(browser.driver().findElement(By.cssSelector(".luoshi-record a.luoshi-link")).getAttribute("href"))
        .endsWith("/ledger/items/" + running);
    // Cockpit's own facts beside the tab: no "上级流程实例 ID: null" on an instance nothing called
    assertThat(browser.text()).contains("业务编号").doesNotContain("null", "上级流程实例");
    browser.settle().screenshot("cockpit-luoshi-tab-leader");

    // another leader's item: neither Cockpit nor the tab show it
    browser.go("/camunda/app/cockpit/default/#/process-instance/" + instanceOf(issuedT2)
        + "/runtime?tab=luoshi.processInstance.record");
    browser.settle();
    assertThat(browser.text()).doesNotContain("整治背街小巷环境卫生");
    assertStayedInsideTheApp(browser);
  }

  private String started(String path, Map<String, ?> body) {
    Http.Response r = http.as("office1").post(path, body);
    assertThat(r.status()).as(path + ": " + r).isEqualTo(201);
    engine.runAsync();
    return r.json().get("processInstanceId").asText();
  }

  private void openTab(Browser browser, String processInstanceId) {
    browser.go("/camunda/app/cockpit/default/#/process-instance/" + processInstanceId
        + "/runtime?tab=luoshi.processInstance.record");
    browser.waitFor(By.cssSelector(".luoshi-tab[data-loaded]"));
  }

  @Test
  void theLuoshiTabShowsInterviewsSupervisionsReportsAndAssessmentsToo(Browser browser) {
    String interview = started("/api/interviews", Map.of("trigger", "POOR_IMPLEMENTATION", "interviewer", "leader1",
        "interviewees", List.of("t1b"), "subject", "老旧小区改造进度滞后", "relatedItemCode", running,
        "scheduledAt", Time.nowOffset().plusDays(3).withHour(10).withMinute(0).withSecond(0).withNano(0).toString()));
    String supervision = started("/api/supervisions", Map.of("method", "OPEN_VISIT", "subject", "营商环境明察",
        "unitCodes", List.of("T1", "T2")));
    String report = started("/api/reports", Map.of("kind", "QUARTERLY_INSPECTION", "period", year + "-Q1"));
    String assessment = started("/api/assessments", Map.of("period", String.valueOf(year - 1)));

    browser.login("cockpit", "office1", TestOrganisation.PASSWORD);
    openTab(browser, interview);
    browser.waitForText("老旧小区改造进度滞后", "工作落实不力", "分管一", "乙一", "约谈时间", running, "在台账中查看关联事项");
    browser.settle().screenshot("cockpit-luoshi-tab-interview");
    openTab(browser, supervision);
    browser.waitForText("营商环境明察", "明察", "测试一局、测试二局", "发现的问题", "在督查问题台账中查看");
    openTab(browser, report);
    browser.waitForText("季度督查报告", year + "年第一季度", "查看报告全文");
    openTab(browser, assessment);
    browser.waitForText((year - 1) + "年考核", "单位排名", "在“年度考核”页面查看");
    browser.settle().screenshot("cockpit-luoshi-tab-assessment");
    assertThat(browser.text()).doesNotContain("出错", "HTTP");
    assertStayedInsideTheApp(browser);
  }

  @Test
  void theOfficeFindsFinishedInstancesByYearUnitAndEndAndReadsTheirHistory(Browser browser) {
    browser.login("cockpit", "office1", TestOrganisation.PASSWORD);
    String definition = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(closed).singleResult()
        .getProcessDefinitionId();
    browser.go("/camunda/app/cockpit/default/#/process-definition/" + definition
        + "/runtime?detailsTab=luoshi.processDefinition.finished");
    browser.waitFor(By.cssSelector(".luoshi-finished[data-loaded]"));
    browser.waitForText("共 2 个已结束的实例", closed, cancelled);
    assertThat(browser.texts(".luoshi-ended")).as("how each ended").containsExactlyInAnyOrder("已销号", "事项撤销");
    assertThat(browser.texts(".luoshi-finished tbody tr")).as("each row says what it was about, not the key alone")
        .anyMatch(r -> r.contains(closed) && r.contains("推进就业创业服务提质") && r.contains("测试一局"))
        .anyMatch(r -> r.contains(cancelled) && r.contains("重复下发的防汛检查") && r.contains("测试二局"));
    assertThat(browser.text()).doesNotContain(running, issuedT2);
    browser.settle().screenshot("cockpit-finished-instances-office");

    choose(browser, "unit", "测试二局");
    browser.waitForText("共 1 个已结束的实例", cancelled);
    assertThat(browser.text()).doesNotContain(closed);
    choose(browser, "unit", "全部");
    choose(browser, "end", "已销号");
    browser.waitForText("共 1 个已结束的实例", closed);
    assertThat(browser.text()).doesNotContain(cancelled);
    assertThat(browser.texts(".luoshi-ended")).containsExactly("已销号");
    choose(browser, "year", (year - 1) + " 年");
    browser.waitForText("共 0 个已结束的实例", "没有符合条件的已结束实例");
    choose(browser, "year", year + " 年");
    browser.waitForText("共 1 个已结束的实例");

    browser.click(By.linkText(closed));
    browser.waitFor(By.cssSelector(".luoshi-page[data-loaded]"));
    browser.waitForText("责任清单事项", "正常结束", "落实记录", "办理环节", "操作记录", "签收", "制定落实方案", "督查室核验",
        "分管领导审核", "人工任务", "已销号", "89.5", "推进就业创业服务提质");
    assertOperationsShowWhoCompletedWhat(browser);
    browser.settle().screenshot("cockpit-finished-instance-history-office");
    scrollTo(browser, ".luoshi-operations");
    browser.screenshot("cockpit-finished-instance-operations-office");
    assertStayedInsideTheApp(browser);
  }

  /** The user operations of the closed item: the task completions, each by the person who did it. */
  private static void assertOperationsShowWhoCompletedWhat(Browser browser) {
    List<String> operations = browser.texts(".luoshi-operations tbody tr");
    assertThat(operations).as("user operations").isNotEmpty();
    assertThat(operations).anyMatch(o -> o.contains("督查一（office1）") && o.contains("任务") && o.contains("完成"));
    assertThat(operations).anyMatch(o -> o.contains("分管一（leader1）") && o.contains("任务：分管领导审核") && o.contains("完成"));
    assertThat(operations).as("a claim names the property and the person, in Chinese")
        .anyMatch(o -> o.contains("认领") && o.contains("办理人") && o.matches("(?s).*督查一（office1）.*督查一（office1）.*"));
    assertThat(operations).as("no engine field names or raw values")
        .noneMatch(o -> o.matches("(?s).*\\b(delete|assignee|true|false|null)\\b.*"));
    assertThat(browser.texts(".luoshi-activities tbody tr"))
        .anyMatch(a -> a.startsWith("报送完成") && a.contains("人工任务") && a.contains("乙一（t1b）"))
        .as("closed as the model closes an item, not \"终止\" as if stopped by hand")
        .anyMatch(a -> a.startsWith("已销号") && a.contains("结束")).noneMatch(a -> a.contains("终止"));
  }

  @Test
  void aLeaderSeesOnlyTheFinishedInstancesOfWhatTheyLead(Browser browser) {
    browser.login("cockpit", "leader1", TestOrganisation.PASSWORD);
    browser.waitFor(By.linkText("已结束流程")).click();
    browser.waitFor(By.cssSelector(".luoshi-finished[data-loaded]"));
    browser.waitForText("已结束流程", "共 1 个已结束的实例", closed, "推进就业创业服务提质");
    assertThat(browser.text()).doesNotContain(cancelled);
    browser.script("document.activeElement && document.activeElement.blur()"); // no focus ring on the link clicked
    browser.settle().screenshot("cockpit-finished-instances-leader");
    browser.click(By.linkText(closed));
    browser.waitFor(By.cssSelector(".luoshi-page[data-loaded]"));
    browser.waitForText("办理环节", "操作记录", "89.5");
    assertOperationsShowWhoCompletedWhat(browser); // a leader reads the history of what they lead

    // leader2's cancelled item, opened by its address: refused by the engine's authorizations
    browser.go("/camunda/app/cockpit/default/#/luoshi/instance/" + instanceOf(cancelled));
    browser.waitFor(By.cssSelector(".luoshi-page[data-loaded]"));
    browser.waitForText("没有找到，或本人无权查看");
    assertThat(browser.text()).doesNotContain("重复下发的防汛检查", "办理环节", "does not exist");
    browser.settle().screenshot("cockpit-finished-instance-refused-leader");
    assertStayedInsideTheApp(browser);
  }

  @Test
  void aUnitMemberCannotOpenCockpit(Browser browser) {
    browser.openLogin("cockpit");
    browser.driver().findElement(By.cssSelector(Browser.LOGIN_FORM + " input[type=text]")).sendKeys("t1a");
    browser.driver().findElement(By.cssSelector(Browser.LOGIN_FORM + " input[type=password]")).sendKeys(TestOrganisation.PASSWORD);
    browser.driver().findElement(By.cssSelector(Browser.LOGIN_FORM + " button[type=submit]")).click();
    browser.waitForText("登录失败", "没有访问本应用的权限");
    assertThat(browser.driver().findElements(By.cssSelector(Browser.SIGNED_IN))).isEmpty();
    assertThat(browser.text()).doesNotContain("全区工作落实");
    browser.screenshot("cockpit-refused-unit-member");
  }

  // --- the ledger's charts ---------------------------------------------------------------------

  private void assertStatsPageMatchesTheApi(Browser browser, String user) {
    browser.go("/ledger/stats.html");
    browser.waitFor(By.cssSelector("body[data-loaded]"));
    JsonNode stats = api(user, "/api/stats?year=" + year);
    JsonNode t = stats.get("total");
    assertThat(cards(browser, "#cards .card")).containsEntry("下发", t.get("issued").asText())
        .containsEntry("已销号", t.get("closed").asText()).containsEntry("逾期未完成", t.get("overdue").asText())
        .containsEntry("批示件回复率", rate(t.get("instructionReplyRate")));
    assertUnitsShown(chartTable(browser, "#units"), stats);
    assertThat(chartTable(browser, "#monthly")).isEqualTo(monthlyRows(api(user, "/api/stats/monthly?year=" + year)));
    assertThat(chartTable(browser, "#lights")).isEqualTo(lightRows(api(user, "/api/stats/lights?year=" + year)));
    assertNoLabelCut(browser, "#lights");
  }

  @Test
  void theOfficeSeesTheLedgersChartsAndCanPrintThem(Browser browser) throws Exception {
    browser.login("tasklist", "office1", TestOrganisation.PASSWORD);
    assertStatsPageMatchesTheApi(browser, "office1");
    assertThat(chartTable(browser, "#interviews"))
        .isEqualTo(interviewRows(api("office1", "/api/interviews/stats/monthly?year=" + year)));
    browser.waitForText("统计范围：全区所有事项", "各单位完成情况", "每月约谈次数");
    browser.settle().screenshot("ledger-stats-office");
    scrollTo(browser, "#monthly");
    browser.screenshot("ledger-stats-office-charts");

    // printed: A4, no navigation, the figures' tables unfolded
    var chromium = (org.openqa.selenium.chromium.ChromiumDriver) browser.driver();
    chromium.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    browser.waitUntil(d -> (Boolean) browser.script("return Array.from(document.querySelectorAll('.chart svg'))"
        + ".every(s => s.getBoundingClientRect().right <= document.documentElement.clientWidth + 1)"));
    Map<String, Object> pdf = chromium.executeCdpCommand("Page.printToPDF",
        Map.of("paperWidth", 8.27, "paperHeight", 11.69, "printBackground", true, "preferCSSPageSize", true));
    chromium.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    Files.createDirectories(Browser.SCREENSHOTS);
    Files.write(Browser.SCREENSHOTS.resolve("ledger-stats-print.pdf"), Base64.getDecoder().decode((String) pdf.get("data")));

    browser.go("/ledger/calibration.html");
    browser.waitFor(By.cssSelector("body[data-loaded]"));
    JsonNode d = api("office1", "/api/scoring/distribution?year=" + year);
    List<List<String>> shown = chartTable(browser, "#distribution");
    assertThat(shown.get(0)).containsExactly("评审人", "事项数", "60 分以下", "60–69 分", "70–79 分", "80–89 分", "90 分及以上");
    List<List<String>> expected = new ArrayList<>();
    d.get("reviewers").forEach(r -> {
      List<String> row = new ArrayList<>(List.of(r.get("reviewerName").asText() + "（" + r.get("levelName").asText() + "）",
          r.get("items").asText()));
      r.get("bands").forEach(b -> row.add(b.asText()));
      expected.add(row);
    });
    assertThat(shown.subList(1, shown.size())).as("every reviewer's row as the API gives it").isEqualTo(expected);
    assertThat(shown.get(1).get(0)).isEqualTo("督查一（督查室核验）");
    browser.waitForText("评分校准报告", "各评审人经手事项的综合得分分布");
    browser.settle().screenshot("ledger-calibration-office");
    assertStayedInsideTheApp(browser);
  }

  @Test
  void aLeaderSeesChartsOfTheItemsTheyLead(Browser browser) {
    browser.login("tasklist", "leader2", TestOrganisation.PASSWORD);
    assertStatsPageMatchesTheApi(browser, "leader2");
    assertThat(chartTable(browser, "#interviews")) // leaders read the interview statistics
        .isEqualTo(interviewRows(api("leader2", "/api/interviews/stats/monthly?year=" + year)));
    browser.waitForText("统计范围：本人可以查看的事项");
    browser.settle().screenshot("ledger-stats-leader");
    assertStayedInsideTheApp(browser);
  }

  @Test
  void aUnitMemberSeesChartsOfTheirUnitsItems(Browser browser) {
    browser.login("tasklist", "t2a", TestOrganisation.PASSWORD);
    assertStatsPageMatchesTheApi(browser, "t2a");
    long issued = 0;
    for (JsonNode m : api("t2a", "/api/stats/monthly?year=" + year).get("months")) {
      issued += m.get("issued").asLong();
    }
    assertThat(issued).as("T2's two items only").isEqualTo(2);
    browser.waitForText("约谈统计仅供督查室和区级领导查看");
    browser.settle().screenshot("ledger-stats-unit-member");
    assertStayedInsideTheApp(browser);
  }

  /** Brings the element into view (top of the window) for the next screenshot. */
  private static void scrollTo(Browser browser, String css) {
    browser.script("document.querySelector(arguments[0]).scrollIntoView({block: 'start'})", css);
    browser.restMouse();
  }

  private static void choose(Browser browser, String name, String option) {
    var select = new org.openqa.selenium.support.ui.Select(
        browser.waitFor(By.cssSelector(".luoshi-filters select[name=" + name + "]")));
    select.selectByVisibleText(option);
  }
}
