package org.luoshi.common;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A lookup remembered for the rest of the current transaction: a task completion's listeners,
 * delegates and the gateways after them read the domain record they work on once, not at every
 * step (JPA's own cache does not help a lookup by code or by process instance, which is a query).
 * Outside a transaction nothing is remembered, and a transaction started inside another
 * (REQUIRES_NEW) does not see the outer one's records.
 */
public final class PerTransaction<K, V> {

  private final Object resourceKey = new Object();

  /** What one transaction remembers; its synchronization tells which transaction it belongs to. */
  private static final class Memo<K, V> implements TransactionSynchronization {
    final Map<K, V> values = new HashMap<>();
    final Object resourceKey;

    Memo(Object resourceKey) {
      this.resourceKey = resourceKey;
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(resourceKey);
    }
  }

  /** What this transaction remembers for the key, without loading it; null when nothing. */
  public V remembered(K key) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Memo<K, V> memo = (Memo<K, V>) TransactionSynchronizationManager.getResource(resourceKey);
    if (memo == null || !TransactionSynchronizationManager.getSynchronizations().contains(memo)) {
      return null;
    }
    return memo.values.get(key);
  }

  public V get(K key, Function<K, V> load) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return load.apply(key);
    }
    @SuppressWarnings("unchecked")
    Memo<K, V> memo = (Memo<K, V>) TransactionSynchronizationManager.getResource(resourceKey);
    if (memo == null) {
      memo = new Memo<>(resourceKey);
      TransactionSynchronizationManager.bindResource(resourceKey, memo);
      TransactionSynchronizationManager.registerSynchronization(memo);
    } else if (!TransactionSynchronizationManager.getSynchronizations().contains(memo)) {
      return load.apply(key); // an inner transaction: the outer one's records are not its own
    }
    V known = memo.values.get(key);
    if (known == null) {
      known = load.apply(key);
      if (known != null) {
        memo.values.put(key, known);
      }
    }
    return known;
  }
}
