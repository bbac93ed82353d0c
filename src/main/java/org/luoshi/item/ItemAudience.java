package org.luoshi.item;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.luoshi.identity.AccessPolicy;
import org.luoshi.identity.Groups;
import org.luoshi.identity.Organisation;
import org.springframework.stereotype.Component;

/**
 * Who hears about an item: {@code audience.of(item).unit().person().office().list()}. Each notice
 * names its people this way, so the rules of DESIGN.md §4.1 ("the unit's staff when issued, the
 * responsible person on every chase, …") read as they are written.
 */
@Component
class ItemAudience {

  private final Organisation organisation;
  private final AccessPolicy access;

  ItemAudience(Organisation organisation, AccessPolicy access) {
    this.organisation = organisation;
    this.access = access;
  }

  Recipients of(Item item) {
    return new Recipients(item);
  }

  final class Recipients {
    private final Item item;
    private final Set<String> people = new LinkedHashSet<>();

    private Recipients(Item item) {
      this.item = item;
    }

    /** The unit's staff. */
    Recipients unit() {
      people.addAll(organisation.unitMembers(item.getUnitCode()));
      return this;
    }

    /** The co-responsible units' (协办单位) staff. */
    Recipients coUnits() {
      for (String coUnit : item.getCoUnitCodes()) {
        people.addAll(organisation.unitMembers(coUnit));
      }
      return this;
    }

    /** The responsible person, once one is named. */
    Recipients person() {
      if (item.getResponsiblePerson() != null) {
        people.add(item.getResponsiblePerson());
      }
      return this;
    }

    /** The responsible person, or the unit's staff before one is named. */
    Recipients personOrUnit() {
      return item.getResponsiblePerson() != null ? person() : unit();
    }

    /** 督查室. */
    Recipients office() {
      people.addAll(access.officeMembers());
      return this;
    }

    /** The leader in charge. */
    Recipients leader() {
      people.add(item.getLeadLeader());
      return this;
    }

    /** 主要领导. */
    Recipients principals() {
      people.addAll(organisation.members(Groups.PRINCIPAL_LEADERS));
      return this;
    }

    List<String> list() {
      return List.copyOf(people);
    }
  }
}
