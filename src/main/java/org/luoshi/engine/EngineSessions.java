package org.luoshi.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/** Puts Luoshi's own subclass of one of the engine's managers in place of the engine's. */
final class EngineSessions {

  private EngineSessions() {}

  /**
   * From now on a command asking for a session of {@code type} (e.g. {@code AuthorizationManager}) gets
   * one from {@code open}: a custom session factory of a type replaces the engine's own of that type.
   */
  static <T extends Session> void replace(ProcessEngineConfigurationImpl configuration, Class<? super T> type,
      Supplier<T> open) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return type;
      }

      @Override
      public Session openSession() {
        return open.get();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }
}
