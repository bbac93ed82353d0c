package org.luoshi.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.identity.Groups;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tasklist's filters as each role reads them through /engine-rest, and their upkeep at start-up. */
@LuoshiIT
class TasklistFiltersIT {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired AuthorizationService authorizations;
  @Autowired TasklistFilters tasklistFilters;
  Http http;

  @BeforeEach
  void setUp() {
    TestOrganisation.create(identity);
    tasklistFilters.run(null); // as at the next start-up, now that leader1 and leader2 exist
    http = new Http(port);
  }

  @Test
  void aUnitMemberReadsOnlyTheirOwnAndTheirUnitsFilters() {
    assertThat(names("t1a")).containsExactly("我的待办", "本单位待办");
    assertThat(names("t3a")).containsExactly("我的待办", "本单位待办");
  }

  @Test
  void theOfficeAndPrincipalLeadersReadTheOfficeAndDistrictFiltersNotAUnitsOne() {
    assertThat(names("office1")).containsExactly("我的待办", "督查室待办", "全区在办");
    assertThat(names("principal1")).containsExactly("我的待办", "督查室待办", "主要领导待办", "全区在办");
  }

  @Test
  void aLeaderReadsTheirOwnTasksAndItemsFiltersAndNoOtherLeaders() {
    assertThat(names("leader1")).containsExactly("我的待办", "我分管的事项");
    JsonNode mine = filter("leader1", "我分管的事项");
    JsonNode theirs = filter("leader2", "我分管的事项");
    assertThat(mine.get("id").asText()).isNotEqualTo(theirs.get("id").asText());
    assertThat(mine.get("query").toString()).contains("leadLeader").contains("leader1").doesNotContain("leader2");
    assertThat(http.as("leader1").get("/engine-rest/filter/" + theirs.get("id").asText()).status()).isEqualTo(403);
  }

  @Test
  void everyFilterShowsTheItemColumnsInChineseAndSortsByTheItemsDeadlineThenTheDueDate() {
    for (JsonNode f : list("principal1")) {
      assertThat(f.get("properties").get("variables").toString()).as(f.get("name").asText())
          .isEqualTo("[{\"name\":\"itemCode\",\"label\":\"事项编号\"},{\"name\":\"title\",\"label\":\"事项名称\"},"
              + "{\"name\":\"unitName\",\"label\":\"责任单位\"},{\"name\":\"deadline\",\"label\":\"截止日期\"},"
              + "{\"name\":\"lightName\",\"label\":\"红黄绿灯\"}]");
      assertThat(f.get("query").get("sorting").toString()).as(f.get("name").asText())
          .isEqualTo("[{\"sortBy\":\"processVariable\",\"sortOrder\":\"asc\",\"parameters\":"
              + "{\"variable\":\"deadline\",\"type\":\"String\"}},{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]");
    }
  }

  @Test
  void eachFilterListsTheTasksItIsMeantFor() {
    deployFilterTask();
    // how leaders come to read the tasks of the items they lead is the item process's business;
    // here they may read this test process's tasks, so the filter's own condition is what is tested
    Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setGroupId(Groups.LEADERS);
    read.setResource(Resources.PROCESS_DEFINITION);
    read.setResourceId("filter-task");
    read.addPermission(ProcessDefinitionPermissions.READ_TASK);
    authorizations.saveAuthorization(read);

    String late = start("T1", "leader1", "2026-12-31T00:00:00Z");
    String early = start("T2", "leader2", "2026-06-30T00:00:00Z");
    String middle = start("T1", "leader2", "2026-09-30T00:00:00Z");

    assertThat(listed("t1a", "本单位待办", early, middle, late)).containsExactly(middle, late);
    assertThat(listed("t2a", "本单位待办", early, middle, late)).containsExactly(early);
    assertThat(listed("t3a", "本单位待办")).isEmpty();
    assertThat(listed("t1a", "我的待办")).isEmpty();
    assertThat(listed("office1", "全区在办", early, middle, late)).containsExactly(early, middle, late);
    assertThat(listed("principal1", "全区在办", early, middle, late)).containsExactly(early, middle, late);
    assertThat(listed("office1", "督查室待办")).isEmpty();
    assertThat(listed("leader1", "我分管的事项", early, middle, late)).containsExactly(late);
    assertThat(listed("leader2", "我分管的事项", early, middle, late)).containsExactly(early, middle);

    tasks.claim(tasks.createTaskQuery().processInstanceId(late).singleResult().getId(), "t1b");
    assertThat(listed("t1b", "我的待办")).containsExactly(late);
    assertThat(listed("t1a", "本单位待办", early, middle, late)).as("a colleague's claimed task stays in the unit's list")
        .containsExactly(middle, late);
  }

