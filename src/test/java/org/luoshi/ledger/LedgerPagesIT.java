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

/** The ledger pages are served, and read /api with the browser's Tasklist login — reads only. */
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
    assertThat(item.body()).contains("/ledger/item.js");
    assertThat(http.get("/ledger/item.js").body()).contains("/api/items/");
    for (String page : new String[] {"rankings.html", "problems.html", "calibration.html", "stats.html", "stats.js",
        "charts.js", "ledger.js", "ledger.css"}) {
      assertThat(http.get("/ledger/" + page).status()).as(page).isEqualTo(200);
    }
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
  void aTasklistLoginReadsTheApiButCannotWriteThroughIt() {
    WebappSession browser = new WebappSession(port);
    assertThat(browser.request("GET", "/api/me", null).status()).isEqualTo(401);
    assertThat(browser.request("GET", "/api/me", null).location()).as("no basic challenge for pages").isNull();

    assertThat(browser.login("tasklist", "office1", TestOrganisation.PASSWORD).status()).isEqualTo(200);
    var me = browser.request("GET", "/api/me", null);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("id").asText()).isEqualTo("office1");
    assertThat(me.json().get("office").asBoolean()).isTrue();
    assertThat(browser.request("GET", "/api/units", null).json().findValuesAsText("code")).contains("T1", "T2");

    var write = browser.request("POST", "/api/items", "{\"title\":\"x\"}");
    assertThat(write.status()).isEqualTo(401);
  }
}
