package org.luoshi.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.luoshi.common.DomainException;
import org.springframework.stereotype.Component;

/**
 * Who is calling: the engine's current authentication, set by the /api and /engine-rest
 * authentication filters and by the webapps. Roles follow DESIGN.md §3: the office and principal
 * leaders see everything, a leader what they lead, unit staff their unit's.
 */
@Component
public class CurrentUser {

  private final IdentityService identity;

  CurrentUser(IdentityService identity) {
    this.identity = identity;
  }

  public boolean isAuthenticated() {
    return identity.getCurrentAuthentication() != null;
  }

  public String id() {
    return authentication().getUserId();
  }

  public List<String> groups() {
    List<String> groups = authentication().getGroupIds();
    return groups == null ? List.of() : groups;
  }

  public boolean in(String groupId) {
    return groups().contains(groupId);
  }

  public boolean isOffice() {
    return AccessPolicy.isOffice(groups());
  }

  public boolean isPrincipalLeader() {
    return in(Groups.PRINCIPAL_LEADERS);
  }

  public boolean isLeader() {
    return in(Groups.LEADERS);
  }

  public boolean isAdmin() {
    return in(Groups.ADMIN);
  }

  /** The office, principal leaders and administrators see all items, interviews and ledgers. */
  public boolean seesEverything() {
    return AccessPolicy.seesEverything(groups());
  }

  public List<String> unitCodes() {
    return groups().stream().map(Groups::unitCode).filter(c -> c != null).toList();
  }

  private Authentication authentication() {
    Authentication a = identity.getCurrentAuthentication();
    if (a == null) {
      throw DomainException.unauthenticated("需要登录");
    }
    return a;
  }
}
