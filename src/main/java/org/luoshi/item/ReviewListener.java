package org.luoshi.item;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.luoshi.engine.Time;
import org.luoshi.engine.Vars;
import org.luoshi.identity.Organisation;
import org.springframework.stereotype.Component;

/**
 * A level of the close-out review completed (BPMN: ${reviewListener} on verifyCompletion,
 * reviewClosure, confirmClosure): the level's score and comment are kept with reviewer and time;
 * the next level's form shows them; a rejection returns the item to execution with the comment.
 */
@Component("reviewListener")
class ReviewListener implements TaskListener {

  private final Items items;

  private final ItemSteps steps;
  private final ItemProcess process;
  private final Organisation organisation;

  ReviewListener(Items items, ItemSteps steps, ItemProcess process, Organisation organisation) {
    this.items = items;
    this.steps = steps;
    this.process = process;
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateTask task) {
    ReviewLevel level = switch (task.getTaskDefinitionKey()) {
      case "verifyCompletion" -> ReviewLevel.OFFICE;
      case "reviewClosure" -> ReviewLevel.LEADER;
      case "confirmClosure" -> ReviewLevel.PRINCIPAL;
      default -> throw new IllegalStateException("Not a review task: " + task.getTaskDefinitionKey());
    };
    Vars v = Vars.of(task);
    boolean approved = v.requiredBool("approved", "审核结论");
    String code = process.code(task);
    ReviewRecord record = steps.review(code, level, approved, v.number("qualityScore"), v.text("reviewComment"),
        process.actor(task));

    task.setVariable("approved", approved);
    BigDecimal score = record.getQualityScore();
    if (score != null) {
      task.setVariable("qualityScore", score.doubleValue());
      switch (level) {
        case OFFICE -> task.setVariable("officeScore", score.doubleValue());
        case LEADER -> {
          task.setVariable("leaderScore", score.doubleValue());
          BigDecimal office = steps.previousLevelScore(code, ReviewLevel.LEADER);
          task.setVariable("scoreDifference", office == null ? 0.0 : score.subtract(office).abs().doubleValue());
        }
        case PRINCIPAL -> task.setVariable("principalScore", score.doubleValue());
      }
    }
    String who = organisation.nameOf(record.getReviewer());
    String line = level.label() + "（" + who + "）" + (approved ? "通过，质量分 " + score.stripTrailingZeros().toPlainString() : "退回")
        + (record.getComment() == null ? "" : "：" + record.getComment());
    if (!approved) {
      task.setVariable("lastReviewComment", line);
    }
    appendHistory(task, level, who, approved, score, record.getComment());
    process.refresh(task.getExecution(), items.byCode(code));
  }

  /** reviewHistory: a Json list the review forms show as a table. */
  private void appendHistory(DelegateTask task, ReviewLevel level, String who, boolean approved, BigDecimal score,
      String comment) {
    Object current = task.getVariable("reviewHistory");
    String json = current == null ? "[]" : current.toString();
    String entry = "{\"level\":" + ItemVariables.quote(level.label())
        + ",\"reviewer\":" + ItemVariables.quote(who)
        + ",\"result\":" + ItemVariables.quote(approved ? "通过" : "退回")
        + ",\"score\":" + ItemVariables.quote(score == null ? "—" : score.stripTrailingZeros().toPlainString())
        + ",\"comment\":" + ItemVariables.quote(comment == null ? "" : comment)
        + ",\"at\":" + ItemVariables.quote(OffsetDateTime.ofInstant(Time.now(), Time.ZONE).toLocalDateTime()
            .withSecond(0).withNano(0).toString().replace('T', ' ')) + "}";
    String trimmed = json.trim();
    String updated = trimmed.equals("[]") ? "[" + entry + "]" : trimmed.substring(0, trimmed.length() - 1) + "," + entry + "]";
    task.setVariable("reviewHistory", SpinValues.jsonValue(updated).create());
  }
}
