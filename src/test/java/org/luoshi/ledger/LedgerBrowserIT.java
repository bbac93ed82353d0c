package org.luoshi.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luoshi.engine.Time;
import org.luoshi.item.Items;
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
 * The ledger pages as a unit's clerk uses them, reached from Tasklist (headless Chromium, Chinese
 * browser): progress reported whenever there is some, notices that open pages a person can read
 * (an interview, a supervision), and the slips of the ledger put right (overdue since the day after
 * the deadline, unranked units, a unit's own figures). Screenshots in target/screenshots/.
 */
@LuoshiIT
@ExtendWith(BrowserExtension.class)
class LedgerBrowserIT {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired Items items;
  Http http;
  Engine engine;

  @BeforeEach
  void district() {
    TestOrganisation.create(identity);
    http = new Http(port);
    engine = new Engine(http, tasks, management);
  }

  private String issue(String title, String unitCode, LocalDate issuedOn, LocalDate deadline) {
    Http.Response r = http.as("office1").post("/api/items", Map.of("title", title, "source", "KEY_TASK",
        "unitCode", unitCode, "leadLeader", "leader1", "issuedOn", issuedOn.toString(),
        "deadline", deadline.toString(), "target", "按期完成"));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    engine.runAsync();
    return r.json().get("code").asText();
  }

  private void planned(String code, String clerk, String person) {
    engine.done(clerk, code, "acceptItem", Map.of("accepted", "true"));
    engine.done(clerk, code, "planItem", Map.of("responsiblePerson", person, "measures", "分片包干"));
  }

  @Test
  void aUnitReportsProgressWheneverItHasSomethingFromTheItemsLedgerPage(Browser browser) {
    String code = issue("推进老旧小区改造", "T1", Time.today(), Time.today().plusDays(60));
    planned(code, "t1a", "t1b");
    issue("整治背街小巷环境卫生", "T2", Time.today(), Time.today().plusDays(30)); // another unit's

    // from Tasklist's header to the ledger: her unit's figures above her unit's list
    browser.login("tasklist", "t1a", TestOrganisation.PASSWORD);
    browser.click(By.cssSelector(".luoshi-ledger a"));
    browser.waitForText("责任清单统计（测试一局）", code);
    assertThat(browser.driver().findElement(By.cssSelector("#cards .card b")).getText()).as("issued: her unit's one item")
        .isEqualTo("1");
    assertThat(browser.text()).doesNotContain("整治背街小巷环境卫生");
    browser.settle().screenshot("ledger-unit-clerk-zh");

    browser.click(By.linkText(code));
    browser.waitForText("填报进展", "有新进展即可报送");
    browser.driver().findElement(By.id("progressPercent")).clear();
    browser.driver().findElement(By.id("progressPercent")).sendKeys("35");
    browser.driver().findElement(By.id("progressNote")).sendKeys("完成 12 个小区的管网改造");
    browser.press("报送进展");
    browser.waitForText("完成 12 个小区的管网改造", "35%");
    assertThat(items.byCode(code).getProgressPercent()).isEqualTo(35);
    browser.settle().screenshot("ledger-item-progress-reported-zh");

    // and back to the work
    browser.click(By.linkText("待办（Tasklist）"));
    browser.waitFor(By.cssSelector(Browser.SIGNED_IN));
    browser.waitForText("本单位待办");
  }

  @Test
  void noticesOpenPagesAPersonCanRead(Browser browser) {
    Http.Response interview = http.as("office1").post("/api/interviews", Map.of("trigger", "POOR_IMPLEMENTATION",
        "interviewer", "leader1", "interviewees", List.of("t1a"), "subject", "老旧小区改造进度滞后",
        "scheduledAt", Time.today().plusDays(3).atTime(10, 0).atZone(Time.ZONE).toOffsetDateTime().toString()));
    assertThat(interview.status()).as(interview.toString()).isEqualTo(201);
    String interviewCode = interview.json().get("id").asText();

    Http.Response supervision = http.as("office1").post("/api/supervisions", Map.of("method", "OPEN_VISIT",
        "subject", "2026年第四季度老旧小区改造督查", "unitCodes", List.of("T1")));
    assertThat(supervision.status()).as(supervision.toString()).isEqualTo(201);
    long supervisionId = supervision.json().get("id").asLong();
    String pid = supervision.json().get("processInstanceId").asText();
    engine.runAsync();
    engine.submitForm("office1", tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("conductInspection")
        .singleResult().getId(), Map.of("findings", "实地查看 3 个小区"));
    engine.submitForm("office2", tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("writeReport")
        .singleResult().getId(), Map.of("report", "督查报告正文", "problems", List.of(Map.of("unitCode", "T1",
            "description", "雨污分流未完成", "deadline", Time.today().plusDays(10).toString()))));
    engine.runAsync();

    browser.go("/ledger/inbox.html");
    browser.waitForText("请先登录 Tasklist");
    browser.login("tasklist", "t1a", TestOrganisation.PASSWORD);
    browser.go("/ledger/inbox.html").waitForText("我的消息", "老旧小区改造进度滞后", "雨污分流未完成");
    browser.settle().screenshot("ledger-inbox-zh");
    assertThat(browser.driver().findElements(By.cssSelector(".inbox a.open")).stream()
        .map(a -> a.getAttribute("href")).toList()).as("no raw JSON behind a notice")
        .noneMatch(href -> href.contains("/api/interviews/") || href.contains("/api/supervisions/"));

    browser.click(By.xpath("//li[contains(., '老旧小区改造进度滞后')]//a[normalize-space(.)='查看']"));
    browser.waitUntil(d -> d.getCurrentUrl().endsWith("/ledger/interviews/" + interviewCode));
    browser.waitForText(interviewCode, "老旧小区改造进度滞后", "分管一", "甲一", "工作落实不力");
    assertThat(browser.text()).doesNotContain("{\"", "processInstanceId");
    browser.settle().screenshot("ledger-interview-zh");

    browser.go("/ledger/inbox.html").waitForText("雨污分流未完成");
    browser.click(By.xpath("//li[contains(., '雨污分流未完成')]//a[normalize-space(.)='查看']"));
    browser.waitUntil(d -> d.getCurrentUrl().endsWith("/ledger/supervisions/" + supervisionId));
    browser.waitForText("DC-" + supervisionId, "2026年第四季度老旧小区改造督查", "雨污分流未完成", "待整改");
    assertThat(browser.text()).as("a unit does not read the findings").doesNotContain("实地查看 3 个小区");
    browser.settle().screenshot("ledger-supervision-unit-zh");
  }

  @Test
  void anOverdueItemReadsOverdueSinceTheDayAfterItsDeadlineAndTheUnrankedAreNotRanked(Browser browser) {
    LocalDate deadline = Time.today().minusDays(10);
    String code = issue("补录：魏岭乡百合产业扶贫项目", "T2", Time.today().minusDays(40), deadline);
    planned(code, "t2a", "t2a");
    String pid = items.byCode(code).getProcessInstanceId();
    engine.fire(pid, "overdueTimer"); // due at once (the deadline was past when it was issued), run today
    assertThat(items.byCode(code).getOverdueSince()).isEqualTo(deadline.plusDays(1));

    browser.login("tasklist", "office1", TestOrganisation.PASSWORD);
    browser.go("/ledger/items/" + code).waitForText(code, "逾期", "自 " + deadline.plusDays(1) + " 起");
    browser.settle().screenshot("ledger-item-overdue-zh");

    browser.go("/ledger/rankings.html").waitForText("考核排名", "测试一局", "未排名");
    assertThat(browser.texts("#units table tr td:first-child")).as("nobody closed anything: nobody ranked")
        .isNotEmpty().allMatch("未排名"::equals);
    browser.settle().screenshot("ledger-rankings-unranked-zh");
  }
}
