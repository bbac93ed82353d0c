package org.luoshi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 13 point 7: security headers on every page and API answer, errors and refusals included. */
@LuoshiIT
class SecurityHeadersIT {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void setUp() {
    TestOrganisation.create(identity);
  }

  HttpResponse<String> get(String path, boolean authenticated) throws Exception {
    var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (authenticated) {
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString(("office1:" + TestOrganisation.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    return client.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void luoshisPagesAndApisCarryTheHeadersAndAStrictPolicy() throws Exception {
    for (String path : List.of("/ledger/", "/ledger/items/ZR-2026-0001", "/ledger/rankings.html", "/ledger/ledger.js",
        "/ledger/ledger.css", "/api/me", "/api/items", "/api/no-such-thing", "/engine-rest/task", "/engine-rest/user",
        "/", "/ledger", "/no-such-page", "/camunda-welcome/index.html")) {
      for (boolean authenticated : new boolean[] {true, false}) {
        var r = get(path, authenticated);
        HttpHeaders h = r.headers();
        String what = path + (authenticated ? "" : " (anonymous)") + " → " + r.statusCode();
        assertThat(h.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        assertThat(h.firstValue("X-Frame-Options")).as(what).hasValue("SAMEORIGIN");
        assertThat(h.firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(csp -> {
          assertThat(csp).contains("default-src 'self'", "script-src 'self'", "object-src 'none'",
              "frame-ancestors 'self'", "base-uri 'self'");
          assertThat(csp.split("script-src")[1].split(";")[0]).doesNotContain("unsafe-inline", "unsafe-eval");
        });
        assertThat(h.firstValue("Referrer-Policy")).as(what).hasValue("same-origin");
        if (path.startsWith("/api/")) {
          assertThat(h.firstValue("Cache-Control")).as(what).hasValue("no-store");
        }
        if (path.startsWith("/engine-rest/")) {
          assertThat(h.firstValue("Cache-Control")).as(what).hasValueSatisfying(c -> assertThat(c).containsAnyOf("no-store", "no-cache"));
        }
      }
    }
  }

  @Test
  void theLedgerPagesHaveNoInlineScriptOrHandler() throws Exception {
    for (String page : List.of("index", "item", "rankings", "assessments", "problems", "calibration", "reports")) {
      String html = get("/ledger/" + page + ".html", false).body();
      assertThat(html).as(page).contains("<script src=\"/ledger/" + page + ".js\"></script>");
      assertThat(html.replaceAll("<script src=\"[^\"]+\"></script>", "")).as(page).doesNotContain("<script");
      assertThat(html).as(page).doesNotContainPattern("\\son[a-z]+\\s*=").doesNotContain("javascript:");
      assertThat(get("/ledger/" + page + ".js", false).statusCode()).as(page).isEqualTo(200);
    }
  }

  @Test
  void camundasWebappsKeepTheirOwnPolicyAndAreNotFramed() throws Exception {
    for (String path : List.of("/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
        "/camunda/app/admin/default/", "/camunda/app/welcome/default/", "/camunda/api/admin/auth/user/default")) {
      var r = get(path, false);
      String what = path + " → " + r.statusCode();
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
      assertThat(r.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
      assertThat(r.headers().firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(csp ->
          assertThat(csp).contains("frame-ancestors 'none'", "object-src 'none'").containsPattern("'nonce-[^']+'"));
    }
  }
}
