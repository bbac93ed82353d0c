package org.luoshi.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.springframework.stereotype.Component;

/**
 * What each role may do in the engine and the webapps (engine authorizations are on).
 *
 * <ul>
 *   <li>Everyone (also units created later in Admin): Tasklist, reading groups and process
 *       models. A unit's tasks are visible to its members through the candidate-group
 *       authorizations the engine creates for each task. People: the office, leaders and
 *       principal leaders read everyone; unit staff the people they work with ({@link PeopleVisibility}).
 *   <li>督查室: Cockpit; starts processes; reads every instance, task and history; retries jobs.
 *   <li>主要领导: Cockpit; reads every instance, task and history; may start interviews.
 *   <li>分管领导: Cockpit for the instances they lead (granted per instance); may start interviews.
 *   <li>camunda-admin: everything, including Admin.
 * </ul>
 */
@Component
public class AccessPolicy {

  private final AuthorizationService authorizations;
  private final Organisation organisation;

  AccessPolicy(AuthorizationService authorizations, Organisation organisation) {
    this.authorizations = authorizations;
    this.organisation = organisation;
  }

  // roles: the checks Luoshi's own code makes (the engine's authorizations follow in apply()) ---------

  /** Whether these groups are the office's (督查室). */
  public static boolean isOffice(Collection<String> groupIds) {
    return groupIds != null && groupIds.contains(Groups.SUPERVISION_OFFICE);
  }

  /**
   * Whether these groups may do the office's work — start supervisions, reports and assessments,
   * cancel interviews, issue documents: the office or an administrator.
   */
  public static boolean isOfficeOrAdmin(Collection<String> groupIds) {
    return groupIds != null && (groupIds.contains(Groups.SUPERVISION_OFFICE) || groupIds.contains(Groups.ADMIN));
  }

  /** {@link #isOfficeOrAdmin(Collection)} for a person, by their memberships. */
  public boolean isOfficeOrAdmin(String userId) {
    return organisation.isMember(userId, Groups.SUPERVISION_OFFICE) || organisation.isMember(userId, Groups.ADMIN);
  }

  /**
   * Whether these groups see the whole district (every item, interview and ledger) and may start
   * interviews with anyone as interviewer: the office, principal leaders and administrators.
   */
  public static boolean seesEverything(Collection<String> groupIds) {
    return groupIds != null && (groupIds.contains(Groups.SUPERVISION_OFFICE)
        || groupIds.contains(Groups.PRINCIPAL_LEADERS) || groupIds.contains(Groups.ADMIN));
  }

  /** The office's members: who reads what the office is told (problems, reports, assessments, digests). */
  public List<String> officeMembers() {
    return organisation.members(Groups.SUPERVISION_OFFICE);
  }

  // engine authorizations ----------------------------------------------------------------------

