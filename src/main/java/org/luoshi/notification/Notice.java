package org.luoshi.notification;

/**
 * What to tell people: a type (ITEM_ISSUED, ITEM_OVERDUE, …), a Chinese title and body, a link to
 * the thing it is about, and a key that identifies this notice (for example
 * {@code ITEM_OVERDUE:ZR-2026-0001:2026-12-01}): sending the same key to the same person again
 * writes nothing, so a retried job never notifies twice.
 */
public record Notice(String type, String title, String body, String link, String key) {

  public Notice {
    if (type == null || title == null || key == null) {
      throw new IllegalArgumentException("type, title and key are required");
    }
  }
}
