package org.luoshi.item;

import org.luoshi.common.DomainException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may see and work on an item, for capabilities that hang things on items (attachments): the
 * item's parties as a read model, checked against the ledger's visibility rule.
 */
@Component
public class ItemAccess {

  /** An item's code, title, status and the people and units answerable for it. */
  public record ItemParties(String code, String title, ItemStatus status, String unitCode, String leadLeader,
      String responsiblePerson) {}

  private final ItemRepository items;
  private final Items service;

  ItemAccess(ItemRepository items, Items service) {
    this.items = items;
    this.service = service;
  }

  /** The item if the viewer may see it: 404 for an unknown code, 403 for someone else's item (as GET /api/items/{code}). */
  @Transactional(readOnly = true)
  public ItemParties visible(String code, Viewer viewer) {
    Item item = items.findByCode(code).orElseThrow(() -> DomainException.notFound("没有这个事项：" + code));
    if (!service.canSee(item, viewer)) {
      throw DomainException.forbidden("无权查看此事项：" + code);
    }
    return parties(item);
  }

  /** Whether the viewer may see the item; false for an unknown code. */
  @Transactional(readOnly = true)
  public boolean canSee(String code, Viewer viewer) {
    return items.findByCode(code).map(i -> service.canSee(i, viewer)).orElse(false);
  }

  private static ItemParties parties(Item i) {
    return new ItemParties(i.getCode(), i.getTitle(), i.getStatus(), i.getUnitCode(), i.getLeadLeader(),
        i.getResponsiblePerson());
  }
}
