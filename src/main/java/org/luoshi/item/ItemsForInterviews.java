package org.luoshi.item;

import org.luoshi.interview.RelatedItems;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells interviews which item codes exist (an interview's relatedItemCode). */
@Component
class ItemsForInterviews implements RelatedItems {

  private final ItemRepository items;

  ItemsForInterviews(ItemRepository items) {
    this.items = items;
  }

  @Override
  @Transactional(readOnly = true)
  public boolean exists(String itemCode) {
    return items.findByCode(itemCode).isPresent();
  }
}
