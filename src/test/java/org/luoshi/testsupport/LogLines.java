package org.luoshi.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/**
 * The log lines the server writes while it answers requests (every logger, on the servlet
 * container's request threads), including the engine's command-context logger that the test
 * profile silences: a refused request must be one WARN line, never an ERROR or a stack trace.
 * Lines of other threads (a connection pool's housekeeping on a busy machine) are not the request's.
 */
public final class LogLines extends AppenderBase<ILoggingEvent> implements AutoCloseable {

  private static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";
  private final ConcurrentLinkedQueue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();
  private final Level engineContextLevel;

  private LogLines() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    setContext(context);
    Logger engine = context.getLogger(ENGINE_CONTEXT);
    engineContextLevel = engine.getLevel();
    engine.setLevel(Level.INFO);
    start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this);
  }

  public static LogLines capture() {
    return new LogLines();
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (event.getThreadName() != null && event.getThreadName().contains("-exec-")) {
      events.add(event);
    }
  }

  /** Forgets what was logged so far. */
  public void clear() {
    events.clear();
  }

  /** What was logged at WARN or above since the last clear, as "LEVEL logger: message". */
  public List<String> warningsAndErrors() {
    List<String> out = new ArrayList<>();
    for (ILoggingEvent e : events) {
      if (e.getLevel().isGreaterOrEqual(Level.WARN)) {
        out.add(e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()
            + (e.getThrowableProxy() == null ? "" : " [" + e.getThrowableProxy().getClassName() + "]"));
      }
    }
    return out;
  }

  /** How many events carried a stack trace since the last clear. */
  public long withStackTraces() {
    return events.stream().filter(e -> e.getThrowableProxy() != null).count();
  }

  @Override
  public void close() {
    LoggerContext context = (LoggerContext) getContext();
    context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
    context.getLogger(ENGINE_CONTEXT).setLevel(engineContextLevel);
    stop();
  }
}
