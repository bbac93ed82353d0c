package org.luoshi.item;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.luoshi.engine.Time;
import org.luoshi.identity.AccessPolicy;
import org.springframework.stereotype.Component;

/**
 * Every item task on creation (BPMN: ${itemTaskLabels}): its name carries the item's title
 * ("签收：<title>") and its due date follows the deadline or the configured days, so Tasklist's
 * list reads on its own; the answers of an earlier round of the same task are cleared, so each
 * completion must give its own. The leader in charge may read each task, for the filter
 * 我分管的事项.
 */
@Component("itemTaskLabels")
class ItemTaskLabels implements TaskListener {

  /** What each task writes: removed from the instance when the task is created again. */
  static final Map<String, List<String>> OUTPUTS = Map.of(
      "acceptItem", List.of("accepted", "returnReason"),
      "reassignItem", List.of("cancelled", "cancelReason"),
      "reportProgress", List.of("progressNote"),
      "submitCompletion", List.of("action", "completionNote", "completedOn", "newDeadline", "extensionReason"),
      "approveExtension", List.of("approved", "comment"),
      "verifyCompletion", List.of("approved", "qualityScore", "reviewComment"),
      "reviewClosure", List.of("approved", "qualityScore", "reviewComment"),
      "confirmClosure", List.of("approved", "qualityScore", "reviewComment"));

  private final ItemSettings settings;
  private final AccessPolicy access;
  private final ItemProcess process;

  ItemTaskLabels(ItemSettings settings, AccessPolicy access, ItemProcess process) {
    this.settings = settings;
    this.access = access;
    this.process = process;
  }

  @Override
  public void notify(DelegateTask task) {
    String key = task.getTaskDefinitionKey();
    Item item = process.item(task);
    String title = item.getTitle();
    String base = task.getName() == null ? key : task.getName();
    if (!base.contains("：")) {
      String name = base + "：" + title;
      if ("reportProgress".equals(key)) {
        YearMonth month = YearMonth.from(Time.today());
        name += "（" + month.getYear() + "年" + month.getMonthValue() + "月）";
      }
      task.setName(name.length() > 255 ? name.substring(0, 255) : name);
    }
    LocalDate due = due(key, item.getDeadline());
    if (due != null) {
      task.setDueDate(Time.at(due, 23, 59));
    }
    // the leader in charge follows the item's tasks in the filter 我分管的事项 (READ on each task)
    String leader = item.getLeadLeader();
    // (the task is new and only its assignee and candidate groups hold grants on it: no query for an
    // existing grant first)
    if (leader != null && !leader.equals(task.getAssignee())) {
      access.grantUserOnNew(leader, Resources.TASK, task.getId(), TaskPermissions.READ);
    }
    for (String output : OUTPUTS.getOrDefault(key, List.of())) {
      if (task.getExecution().hasVariable(output)) {
        task.getExecution().removeVariable(output);
      }
    }
  }

  private LocalDate due(String key, LocalDate deadline) {
    LocalDate today = Time.today();
    return switch (key) {
      case "acceptItem", "reassignItem" -> today.plusDays(settings.acceptWithinDays());
      case "planItem" -> today.plusDays(settings.planWithinDays());
      case "reportProgress", "reportCoProgress" -> YearMonth.from(today).atEndOfMonth();
      case "submitCompletion" -> deadline;
      case "approveExtension", "verifyCompletion", "reviewClosure", "confirmClosure" ->
          today.plusDays(settings.reviewWithinDays());
      default -> null;
    };
  }
}
