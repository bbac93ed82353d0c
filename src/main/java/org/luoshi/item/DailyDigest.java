package org.luoshi.item;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.luoshi.engine.Time;
import org.luoshi.engine.Vars;
import org.luoshi.notification.NotificationSchedule;
import org.springframework.stereotype.Component;

/**
 * BPMN daily-digest: the timer start event fixes the day ({@code digestDate}, ${digestDay}), the
 * service task ${dailyDigest} builds and sends each person's digest of that day. A retried job
 * sends the same day's digest, and nobody gets it twice (key per person and day).
 */
@Component("dailyDigest")
class DailyDigest implements JavaDelegate {

  static final String PROCESS_KEY = NotificationSchedule.DIGEST_PROCESS;
  private final ItemDigests digests;

  DailyDigest(ItemDigests digests) {
    this.digests = digests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate day = Vars.of(execution).date("digestDate");
    int recipients = digests.send(day == null ? Time.today() : day);
    execution.setVariable("recipients", recipients);
  }

  /** The day a digest is about: the day its timer fired, unless the instance was started with one. */
  @Component("digestDay")
  static class DigestDay implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      if (execution.getVariable("digestDate") == null) {
        execution.setVariable("digestDate", Time.today().toString());
      }
    }
  }
}
