package org.luoshi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.LuoshiIT;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link AuthorizedGroups}: the same answers as Camunda's checks, without reading every group first. */
@LuoshiIT
class AuthorizedGroupsIT {

  static final String RESOURCE = "authorized-groups-it";

  @Autowired ProcessEngine engine;
  @Autowired AuthorizationService authorizations;

  @AfterEach
  void removeGrants() {
    authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(RESOURCE).list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
  }

  @Test
  void theEngineUsesLuoshisManagerWhichKeepsTheGroupsHoldingAuthorizations() {
    grant(Authorization.AUTH_TYPE_GRANT, "ag-granted");
    var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<String> kept = config.getCommandExecutorTxRequired().execute(context -> {
      AuthorizationManager manager = context.getAuthorizationManager();
      assertThat(manager).isInstanceOf(AuthorizedGroups.Manager.class);
      assertThat(manager.filterAuthenticatedGroupIds(null)).isEmpty();
      // more groups than one statement asks about, duplicates and a null among them
      List<String> groups = new java.util.ArrayList<>();
      for (int i = 0; i < AuthorizedGroups.CHUNK + 7; i++) {
        groups.add("ag-none-" + i);
      }
      groups.add(null);
      groups.add("ag-granted");
      groups.add("ag-granted");
      return manager.filterAuthenticatedGroupIds(groups);
    });
    assertThat(kept).containsExactly("ag-granted");
  }

  @Test
  void aGroupsGrantAndRevokeCountAsInCamundasOwnManager() {
    grant(Authorization.AUTH_TYPE_GRANT, "ag-granted");
    grant(Authorization.AUTH_TYPE_REVOKE, "ag-revoked");
    grant(Authorization.AUTH_TYPE_GRANT, "ag-granted-twice");
    grant(Authorization.AUTH_TYPE_REVOKE, "ag-granted-twice");
    List<List<String>> groupSets = List.of(List.of(), List.of("ag-without-any"), List.of("ag-granted"),
        List.of("ag-without-any", "ag-granted"), List.of("ag-revoked"), List.of("ag-granted", "ag-revoked"),
        List.of("ag-revoked", "ag-without-any"), List.of("ag-granted-twice"), List.of("ag-granted-twice", "ag-granted"));
    var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    for (List<String> groups : groupSets) {
      boolean camunda = config.getCommandExecutorTxRequired()
          .execute(context -> new AuthorizationManager().isAuthorized("someone", groups, readCheck()));
      boolean luoshi = config.getCommandExecutorTxRequired()
          .execute(context -> context.getAuthorizationManager().isAuthorized("someone", groups, readCheck()));
      assertThat(luoshi).as("groups %s", groups).isEqualTo(camunda);
      assertThat(read("someone", groups)).as("groups %s", groups).isEqualTo(camunda);
    }
    // and the answers are the expected ones, not merely equal
    assertThat(read("someone", List.of("ag-without-any", "ag-granted"))).isTrue();
    assertThat(read("someone", List.of("ag-without-any"))).isFalse();
    assertThat(read("someone", List.of("ag-revoked", "ag-without-any"))).isFalse();
  }

  private static PermissionCheck readCheck() {
    PermissionCheck check = new PermissionCheck();
    check.setResource(Resources.FILTER);
    check.setResourceId(RESOURCE);
    check.setPermission(Permissions.READ);
    return check;
  }

  private void grant(int type, String group) {
    Authorization a = authorizations.createNewAuthorization(type);
    a.setGroupId(group);
    a.setResource(Resources.FILTER);
    a.setResourceId(RESOURCE);
    if (type == Authorization.AUTH_TYPE_GRANT) {
      a.addPermission(Permissions.READ);
    } else {
      a.removePermission(Permissions.READ);
    }
    authorizations.saveAuthorization(a);
  }

  private boolean read(String user, List<String> groups) {
    return authorizations.isUserAuthorized(user, groups, Permissions.READ, Resources.FILTER, RESOURCE);
  }
}
