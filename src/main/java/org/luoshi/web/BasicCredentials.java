package org.luoshi.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The user and password of an HTTP basic {@code Authorization} header. */
record BasicCredentials(String user, String password) {

  /** The credentials of the header, or null when it is not a well-formed basic one. */
  static BasicCredentials of(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String user(String header) {
    BasicCredentials c = of(header);
    return c == null ? null : c.user();
  }
}
