package org.luoshi.interview;

import org.luoshi.common.Texts;

/** The filters of GET /api/interviews; null = any. {@code year} is the year the interview was started. */
public record InterviewFilter(
    String relatedItemCode, String interviewee, String interviewer, InterviewStatus status, Integer year) {

  public InterviewFilter {
    relatedItemCode = Texts.blankToNull(relatedItemCode);
    interviewee = Texts.blankToNull(interviewee);
    interviewer = Texts.blankToNull(interviewer);
  }
}
