package org.luoshi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.luoshi.engine.Time;
import org.luoshi.identity.Groups;
import org.luoshi.item.IssueRequest;
import org.luoshi.item.Items;
import org.luoshi.item.ItemSource;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * DESIGN.md §7 measured in one run (not a test: bench/run starts it and prints its figures).
 *
 * <ul>
 *   <li>A full responsibility-item lifecycle (issue, accept, plan, submit, office verification,
 *       leader review, closed with its score, every notification job run) against a bare Camunda
 *       process with the same five user tasks and no Luoshi code: milliseconds per lifecycle and
 *       SQL statements per task completion, bare and Luoshi interleaved in rounds.
 *   <li>Ledger and stats queries over HTTP (basic auth, JSON, as the ledger pages call them): p50
 *       and p95 for the office and for a unit member.
 *   <li>Both at 1,000 and at 1,000,000 items (the difference loaded straight into ls_item), so the
 *       cost per item can be compared.
 * </ul>
 *
 * Sizes: {@code -Dbench.items=1000000 -Dbench.lifecycles=100 -Dbench.queries=100}. The bars of DESIGN.md §7
 * are printed with MET / NOT MET; they are PostgreSQL's, so a run on another database says so.
 */
@LuoshiIT
@Import(SqlCounter.Config.class)
class ItemBench {

  static final int LARGE = Integer.getInteger("bench.items", 1_000_000);
  /** Rounds of ten lifecycles a side before anything is measured. */
  static final int WARM_UP_ROUNDS = Integer.getInteger("bench.warmUpRounds", 40);
  /** DESIGN.md §7: lifecycle time and SQL per completion against the bare engine. */
  static final double ENGINE_BAR = 1.8;
  static final int SMALL = Math.min(1_000, LARGE);
  static final int LIFECYCLES = Integer.getInteger("bench.lifecycles", 100);
  static final int QUERIES = Integer.getInteger("bench.queries", 100);
  static final int ROUND = 10;
  static final String[] UNITS = {"T1", "T2", "T3", "B04", "B05", "B06", "B07", "B08", "B09", "B10", "B11", "B12",
      "B13", "B14", "B15", "B16"};
  /** The first word of one title in 10,000 of the filler (not one of WORDS): a rare two-character search. */
  static final String RARE_WORD = "拆迁";
  static final String[] WORDS = {"就业", "养老", "道路", "污水", "招商", "教育", "医疗", "住房", "绿化", "消防", "供暖", "扶贫"};

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired ManagementService management;
  @Autowired Items items;
  @Autowired DataSource dataSource;

  final List<String> out = new ArrayList<>();
  final Map<String, Double> figures = new LinkedHashMap<>();

  @Test
  void bench() throws Exception {
    TestOrganisation.create(identity);
    for (String u : UNITS) {
      TestOrganisation.group(identity, Groups.unit(u), "单位" + u, Groups.UNIT_TYPE);
    }
    deployBareProcess();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    String db = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName() + " "
        + c.getMetaData().getDatabaseProductVersion());
    line("database: " + db + "; lifecycles per side: " + LIFECYCLES + "; queries per kind: " + QUERIES);

