package org.luoshi.interview;

import java.util.Map;

/**
 * Interviews held in a year (the seed's "县级领导累计开展约谈547次1863人"): sessions held, distinct
 * people who attended, and person-times (人次), in total and by interviewer level, trigger, kind
 * and outcome. Outcomes count recorded interviews only.
 */
public record InterviewStats(
    int year,
    long sessions,
    long people,
    long personTimes,
    Map<String, Group> byLevel,
    Map<String, Group> byTrigger,
    Map<String, Group> byMethod,
    Map<String, Group> byOutcome) {

  public record Group(String label, long sessions, long people, long personTimes) {}
}
