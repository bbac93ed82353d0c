package org.luoshi.interview;

/**
 * Whether a responsibility item exists, for an interview's {@code relatedItemCode}: a person may
 * only relate an interview to an item there is. Answered by the item capability (which already
 * depends on this one), so interview/ needs nothing of item/.
 */
public interface RelatedItems {

  boolean exists(String itemCode);
}
