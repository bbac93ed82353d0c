package org.luoshi.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Whether a Json variable holds a given text, without reading its byte array when that is known.
 *
 * <p>A Json variable's text lives in a byte array, one select to read. Code that keeps such a variable
 * in step with its record compares it on every completion, though it seldom changes. Camunda raises a
 * variable's revision with every change of its value (each update bumps its sequence counter, and the
 * row's revision with it; optimistic locking refuses a write on a stale revision), so one revision of
 * one variable holds one text: this node remembers the text (its SHA-256) of the revisions it has read,
 * or compared or written in a command that committed. A value that is in memory in the current command
 * — written in it, by whoever completed the task or by Luoshi's code, or read in it — is compared as it
 * is, never from what is remembered.
 */
@Component
public class JsonVariables {

  /** Camunda Spin's Json values ({@code SpinValues.jsonValue}): the name of their type and of their serializer. */
  static final String JSON_SERIALIZER = "json";
  private static final int MAX_KNOWN = 10_000;

  private final Map<String, Known> known = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
      return size() > MAX_KNOWN;
    }
  });
  private final AtomicLong reads = new AtomicLong();

  /** A revision of a variable and the digest of its text. */
  private record Known(int revision, byte[] digest) {}

  /**
   * Whether the variable {@code name}, as the scope sees it (its own or an enclosing scope's), holds
   * exactly this JSON text.
   */
  public boolean holds(VariableScope scope, String name, String json) {
    VariableInstanceEntity variable = stored(scope, name);
    if (variable == null || inMemory(variable)) {
      rememberAtCommit(variable, serialized(scope, name));
      return json != null && json.equals(text(scope, name));
    }
    Known k = known.get(variable.getId());
    if (k != null && k.revision() == variable.getRevision()) {
      return json != null && MessageDigest.isEqual(k.digest(), sha256(json));
    }
    int revision = variable.getRevision();
    String now = serialized(scope, name);
    reads.incrementAndGet();
    if (now != null) {
      known.put(variable.getId(), new Known(revision, sha256(now)));
    }
    return json != null && json.equals(now);
  }

  /** The variable {@code name} was just written: what it holds is remembered once the command commits. */
  public void wrote(VariableScope scope, String name) {
    rememberAtCommit(stored(scope, name), serialized(scope, name));
  }

  /** How many times a Json variable's text had to be read (it was not known): for tests. */
  public long reads() {
    return reads.get();
  }

  /** The Json variable {@code name} as the scope sees it, kept in a byte array; null if there is none such. */
  private static VariableInstanceEntity stored(VariableScope scope, String name) {
    return scope instanceof AbstractVariableScope s && s.getVariableInstance(name) instanceof VariableInstanceEntity v
        && JSON_SERIALIZER.equals(v.getSerializerName()) && v.getByteArrayValueId() != null ? v : null;
  }

  /** The variable's byte array is in the command's cache: its value was written or read in this command. */
  private static boolean inMemory(VariableInstanceEntity variable) {
    CommandContext command = Context.getCommandContext();
    return command == null
        || command.getDbEntityManager().getCachedEntity(ByteArrayEntity.class, variable.getByteArrayValueId()) != null;
  }

  /**
   * When the command commits, the revision the variable has then holds this text, unless the variable
   * changed again after now (its sequence counter, which every update and the deletion raise, tells).
   */
  private void rememberAtCommit(VariableInstanceEntity variable, String text) {
    CommandContext command = Context.getCommandContext();
    if (variable == null || text == null || command == null) {
      return;
    }
    long sequence = variable.getSequenceCounter();
    byte[] digest = sha256(text);
    command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> {
      if (variable.getSequenceCounter() == sequence) {
        known.put(variable.getId(), new Known(variable.getRevision(), digest));
      }
    });
  }

  /**
   * The variable's JSON text: as stored where it is at hand (read without building the value), else as
   * the value it was built into writes it; null unless it is a Json variable.
   */
  private static String text(VariableScope scope, String name) {
    String serialized = serialized(scope, name);
    if (serialized != null) {
      return serialized;
    }
    TypedValue value = scope.getVariableTyped(name, false);
    return isJson(value) && ((SerializableValue) value).isDeserialized() && value.getValue() != null
        ? value.getValue().toString() : null;
  }

  /** The variable's JSON text exactly as stored, or null (not a Json variable, or only its built value is at hand). */
  private static String serialized(VariableScope scope, String name) {
    TypedValue value = scope.getVariableTyped(name, false);
    return isJson(value) ? ((SerializableValue) value).getValueSerialized() : null;
  }

  private static boolean isJson(TypedValue value) {
    return value instanceof SerializableValue && value.getType() != null
        && JSON_SERIALIZER.equals(value.getType().getName());
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
