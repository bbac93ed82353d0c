package org.luoshi.report;

/** The variables of the {@code periodic-report} process and what its delegates share. */
final class ReportVariables {

  static final String PROCESS_KEY = "periodic-report";

  // start (public)
  static final String KIND = "kind";
  static final String PERIOD = "period";
  // editReport
  static final String FOREWORD = "foreword";
  static final String REGENERATE = "regenerate";
  // approveReport
  static final String APPROVED = "approved";
  static final String APPROVAL_COMMENT = "approvalComment";

  // kept by the process
  static final String REPORT_ID = "reportId";
  static final String TITLE = "title";
  static final String KIND_NAME = "kindName";
  static final String SUMMARY = "summary";
  static final String REPORT_LINK = "reportLink";
  static final String STARTER = "starter";

  private ReportVariables() {}

}
