package org.luoshi.item;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.luoshi.engine.Vars;
import org.springframework.stereotype.Component;

/** reportProgress completed (BPMN: ${reportProgressListener}): progress 0–100 and what was done. */
@Component("reportProgressListener")
class ReportProgressListener implements TaskListener {

  private final ItemSteps items;
  private final ItemProcess process;

  ReportProgressListener(ItemSteps items, ItemProcess process) {
    this.items = items;
    this.process = process;
  }

  @Override
  public void notify(DelegateTask task) {
    Vars v = Vars.of(task);
    Item item = items.reportProgress(process.code(task), v.number("progressPercent"), v.text("progressNote"),
        process.actor(task));
    task.setVariable("lastProgressNote", v.text("progressNote"));
    process.refresh(task.getExecution(), item);
  }
}
