package org.luoshi.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.luoshi.scoring.Period;
import org.luoshi.identity.Organisation;
import org.luoshi.item.ItemFigures;
import org.luoshi.item.ReviewLevel;
import org.springframework.stereotype.Service;

/**
 * Beside the calibration report: for each reviewer and level, how the final scores (综合得分) of
 * the closed items they passed in a year spread over five bands, so a reviewer whose items all
 * land in one band stands out in a chart as in the report's flags.
 */
@Service
public class ScoreDistribution {

  /** The bands' labels, lowest first, as the chart's legend shows them. */
  public static final List<String> BANDS = List.of("60 分以下", "60–69 分", "70–79 分", "80–89 分", "90 分及以上");

  private final ItemFigures items;
  private final Organisation organisation;

  ScoreDistribution(ItemFigures items, Organisation organisation) {
    this.items = items;
    this.organisation = organisation;
  }

  public record Reviewer(String reviewer, String reviewerName, ReviewLevel level, String levelName, long items,
      List<Long> bands) {}

  public record Report(int year, List<String> bands, List<Reviewer> reviewers) {}

  public Report report(int year) {
    Period period = Period.parse(String.valueOf(year), "year");
    List<Reviewer> reviewers = new ArrayList<>();
    for (ItemFigures.ReviewerScores r : items.finalScoresByReviewer(period.from(), period.to())) {
      List<Long> bands = new ArrayList<>();
      long total = 0;
      for (long n : r.bands()) {
        bands.add(n);
        total += n;
      }
      reviewers.add(new Reviewer(r.reviewer(), organisation.nameOf(r.reviewer()), r.level(), r.level().label(),
          total, bands));
    }
    reviewers.sort(Comparator.comparing(Reviewer::level).thenComparing(Reviewer::reviewer));
    return new Report(year, BANDS, reviewers);
  }
}
