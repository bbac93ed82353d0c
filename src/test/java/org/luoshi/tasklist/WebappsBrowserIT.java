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
import org.luoshi.testsupport.Http;
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
 * throughout (form-js's own texts too), Luoshi's name in the header with the ledger link, names
 * family name first, no "migrate to Camunda 8" banner; in Tasklist only the filters meant for the
 * person, task cards with the item's facts (the overdue item first), nothing a clerk must not use;
 * units and people to choose by name as Admin keeps them; Cockpit's dates in Chinese and no
 * "租户 ID: null". Screenshots land in target/screenshots/ for a person to read.
 */
@LuoshiIT
@ExtendWith(BrowserExtension.class)
class WebappsBrowserIT {

  static final String ADMIN_PASSWORD = "Adm1n-Test-Pw!"; // application-test.yaml

  @org.springframework.boot.test.web.server.LocalServerPort int port;
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
          Bpmn.createExecutableProcess("browser-item").camundaHistoryTimeToLive(1).camundaVersionTag("1.0")
              .name("责任清单事项（样例）")
              .startEvent().userTask("acceptItem").name("签收：${title}").camundaCandidateGroups("unit-${unitCode}")
              .endEvent().done()).deploy();
      // issued in this order, so a list by creation time would show them the other way round; every
      // task is due in 3 days (as a unit's 签收 is), so only the items' deadlines can order them
      item("ZR-2026-0001", "T1", "测试一局", "完成招商引资年度目标", Time.today().plusDays(2), "黄灯");
      item("ZR-2026-0002", "T1", "测试一局", "推进老旧小区改造", Time.today().plusMonths(3), "绿灯");
      item("ZR-2026-0003", "T2", "测试二局", "整治背街小巷环境卫生", Time.today().minusDays(5), "红灯");
      item("ZR-2026-0004", "T1", "测试一局", "清理违规占道经营", Time.today().minusDays(3), "红灯");
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
    // the card shows the item's facts at once (no chevron to open), the light as a coloured dot
    browser.waitForText("签收：完成招商引资年度目标", "签收：推进老旧小区改造", "事项编号", "ZR-2026-0001",
        "责任单位", "测试一局", "截止日期", "红黄绿灯", "红灯", "黄灯", "绿灯");
    assertThat(browser.texts(".tasks-list .task-card-details .shutter")).allMatch(String::isEmpty);
    assertThat(browser.texts(".tasks-list .task .priority")).as("no priority figure").allMatch(String::isEmpty);
    assertThat(browser.driver().findElements(By.cssSelector(".tasks-list .luoshi-light-red .luoshi-fact-value")).stream()
        .map(e -> e.getCssValue("color")).toList()).singleElement().isEqualTo("rgba(201, 48, 44, 1)");
    assertThat(browser.text()).doesNotContain("整治背街小巷环境卫生", "ZR-2026-0003");
    assertThat(browser.texts(".tasks-list .task h4 a").stream().filter(t -> t.startsWith("签收")))
        .as("the overdue item first, then the nearest deadline")
        .containsExactly("签收：清理违规占道经营", "签收：完成招商引资年度目标", "签收：推进老旧小区改造");
    assertThat(browser.texts(".sorting-choice .sort-by")).contains("截止日期");
    browser.settle().screenshot("tasklist-unit-member-zh");
  }

  @Test
  void theOfficeStartsAProcessThroughItsStartFormInTasklist(Browser browser) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("browser-start").count() == 0) {
      repository.createDeployment()
          .addString("browser-start.form", """
              {"id": "browser-start", "type": "default", "schemaVersion": 16, "components": [
                {"type": "textfield", "key": "title", "label": "事项名称", "validate": {"required": true}},
                {"type": "number", "key": "days", "label": "办理时限（天）", "validate": {"min": 1, "max": 90}},
                {"type": "select", "key": "kind", "label": "类别", "values": [{"label": "防汛", "value": "FLOOD"}]},
                {"type": "datetime", "key": "due", "subtype": "date", "dateLabel": "完成日期"}
              ]}""")
          .addModelInstance("browser-start.bpmn",
              Bpmn.createExecutableProcess("browser-start").camundaHistoryTimeToLive(1).name("发起测试（样例）")
                  .startEvent().camundaFormRef("browser-start").camundaFormRefBinding("deployment")
                  .userTask("work").name("办理：${title}").camundaCandidateGroups("supervision-office")
                  .endEvent().done())
          .deploy();
    }
    browser.login("tasklist", "office1", TestOrganisation.PASSWORD);
    browser.openStartForm("发起测试（样例）");
    // form-js's own texts in Chinese: placeholders, and the checks it makes itself
    browser.waitForText("请选择");
    assertThat(browser.field("完成日期").getAttribute("placeholder")).isEqualTo("年/月/日");
    browser.press("发起");
    browser.waitForText("此项为必填项", "表单中有未填或填写有误的项");
    browser.fill("办理时限（天）", "120");
    browser.waitForText("不能大于 90");
    assertThat(browser.text()).doesNotContain("Field is required", "Field must have", "Select", "yyyy");
    browser.settle().screenshot("tasklist-start-form-checks-zh");
    browser.fill("事项名称", "落实防汛责任").fill("办理时限（天）", "15");
    browser.settle().screenshot("tasklist-start-form-office-zh");
    browser.press("发起");
    browser.waitForText("流程已发起。");

    var started = runtime.createProcessInstanceQuery().processDefinitionKey("browser-start").list();
    assertThat(started).hasSize(1);
    assertThat(runtime.getVariable(started.get(0).getId(), "title")).isEqualTo("落实防汛责任");
    assertThat(((Number) runtime.getVariable(started.get(0).getId(), "days")).intValue()).isEqualTo(15);

    browser.openFilter("督查室待办").openTask("办理：落实防汛责任");
    // opening the task claimed it: the office member's name (family name first) shows, 完成 works
    browser.waitFor(By.xpath("//*[contains(@class,'assignee')][normalize-space(.)='督查一']"));
    assertThat(tasks.createTaskQuery().processDefinitionKey("browser-start").singleResult().getAssignee())
        .isEqualTo("office1");
    assertThat(browser.text()).doesNotContain("认领", "查一 督");
    browser.press("完成");
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

    // a process's instances: start times as a Chinese reader writes them, no "租户 ID: null"
    browser.click(By.xpath("//a[normalize-space(.)='责任清单事项（样例）']"));
    browser.waitForText("ZR-2026-0001", "定义版本");
    String started = browser.driver().findElement(By.xpath("//td[contains(@class,'start-time')]")).getText();
    assertThat(started).matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}:\\d{2}");
    assertThat(browser.text()).doesNotContain("租户 ID", "null").doesNotMatch("(?s).*\\d{4}-\\d{2}-\\d{2}T\\d{2}.*");
    assertThat(browser.texts(Browser.SIGNED_IN)).singleElement().isEqualTo("督查一");
    assertThat(browser.texts(".luoshi-ledger a")).singleElement().isEqualTo("台账");
    browser.settle().screenshot("cockpit-instances-office-zh");
  }

  @Test
  void theAdministratorSeesAdminInChineseWithTheUpgradeNotice(Browser browser) {
    browser.login("admin", "admin", ADMIN_PASSWORD);
    browser.waitForText("用户", "用户组", "授权", "系统");
    assertThat(browser.driver().getTitle()).startsWith("落实 · 七里河区 管理台");
    browser.waitForText("迁移到 Camunda 8"); // administrators plan upgrades: the notice stays, in Chinese
    browser.settle().screenshot("admin-dashboard-zh");

    assertThat(browser.texts(Browser.SIGNED_IN)).singleElement().as("not 管理员 系统").isEqualTo("系统管理员");

    browser.go("/camunda/app/admin/default/#/groups");
    browser.waitForText("督查室", "测试一局").settle().screenshot("admin-groups-zh");

    // people: 姓 before 名, as names are written
    browser.go("/camunda/app/admin/default/#/users");
    browser.waitForText("office1");
    assertThat(browser.texts("table thead tr:first-child th").subList(1, 3)).containsExactly("姓*", "名*");
    var row = browser.driver().findElement(By.xpath("//tr[.//a[normalize-space(.)='office1']]"));
    assertThat(row.findElements(By.tagName("td")).stream().map(e -> e.getText().trim()).toList().subList(1, 3))
        .containsExactly("督", "查一");
    browser.settle().screenshot("admin-users-zh");
    browser.go("/camunda/app/admin/default/#/users/office1?tab=profile");
    browser.waitForText("督查一");
    assertThat(browser.text()).doesNotContain("查一 督");
  }

  @Test
  void theWelcomePageIsChineseToo(Browser browser) {
    browser.login("welcome", "t3a", TestOrganisation.PASSWORD);
    browser.waitForText("应用", "任务列表", "个人资料", "甲三");
    assertThat(browser.text()).doesNotContain("三 甲");
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
  void whatAClerkMustNotUseIsNotOffered(Browser browser) {
    browser.login("tasklist", "t2a", TestOrganisation.PASSWORD);
    browser.openFilter("本单位待办").openTask("签收：整治背街小巷环境卫生");
    browser.waitForText("责任清单事项（样例）", "测试二局", "甲二");
    assertThat(browser.text()).doesNotContain("新建任务", "添加用户组", "(v.", "租户", "设置跟进日期");
    assertThat(browser.driver().findElements(By.cssSelector(".meta .groups a"))).as("groups not edited here").isEmpty();
    assertThat(browser.driver().findElements(By.cssSelector(".meta.dates [cam-widget-inline-field]")))
        .as("the due date is read, not edited (the engine refuses a clerk's change)").isEmpty();
    assertThat(browser.texts(".meta.dates .luoshi-due")).singleElement().asString().startsWith("到期");
    browser.settle().screenshot("tasklist-task-unit-member-zh");
  }

  @Test
  void eachRoleSeesTheFiltersOfItsWork(Browser browser) {
    browser.login("tasklist", "principal1", TestOrganisation.PASSWORD);
    assertThat(browser.filterNames()).containsExactly("我的待办", "督查室待办", "主要领导待办", "全区在办");
    browser.loginAs("tasklist", "leader1", TestOrganisation.PASSWORD);
    assertThat(browser.filterNames()).containsExactly("我的待办", "我分管的事项");
    browser.loginAs("tasklist", "office2", TestOrganisation.PASSWORD);
    assertThat(browser.filterNames()).containsExactly("我的待办", "督查室待办", "全区在办");
    browser.settle().screenshot("tasklist-filters-office-zh");
  }

  @Test
  void unitsAndPeopleAreChosenByNameAsAdminKeepsThem(Browser browser) {
    browser.login("tasklist", "office1", TestOrganisation.PASSWORD);
    browser.openStartForm("责任清单事项");
    assertThat(browser.options("责任单位")).containsExactly("测试一局", "测试二局", "测试街道");
    assertThat(browser.options("分管领导")).containsExactly("分管一", "分管二");
    browser.settle().screenshot("tasklist-item-start-units-zh");

    // the administrator adds a unit and a leader in Admin (its REST API), nobody restarts anything
    Http admin = new Http(port).as("admin", ADMIN_PASSWORD);
    assertThat(admin.post("/engine-rest/group/create",
        Map.of("id", "unit-T9", "name", "新设服务中心", "type", "UNIT")).status()).isEqualTo(204);
    assertThat(admin.post("/engine-rest/user/create", Map.of(
        "profile", Map.of("id", "leader9", "firstName", "新", "lastName", "任", "email", "leader9@test.example"),
        "credentials", Map.of("password", TestOrganisation.PASSWORD))).status()).isEqualTo(204);
    assertThat(admin.put("/engine-rest/group/leaders/members/leader9", Map.of()).status()).isEqualTo(204);

    browser.go("/camunda/app/tasklist/default/");
    browser.waitFor(By.cssSelector(Browser.SIGNED_IN));
    browser.openStartForm("责任清单事项");
    assertThat(browser.options("责任单位")).contains("新设服务中心");
    assertThat(browser.options("分管领导")).contains("任新");

    browser.go("/camunda/app/tasklist/default/");
    browser.waitFor(By.cssSelector(Browser.SIGNED_IN));
    browser.openStartForm("约谈问责");
    browser.tag("被约谈人", "甲一（测试一局）").tag("被约谈人", "甲二（测试二局）");
    assertThat(browser.formField("被约谈人").getText()).contains("甲一（测试一局）", "甲二（测试二局）");
    browser.settle().screenshot("tasklist-interview-start-people-zh");

    browser.go("/camunda/app/tasklist/default/");
    browser.waitFor(By.cssSelector(Browser.SIGNED_IN));
    browser.openStartForm("督查督办");
    assertThat(browser.options("被督查单位")).containsExactly("测试一局", "测试二局", "测试街道", "新设服务中心");
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
    task.setDueDate(Time.endOf(Time.today().plusDays(3)));
    tasks.saveTask(task);
  }

  private static String attribute(Browser browser, String css, String name) {
    return browser.waitFor(By.cssSelector(css)).getAttribute(name);
  }
}
