package org.luoshi.item;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Before the morning's chase (BPMN: ${overdueCheck} on 是否仍逾期): sets {@code stillOverdue}, which
 * the gateway reads — the chase goes on while the item is open and past its deadline.
 */
@Component("overdueCheck")
class OverdueCheck implements ExecutionListener {

  static final String STILL_OVERDUE = "stillOverdue";

  private final ItemSteps items;
  private final ItemProcess process;

  OverdueCheck(ItemSteps items, ItemProcess process) {
    this.items = items;
    this.process = process;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariable(STILL_OVERDUE, items.isOverdue(process.code(execution)));
  }
}
