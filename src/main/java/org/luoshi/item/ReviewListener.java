package org.luoshi.item;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.luoshi.common.Json;
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

    ItemProcess.setIfChanged(task, "approved", approved);
    BigDecimal score = record.getQualityScore();
    if (score != null) {
      // the score as recorded (one decimal); a form that sent the same number keeps it as it came
      ItemProcess.setIfChanged(task, "qualityScore", score.doubleValue());
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
    HistoryEntry entry = new HistoryEntry(level.label(), who, approved ? "通过" : "退回",
        score == null ? "—" : score.stripTrailingZeros().toPlainString(), comment == null ? "" : comment,
        Time.nowOffset().toLocalDateTime().withSecond(0).withNano(0).toString()
            .replace('T', ' '));
    task.setVariable(REVIEW_HISTORY, Vars.json(withEntry(task.getVariable(REVIEW_HISTORY), entry)));
  }

  static final String REVIEW_HISTORY = "reviewHistory";

  /** A row of the review forms' 审核记录 table (the forms read these property names). */
  record HistoryEntry(String level, String reviewer, String result, String score, String comment, String at) {}

  /** The history so far (a Json list, its text, or none) with the entry added at the end. */
  static List<Object> withEntry(Object current, HistoryEntry entry) {
    List<Object> rows = new ArrayList<>();
    if (current != null && !current.toString().isBlank()) {
      try {
        rows.addAll(Json.read(current.toString(), new TypeReference<List<Object>>() {}));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("reviewHistory is not a JSON list", e);
      }
    }
    rows.add(entry);
    return rows;
  }
}
