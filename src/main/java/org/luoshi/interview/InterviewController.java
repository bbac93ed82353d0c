package org.luoshi.interview;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.luoshi.engine.Time;
import org.luoshi.identity.CurrentUser;
import org.luoshi.common.DomainException;
import org.luoshi.common.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/interviews: start (the office and county-level leaders), list and read (the office,
 * principal leaders and admins all; others the interviews they conduct, started or are
 * interviewed in), statistics, cancel (the office).
 */
@RestController
@RequestMapping("/api/interviews")
class InterviewController {

  /** The body of POST /api/interviews: the start variables of DESIGN.md 4.2. */
  record StartInterview(
      InterviewTrigger trigger,
      InterviewMethod method,
      String interviewer,
      List<String> interviewees,
      OffsetDateTime scheduledAt,
      String place,
      String subject,
      String relatedItemCode,
      String followUpOf) {}

  record Started(String id, String processInstanceId, InterviewStatus status, InterviewMethod method,
      OffsetDateTime scheduledAt) {}

  record Cancel(String reason) {}

  private final Interviews interviews;
  private final InterviewFigures figures;
  private final CurrentUser user;

  InterviewController(Interviews interviews, InterviewFigures figures, CurrentUser user) {
    this.interviews = interviews;
    this.figures = figures;
    this.user = user;
  }

  @PostMapping
  ResponseEntity<Started> start(@RequestBody StartInterview body) {
    var view = interviews.start(new InterviewRequest(body.trigger(), body.method(), body.interviewer(),
        body.interviewees(), body.scheduledAt(), body.place(), body.subject(), body.relatedItemCode(),
        body.followUpOf(), user.id()));
    return ResponseEntity.created(URI.create("/api/interviews/" + view.id()))
        .body(new Started(view.id(), view.processInstanceId(), view.status(), view.method(), view.scheduledAt()));
  }

  @GetMapping
  PageResult<InterviewView> list(
      @RequestParam(required = false) String relatedItemCode,
      @RequestParam(required = false) String interviewee,
      @RequestParam(required = false) String interviewer,
      @RequestParam(required = false) InterviewStatus status,
      @RequestParam(required = false) Integer year,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return interviews.list(new InterviewFilter(relatedItemCode, interviewee, interviewer, status, year),
        user.id(), user.seesEverything(), page, size);
  }

  @GetMapping("/stats")
  InterviewStats stats(@RequestParam(required = false) Integer year) {
    checkMaySeeStats();
    return interviews.stats(year == null ? Time.today().getYear() : year);
  }

  /** Sessions held per month by interviewer level (the charts of the ledger and Cockpit). */
  @GetMapping("/stats/monthly")
  InterviewFigures.Monthly monthly(@RequestParam(required = false) Integer year) {
    checkMaySeeStats();
    return figures.monthly(year == null ? Time.today().getYear() : year);
  }

  private void checkMaySeeStats() {
    if (!user.seesEverything() && !user.isLeader()) {
      throw DomainException.forbidden("约谈统计仅供督查室和区级领导查看");
    }
  }

  @GetMapping("/{id}")
  InterviewView get(@PathVariable String id) {
    return interviews.viewFor(id, user.id(), user.seesEverything());
  }

  @PostMapping("/{id}/cancel")
  InterviewView cancel(@PathVariable String id, @RequestBody Cancel body) {
    if (!user.isOffice() && !user.isAdmin()) {
      throw DomainException.forbidden("只有督查室可以取消约谈");
    }
    return interviews.cancel(id, body.reason(), user.id());
  }
}
