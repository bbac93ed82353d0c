package org.luoshi.interview;

/** The filters of GET /api/interviews; null = any. {@code year} is the year the interview was started. */
public record InterviewFilter(
    String relatedItemCode, String interviewee, String interviewer, InterviewStatus status, Integer year) {

  public InterviewFilter {
    relatedItemCode = blankToNull(relatedItemCode);
    interviewee = blankToNull(interviewee);
    interviewer = blankToNull(interviewer);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
