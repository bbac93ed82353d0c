package org.luoshi.item;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.luoshi.common.DomainException;
import org.luoshi.engine.Time;
import org.luoshi.identity.Organisation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The item read model for other capabilities (instructions, formal documents): one item's facts,
 * and which items a viewer may see, by the ledger's rule (DESIGN.md §3). They never read the
 * item tables themselves.
 */
@Service
public class ItemLookup {

  private final ItemRepository items;
  private final Items service;
  private final Organisation organisation;

  ItemLookup(ItemRepository items, Items service, Organisation organisation) {
    this.items = items;
    this.service = service;
    this.organisation = organisation;
  }

  /** The item of a code (404 when there is none), whoever asks. */
  @Transactional(readOnly = true)
  public ItemFacts facts(String code) {
    return facts(service.byCode(code));
  }

  /** The item of a code as the viewer may see it: 404 when there is none, 403 when it is someone else's. */
  @Transactional(readOnly = true)
  public ItemFacts visible(String code, Viewer viewer) {
    Item item = service.byCode(code);
    if (!service.canSee(item, viewer)) {
      throw DomainException.forbidden("无权查看此事项：" + code);
    }
    return facts(item);
  }

  /** Those of the given item codes the viewer may see. */
  @Transactional(readOnly = true)
  public Set<String> visibleAmong(Collection<String> codes, Viewer viewer) {
    if (codes.isEmpty()) {
      return Set.of();
    }
    if (viewer.all()) {
      return items.existingCodes(codes).stream().collect(Collectors.toSet());
    }
    List<String> units = viewer.unitCodes().isEmpty() ? List.of("") : viewer.unitCodes();
    return Set.copyOf(items.visibleCodes(codes, viewer.userId(), units));
  }

  private ItemFacts facts(Item i) {
    var today = Time.today();
    return new ItemFacts(i.getCode(), i.getTitle(), i.getSource(), i.getSource().label(), i.getUnitCode(),
        organisation.unitName(i.getUnitCode()), i.getLeadLeader(), organisation.nameOf(i.getLeadLeader()),
        i.getResponsiblePerson(), i.getResponsiblePerson() == null ? null : organisation.nameOf(i.getResponsiblePerson()),
        i.getTarget(), i.getMeasures(), i.getIssuedOn(), i.getDeadline(), i.getOriginalDeadline(), i.isExtended(),
        i.getStatus(), i.getStatus().label(), i.isOverdue(today), i.getOverdueSince(), i.getProgressPercent(),
        i.getProcessInstanceId(), i.getCoUnitCodes());
  }
}
