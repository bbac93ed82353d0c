package org.luoshi.identity;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The units and the caller, for pages and clients: GET /api/units, GET /api/me. */
@RestController
class OrganisationController {

  private final Organisation organisation;
  private final CurrentUser user;

  OrganisationController(Organisation organisation, CurrentUser user) {
    this.organisation = organisation;
    this.user = user;
  }

  @GetMapping("/api/units")
  List<Unit> units() {
    user.id();
    return organisation.units();
  }

  @GetMapping("/api/me")
  Map<String, Object> me() {
    return Map.of("id", user.id(), "name", organisation.nameOf(user.id()), "groups", user.groups(),
        "office", user.isOffice(), "leader", user.isLeader(), "principalLeader", user.isPrincipalLeader(),
        "seesEverything", user.seesEverything(), "unitCodes", user.unitCodes());
  }
}
