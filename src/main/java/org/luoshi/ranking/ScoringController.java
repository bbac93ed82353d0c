package org.luoshi.ranking;

import org.luoshi.scoring.Period;
import org.luoshi.engine.Time;
import org.luoshi.identity.CurrentUser;
import org.luoshi.common.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** /api/scoring: the calibration report and its score distribution (office, principal leaders) and the rankings (everyone). */
@RestController
class ScoringController {

  private final Calibration calibration;
  private final ScoreDistribution distribution;
  private final Rankings rankings;
  private final CurrentUser user;

  ScoringController(Calibration calibration, ScoreDistribution distribution, Rankings rankings, CurrentUser user) {
    this.calibration = calibration;
    this.distribution = distribution;
    this.rankings = rankings;
    this.user = user;
  }

  @GetMapping("/api/scoring/calibration")
  Calibration.Report calibration(@RequestParam(required = false) Integer year) {
    if (!user.seesEverything()) {
      throw DomainException.forbidden("评分校准报告仅供督查室和主要领导查看");
    }
    return calibration.report(year == null ? Time.today().getYear() : year);
  }

  /** Final scores per reviewer in bands, the chart beside the calibration report (same readers). */
  @GetMapping("/api/scoring/distribution")
  ScoreDistribution.Report distribution(@RequestParam(required = false) Integer year) {
    if (!user.seesEverything()) {
      throw DomainException.forbidden("评分校准报告仅供督查室和主要领导查看");
    }
    return distribution.report(year == null ? Time.today().getYear() : year);
  }

  @GetMapping("/api/scoring/rankings")
  Rankings.Result rankings(@RequestParam(required = false) String period) {
    user.id();
    return rankings.rank(Period.parse(period == null ? String.valueOf(Time.today().getYear()) : period, "period"));
  }
}
