package org.luoshi.supervision;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The record of a random draw (抽样依据), enough to draw the sample again: the algorithm and its
 * rule, the population as it stood at the draw (unit codes, sorted), the sample size and the seed,
 * when and by whom it was drawn, and whether the seed was given by the office or generated.
 */
public record SampleBasis(
    String algorithm,
    String rule,
    List<String> population,
    int populationSize,
    int sampleSize,
    long seed,
    boolean seedGiven,
    OffsetDateTime drawnAt,
    String drawnBy) {}
