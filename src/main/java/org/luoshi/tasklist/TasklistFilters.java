package org.luoshi.tasklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.luoshi.engine.Privileged;
import org.luoshi.identity.AccessPolicy;
import org.luoshi.identity.Groups;
import org.luoshi.identity.Organisation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist's filters, per role, kept at start-up (idempotent: a filter made by an earlier version
 * is found by its key or name and updated in place, never duplicated). Each shows the item's
 * columns (事项编号, 事项名称, 责任单位, 截止日期, 红黄绿灯) and sorts by the item's deadline (the
 * process variable {@code deadline}: the overdue item first), then by the task's due date.
 * Authorizations are on, so FILTER READ is granted explicitly; a filter nobody may read is invisible.
 *
 * <table>
 *   <tr><th>filter</th><th>tasks</th><th>who reads it</th></tr>
 *   <tr><td>我的待办</td><td>assigned to the caller ({@code ${currentUser()}})</td><td>everyone</td></tr>
 *   <tr><td>本单位待办</td><td>candidate group among the caller's units ({@code ${currentUserUnitGroups()}}),
 *       claimed ones too</td><td>unit staff (each unit group; a unit created later in Admin at once)</td></tr>
 *   <tr><td>督查室待办</td><td>candidate group {@code supervision-office}</td><td>office, principal leaders</td></tr>
 *   <tr><td>主要领导待办</td><td>candidate group {@code principal-leaders} (销号确认, 考核审批, 报告审批, 申诉)</td>
 *       <td>principal leaders</td></tr>
 *   <tr><td>全区在办</td><td>all open tasks</td><td>office, principal leaders</td></tr>
 *   <tr><td>我分管的事项</td><td>tasks of the items whose {@code leadLeader} is the leader</td>
 *       <td>that leader only (one filter per leader, see below)</td></tr>
 * </table>
 *
 * <p>A leader's own tasks (延期审批, 分管领导审核, an interview they conduct) are assigned to them and
 * so are in 我的待办; "本单位待办" is for the staff of units only, and no longer lists the tasks of
 * the district's posts (a principal leader's 主要领导确认 is under 主要领导待办).
 *
 * <p>Camunda evaluates {@code ${currentUser()}} only in the identity fields of a filter's task
 * query (assignee, owner, involved user, candidate user/group(s)) and in dates; a process-variable
 * condition is compared literally. So "我分管的事项" is one filter per member of {@code leaders},
 * readable only by that leader, with {@code leadLeader = <id>}. They are reconciled at
 * start-up (new leaders get one, a filter of someone who left the group is deleted), and
 * {@link #ensureLeaderFilter(String)} creates one at once for a leader appointed in Admin since.
 */
@Component
@Order(2)
public class TasklistFilters implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

  /** The property that marks a filter as Luoshi's (Tasklist's filter dialog drops it; names still match). */
  static final String KEY = "luoshiKey";
  static final String LEADER_KEY_PREFIX = "led:";

  static final String MINE = "我的待办";
  static final String UNIT = "本单位待办";
  static final String OFFICE = "督查室待办";
  static final String PRINCIPAL = "主要领导待办";
  static final String ALL = "全区在办";
  static final String LED = "我分管的事项";

  record Column(String name, String label) {}

  static final List<Column> COLUMNS = List.of(
      new Column("itemCode", "事项编号"),
      new Column("title", "事项名称"),
      new Column("unitName", "责任单位"),
      new Column("deadline", "截止日期"),
      new Column("lightName", "红黄绿灯"));

  /** One shared filter: its key, names earlier versions gave it, place, description and query. */
  private record Spec(String key, String name, Set<String> formerNames, int priority, String description,
      Supplier<TaskQuery> query) {}

  private final FilterService filters;
  private final TaskService tasks;
  private final AccessPolicy policy;
  private final Organisation organisation;
  private final Privileged privileged;

  TasklistFilters(FilterService filters, TaskService tasks, AccessPolicy policy, Organisation organisation,
      Privileged privileged) {
    this.filters = filters;
    this.tasks = tasks;
    this.policy = policy;
    this.organisation = organisation;
    this.privileged = privileged;
  }

  private List<Spec> shared() {
    return List.of(
        new Spec("mine", MINE, Set.of(), -40, "分配给我本人、由我办理的任务",
            () -> deadlineFirst(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"))),
        new Spec("unit", UNIT, Set.of(), -30, "本单位待签收、待办理的任务，含同事已认领的",
            () -> deadlineFirst(tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${" + TasklistFunctions.CURRENT_USER_UNIT_GROUPS + "()}")
                .includeAssignedTasks())),
        new Spec("office", OFFICE, Set.of(), -20, "督查室待核验、待重新交办的任务，含已认领的",
            () -> deadlineFirst(tasks.createTaskQuery().taskCandidateGroup(Groups.SUPERVISION_OFFICE)
                .includeAssignedTasks())),
        new Spec("principal", PRINCIPAL, Set.of(), -15, "待主要领导确认、审批的任务（销号确认、考核、报告、申诉），含已认领的",
            () -> deadlineFirst(tasks.createTaskQuery().taskCandidateGroup(Groups.PRINCIPAL_LEADERS)
                .includeAssignedTasks())),
        new Spec("all", ALL, Set.of("全部待办"), 0, "全区所有在办任务（督查室、主要领导）",
            () -> deadlineFirst(tasks.createTaskQuery())));
  }

  @Override
  public void run(ApplicationArguments args) {
    unchecked(() -> {
      List<Filter> existing = new ArrayList<>(filters.createFilterQuery().filterResourceType("Task").list());
      Map<String, Filter> byKey = new LinkedHashMap<>();
      for (Spec spec : shared()) {
        byKey.put(spec.key(), save(find(existing, spec.key(), spec.name(), spec.formerNames()),
            spec.key(), spec.name(), spec.priority(), spec.description(), spec.query().get()));
      }
      policy.grantGlobal(Resources.FILTER, byKey.get("mine").getId(), Permissions.READ);
      // an earlier version let everyone read 本单位待办: now the units' staff only
      policy.revokeGlobal(Resources.FILTER, byKey.get("unit").getId());
      unitFilterId = byKey.get("unit").getId();
      grantUnitFilter();
      for (String group : List.of(Groups.SUPERVISION_OFFICE, Groups.PRINCIPAL_LEADERS)) {
        policy.grantGroup(group, Resources.FILTER, byKey.get("office").getId(), Permissions.READ);
        policy.grantGroup(group, Resources.FILTER, byKey.get("all").getId(), Permissions.READ);
      }
      policy.grantGroup(Groups.PRINCIPAL_LEADERS, Resources.FILTER, byKey.get("principal").getId(),
          Permissions.READ);

      List<String> leaders = organisation.members(Groups.LEADERS);
      for (String leader : leaders) {
        ensureLeaderFilter(existing, leader);
      }
      for (Filter f : existing) {
        String key = keyOf(f);
        if (key != null && key.startsWith(LEADER_KEY_PREFIX)
            && !leaders.contains(key.substring(LEADER_KEY_PREFIX.length()))) {
          LOG.info("Tasklist filter '{}' of {} deleted: no longer a leader in charge", f.getName(),
              key.substring(LEADER_KEY_PREFIX.length()));
          filters.deleteFilter(f.getId());
          leaderFilters.remove(key.substring(LEADER_KEY_PREFIX.length()));
        }
      }
      return null;
    });
  }

  /** The id of 本单位待办 once the filters are kept (start-up), else null. */
  private volatile String unitFilterId;

  /**
   * Lets every unit's staff read 本单位待办: at start-up, and whenever a group is saved (a unit
   * created in Admin can use Tasklist at once, see {@link TasklistEnginePlugin}). Cheap: the units and
   * the filter's group grants, one query each, and a grant for a unit that has none.
   */
  void grantUnitFilter() {
    String filterId = unitFilterId;
    if (filterId == null) {
      return; // before start-up has kept the filters: run() grants them all
    }
    unchecked(() -> {
      Set<String> granted = policy.groupsGranted(Resources.FILTER, filterId);
      for (var unit : organisation.units()) {
        if (!granted.contains(unit.groupId())) {
          policy.grantGroup(unit.groupId(), Resources.FILTER, filterId, Permissions.READ);
        }
      }
      return null;
    });
  }

  /** The item's deadline first (ISO dates: text order is date order), then the task's due date. */
  private static TaskQuery deadlineFirst(TaskQuery query) {
    return query.orderByProcessVariable("deadline", ValueType.STRING).asc().orderByDueDate().asc();
  }

  /**
   * Makes sure a leader in charge has "我分管的事项" (tasks of the items they lead), e.g. when an
   * item is issued to a leader appointed after start-up. Idempotent; runs without the caller's
   * authorization checks, inside the caller's transaction when there is one.
   */
  public void ensureLeaderFilter(String leaderId) {
    Objects.requireNonNull(leaderId, "leaderId");
    unchecked(() -> {
      String known = leaderFilters.get(leaderId);
      if (known != null && filters.createFilterQuery().filterId(known).count() == 1) {
        return null; // made or seen on this node and still there (a count by id: no filter read and parsed)
      }
      List<Filter> existing = filters.createFilterQuery().filterResourceType("Task").list();
      String key = LEADER_KEY_PREFIX + leaderId;
      // there already (made at start-up, which also keeps its query and columns current, or at an earlier
      // issuing): nothing to write, so issuing an item costs no filter update and grant lookup
      Filter there = existing.stream().filter(f -> key.equals(keyOf(f))).findFirst().orElse(null);
      if (there == null) {
        ensureLeaderFilter(existing, leaderId);
      } else {
        leaderFilters.put(leaderId, there.getId());
      }
      return null;
    });
  }

  private void ensureLeaderFilter(List<Filter> existing, String leaderId) {
    String key = LEADER_KEY_PREFIX + leaderId;
    Filter f = save(find(existing, key, LED, Set.of()), key, LED, -10,
        "我分管的责任清单事项的在办任务",
        deadlineFirst(tasks.createTaskQuery().processVariableValueEquals("leadLeader", leaderId)));
    policy.grantUser(leaderId, Resources.FILTER, f.getId(), Permissions.READ);
    leaderFilters.put(leaderId, f.getId());
  }

  /**
   * Each leader's 我分管的事项 as this node last made or found it: issuing checks that the filter is
   * still there by its id instead of reading every Task filter (their queries are parsed on reading).
   */
  private final Map<String, String> leaderFilters = new ConcurrentHashMap<>();

  /** The filter made for this key, else one an earlier version made under this or a former name. */
  private static Filter find(List<Filter> existing, String key, String name, Set<String> formerNames) {
    return existing.stream().filter(f -> key.equals(keyOf(f))).findFirst()
        .or(() -> existing.stream()
            .filter(f -> keyOf(f) == null && f.getOwner() == null
                && (name.equals(f.getName()) || formerNames.contains(f.getName())))
            .findFirst())
        .orElse(null);
  }

  private static String keyOf(Filter f) {
    Object key = f.getProperties() == null ? null : f.getProperties().get(KEY);
    return key == null ? null : key.toString();
  }

  private Filter save(Filter f, String key, String name, int priority, String description,
      TaskQuery query) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(KEY, key);
    properties.put("priority", priority);
    properties.put("description", description);
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", COLUMNS.stream()
        .map(c -> Map.of("name", c.name(), "label", c.label())).toList());
    Filter target = f != null ? f : filters.newTaskFilter(name);
    if (f != null && !name.equals(f.getName())) {
      LOG.info("Tasklist filter '{}' renamed to '{}'", f.getName(), name);
    }
    target.setName(name);
    target.setQuery(query);
    target.setProperties(properties);
    return filters.saveFilter(target);
  }

  private <T> T unchecked(Supplier<T> work) {
    return privileged.call(work);
  }
}
