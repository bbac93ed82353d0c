package org.luoshi.ledger;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Luoshi's own pages for leaders and the office (台账): the ledger with the seed's figures, one
 * item with its whole history, rankings, the problem ledger and the calibration report. Static
 * pages that read /api with the Tasklist login of the browser.
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
}
