package org.luoshi.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.stereotype.Component;

/** Idempotent creation of groups, users and memberships, used by the bootstrap and the demo. */
@Component
class Accounts {

  private final IdentityService identity;
  private final ProcessEngineConfigurationImpl engine;

  Accounts(IdentityService identity, ProcessEngineConfiguration engine) {
    this.identity = identity;
    this.engine = (ProcessEngineConfigurationImpl) engine;
  }

  /** Creates the group when missing; an existing group keeps the name an administrator gave it. */
  boolean ensureGroup(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() > 0) {
      return false;
    }
    Group g = identity.newGroup(id);
    g.setName(name);
    g.setType(type);
    identity.saveGroup(g);
    return true;
  }

  boolean userExists(String id) {
    return identity.createUserQuery().userId(id).count() > 0;
  }

  void createUser(String id, String lastName, String firstName, String email, String password) {
    User u = identity.newUser(id);
    u.setLastName(lastName);
    u.setFirstName(firstName);
    u.setEmail(email);
    checkPolicy(password, u);
    u.setPassword(password);
    identity.saveUser(u);
  }

  /** A password from the environment that breaks the policy stops the start with the rules it breaks. */
  private void checkPolicy(String password, User user) {
    var result = identity.checkPasswordAgainstPolicy(password, user);
    if (!result.isValid()) {
      String rules = result.getViolatedRules().stream()
          .map(r -> r.getPlaceholder() + r.getParameters())
          .collect(java.util.stream.Collectors.joining(", "));
      throw new IllegalStateException("The password given for '" + user.getId()
          + "' does not match Camunda's password policy (at least 10 characters, upper and lower case, a digit,"
          + " a special character, not containing the user's id or name); violated: " + rules);
    }
  }

  /** Sets the password when it differs from the stored one (without a login attempt). */
  boolean ensurePassword(String id, String password) {
    User user = identity.createUserQuery().userId(id).singleResult();
    if (user == null || password == null || password.isBlank()) {
      return false;
    }
    UserEntity entity = (UserEntity) user;
    if (engine.getPasswordManager().check(EncryptionUtil.saltPassword(password, entity.getSalt()), entity.getPassword())) {
      return false;
    }
    checkPolicy(password, user);
    user.setPassword(password);
    identity.saveUser(user);
    return true;
  }

  void ensureMembership(String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }
}
