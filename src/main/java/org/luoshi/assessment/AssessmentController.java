package org.luoshi.assessment;

import jakarta.validation.Valid;
import java.net.URI;
import org.luoshi.common.Bounded;
import java.util.List;
import org.luoshi.identity.CurrentUser;
import org.luoshi.common.DomainException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/assessments: the office starts an assessment; everyone reads the published ones (the office,
 * principal leaders and administrators all of them); a unit's staff appeal against a published
 * result within the window.
 */
@RestController
@RequestMapping("/api/assessments")
class AssessmentController {

  private final Assessments service;
  private final AssessmentLedger ledger;
  private final AssessmentAppeals appeals;
  private final CurrentUser user;

  AssessmentController(Assessments service, AssessmentLedger ledger, AssessmentAppeals appeals,
      CurrentUser user) {
    this.service = service;
    this.ledger = ledger;
    this.appeals = appeals;
    this.user = user;
  }

  @Bounded(scope = "assessment")
  record StartRequest(String period) {}

  @Bounded(scope = "assessment")
  record AppealRequest(Long resultId, String reason) {}

  /** 201 {id, processInstanceId, status}. */
  @PostMapping
  ResponseEntity<Assessments.Started> start(@Valid @RequestBody(required = false) StartRequest request) {
    if (!user.isOffice() && !user.isAdmin()) {
      throw DomainException.forbidden("只有督查室可以发起考核");
    }
    String period = request == null ? null : request.period();
    Assessments.period(period);
    var started = service.start(period.trim());
    return ResponseEntity.created(URI.create("/api/assessments/" + started.id())).body(started);
  }

  @GetMapping
  List<AssessmentSummary> list(@RequestParam(required = false) String period) {
    return ledger.list(period, user.seesEverything());
  }

  /** One run: the results for all who may see it; consequences and appeals as far as they concern the reader. */
  @GetMapping("/{id}")
  AssessmentView get(@PathVariable long id) {
    return ledger.view(id, new AssessmentLedger.Reader(user.seesEverything(),
        user.seesEverything() || user.isLeader(), user.id(), user.unitCodes()));
  }

  /** 201 with the appeal. */
  @PostMapping("/{id}/appeals")
  ResponseEntity<AssessmentView.AppealView> appeal(@PathVariable long id,
      @Valid @RequestBody(required = false) AppealRequest request) {
    // a unit sees (and appeals against) published assessments only
    ledger.view(id, user.seesEverything());
    var appeal = appeals.fileAppeal(id, request == null ? null : request.resultId(),
        request == null ? null : request.reason(), user.id());
    return ResponseEntity.created(URI.create("/api/assessments/" + id)).body(appeal);
  }
}