    // warm up the JIT, caches and both process definitions, each side alike: with 20 Luoshi and 5 bare lifecycles the
    // first measured block (1,000 items) still ran Luoshi's larger code partly interpreted (139–184 ms a lifecycle
    // there against 136–155 ms at 1,000,000 items in the same runs, bench/README.md)
    for (int i = 0; i < WARM_UP_ROUNDS; i++) {
      lifecycles(ROUND, false);
      lifecycles(ROUND, true);
    }
    // -Dbench.profile=luoshi|bare: only that side's lifecycles, 200 of them, for a profiler attached to this JVM
    String profiled = System.getProperty("bench.profile", "");
    if (!profiled.isEmpty()) {
      Side side = lifecycles(200, profiled.equals("bare"));
      report("profile", profiled, side);
      System.out.println(out.get(out.size() - 1));
      return;
    }
    String traced = System.getProperty("bench.sqlTrace", "");
    if (!traced.isEmpty() && !traced.equals("false")) {
      SqlCounter.trace = true;
      lifecycles(1, traced.equals("bare"));
      SqlCounter.trace = false;
      SqlCounter.TRACE.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .forEach(e -> System.out.println("SQL " + e.getValue() + "\t" + e.getKey().substring(0, Math.min(220, e.getKey().length()))));
      // the same statements step by step (the order of the lifecycle: start, then each task completion)
      SqlCounter.PHASES.forEach((phase, texts) -> {
        System.out.println("STEP " + phase + ": " + texts.entrySet().stream().filter(e -> !e.getKey().startsWith("("))
            .mapToInt(Map.Entry::getValue).sum() + " statements, " + texts.getOrDefault("(round trips)", 0) + " round trips, " + texts.getOrDefault("(commit)", 0) + " commits");
        texts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .forEach(e -> System.out.println("STEP " + phase + " " + e.getValue() + "\t"
                + e.getKey().substring(0, Math.min(220, e.getKey().length()))));
      });
      return;
    }
    fill(jdbc, SMALL);
    measure("small", jdbc);
    fill(jdbc, LARGE);
    measure("large", jdbc);

    line("");
    line("== Summary against DESIGN.md §7 (" + db + (db.startsWith("PostgreSQL") ? ")" : "; the bars are PostgreSQL's)"));
    double timeRatio = figures.get("large.luoshi.ms") / figures.get("large.bare.ms");
    double sqlRatio = figures.get("large.luoshi.sqlPerCompletion") / figures.get("large.bare.sqlPerCompletion");
    bar("lifecycle time Luoshi / bare at " + LARGE + " items", timeRatio, ENGINE_BAR, "x");
    double timeRatio1k = figures.get("small.luoshi.ms") / figures.get("small.bare.ms");
    bar("lifecycle time Luoshi / bare at " + SMALL + " items", timeRatio1k, ENGINE_BAR, "x");
    bar("SQL per task completion Luoshi / bare", sqlRatio, ENGINE_BAR, "x");
    double worstP95 = figures.entrySet().stream().filter(e -> e.getKey().startsWith("large.query.") && e.getKey().endsWith(".p95"))
        .mapToDouble(Map.Entry::getValue).max().orElse(Double.NaN);
    bar("worst ledger/stats p95 at " + LARGE + " items", worstP95, 50, " ms");
    bar("time per lifecycle " + LARGE + " / " + SMALL, figures.get("large.luoshi.ms") / figures.get("small.luoshi.ms"), 1.3, "x");
    bar("SQL per lifecycle " + LARGE + " / " + SMALL, figures.get("large.luoshi.sqlPerLifecycle") / figures.get("small.luoshi.sqlPerLifecycle"), 1.05, "x");

