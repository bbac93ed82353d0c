package org.luoshi.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.luoshi.engine.Privileged;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The organisation (users, groups, memberships) in memory, the same on every node: a change made
 * through Camunda's identity service — Camunda Admin, its REST API, Luoshi's bootstrap — raises the
 * version in {@code ls_identity_version} in the transaction that makes it ({@link #changed}); each
 * node reloads when it sees a new version, checking at most once a second (so another node's change
 * is seen within a second, this node's own at once).
 */
@Component
public class IdentityCache {

  static final Duration CHECK_EVERY = Duration.ofSeconds(1);

  /** Everything Luoshi asks of the organisation, as of one version. */
  record Snapshot(long version, Map<String, Person> people, Map<String, Group> groups,
      Map<String, List<String>> membersOf, Map<String, List<String>> groupsOf) {}

  private final IdentityService identity;
  private final Privileged privileged;
  private final JdbcTemplate jdbc;
  private volatile Snapshot snapshot;
  private final AtomicLong checkedAt = new AtomicLong();

  IdentityCache(IdentityService identity, Privileged privileged, JdbcTemplate jdbc) {
    this.identity = identity;
    this.privileged = privileged;
    this.jdbc = jdbc;
  }

  Snapshot current() {
    Snapshot s = snapshot;
    long now = System.nanoTime();
    long last = checkedAt.get();
    if (s != null && now - last < CHECK_EVERY.toNanos()) {
      return s;
    }
    long version = version();
    checkedAt.set(now);
    if (s == null || s.version() != version) {
      synchronized (this) {
        s = snapshot;
        if (s == null || s.version() != version) {
          s = load(version);
          snapshot = s;
        }
      }
    }
    return s;
  }

  /**
   * The organisation changed in the current transaction: every node reloads once it has committed
   * (this node at its next lookup after the commit).
   */
  public void changed() {
    jdbc.update("update ls_identity_version set version = version + 1 where id = 1");
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          checkedAt.set(0);
        }
      });
    } else {
      checkedAt.set(0);
    }
  }

  private long version() {
    Long v = jdbc.queryForObject("select version from ls_identity_version where id = 1", Long.class);
    return v == null ? 0 : v;
  }

  private Snapshot load(long version) {
    return privileged.call(() -> {
      Map<String, Person> people = new LinkedHashMap<>();
      for (User u : identity.createUserQuery().orderByUserId().asc().list()) {
        people.put(u.getId(), Organisation.toPerson(u));
      }
      Map<String, Group> groups = new LinkedHashMap<>();
      Map<String, List<String>> membersOf = new HashMap<>();
      Map<String, Set<String>> groupsOf = new HashMap<>();
      for (Group g : identity.createGroupQuery().orderByGroupId().asc().list()) {
        groups.put(g.getId(), g);
        List<String> members = identity.createUserQuery().memberOfGroup(g.getId()).orderByUserId().asc().list()
            .stream().map(User::getId).toList();
        membersOf.put(g.getId(), members);
        members.forEach(m -> groupsOf.computeIfAbsent(m, k -> new TreeSet<>()).add(g.getId()));
      }
      Map<String, List<String>> groupsOfLists = new HashMap<>();
      groupsOf.forEach((k, v) -> groupsOfLists.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
      return new Snapshot(version, Collections.unmodifiableMap(people), Collections.unmodifiableMap(groups),
          Collections.unmodifiableMap(membersOf), Collections.unmodifiableMap(groupsOfLists));
    });
  }
}
