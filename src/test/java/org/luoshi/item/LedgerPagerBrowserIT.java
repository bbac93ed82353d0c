package org.luoshi.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
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
import org.springframework.test.context.TestPropertySource;

/**
 * The ledger page with a total counted only up to the bound (here 3, luoshi.ledger.count-limit): it says
 * "项以上" instead of a page count, and the next page still opens until a page is not full.
 */
@LuoshiIT
@ExtendWith(BrowserExtension.class)
@TestPropertySource(properties = "luoshi.ledger.count-limit=3")
class LedgerPagerBrowserIT {

  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aTotalPastTheBoundReadsAsAtLeastAndPagingGoesOn(Browser browser) {
    TestOrganisation.create(identity);
    LocalDate issued = Time.today().minusDays(30);
    for (int i = 0; i < 25; i++) {
      jdbc.update("""
          insert into ls_item (id, version, code, title, source, category, unit_code, lead_leader, target, issued_on,
            issued_by, deadline, original_deadline, extended, status, progress_percent, yellow_from, issue_round,
            submission_round, created_at)
          values (?, 0, ?, ?, 'KEY_TASK', 'OTHER', 'T1', 'leader1', '目标', ?, 'office1', ?, ?, false, 'ISSUED', 0, ?, 1, 1, ?)""",
          700_000 + i, "ZR-2026-7" + String.format("%05d", i), "翻页测试事项" + i, Date.valueOf(issued.plusDays(i % 3)),
          Date.valueOf(issued.plusDays(90)), Date.valueOf(issued.plusDays(90)), Date.valueOf(issued.plusDays(80)),
          Timestamp.from(issued.atStartOfDay(Time.ZONE).toInstant()));
    }
    browser.login("tasklist", "office1", TestOrganisation.PASSWORD);
    browser.go("/ledger/");
    // a lower bound: the limit (3) or, as here, the rows up to this full page's end
    browser.waitForText("翻页测试事项", "第 1 页，共 20 项以上");
    assertThat(browser.texts("#list table tr")).hasSize(21);
    assertThat(browser.waitFor(By.id("next")).isEnabled()).isTrue();
    browser.click(By.id("next"));
    browser.waitForText("第 2 页，共 2 页（25 项）");
    assertThat(browser.texts("#list table tr")).hasSize(6);
    assertThat(browser.waitFor(By.id("next")).isEnabled()).isFalse();
    browser.click(By.id("prev"));
    browser.waitForText("第 1 页，共 20 项以上");
    browser.screenshot("ledger-bounded-total");
  }
}
