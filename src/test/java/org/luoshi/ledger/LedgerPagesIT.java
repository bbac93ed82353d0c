package org.luoshi.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.luoshi.testsupport.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The ledger pages are served, and use /api with the browser's Tasklist login: reads as they are,
 * writes only with the session's CSRF token (what another site cannot know).
 */
@LuoshiIT
class LedgerPagesIT {

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  @BeforeEach
  void org() {
    TestOrganisation.create(identity);
  }

  @Test
  void thePagesAreServed() {
    Http http = new Http(port);
    assertThat(http.get("/ledger").status()).isEqualTo(302);
    var index = http.get("/ledger/");
    assertThat(index.status()).isEqualTo(200);
    assertThat(index.body()).contains("责任清单台账", "/ledger/ledger.js");
    var item = http.get("/ledger/items/ZR-2026-0001");
    assertThat(item.status()).isEqualTo(200);
    assertThat(item.body()).contains("/ledger/item.js", "/ledger/progress.js");
    assertThat(http.get("/ledger/item.js").body()).contains("/api/items/");
    for (String page : new String[] {"rankings.html", "problems.html", "calibration.html", "stats.html", "stats.js",
        "charts.js", "ledger.js", "ledger.css", "inbox.html", "inbox.js", "progress.js"}) {
      assertThat(http.get("/ledger/" + page).status()).as(page).isEqualTo(200);
    }
    // the pages notices link to: an interview, a supervision
    assertThat(http.get("/ledger/interviews/YT-2026-0001").body()).contains("/ledger/interview.js");
    assertThat(http.get("/ledger/supervisions/7").body()).contains("/ledger/supervision.js");
  }

  @Test
  void theChartLibraryTheChartsNameIsServedByTheAppItself() {
    Http http = new Http(port);
    String charts = http.get("/ledger/charts.js").body();
    var library = java.util.regex.Pattern.compile("const ECHARTS = '([^']+)'").matcher(charts);
    assertThat(library.find()).as("charts.js names its library").isTrue();
    assertThat(library.group(1)).startsWith("/webjars/echarts/"); // a path of this app, no other host
    var served = http.get(library.group(1));
    assertThat(served.status()).as("the webjar of pom.xml serves " + library.group(1)).isEqualTo(200);
    assertThat(served.body()).contains("echarts");
    // the Cockpit plugins are loaded from the Cockpit configuration
    assertThat(http.get("/camunda/app/cockpit/scripts/config.js").body()).contains("scripts/luoshi/plugins");
    for (String script : new String[] {"plugins.js", "record.js", "common.js"}) {
      assertThat(http.get("/camunda/app/cockpit/scripts/luoshi/" + script).status()).as(script).isEqualTo(200);
    }
  }

  @Test
  void aTasklistLoginReadsTheApiButCannotWriteWithoutTheSessionsToken() {
    WebappSession browser = new WebappSession(port);
    assertThat(browser.request("GET", "/api/me", null).status()).isEqualTo(401);
    assertThat(browser.request("GET", "/api/me", null).location()).as("no basic challenge for pages").isNull();

    assertThat(browser.login("tasklist", "office1", TestOrganisation.PASSWORD).status()).isEqualTo(200);
    var me = browser.request("GET", "/api/me", null);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("id").asText()).isEqualTo("office1");
    assertThat(me.json().get("office").asBoolean()).isTrue();
    assertThat(browser.request("GET", "/api/units", null).json().findValuesAsText("code")).contains("T1", "T2");

    var write = browser.request("POST", "/api/items", "{\"title\":\"x\"}", null);
    assertThat(write.status()).as("a write without the session's CSRF token").isEqualTo(403);
    assertThat(write.json().get("message").asText()).contains("刷新页面");
  }

  @Test
  void aTasklistLoginWritesOnlyWithItsOwnSessionsCsrfToken() {
    WebappSession t1a = new WebappSession(port);
    assertThat(t1a.login("tasklist", "t1a", TestOrganisation.PASSWORD).status()).isEqualTo(200);
    String token = t1a.apiCsrfToken();
    assertThat(token).isNotBlank();

    assertThat(t1a.request("POST", "/api/notifications/read-all", null, null).status()).isEqualTo(403);
    assertThat(t1a.request("POST", "/api/notifications/read-all", null, "forged").status()).isEqualTo(403);
    WebappSession office = new WebappSession(port);
    assertThat(office.login("tasklist", "office1", TestOrganisation.PASSWORD).status()).isEqualTo(200);
    assertThat(t1a.request("POST", "/api/notifications/read-all", null, office.apiCsrfToken()).status())
        .as("another session's token").isEqualTo(403);

    var written = t1a.request("POST", "/api/notifications/read-all", null, token);
    assertThat(written.status()).as(written.toString()).isEqualTo(200);
    assertThat(written.json().has("marked")).isTrue();
    // the token is the session's, not the caller's to choose: who writes is still the session's user
    var bad = t1a.request("POST", "/api/items", "{\"title\":\"整治\",\"source\":\"KEY_TASK\",\"unitCode\":\"T1\","
        + "\"leadLeader\":\"leader1\",\"deadline\":\"" + org.luoshi.engine.Time.today().plusDays(30) + "\",\"target\":\"完成\"}", token);
    assertThat(bad.status()).as("only the office issues items").isEqualTo(403);
  }
}
