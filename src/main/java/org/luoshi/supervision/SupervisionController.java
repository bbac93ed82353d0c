package org.luoshi.supervision;

import jakarta.validation.Valid;
import java.net.URI;
import org.luoshi.common.Texts;
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

/** /api/supervisions: start a supervision, read one, the list, the problem ledger and the period counts. */
@RestController
@RequestMapping("/api/supervisions")
class SupervisionController {

  private final Supervisions service;
  private final SupervisionLedger ledger;
  private final CurrentUser user;

  SupervisionController(Supervisions service, SupervisionLedger ledger, CurrentUser user) {
    this.service = service;
    this.ledger = ledger;
    this.user = user;
  }

  /** The office starts a supervision: 201 {id, processInstanceId}. */
  @PostMapping
  ResponseEntity<Supervisions.Started> start(@Valid @RequestBody SupervisionRequest request) {
    if (!user.isOffice() && !user.isAdmin()) {
      throw DomainException.forbidden("只有督查室可以发起督查");
    }
    var started = service.start(request);
    return ResponseEntity.created(URI.create("/api/supervisions/" + started.id())).body(started);
  }

  @GetMapping("/{id}")
  SupervisionView get(@PathVariable long id) {
    return ledger.view(id);
  }

  @GetMapping
  PageResult<SupervisionSummary> list(
      @RequestParam(required = false) String method,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String unitCode,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return ledger.list(parse(SupervisionMethod.class, "method", method), year, Texts.blankToNull(unitCode),
        parse(SupervisionStatus.class, "status", status), page, size);
  }

  @GetMapping("/problems")
  PageResult<ProblemView> problems(
      @RequestParam(required = false) String unitCode,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) Long supervisionId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return ledger.problems(Texts.blankToNull(unitCode), parse(ProblemStatus.class, "status", status), overdue, year,
        supervisionId, page, size);
  }

  @GetMapping("/stats")
  SupervisionStats stats(@RequestParam(required = false) Integer year,
      @RequestParam(required = false) Integer quarter) {
    return ledger.stats(year != null ? year : Time.today().getYear(), quarter);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid(field, "不是可选的值：" + value);
    }
  }
}
