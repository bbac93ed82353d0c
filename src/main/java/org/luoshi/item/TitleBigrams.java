package org.luoshi.item;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the ledger searches a two-character term through PostgreSQL's bigram index (V119) or by reading
 * titles until the page and the bounded count are full (ItemSpecifications, LedgerPaging). Neither is good for
 * every term: the scan stops early for a term in many titles (污水 in a sixth of them: 18 ms to count 10,001 at
 * 1,000,000 items) but reads every title for a term in few (160 ms to count, 450 ms for the first page), and the
 * index finds few matches at once (0.1 ms) but must collect every match of a common term (36 ms; 300 ms for a
 * piece in every title, when PostgreSQL then filters each row through the function). So the choice is made per
 * term from PostgreSQL's statistics of the index: its most common pieces with their share of the items, every
 * other piece rarer than the least common of them. The costs per row and per match were measured on
 * PostgreSQL 15 (bench/README.md); on another database the scan is the only way.
 */
@Component
class TitleBigrams {

  /** Statistics are read again at most this often (ANALYZE changes them, a few times a day at most). */
  private static final Duration STATISTICS_AGE = Duration.ofMinutes(10);
  /** Measured costs (µs): a title read by the scan, by the ledger's page order, a match through the index. */
  private static final double SCAN_ROW = 0.16;
  private static final double PAGE_ROW = 0.45;
  private static final double INDEX_MATCH = 6.3;
  private static final int PAGE = 20;

  private final JdbcTemplate jdbc;
  private final boolean postgres;
  private final int countLimit;
  private final Clock clock;
  private volatile Statistics statistics;

  /** Each piece's share of the items; {@code rarest} the share of any piece not listed; {@code items} the rows. */
  record Statistics(Map<String, Double> shares, double rarest, double items, Instant read) {}

  @Autowired
  TitleBigrams(JdbcTemplate jdbc, EntityManager entities,
      @Value("${luoshi.ledger.count-limit:10000}") int countLimit) {
    this(jdbc, LedgerPaging.postgres(entities), countLimit, Clock.systemUTC());
  }

  TitleBigrams(JdbcTemplate jdbc, boolean postgres, int countLimit, Clock clock) {
    this.jdbc = jdbc;
    this.postgres = postgres;
    this.countLimit = countLimit;
    this.clock = clock;
  }

  /**
   * The piece to search the index for ({@code term} lower-cased), or null when the term is not two characters
   * the index holds or the scan is the cheaper way.
   */
  String indexedPiece(String term) {
    if (!postgres || term == null) {
      return null;
    }
    String piece = piece(term.trim());
    if (piece == null) {
      return null;
    }
    Statistics s = statistics();
    double items = Math.max(s.items(), 1);
    double matches = s.shares().getOrDefault(piece, s.rarest()) * items;
    return indexIsCheaper(matches, items) ? piece : null;
  }

  /**
   * The index's cost (its matches, for the page and the count) against the scan's: the page's rows read in
   * ledger order until it has a page of matches, then the count's until it has the limit + 1 (every row when
   * fewer match).
   */
  boolean indexIsCheaper(double matches, double items) {
    double m = Math.max(matches, 1);
    double page = PAGE_ROW * Math.min(items, PAGE * items / m);
    double count = SCAN_ROW * Math.min(items, (countLimit + 1) * items / m);
    return INDEX_MATCH * matches < page + count;
  }

  /**
   * A trimmed term of two characters as the index holds it: lower-cased, no space; null for anything else, or
   * for a character whose lower case Java and PostgreSQL might not agree on (a cased letter beyond ASCII).
   */
  static String piece(String term) {
    if (term.codePointCount(0, term.length()) != 2) {
      return null;
    }
    StringBuilder piece = new StringBuilder();
    for (int c : term.codePoints().toArray()) {
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        return null;
      }
      boolean caseless = Character.toLowerCase(c) == c && Character.toUpperCase(c) == c;
      if (!caseless && c > 127) {
        return null;
      }
      piece.appendCodePoint(c);
    }
    return piece.toString().toLowerCase(Locale.ROOT);
  }

  private Statistics statistics() {
    Statistics s = statistics;
    Instant now = clock.instant();
    if (s == null || s.read().plus(STATISTICS_AGE).isBefore(now)) {
      s = read(now);
      statistics = s;
    }
    return s;
  }

  /** The index's statistics as ANALYZE left them; without any (never analysed), every piece counts as rare. */
  private Statistics read(Instant now) {
    List<Statistics> rows = jdbc.query("""
        select s.most_common_elems::text::text[] as pieces, s.most_common_elem_freqs as shares, c.reltuples
        from pg_class c
        left join pg_stats s on s.schemaname = (select nspname from pg_namespace n where n.oid = c.relnamespace)
          and s.tablename = 'ls_item_title_bigrams'
        where c.oid = 'ls_item'::regclass
        """, (rs, i) -> {
          Map<String, Double> shares = new HashMap<>();
          double rarest = 0;
          java.sql.Array pieces = rs.getArray("pieces");
          java.sql.Array freqs = rs.getArray("shares");
          if (pieces != null && freqs != null) {
            String[] p = (String[]) pieces.getArray();
            Object[] f = (Object[]) freqs.getArray();
            // the shares of the listed pieces, then the least and the greatest of them and the share of nulls
            rarest = Double.MAX_VALUE;
            for (int k = 0; k < p.length && k < f.length; k++) {
              double share = ((Number) f[k]).doubleValue();
              shares.put(p[k], share);
              rarest = Math.min(rarest, share);
            }
            rarest = shares.isEmpty() ? 0 : rarest;
          }
          return new Statistics(shares, rarest, Math.max(rs.getDouble("reltuples"), 0), now);
        });
    return rows.isEmpty() ? new Statistics(Map.of(), 0, 0, now) : rows.get(0);
  }
}
