package org.luoshi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A unit and its people added while the app runs (as Camunda Admin does, through the engine's
 * REST API) work at once: the member logs into Tasklist and sees the unit's tasks, not another's,
 * and the forms' lists of units and people name them.
 */
@LuoshiIT
class UnitIsolationIT {

  static final String ADMIN_PASSWORD = "Adm1n-Test-Pw!";
  static final String PASSWORD = "Unit-Passw0rd!";

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired FilterService filters;
  Http admin;

  @BeforeEach
  void setUp() {
    admin = new Http(port).as("admin", ADMIN_PASSWORD);
  }

  @Test
  void aUnitCreatedAtRunTimeSeesOnlyItsOwnTasks() {
    createUnit("NEW1", "新建一局", "newone");
    createUnit("NEW2", "新建二局", "newtwo");
    repository.createDeployment().addModelInstance("unit-task.bpmn",
        Bpmn.createExecutableProcess("unit-task").camundaHistoryTimeToLive(1).name("单位任务")
            .startEvent().userTask("work").name("办理").camundaCandidateGroups("unit-${unitCode}")
            .endEvent().done()).deploy();
    String mine = runtime.startProcessInstanceByKey("unit-task", Map.of("unitCode", "NEW1")).getId();
    String theirs = runtime.startProcessInstanceByKey("unit-task", Map.of("unitCode", "NEW2")).getId();

    Http member = new Http(port).as("newone", PASSWORD);
    var tasks = member.get("/engine-rest/task").json();
    assertThat(StreamSupport.stream(tasks.spliterator(), false).map(t -> t.get("processInstanceId").asText()))
        .containsExactly(mine)
        .doesNotContain(theirs);
    assertThat(member.get("/engine-rest/task?processInstanceId=" + theirs).json()).isEmpty();

    String unitFilter = filters.createFilterQuery().filterName("本单位待办").singleResult().getId();
    var listed = member.post("/engine-rest/filter/" + unitFilter + "/list", Map.of()).json();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("processInstanceId").asText()).isEqualTo(mine);

    // the forms' option lists know them at once: by name, with their unit; a unit sees its own people only
    var people = member.get("/api/people?unitCode=NEW1");
    assertThat(people.status()).as(people.toString()).isEqualTo(200);
    assertThat(people.json().toString()).contains("\"id\":\"newone\"", "\"name\":\"新员\"", "新建一局")
        .doesNotContain("email", "@test.example");
    assertThat(member.get("/api/people?unitCode=NEW2").status()).isEqualTo(403);
    assertThat(member.get("/api/people").status()).isEqualTo(403);
    assertThat(admin.get("/api/people").json().toString()).contains("newone", "newtwo", "新建二局");
    assertThat(admin.get("/api/units").json().toString()).contains("新建一局", "新建二局");

    var login = new WebappSession(port).login("tasklist", "newone", PASSWORD);
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.json().get("authorizedApps").toString()).contains("tasklist").doesNotContain("cockpit");
  }

  private void createUnit(String code, String name, String userId) {
    assertThat(admin.post("/engine-rest/group/create",
        Map.of("id", "unit-" + code, "name", name, "type", "UNIT")).status()).isEqualTo(204);
    assertThat(admin.post("/engine-rest/user/create", Map.of(
        "profile", Map.of("id", userId, "firstName", "员", "lastName", "新", "email", userId + "@test.example"),
        "credentials", Map.of("password", PASSWORD))).status()).isEqualTo(204);
    assertThat(admin.put("/engine-rest/group/unit-" + code + "/members/" + userId, Map.of()).status())
        .isEqualTo(204);
  }
}
