package org.luoshi.item;

import jakarta.validation.Valid;
import java.net.URI;
import org.luoshi.common.Bounded;
import org.luoshi.identity.CurrentUser;
import org.luoshi.interview.InterviewView;
import org.luoshi.interview.Interviews;
import org.luoshi.item.ItemViews.Created;
import org.luoshi.item.ItemViews.ItemDetail;
import org.luoshi.item.ItemViews.ItemSummary;
import org.luoshi.item.ItemViews.Stats;
import org.luoshi.engine.Time;
import org.luoshi.common.DomainException;
import org.luoshi.common.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** /api/items (issue, ledger, one item with its history) and /api/stats. */
@RestController
class ItemController {

  private final Items items;

  private final ItemLedger itemLedger;

  private final ItemSteps steps;
  private final Interviews interviews;
  private final CurrentUser user;
  private final ItemLookup lookup;
  private final ItemInstructions instructions;

  ItemController(Items items, ItemLedger itemLedger, ItemSteps steps, Interviews interviews, CurrentUser user, ItemLookup lookup,
      ItemInstructions instructions) {
    this.items = items;
    this.itemLedger = itemLedger;
    this.steps = steps;
    this.interviews = interviews;
    this.user = user;
    this.lookup = lookup;
    this.instructions = instructions;
  }

  /** Issues an item (the office; a unit may break its own item down into sub-items). */
  @PostMapping("/api/items")
  ResponseEntity<Created> create(@Valid @RequestBody(required = false) IssueRequest request) {
    if (request == null) {
      throw DomainException.invalid(null, "缺少请求体");
    }
    Created created = items.create(request, user.id());
    return ResponseEntity.created(URI.create("/api/items/" + created.code())).body(created);
  }

  @GetMapping("/api/items")
  PageResult<ItemSummary> ledger(
      @RequestParam(required = false) String unitCode,
      @RequestParam(required = false) ItemStatus status,
      @RequestParam(required = false) ItemSource source,
      @RequestParam(required = false) ItemCategory category,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) Light light,
      @RequestParam(required = false) String leadLeader,
      @RequestParam(required = false) String responsiblePerson,
      @RequestParam(required = false) String parentCode,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      @RequestParam(required = false) String coUnitCode) {
    return itemLedger.ledger(new LedgerQuery(blank(unitCode), status, source, category, overdue, light, blank(leadLeader),
        blank(responsiblePerson), blank(parentCode), year, blank(q), page, size, blank(coUnitCode)), Viewer.of(user));
  }

  /** A progress report outside the monthly cycle (the first one answers a leader's instruction). */
  @Bounded(scope = "responsibility-item")
  record ProgressRequest(java.math.BigDecimal progressPercent, String progressNote) {}

  @PostMapping("/api/items/{code}/progress")
  ItemSummary progress(@PathVariable String code, @Valid @RequestBody(required = false) ProgressRequest request) {
    if (request == null) {
      throw DomainException.invalid(null, "缺少请求体");
    }
    return steps.reportProgressNowSummary(code, request.progressPercent(), request.progressNote(), user.id());
  }

  /**
   * An item with its history, the leaders' instructions on it and the accountability interviews
   * about it that the caller may see.
   */
  record ItemWithInterviews(@com.fasterxml.jackson.annotation.JsonUnwrapped ItemDetail item,
      java.util.List<ItemInstructions.Instruction> instructions, java.util.List<InterviewView> interviews) {}

  @GetMapping("/api/items/{code}")
  ItemWithInterviews item(@PathVariable String code) {
    ItemDetail detail = itemLedger.detail(code, Viewer.of(user));
    return new ItemWithInterviews(detail, instructions.of(code),
        interviews.forItem(code, user.id(), user.seesEverything()));
  }

  /** The figures with the number of the caller's items that leaders instructed this month (领导批示). */
  record StatsWithInstructions(@com.fasterxml.jackson.annotation.JsonUnwrapped Stats stats, long instructedThisMonth) {}

  /**
   * The seed's figures for a year (default: this year), of the items the caller may see: the
   * district's for the office, principal leaders and administrators, a unit member's own unit, a
   * leader's the items they lead (DESIGN.md §5).
   */
  @GetMapping("/api/stats")
  StatsWithInstructions stats(@RequestParam(required = false) Integer year) {
    Viewer viewer = Viewer.of(user);
    Stats stats = itemLedger.stats(year == null ? Time.today().getYear() : year, viewer);
    java.time.LocalDate month = Time.today().withDayOfMonth(1);
    var instructed = instructions.itemsInstructedBetween(month.atStartOfDay(Time.ZONE).toInstant(),
        month.plusMonths(1).atStartOfDay(Time.ZONE).toInstant());
    return new StatsWithInstructions(stats, lookup.visibleAmong(instructed, viewer).size());
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
