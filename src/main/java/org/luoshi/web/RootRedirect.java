package org.luoshi.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** http://localhost:8080/ opens Tasklist, where staff work. */
@Controller
class RootRedirect {

  @GetMapping("/")
  String tasklist() {
    return "redirect:/camunda/app/tasklist/";
  }
}
