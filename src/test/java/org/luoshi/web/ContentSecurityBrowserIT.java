package org.luoshi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luoshi.tasklist.TasklistFilters;
import org.luoshi.testsupport.Browser;
import org.luoshi.testsupport.BrowserExtension;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13 point 7 in a real browser: every ledger page, a report's HTML view and Camunda's
 * webapps (Tasklist, Cockpit, Admin, welcome) work under their Content-Security-Policy: the browser
 * reports no violation, the page shows its data, and the webapps meet no refusal from Luoshi's
 * guards (a unit clerk's Tasklist included, with her colleague's name on a task).
 * Screenshots: target/screenshots/csp-*.png.
 */
@LuoshiIT
@ExtendWith(BrowserExtension.class)
class ContentSecurityBrowserIT {

  static final String ADMIN_PASSWORD = "Adm1n-Test-Pw!"; // application-test.yaml

  /** Installed before any script of a page runs: records CSP violations and failed requests. */
  static final String PROBE = """
      window.__luoshi = {violations: [], failures: []};
      document.addEventListener('securitypolicyviolation', e => window.__luoshi.violations.push(
          e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));
      const open = XMLHttpRequest.prototype.open;
      XMLHttpRequest.prototype.open = function (method, url) { this.__what = method + ' ' + url; return open.apply(this, arguments); };
      const send = XMLHttpRequest.prototype.send;
      XMLHttpRequest.prototype.send = function () {
        this.addEventListener('loadend', () => { if (this.status >= 400) window.__luoshi.failures.push(this.status + ' ' + this.__what); });
        return send.apply(this, arguments);
      };
      const originalFetch = window.fetch;
      window.fetch = function (input) {
        return originalFetch.apply(this, arguments).then(r => {
          if (r.status >= 400) window.__luoshi.failures.push(r.status + ' fetch ' + (input.url || input));
          return r;
        });
      };
      """;

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired TasklistFilters filters;
  static String itemCode;
  static String reportId;

  @BeforeEach
  void district() {
    TestOrganisation.create(identity);
    filters.run(null);
    Http office = new Http(port).as("office1");
    if (itemCode == null) {
      var item = office.post("/api/items", Map.of("title", "推进老旧小区改造", "source", "KEY_TASK", "unitCode", "T1",
          "leadLeader", "leader1", "target", "年内完成 12 个小区改造", "deadline", LocalDate.now().plusMonths(2).toString()));
      assertThat(item.status()).as(item.toString()).isEqualTo(201);
      itemCode = item.json().get("code").asText();
      var report = office.post("/api/reports", Map.of("kind", "QUARTERLY_INSPECTION", "period", "2026-Q1"));
      assertThat(report.status()).as(report.toString()).isEqualTo(201);
      reportId = report.json().get("id").asText();
      String pi = report.json().get("processInstanceId").asText();
      for (int round = 0; round < 5; round++) {
        management.createJobQuery().processInstanceId(pi).executable().list()
            .forEach(j -> management.executeJob(j.getId()));
      }
    }
    if (repository.createProcessDefinitionQuery().processDefinitionKey("csp-probe").count() == 0) {
      repository.createDeployment().addModelInstance("csp-probe.bpmn",
          Bpmn.createExecutableProcess("csp-probe").camundaHistoryTimeToLive(1).name("协同办理（样例）")
              .startEvent().userTask("work").name("核对台账").camundaCandidateGroups("unit-T1").endEvent().done())
          .deploy();
      String pi = runtime.startProcessInstanceByKey("csp-probe").getId();
      tasks.setAssignee(tasks.createTaskQuery().processInstanceId(pi).singleResult().getId(), "t1b");
    }
  }

  static void probe(Browser browser) {
    ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
  }

  @SuppressWarnings("unchecked")
  static List<String> recorded(Browser browser, String what) {
    Object v = browser.script("return window.__luoshi ? window.__luoshi." + what + " : ['no probe on this page'];");
    return v == null ? List.of() : new ArrayList<>((List<String>) v);
  }

  static void assertClean(Browser browser, String page) {
    assertThat(recorded(browser, "violations")).as("CSP violations on " + page).isEmpty();
    assertThat(recorded(browser, "failures")).as("refused requests on " + page)
        .noneMatch(f -> f.startsWith("401") || f.startsWith("403") || f.startsWith("5"));
  }

