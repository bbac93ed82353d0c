package org.luoshi.item;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tunable rhythms of item work ({@code luoshi.items.*}): when monthly progress is asked for (a
 * Camunda cron, default the 25th at 09:00), the hour of the daily chase, and the days a unit has to
 * accept and a reviewer to review (the due dates Tasklist shows), and the working days a unit has
 * to reply to a leader's instruction (批示件, default 5).
 */
@ConfigurationProperties("luoshi.items")
public record ItemSettings(String progressCron, Integer chaseHour, Integer acceptWithinDays,
    Integer planWithinDays, Integer reviewWithinDays, Integer instructionReplyWorkingDays) {

  public ItemSettings {
    progressCron = progressCron == null || progressCron.isBlank() ? "0 0 9 25 * ?" : progressCron;
    chaseHour = chaseHour == null ? 9 : chaseHour;
    acceptWithinDays = acceptWithinDays == null ? 2 : acceptWithinDays;
    planWithinDays = planWithinDays == null ? 5 : planWithinDays;
    reviewWithinDays = reviewWithinDays == null ? 5 : reviewWithinDays;
    instructionReplyWorkingDays = instructionReplyWorkingDays == null ? 5 : instructionReplyWorkingDays;
  }
}
