package org.luoshi.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.WebappSession;
import org.springframework.boot.test.web.server.LocalServerPort;

@LuoshiIT
class SecurityIT {

  static final String ADMIN_PASSWORD = "Adm1n-Test-Pw!"; // application-test.yaml
  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void engineRestAnswers401WithoutCredentials() {
    assertThat(http.get("/engine-rest/task").status()).isEqualTo(401);
    assertThat(http.get("/engine-rest/process-definition").status()).isEqualTo(401);
    assertThat(http.get("/engine-rest/user").status()).isEqualTo(401);
  }

  @Test
  void apiAnswers401InTheErrorShapeWithoutCredentials() {
    var r = http.get("/api/notifications");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().get("status").asInt()).isEqualTo(401);
    assertThat(r.json().get("message").asText()).contains("登录");
  }

  @Test
  void theAdminPasswordFromTheEnvironmentWorks() {
    assertThat(http.as("admin", ADMIN_PASSWORD).get("/engine-rest/user?id=admin").status()).isEqualTo(200);
    assertThat(http.as("admin", ADMIN_PASSWORD).get("/api/notifications").status()).isEqualTo(200);
  }

  @Test
  void unknownPathsUnderApiAnswer404InTheErrorShape() {
    var r = http.as("admin", ADMIN_PASSWORD).get("/api/no-such-thing");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("status").asInt()).isEqualTo(404);
  }

  @Test
  void webappLoginNeedsTheCsrfToken() {
    var session = new WebappSession(port);
    assertThat(session.login("tasklist", "admin", ADMIN_PASSWORD, false).status()).isEqualTo(403);
  }

  @Test
  void theSessionCookieIsHttpOnly() {
    var session = new WebappSession(port);
    var r = session.login("admin", "admin", ADMIN_PASSWORD);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("\"admin\"", "\"tasklist\"", "\"cockpit\"");
    assertThat(session.sessionCookie()).isNotNull();
    assertThat(session.sessionCookie().isHttpOnly()).isTrue();
  }
}
