package org.luoshi.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.luoshi.engine.Privileged;
import org.springframework.stereotype.Service;

/**
 * The district's organisation as Camunda Admin keeps it: units, people, memberships. Lookups are
 * facts about the organisation, not reads on behalf of the caller, so they run without the
 * caller's authorization checks (a unit member checking that a colleague belongs to the unit).
 */
@Service
public class Organisation {

  private final IdentityService identity;
  private final Privileged privileged;

  Organisation(IdentityService identity, Privileged privileged) {
    this.identity = identity;
    this.privileged = privileged;
  }

  public Optional<Person> person(String userId) {
    if (userId == null || userId.isBlank()) {
      return Optional.empty();
    }
    return unchecked(() -> Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult()))
        .map(Organisation::toPerson);
  }

  public boolean userExists(String userId) {
    return person(userId).isPresent();
  }

  /** The name to show for a user id: 王磊, or the id itself for an unknown user. */
  public String nameOf(String userId) {
    return person(userId).map(Person::name).orElse(userId);
  }

  public boolean isMember(String userId, String groupId) {
    if (userId == null || groupId == null) {
      return false;
    }
    return unchecked(() -> identity.createUserQuery().userId(userId).memberOfGroup(groupId).count()) > 0;
  }

  public List<String> members(String groupId) {
    return unchecked(() -> identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list())
        .stream().map(User::getId).toList();
  }

  public List<Person> people(String groupId) {
    return unchecked(() -> identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list())
        .stream().map(Organisation::toPerson).toList();
  }

  public Optional<Unit> unit(String unitCode) {
    if (unitCode == null || unitCode.isBlank()) {
      return Optional.empty();
    }
    return unchecked(() -> Optional.ofNullable(
            identity.createGroupQuery().groupId(Groups.unit(unitCode)).singleResult()))
        .map(g -> new Unit(unitCode, g.getName()));
  }

  public boolean unitExists(String unitCode) {
    return unit(unitCode).isPresent();
  }

  /** The unit's Chinese name, or its code when the unit is unknown. */
  public String unitName(String unitCode) {
    return unit(unitCode).map(Unit::name).orElse(unitCode);
  }

  public List<Unit> units() {
    return unchecked(() -> identity.createGroupQuery().groupType(Groups.UNIT_TYPE).orderByGroupId().asc().list())
        .stream()
        .filter(g -> Groups.unitCode(g.getId()) != null)
        .map(g -> new Unit(Groups.unitCode(g.getId()), g.getName()))
        .toList();
  }

  public List<String> unitMembers(String unitCode) {
    return members(Groups.unit(unitCode));
  }

  /**
   * Everyone who belongs to a unit or to one of the district's posts (督查室, 区级分管领导, 主要领导),
   * each with the names of those groups, ordered by user id; administrators' system groups do not
   * place anyone. As Admin keeps it at this moment: a unit or person created there is listed at once.
   */
  public List<DirectoryEntry> directory() {
    return unchecked(() -> {
      Map<String, List<String>> placed = new TreeMap<>();
      List<Group> groups = new ArrayList<>(identity.createGroupQuery().groupType(Groups.WORKFLOW_TYPE)
          .orderByGroupId().asc().list());
      groups.addAll(identity.createGroupQuery().groupType(Groups.UNIT_TYPE).orderByGroupId().asc().list());
      for (Group g : groups) {
        for (User u : identity.createUserQuery().memberOfGroup(g.getId()).list()) {
          placed.computeIfAbsent(u.getId(), k -> new ArrayList<>()).add(g.getName());
        }
      }
      if (placed.isEmpty()) {
        return List.<DirectoryEntry>of();
      }
      Map<String, User> users = new HashMap<>();
      for (User u : identity.createUserQuery().userIdIn(placed.keySet().toArray(String[]::new)).list()) {
        users.put(u.getId(), u);
      }
      return placed.entrySet().stream()
          .filter(e -> users.containsKey(e.getKey()))
          .map(e -> new DirectoryEntry(e.getKey(), toPerson(users.get(e.getKey())).name(), List.copyOf(e.getValue())))
          .toList();
    });
  }

  /** The members of one group as {@link #directory()} lists them, placed by that group's name. */
  public List<DirectoryEntry> directory(String groupId) {
    return unchecked(() -> {
      Group g = identity.createGroupQuery().groupId(groupId).singleResult();
      if (g == null) {
        return List.<DirectoryEntry>of();
      }
      return identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
          .map(u -> new DirectoryEntry(u.getId(), toPerson(u).name(), List.of(g.getName())))
          .toList();
    });
  }

  /** The codes of the units a person belongs to. */
  public List<String> unitCodesOf(String userId) {
    return groupIdsOf(userId).stream().map(Groups::unitCode).filter(c -> c != null).toList();
  }

  public List<String> groupIdsOf(String userId) {
    return unchecked(() -> identity.createGroupQuery().groupMember(userId).list())
        .stream().map(Group::getId).toList();
  }

  /** A county-level leader: a leader in charge or a principal leader. */
  public boolean isCountyLeader(String userId) {
    var groups = groupIdsOf(userId);
    return groups.contains(Groups.LEADERS) || groups.contains(Groups.PRINCIPAL_LEADERS);
  }

  private <T> T unchecked(Supplier<T> query) {
    return privileged.call(query);
  }

  static Person toPerson(User u) {
    String last = u.getLastName() == null ? "" : u.getLastName();
    String first = u.getFirstName() == null ? "" : u.getFirstName();
    String name = (last + first).isBlank() ? u.getId() : last + first;
    return new Person(u.getId(), name, u.getEmail());
  }
}
