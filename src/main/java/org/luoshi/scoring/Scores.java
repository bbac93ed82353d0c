package org.luoshi.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.luoshi.engine.Privileged;
import org.springframework.stereotype.Service;

/**
 * The 3:7 scoring of the seed's 考核评价: the timeliness score comes from the DMN table
 * {@code timeliness-score} (modellers edit it), the final score from the configured weights.
 */
@Service
public class Scores {

  public static final String TIMELINESS_DECISION = "timeliness-score";
  /**
   * Whether two review levels' scores are too far apart (in closure-route.dmn, where closure-route
   * requires it): the later level must give a reason, and a leader's score so far from the office's
   * goes to the principal leaders.
   */
  public static final String SCORE_JUMP_DECISION = "score-jump";

  private final DecisionService decisions;
  private final Privileged privileged;
  private final ScoringProperties properties;

  Scores(DecisionService decisions, Privileged privileged, ScoringProperties properties) {
    this.decisions = decisions;
    this.privileged = privileged;
    this.properties = properties;
  }

  /** The DMN's timeliness score for a completion {@code daysLate} days after the deadline. */
  public BigDecimal timeliness(long daysLate, boolean extended) {
    Object result = privileged.call(() -> decisions.evaluateDecisionTableByKey(TIMELINESS_DECISION,
            Variables.putValue("daysLate", daysLate).putValue("extended", extended))
        .getSingleResult().getSingleEntry());
    if (!(result instanceof Number n)) {
      throw new IllegalStateException("DMN " + TIMELINESS_DECISION + " gave no score for daysLate="
          + daysLate + ", extended=" + extended);
    }
    return new BigDecimal(n.toString()).setScale(1, RoundingMode.HALF_UP);
  }

  /**
   * The DMN's verdict on two levels' scores {@code difference} apart (either way): whether they are
   * too far apart, and the words that say so for the reviewer (e.g. "相差超过 10 分").
   */
  public ScoreJump scoreJump(BigDecimal difference) {
    Map<String, Object> result = privileged.call(() -> decisions.evaluateDecisionTableByKey(SCORE_JUMP_DECISION,
            Variables.putValue("scoreDifference", difference.abs().doubleValue()))
        .getSingleResult().getEntryMap());
    if (!(result.get("scoresDisagree") instanceof Boolean tooFar)) {
      throw new IllegalStateException("DMN " + SCORE_JUMP_DECISION + " gave no verdict for " + difference);
    }
    Object text = result.get("scoreJumpText");
    return new ScoreJump(tooFar, text == null ? "" : text.toString());
  }

  /** {@link #scoreJump}'s answer. */
  public record ScoreJump(boolean tooFar, String text) {}

  /** w_t × timeliness + w_q × quality, rounded half-up to one decimal. */
  public BigDecimal finalScore(BigDecimal timeliness, BigDecimal quality) {
    return properties.timelinessWeight().multiply(timeliness)
        .add(properties.qualityWeight().multiply(quality))
        .setScale(1, RoundingMode.HALF_UP);
  }

  public ScoringProperties properties() {
    return properties;
  }
}
