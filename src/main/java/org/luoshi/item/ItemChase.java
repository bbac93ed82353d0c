package org.luoshi.item;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Each morning an item stays overdue (BPMN: ${itemChase}): the responsible person (or, before one is named, the unit) is chased. */
@Component("itemChase")
class ItemChase extends ItemAlert {

  ItemChase(Parts parts) {
    super(parts, "ITEM_CHASED");
  }

  @Override
  boolean due(Item item, DelegateExecution execution) {
    return true; // the gateway 是否仍逾期 has decided
  }

  @Override
  ItemAudience.Recipients recipients(ItemAudience.Recipients to, DelegateExecution execution) {
    return to.personOrUnit();
  }

  @Override
  void delivered(Item item, List<String> to, DelegateExecution execution) {
    steps.recordEvent(item.getCode(), "CHASED", Items.SYSTEM, String.join(",", to));
  }
}
