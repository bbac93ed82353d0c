package org.luoshi.supervision;

import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.luoshi.engine.Time;
import org.luoshi.identity.CurrentUser;
import org.luoshi.identity.Organisation;
import org.luoshi.common.DomainException;
import org.luoshi.common.PageResult;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people may read of supervision: the office, leaders in charge, principal leaders and
 * administrators read everything; a unit's staff read the supervisions that found problems in
 * their unit, only those problems, and not the office's findings or report (an unannounced visit
 * stays unknown to a unit until it is reported with a problem of theirs). Anyone else is refused.
 */
@Service
@Transactional(readOnly = true)
public class SupervisionLedger {

  private final SupervisionRepository supervisions;
  private final ProblemRepository problems;
  private final Supervisions service;
  private final Organisation organisation;
  private final CurrentUser user;

  SupervisionLedger(SupervisionRepository supervisions, ProblemRepository problems, Supervisions service,
      Organisation organisation, CurrentUser user) {
    this.supervisions = supervisions;
    this.problems = problems;
    this.service = service;
    this.organisation = organisation;
    this.user = user;
  }

  /** Who is reading: everything, or the problems of some units. */
  private record Reader(boolean all, List<String> units) {
    boolean sees(String unitCode) {
      return all || units.contains(unitCode);
    }
  }

  private Reader reader() {
    if (user.seesEverything() || user.isLeader()) {
      return new Reader(true, List.of());
    }
    List<String> units = user.unitCodes();
    if (units.isEmpty()) {
      throw DomainException.forbidden("没有权限查看督查台账");
    }
    return new Reader(false, units);
  }

  /** GET /api/supervisions/{id}. */
  public SupervisionView view(long id) {
    Reader reader = reader();
    Supervision s = supervisions.findById(id).orElseThrow(() -> DomainException.notFound("没有这次督查：" + id));
    List<Problem> visible = s.getProblems().stream().filter(p -> reader.sees(p.getUnitCode())).toList();
    if (!reader.all() && visible.isEmpty()) {
      throw DomainException.notFound("没有这次督查：" + id);
    }
    LocalDate today = Time.today();
    UnitNames names = unitNames();
    return new SupervisionView(
        s.getId(), s.getMethod(), s.getMethod().label(), s.getSubject(), s.getUnitCodes(), s.getSample(),
        s.getSampleSeed(), service.sampleBasis(s),
        s.getInspectedUnits().stream()
            .map(c -> new SupervisionView.UnitRef(c, names.of(c))).toList(),
        s.getStatus(), s.getStatus().label(),
        reader.all() ? s.getFindings() : null,
        reader.all() ? s.getReport() : null,
        visible.stream().map(p -> problemView(p, s, today, names)).toList(),
        s.getProcessInstanceId(), s.getStartedBy(), Time.at(s.getStartedAt()), Time.at(s.getInspectedAt()),
        Time.at(s.getReportedAt()), Time.at(s.getClosedAt()));
  }

