package org.luoshi.identity;

import java.security.SecureRandom;

/** Random passwords that pass Camunda's default password policy. */
final class Passwords {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  private static final String DIGITS = "23456789";
  private static final String SPECIAL = "-_+=%@";

  private Passwords() {}

  static String generate() {
    String all = UPPER + LOWER + DIGITS;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 14; i++) {
      sb.append(all.charAt(RANDOM.nextInt(all.length())));
    }
    // one of each class the policy asks for, at random places
    insert(sb, UPPER);
    insert(sb, LOWER);
    insert(sb, DIGITS);
    insert(sb, SPECIAL);
    return sb.toString();
  }

  private static void insert(StringBuilder sb, String alphabet) {
    sb.insert(RANDOM.nextInt(sb.length() + 1), alphabet.charAt(RANDOM.nextInt(alphabet.length())));
  }
}