  void apply() {
    // everyone
    grantGlobal(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // not every user's profile for everyone (issue 13): the people a unit works with, see PeopleVisibility
    revokeGlobal(Resources.USER, ANY, Permissions.READ);
    for (String group : PeopleVisibility.SHARED_GROUPS) {
      grantGroup(group, Resources.USER, ANY, Permissions.READ);
    }
    grantGlobal(Resources.GROUP, ANY, Permissions.READ);
    grantGlobal(Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    grantGlobal(Resources.DECISION_DEFINITION, ANY, Permissions.READ);

    // administrators: everything
    for (Resources r : Resources.values()) {
      grantGroup(Groups.ADMIN, r, ANY, Permissions.ALL);
    }

    // 督查室 and 主要领导 watch the whole district
    for (String group : new String[] {Groups.SUPERVISION_OFFICE, Groups.PRINCIPAL_LEADERS}) {
      grantGroup(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grantGroup(group, Resources.PROCESS_DEFINITION, ANY,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
      grantGroup(group, Resources.PROCESS_INSTANCE, ANY,
          ProcessInstancePermissions.CREATE, ProcessInstancePermissions.READ);
      grantGroup(group, Resources.TASK, ANY, TaskPermissions.READ);
      grantGroup(group, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
      grantGroup(group, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
      grantGroup(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
      grantGroup(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
      grantGroup(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }
    // the office keeps the machinery running: retries failed jobs (a mail server that was down) —
    // and nothing more: UPDATE would let it set variables, correlate messages and modify instances,
    // which belong to the capabilities' own code (DESIGN.md §3); earlier versions granted it
    grantGroup(Groups.SUPERVISION_OFFICE, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.RETRY_JOB);
    grantGroup(Groups.SUPERVISION_OFFICE, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.RETRY_JOB);
    revokeGroup(Groups.SUPERVISION_OFFICE, Resources.PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE,
        ProcessDefinitionPermissions.UPDATE_TASK_VARIABLE);
    revokeGroup(Groups.SUPERVISION_OFFICE, Resources.PROCESS_INSTANCE, ANY,
        ProcessInstancePermissions.UPDATE, ProcessInstancePermissions.UPDATE_VARIABLE);

    // 分管领导: Cockpit, reading the instances they lead (granted per instance), starting interviews
    grantGroup(Groups.LEADERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grantGroup(Groups.LEADERS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
    grantGroup(Groups.LEADERS, Resources.PROCESS_DEFINITION, "interview",
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grantGroup(Groups.PRINCIPAL_LEADERS, Resources.PROCESS_DEFINITION, "interview",
        ProcessDefinitionPermissions.CREATE_INSTANCE);
  }

  /** Lets a user read one process instance, its tasks and history (a leader, their item). */
  public void grantInstanceToUser(String userId, String processInstanceId) {
    grant(AUTH_TYPE_GRANT, userId, null, Resources.PROCESS_INSTANCE, processInstanceId,
        ProcessInstancePermissions.READ);
    grant(AUTH_TYPE_GRANT, userId, null, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
        HistoricProcessInstancePermissions.READ);
  }

  /**
   * {@link #grantInstanceToUser} and {@link #grantInstanceToGroup} for a process instance started in this very
   * transaction (its start event's listener), which nobody can hold an authorization on yet: no query for one
   * first (four statements fewer per item issued). The groups are granted once each.
   */
  public void grantNewInstance(String userId, Collection<String> groupIds, String processInstanceId) {
    grantNew(userId, null, Resources.PROCESS_INSTANCE, processInstanceId, ProcessInstancePermissions.READ);
    grantNew(userId, null, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
        HistoricProcessInstancePermissions.READ);
    for (String groupId : new java.util.LinkedHashSet<>(groupIds)) {
      grantNew(null, groupId, Resources.PROCESS_INSTANCE, processInstanceId, ProcessInstancePermissions.READ);
      grantNew(null, groupId, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
          HistoricProcessInstancePermissions.READ);
    }
  }

  private void grantNew(String userId, String groupId, Resource resource, String resourceId, Permission permission) {
    Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    a.setResource(resource);
    a.setResourceId(resourceId);
    a.setUserId(userId);
    a.setGroupId(groupId);
    a.addPermission(permission);
    authorizations.saveAuthorization(a);
  }

  /** Lets a group read one process instance and its history (a unit, its item). */
  public void grantInstanceToGroup(String groupId, String processInstanceId) {
    grant(AUTH_TYPE_GRANT, null, groupId, Resources.PROCESS_INSTANCE, processInstanceId,
        ProcessInstancePermissions.READ);
    grant(AUTH_TYPE_GRANT, null, groupId, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
        HistoricProcessInstancePermissions.READ);
  }

  public void grantGlobal(Resource resource, String resourceId, Permission... permissions) {
    grant(AUTH_TYPE_GLOBAL, ANY, null, resource, resourceId, permissions);
  }

  /** Takes a permission out of the global authorization on a resource (deleting it when none is left). */
  void revokeGlobal(Resource resource, String resourceId, Permission permission) {
    for (Authorization a : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
        .resourceType(resource).resourceId(resourceId).list()) {
      if (!a.isPermissionGranted(permission)) {
        continue;
      }
      a.removePermission(permission);
      if (Arrays.stream(a.getPermissions(Permissions.values())).allMatch(p -> p == Permissions.NONE)) {
        authorizations.deleteAuthorization(a.getId());
      } else {
        authorizations.saveAuthorization(a);
      }
    }
  }

  public void grantUser(String userId, Resource resource, String resourceId, Permission... permissions) {
    grant(AUTH_TYPE_GRANT, userId, null, resource, resourceId, permissions);
  }

  /**
   * {@link #grantUser} on a resource created in this very transaction (a task in its create
   * listener), where the user can hold no authorization yet: no query for one first.
   */
  public void grantUserOnNew(String userId, Resource resource, String resourceId, Permission... permissions) {
    Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    a.setResource(resource);
    a.setResourceId(resourceId);
    a.setUserId(userId);
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    authorizations.saveAuthorization(a);
  }

  public void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    grant(AUTH_TYPE_GRANT, null, groupId, resource, resourceId, permissions);
  }

  /** Takes back a grant to everyone (a filter that became one for some groups only). */
  public void revokeGlobal(Resource resource, String resourceId) {
    for (Authorization a : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
        .resourceType(resource).resourceId(resourceId).list()) {
      authorizations.deleteAuthorization(a.getId());
    }
  }

  /** The groups granted something on one resource (e.g. who may read a filter). */
  public java.util.Set<String> groupsGranted(Resource resource, String resourceId) {
    return authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .resourceType(resource).resourceId(resourceId).list().stream()
        .map(Authorization::getGroupId).filter(g -> g != null)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** Takes permissions back from a group's grant, where it has them. */
  public void revokeGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).resourceType(resource)
        .resourceId(resourceId).groupIdIn(groupId).list().forEach(a -> {
          if (Arrays.stream(permissions).anyMatch(a::isPermissionGranted)) {
            for (Permission p : permissions) {
              a.removePermission(p);
            }
            authorizations.saveAuthorization(a);
          }
        });
  }

  private void grant(int type, String userId, String groupId, Resource resource, String resourceId,
      Permission... permissions) {
    var query = authorizations.createAuthorizationQuery()
        .authorizationType(type)
        .resourceType(resource)
        .resourceId(resourceId);
    if (userId != null) {
      query.userIdIn(userId);
    }
    if (groupId != null) {
      query.groupIdIn(groupId);
    }
    Authorization existing = query.list().stream().findFirst().orElse(null);
    if (existing != null && Arrays.stream(permissions).allMatch(existing::isPermissionGranted)) {
      return;
    }
    Authorization a = existing != null ? existing : authorizations.createNewAuthorization(type);
    if (existing == null) {
      a.setResource(resource);
      a.setResourceId(resourceId);
      if (userId != null) {
        a.setUserId(userId);
      }
      if (groupId != null) {
        a.setGroupId(groupId);
      }
    }
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    authorizations.saveAuthorization(a);
  }
}
