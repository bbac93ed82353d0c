package org.luoshi.supervision;

import static org.luoshi.supervision.SupervisionVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.luoshi.engine.Time;
import org.luoshi.identity.Organisation;
import org.springframework.stereotype.Component;

/**
 * Opens the rectify / verify loop of one problem (BPMN: start listener {@code ${problemTracking}} of
 * the problem subprocess): its unit, description and deadline become local variables of this
 * instance — for the unit's candidate group, the forms and Tasklist's columns — with the moment it
 * becomes overdue (the end of the deadline day, Beijing time) and the cycle of daily reminders
 * after it (09:00 each day from the second day after the deadline). The task variables of the loop
 * ({@code rectification}, {@code verified}, {@code verifyComment}) are declared here too, so that
 * what one problem's forms submit stays with that problem.
 */
@Component("problemTracking")
class ProblemTracking implements ExecutionListener {

  static final int REMINDER_HOUR = 9;

  private final SupervisionProcess process;
  private final Organisation organisation;

  ProblemTracking(Organisation organisation, SupervisionProcess process) {
    this.process = process;
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Problem p = process.bindProblem(execution);
    LocalDate deadline = p.getDeadline();
    String unitName = organisation.unitName(p.getUnitCode());
    execution.setVariableLocal(UNIT_CODE, p.getUnitCode());
    execution.setVariableLocal(UNIT_NAME, unitName);
    execution.setVariableLocal(DESCRIPTION, p.getDescription());
    execution.setVariableLocal(DEADLINE, deadline.toString());
    execution.setVariableLocal(TITLE, "督查问题整改：" + abbreviate(p.getDescription(), 60));
    execution.setVariableLocal(OVERDUE_AT, Time.endOf(deadline));
    execution.setVariableLocal(REMINDER_CYCLE, reminderCycle(deadline));
    execution.setVariableLocal(RECTIFICATION, null);
    execution.setVariableLocal(VERIFIED, null);
    execution.setVariableLocal(VERIFY_COMMENT, null);
  }

  /** {@code R/<deadline + 2 days, 09:00 Beijing time>/P1D}: a reminder each morning until rectified. */
  static String reminderCycle(LocalDate deadline) {
    var first = deadline.plusDays(2).atTime(REMINDER_HOUR, 0).atZone(Time.ZONE).toOffsetDateTime();
    return "R/" + first.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/P1D";
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
