package org.luoshi.assessment;

import java.math.BigDecimal;

/**
 * What an assessment counts for one unit or person in its period: the average final score of the
 * items closed, how many closed, went overdue, went overdue and are still not done
 * ({@code overdueUncompleted}), were returned (units only) and how often its people were
 * interviewed; and its rank (1 = best, ties share a rank).
 */
public record Figures(SubjectType subjectType, String subjectId, String subjectName, String unitCode,
    BigDecimal averageFinalScore, int closed, int overdue, int overdueUncompleted, int returned, int interviews,
    int rank) {}
