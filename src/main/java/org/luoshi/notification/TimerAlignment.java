package org.luoshi.notification;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Camunda evaluates a timer start event's cron when the model is deployed, and an unchanged model
 * is not deployed again. So when {@code luoshi.notifications.digest.cron} or the end of the quiet
 * hours changes, the timers already scheduled are moved to the new time at start-up. A timer that
 * is due (the node was down at 17:30) keeps its due date, so no digest is lost.
 */
@Component
class TimerAlignment {

  private static final Logger LOG = LoggerFactory.getLogger(TimerAlignment.class);
  private final ProcessEngineConfigurationImpl engine;
  private final NotificationSchedule schedule;

  TimerAlignment(ProcessEngineConfiguration engine, NotificationSchedule schedule) {
    this.engine = (ProcessEngineConfigurationImpl) engine;
    this.schedule = schedule;
  }

  @EventListener(ApplicationReadyEvent.class)
  void align() {
    Map.of(DailyDigest.PROCESS_KEY, schedule.digestCron(), Deliveries.PROCESS_KEY, schedule.releaseCron())
        .forEach(this::align);
  }

  void align(String processKey, String cron) {
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
