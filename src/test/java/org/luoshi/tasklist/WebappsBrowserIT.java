package org.luoshi.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luoshi.engine.Time;
import org.luoshi.identity.AccessPolicy;
import org.luoshi.identity.Groups;
import org.luoshi.testsupport.Browser;
import org.luoshi.testsupport.BrowserExtension;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The webapps as district staff see them in a Chinese browser (headless Chromium): Chinese
 * throughout, Luoshi's name in the header, no "migrate to Camunda 8" banner, and in Tasklist only
 * the filters meant for the person. Screenshots land in target/screenshots/ for a person to read.
 */
@LuoshiIT
@ExtendWith(BrowserExtension.class)
class WebappsBrowserIT {

  static final String ADMIN_PASSWORD = "Adm1n-Test-Pw!"; // application-test.yaml

  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TasklistFilters filters;
  @Autowired AccessPolicy policy;

  @BeforeEach
  void district() {
    TestOrganisation.create(identity);
    filters.run(null);
    if (repository.createProcessDefinitionQuery().processDefinitionKey("browser-item").count() == 0) {
      // a stand-in with the item's variables, so the list shows its columns as the real model will
      repository.createDeployment().addModelInstance("browser-item.bpmn",
          Bpmn.createExecutableProcess("browser-item").camundaHistoryTimeToLive(1).name("责任清单事项（样例）")
              .startEvent().userTask("acceptItem").name("签收：${title}").camundaCandidateGroups("unit-${unitCode}")
              .endEvent().done()).deploy();
      // issued in this order, so a list by creation time would show them the other way round
      item("ZR-2026-0001", "T1", "测试一局", "完成招商引资年度目标", Time.today().plusDays(2), "黄灯");
      item("ZR-2026-0002", "T1", "测试一局", "推进老旧小区改造", Time.today().plusMonths(3), "绿灯");
      item("ZR-2026-0003", "T2", "测试二局", "整治背街小巷环境卫生", Time.today().minusDays(5), "红灯");
    }
  }

  @Test
  void aUnitMemberWorksInAChineseTasklistWithTheirUnitsFilterOnly(Browser browser) {
    browser.openLogin("tasklist");
    assertThat(attribute(browser, Browser.LOGIN_FORM + " input[type=text]", "placeholder")).isEqualTo("用户名");
    assertThat(attribute(browser, Browser.LOGIN_FORM + " input[type=password]", "placeholder")).isEqualTo("密码");
    assertThat(browser.texts(Browser.LOGIN_FORM + " button[type=submit]")).containsExactly("登录");
    browser.waitForText("任务列表");
    browser.screenshot("tasklist-login-zh");

    browser.login("tasklist", "t1a", TestOrganisation.PASSWORD);
    browser.waitForText("我的待办", "本单位待办", "发起流程");
    assertThat(browser.driver().getTitle()).startsWith("落实 · 七里河区 任务列表");
    assertThat(browser.filterNames()).containsExactly("我的待办", "本单位待办");
    assertThat(browser.text()).doesNotContain("督查室待办", "全区在办", "我分管的事项", "Camunda 8");
    assertThat(browser.texts(".ce-eol-banner")).allMatch(String::isEmpty);

    browser.openFilter("本单位待办");
    browser.waitForText("签收：完成招商引资年度目标", "签收：推进老旧小区改造", "事项编号", "ZR-2026-0001");
    for (var more : browser.driver().findElements(By.cssSelector(".task-card-details .shutter a"))) {
      more.click(); // the card shows all the item's columns
    }
    browser.waitForText("责任单位", "测试一局", "截止日期", "红黄绿灯", "黄灯", "绿灯");
    assertThat(browser.text()).doesNotContain("整治背街小巷环境卫生", "ZR-2026-0003");
    assertThat(browser.texts(".tasks-list .task h4 a").stream().filter(t -> t.startsWith("签收")))
        .as("nearest deadline first").containsExactly("签收：完成招商引资年度目标", "签收：推进老旧小区改造");
    assertThat(browser.text()).contains("到期日期");
    browser.settle().screenshot("tasklist-unit-member-zh");
  }

