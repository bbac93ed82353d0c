package org.luoshi.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * History level full, without the history of derived variables ({@code luoshi.history.derived-variables}).
 *
 * <p>With history level full every change of a process variable writes, beside the variable itself,
 * its historic instance (inserted, later selected and updated) and a detail row. A label that only
 * restates another variable ({@code statusName} from {@code status}, whose own history stays) or a
 * variable that lives for one step (a notice task's {@code noticeType}) pays that for nothing: the
 * engine's database handler is used for every event except the variable events (created, updated,
 * deleted, migrated: all of them, so no update ever looks for a row that was never inserted) of those
 * names in those processes. Their runtime variables are untouched: forms, Tasklist's columns and
 * filters and Cockpit's variable view read those.
 *
 * <p>Other history event handlers (Camunda's {@code customHistoryEventHandlers}) keep receiving every
 * event. An instance started before a name was listed keeps the historic row it had, as last written.
 */
@Component
class DerivedVariableHistory extends AbstractProcessEnginePlugin {

  private final HistorySettings settings;

  DerivedVariableHistory(HistorySettings settings) {
    this.settings = settings;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getHistoryEventHandler() != null) {
      throw new IllegalStateException("A history event handler is set already: Luoshi's "
          + DerivedVariableHistory.class.getSimpleName() + " would not be used");
    }
    // in place of the default database handler the engine would put first (CompositeDbHistoryEventHandler)
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new Handler(settings));
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** Camunda's database handler, minus the variable events of derived variables. */
  static final class Handler extends DbHistoryEventHandler {

    private final HistorySettings settings;

    Handler(HistorySettings settings) {
      this.settings = settings;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity variable
          && settings.isDerived(variable.getProcessDefinitionKey(), variable.getVariableName())) {
        return;
      }
      super.handleEvent(event);
    }
  }
}
