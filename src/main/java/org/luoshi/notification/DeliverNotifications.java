package org.luoshi.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends what is due (BPMN notification-delivery: ${deliverNotifications}): the deliveries of the
 * notice in {@code noticeKey} that could not go at once, or, started by the morning timer, all
 * mail held over quiet hours. A failure fails the job (retries, then a Cockpit incident); retrying
 * sends only what is still missing. Writes {@code sent} and {@code skipped} (channel off, notice gone).
 */
@Component("deliverNotifications")
class DeliverNotifications implements JavaDelegate {

  private final Deliveries deliveries;

  DeliverNotifications(Deliveries deliveries) {
    this.deliveries = deliveries;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object key = execution.getVariable("noticeKey");
    Deliveries.DeliveryReport report = deliveries.deliverDue(key == null ? null : key.toString());
    execution.setVariable("sent", report.sent());
    execution.setVariable("skipped", report.skipped());
  }
}
