package org.luoshi.notification;

/** Fits keys and texts into their columns: long keys keep a prefix and a hash, so they stay distinct. */
final class Keys {

  private Keys() {}

  static String fit(String value, int max) {
    if (value == null || value.length() <= max) {
      return value;
    }
    String hash = "#" + Integer.toHexString(value.hashCode());
    return value.substring(0, max - hash.length()) + hash;
  }
}
