package org.luoshi.item;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The deadline has passed (BPMN: ${itemOverdue}): RED, and the first step of the escalation ladder
 * — the responsible person and the unit are told (the leader in charge and the principal leaders
 * follow, see {@link ItemEscalation}).
 */
@Component("itemOverdue")
class ItemOverdue extends ItemAlert {

  ItemOverdue(Parts parts) {
    super(parts, "ITEM_OVERDUE");
  }

  @Override
  boolean due(Item item, DelegateExecution execution) {
    return steps.markOverdue(item.getCode());
  }

  @Override
  ItemAudience.Recipients recipients(ItemAudience.Recipients to, DelegateExecution execution) {
    // DESIGN.md §4.1: the unit, the office and the leader in charge hear at once (the ladder then
    // escalates to the leader again after 3 days and to the principal leaders after 7)
    return to.unit().person().coUnits().office().leader();
  }

  @Override
  boolean refreshesVariables() {
    return true;
  }
}
