package org.luoshi.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application sends, on the thread that is counting: every
 * {@code execute*} call and every {@code addBatch} (a batch sends one statement per entry), through a
 * proxy around the application's one DataSource, which the engine, JPA and Flyway all use.
 */
public final class SqlCounter {

  private static final AtomicLong STATEMENTS = new AtomicLong();
  /** Calls that wait for the database: each {@code execute*} (a batch's {@code executeBatch} once), commit, rollback. */
  private static final AtomicLong ROUND_TRIPS = new AtomicLong();
  private static final ThreadLocal<Boolean> COUNTING = ThreadLocal.withInitial(() -> false);

  /** Statement texts and how often each ran, while {@link #trace} is on. */
  static final java.util.Map<String, Integer> TRACE = new java.util.concurrent.ConcurrentHashMap<>();
  static volatile boolean trace;
  /** -Dbench.sqlStack=text: while tracing, the call stack of each statement containing this text. */
  static final String STACK_OF = System.getProperty("bench.sqlStack");
  /** The step being traced (start, or a task key): statements are also counted per step, text by text. */
  static volatile String phase = "";
  static final java.util.Map<String, java.util.Map<String, Integer>> PHASES = new java.util.concurrent.ConcurrentSkipListMap<>();

  private SqlCounter() {}

  /** Starts counting on this thread; returns the count so far. */
  public static long start() {
    COUNTING.set(true);
    return STATEMENTS.get();
  }

  public static void stop() {
    COUNTING.set(false);
  }

  public static long count() {
    return STATEMENTS.get();
  }

  public static long roundTrips() {
    return ROUND_TRIPS.get();
  }

  @TestConfiguration
  public static class Config {
    @Bean
    static BeanPostProcessor countingDataSource() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if ("dataSource".equals(name) && bean instanceof DataSource ds && !Proxy.isProxyClass(bean.getClass())) {
            return proxy(DataSource.class, ds);
          }
          return bean;
        }
      };
    }
  }

  @SuppressWarnings("unchecked")
  static <T> T proxy(Class<T> type, T target) {
    return proxy(type, target, null);
  }

  @SuppressWarnings("unchecked")
  static <T> T proxy(Class<T> type, T target, String sql) {
    return (T) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type}, new Handler(target, sql));
  }

  private record Handler(Object target, String sql) implements InvocationHandler {
    @Override
    public Object invoke(Object p, Method m, Object[] args) throws Throwable {
      String name = m.getName();
      if (name.equals("equals") && args != null && args.length == 1) {
        return p == args[0];
      }
      if (name.equals("hashCode") && (args == null || args.length == 0)) {
        return System.identityHashCode(p);
      }
      if (COUNTING.get() && (target instanceof Statement && name.startsWith("execute")
          || target instanceof Connection && (name.equals("commit") || name.equals("rollback")))) {
        ROUND_TRIPS.incrementAndGet();
        if (trace) {
          PHASES.computeIfAbsent(phase, k -> new java.util.concurrent.ConcurrentHashMap<>())
              .merge("(round trips)", 1, Integer::sum);
          if (target instanceof Connection) {
            PHASES.get(phase).merge("(" + name + ")", 1, Integer::sum);
            if (("(" + name + ")").equals(STACK_OF)) {
              new Throwable("STACK " + phase + ": " + name).printStackTrace(System.out);
            }
          } else {
            String text = sql != null ? sql : args != null && args.length > 0 && args[0] instanceof String t ? t : name;
            PHASES.get(phase).merge("(rt) " + text.replaceAll("\\s+", " "), 1, Integer::sum);
          }
        }
      }
      if (COUNTING.get() && target instanceof Statement
          && (name.startsWith("execute") && !name.equals("executeBatch") || name.equals("addBatch"))) {
        STATEMENTS.incrementAndGet();
        if (trace) {
          String text = sql != null ? sql : args != null && args.length > 0 && args[0] instanceof String t ? t : name;
          TRACE.merge(text.replaceAll("\\s+", " "), 1, Integer::sum);
          if (STACK_OF != null && text.replaceAll("\\s+", " ").contains(STACK_OF)) {
            new Throwable("STACK " + phase + ": " + text.replaceAll("\\s+", " ")).printStackTrace(System.out);
          }
          PHASES.computeIfAbsent(phase, k -> new java.util.concurrent.ConcurrentHashMap<>())
              .merge(text.replaceAll("\\s+", " "), 1, Integer::sum);
        }
      }
      Object result;
      try {
        result = m.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (result instanceof Connection c && m.getReturnType() == Connection.class) {
        return proxy(Connection.class, c);
      }
      if (result instanceof CallableStatement s && m.getReturnType() == CallableStatement.class) {
        return proxy(CallableStatement.class, s, args != null && args.length > 0 ? String.valueOf(args[0]) : null);
      }
      if (result instanceof PreparedStatement s && m.getReturnType() == PreparedStatement.class) {
        return proxy(PreparedStatement.class, s, args != null && args.length > 0 ? String.valueOf(args[0]) : null);
      }
      if (result instanceof Statement s && m.getReturnType() == Statement.class) {
        return proxy(Statement.class, s);
      }
      return result;
    }
  }
}