  /** GET /api/supervisions: newest first, filtered by method, year started, inspected unit, status. */
  public PageResult<SupervisionSummary> list(SupervisionMethod method, Integer year, String unitCode,
      SupervisionStatus status, int page, int size) {
    PageResult.check(page, size);
    Reader reader = reader();
    Specification<Supervision> spec = (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      if (method != null) {
        where.add(cb.equal(root.get("method"), method));
      }
      if (status != null) {
        where.add(cb.equal(root.get("status"), status));
      }
      if (year != null) {
        where.add(cb.between(root.get("startedOn"), firstDay(year), lastDay(year)));
      }
      if (unitCode != null) {
        where.add(cb.isMember(unitCode, root.<List<String>>get("inspectedUnits")));
      }
      if (!reader.all()) {
        Subquery<Long> mine = query.subquery(Long.class);
        var p = mine.from(Problem.class);
        mine.select(p.get("id")).where(cb.equal(p.get("supervision"), root), p.get("unitCode").in(reader.units()));
        where.add(cb.exists(mine));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
    Page<Supervision> result = supervisions.findAll(spec,
        PageRequest.of(page, size, Sort.by(Sort.Order.desc("startedAt"), Sort.Order.desc("id"))));
    Map<Long, long[]> counts = problemCounts(result.getContent().stream().map(Supervision::getId).toList(), reader);
    return PageResult.of(result, s -> {
      long[] c = counts.getOrDefault(s.getId(), new long[2]);
      return new SupervisionSummary(s.getId(), s.getMethod(), s.getMethod().label(), s.getSubject(),
          s.getUnitCodes(), s.getSample(), s.getStatus(), s.getStatus().label(), s.getStartedOn(),
          s.getReportedOn(), c[0], c[1], s.getProcessInstanceId());
    });
  }

  /** Per supervision: {all problems, problems not verified}, of the units the reader sees. */
  private Map<Long, long[]> problemCounts(List<Long> ids, Reader reader) {
    Map<Long, long[]> counts = new HashMap<>();
    if (ids.isEmpty()) {
      return counts;
    }
    var rows = reader.all() ? problems.countBySupervision(ids) : problems.countBySupervision(ids, reader.units());
    for (Object[] row : rows) {
      long[] c = counts.computeIfAbsent(((Number) row[0]).longValue(), k -> new long[2]);
      long n = ((Number) row[2]).longValue();
      c[0] += n;
      if (row[1] != ProblemStatus.VERIFIED) {
        c[1] += n;
      }
    }
    return counts;
  }

  /**
   * GET /api/supervisions/problems: the problem ledger, newest first, filtered by unit, status,
   * overdue, the year found and the supervision. A unit's staff see their unit's problems only.
   */
  public PageResult<ProblemView> problems(String unitCode, ProblemStatus status, Boolean overdue, Integer year,
      Long supervisionId, int page, int size) {
    PageResult.check(page, size);
    Reader reader = reader();
    if (unitCode != null && !reader.sees(unitCode)) {
      throw DomainException.forbidden("只能查看本单位的督查问题");
    }
    LocalDate today = Time.today();
    Specification<Problem> spec = (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      if (unitCode != null) {
        where.add(cb.equal(root.get("unitCode"), unitCode));
      } else if (!reader.all()) {
        where.add(root.get("unitCode").in(reader.units()));
      }
      if (status != null) {
        where.add(cb.equal(root.get("status"), status));
      }
      if (year != null) {
        where.add(cb.between(root.get("foundOn"), firstDay(year), lastDay(year)));
      }
      if (supervisionId != null) {
        where.add(cb.equal(root.get("supervision").get("id"), supervisionId));
      }
      if (overdue != null) {
        Predicate late = cb.and(cb.equal(root.get("status"), ProblemStatus.OPEN),
            cb.lessThan(root.get("deadline"), today));
        where.add(overdue ? late : cb.not(late));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
    Page<Problem> result = problems.findAll(spec,
        PageRequest.of(page, size, Sort.by(Sort.Order.desc("foundOn"), Sort.Order.desc("id"))));
    UnitNames names = unitNames();
    return PageResult.of(result, p -> problemView(p, p.getSupervision(), today, names));
  }

  /**
   * GET /api/supervisions/stats: the counts of a year, or of one quarter of it. For the office,
   * leaders and principal leaders.
   */
  public SupervisionStats stats(int year, Integer quarter) {
    if (!reader().all()) {
      throw DomainException.forbidden("督查统计仅供督查室和区级领导查看");
    }
    if (year < 2000 || year > 2100) {
      throw DomainException.invalid("year", "年份不正确：" + year);
    }
    if (quarter != null && (quarter < 1 || quarter > 4)) {
      throw DomainException.invalid("quarter", "季度应为 1 到 4：" + quarter);
    }
    return figures(year, quarter);
  }

  /**
   * The counts of {@link #stats} without asking who reads them, for other capabilities that
   * decide that themselves (the periodic reports).
   */
  public SupervisionStats figures(int year, Integer quarter) {
    LocalDate from = quarter == null ? firstDay(year) : LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    LocalDate to = quarter == null ? lastDay(year) : from.plusMonths(3).minusDays(1);
    LocalDate today = Time.today();

    Map<SupervisionMethod, Long> byMethod = new EnumMap<>(SupervisionMethod.class);
    for (SupervisionMethod m : SupervisionMethod.values()) {
      byMethod.put(m, 0L);
    }
    long inspections = 0;
    for (Object[] row : supervisions.countByMethod(from, to)) {
      long n = ((Number) row[1]).longValue();
      byMethod.put((SupervisionMethod) row[0], n);
      inspections += n;
    }

    Map<String, long[]> units = new TreeMap<>(); // unit → {inspections, open, rectified, verified, overdue}
    for (Object[] row : supervisions.countByUnit(from, to)) {
      units.computeIfAbsent((String) row[0], k -> new long[5])[0] = ((Number) row[1]).longValue();
    }
    for (Object[] row : problems.countByUnitAndStatus(from, to)) {
      long[] c = units.computeIfAbsent((String) row[0], k -> new long[5]);
      c[1 + ((ProblemStatus) row[1]).ordinal()] += ((Number) row[2]).longValue();
    }
    for (Object[] row : problems.countOverdueByUnit(from, to, today)) {
      units.computeIfAbsent((String) row[0], k -> new long[5])[4] = ((Number) row[1]).longValue();
    }
    long[] total = new long[5];
    List<SupervisionStats.UnitStats> byUnit = new ArrayList<>();
    UnitNames names = unitNames();
    units.forEach((code, c) -> {
      for (int i = 1; i < 5; i++) {
        total[i] += c[i];
      }
      byUnit.add(new SupervisionStats.UnitStats(code, names.of(code), c[0], counts(c)));
    });
    return new SupervisionStats(year, quarter, from, to, inspections, byMethod,
        supervisions.countReports(from, to), counts(total), byUnit);
  }

  private static SupervisionStats.ProblemCounts counts(long[] c) {
    return new SupervisionStats.ProblemCounts(c[1] + c[2] + c[3], c[1], c[2], c[3], c[4]);
  }

  /** The units' Chinese names, read once per request; a unit since removed shows its code. */
  private record UnitNames(Map<String, String> names) {
    String of(String code) {
      return names.getOrDefault(code, code);
    }
  }

  private UnitNames unitNames() {
    Map<String, String> names = new HashMap<>();
    organisation.units().forEach(u -> names.put(u.code(), u.name()));
    return new UnitNames(names);
  }

  private ProblemView problemView(Problem p, Supervision s, LocalDate today, UnitNames names) {
    return new ProblemView(p.getId(), s.getId(), s.getSubject(), s.getMethod(), p.getUnitCode(),
        names.of(p.getUnitCode()), p.getDescription(), p.getDeadline(), p.getStatus(),
        p.getStatus().label(), p.isOverdue(today), p.getFoundOn(), p.getRectification(), Time.at(p.getRectifiedAt()),
        p.getRectifiedBy(), p.getVerifyComment(), p.getRejections(), Time.at(p.getVerifiedAt()), p.getVerifiedBy());
  }

  private static LocalDate firstDay(int year) {
    return LocalDate.of(year, 1, 1);
  }

  private static LocalDate lastDay(int year) {
    return LocalDate.of(year, 12, 31);
  }
}
