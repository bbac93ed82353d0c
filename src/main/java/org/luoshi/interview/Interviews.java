package org.luoshi.interview;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.luoshi.common.PageResult;
import org.springframework.stereotype.Service;

/**
 * Accountability interviews (约谈问责, DESIGN.md 4.2): what the capability offers the API and other
 * capabilities. The work is done by {@link InterviewStarting} (the one way to start an interview),
 * {@link InterviewSteps} (the rules of the process's steps and cancelling), {@link InterviewLedger}
 * (reading and figures), {@link InterviewViews} and {@link InterviewVariables}.
 */
@Service
public class Interviews {

  public static final String PROCESS_KEY = "interview";
  public static final String METHOD_DECISION = "interview-method";
  /** The message that cancels a running interview (the process's "取消约谈" event subprocess). */
  public static final String CANCEL_MESSAGE = "interviewCancelled";

  /** The notice each interviewee gets (once per schedule revision). */
  public static final String NOTICE_INTERVIEW = "INTERVIEW_NOTICE";
  /** The interviewer's copy of the schedule. */
  public static final String NOTICE_SCHEDULED = "INTERVIEW_SCHEDULED";
  public static final String NOTICE_CANCELLED = "INTERVIEW_CANCELLED";

  private final InterviewStarting starting;
  private final InterviewSteps steps;
  private final InterviewLedger ledger;

  Interviews(InterviewStarting starting, InterviewSteps steps, InterviewLedger ledger) {
    this.starting = starting;
    this.steps = steps;
    this.ledger = ledger;
  }

  // starting and cancelling ----------------------------------------------------------------------

  /** See {@link InterviewStarting#start}. */
  public InterviewView start(InterviewRequest request) {
    return starting.start(request);
  }

  /** See {@link InterviewStarting#startForOverdueItem(String, String, String, String)}. */
  public InterviewView startForOverdueItem(String itemCode, String itemTitle, String leadLeader,
      String responsiblePerson) {
    return starting.startForOverdueItem(itemCode, itemTitle, leadLeader, responsiblePerson);
  }

  /** See {@link InterviewStarting#startForOverdueItem(String, String, String, List)}. */
  public InterviewView startForOverdueItem(String itemCode, String itemTitle, String leadLeader,
      List<String> interviewees) {
    return starting.startForOverdueItem(itemCode, itemTitle, leadLeader, interviewees);
  }

  /** See {@link InterviewStarting#startForAssessment}. */
  public List<InterviewView> startForAssessment(String period, String subject, String interviewer,
      List<String> people) {
    return starting.startForAssessment(period, subject, interviewer, people);
  }

  /** See {@link InterviewSteps#cancel}. */
  public InterviewView cancel(String code, String reason, String caller) {
    return steps.cancel(code, reason, caller);
  }

  // reading ------------------------------------------------------------------------------------

  /** See {@link InterviewLedger#find}. */
  public Optional<InterviewView> find(String code) {
    return ledger.find(code);
  }

  /** See {@link InterviewLedger#forItem(String)}. */
  public List<InterviewView> forItem(String itemCode) {
    return ledger.forItem(itemCode);
  }

  /** See {@link InterviewLedger#forItem(String, String, boolean)}. */
  public List<InterviewView> forItem(String itemCode, String userId, boolean seesEverything) {
    return ledger.forItem(itemCode, userId, seesEverything);
  }

  /** See {@link InterviewLedger#timesInterviewed(int)}. */
  public Map<String, Long> timesInterviewed(int year) {
    return ledger.timesInterviewed(year);
  }

  /** See {@link InterviewLedger#timesInterviewed(LocalDate, LocalDate)}. */
  public Map<String, Long> timesInterviewed(LocalDate from, LocalDate to) {
    return ledger.timesInterviewed(from, to);
  }

  /** See {@link InterviewLedger#viewFor}. */
  public InterviewView viewFor(String code, String userId, boolean seesEverything) {
    return ledger.viewFor(code, userId, seesEverything);
  }

  /** See {@link InterviewLedger#list}. */
  public PageResult<InterviewView> list(InterviewFilter filter, String userId, boolean seesEverything,
      int page, int size) {
    return ledger.list(filter, userId, seesEverything, page, size);
  }

  /** See {@link InterviewLedger#stats(int)}. */
  public InterviewStats stats(int year) {
    return ledger.stats(year);
  }

  /** See {@link InterviewLedger#stats(LocalDate, LocalDate)}. */
  public InterviewStats stats(LocalDate from, LocalDate to) {
    return ledger.stats(from, to);
  }

  /** See {@link InterviewLedger#heldBetween}. */
  public List<InterviewView> heldBetween(LocalDate from, LocalDate to) {
    return ledger.heldBetween(from, to);
  }
}
