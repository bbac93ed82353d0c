package org.luoshi.identity;

import java.util.List;
import java.util.Map;
import org.luoshi.common.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The units, the people and the caller, for pages, forms and clients: GET /api/units, GET
 * /api/people, GET /api/me.
 */
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

  /**
   * People by name for option lists (ids, names, units; no e-mail): everyone, the members of one of
   * the district's posts ({@code group=leaders}, {@code supervision-office}, {@code principal-leaders}),
   * or of a unit ({@code unitCode=RSJ}). Those who issue items, interviews and supervision (the
   * office, leaders, principal leaders, administrators) may list anyone; unit staff their own
   * unit's members only.
   */
  @GetMapping("/api/people")
  List<DirectoryEntry> people(@RequestParam(required = false) String group,
      @RequestParam(required = false) String unitCode) {
    boolean district = user.seesEverything() || user.isLeader();
    if (group != null && unitCode != null) {
      throw DomainException.invalid("group", "用户组和单位只能选一个");
    }
    if (unitCode != null) {
      if (!district && !user.unitCodes().contains(unitCode)) {
        throw DomainException.forbidden("只能查看本单位的人员");
      }
      if (!organisation.unitExists(unitCode)) {
        throw DomainException.notFound("单位不存在：" + unitCode);
      }
      return organisation.directory(Groups.unit(unitCode));
    }
    if (!district) {
      throw DomainException.forbidden("只能查看本单位的人员");
    }
    if (group != null) {
      if (!POSTS.contains(group)) {
        throw DomainException.invalid("group", "不是可选的用户组：" + group);
      }
      return organisation.directory(group);
    }
    return organisation.directory();
  }

  private static final List<String> POSTS =
      List.of(Groups.LEADERS, Groups.SUPERVISION_OFFICE, Groups.PRINCIPAL_LEADERS);

  @GetMapping("/api/me")
  Map<String, Object> me() {
    return Map.of("id", user.id(), "name", organisation.nameOf(user.id()), "groups", user.groups(),
        "office", user.isOffice(), "leader", user.isLeader(), "principalLeader", user.isPrincipalLeader(),
        "seesEverything", user.seesEverything(), "unitCodes", user.unitCodes());
  }
}
