package org.luoshi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.identity.LoginThrottle;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.luoshi.testsupport.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13 point 6: {@code identity/verify} (a password oracle) only for administrators, however the
 * path is spelt; Cockpit's plugin API only for people with Cockpit, Admin's only for Admin users,
 * while the login paths every webapp needs stay open.
 */
@LuoshiIT
class EngineApiGuardsIT {

  static final String ADMIN_PASSWORD = "Adm1n-Test-Pw!"; // application-test.yaml

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired LoginThrottle throttle;
  Http http;

  @BeforeEach
  void setUp() {
    TestOrganisation.create(identity);
    throttle.clear();
    http = new Http(port);
  }

  static Map<String, String> credentials(String user, String password) {
    return Map.of("username", user, "password", password);
  }

  @Test
  void onlyAnAdministratorMayAskWhetherAPasswordIsSomeones() {
    for (String path : List.of("/engine-rest/identity/verify", "/engine-rest/engine/default/identity/verify",
        "/engine-rest/identity/%76erify", "/engine-rest//identity/verify", "/engine-rest/identity/verify/",
        "/engine-rest/identity;x=1/verify", "/engine-rest/identity/./verify", "/engine-rest/task/../identity/verify")) {
      var r = http.as("t1a").post(path, credentials("t1b", TestOrganisation.PASSWORD));
      assertThat(r.status()).as(path + " → " + r).isIn(400, 403, 404);
      assertThat(r.body()).as(path).doesNotContain("authenticated");
    }
    var office = http.as("office1").post("/engine-rest/identity/verify", credentials("t1b", TestOrganisation.PASSWORD));
    assertThat(office.status()).isEqualTo(403);
    assertThat(office.json().get("message").asText()).contains("系统管理员");

    var admin = http.as("admin", ADMIN_PASSWORD).post("/engine-rest/identity/verify",
        credentials("t1b", TestOrganisation.PASSWORD));
    assertThat(admin.status()).isEqualTo(200);
    assertThat(admin.json().get("authenticated").asBoolean()).isTrue();
  }

  @Test
  void theWebappsEngineApiAnswersTheSame() {
    var clerk = new WebappSession(port);
    assertThat(clerk.login("tasklist", "t1a", TestOrganisation.PASSWORD).status()).isEqualTo(200);
    var r = clerk.request("POST", "/camunda/api/engine/engine/default/identity/verify",
        "{\"username\":\"t1b\",\"password\":\"" + TestOrganisation.PASSWORD + "\"}");
    assertThat(r.status()).as(r.toString()).isIn(403);
    assertThat(r.body()).doesNotContain("authenticated");
    assertThat(new WebappSession(port).request("POST", "/camunda/api/engine/engine/default/identity/verify",
        "{\"username\":\"t1b\",\"password\":\"x\"}").status()).isIn(401, 403);
  }

  @Test
  void refusedVerificationsDoNotCountAgainstTheAccountTheyName() {
    for (int i = 0; i < 30; i++) {
      http.as("t1a").post("/engine-rest/identity/verify", credentials("t2a", "Wrong-Passw0rd!" + i));
    }
    assertThat(http.as("t2a").get("/engine-rest/task").status()).isEqualTo(200);
  }

  @Test
  void cockpitsPluginApiAnswersOnlyPeopleWithCockpit() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("stats-probe").count() == 0) {
      repository.createDeployment().addModelInstance("stats-probe.bpmn",
          Bpmn.createExecutableProcess("stats-probe").camundaHistoryTimeToLive(1).name("统计测试")
              .startEvent().userTask("work").name("办理").camundaCandidateGroups("unit-T2").endEvent().done()).deploy();
      runtime.startProcessInstanceByKey("stats-probe");
    }
    String statistics = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics";

    var clerk = new WebappSession(port);
    assertThat(clerk.login("tasklist", "t1a", TestOrganisation.PASSWORD).status()).isEqualTo(200);
    var refused = clerk.request("GET", statistics, null);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain("stats-probe");
    assertThat(refused.json().get("message").asText()).contains("监控台");
    assertThat(clerk.request("POST", "/camunda/api/cockpit/plugin/base/default/process-instance", "{}").status())
        .isEqualTo(403);
    // what every webapp needs after the login stays open to the clerk
    assertThat(clerk.request("GET", "/camunda/api/admin/auth/user/default", null).status()).isEqualTo(200);
    assertThat(clerk.request("GET", "/camunda/api/engine/engine/default/task", null).status()).isEqualTo(200);

    var office = new WebappSession(port);
    assertThat(office.login("cockpit", "office1", TestOrganisation.PASSWORD).status()).isEqualTo(200);
    var allowed = office.request("GET", statistics, null);
    assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
    assertThat(allowed.body()).contains("stats-probe");

    assertThat(new WebappSession(port).request("GET", statistics, null).status()).as("no login").isEqualTo(401);
  }

  @Test
  void adminsApiAnswersOnlyAdminUsers() {
    String metrics = "/camunda/api/admin/plugin/adminPlugins/default/metrics/aggregated?metrics=process-instances";
    var office = new WebappSession(port);
    assertThat(office.login("cockpit", "office1", TestOrganisation.PASSWORD).status()).isEqualTo(200);
    assertThat(office.request("GET", metrics, null).status()).isEqualTo(403);
    assertThat(office.request("GET", "/camunda/api/admin/auth/user/default", null).status()).isEqualTo(200);

    var admin = new WebappSession(port);
    assertThat(admin.login("admin", "admin", ADMIN_PASSWORD).status()).isEqualTo(200);
    assertThat(admin.request("GET", metrics, null).status()).isNotIn(401, 403);
  }
}
