package org.luoshi.interview;

import java.time.OffsetDateTime;
import java.util.List;
import org.luoshi.engine.Actors;

/**
 * What it takes to start an interview (DESIGN.md 4.2), and who starts it.
 *
 * @param trigger why (one of the four must-interview situations); required
 * @param method the kind; null lets DMN {@code interview-method} choose it from the trigger and the
 *     interviewees' earlier interviews this year; FOLLOW_UP requires {@code followUpOf}
 * @param interviewer the user who conducts it
 * @param interviewees user ids, at least one
 * @param scheduledAt when; null = the notice period from now, moved into working hours
 * @param place where; null = the configured default place
 * @param subject what it is about (约谈事由); required
 * @param relatedItemCode the responsibility item it concerns, or null
 * @param followUpOf the interview this one follows up, or null
 * @param startedBy the user starting it, checked against who may start interviews; null or {@link
 *     #SYSTEM} for automatic starts, which skip the caller checks but not the data checks
 */
public record InterviewRequest(
    InterviewTrigger trigger,
    InterviewMethod method,
    String interviewer,
    List<String> interviewees,
    OffsetDateTime scheduledAt,
    String place,
    String subject,
    String relatedItemCode,
    String followUpOf,
    String startedBy) {

  public static final String SYSTEM = Actors.SYSTEM;

  public InterviewRequest {
    interviewees = interviewees == null ? List.of() : List.copyOf(interviewees.stream()
        .filter(u -> u != null && !u.isBlank()).map(String::trim).distinct().toList());
  }

  public boolean bySystem() {
    return startedBy == null || startedBy.isBlank() || SYSTEM.equals(startedBy);
  }
}
