package org.luoshi.item;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.luoshi.engine.Time;
import org.springframework.stereotype.Component;

/** Three days before the deadline (BPMN: ${itemReminder}): YELLOW, and the person and unit are reminded. */
@Component("itemReminder")
class ItemReminder extends ItemAlert {

  ItemReminder(Parts parts) {
    super(parts, "ITEM_REMINDER");
  }

  @Override
  boolean due(Item item, DelegateExecution execution) {
    if (!item.getStatus().isOpen() || item.isOverdue(Time.today())) {
      return false; // submitted meanwhile, or already RED (a migrated item whose timers were all due at once)
    }
    steps.recordEvent(item.getCode(), "REMINDED", Items.SYSTEM, "截止日期 " + item.getDeadline());
    return true;
  }

  @Override
  ItemAudience.Recipients recipients(ItemAudience.Recipients to, DelegateExecution execution) {
    return to.unit().person();
  }

  @Override
  boolean refreshesVariables() {
    return true;
  }
}
