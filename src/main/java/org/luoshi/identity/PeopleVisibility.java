package org.luoshi.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who may look whom up in the engine's user directory (GET /engine-rest/user, Tasklist's names of
 * assignees and candidates): unit staff see the people they work with, not every user of the
 * district. The rule, kept as engine authorizations on the USER resource:
 *
 * <ul>
 *   <li>the office, leaders in charge, principal leaders and administrators: everyone (a group grant
 *       on {@code *}, see {@link AccessPolicy});
 *   <li>a unit ({@code unit-<code>}): its own members and the members of the office, the leaders and
 *       the principal leaders (one grant per unit and person, managed here);
 *   <li>everyone: themselves (Camunda's own grant when a user is created).
 * </ul>
 *
 * The per-unit grants follow the organisation as Admin changes it: after every committed change to a
 * group, a user or a membership (see {@link LuoshiIdentityProvider}) and at start-up, the grants to
 * unit groups on USER are brought in line with the rule, added where missing and removed where no
 * longer wanted. E-mail addresses are a separate matter: the web layer leaves them out for anyone
 * but administrators and the person themselves.
 */
@Component
public class PeopleVisibility {

  private static final Logger LOG = LoggerFactory.getLogger(PeopleVisibility.class);
  /** The groups whose members every unit works with. */
  public static final List<String> SHARED_GROUPS = List.of(Groups.SUPERVISION_OFFICE, Groups.LEADERS, Groups.PRINCIPAL_LEADERS);

  private static final ThreadLocal<Boolean> DEFERRED = new ThreadLocal<>();
  private static final ThreadLocal<CommandContext> REGISTERED = new ThreadLocal<>();

  /** Runs {@code work} (many identity changes, e.g. the demo district) with one reconciliation at the end. */
  public void deferring(ProcessEngineConfigurationImpl configuration, Runnable work) {
    boolean outer = DEFERRED.get() == null;
    DEFERRED.set(Boolean.TRUE);
    try {
      work.run();
    } finally {
      if (outer) {
        DEFERRED.remove();
      }
    }
    if (outer) {
      reconcile(configuration);
    }
  }

  /** Called inside the command that changes the organisation: reconciles once it is committed. */
  void reconcileAfterCommit() {
    CommandContext context = Context.getCommandContext();
    if (context == null || DEFERRED.get() != null || REGISTERED.get() == context) {
      return;
    }
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    REGISTERED.set(context);
    context.getTransactionContext().addTransactionListener(TransactionState.ROLLED_BACK, c -> REGISTERED.remove());
    context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, c -> {
      REGISTERED.remove();
      try {
        reconcile(configuration);
      } catch (RuntimeException e) {
        // the change itself stands; the next change or restart brings the grants in line
        LOG.error("Could not bring the authorizations on people in line with the organisation", e);
      }
    });
  }

  /** Brings the unit groups' grants on USER in line with the rule; returns {added, removed}. */
  public int[] reconcile(ProcessEngineConfigurationImpl configuration) {
    return configuration.getCommandExecutorTxRequiresNew().execute(context ->
        context.runWithoutAuthorization(() -> reconcile(configuration.getIdentityService(),
            configuration.getAuthorizationService())));
  }

  private int[] reconcile(IdentityService identity, AuthorizationService authorizations) {
    Set<String> shared = new TreeSet<>();
    for (String group : SHARED_GROUPS) {
      identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).forEach(shared::add);
    }
    Map<String, Set<String>> wanted = new HashMap<>();
    for (Group g : identity.createGroupQuery().list()) {
      if (Groups.unitCode(g.getId()) == null) {
        continue;
      }
      Set<String> people = new HashSet<>(shared);
      identity.createUserQuery().memberOfGroup(g.getId()).list().stream().map(User::getId).forEach(people::add);
      wanted.put(g.getId(), people);
    }
    Map<String, Set<String>> have = new HashMap<>();
    int removed = 0;
    for (Authorization a : authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).resourceType(Resources.USER).list()) {
      String group = a.getGroupId();
      if (group == null || Groups.unitCode(group) == null || ANY.equals(a.getResourceId())) {
        continue;
      }
      Set<String> people = wanted.get(group);
      if (people == null || !people.contains(a.getResourceId())
          || !have.computeIfAbsent(group, k -> new HashSet<>()).add(a.getResourceId())) {
        authorizations.deleteAuthorization(a.getId()); // not wanted (any more), or a duplicate
        removed++;
      } else if (!a.isPermissionGranted(Permissions.READ)) {
        a.addPermission(Permissions.READ);
        authorizations.saveAuthorization(a);
      }
    }
    int added = 0;
    for (var unit : wanted.entrySet()) {
      Set<String> present = have.getOrDefault(unit.getKey(), Set.of());
      for (String person : unit.getValue()) {
        if (!present.contains(person)) {
          Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
          a.setGroupId(unit.getKey());
          a.setResource(Resources.USER);
          a.setResourceId(person);
          a.addPermission(Permissions.READ);
          authorizations.saveAuthorization(a);
          added++;
        }
      }
    }
    if (added > 0 || removed > 0) {
      LOG.info("Authorizations on people brought in line with the organisation: {} added, {} removed", added, removed);
    }
    return new int[] {added, removed};
  }
}
