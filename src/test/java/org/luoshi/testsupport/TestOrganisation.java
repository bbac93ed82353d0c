package org.luoshi.testsupport;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.luoshi.identity.Groups;

/**
 * A small district for tests, all with the password {@link #PASSWORD}: the office (office1,
 * office2), leaders in charge (leader1, leader2), a principal leader (principal1) and units T1
 * (t1a, t1b), T2 (t2a), T3 (t3a).
 */
public final class TestOrganisation {

  public static final String PASSWORD = "Test-Passw0rd!";

  private TestOrganisation() {}

  public static void create(IdentityService identity) {
    group(identity, "unit-T1", "测试一局", Groups.UNIT_TYPE);
    group(identity, "unit-T2", "测试二局", Groups.UNIT_TYPE);
    group(identity, "unit-T3", "测试街道", Groups.UNIT_TYPE);
    user(identity, "office1", "督", "查一", Groups.SUPERVISION_OFFICE);
    user(identity, "office2", "督", "查二", Groups.SUPERVISION_OFFICE);
    user(identity, "leader1", "分", "管一", Groups.LEADERS);
    user(identity, "leader2", "分", "管二", Groups.LEADERS);
    user(identity, "principal1", "主", "要一", Groups.PRINCIPAL_LEADERS);
    user(identity, "t1a", "甲", "一", "unit-T1");
    user(identity, "t1b", "乙", "一", "unit-T1");
    user(identity, "t2a", "甲", "二", "unit-T2");
    user(identity, "t3a", "甲", "三", "unit-T3");
  }

  public static void group(IdentityService identity, String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group g = identity.newGroup(id);
      g.setName(name);
      g.setType(type);
      identity.saveGroup(g);
    }
  }

  public static void user(IdentityService identity, String id, String last, String first, String groupId) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User u = identity.newUser(id);
      u.setLastName(last);
      u.setFirstName(first);
      u.setEmail(id + "@test.example");
      u.setPassword(PASSWORD);
      identity.saveUser(u);
    }
    if (identity.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(id, groupId);
    }
  }
}
