package org.luoshi.item;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When an instruction's reply falls due (BPMN: ${replyOverdueCheck} on 是否逾期未回复): sets
 * {@code replyOverdue}, which the gateway reads — an open instruction item past its reply deadline
 * without a reply (批示件逾期未回复).
 */
@Component("replyOverdueCheck")
class ReplyOverdueCheck implements ExecutionListener {

  static final String REPLY_OVERDUE = "replyOverdue";

  private final ItemSteps items;
  private final ItemProcess process;

  ReplyOverdueCheck(ItemSteps items, ItemProcess process) {
    this.items = items;
    this.process = process;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariable(REPLY_OVERDUE, items.isReplyOverdue(process.code(execution)));
  }
}
