package org.luoshi.supervision;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.luoshi.common.Json;
import org.luoshi.common.Texts;
import org.luoshi.engine.Time;
import org.luoshi.engine.Vars;
import org.luoshi.identity.Organisation;
import org.luoshi.identity.Unit;
import org.luoshi.common.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of supervision (DESIGN.md §4.3): what a valid start is, how the RANDOM sample is drawn
 * and recorded, what a report and its problems must say, and how each problem's rectify / verify
 * loop moves. Called by the process's delegates and listeners, in the engine's transaction, and by
 * POST /api/supervisions.
 */
@Service
public class Supervisions {

  /** The process key of DESIGN.md §4.3. */
  public static final String PROCESS_KEY = "supervision";

  static final int SUBJECT_MAX = 200;
  /** Findings and report: as long as a task variable can be (Camunda keeps strings in varchar(4000)). */
  static final int TEXT_MAX = org.luoshi.common.Inputs.MAX_TEXT;
  static final int DESCRIPTION_MAX = 2000;
  static final int RECTIFICATION_MAX = 4000;
  static final int COMMENT_MAX = 2000;
  static final int PROBLEMS_MAX = 200;
  static final int UNITS_MAX = 500;


  private final SupervisionRepository supervisions;
  private final ProblemRepository problems;
  private final Organisation organisation;
  private final RuntimeService runtime;

  Supervisions(SupervisionRepository supervisions, ProblemRepository problems,
      Organisation organisation, RuntimeService runtime) {
    this.supervisions = supervisions;
    this.problems = problems;
    this.organisation = organisation;
    this.runtime = runtime;
  }

  /** What POST /api/supervisions answers. */
  public record Started(long id, String processInstanceId) {}

  /**
   * Starts a supervision process with the given start variables, as the current user; the process
   * registers it (and draws the sample) in the same transaction, so a bad value writes nothing.
   * The start variables are checked first, so a person's mistake is refused before the engine
   * runs (and is not logged as an engine failure).
   */
  @Transactional
  public Started start(SupervisionRequest request) {
    check(request);
    var instance = runtime.createProcessInstanceByKey(PROCESS_KEY)
        .setVariables(request.toVariables())
        .executeWithVariablesInReturn();
    Object id = instance.getVariables().get(SupervisionVariables.SUPERVISION_ID);
    return new Started(((Number) id).longValue(), instance.getId());
  }

  /** A start that passed its checks: the units are resolved (for RANDOM: the sorted population). */
  private record Checked(SupervisionMethod method, String subject, List<String> units, Integer sampleSize,
      Long sampleSeed) {}

  /** The checks of the start variables; throws the first one broken. */
  private Checked check(SupervisionRequest request) {
    SupervisionMethod method = method(request.method());
    String subject = Texts.text(request.subject(), SupervisionVariables.SUBJECT, "督查主题", SUBJECT_MAX, true);
    List<String> named = resolveUnits(request.unitCodes());
    if (method != SupervisionMethod.RANDOM) {
      if (request.sampleSize() != null) {
        throw DomainException.invalid(SupervisionVariables.SAMPLE_SIZE, "只有随机抽查才填写抽取单位数");
      }
      if (request.sampleSeed() != null) {
        throw DomainException.invalid(SupervisionVariables.SAMPLE_SEED, "只有随机抽查才填写随机种子");
      }
      if (named.isEmpty()) {
        throw DomainException.invalid(SupervisionVariables.UNIT_CODES, "请填写被督查单位");
      }
      return new Checked(method, subject, named, null, null);
    }
    List<String> population = (named.isEmpty() ? organisation.units().stream().map(Unit::code).toList() : named)
        .stream().sorted().toList();
    if (population.isEmpty()) {
      throw DomainException.invalid(SupervisionVariables.UNIT_CODES, "没有可供抽取的单位");
    }
    Integer size = request.sampleSize();
    if (size == null) {
      throw DomainException.invalid(SupervisionVariables.SAMPLE_SIZE, "随机抽查须填写抽取单位数");
    }
    if (size < 1 || size > population.size()) {
      throw DomainException.invalid(SupervisionVariables.SAMPLE_SIZE,
          "抽取单位数应在 1 到 " + population.size() + " 之间：" + size);
    }
    Long seed = request.sampleSeed();
    if (seed != null && (seed < 0 || seed > SampleDraw.MAX_SEED)) {
      throw DomainException.invalid(SupervisionVariables.SAMPLE_SEED,
          "随机种子应在 0 到 " + SampleDraw.MAX_SEED + " 之间：" + seed);
    }
    return new Checked(method, subject, population, size, seed);
  }

