package org.luoshi.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * The district's organisation as Camunda Admin keeps it: units, people, memberships. Lookups are
 * facts about the organisation, not reads on behalf of the caller (a unit member checking that a
 * colleague belongs to the unit), answered from {@link IdentityCache}: no query per lookup, and a
 * change in Admin counts at once on this node and within a second on the others.
 */
@Service
public class Organisation {

  private final IdentityCache cache;

  Organisation(IdentityCache cache) {
    this.cache = cache;
  }

  public Optional<Person> person(String userId) {
    if (userId == null || userId.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(cache.current().people().get(userId));
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
    return groupIdsOf(userId).contains(groupId);
  }

  public List<String> members(String groupId) {
    return cache.current().membersOf().getOrDefault(groupId, List.of());
  }

  public List<Person> people(String groupId) {
    var s = cache.current();
    return s.membersOf().getOrDefault(groupId, List.of()).stream().map(s.people()::get).filter(Objects::nonNull)
        .toList();
  }

  public Optional<Unit> unit(String unitCode) {
    if (unitCode == null || unitCode.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(cache.current().groups().get(Groups.unit(unitCode)))
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
    return cache.current().groups().values().stream()
        .filter(g -> Groups.UNIT_TYPE.equals(g.getType()) && Groups.unitCode(g.getId()) != null)
        .map(g -> new Unit(Groups.unitCode(g.getId()), g.getName()))
        .toList();
  }

  public List<String> unitMembers(String unitCode) {
    return members(Groups.unit(unitCode));
  }

  /**
   * Everyone who belongs to a unit or to one of the district's posts (督查室, 区级分管领导, 主要领导),
   * each with the names of those groups (the posts first, then the units, each by id), ordered by
   * user id; administrators' system groups do not place anyone. As Admin keeps it at this moment: a
   * unit or person created there is listed at once.
   */
  public List<DirectoryEntry> directory() {
    var s = cache.current();
    Map<String, List<String>> placed = new TreeMap<>();
    s.groups().values().stream()
        .filter(g -> Groups.WORKFLOW_TYPE.equals(g.getType())
            || (Groups.UNIT_TYPE.equals(g.getType()) && Groups.unitCode(g.getId()) != null))
        .sorted(Comparator.comparing((Group g) -> Groups.UNIT_TYPE.equals(g.getType())).thenComparing(Group::getId))
        .forEach(g -> s.membersOf().getOrDefault(g.getId(), List.of())
            .forEach(id -> placed.computeIfAbsent(id, k -> new ArrayList<>()).add(g.getName())));
    return placed.entrySet().stream()
        .filter(e -> s.people().containsKey(e.getKey()))
        .map(e -> new DirectoryEntry(e.getKey(), s.people().get(e.getKey()).name(), List.copyOf(e.getValue())))
        .toList();
  }

  /** The members of one group as {@link #directory()} lists them, placed by that group's name. */
  public List<DirectoryEntry> directory(String groupId) {
    var s = cache.current();
    Group g = s.groups().get(groupId);
    if (g == null) {
      return List.of();
    }
    return s.membersOf().getOrDefault(groupId, List.of()).stream().sorted()
        .map(s.people()::get).filter(Objects::nonNull)
        .map(p -> new DirectoryEntry(p.id(), p.name(), List.of(g.getName())))
        .toList();
  }

  /** The codes of the units a person belongs to. */
  public List<String> unitCodesOf(String userId) {
    return groupIdsOf(userId).stream().map(Groups::unitCode).filter(c -> c != null).toList();
  }

  public List<String> groupIdsOf(String userId) {
    if (userId == null) {
      return List.of();
    }
    return cache.current().groupsOf().getOrDefault(userId, List.of());
  }

  /** A county-level leader: a leader in charge or a principal leader. */
  public boolean isCountyLeader(String userId) {
    var groups = groupIdsOf(userId);
    return groups.contains(Groups.LEADERS) || groups.contains(Groups.PRINCIPAL_LEADERS);
  }

  static Person toPerson(User u) {
    String last = u.getLastName() == null ? "" : u.getLastName();
    String first = u.getFirstName() == null ? "" : u.getFirstName();
    String name = (last + first).isBlank() ? u.getId() : last + first;
    return new Person(u.getId(), name, u.getEmail());
  }
}
