package org.luoshi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * No fixed password logs in anywhere: not for admin, not for a demo user. A context of its own,
 * with the login throttle (LoginThrottleIT) loosened so that every password is really checked.
 */
@LuoshiIT
@TestPropertySource(properties = {"luoshi.demo.enabled=true", "luoshi.admin-password=Adm1n-Other-Pw!",
    "luoshi.login.client-max-failures=1000", "luoshi.login.account-max-failures=1000",
    "luoshi.login.pair-max-failures=1000"})
class DefaultPasswordsIT {

  static final List<String> USUAL_SUSPECTS =
      List.of("admin", "demo", "password", "123456", "Passw0rd!", "luoshi", "Luoshi@2026", "camunda");

  @LocalServerPort int port;

  @Test
  void noUsualPasswordLogsIn() {
    var http = new Http(port);
    for (String user : List.of("admin", "demo", "wanglei", "lijing", "maweidong")) {
      for (String password : USUAL_SUSPECTS) {
        assertThat(http.as(user, password).get("/api/notifications").status())
            .as("%s / %s", user, password).isEqualTo(401);
      }
    }
  }
}
