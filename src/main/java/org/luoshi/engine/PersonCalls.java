package org.luoshi.engine;

/**
 * Marks the engine calls a person makes directly through Camunda's REST APIs ({@code /engine-rest},
 * and the webapps' {@code /camunda/api/…} that Tasklist and Cockpit use): their commands are input,
 * checked by {@link EngineGuard}. Luoshi's own code (its /api services, delegates, listeners and
 * jobs) runs unmarked. The failure of the last such command is kept for the request, so the REST
 * layer can answer with the domain's refusal instead of Camunda's wrapped text.
 */
public final class PersonCalls {

  private static final ThreadLocal<State> STATE = new ThreadLocal<>();

  private static final class State {
    RuntimeException original;
    RuntimeException explained;
    int checking;
  }

  private PersonCalls() {}

  /** The request thread starts serving a person's call to Camunda's REST API. */
  public static void enter() {
    STATE.set(new State());
  }

  public static void exit() {
    STATE.remove();
  }

  /** Whether the current thread serves a person's call (and is not inside the guard's own lookups). */
  static boolean active() {
    State s = STATE.get();
    return s != null && s.checking == 0;
  }

  /** Runs the guard's own engine lookups, which are not the person's commands. */
  static <T> T unchecked(java.util.function.Supplier<T> work) {
    State s = STATE.get();
    if (s == null) {
      return work.get();
    }
    s.checking++;
    try {
      return work.get();
    } finally {
      s.checking--;
    }
  }

  static void failed(RuntimeException original, RuntimeException explained) {
    State s = STATE.get();
    if (s != null) {
      s.original = original;
      s.explained = explained;
    }
  }

  /**
   * What the guard made of a failure of the person's last engine command (a domain refusal, a lost
   * race as a conflict), when {@code failure} is that failure or wraps it; else null.
   */
  public static RuntimeException explanationOf(Throwable failure) {
    State s = STATE.get();
    if (s == null || s.original == null) {
      return null;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t == s.original) {
        return s.explained;
      }
    }
    return null;
  }
}
