package org.luoshi.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls without the caller's authorization checks, for work a Luoshi service has
 * already authorised by its own rules (a unit member issuing a sub-item starts a process they have
 * no CREATE_INSTANCE for; a lookup of the organisation on behalf of a rule, not of the caller).
 */
@Component
public class Privileged {

  private final ProcessEngineConfigurationImpl engine;

  Privileged(ProcessEngineConfiguration engine) {
    this.engine = (ProcessEngineConfigurationImpl) engine;
  }

  public <T> T call(Supplier<T> work) {
    return engine.getCommandExecutorTxRequired().execute((CommandContext context) -> {
      boolean enabled = context.isAuthorizationCheckEnabled();
      context.disableAuthorizationCheck();
      try {
        return work.get();
      } finally {
        if (enabled) {
          context.enableAuthorizationCheck();
        }
      }
    });
  }

  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
