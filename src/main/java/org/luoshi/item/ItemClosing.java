package org.luoshi.item;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The last review level approved (BPMN: ${itemClosing}, in the same transaction as that approval):
 * quality = the last level's score, final score = 3:7, status CLOSED (销号).
 */
@Component("itemClosing")
class ItemClosing implements JavaDelegate {

  private final ItemSteps items;
  private final ItemProcess process;

  ItemClosing(ItemSteps items, ItemProcess process) {
    this.items = items;
    this.process = process;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Item item = items.close(process.code(execution), process.actor());
    execution.setVariable("finalScore", item.getFinalScore().doubleValue());
    // the last review level set it already in this transaction; written again only when it differs
    ItemProcess.setIfChanged(execution, "qualityScore", item.getQualityScore().doubleValue());
    process.refresh(execution, item);
  }
}
