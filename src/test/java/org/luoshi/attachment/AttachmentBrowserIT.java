package org.luoshi.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luoshi.engine.Time;
import org.luoshi.item.Items;
import org.luoshi.item.ItemStatus;
import org.luoshi.testsupport.Browser;
import org.luoshi.testsupport.BrowserExtension;
import org.luoshi.testsupport.Engine;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Evidence for a completion, as the responsible person attaches it and the office opens it: from the
 * 报送完成 form (Tasklist 7.24's forms have no file picker) to the item's ledger page, where the file is
 * uploaded; then the office, verifying, opens it from the same page. Screenshots in target/screenshots/.
 */
@LuoshiIT
@ExtendWith(BrowserExtension.class)
class AttachmentBrowserIT {

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

  @Test
  void theResponsiblePersonAttachesEvidenceToACompletionAndTheOfficeOpensItFromTheLedger(Browser browser)
      throws Exception {
    String title = "整治背街小巷环境卫生";
    Http.Response r = http.as("office1").post("/api/items", Map.of("title", title, "source", "KEY_TASK",
        "unitCode", "T1", "leadLeader", "leader1", "deadline", Time.today().plusDays(30).toString(),
        "target", "42 条背街小巷全部整治"));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    engine.runAsync();
    String code = r.json().get("code").asText();
    engine.done("t1a", code, "acceptItem", Map.of("accepted", "true"));
    engine.done("t1a", code, "planItem", Map.of("responsiblePerson", "t1b", "measures", "分片包干"));
    Path photo = Path.of("target", "整治后照片.png").toAbsolutePath();
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(320, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(new java.awt.Color(0xE8F0E0));
    g.fillRect(0, 0, 320, 200);
    g.setColor(new java.awt.Color(0x3A7D44));
    g.fillRect(20, 120, 280, 60);
    g.setColor(new java.awt.Color(0x8A8F98));
    g.fillRect(60, 40, 60, 80);
    g.fillRect(200, 30, 70, 90);
    g.dispose();
    javax.imageio.ImageIO.write(image, "png", photo.toFile());

    // the completion form says where evidence goes
    browser.login("tasklist", "t1b", TestOrganisation.PASSWORD);
    browser.openFilter("我的待办").openTask("报送完成：" + title);
    browser.waitFor(By.xpath("//button[normalize-space(.)='完成' and not(@disabled)]"));
    WebElement link = browser.waitFor(By.cssSelector(".fjs-container a[href='/ledger/items/" + code + "#attachments']"));
    assertThat(link.getText()).contains("附件");
    browser.settle().screenshot("attachment-1-completion-form-links-the-upload");

    // the item's ledger page: upload the photo as evidence of completion
    browser.go("/ledger/items/" + code + "#attachments").waitForText("附件（佐证材料）", "上传附件");
    browser.driver().findElement(By.id("attachment-file")).sendKeys(photo.toString());
    new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("attachment-purpose")))
        .selectByVisibleText("完成佐证");
    browser.press("上传");
    browser.waitForText("已上传：整治后照片.png");
    browser.waitFor(By.xpath("//section[@id='attachments']//a[normalize-space(.)='整治后照片.png']"));
    browser.settle().screenshot("attachment-2-uploaded-on-the-ledger-page");

    // then completes the task in Tasklist
    browser.go("/camunda/app/tasklist/");
    browser.openFilter("我的待办").openTask("报送完成：" + title);
    browser.waitFor(By.xpath("//button[normalize-space(.)='完成' and not(@disabled)]"));
    browser.radio("报送完成").date("完成日期", Time.today()).fill("完成情况", "42 条背街小巷全部整治完毕，照片见附件");
    browser.press("完成");
    browser.waitUntil(d -> engine.task(code, "submitCompletion") == null);
    engine.runAsync();
    assertThat(items.byCode(code).getStatus()).isEqualTo(ItemStatus.CLOSING);

    // the office verifies: the form links the evidence, the ledger page lists it, and it opens
    browser.loginAs("tasklist", "office2", TestOrganisation.PASSWORD);
    browser.openFilter("督查室待办").openTask("督查室核验：" + title);
    browser.waitFor(By.cssSelector(".fjs-container a[href='/ledger/items/" + code + "#attachments']"));
    browser.go("/ledger/items/" + code + "#attachments").waitForText("整治后照片.png", "完成佐证", "乙一");
    browser.settle().screenshot("attachment-3-office-sees-the-evidence");
    String href = browser.driver().findElement(By.cssSelector("#attachments a.attachment")).getAttribute("href");
    browser.go(href.substring(browser.baseUrl().length()));
    browser.waitUntil(d -> "image/png".equals(browser.script("return document.contentType;")));
    assertThat(((Number) browser.script("const i = document.querySelector('img'); return i ? i.naturalWidth : 0;"))
        .intValue()).as("the picture itself, shown by the browser").isEqualTo(320);
    browser.screenshot("attachment-4-office-opens-the-photo"); // a picture: no text to settle
  }
}
