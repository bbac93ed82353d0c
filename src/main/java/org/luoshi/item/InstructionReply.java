package org.luoshi.item;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * A leader's instruction (批示件) not replied to by its reply deadline (BPMN: ${instructionReply}):
 * the unit, the responsible person and the office are told, and the item records it.
 */
@Component("instructionReply")
class InstructionReply extends ItemAlert {

  InstructionReply(Parts parts) {
    super(parts, "INSTRUCTION_REPLY_OVERDUE");
  }

  @Override
  boolean due(Item item, DelegateExecution execution) {
    return steps.markReplyOverdue(item.getCode());
  }

  @Override
  ItemAudience.Recipients recipients(ItemAudience.Recipients to, DelegateExecution execution) {
    return to.unit().person().office();
  }
}
