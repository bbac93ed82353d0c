package org.luoshi.tasklist;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What Tasklist's filters need from the engine: the function {@code ${currentUserUnitGroups()}}
 * for 本单位待办, and — since Camunda Admin has no hook of its own — a look after every saved group,
 * so that the staff of a unit created in Admin read 本单位待办 at once (see
 * {@link TasklistFilters#grantUnitFilter()}).
 */
@Component
class TasklistEnginePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<TasklistFilters> filters;

  TasklistEnginePlugin(ObjectProvider<TasklistFilters> filters) {
    this.filters = filters;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new GroupSaved());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getExpressionManager().addFunction(TasklistFunctions.CURRENT_USER_UNIT_GROUPS,
        ReflectUtil.getMethod(TasklistFunctions.class, TasklistFunctions.CURRENT_USER_UNIT_GROUPS));
  }

  /** After a group is saved (outside its transaction's command, so the group is there). */
  private final class GroupSaved extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      T result = next.execute(command);
      if (command instanceof SaveGroupCmd) {
        TasklistFilters f = filters.getIfAvailable();
        if (f != null) {
          f.grantUnitFilter();
        }
      }
      return result;
    }
  }
}
