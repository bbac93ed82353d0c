package org.luoshi.item;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * Leaders' instructions (领导批示) on items, as the item's views show them: in
 * {@code GET /api/items/{code}} and in {@code GET /api/stats}. Answered by the instruction
 * capability (which depends on this one), so item/ needs nothing of it.
 */
public interface ItemInstructions {

  /** The instructions on an item, oldest first. */
  List<Instruction> of(String itemCode);

  /** The codes of the items instructed in [from, to). */
  Set<String> itemsInstructedBetween(Instant from, Instant to);

  /** One instruction: who wrote it (user id and name), what and when. */
  record Instruction(long id, String author, String authorName, String text, OffsetDateTime createdAt) {}
}
