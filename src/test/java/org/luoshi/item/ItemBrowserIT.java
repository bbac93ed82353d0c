package org.luoshi.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.format.DateTimeFormatter;
import java.util.Map;
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
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The responsibility item as people click it in Tasklist (headless Chromium, Chinese browser):
 * the office issues an item from the start form, a unit member accepts it through its form, and a
 * reviewer sees why a completion was refused while the task stays open. Screenshots in
 * target/screenshots/.
 */
@LuoshiIT
@ExtendWith(BrowserExtension.class)
class ItemBrowserIT {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired ItemService items;
  Http http;
  Engine engine;

  @BeforeEach
  void district() {
    TestOrganisation.create(identity);
    http = new Http(port);
    engine = new Engine(http, tasks, management);
  }

  private String issue(String title) {
    Http.Response r = http.as("office1").post("/api/items", Map.of("title", title, "source", "KEY_TASK",
        "unitCode", "T1", "leadLeader", "leader1", "deadline", Time.today().plusDays(30).toString(),
        "target", "按期完成"));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    engine.runAsync();
    return r.json().get("code").asText();
  }

  private static void choose(Browser browser, String label, String option) {
    browser.click(By.xpath("//div[contains(@class,'fjs-form-field-select')][.//label[starts-with(normalize-space(.),'"
        + label + "')]]//div[contains(@class,'fjs-select-display')]"));
    browser.click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + option + "']"));
  }

  /** Types a whole date into a form-js date picker at once (key by key, the picker re-parses as it goes). */
  private static void date(Browser browser, String label, String value) {
    var input = browser.field(label);
    browser.script("arguments[0].value = arguments[1];"
        + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", input, value);
    input.sendKeys(Keys.ENTER);
  }

  private static void radio(Browser browser, String option) {
    var label = browser.waitFor(By.xpath("//label[contains(@class,'fjs-form-field-label')][normalize-space(.)='" + option + "']"));
    // long forms scroll inside Tasklist's pane, under its footer: click the way a mouse on the label would
    browser.script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", label);
  }

  @Test
  void theOfficeIssuesAnItemFromTasklistsStartForm(Browser browser) {
    browser.login("tasklist", "office1", TestOrganisation.PASSWORD);
    browser.openStartForm("责任清单事项").fill("事项名称", "推进河道综合治理");
    choose(browser, "事项来源", "重点工作");
    choose(browser, "工作类别", "社会治理");
    browser.fill("责任单位代码", "T1").fill("分管领导（用户名）", "leader1")
        .fill("工作目标", "七里河段河道整治全部完成");
    date(browser, "截止日期", Time.today().plusDays(60).format(DateTimeFormatter.ofPattern("yyyy/MM/dd")));
    browser.settle().screenshot("item-start-form-office-zh");
    browser.press("发起");
    browser.waitForText("流程已发起。");

    var issued = items.ledger(new LedgerQuery(null, null, null, null, null, null, null, null, null, null,
        "河道综合治理", 0, 10), new Viewer("office1", true, java.util.List.of())).content();
    assertThat(issued).hasSize(1);
    assertThat(issued.get(0).source()).isEqualTo(ItemSource.KEY_TASK);
    assertThat(issued.get(0).category()).isEqualTo(ItemCategory.GOVERNANCE);
    assertThat(issued.get(0).deadline()).isEqualTo(Time.today().plusDays(60));
    assertThat(items.byCode(issued.get(0).code()).getIssuedBy()).isEqualTo("office1");
    engine.runAsync();
    assertThat(engine.task(issued.get(0).code(), "acceptItem")).isNotNull();
  }

  @Test
  void aUnitMemberAcceptsAnItemThroughItsForm(Browser browser) {
    String code = issue("完成招商引资年度目标");
    browser.login("tasklist", "t1a", TestOrganisation.PASSWORD);
    browser.openFilter("本单位待办").openTask("签收：完成招商引资年度目标");
    browser.waitForText(code, "测试一局", "工作目标", "是否签收");
    browser.press("认领");
    radio(browser, "签收");
    browser.settle().screenshot("item-accept-form-unit-zh");
    browser.press("完成");
    browser.waitUntil(d -> items.byCode(code).getStatus() == ItemStatus.IN_PROGRESS);
    engine.runAsync(); // the office and the leader hear that it was accepted
    assertThat(engine.task(code, "planItem")).isNotNull();
  }

  @Test
  void aRefusedCompletionShowsTheReasonAndLeavesTheTaskOpen(Browser browser) {
    String code = issue("整治背街小巷环境卫生");
    engine.done("t1a", code, "acceptItem", Map.of("accepted", "true"));
    engine.done("t1a", code, "planItem", Map.of("responsiblePerson", "t1b", "measures", "分片包干"));
    engine.done("t1b", code, "submitCompletion",
        Map.of("action", "COMPLETE", "completedOn", Time.today().toString(), "completionNote", "已完成"));

    browser.login("tasklist", "office2", TestOrganisation.PASSWORD);
    browser.openFilter("督查室待办").openTask("督查室核验：整治背街小巷环境卫生");
    browser.waitForText("质量分评定标准", "提前 30 天完成"); // no review history yet: that table stays hidden
    browser.press("认领");
    radio(browser, "通过");
    browser.fill("质量分（0–100）", "95");
    browser.press("完成");
    browser.waitForText("须写明评定理由");
    browser.settle().screenshot("item-review-refused-zh");
    assertThat(engine.task(code, "verifyCompletion")).as("the task stays open").isNotNull();
    assertThat(items.byCode(code).getStatus()).isEqualTo(ItemStatus.CLOSING);
  }
}
