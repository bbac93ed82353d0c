package org.luoshi.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.luoshi.engine.Time;
import org.luoshi.testsupport.Browser;
import org.luoshi.testsupport.BrowserExtension;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The office's import on the ledger: a spreadsheet with a bad row is shown row by row with its problems and
 * cannot be confirmed; the corrected one is confirmed and its items are issued. Screenshots in target/screenshots/.
 */
@LuoshiIT
@ExtendWith(BrowserExtension.class)
class ImportBrowserIT {

  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void district() {
    TestOrganisation.create(identity);
  }

  @Test
  void theOfficePreviewsItsSpreadsheetAndConfirmsItOnTheLedger(Browser browser) throws Exception {
    String deadline = Time.today().plusMonths(6).toString();
    Path bad = Path.of("target", "责任清单-有误.xlsx").toAbsolutePath();
    Files.write(bad, SpreadsheetIT.sheet(List.of(
        SpreadsheetIT.row("推进就业创业服务提质", "重点工作", "社会治理", "测试一局", "分管一", deadline, "新增就业 3000 人", ""),
        SpreadsheetIT.row("老旧小区改造", "重点工作", "", "不存在局", "分管一", "明年", "改造 12 个小区", ""))));
    Path good = Path.of("target", "责任清单.xlsx").toAbsolutePath();
    Files.write(good, SpreadsheetIT.sheet(List.of(
        SpreadsheetIT.row("推进就业创业服务提质", "重点工作", "社会治理", "测试一局", "分管一", deadline, "新增就业 3000 人", ""),
        SpreadsheetIT.row("老旧小区改造", "重点工作", "项目建设", "测试二局", "分管二", deadline, "改造 12 个小区", ""))));

    browser.login("tasklist", "office1", TestOrganisation.PASSWORD);
    browser.go("/ledger/").waitForText("责任清单台账", "导出 Excel", "导入责任清单");
    browser.click(By.linkText("导入责任清单"));
    browser.waitForText("从 Excel 导入责任清单", "导入模板");

    browser.driver().findElement(By.id("file")).sendKeys(bad.toString());
    browser.press("上传并预览");
    browser.waitForText("没有这个责任单位：不存在局", "截止日期不是有效的日期：明年（应为 2026-12-31）", "有 1 行需修改后重新上传");
    assertThat(browser.driver().findElement(By.id("confirm")).isEnabled()).isFalse();
    browser.settle().screenshot("import-1-preview-with-errors");
    assertThat(jdbc.queryForObject("select count(*) from ls_item", Long.class)).isZero();

    browser.driver().findElement(By.id("file")).sendKeys(good.toString());
    browser.press("上传并预览");
    browser.waitForText("共 2 行，无误 2 行，可以确认导入");
    browser.settle().screenshot("import-2-preview-ready");
    browser.press("确认导入");
    browser.waitForText("已下发 2 项");
    browser.settle().screenshot("import-3-confirmed");
    assertThat(jdbc.queryForObject("select count(*) from ls_item", Long.class)).isEqualTo(2);
    String first = browser.driver().findElement(By.cssSelector("#confirm-result a")).getText();
    browser.click(By.linkText(first));
    browser.waitForText(first, "推进就业创业服务提质", "测试一局");
  }
}
