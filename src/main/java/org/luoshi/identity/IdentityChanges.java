package org.luoshi.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells {@link IdentityCache} that the organisation changed, in the transaction of every engine
 * command that changes users, groups or memberships — whoever issues it: Camunda Admin, the engine's
 * REST API, Luoshi's own bootstrap.
 */
@Component
class IdentityChanges extends AbstractProcessEnginePlugin {

  /** Camunda 7.24's commands that write the identity (simple class names). */
  static final Set<String> WRITES = Set.of("SaveUserCmd", "DeleteUserCmd", "SaveGroupCmd", "DeleteGroupCmd",
      "CreateMembershipCmd", "DeleteMembershipCmd", "UnlockUserCmd", "SetUserInfoCmd", "DeleteUserInfoCmd");

  private final ObjectProvider<IdentityCache> cache;

  IdentityChanges(ObjectProvider<IdentityCache> cache) {
    this.cache = cache;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> post = new ArrayList<>();
    if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
      post.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
    }
    post.add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        T result = next.execute(command);
        if (WRITES.contains(command.getClass().getSimpleName())) {
          cache.getObject().changed();
        }
        return result;
      }
    });
    configuration.setCustomPostCommandInterceptorsTxRequired(post);
  }
}
