package org.luoshi.identity;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/** Puts {@link LuoshiIdentityProvider} in place of Camunda's database identity provider. */
@Component
class IdentityPlugin extends AbstractProcessEnginePlugin {

  private final LoginThrottle throttle;
  private final PeopleVisibility visibility;

  IdentityPlugin(LoginThrottle throttle, PeopleVisibility visibility) {
    this.throttle = throttle;
    this.visibility = visibility;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new LuoshiIdentityProvider.Factory(throttle, visibility));
  }
}
