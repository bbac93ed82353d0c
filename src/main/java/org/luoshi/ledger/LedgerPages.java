package org.luoshi.ledger;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Luoshi's own pages (台账): the ledger with the seed's figures, one item with its whole history
 * (and, for its unit, a form to report progress at any time), one interview, one supervision, the
 * inbox, rankings, the problem ledger and the calibration report. Static pages that use /api with
 * the Tasklist login of the browser (writes with the session's CSRF token).
 */
@Controller
class LedgerPages {

  @GetMapping("/ledger")
  String ledger() {
    return "redirect:/ledger/";
  }

  @GetMapping("/ledger/")
  String index() {
    return "forward:/ledger/index.html";
  }

  @GetMapping("/ledger/items/{code}")
  String item(@PathVariable String code) {
    return "forward:/ledger/item.html";
  }

  /** One interview, for the people its notices go to (the JSON is GET /api/interviews/{id}). */
  @GetMapping("/ledger/interviews/{code}")
  String interview(@PathVariable String code) {
    return "forward:/ledger/interview.html";
  }

  /** One supervision and its problems (a unit sees its own problems only, as in the API). */
  @GetMapping("/ledger/supervisions/{id}")
  String supervision(@PathVariable String id) {
    return "forward:/ledger/supervision.html";
  }
}
