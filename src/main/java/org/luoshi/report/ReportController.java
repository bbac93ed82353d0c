package org.luoshi.report;

import jakarta.validation.Valid;
import java.net.URI;
import org.luoshi.common.Bounded;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.luoshi.identity.CurrentUser;
import org.luoshi.common.DomainException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/reports: the office starts a report; the office and principal leaders read every report,
 * everyone else the published ones (an unpublished one is not found for them), as JSON, as an
 * HTML page and as an .xlsx.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final Reports reports;
  private final RuntimeService runtime;
  private final CurrentUser user;

  ReportController(Reports reports, RuntimeService runtime, CurrentUser user) {
    this.reports = reports;
    this.runtime = runtime;
    this.user = user;
  }

  @Bounded(scope = ReportVariables.PROCESS_KEY)
  record StartRequest(String kind, String period) {}

  record Started(long id, String processInstanceId, ReportStatus status) {}

  /** The office starts a report of a kind and period: 201 {id, processInstanceId, status}. */
  @PostMapping
  ResponseEntity<Started> start(@Valid @RequestBody(required = false) StartRequest request) {
    if (!user.isOffice() && !user.isAdmin()) {
      throw DomainException.forbidden("只有督查室可以生成季度督查报告和半年通报");
    }
    StartRequest r = request == null ? new StartRequest(null, null) : request;
    ReportPeriod period = ReportPeriod.parse(r.kind(), r.period());
    var instance = runtime.createProcessInstanceByKey(ReportVariables.PROCESS_KEY)
        .setVariable(ReportVariables.KIND, period.kind().name())
        .setVariable(ReportVariables.PERIOD, period.name())
        .executeWithVariablesInReturn();
    long id = ((Number) instance.getVariables().get(ReportVariables.REPORT_ID)).longValue();
    Report report = reports.report(id);
    return ResponseEntity.created(URI.create("/api/reports/" + id))
        .body(new Started(id, instance.getId(), report.getStatus()));
  }

  @GetMapping
  List<ReportView> list(@RequestParam(required = false) String kind, @RequestParam(required = false) Integer year) {
    user.id();
    return reports.list(kind == null || kind.isBlank() ? null : ReportPeriod.kind(kind), year, user.seesEverything());
  }

  @GetMapping("/{id}")
  ReportView get(@PathVariable long id) {
    return view(id);
  }

  @GetMapping("/{id}/html")
  ResponseEntity<String> html(@PathVariable long id) {
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(ReportHtml.render(view(id)));
  }

  @GetMapping("/{id}.xlsx")
  ResponseEntity<byte[]> xlsx(@PathVariable long id) {
    ReportView view = view(id);
    String name = view.title() + (view.issueNumber() == null ? "（" + view.statusLabel() + "）" : "") + ".xlsx";
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return ResponseEntity.ok().contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"report-" + id + ".xlsx\"; filename*=UTF-8''" + encoded)
        .body(ReportXlsx.render(view));
  }

  private ReportView view(long id) {
    user.id();
    return reports.view(reports.visible(id, user.seesEverything()), true);
  }
}
