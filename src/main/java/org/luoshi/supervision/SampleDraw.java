package org.luoshi.supervision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The random draw of 随机抽查, made so that anyone can repeat it from the record with common tools:
 * every unit code {@code c} of the population gets the rank {@code SHA-256("<seed>:<c>")} (UTF-8,
 * lower-case hex), and the sample is the {@code n} codes of lowest rank, in rank order. The draw
 * does not depend on the order of the population; the seed is a whole number from 0 to 2^53−1
 * (exact in JSON and JavaScript), chosen by the system with a secure random generator unless the
 * office gives one (for example a number drawn in public).
 *
 * <pre>  for c in $(population); do printf '%s %s\n' "$(printf '%s' "$seed:$c" | sha256sum | cut -c1-64)" "$c"; done | sort | head -n $n</pre>
 */
public final class SampleDraw {

  /** The name of the algorithm as recorded in {@link SampleBasis#algorithm()}. */
  public static final String ALGORITHM = "SHA256-RANK";

  /** The rule in words, recorded with every draw. */
  public static final String RULE =
      "对总体中的每个单位代码 c，计算字符串“种子:c”（UTF-8 编码）的 SHA-256 值（小写十六进制），"
          + "按该值从小到大排列，取前 n 个单位作为样本。"
          + " / For each unit code c of the population compute SHA-256 of \"<seed>:<c>\" (UTF-8,"
          + " lower-case hex); the sample is the n codes with the smallest values, in that order.";

  /** The largest seed: 2^53 − 1, the largest whole number JSON readers keep exactly. */
  public static final long MAX_SEED = (1L << 53) - 1;

  private static final SecureRandom RANDOM = new SecureRandom();

  private SampleDraw() {}

  /** Draws {@code size} codes from the population with the seed. */
  public static List<String> draw(long seed, List<String> population, int size) {
    if (size < 1 || size > population.size()) {
      throw new IllegalArgumentException("sample size " + size + " outside 1.." + population.size());
    }
    return population.stream()
        .distinct()
        .map(code -> new Ranked(rank(seed, code), code))
        .sorted(Comparator.comparing(Ranked::rank).thenComparing(Ranked::code))
        .limit(size)
        .map(Ranked::code)
        .toList();
  }

  /** The rank of a unit code under a seed: SHA-256 of "seed:code", lower-case hex. */
  public static String rank(long seed, String code) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest((seed + ":" + code).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /** A fresh seed from a secure random generator, 0 … 2^53 − 1. */
  public static long newSeed() {
    return RANDOM.nextLong() & MAX_SEED;
  }

  private record Ranked(String rank, String code) {}
}