  /**
   * Registers a supervision for its process instance: checks the start variables, resolves the
   * units, and for RANDOM draws the sample with a recorded seed and basis.
   */
  @Transactional
  public Supervision register(SupervisionRequest request, String startedBy, String processInstanceId) {
    Checked c = check(request);
    Instant now = Time.now();
    Supervision supervision;
    if (c.method() == SupervisionMethod.RANDOM) {
      boolean seedGiven = c.sampleSeed() != null;
      long seed = seedGiven ? c.sampleSeed() : SampleDraw.newSeed();
      List<String> sample = SampleDraw.draw(seed, c.units(), c.sampleSize());
      var basis = new SampleBasis(SampleDraw.ALGORITHM, SampleDraw.RULE, c.units(), c.units().size(),
          c.sampleSize(), seed, seedGiven, OffsetDateTime.ofInstant(now, Time.ZONE), startedBy);
      supervision = new Supervision(processInstanceId, c.method(), c.subject(), c.units(), sample, startedBy, now,
          Time.today());
      supervision.recordDraw(seed, Json.write(basis));
    } else {
      supervision = new Supervision(processInstanceId, c.method(), c.subject(), c.units(), c.units(), startedBy, now,
          Time.today());
    }
    return supervisions.save(supervision);
  }

  /** The office has inspected: the findings are recorded and the report is next. */
  @Transactional
  public Supervision recordFindings(long supervisionId, String findings) {
    Supervision s = supervision(supervisionId);
    if (s.getStatus() != SupervisionStatus.INSPECTING) {
      throw DomainException.conflict(SupervisionVariables.FINDINGS, "该督查已不在督查阶段：" + s.getStatus().label());
    }
    s.recordFindings(Texts.text(findings, SupervisionVariables.FINDINGS, "督查发现", TEXT_MAX, true), Time.now());
    return s;
  }

