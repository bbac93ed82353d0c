package org.luoshi.item;

import org.luoshi.engine.Time;
import org.luoshi.identity.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The series the charts draw (ledger statistics, Cockpit dashboard): /api/stats/monthly and
 * /api/stats/lights, each counting only the items the caller may see.
 */
@RestController
class ItemFiguresController {

  private final ItemFigures figures;
  private final CurrentUser user;

  ItemFiguresController(ItemFigures figures, CurrentUser user) {
    this.figures = figures;
    this.user = user;
  }

  /** Per month of a year (default this year): items issued, closed, gone overdue. */
  @GetMapping("/api/stats/monthly")
  ItemFigures.Monthly monthly(@RequestParam(required = false) Integer year) {
    return figures.monthly(year == null ? Time.today().getYear() : year, Viewer.of(user));
  }

  /** Open items issued in a year (default this year) by light now. */
  @GetMapping("/api/stats/lights")
  ItemFigures.Lights lights(@RequestParam(required = false) Integer year) {
    return figures.lights(year == null ? Time.today().getYear() : year, Viewer.of(user));
  }
}
