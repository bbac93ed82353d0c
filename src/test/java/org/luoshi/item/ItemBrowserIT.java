package org.luoshi.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import org.openqa.selenium.Rectangle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The responsibility item as people click it in Tasklist (headless Chromium, Chinese browser):
 * one whole item walked by the five people using only what the screen shows them, the office's
 * start form with units and leaders by name, and refusals told next to the button that was
 * pressed. Screenshots in target/screenshots/.
 */
@LuoshiIT
@ExtendWith(BrowserExtension.class)
class ItemBrowserIT {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired Items items;
  @Autowired ItemLedger itemLedger;
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

  private String codeOf(String title) {
    var found = itemLedger.ledger(new LedgerQuery(null, null, null, null, null, null, null, null, null, null,
        title, 0, 10), new Viewer("office1", true, java.util.List.of())).content();
    assertThat(found).as(title).hasSize(1);
    return found.get(0).code();
  }

  /** Logs in, opens a filter and a task by the names on screen; the task is claimed by opening it. */
  private static void open(Browser browser, String user, String filter, String task) {
    browser.loginAs("tasklist", user, TestOrganisation.PASSWORD);
    browser.openFilter(filter).openTask(task);
    browser.waitFor(By.xpath("//button[normalize-space(.)='完成' and not(@disabled)]"));
  }

  private void completes(Browser browser, String code, String taskKey) {
    browser.press("完成");
    browser.waitUntil(d -> engine.task(code, taskKey) == null);
    engine.runAsync(); // the notices and service tasks after it, as the job executor would
  }

