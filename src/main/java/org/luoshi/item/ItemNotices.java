package org.luoshi.item;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.luoshi.engine.Time;
import org.luoshi.identity.Organisation;
import java.time.Duration;
import org.luoshi.notification.Notice;
import org.luoshi.notification.NotificationSettings;
import org.springframework.stereotype.Component;

/**
 * The words of item notices, in Chinese, and their keys: one key per thing that happened (an
 * issue round, a submission round, a deadline, a day of chasing), so a notice is never repeated.
 */
@Component
class ItemNotices {

  private final Items items;
  private final Organisation organisation;
  private final NotificationSettings.Escalation escalation;

  ItemNotices(Items items, Organisation organisation, NotificationSettings settings) {
    this.items = items;
    this.organisation = organisation;
    this.escalation = settings.escalation();
  }

  static String link(Item item) {
    return "/ledger/items/" + item.getCode();
  }

  Notice notice(String type, Item item, VariableScope scope) {
    String head = "【" + item.getCode() + "】" + item.getTitle();
    String facts = "事项：" + head + "\n责任单位：" + organisation.unitName(item.getUnitCode())
        + (item.getCoUnitCodes().isEmpty() ? "" : "\n协办单位："
            + String.join("、", item.getCoUnitCodes().stream().map(organisation::unitName).toList()))
        + "\n截止日期：" + item.getDeadline() + "\n分管领导：" + organisation.nameOf(item.getLeadLeader());
    String code = item.getCode();
    return switch (type) {
      case "ITEM_ISSUED" -> new Notice(type, "新下发责任清单待签收：" + item.getTitle(),
          facts + "\n来源：" + item.getSource().label() + "\n工作目标：" + item.getTarget() + "\n请在 Tasklist 中签收。",
          link(item), type + ":" + code + ":" + item.getIssueRound());
      case "ITEM_ACCEPTED" -> new Notice(type, "责任单位已签收：" + item.getTitle(),
          facts + "\n" + organisation.unitName(item.getUnitCode()) + "已签收，将制定落实方案、明确责任人。",
          link(item), type + ":" + code + ":" + item.getIssueRound());
      case "ITEM_RETURNED" -> new Notice(type, "责任清单被退回，请重新交办：" + item.getTitle(),
          facts + "\n退回理由：" + text(scope, "lastReturnReason"), link(item), type + ":" + code + ":" + item.getIssueRound());
      case "EXTENSION_REQUESTED" -> {
        ExtensionRequest r = items.latestExtension(code);
        yield new Notice(type, "延期申请待审批：" + item.getTitle(),
            facts + "\n申请延期至：" + r.getNewDeadline() + "\n延期理由：" + r.getReason(), link(item),
            type + ":" + code + ":" + r.getId());
      }
      case "EXTENSION_DECIDED" -> {
        ExtensionRequest r = items.latestExtension(code);
        boolean approved = r.getDecision() == ExtensionRequest.Decision.APPROVED;
        yield new Notice(type, (approved ? "延期申请已同意：" : "延期申请未同意：") + item.getTitle(),
            facts + (approved ? "\n新的截止日期：" + r.getNewDeadline() : "\n截止日期不变：" + r.getPreviousDeadline())
                + (r.getDecisionComment() == null ? "" : "\n审批意见：" + r.getDecisionComment()),
            link(item), type + ":" + code + ":" + r.getId());
      }
      case "VERIFY_REQUESTED" -> review(type, item, facts, "督查室核验");
      case "REVIEW_REQUESTED" -> review(type, item, facts, "分管领导审核");
      case "CONFIRM_REQUESTED" -> review(type, item, facts, "主要领导确认");
      case "ITEM_REJECTED" -> new Notice(type, "销号审核退回，请继续落实：" + item.getTitle(),
          facts + "\n" + text(scope, "lastReviewComment"), link(item), type + ":" + code + ":" + item.getSubmissionRound());
      case "ITEM_CLOSED" -> new Notice(type, "事项已销号：" + item.getTitle(),
          facts + "\n时效分：" + plain(item.getTimelinessScore()) + "　质量分：" + plain(item.getQualityScore())
              + "　综合得分：" + plain(item.getFinalScore()), link(item), type + ":" + code);
      case "ITEM_REMINDER" -> new Notice(type, "黄灯提醒：距截止日期不足 " + Item.REMINDER_DAYS + " 天：" + item.getTitle(),
          facts + "\n当前进度：" + item.getProgressPercent() + "%", link(item),
          type + ":" + code + ":" + item.getDeadline());
      case "ITEM_OVERDUE" -> new Notice(type, "红灯督办：事项已逾期：" + item.getTitle(),
          facts + "\n当前进度：" + item.getProgressPercent() + "%\n" + ladder(), link(item),
          type + ":" + code + ":" + item.getDeadline());
      case "INSTRUCTION_REPLY_OVERDUE" -> new Notice(type, "批示件逾期未回复：" + item.getTitle(),
          facts + "\n回复期限：" + item.getReplyDue() + "\n请立即报送落实进展（首次进展即为回复）。", link(item),
          type + ":" + code + ":" + item.getReplyDue());
      case "ITEM_CHASED" -> new Notice(type, "催办：事项已逾期 "
              + java.time.temporal.ChronoUnit.DAYS.between(item.getDeadline(), Time.today()) + " 天：" + item.getTitle(),
          facts + "\n请尽快落实并报送完成情况。", link(item), type + ":" + code + ":" + Time.today());
      default -> throw new IllegalArgumentException("Unknown noticeType for an item: " + type);
    };
  }