  @Test
  void aFilterOfAnEarlierVersionIsUpdatedInPlaceNotDuplicated() {
    Filter all = byName("全区在办");
    all.setName("全部待办");
    all.setProperties(new LinkedHashMap<>(Map.of("priority", 0, "description", "旧版")));
    all.setQuery(tasks.createTaskQuery().taskCandidateGroup("nobody"));
    filters.saveFilter(all);
    filters.deleteFilter(byName("督查室待办").getId());
    long before = filters.createFilterQuery().count();

    tasklistFilters.run(null);
    tasklistFilters.run(null);

    Filter updated = filters.getFilter(all.getId());
    assertThat(updated.getName()).isEqualTo("全区在办");
    assertThat(updated.getProperties()).containsEntry("description", "全区所有在办任务（督查室、主要领导）");
    TaskQueryImpl query = updated.getQuery();
    assertThat(query.getCandidateGroup()).isNull();
    assertThat(query.getOrderingProperties()).hasSize(2);
    assertThat(query.getOrderingProperties().get(1).getQueryProperty().getName()).isEqualTo("DUE_DATE_");
    assertThat(filters.createFilterQuery().filterName("全部待办").count()).isZero();
    assertThat(filters.createFilterQuery().filterName("全区在办").count()).isOne();
    assertThat(filters.createFilterQuery().count()).isEqualTo(before + 1); // 督查室待办 made again
    assertThat(names("office1")).containsExactly("我的待办", "督查室待办", "全区在办");
  }

  @Test
  void aLeaderAppointedLaterGetsTheirFilterAndOneWhoLeftLosesIt() {
    TestOrganisation.user(identity, "leader3", "分", "管三", Groups.LEADERS);
    assertThat(names("leader3")).containsExactly("我的待办");
    tasklistFilters.ensureLeaderFilter("leader3");
    tasklistFilters.ensureLeaderFilter("leader3");
    assertThat(names("leader3")).containsExactly("我的待办", "我分管的事项");
    assertThat(filters.createFilterQuery().filterName("我分管的事项").count()).isEqualTo(3);

    // deleted in Tasklist or Admin since: the next issuing makes it again
    String id = filter("leader3", "我分管的事项").get("id").asText();
    filters.deleteFilter(id);
    assertThat(names("leader3")).containsExactly("我的待办");
    tasklistFilters.ensureLeaderFilter("leader3");
    assertThat(names("leader3")).containsExactly("我的待办", "我分管的事项");
    assertThat(filter("leader3", "我分管的事项").get("id").asText()).isNotEqualTo(id);
    assertThat(filters.createFilterQuery().filterName("我分管的事项").count()).isEqualTo(3);

    identity.deleteMembership("leader2", Groups.LEADERS);
    tasklistFilters.run(null);
    assertThat(names("leader2")).containsExactly("我的待办");
    assertThat(filters.createFilterQuery().filterName("我分管的事项").count()).isEqualTo(2);
  }

  @Test
  void theItemsDeadlineOrdersTheListsTheOverdueItemFirst() {
    deployFilterTask();
    // the same due date for every task (a unit has 3 days to sign for any item): the deadline decides
    String later = startWithDeadline("T1", "2027-03-01");
    String overdue = startWithDeadline("T1", "2026-11-20");
    String soon = startWithDeadline("T1", "2026-12-05");
    assertThat(listed("t1a", "本单位待办", overdue, soon, later)).containsExactly(overdue, soon, later);
    assertThat(listed("office1", "全区在办", overdue, soon, later)).containsExactly(overdue, soon, later);
  }

