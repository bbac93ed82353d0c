package org.luoshi.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luoshi.scoring.ScoringProperties;
import org.luoshi.scoring.QualityBand;
import org.luoshi.scoring.Period;
import org.luoshi.identity.Organisation;
import org.luoshi.item.ItemService;
import org.luoshi.item.ItemService.ReviewSample;
import org.luoshi.item.ReviewLevel;
import org.springframework.stereotype.Service;

/**
 * The calibration report against central tendency (趋中效应): for each reviewer and level, how
 * their quality scores spread, which bands they use, and how many sit near the district mean. A
 * reviewer is flagged when their spread is below the configured standard deviation or more than
 * the configured share of their scores fall in one band (from {@link #MIN_REVIEWS_TO_FLAG} reviews on).
 */
@Service
public class Calibration {

  /** Fewer reviews than this say too little about a reviewer's habits to flag them. */
  public static final int MIN_REVIEWS_TO_FLAG = 5;
  static final BigDecimal NEAR = BigDecimal.valueOf(5);

  private final ItemService items;
  private final Organisation organisation;
  private final ScoringProperties properties;

  Calibration(ItemService items, Organisation organisation, ScoringProperties properties) {
    this.items = items;
    this.organisation = organisation;
    this.properties = properties;
  }

  public record Report(int year, int reviews, BigDecimal districtMean, BigDecimal districtStandardDeviation,
      BigDecimal minStandardDeviation, BigDecimal maxBandShare, int minReviewsToFlag,
      List<Reviewer> reviewers, List<UnitAverage> units) {}

  public record Reviewer(String reviewer, String reviewerName, ReviewLevel level, String levelName, int count,
      BigDecimal mean, BigDecimal standardDeviation, Map<QualityBand, BigDecimal> bandShares,
      BigDecimal shareNearDistrictMean, boolean flagged, List<String> flags) {}

  public record UnitAverage(String unitCode, String unitName, long closed, BigDecimal averageFinalScore) {}

  public Report report(int year) {
    Period period = Period.parse(String.valueOf(year), "year");
    List<ReviewSample> samples = items.reviewSamples(period.from(), period.to());
    List<BigDecimal> all = samples.stream().map(ReviewSample::score).toList();
    BigDecimal districtMean = mean(all);

    Map<String, List<ReviewSample>> byReviewer = new LinkedHashMap<>();
    samples.forEach(s -> byReviewer.computeIfAbsent(s.reviewer() + "|" + s.level(), k -> new ArrayList<>()).add(s));
    List<Reviewer> reviewers = new ArrayList<>();
    byReviewer.forEach((key, list) -> reviewers.add(reviewer(list, districtMean)));
    reviewers.sort(Comparator.comparing(Reviewer::level).thenComparing(Reviewer::reviewer));

    List<UnitAverage> units = items.closedByUnit(period.from(), period.to()).stream()
        .map(g -> new UnitAverage(g.key(), organisation.unitName(g.key()), g.closed(), g.averageFinalScore()))
        .sorted(Comparator.comparing(UnitAverage::averageFinalScore, Comparator.nullsLast(Comparator.reverseOrder())))
        .toList();
    return new Report(year, samples.size(), districtMean, standardDeviation(all), properties.minStandardDeviation(),
        properties.maxBandShare(), MIN_REVIEWS_TO_FLAG, reviewers, units);
  }

  private Reviewer reviewer(List<ReviewSample> list, BigDecimal districtMean) {
    ReviewSample first = list.get(0);
    List<BigDecimal> scores = list.stream().map(ReviewSample::score).toList();
    int n = scores.size();
    Map<QualityBand, BigDecimal> shares = new EnumMap<>(QualityBand.class);
    Map<QualityBand, Integer> counts = new EnumMap<>(QualityBand.class);
    for (QualityBand b : QualityBand.values()) {
      counts.put(b, 0);
    }
    scores.forEach(s -> counts.merge(QualityBand.of(s), 1, Integer::sum));
    counts.forEach((b, c) -> shares.put(b, share(c, n)));
    long near = scores.stream().filter(s -> s.subtract(districtMean).abs().compareTo(NEAR) <= 0).count();
    BigDecimal sd = standardDeviation(scores);

    List<String> flags = new ArrayList<>();
    if (n >= MIN_REVIEWS_TO_FLAG) {
      if (sd.compareTo(properties.minStandardDeviation()) < 0) {
        flags.add("评分过于集中：标准差 " + sd.toPlainString() + "，低于 " + properties.minStandardDeviation().toPlainString());
      }
      counts.forEach((band, c) -> {
        if (share(c, n).compareTo(properties.maxBandShare()) > 0) {
          flags.add(percent(share(c, n)) + " 的评分落在“" + band.label() + "”档");
        }
      });
    }
    return new Reviewer(first.reviewer(), organisation.nameOf(first.reviewer()), first.level(), first.level().label(),
        n, mean(scores), sd, shares, share((int) near, n), !flags.isEmpty(), flags);
  }

  static BigDecimal mean(List<BigDecimal> values) {
    if (values.isEmpty()) {
      return null;
    }
    BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return sum.divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
  }

  /** Population standard deviation, two decimals. */
  static BigDecimal standardDeviation(List<BigDecimal> values) {
    if (values.isEmpty()) {
      return null;
    }
    double m = values.stream().mapToDouble(BigDecimal::doubleValue).average().orElse(0);
    double variance = values.stream().mapToDouble(v -> Math.pow(v.doubleValue() - m, 2)).sum() / values.size();
    return BigDecimal.valueOf(Math.sqrt(variance)).setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal share(long part, int whole) {
    return whole == 0 ? BigDecimal.ZERO
        : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
  }

  private static String percent(BigDecimal share) {
    return share.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
  }
}
