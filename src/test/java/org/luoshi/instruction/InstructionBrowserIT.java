package org.luoshi.instruction;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A leader instructs an item from its ledger page; the unit's clerk finds the instruction and the
 * formal documents in her next task's form in Tasklist (headless Chromium, Chinese browser).
 */
@LuoshiIT
@ExtendWith(BrowserExtension.class)
class InstructionBrowserIT {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  Http http;
  Engine engine;

  @BeforeEach
  void district() {
    TestOrganisation.create(identity);
    http = new Http(port);
    engine = new Engine(http, tasks, management);
  }

  @Test
  void aLeaderInstructsFromTheItemPageAndTheClerkReadsItInHerNextTask(Browser browser) {
    Http.Response r = http.as("office1").post("/api/items", Map.of("title", "推进老旧小区改造", "source", "KEY_TASK",
        "unitCode", "T1", "leadLeader", "leader1", "deadline", Time.today().plusDays(60).toString(), "target", "按期完成"));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    engine.runAsync();
    String code = r.json().get("code").asText();
    engine.done("t1a", code, "acceptItem", Map.of("accepted", "true"));

    browser.login("tasklist", "leader1", TestOrganisation.PASSWORD);
    browser.go("/ledger/items/" + code).waitForText(code, "领导批示", "作出批示", "督办文书", "尚未印发");
    browser.driver().findElement(By.id("instructionText")).sendKeys("请倒排工期，月底前报送进展。");
    browser.click(By.xpath("//button[normalize-space(.)='发出批示']"));
    browser.waitForText("已发出");
    browser.waitUntil(d -> d.findElements(By.cssSelector("#instructions table td")).stream()
        .anyMatch(td -> td.getText().contains("请倒排工期")));
    browser.settle().screenshot("ledger-item-instruction-zh");

    browser.loginAs("tasklist", "t1a", TestOrganisation.PASSWORD);
    browser.openFilter("本单位待办").openTask("制定落实方案：推进老旧小区改造");
    browser.waitForText("领导批示", "请倒排工期，月底前报送进展。", "分管一", "督办通知单", "督办函", "整改通知书");
    assertThat(browser.driver().findElement(By.xpath("//a[normalize-space(.)='督办通知单']")).getDomAttribute("href"))
        .isEqualTo("/api/items/" + code + "/documents/notice.docx");
    browser.settle().screenshot("tasklist-plan-item-instruction-zh");
  }
}
