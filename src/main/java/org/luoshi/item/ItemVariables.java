package org.luoshi.item;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;
import org.luoshi.engine.Time;
import org.luoshi.identity.Organisation;
import org.luoshi.identity.Person;

/**
 * The item as its process instance shows it: the columns of Tasklist's filters (itemCode, title,
 * unitName, deadline, light), the context forms display read-only, and the dates the timers wait
 * for. The domain data lives in {@link Item}; these are refreshed whenever it changes.
 */
final class ItemVariables {

  private ItemVariables() {}

  static Map<String, Object> of(Item item, Organisation organisation, LocalDate today) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("itemCode", item.getCode());
    v.put("title", item.getTitle());
    v.put("source", item.getSource().name());
    v.put("sourceName", item.getSource().label());
    v.put("category", item.getCategory().name());
    v.put("categoryName", item.getCategory().label());
    v.put("unitCode", item.getUnitCode());
    v.put("unitName", organisation.unitName(item.getUnitCode()));
    // 协办单位 as the start form writes them (a Json list) and by name for the task forms
    v.put("coUnitCodes", SpinValues.jsonValue(item.getCoUnitCodes().stream().map(ItemVariables::quote)
        .collect(java.util.stream.Collectors.joining(",", "[", "]"))).create());
    v.put("coUnitNames", item.getCoUnitCodes().isEmpty() ? "无"
        : String.join("、", item.getCoUnitCodes().stream().map(organisation::unitName).toList()));
    v.put("leadLeader", item.getLeadLeader());
    v.put("leadLeaderName", organisation.nameOf(item.getLeadLeader()));
    v.put("target", item.getTarget());
    v.put("issuedOn", item.getIssuedOn().toString());
    v.put("deadline", item.getDeadline().toString());
    v.put("originalDeadline", item.getOriginalDeadline().toString());
    v.put("extended", item.isExtended());
    v.put("status", item.getStatus().name());
    v.put("statusName", item.getStatus().label());
    Light light = item.light(today);
    v.put("light", light == null ? "" : light.name());
    v.put("lightName", light == null ? "" : light.label());
    v.put("progressPercent", item.getProgressPercent());
    v.put("parentCode", item.getParentCode() == null ? "" : item.getParentCode());
    if (item.getResponsiblePerson() != null) {
      v.put("responsiblePerson", item.getResponsiblePerson());
      v.put("responsiblePersonName", organisation.nameOf(item.getResponsiblePerson()));
    }
    v.put("measures", item.getMeasures() == null ? "" : item.getMeasures());
    v.putAll(timers(item));
    return v;
  }

  /** When the reminder, the overdue notice, the accountability interview and an instruction's reply are due. */
  static Map<String, Object> timers(Item item) {
    return Map.of(
        "reminderAt", Time.at(item.getDeadline().minusDays(Item.REMINDER_DAYS), 9, 0),
        "overdueAt", Time.endOf(item.getDeadline()),
        "interviewAt", Time.endOf(item.getDeadline().plusDays(Items.INTERVIEW_AFTER_DAYS)),
        // an instruction's reply deadline; for other items the check at the end of the issue day finds nothing
        "replyDueAt", Time.endOf(item.getReplyDue() != null ? item.getReplyDue() : item.getIssuedOn()));
  }

  /** The unit's people as options of the form's "responsible person" select. */
  static Object memberOptions(List<Person> people) {
    StringBuilder json = new StringBuilder("[");
    for (Person p : people) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append("{\"label\":").append(quote(p.name() + "（" + p.id() + "）"))
          .append(",\"value\":").append(quote(p.id())).append('}');
    }
    return SpinValues.jsonValue(json.append(']').toString()).create();
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
