package org.luoshi.item;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.luoshi.scoring.Scores;
import org.springframework.stereotype.Component;

/**
 * Computes the timeliness score of a submitted item (BPMN: ${timelinessScoring}): days late =
 * completion date − deadline in Beijing calendar days, then the DMN {@code timeliness-score}.
 */
@Component("timelinessScoring")
class TimelinessScoring implements JavaDelegate {

  private final Scores scores;
  private final Items items;
  private final ItemSteps steps;

  TimelinessScoring(Scores scores, Items items, ItemSteps steps) {
    this.scores = scores;
    this.items = items;
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Item item = items.byCode(execution.getProcessBusinessKey());
    long daysLate = item.getDaysLate();
    BigDecimal score = scores.timeliness(daysLate, item.isExtended());
    steps.recordTimeliness(item.getCode(), score);
    // the completion's listener set it already; written again only when it differs
    ItemProcess.setIfChanged(execution, "daysLate", daysLate);
    execution.setVariable("timeliness", daysLate < 0 ? "提前 " + (-daysLate) + " 天完成"
        : daysLate == 0 ? "截止当日完成" : "逾期 " + daysLate + " 天完成");
    execution.setVariable("timelinessScore", score.doubleValue());
  }
}