  /**
   * The report is written: each problem ({@code unitCode, description, deadline}) becomes a line of
   * the ledger, for one of the inspected units, with a deadline from today on. Without problems the
   * supervision is closed at once.
   */
  @Transactional
  public List<Problem> recordReport(long supervisionId, String report, List<Map<String, Object>> found) {
    Supervision s = supervision(supervisionId);
    if (s.getStatus() != SupervisionStatus.REPORTING) {
      throw DomainException.conflict(SupervisionVariables.REPORT, "该督查不在撰写报告阶段：" + s.getStatus().label());
    }
    String text = Texts.text(report, SupervisionVariables.REPORT, "督查报告", TEXT_MAX, true);
    if (found.size() > PROBLEMS_MAX) {
      throw DomainException.invalid(SupervisionVariables.PROBLEMS, "一份报告最多列 " + PROBLEMS_MAX + " 个问题");
    }
    LocalDate today = Time.today();
    List<Problem> created = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      String field = SupervisionVariables.PROBLEMS + "[" + i + "].";
      String ordinal = "第 " + (i + 1) + " 个问题：";
      Vars vars = Vars.of(found.get(i)).in(PROCESS_KEY);
      String unitCode;
      String descriptionText;
      LocalDate deadline;
      try {
        unitCode = vars.text("unitCode");
        descriptionText = vars.text("description");
        deadline = vars.date("deadline");
      } catch (DomainException e) {
        // a value that cannot be read (too long, a control character, not a date): this problem's field
        throw DomainException.invalid(field + e.field(), ordinal + e.reason());
      }
      if (unitCode == null) {
        throw DomainException.invalid(field + "unitCode", ordinal + "请选择责任单位");
      }
      if (!organisation.unitExists(unitCode)) {
        throw DomainException.invalid(field + "unitCode", ordinal + "没有这个单位：" + unitCode);
      }
      if (!s.getInspectedUnits().contains(unitCode)) {
        throw DomainException.invalid(field + "unitCode",
            ordinal + organisation.unitName(unitCode) + "不是本次督查的被督查单位");
      }
      String description = Texts.text(descriptionText, field + "description",
          "第 " + (i + 1) + " 个问题的问题描述", DESCRIPTION_MAX, true);
      if (deadline == null) {
        throw DomainException.invalid(field + "deadline", ordinal + "请填写整改期限");
      }
      if (deadline.isBefore(today)) {
        throw DomainException.invalid(field + "deadline",
            ordinal + "整改期限不能早于今天（" + today + "）：" + deadline);
      }
      created.add(new Problem(s, i, unitCode, description, deadline, today));
    }
    s.recordReport(text, Time.now(), today, !created.isEmpty());
    List<Problem> saved = problems.saveAll(created);
    s.getProblems().addAll(saved);
    return saved;
  }

  /** The unit reports how it fixed the problem; the office verifies next. */
  @Transactional
  public Problem recordRectification(long problemId, String rectification, String by) {
    Problem p = problem(problemId);
    if (p.getStatus() != ProblemStatus.OPEN) {
      throw DomainException.conflict(SupervisionVariables.RECTIFICATION, "该问题不在待整改状态：" + p.getStatus().label());
    }
    p.rectify(Texts.text(rectification, SupervisionVariables.RECTIFICATION, "整改情况", RECTIFICATION_MAX, true),
        by, Time.now());
    return p;
  }

  /**
   * The office verifies a rectification: verified closes the problem (销号); otherwise it goes back
   * to the unit with the comment, which is then required.
   */
  @Transactional
  public Problem recordVerification(long problemId, boolean verified, String comment, String by) {
    Problem p = problem(problemId);
    if (p.getStatus() != ProblemStatus.RECTIFIED) {
      throw DomainException.conflict(SupervisionVariables.VERIFIED, "该问题不在待核验状态：" + p.getStatus().label());
    }
    String text = Texts.text(comment, SupervisionVariables.VERIFY_COMMENT, "核验意见", COMMENT_MAX, !verified);
    if (verified) {
      p.verify(by, Time.now());
    } else {
      p.reject(text);
    }
    return p;
  }

  /** Every problem is verified: the supervision is closed (办结). */
  @Transactional
  public Supervision close(long supervisionId) {
    Supervision s = supervision(supervisionId);
    var open = s.getProblems().stream().filter(p -> p.getStatus() != ProblemStatus.VERIFIED).toList();
    if (!open.isEmpty()) {
      throw new IllegalStateException("Supervision " + supervisionId + " still has problems not verified: "
          + open.stream().map(Problem::getId).toList());
    }
    s.close(Time.now());
    return s;
  }

  @Transactional(readOnly = true)
  public Supervision supervision(long id) {
    return supervisions.findById(id).orElseThrow(() -> DomainException.notFound("没有这次督查：" + id));
  }

  @Transactional(readOnly = true)
  public Optional<Supervision> byProcessInstance(String processInstanceId) {
    return supervisions.findByProcessInstanceId(processInstanceId);
  }

  @Transactional(readOnly = true)
  public Problem problem(long id) {
    return problems.findById(id).orElseThrow(() -> DomainException.notFound("没有这个督查问题：" + id));
  }

  /** The recorded basis of a RANDOM draw, or null. */
  public SampleBasis sampleBasis(Supervision s) {
    if (s.getSampleBasisJson() == null) {
      return null;
    }
    try {
      return Json.mapper().readValue(s.getSampleBasisJson(), SampleBasis.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable sample basis of supervision " + s.getId(), e);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static SupervisionMethod method(String value) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid(SupervisionVariables.METHOD, "请选择督查方式");
    }
    try {
      return SupervisionMethod.valueOf(value.trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid(SupervisionVariables.METHOD, "不是可选的督查方式：" + value);
    }
  }

  /** Unit codes or exact unit names, resolved to existing unit codes, in the order given. */
  private List<String> resolveUnits(List<String> given) {
    if (given == null || given.isEmpty()) {
      return List.of();
    }
    if (given.size() > UNITS_MAX) {
      throw DomainException.invalid(SupervisionVariables.UNIT_CODES, "一次督查最多 " + UNITS_MAX + " 个单位");
    }
    List<Unit> all = null;
    var codes = new LinkedHashSet<String>();
    for (String g : given) {
      if (g == null || g.isBlank()) {
        continue;
      }
      String value = g.trim();
      if (organisation.unitExists(value)) {
        codes.add(value);
        continue;
      }
      if (all == null) {
        all = organisation.units();
      }
      var byName = all.stream().filter(u -> value.equals(u.name())).toList();
      if (byName.size() != 1) {
        throw DomainException.invalid(SupervisionVariables.UNIT_CODES, "没有这个单位：" + value);
      }
      codes.add(byName.get(0).code());
    }
    return List.copyOf(codes);
  }
}
