package org.luoshi.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.luoshi.identity.AccessPolicy;
import org.luoshi.identity.Groups;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist's filters, created once and shared: "我的待办" and "本单位待办" for everyone (they
 * resolve to the caller at query time, so a unit added later in Admin works at once), "全部待办"
 * for the office and principal leaders. Grants FILTER READ itself, since filters nobody may read
 * are invisible with authorizations on.
 */
@Component
@Order(2)
class TasklistFilters implements ApplicationRunner {

  record Column(String name, String label) {}

  static final List<Column> COLUMNS = List.of(
      new Column("itemCode", "事项编号"),
      new Column("title", "事项名称"),
      new Column("unitName", "责任单位"),
      new Column("deadline", "截止日期"),
      new Column("light", "红黄绿灯"));

  private final FilterService filters;
  private final TaskService tasks;
  private final AccessPolicy policy;

  TasklistFilters(FilterService filters, TaskService tasks, AccessPolicy policy) {
    this.filters = filters;
    this.tasks = tasks;
    this.policy = policy;
  }

  @Override
  public void run(ApplicationArguments args) {
    Filter mine = ensure("我的待办", -20, "分配给我本人的任务",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    Filter unit = ensure("本单位待办", -10, "本单位（本岗位）可认领的任务",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    Filter all = ensure("全部待办", 0, "全区所有在办任务（督查室、主要领导）", tasks.createTaskQuery());

    policy.grantGlobal(Resources.FILTER, mine.getId(), Permissions.READ);
    policy.grantGlobal(Resources.FILTER, unit.getId(), Permissions.READ);
    policy.grantGroup(Groups.SUPERVISION_OFFICE, Resources.FILTER, all.getId(), Permissions.READ);
    policy.grantGroup(Groups.PRINCIPAL_LEADERS, Resources.FILTER, all.getId(), Permissions.READ);
  }

  private Filter ensure(String name, int priority, String description, TaskQuery query) {
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      return existing;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", priority);
    properties.put("description", description);
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", COLUMNS.stream()
        .map(c -> Map.of("name", c.name(), "label", c.label())).toList());
    Filter f = filters.newTaskFilter(name);
    f.setQuery(query);
    f.setProperties(properties);
    return filters.saveFilter(f);
  }
}
