package org.luoshi.engine;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda evaluates a timer start event's cron when the model is deployed, and an unchanged model
 * is not deployed again. A capability whose cron comes from configuration calls {@link #align} at
 * start-up, so the timers already scheduled move to the configured time. A timer that is already
 * due (the node was down when it fell due) keeps its due date, so no run is lost.
 */
@Component
public class StartTimers {

  private static final Logger LOG = LoggerFactory.getLogger(StartTimers.class);
  private final ProcessEngineConfigurationImpl engine;

  StartTimers(ProcessEngineConfiguration engine) {
    this.engine = (ProcessEngineConfigurationImpl) engine;
  }

  /** Moves the start timers of the process's definitions to {@code cron} where they differ. */
  public void align(String processKey, String cron) {
    for (Job job : engine.getManagementService().createJobQuery().processDefinitionKey(processKey).timers().list()) {
      if (job.getProcessInstanceId() != null) {
        continue;
      }
      try {
        engine.getCommandExecutorTxRequired().execute(context -> {
          JobEntity entity = context.getJobManager().findJobById(job.getId());
          if (entity instanceof TimerEntity timer && !cron.equals(timer.getRepeat())) {
            String before = timer.getRepeat();
            timer.setRepeat(cron);
            if (timer.getDuedate() == null || timer.getDuedate().after(ClockUtil.getCurrentTime())) {
              timer.setDuedate(new CycleBusinessCalendar().resolveDuedate(cron));
            }
            LOG.info("Timer of {} moved from '{}' to '{}', next {}", processKey, before, cron, timer.getDuedate());
          }
          return null;
        });
      } catch (RuntimeException e) {
        LOG.warn("Could not align the timer of {} with '{}' (another node may be doing it): {}", processKey, cron,
            e.getMessage());
      }
    }
  }
}
