package org.luoshi.interview;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luoshi.common.DomainException;
import org.luoshi.engine.Time;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Interviews held per month of a year by interviewer level (县级领导 / 部门单位), for the charts: the
 * sessions {@code GET /api/interviews/stats} counts (held or recorded, at least one interviewee
 * attended), month by Beijing month, in one statement.
 */
@Service
public class InterviewFigures {

  private static final List<InterviewStatus> HELD = List.of(InterviewStatus.HELD, InterviewStatus.RECORDED);

  private final EntityManager em;

  InterviewFigures(EntityManager em) {
    this.em = em;
  }

  /** One month: sessions held in it per level (every level present, zero where none). */
  public record Month(int month, Map<InterviewerLevel, Long> sessions) {}

  /** {@code levels}: each level's Chinese label, in the order the chart stacks them. */
  public record Monthly(int year, Map<InterviewerLevel, String> levels, List<Month> months) {}

  @Transactional(readOnly = true)
  public Monthly monthly(int year) {
    if (year < 2000 || year > 2100) {
      throw DomainException.invalid("year", "年份应在 2000 到 2100 之间");
    }
    StringBuilder jpql = new StringBuilder("select i.interviewerLevel");
    for (int m = 1; m <= 12; m++) {
      jpql.append(", sum(case when i.heldAt >= :m").append(m).append(" and i.heldAt < :m").append(m + 1)
          .append(" then 1 else 0 end)");
    }
    jpql.append(" from Interview i where i.heldAt >= :m1 and i.heldAt < :m13 and i.status in :held")
        .append(" and exists (select j.id from Interview j join j.participants p where j = i and p.attended = true)")
        .append(" group by i.interviewerLevel");
    var query = em.createQuery(jpql.toString(), Object[].class).setParameter("held", HELD);
    for (int m = 1; m <= 13; m++) {
      query.setParameter("m" + m, startOf(m == 13 ? LocalDate.of(year + 1, 1, 1) : LocalDate.of(year, m, 1)));
    }
    Map<InterviewerLevel, long[]> byLevel = new EnumMap<>(InterviewerLevel.class);
    for (InterviewerLevel level : InterviewerLevel.values()) {
      byLevel.put(level, new long[12]);
    }
    for (Object[] row : query.getResultList()) {
      long[] n = byLevel.get((InterviewerLevel) row[0]);
      for (int m = 0; m < 12; m++) {
        n[m] = row[1 + m] == null ? 0 : ((Number) row[1 + m]).longValue();
      }
    }
    List<Month> months = new ArrayList<>();
    for (int m = 0; m < 12; m++) {
      Map<InterviewerLevel, Long> sessions = new EnumMap<>(InterviewerLevel.class);
      for (InterviewerLevel level : InterviewerLevel.values()) {
        sessions.put(level, byLevel.get(level)[m]);
      }
      months.add(new Month(m + 1, sessions));
    }
    Map<InterviewerLevel, String> levels = new LinkedHashMap<>();
    for (InterviewerLevel level : InterviewerLevel.values()) {
      levels.put(level, level.label());
    }
    return new Monthly(year, levels, months);
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(Time.ZONE).toInstant();
  }
}
