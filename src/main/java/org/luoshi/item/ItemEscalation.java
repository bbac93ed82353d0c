package org.luoshi.item;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.luoshi.notification.Notice;
import org.springframework.stereotype.Component;

/**
 * A step of the escalation ladder of an overdue item (BPMN: ${itemEscalation}, input {@code level}
 * LEADER or PRINCIPAL): the leader in charge, then the principal leaders, are told; the step is
 * recorded on the item (event ESCALATED). Nothing happens once the item is no longer overdue.
 */
@Component("itemEscalation")
class ItemEscalation extends ItemAlert {

  ItemEscalation(Parts parts) {
    super(parts, null);
  }

  private static EscalationLevel level(DelegateExecution execution) {
    return EscalationLevel.valueOf(String.valueOf(execution.getVariableLocal("level")));
  }

  @Override
  boolean due(Item item, DelegateExecution execution) {
    level(execution); // an unknown level fails before anything happens
    return steps.isOverdue(item.getCode());
  }

  @Override
  ItemAudience.Recipients recipients(ItemAudience.Recipients to, DelegateExecution execution) {
    return level(execution) == EscalationLevel.LEADER ? to.leader() : to.principals();
  }

  @Override
  Notice notice(Item item, DelegateExecution execution) {
    return parts.texts.escalation(item, level(execution));
  }

  @Override
  void delivered(Item item, List<String> to, DelegateExecution execution) {
    steps.recordEvent(item.getCode(), "ESCALATED", Items.SYSTEM, level(execution).label() + "："
        + String.join("、", to.stream().map(parts.organisation::nameOf).toList()));
  }
}