  @Test
  void theOfficeStartsAProcessThroughItsStartFormInTasklist(Browser browser) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("browser-start").count() == 0) {
      repository.createDeployment()
          .addString("browser-start.form", """
              {"id": "browser-start", "type": "default", "schemaVersion": 16, "components": [
                {"type": "textfield", "key": "title", "label": "事项名称", "validate": {"required": true}},
                {"type": "number", "key": "days", "label": "办理时限（天）", "validate": {"min": 1, "max": 90}}
              ]}""")
          .addModelInstance("browser-start.bpmn",
              Bpmn.createExecutableProcess("browser-start").camundaHistoryTimeToLive(1).name("发起测试（样例）")
                  .startEvent().camundaFormRef("browser-start").camundaFormRefBinding("deployment")
                  .userTask("work").name("办理：${title}").camundaCandidateGroups("supervision-office")
                  .endEvent().done())
          .deploy();
    }
    browser.login("tasklist", "office1", TestOrganisation.PASSWORD);
    browser.openStartForm("发起测试（样例）").fill("事项名称", "落实防汛责任").fill("办理时限（天）", "15");
    browser.settle().screenshot("tasklist-start-form-office-zh");
    browser.press("发起");
    browser.waitForText("流程已发起。");

    var started = runtime.createProcessInstanceQuery().processDefinitionKey("browser-start").list();
    assertThat(started).hasSize(1);
    assertThat(runtime.getVariable(started.get(0).getId(), "title")).isEqualTo("落实防汛责任");
    assertThat(((Number) runtime.getVariable(started.get(0).getId(), "days")).intValue()).isEqualTo(15);

    browser.openFilter("督查室待办").openTask("办理：落实防汛责任").press("认领");
    browser.waitForText("查一 督").press("完成"); // claimed: the assignee shows, the form can be completed
    browser.waitUntil(d -> runtime.createProcessInstanceQuery().processDefinitionKey("browser-start").count() == 0);
  }

  @Test
  void theOfficeSeesCockpitInChinese(Browser browser) {
    browser.login("cockpit", "office1", TestOrganisation.PASSWORD);
    browser.waitForText("运行中的流程实例", "未处理的异常事件", "流程", "决策", "人工任务");
    assertThat(browser.driver().getTitle()).startsWith("落实 · 七里河区 监控台");
    assertThat(browser.text()).doesNotContain("Camunda 8", "Running Process Instances");
    browser.settle().screenshot("cockpit-dashboard-office-zh");

    browser.go("/camunda/app/cockpit/default/#/processes");
    browser.waitForText("责任清单事项（样例）").settle().screenshot("cockpit-processes-office-zh");
  }

  @Test
  void theAdministratorSeesAdminInChineseWithTheUpgradeNotice(Browser browser) {
    browser.login("admin", "admin", ADMIN_PASSWORD);
    browser.waitForText("用户", "用户组", "授权", "系统");
    assertThat(browser.driver().getTitle()).startsWith("落实 · 七里河区 管理台");
    browser.waitForText("迁移到 Camunda 8"); // administrators plan upgrades: the notice stays, in Chinese
    browser.settle().screenshot("admin-dashboard-zh");

    browser.go("/camunda/app/admin/default/#/groups");
    browser.waitForText("督查室", "测试一局").settle().screenshot("admin-groups-zh");
  }

  @Test
  void theWelcomePageIsChineseToo(Browser browser) {
    browser.login("welcome", "t3a", TestOrganisation.PASSWORD);
    browser.waitForText("应用", "任务列表", "个人资料");
    assertThat(browser.driver().getTitle()).startsWith("落实 · 七里河区 首页");
    assertThat(browser.text()).doesNotContain("Camunda 8", "Applications");
    browser.settle().screenshot("welcome-zh");

    // Camunda's static welcome page (English, "demo / demo", the Camunda 8 banner) leads here instead
    browser.go("/camunda-welcome/index.html");
    browser.waitUntil(d -> d.getCurrentUrl().contains("/camunda/app/welcome/"));
    browser.waitForText("应用", "任务列表");
    assertThat(browser.text()).doesNotContain("demo", "Camunda 8");
  }

  @Test
  void anEnglishBrowserStillGetsEnglish(Browser browser) {
    try (Browser english = Browser.open(browser.baseUrl(), "en-US")) {
      english.openLogin("tasklist");
      assertThat(attribute(english, Browser.LOGIN_FORM + " input[type=text]", "placeholder")).isEqualTo("Username");
      english.login("tasklist", "t2a", TestOrganisation.PASSWORD);
      english.waitForText("我的待办", "Start process");
    }
  }

  private void item(String code, String unitCode, String unitName, String title, LocalDate deadline, String lightName) {
    String id = runtime.startProcessInstanceByKey("browser-item", code, Map.of(
        "itemCode", code, "unitCode", unitCode, "unitName", unitName, "title", title,
        "deadline", deadline.toString(), "lightName", lightName)).getId();
    // the unit reads its item's instance (and so the variables Tasklist shows), as the item process grants
    policy.grantInstanceToGroup(Groups.unit(unitCode), id);
    var task = tasks.createTaskQuery().processInstanceId(id).singleResult();
    task.setDueDate(Time.endOf(deadline));
    tasks.saveTask(task);
  }

  private static String attribute(Browser browser, String css, String name) {
    return browser.waitFor(By.cssSelector(css)).getAttribute(name);
  }
}
