package org.luoshi.notification;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/** Whether the current code runs inside an engine job (async continuation, timer) or in a person's request. */
final class JobContext {

  private JobContext() {}

  static boolean inJob() {
    CommandContext context = Context.getCommandContext();
    return context != null && context.getCurrentJob() != null;
  }
}