    Path file = Path.of("target", "bench", "items.txt");
    Files.createDirectories(file.getParent());
    Files.write(file, out);
    System.out.println("BENCH-RESULTS " + file.toAbsolutePath());
  }

  // --- lifecycles -----------------------------------------------------------------------------

  private void measure(String size, JdbcTemplate jdbc) {
    long count = jdbc.queryForObject("select count(*) from ls_item", Long.class);
    line("");
    line("== " + count + " items in ls_item");
    Side bare = new Side();
    Side luoshi = new Side();
    for (int done = 0; done < LIFECYCLES; done += ROUND) {
      bare.add(lifecycles(ROUND, true));
      luoshi.add(lifecycles(ROUND, false));
    }
    report(size, "bare", bare);
    report(size, "luoshi", luoshi);
    line(String.format("   ratio Luoshi/bare: time %.2fx, SQL per completion %.2fx, round trips %.2fx",
        luoshi.ms() / bare.ms(), luoshi.sqlPerCompletion() / bare.sqlPerCompletion(),
        (double) luoshi.roundTrips / bare.roundTrips));
    queries(size, jdbc);
  }

  private void report(String size, String name, Side s) {
    figures.put(size + "." + name + ".ms", s.ms());
    figures.put(size + "." + name + ".sqlPerCompletion", s.sqlPerCompletion());
    figures.put(size + "." + name + ".sqlPerLifecycle", (double) s.statements / s.lifecycles);
    figures.put(size + "." + name + ".roundTrips", (double) s.roundTrips / s.lifecycles);
    line(String.format("   %-7s %4d lifecycles: %7.1f ms each, %6.1f SQL statements each, %5.1f per task completion (start %.1f),"
        + " %5.1f round trips each, %5.1f ms of the benchmark thread's CPU", name, s.lifecycles, s.ms(),
        (double) s.statements / s.lifecycles, s.sqlPerCompletion(), (double) s.startStatements / s.lifecycles,
        (double) s.roundTrips / s.lifecycles, s.cpuNanos / 1e6 / s.lifecycles));
    line(String.format("   %-7s per step, ms: start %.1f, accept %.1f, plan %.1f, submit %.1f, verify %.1f, review %.1f", "",
        s.stepNanos[0] / 1e6 / s.lifecycles, s.stepNanos[1] / 1e6 / s.lifecycles, s.stepNanos[2] / 1e6 / s.lifecycles,
        s.stepNanos[3] / 1e6 / s.lifecycles, s.stepNanos[4] / 1e6 / s.lifecycles, s.stepNanos[5] / 1e6 / s.lifecycles));
  }

  static final class Side {
    int lifecycles;
    long nanos;
    long statements;
    long startStatements;
    long completions;
    long roundTrips;
    long cpuNanos;
    /** Wall time of the start and of each of the five completions (with the jobs each leaves). */
    final long[] stepNanos = new long[6];

    void add(Side o) {
      for (int i = 0; i < stepNanos.length; i++) {
        stepNanos[i] += o.stepNanos[i];
      }
      cpuNanos += o.cpuNanos;
      roundTrips += o.roundTrips;
      lifecycles += o.lifecycles;
      nanos += o.nanos;
      statements += o.statements;
      startStatements += o.startStatements;
      completions += o.completions;
    }

    double ms() {
      return nanos / 1e6 / lifecycles;
    }

    /** Statements of the task completions (and the jobs they leave) per completion, start excluded. */
    double sqlPerCompletion() {
      return (double) (statements - startStatements) / completions;
    }
  }

  private Side lifecycles(int n, boolean bare) {
    Side side = new Side();
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      long c0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      long s0 = SqlCounter.start();
      long r0 = SqlCounter.roundTrips();
      String pid;
      try {
        SqlCounter.phase = "0 start";
        pid = bare ? startBare() : startItem();
        side.startStatements += SqlCounter.count() - s0;
        side.stepNanos[0] += System.nanoTime() - t0;
        String p = pid;
        timed(side, 1, () -> complete(p, "acceptItem", "t1a", Map.of("accepted", "true")));
        timed(side, 2, () -> complete(p, "planItem", "t1a", Map.of("responsiblePerson", "t1b", "measures", "建立台账，每周调度")));
        timed(side, 3, () -> complete(p, "submitCompletion", "t1b", Map.of("action", "COMPLETE",
            "completedOn", Time.today().toString(), "completionNote", "已完成全年目标")));
        timed(side, 4, () -> complete(p, "verifyCompletion", "office1", Map.of("approved", "true", "qualityScore", 85)));
        timed(side, 5, () -> complete(p, "reviewClosure", "leader1", Map.of("approved", "true", "qualityScore", 85)));
      } finally {
        side.statements += SqlCounter.count() - s0;
        side.roundTrips += SqlCounter.roundTrips() - r0;
        SqlCounter.stop();
      }
      side.nanos += System.nanoTime() - t0;
      side.cpuNanos += java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0;
      side.completions += 5;
      side.lifecycles++;
      if (runtime.createProcessInstanceQuery().processInstanceId(pid).count() != 0) {
        throw new AssertionError("lifecycle did not end: " + pid);
      }
    }
    return side;
  }

  private static void timed(Side side, int step, Runnable r) {
    long t0 = System.nanoTime();
    r.run();
    side.stepNanos[step] += System.nanoTime() - t0;
  }

  private String startItem() {
    String pid = items.create(new IssueRequest(WORDS[(int) (Math.random() * WORDS.length)] + "工作推进",
        ItemSource.KEY_TASK, "T1", "leader1", Time.today().plusDays(60), "按期完成年度目标", null, null, null, null),
        "office1").processInstanceId();
    runJobs();
    return pid;
  }

  private String startBare() {
    return runtime.startProcessInstanceByKey("bench-bare", "BARE-" + System.nanoTime(),
        Map.of("unitCode", "T1", "leadLeader", "leader1", "responsiblePerson", "t1b")).getId();
  }

  private void complete(String pid, String taskKey, String user, Map<String, Object> variables) {
    SqlCounter.phase = (SqlCounter.PHASES.size() + (SqlCounter.PHASES.containsKey("0 start") ? 0 : 1)) + " " + taskKey;
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList());
    try {
      Task task = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(taskKey).singleResult();
      if (task == null) {
        throw new AssertionError("no task " + taskKey + " on " + pid);
      }
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
    runJobs();
  }

  /** What the job executor would do next: every due async continuation. */
  private void runJobs() {
    for (int i = 0; i < 20; i++) {
      List<Job> jobs = management.createJobQuery().messages().executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> management.executeJob(j.getId()));
    }
  }

  private void deployBareProcess() {
    BpmnModelInstance bare = Bpmn.createExecutableProcess("bench-bare")
        .camundaHistoryTimeToLive(180)
        .startEvent()
        .userTask("acceptItem").camundaCandidateGroups("unit-${unitCode}")
        .userTask("planItem").camundaCandidateGroups("unit-${unitCode}")
        .userTask("submitCompletion").camundaAssignee("${responsiblePerson}")
        .userTask("verifyCompletion").camundaCandidateGroups("supervision-office")
        .userTask("reviewClosure").camundaAssignee("${leadLeader}")
        .endEvent()
        .done();
    repository.createDeployment().addModelInstance("bench-bare.bpmn", bare).name("bench").deploy();
  }

  // --- queries --------------------------------------------------------------------------------

  private void queries(String size, JdbcTemplate jdbc) {
    String someCode = jdbc.queryForObject("select min(code) from ls_item where unit_code = 'B07'", String.class);
    Http office = new Http(port).as("office1");
    Http unit = new Http(port).as("t1a");
    int year = Time.today().getYear();
    Map<String, Supplier<Http.Response>> calls = new LinkedHashMap<>();
    calls.put("ledger (office, first page)", () -> office.get("/api/items?page=0&size=20"));
    calls.put("ledger page 50", () -> office.get("/api/items?page=50&size=20"));
    calls.put("ledger unitCode", () -> office.get("/api/items?unitCode=B07"));
    calls.put("ledger status+overdue", () -> office.get("/api/items?status=IN_PROGRESS&overdue=true"));
    calls.put("ledger light=RED", () -> office.get("/api/items?light=RED"));
    calls.put("ledger light=YELLOW", () -> office.get("/api/items?light=YELLOW"));
    calls.put("ledger leadLeader", () -> office.get("/api/items?leadLeader=leader2"));
    calls.put("ledger q (title search)", () -> office.get("/api/items?q=" + java.net.URLEncoder.encode("污水", java.nio.charset.StandardCharsets.UTF_8)));
    // a rare term of three or more characters (about ten items at any size): PostgreSQL's trigram index
    calls.put("ledger q (rare term)", () -> office.get("/api/items?q=" + java.net.URLEncoder.encode("第1000012", java.nio.charset.StandardCharsets.UTF_8)));
    // a rare two-character term (one title in 10,000; no trigram): the bigram index when PostgreSQL's statistics
    // say it is rare (TitleBigrams)
    calls.put("ledger q (rare two characters)", () -> office.get("/api/items?q=" + java.net.URLEncoder.encode(RARE_WORD, java.nio.charset.StandardCharsets.UTF_8)));
    calls.put("ledger year", () -> office.get("/api/items?year=" + (year - 1)));
    calls.put("ledger (unit member)", () -> unit.get("/api/items"));
    calls.put("item detail", () -> office.get("/api/items/" + someCode));
    calls.put("stats year", () -> office.get("/api/stats?year=" + year));
    line(String.format("   %-30s %8s %8s %8s", "query (HTTP, " + QUERIES + " calls)", "p50 ms", "p95 ms", "max ms"));
    calls.forEach((name, call) -> {
      for (int i = 0; i < 10; i++) {
        check(name, call.get());
      }
      double[] ms = new double[QUERIES];
      for (int i = 0; i < QUERIES; i++) {
        long t0 = System.nanoTime();
        Http.Response r = call.get();
        ms[i] = (System.nanoTime() - t0) / 1e6;
        check(name, r);
      }
      java.util.Arrays.sort(ms);
      double p50 = ms[(int) Math.ceil(0.50 * ms.length) - 1];
      double p95 = ms[(int) Math.ceil(0.95 * ms.length) - 1];
      figures.put(size + ".query." + name + ".p95", p95);
      line(String.format("   %-30s %8.1f %8.1f %8.1f", name, p50, p95, ms[ms.length - 1]));
    });
  }

  private static void check(String name, Http.Response r) {
    if (r.status() != 200) {
      throw new AssertionError(name + ": " + r);
    }
  }

  // --- data -----------------------------------------------------------------------------------

  /**
   * Loads items straight into ls_item until it holds {@code target} rows: ten years of items across
   * sixteen units, two leaders, every status, some overdue and some instructions, issued in the order
   * of their ids (a table that grew over ten years, so a year's items lie together) and done when
   * issued more than two years ago, with codes
   * ZR-<year>-9xxxxxx that the code counter never hands out. On PostgreSQL one
   * {@code insert … select … from generate_series} per 100,000 rows (1,000,000 items in about a
   * minute); elsewhere batched inserts.
   */
  private void fill(JdbcTemplate jdbc, int target) {
    long have = jdbc.queryForObject("select count(*) from ls_item", Long.class);
    if (have >= target) {
      return;
    }
    long t0 = System.nanoTime();
    int toAdd = (int) (target - have);
    String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
    if ("PostgreSQL".equals(product)) {
      fillPostgres(jdbc, have, toAdd);
      // as autovacuum leaves a table in steady use: statistics, and the visibility map that lets counts
      // come from an index alone
      jdbc.execute("vacuum analyze ls_item");
    } else {
      fillBatched(jdbc, have, toAdd);
    }
    line("");
    line(String.format("loaded %d items into ls_item in %.1f s", toAdd, (System.nanoTime() - t0) / 1e9));
  }

  private static final String[] STATUSES = {"CLOSED", "CLOSED", "CLOSED", "IN_PROGRESS", "IN_PROGRESS", "CLOSING",
      "ISSUED", "RETURNED", "CANCELLED"};
  private static final String[] SOURCES = {"KEY_TASK", "KEY_TASK", "DECISION", "COMMITTEE", "INSTRUCTION"};
  private static final String[] CATEGORIES = {"ECONOMY", "PROJECTS", "GOVERNANCE", "POVERTY", "PARTY_BUILDING", "OTHER"};
  private static final String[] LEADERS = {"leader1", "leader2"};
  private static final int YEARS = 10;
  /** Items issued longer ago than this are done (closed or cancelled), as in a real ledger. */
  private static final int OPEN_FOR_DAYS = 730;

  /**
   * The same distribution as {@link #fillBatched}, computed by PostgreSQL: each row's choices from
   * a hash of its sequence number (repeatable), dates relative to today.
   */
  private void fillPostgres(JdbcTemplate jdbc, long have, int toAdd) {
    String sql = """
        with c as (select ?::text[] as words, ?::text[] as statuses, ?::text[] as sources,
                          ?::text[] as categories, ?::text[] as leaders, ?::text[] as units)
        insert into ls_item (id, version, code, title, source, category, unit_code, lead_leader,
          responsible_person, target, issued_on, issued_by, deadline, original_deadline, extended, status,
          progress_percent, yellow_from, overdue_since, reply_due, replied_on, completed_on, days_late,
          final_score, closed_at, issue_round, submission_round, created_at)
        select seq, 0, 'ZR-' || extract(year from issued)::int || '-9' || lpad((seq - 10000000)::text, 7, '0'),
          case when mod(seq, 10000) = 7 then '拆迁' else words[1 + r(seq, 1, 12)] end || words[1 + r(seq, 2, 12)]
            || '专项工作（第' || seq || '项）',
          source, categories[1 + r(seq, 3, 6)], unit, leaders[1 + r(seq, 4, 2)],
          case when status in ('ISSUED', 'RETURNED') then null else 'person-' || unit || '-' || r(seq, 5, 3) end,
          '按期完成年度目标任务', issued, 'office1', deadline, deadline, false, status,
          case when status = 'CLOSED' then 100 else r(seq, 6, 100) end, deadline - 3,
          case when status in ('ISSUED', 'IN_PROGRESS') and deadline < current_date then deadline + 1 end,
          case when source = 'INSTRUCTION' then issued + 7 end,
          case when source = 'INSTRUCTION' and r(seq, 7, 10) < 8 then issued + r(seq, 8, 10) end,
          completed, completed - deadline,
          case when status = 'CLOSED' then (600 + r(seq, 9, 400)) / 10.0 end,
          case when status = 'CLOSED' then (completed + 5) + time '10:00' end,
          1, 1, issued + time '09:00'
        from (
          select a.*, case when status in ('CLOSED', 'CLOSING') then deadline + r(seq, 10, 40) - 30 end as completed
          from (
            select seq, issued, issued + 30 + r(seq, 12, 300) as deadline,
              case when issued < current_date - %d and status not in ('CLOSED', 'CANCELLED') then 'CLOSED'
                   else status end as status,
              source, unit, words, categories, leaders
            from (
              select seq, current_date - least(%d, greatest(0, ((? - seq) * %d / ?)::int + r(seq, 11, 31) - 15)) as issued,
                statuses[1 + r(seq, 13, 9)] as status, sources[1 + r(seq, 14, 5)] as source,
                units[1 + r(seq, 15, 16)] as unit, words, categories, leaders
              from generate_series(?::bigint, ?::bigint) seq cross join c
            ) d
          ) a
        ) b
        """.formatted(OPEN_FOR_DAYS, YEARS * 365 - 1, YEARS * 365);
    long start = 10_000_000L + have;
    int chunk = 100_000;
    jdbc.execute((java.sql.Connection c) -> {
      try (java.sql.Statement st = c.createStatement()) {
        // r(seq, salt, n): a repeatable number in [0, n) per row and purpose (this session only)
        st.execute("create or replace function pg_temp.r(seq bigint, salt int, n int) returns int"
            + " language sql immutable as $$ select ((hashint8(seq * 31 + salt) & 2147483647) % n)::int $$");
      }
      try (PreparedStatement ps = c.prepareStatement(sql.replace("r(seq", "pg_temp.r(seq"))) {
        for (int from = 0; from < toAdd; from += chunk) {
          int i = 1;
          for (String[] values : new String[][] {WORDS, STATUSES, SOURCES, CATEGORIES, LEADERS, UNITS}) {
            ps.setArray(i++, c.createArrayOf("text", values));
          }
          ps.setLong(i++, start + toAdd - 1); // the newest item is issued today, the oldest ten years ago
          ps.setLong(i++, toAdd);
          ps.setLong(i++, start + from);
          ps.setLong(i++, start + Math.min(toAdd, from + chunk) - 1);
          ps.executeUpdate();
        }
      }
      return null;
    });
  }

  private void fillBatched(JdbcTemplate jdbc, long have, int toAdd) {
    Random random = new Random(7);
    LocalDate today = Time.today();
    String sql = "insert into ls_item (id, version, code, title, source, category, unit_code, lead_leader,"
        + " responsible_person, target, issued_on, issued_by, deadline, original_deadline, extended, status,"
        + " progress_percent, yellow_from, overdue_since, reply_due, replied_on, completed_on, days_late,"
        + " final_score, closed_at, issue_round, submission_round, created_at)"
        + " values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'office1', ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?)";
    long start = 10_000_000L + have;
    int batch = 1_000;
    for (int from = 0; from < toAdd; from += batch) {
      int base = from;
      int n = Math.min(batch, toAdd - from);
      jdbc.batchUpdate(sql, new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
        @Override
        public void setValues(PreparedStatement ps, int i) throws java.sql.SQLException {
          long seq = start + base + i;
          long daysAgo = (long) (toAdd - 1 - base - i) * YEARS * 365 / toAdd + random.nextInt(31) - 15;
          LocalDate issued = today.minusDays(Math.max(0, Math.min(YEARS * 365 - 1, daysAgo)));
          LocalDate deadline = issued.plusDays(30 + random.nextInt(300));
          String status = STATUSES[random.nextInt(STATUSES.length)];
          if (issued.isBefore(today.minusDays(OPEN_FOR_DAYS)) && !status.equals("CANCELLED")) {
            status = "CLOSED";
          }
          boolean open = status.equals("ISSUED") || status.equals("IN_PROGRESS");
          boolean closed = status.equals("CLOSED");
          String source = SOURCES[random.nextInt(SOURCES.length)];
          String unit = UNITS[random.nextInt(UNITS.length)];
          LocalDate completed = closed || status.equals("CLOSING") ? deadline.plusDays(random.nextInt(40) - 30) : null;
          int c = 1;
          ps.setLong(c++, seq);
          ps.setString(c++, "ZR-" + issued.getYear() + "-9" + String.format("%07d", seq - 10_000_000L));
          String first = seq % 10_000 == 7 ? RARE_WORD : WORDS[random.nextInt(WORDS.length)];
          ps.setString(c++, first + WORDS[random.nextInt(WORDS.length)] + "专项工作（第" + seq + "项）");
          ps.setString(c++, source);
          ps.setString(c++, CATEGORIES[random.nextInt(CATEGORIES.length)]);
          ps.setString(c++, unit);
          ps.setString(c++, LEADERS[random.nextInt(LEADERS.length)]);
          ps.setString(c++, status.equals("ISSUED") || status.equals("RETURNED") ? null : "person-" + unit + "-" + random.nextInt(3));
          ps.setString(c++, "按期完成年度目标任务");
          ps.setDate(c++, Date.valueOf(issued));
          ps.setDate(c++, Date.valueOf(deadline));
          ps.setDate(c++, Date.valueOf(deadline));
          ps.setString(c++, status);
          ps.setInt(c++, closed ? 100 : random.nextInt(100));
          ps.setDate(c++, Date.valueOf(deadline.minusDays(3)));
          ps.setDate(c++, open && deadline.isBefore(today) ? Date.valueOf(deadline.plusDays(1)) : null);
          ps.setDate(c++, source.equals("INSTRUCTION") ? Date.valueOf(issued.plusDays(7)) : null);
          ps.setDate(c++, source.equals("INSTRUCTION") && random.nextInt(10) < 8 ? Date.valueOf(issued.plusDays(random.nextInt(10))) : null);
          ps.setDate(c++, completed == null ? null : Date.valueOf(completed));
          if (completed == null) {
            ps.setNull(c++, java.sql.Types.INTEGER);
            ps.setNull(c++, java.sql.Types.NUMERIC);
          } else {
            ps.setInt(c++, (int) (completed.toEpochDay() - deadline.toEpochDay()));
            ps.setBigDecimal(c++, closed ? java.math.BigDecimal.valueOf(600 + random.nextInt(400), 1) : null);
          }
          ps.setTimestamp(c++, closed ? Timestamp.valueOf(completed.plusDays(5).atTime(10, 0)) : null);
          ps.setTimestamp(c++, Timestamp.valueOf(issued.atTime(9, 0)));
        }

        @Override
        public int getBatchSize() {
          return n;
        }
      });
    }
  }

  private void bar(String what, double value, double limit, String unit) {
    line(String.format("   %-48s %8.2f%s  (bar %s%s)  %s", what, value, unit, limit, unit, value <= limit ? "MET" : "NOT MET"));
  }

  private void line(String s) {
    out.add(s);
    System.out.println("BENCH " + s);
  }
}