  @Test
  void thePrincipalLeadersTasksAreUnderTheirOwnFilterNotUnderAUnitsOne() {
    repository.createDeployment().addModelInstance("confirm-task.bpmn",
        Bpmn.createExecutableProcess("confirm-task").camundaHistoryTimeToLive(1).name("确认测试")
            .startEvent().userTask("confirmClosure").name("主要领导确认").camundaCandidateGroups("principal-leaders")
            .endEvent().done()).deploy();
    String confirm = runtime.startProcessInstanceByKey("confirm-task").getId();
    // someone in a unit and among the principal leaders as well
    TestOrganisation.user(identity, "both", "兼", "任", "unit-T2");
    TestOrganisation.user(identity, "both", "兼", "任", Groups.PRINCIPAL_LEADERS);
    assertThat(listed("principal1", "主要领导待办")).containsExactly(confirm);
    assertThat(listed("both", "主要领导待办")).containsExactly(confirm);
    assertThat(listed("both", "本单位待办")).doesNotContain(confirm);
  }

  @Test
  void aUnitsFilterThatEveryoneCouldReadIsNowReadByUnitStaffOnly() {
    Authorization everyone = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    everyone.setUserId(Authorization.ANY);
    everyone.setResource(Resources.FILTER);
    everyone.setResourceId(byName("本单位待办").getId());
    everyone.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
    authorizations.saveAuthorization(everyone);
    assertThat(names("leader1")).contains("本单位待办"); // as an earlier version left it

    tasklistFilters.run(null);
    assertThat(names("leader1")).doesNotContain("本单位待办");
    assertThat(names("t2a")).contains("本单位待办");
  }

  private void deployFilterTask() {
    repository.createDeployment().addModelInstance("filter-task.bpmn",
        Bpmn.createExecutableProcess("filter-task").camundaHistoryTimeToLive(1).name("过滤器测试")
            .startEvent().userTask("acceptItem").name("签收").camundaCandidateGroups("unit-${unitCode}")
            .endEvent().done()).deploy();
  }

  private String startWithDeadline(String unitCode, String deadline) {
    String id = runtime.startProcessInstanceByKey("filter-task",
        Map.of("unitCode", unitCode, "leadLeader", "leader1", "deadline", deadline)).getId();
    var task = tasks.createTaskQuery().processInstanceId(id).singleResult();
    task.setDueDate(Date.from(Instant.parse("2026-12-05T16:00:00Z")));
    tasks.saveTask(task);
    return id;
  }

  private String start(String unitCode, String leadLeader, String due) {
    String id = runtime.startProcessInstanceByKey("filter-task",
        Map.of("unitCode", unitCode, "leadLeader", leadLeader)).getId();
    var task = tasks.createTaskQuery().processInstanceId(id).singleResult();
    task.setDueDate(Date.from(Instant.parse(due)));
    tasks.saveTask(task);
    return id;
  }

  private Filter byName(String name) {
    return filters.createFilterQuery().filterName(name).singleResult();
  }

  private JsonNode list(String user) {
    var r = http.as(user).get("/engine-rest/filter?resourceType=Task&sortBy=name&sortOrder=asc");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  /** The names of the filters a user can read, in Tasklist's order (by priority). */
  private List<String> names(String user) {
    return StreamSupport.stream(list(user).spliterator(), false)
        .sorted((a, b) -> Integer.compare(a.get("properties").get("priority").asInt(),
            b.get("properties").get("priority").asInt()))
        .map(f -> f.get("name").asText())
        .toList();
  }

  private JsonNode filter(String user, String name) {
    return StreamSupport.stream(list(user).spliterator(), false)
        .filter(f -> f.get("name").asText().equals(name)).findFirst().orElseThrow();
  }

  /** Of the given process instances, those whose tasks a user's filter lists, in the filter's order. */
  private List<String> listed(String user, String filterName, String... among) {
    List<String> ours = List.of(among);
    return listed(user, filterName).stream().filter(ours::contains).toList();
  }

  /** The process instances of the tasks a user's filter lists, in the filter's order. */
  private List<String> listed(String user, String filterName) {
    var r = http.as(user).post("/engine-rest/filter/" + filter(user, filterName).get("id").asText() + "/list", Map.of());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return StreamSupport.stream(r.json().spliterator(), false)
        .map(t -> t.get("processInstanceId").asText()).toList();
  }
}
