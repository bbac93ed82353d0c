package org.luoshi.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
  /** A leader's score further than this from the office's needs a reason and the principal's review. */
  public static final BigDecimal MAX_LEVEL_DIFFERENCE = BigDecimal.TEN;

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
