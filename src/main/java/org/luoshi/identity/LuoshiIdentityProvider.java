package org.luoshi.identity;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's database identity provider, with two changes:
 *
 * <ul>
 *   <li>password checks go through {@link LoginThrottle} (every login path calls
 *       {@code IdentityService.checkPassword}: /engine-rest and /api basic auth, the webapps'
 *       login, {@code identity/verify}); Camunda's own per-account lock in the database is not
 *       used, so no one can lock an account for good or across a restart;
 *   <li>changes to groups and memberships (Camunda Admin, its REST API, the bootstrap) bring the
 *       engine authorizations on people in step ({@link PeopleVisibility}) once they are committed.
 * </ul>
 */
class LuoshiIdentityProvider extends DbIdentityServiceProvider {

  private final LoginThrottle throttle;
  private final PeopleVisibility visibility;

  LuoshiIdentityProvider(LoginThrottle throttle, PeopleVisibility visibility) {
    this.throttle = throttle;
    this.visibility = visibility;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    String client = LoginThrottle.client();
    if (userId == null || throttle.refusal(client, userId).isPresent()) {
      return false; // the web filters answer 429 before this; a path they miss is refused all the same
    }
    boolean valid = super.checkPassword(userId, password);
    if (valid) {
      throttle.succeeded(client, userId);
    } else {
      throttle.failed(client, userId);
    }
    return valid;
  }

  /** Camunda's database lock is not used: {@link LoginThrottle} keeps guessers out, for minutes. */
  @Override
  protected boolean isUserLocked(UserEntity user) {
    return false;
  }

  @Override
  protected void lockUser(UserEntity user) {
    // no lock in the database (see LoginThrottle)
  }

  @Override
  public IdentityOperationResult saveGroup(Group group) {
    IdentityOperationResult result = super.saveGroup(group);
    visibility.reconcileAfterCommit();
    return result;
  }

  @Override
  public IdentityOperationResult deleteGroup(String groupId) {
    IdentityOperationResult result = super.deleteGroup(groupId);
    visibility.reconcileAfterCommit();
    return result;
  }

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    IdentityOperationResult result = super.deleteUser(userId);
    visibility.reconcileAfterCommit();
    return result;
  }

  @Override
  public IdentityOperationResult createMembership(String userId, String groupId) {
    IdentityOperationResult result = super.createMembership(userId, groupId);
    visibility.reconcileAfterCommit();
    return result;
  }

  @Override
  public IdentityOperationResult deleteMembership(String userId, String groupId) {
    IdentityOperationResult result = super.deleteMembership(userId, groupId);
    visibility.reconcileAfterCommit();
    return result;
  }

  /** Opens one provider per command, as Camunda's GenericManagerFactory would. */
  static final class Factory implements SessionFactory {

    private final LoginThrottle throttle;
    private final PeopleVisibility visibility;

    Factory(LoginThrottle throttle, PeopleVisibility visibility) {
      this.throttle = throttle;
      this.visibility = visibility;
    }

    @Override
    public Class<?> getSessionType() {
      return LuoshiIdentityProvider.class;
    }

    @Override
    public Session openSession() {
      return new LuoshiIdentityProvider(throttle, visibility);
    }
  }
}
