package org.luoshi.interview;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.luoshi.engine.Time;
import org.luoshi.engine.Vars;
import org.springframework.stereotype.Component;

/** The process variables of an interview (what the model and the forms read) and its texts for people. */
@Component
class InterviewVariables {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

  /** Whether the interviewer has written the outline (a rescheduled interview is not prepared again). */
  static final String OUTLINE_GIVEN = "outlineGiven";

  private final InterviewViews views;

  InterviewVariables(InterviewViews views) {
    this.views = views;
  }

  /** The process variables of an interview: what the model and the forms read. */
  VariableMap of(Interview i) {
    Map<String, String> names = views.names(new ArrayList<>(new LinkedHashSet<>(
        concat(List.of(i.getInterviewer()), i.intervieweeIds()))));
    List<Map<String, String>> options = i.intervieweeIds().stream()
        .map(u -> Map.of("label", names.get(u) + "（" + u + "）", "value", u))
        .toList();
    VariableMap v = Variables.createVariables()
        .putValue("interviewId", i.getCode())
        .putValue("trigger", i.getTrigger().name())
        .putValue("triggerLabel", i.getTrigger().label())
        .putValue("method", i.getMethod().name())
        .putValue("methodLabel", i.getMethod().label())
        .putValue("interviewer", i.getInterviewer())
        .putValue("interviewerName", names.get(i.getInterviewer()))
        .putValue("interviewees", Vars.json(i.intervieweeIds()))
        .putValue("intervieweeNames", String.join("、", i.intervieweeIds().stream().map(names::get).toList()))
        .putValue("intervieweeOptions", Vars.json(options))
        .putValue("attendees", Vars.json(i.intervieweeIds()))
        .putValue("subject", i.getSubject())
        .putValue("relatedItemCode", i.getRelatedItemCode())
        .putValue("followUpOf", i.getFollowUpOf())
        .putValue(OUTLINE_GIVEN, i.getOutline() != null);
    v.putAll(scheduleVariables(i));
    return v;
  }

  static Map<String, Object> scheduleVariables(Interview i) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("scheduledAt", OffsetDateTime.ofInstant(i.scheduledAt(), Time.ZONE).toString());
    v.put("scheduledAtText", format(i.scheduledAt()));
    v.put("place", i.place());
    return v;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** 2026年3月6日（星期五）09:30, Beijing time. */
  static String format(Instant instant) {
    ZonedDateTime t = instant.atZone(Time.ZONE);
    return DAY.format(t) + "（" + t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA) + "）"
        + HOUR.format(t);
  }

  static String link(String code) {
    return "/ledger/interviews/" + code; // the ledger page of the interview (the JSON is /api/interviews/{id})
  }
}