  @Test
  void everyLedgerPageWorksUnderItsPolicy(Browser browser) {
    probe(browser);
    browser.login("tasklist", "office1", TestOrganisation.PASSWORD);
    record Page(String path, String name, String[] shows) {}
    List<Page> pages = List.of(
        new Page("/ledger/", "index", new String[] {"责任清单统计", "推进老旧小区改造", "下发"}),
        new Page("/ledger/items/" + itemCode, "item", new String[] {itemCode, "推进老旧小区改造", "年内完成 12 个小区改造"}),
        new Page("/ledger/rankings.html", "rankings", new String[] {"考核排名"}),
        new Page("/ledger/import.html", "import", new String[] {"从 Excel 导入责任清单", "导入模板"}),
        new Page("/ledger/assessments.html", "assessments", new String[] {"年度考核"}),
        new Page("/ledger/problems.html", "problems", new String[] {"督查问题台账"}),
        new Page("/ledger/calibration.html", "calibration", new String[] {"评分校准"}),
        new Page("/ledger/reports.html", "reports", new String[] {"督查报告与通报", "2026"}),
        new Page("/api/reports/" + reportId + "/html", "report-html", new String[] {"2026"}));
    for (Page page : pages) {
      browser.go(page.path());
      if (!page.name().equals("report-html")) {
        browser.waitUntil(d -> !d.findElements(By.cssSelector("header .me")).isEmpty()
            && d.findElement(By.cssSelector("header .me")).getText().contains("office1"));
      }
      browser.waitForText(page.shows()).settle();
      assertThat(browser.text()).as(page.path()).doesNotContain("出错了", "请先登录");
      assertClean(browser, page.path());
      browser.screenshot("csp-ledger-" + page.name());
    }
    // the control: an inline script is blocked on these pages, and the probe sees it
    browser.go("/ledger/");
    browser.waitForText("责任清单统计");
    browser.script("const s = document.createElement('script'); s.textContent = 'window.__inline = true;';"
        + " document.body.appendChild(s);");
    browser.waitUntil(d -> !recorded(browser, "violations").isEmpty());
    assertThat(recorded(browser, "violations")).anyMatch(v -> v.startsWith("script-src"));
    assertThat(browser.script("return window.__inline === true;")).isEqualTo(false);
  }

  @Test
  void theLoginPageSaysWhenToTryAgain(Browser browser) {
    browser.openLogin("tasklist");
    for (int i = 0; i < 6; i++) {
      var name = browser.driver().findElement(By.cssSelector(Browser.LOGIN_FORM + " input[type=text]"));
      name.clear();
      name.sendKeys("t3a");
      var secret = browser.driver().findElement(By.cssSelector(Browser.LOGIN_FORM + " input[type=password]"));
      secret.clear();
      secret.sendKeys("Wrong-Passw0rd!" + i);
      browser.driver().findElement(By.cssSelector(Browser.LOGIN_FORM + " button[type=submit]")).click();
      browser.settle();
    }
    browser.waitForText("登录失败次数过多", "后再试");
    browser.screenshot("csp-tasklist-login-throttled");
  }

  @Test
  void tasklistForAUnitClerkWorksAndShowsHerColleaguesName(Browser browser) {
    probe(browser);
    browser.login("tasklist", "t1a", TestOrganisation.PASSWORD);
    browser.openFilter("本单位待办");
    browser.waitForText("核对台账");
    browser.openTask("核对台账");
    browser.settle();
    assertThat(browser.text()).as("the assignee is shown by name").containsPattern("乙\\s?一|一\\s?乙");
    assertClean(browser, "tasklist (t1a)");
    browser.screenshot("csp-tasklist-unit-clerk");
  }

  @Test
  void camundasWebappsWorkUnderTheirPolicy(Browser browser) {
    probe(browser);
    browser.login("welcome", "admin", ADMIN_PASSWORD);
    browser.settle();
    assertClean(browser, "welcome");
    browser.screenshot("csp-welcome");
    for (String app : List.of("tasklist", "cockpit", "admin")) {
      browser.go("/camunda/app/" + app + "/default/");
      browser.waitFor(By.cssSelector(Browser.SIGNED_IN));
      browser.settle();
      assertClean(browser, app);
      browser.screenshot("csp-" + app);
    }
    browser.go("/camunda/app/cockpit/default/#/processes");
    browser.waitForText("协同办理（样例）").settle();
    assertClean(browser, "cockpit processes");
    browser.go("/camunda/app/admin/default/#/users");
    browser.waitForText("office1").settle();
    assertClean(browser, "admin users");
    browser.screenshot("csp-admin-users");
  }

  @Test
  void theOfficeWorksInCockpitWithoutRefusals(Browser browser) {
    probe(browser);
    browser.login("cockpit", "office1", TestOrganisation.PASSWORD);
    browser.settle();
    browser.go("/camunda/app/cockpit/default/#/processes");
    browser.waitForText("协同办理（样例）").settle();
    assertClean(browser, "cockpit (office1)");
    browser.screenshot("csp-cockpit-office");
  }
}