  @Test
  void aWholeItemAsTheFivePeopleSeeIt(Browser screen) {
    LocalDate deadline = Time.today().plusDays(20);
    LocalDate extended = Time.today().plusDays(40);
    String task = "落实区委关于背街小巷整治的批示";

    // the office issues a leader's instruction (批示件: the principal leader confirms its close-out)
    screen.login("tasklist", "office1", TestOrganisation.PASSWORD);
    screen.openStartForm("责任清单事项").fill("事项名称", task);
    screen.choose("事项来源", "领导批示").choose("责任单位", "测试一局").choose("分管领导", "分管一")
        .fill("工作目标", "年底前完成全部背街小巷整治").date("截止日期", deadline);
    screen.settle().screenshot("lifecycle-1-office-issues");
    screen.press("发起");
    screen.waitForText("已下发", "查看台账");
    String code = codeOf("背街小巷整治");
    screen.waitForText("事项 " + code + " 已下发");
    screen.screenshot("lifecycle-1-office-issued-with-code");
    engine.runAsync();

    // the unit's clerk signs for it and plans it, naming her colleague as the responsible person
    open(screen, "t1a", "本单位待办", "签收：" + task);
    screen.waitForText(code, "测试一局", "分管一");
    assertThat(screen.waitFor(By.cssSelector(".fjs-container a[href='/ledger/items/" + code + "']"))
        .getAttribute("target")).as("the item's ledger page opens beside the task").isEqualTo("_blank");
    // the diagram opens at a size one can read, around the task at hand
    screen.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='流程图']"));
    screen.waitFor(By.cssSelector(".task-card .djs-container svg"));
    assertThat(screen.rect(By.cssSelector(".task-card .diagram-pane")).getHeight()).isGreaterThanOrEqualTo(500);
    screen.waitUntil(d -> ((Number) screen.script("const v = document.querySelector('.task-card .djs-container .viewport');"
        + "return v ? v.transform.baseVal.consolidate().matrix.a : 0;")).doubleValue() >= 0.85);
    screen.settle().screenshot("lifecycle-2-unit-diagram");
    screen.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='表单']"));
    screen.radio("签收");
    screen.settle().screenshot("lifecycle-2-unit-accepts");
    completes(screen, code, "acceptItem");
    assertThat(items.byCode(code).getStatus()).isEqualTo(ItemStatus.IN_PROGRESS);
    screen.openFilter("本单位待办").openTask("制定落实方案：" + task);
    screen.waitFor(By.xpath("//button[normalize-space(.)='完成' and not(@disabled)]"));
    screen.choose("责任人", "乙一").fill("落实措施", "分片包干，每周通报");
    screen.settle().screenshot("lifecycle-2-unit-plans");
    completes(screen, code, "planItem");
    assertThat(items.byCode(code).getResponsiblePerson()).isEqualTo("t1b");

    // the responsible person asks for more time; the leader in charge finds it among his own tasks
    open(screen, "t1b", "我的待办", "报送完成：" + task);
    screen.radio("申请延期").date("申请延期至", extended).fill("延期理由", "雨季施工受阻");
    screen.settle().screenshot("lifecycle-3-person-asks-for-extension");
    completes(screen, code, "submitCompletion");
    open(screen, "leader1", "我的待办", "延期审批：" + task);
    screen.radio("同意").fill("审批意见", "同意延期");
    screen.settle().screenshot("lifecycle-4-leader-approves-extension");
    completes(screen, code, "approveExtension");
    assertThat(items.byCode(code).getDeadline()).isEqualTo(extended);

    // the responsible person reports it done
    open(screen, "t1b", "我的待办", "报送完成：" + task);
    screen.radio("报送完成").date("完成日期", Time.today()).fill("完成情况", "42 条背街小巷全部整治完毕");
    completes(screen, code, "submitCompletion");
    assertThat(items.byCode(code).getStatus()).isEqualTo(ItemStatus.CLOSING);

    // the office verifies, the leader reviews, the principal leader confirms
    open(screen, "office2", "督查室待办", "督查室核验：" + task);
    screen.radio("通过").fill("质量分（0–100）", "88");
    screen.settle().screenshot("lifecycle-5-office-verifies");
    completes(screen, code, "verifyCompletion");
    open(screen, "leader1", "我的待办", "分管领导审核：" + task);
    screen.radio("通过").fill("质量分（0–100）", "86");
    completes(screen, code, "reviewClosure");
    screen.loginAs("tasklist", "principal1", TestOrganisation.PASSWORD);
    assertThat(screen.filterNames()).doesNotContain("本单位待办");
    screen.openFilter("主要领导待办").openTask("主要领导确认：" + task);
    screen.waitFor(By.xpath("//button[normalize-space(.)='完成' and not(@disabled)]"));
    screen.radio("通过").fill("质量分（0–100）", "87");
    screen.settle().screenshot("lifecycle-6-principal-confirms");
    completes(screen, code, "confirmClosure");

    // and reads the result on the item's ledger page, reached from Tasklist's header
    screen.click(By.cssSelector(".luoshi-ledger a"));
    screen.waitForText("责任清单台账", code);
    screen.click(By.linkText(code)); // from the ledger's list, as she would, not by typing an address
    screen.waitForText(code, "已销号", "100%", "主要领导确认");
    screen.settle().screenshot("lifecycle-7-ledger-closed");
    Item closed = items.byCode(code);
    assertThat(closed.getStatus()).isEqualTo(ItemStatus.CLOSED);
    assertThat(closed.getProgressPercent()).isEqualTo(100);
    assertThat(closed.getQualityScore()).isEqualByComparingTo("87");
  }

  @Test
  void aRefusedStartIsToldNextToTheStartButtonInTheServersWords(Browser browser) {
    browser.login("tasklist", "office1", TestOrganisation.PASSWORD);
    browser.openStartForm("责任清单事项").fill("事项名称", "补录以往事项");
    browser.choose("事项来源", "重点工作").choose("责任单位", "测试二局").choose("分管领导", "分管二")
        .fill("工作目标", "补录").date("下发日期", Time.today().minusDays(3)).date("截止日期", Time.today().minusDays(10));
    browser.press("发起");
    browser.waitFor(By.cssSelector(".modal-body .luoshi-refusal"));
    String refusal = browser.texts(".modal-body .luoshi-refusal").get(0);
    assertThat(refusal).contains("截止日期").doesNotContain("ENGINE-", "Exception", "。：", "：：");
    assertThat(browser.texts(".modal-body .notifications .alert")).as("no banner at the top as well").isEmpty();
    Rectangle box = browser.rect(By.cssSelector(".modal-body .luoshi-refusal"));
    Rectangle start = browser.rect(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='发起']"));
    assertThat(box.getY() + box.getHeight()).as("right above the 发起 button, not covering it").isLessThanOrEqualTo(start.getY());
    assertThat(start.getY() - (box.getY() + box.getHeight())).isLessThan(120);
    assertThat(start.getY() + start.getHeight()).as("the button in view too").isLessThanOrEqualTo(
        ((Number) browser.script("return window.innerHeight")).intValue());
    assertThat(browser.driver().findElements(By.cssSelector(".luoshi-field-refused label")).stream()
        .map(e -> e.getText()).toList()).as("the field it concerns is marked").anyMatch(t -> t.startsWith("截止日期"));
    browser.settle().screenshot("item-start-refused-zh");
  }

  @Test
  void aRefusedCompletionIsToldNextToTheCompleteButtonAndTheTaskStaysOpen(Browser browser) {
    String code = issue("整治背街小巷环境卫生");
    engine.done("t1a", code, "acceptItem", Map.of("accepted", "true"));
    engine.done("t1a", code, "planItem", Map.of("responsiblePerson", "t1b", "measures", "分片包干"));
    engine.done("t1b", code, "submitCompletion",
        Map.of("action", "COMPLETE", "completedOn", Time.today().toString(), "completionNote", "已完成"));

    open(browser, "office2", "督查室待办", "督查室核验：整治背街小巷环境卫生");
    browser.waitForText("质量分评定标准", "提前 30 天完成"); // no review history yet: that table stays hidden
    assertThat(tasks.createTaskQuery().taskId(engine.task(code, "verifyCompletion").getId()).singleResult()
        .getAssignee()).as("opening the task claimed it").isEqualTo("office2");
    browser.radio("通过");
    browser.fill("质量分（0–100）", "95");
    browser.press("完成");
    browser.waitFor(By.cssSelector(".luoshi-refusal"));
    String refusal = browser.texts(".luoshi-refusal").get(0);
    assertThat(refusal).contains("须写明评定理由").doesNotContain("ENGINE-", "。：");
    assertThat(browser.texts(".page-notifications .alert")).as("no banner over the form").isEmpty();
    Rectangle box = browser.rect(By.cssSelector(".luoshi-refusal"));
    Rectangle complete = browser.rect(By.xpath("//button[normalize-space(.)='完成']"));
    assertThat(box.getY() + box.getHeight()).as("above 完成, not over it").isLessThanOrEqualTo(complete.getY());
    assertThat(complete.getY() - (box.getY() + box.getHeight())).isLessThan(80);
    assertThat(complete.getY() + complete.getHeight()).as("both in view, above Tasklist's footer").isLessThanOrEqualTo(
        browser.rect(By.cssSelector("footer")).getY());
    assertThat(browser.driver().findElements(By.cssSelector(".luoshi-field-refused label")).stream()
        .map(e -> e.getText()).toList()).as("the field it concerns is marked").anyMatch(t -> t.startsWith("审核意见"));
    browser.settle().screenshot("item-review-refused-zh");
    assertThat(engine.task(code, "verifyCompletion")).as("the task stays open").isNotNull();
    assertThat(items.byCode(code).getStatus()).isEqualTo(ItemStatus.CLOSING);
  }
}