  /** To the co-units (协办单位) of a newly issued item: what it is, who leads it, what is asked of them. */
  Notice coIssued(Item item) {
    String facts = "事项：【" + item.getCode() + "】" + item.getTitle() + "\n牵头单位（责任单位）：" + organisation.unitName(item.getUnitCode())
        + "\n协办单位：" + String.join("、", item.getCoUnitCodes().stream().map(organisation::unitName).toList())
        + "\n截止日期：" + item.getDeadline() + "\n分管领导：" + organisation.nameOf(item.getLeadLeader());
    return new Notice("ITEM_CO_ISSUED", "新下发事项，你单位为协办单位：" + item.getTitle(),
        facts + "\n工作目标：" + item.getTarget() + "\n请配合牵头单位落实，每月报送本单位承担部分的进展（Tasklist“协办进展”，或在台账的事项页面随时填报）。",
        link(item), "ITEM_CO_ISSUED:" + item.getCode() + ":" + item.getIssueRound());
  }

  /** A step of the escalation ladder: the leader in charge, then the principal leaders, hear of an overdue item. */
  Notice escalation(Item item, EscalationLevel level) {
    long days = Duration.between(Time.endOf(item.getDeadline()).toInstant(), Time.now()).toDays();
    String head = "【" + item.getCode() + "】" + item.getTitle();
    String body = "事项：" + head + "\n责任单位：" + organisation.unitName(item.getUnitCode())
        + "\n责任人：" + (item.getResponsiblePerson() == null ? "（尚未明确）" : organisation.nameOf(item.getResponsiblePerson()))
        + "\n截止日期：" + item.getDeadline() + "（已逾期满 " + days + " 天）"
        + "\n分管领导：" + organisation.nameOf(item.getLeadLeader())
        + "\n当前进度：" + item.getProgressPercent() + "%"
        + "\n" + level.request();
    return new Notice("ITEM_ESCALATED", "逾期督办报告（" + level.label() + "）：" + item.getTitle(), body, link(item),
        "ITEM_ESCALATED:" + item.getCode() + ":" + item.getDeadline() + ":" + level.name());
  }

  /** What happens next to an overdue item: the escalation ladder and the accountability interview. */
  private String ladder() {
    String principal = span(escalation.principalAfter());
    String interview = Items.INTERVIEW_AFTER_DAYS + " 天";
    return "逾期满 " + span(escalation.leaderAfter()) + "仍未报送完成的，再报分管领导督办；满 " + principal + "报主要领导"
        + (principal.equals(interview) ? "并启动约谈。" : "；满 " + interview + "启动约谈。");
  }

  /** "3 天", or "36 小时" for durations that are not whole days. */
  static String span(Duration d) {
    return d.toHours() % 24 == 0 ? d.toDays() + " 天" : d.toHours() + " 小时";
  }

  private Notice review(String type, Item item, String facts, String step) {
    return new Notice(type, step + "待办理：" + item.getTitle(),
        facts + "\n完成日期：" + item.getCompletedOn() + "\n完成情况：" + item.getCompletionNote(),
        link(item), type + ":" + item.getCode() + ":" + item.getSubmissionRound());
  }

  private static String text(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v == null ? "" : v.toString();
  }

  private static String plain(java.math.BigDecimal d) {
    return d == null ? "—" : d.stripTrailingZeros().toPlainString();
  }
}
