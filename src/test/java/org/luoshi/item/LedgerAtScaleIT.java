package org.luoshi.item;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.engine.Time;
import org.luoshi.item.ItemViews.Stats;
import org.luoshi.testsupport.Engine;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger and the statistics as they are built for 1,000,000 items (bench/README.md), on H2 and
 * PostgreSQL: the ledger's total counted up to a bound (here 3: luoshi.ledger.count-limit), for a unit
 * member branch by branch (an item seen in several ways counted once), the title
 * search (PostgreSQL answers it from trigram indexes, H2 by a scan: the same rows), and the year's figures
 * from the summaries ls_item_tally and ls_item_open_tally equal to a count of the items after every kind of
 * change, on days before, in and after the items' deadline months (overdue now).
 */
@LuoshiIT
@TestPropertySource(properties = "luoshi.ledger.count-limit=3")
class LedgerAtScaleIT {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired ItemRepository items;
  @Autowired ItemLedger service;
  @Autowired TitleBigrams bigrams;
  @Autowired PlatformTransactionManager transactions;
  Http http;
  Engine engine;
  /** Ids of the rows written by SQL, across the tests of the class (one database). */
  static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong(800_000);

  @BeforeEach
  void setUp() {
    TestOrganisation.create(identity);
    Engine.clock(ResponsibilityItemIT.NOW);
    http = new Http(port);
    engine = new Engine(http, tasks, management);
  }

  @AfterEach
  void clock() {
    Engine.resetClock();
  }

  /** An item written straight into ls_item (as a migration or the benchmark would), issued on the given day. */
  private String row(String title, String unit, String status, String source, String issuedOn) {
    return row(title, unit, status, source, issuedOn, "leader1", null);
  }

  /** The same, led by {@code leader}, with {@code person} responsible and {@code coUnits} as co-units (协办单位). */
  private String row(String title, String unit, String status, String source, String issuedOn, String leader,
      String person, String... coUnits) {
    long id = IDS.getAndIncrement();
    String code = "ZR-" + issuedOn.substring(0, 4) + "-" + id;
    LocalDate issued = LocalDate.parse(issuedOn);
    jdbc.update("""
        insert into ls_item (id, version, code, title, source, category, unit_code, lead_leader, responsible_person,
          target, issued_on, issued_by, deadline, original_deadline, extended, status, progress_percent, yellow_from,
          reply_due, issue_round, submission_round, created_at)
        values (?, 0, ?, ?, ?, 'OTHER', ?, ?, ?, '目标', ?, 'office1', ?, ?, false, ?, 0, ?, ?, 1, 1, ?)""",
        id, code, title, source, unit, leader, person, Date.valueOf(issued), Date.valueOf(issued.plusDays(40)),
        Date.valueOf(issued.plusDays(40)), status, Date.valueOf(issued.plusDays(37)),
        "INSTRUCTION".equals(source) ? Date.valueOf(issued.plusDays(7)) : null,
        Timestamp.from(issued.atStartOfDay(Time.ZONE).toInstant()));
    for (String co : coUnits) {
      jdbc.update("insert into ls_item_co_unit (item_id, unit_code) values (?, ?)", id, co);
    }
    return code;
  }

  private static List<String> codes(JsonNode page) {
    return StreamSupport.stream(page.get("content").spliterator(), false).map(i -> i.get("code").asText()).toList();
  }

  @Test
  void theLedgersTotalIsCountedUpToTheBoundAndPagingGoesOn() {
    List<String> t1 = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      t1.add(0, row("计数测试" + i, "T1", "ISSUED", "KEY_TASK", "2024-03-0" + (i + 1)));
    }
    row("计数测试其他", "T2", "ISSUED", "KEY_TASK", "2024-03-01");

    // a page that is not full needs no count: exact
    JsonNode all = http.as("office1").get("/api/items?year=2024&unitCode=T1&size=10").json();
    assertThat(all.get("totalElements").asLong()).isEqualTo(5);
    assertThat(all.get("totalExact").asBoolean()).isTrue();
    assertThat(codes(all)).isEqualTo(t1);
    // a full page of a filter matching more than the bound (3): at least 3, not exact
    JsonNode first = http.as("office1").get("/api/items?year=2024&unitCode=T1&size=2").json();
    assertThat(first.get("totalElements").asLong()).isEqualTo(3);
    assertThat(first.get("totalExact").asBoolean()).isFalse();
    assertThat(codes(first)).isEqualTo(t1.subList(0, 2));
    JsonNode second = http.as("office1").get("/api/items?year=2024&unitCode=T1&size=2&page=1").json();
    assertThat(second.get("totalElements").asLong()).isEqualTo(4);
    assertThat(second.get("totalExact").asBoolean()).isFalse();
    assertThat(codes(second)).isEqualTo(t1.subList(2, 4));
    // the last page knows the total
    JsonNode last = http.as("office1").get("/api/items?year=2024&unitCode=T1&size=2&page=2").json();
    assertThat(codes(last)).isEqualTo(t1.subList(4, 5));
    assertThat(last.get("totalElements").asLong()).isEqualTo(5);
    assertThat(last.get("totalExact").asBoolean()).isTrue();
    // past the end: empty, still no more than a lower bound
    JsonNode past = http.as("office1").get("/api/items?year=2024&unitCode=T1&size=2&page=3").json();
    assertThat(codes(past)).isEmpty();
    assertThat(past.get("totalExact").asBoolean()).isFalse();
    assertThat(past.get("totalElements").asLong()).isEqualTo(3);
    // a full page of a filter matching no more than the bound: counted, exact
    JsonNode three = http.as("office1").get("/api/items?year=2024&unitCode=T1&size=2&q=" + enc("计数测试4")).json();
    assertThat(three.get("totalElements").asLong()).isEqualTo(1);
    assertThat(three.get("totalExact").asBoolean()).isTrue();
    JsonNode fewer = http.as("office1").get("/api/items?size=3&year=2024&unitCode=T2").json();
    assertThat(fewer.get("totalElements").asLong()).isEqualTo(1);
    // a unit member's view (unit, led or responsible) is bounded the same way
    JsonNode member = http.as("t1a").get("/api/items?size=2&year=2024").json();
    assertThat(member.get("totalExact").asBoolean()).isFalse();
    assertThat(codes(member)).isEqualTo(t1.subList(0, 2));
    // other lists keep their exact total and say nothing about it
    JsonNode interviews = http.as("office1").get("/api/interviews").json();
    assertThat(interviews.has("totalElements")).isTrue();
    assertThat(interviews.has("totalExact")).isFalse();
  }

  @Test
  void aUnitMembersTotalCountsAnItemSeenInSeveralWaysOnceAndIsALowerBoundPastTheLimit() {
    // t1a (unit T1) sees each of these in two or three ways: the lead unit, a co-unit, leading it, responsible
    String mine = row("可见测试一", "T1", "ISSUED", "KEY_TASK", "2022-05-01", "t1a", "t1a"); // unit, leads, responsible
    String helping = row("可见测试二", "T2", "ISSUED", "KEY_TASK", "2022-05-02", "leader1", "t1a", "T1"); // co-unit, responsible
    String led = row("可见测试三", "T3", "ISSUED", "KEY_TASK", "2022-05-03", "t1a", null, "T1", "T2"); // co-unit, leads
    String working = row("可见测试四", "T1", "IN_PROGRESS", "KEY_TASK", "2022-05-04", "leader1", "t1a"); // unit, responsible
    row("可见测试五", "T2", "ISSUED", "KEY_TASK", "2022-05-05", "leader1", "t2a", "T3"); // not t1a's
    Viewer t1a = new Viewer("t1a", false, List.of("T1"));
    LedgerQuery issued = new LedgerQuery(null, ItemStatus.ISSUED, null, null, null, null, null, null, null, 2022, null, 0, 2);
    LedgerQuery year = new LedgerQuery(null, null, null, null, null, null, null, null, null, 2022, null, 0, 2);
    LedgerQuery ledByMe = new LedgerQuery(null, null, null, null, null, null, "t1a", null, null, 2022, null, 0, 2);
    // the branches overlap: unit, co-unit, leads, responsible find 1 + 1 + 2 + 1 = 5 items led by t1a (more than
    // the limit, 3) and 2 + 2 + 2 + 3 = 9 of the year, each branch no more than the limit
    assertThat(branchCounts(ledByMe, t1a)).containsExactly(1L, 1L, 2L, 1L);
    assertThat(branchCounts(year, t1a)).containsExactly(2L, 2L, 2L, 3L);
    // a filter on open items (status, overdue, light) is the selective one: counted as one query
    assertThat(branchCounts(issued, t1a)).containsExactly(3L);

    // two items led by t1a, found five times: counted once each, exact
    JsonNode two = http.as("t1a").get("/api/items?year=2022&leadLeader=t1a&size=2").json();
    assertThat(codes(two)).containsExactly(led, mine);
    assertThat(two.get("totalElements").asLong()).isEqualTo(2);
    assertThat(two.get("totalExact").asBoolean()).isTrue();

    // three issued items, each counted once (and working, unit and responsible but in progress, in none): exact
    JsonNode three = http.as("t1a").get("/api/items?year=2022&status=ISSUED&size=2").json();
    assertThat(codes(three)).containsExactly(led, helping);
    assertThat(three.get("totalElements").asLong()).isEqualTo(3);
    assertThat(three.get("totalExact").asBoolean()).isTrue();
    // four of the year: no branch past the limit, together past it: a lower bound
    JsonNode four = http.as("t1a").get("/api/items?year=2022&size=2").json();
    assertThat(codes(four)).containsExactly(working, led);
    assertThat(four.get("totalElements").asLong()).isEqualTo(3);
    assertThat(four.get("totalExact").asBoolean()).isFalse();
    JsonNode rest = http.as("t1a").get("/api/items?year=2022&size=2&page=1").json();
    assertThat(codes(rest)).containsExactly(helping, mine);
    assertThat(rest.get("totalElements").asLong()).isEqualTo(4);
    assertThat(rest.get("totalExact").asBoolean()).isFalse();
    // other members: t3a sees the item of T3 and the one T3 is a co-unit of, t2a three items of T2 in three ways
    JsonNode t3 = http.as("t3a").get("/api/items?year=2022&size=1").json();
    assertThat(t3.get("totalElements").asLong()).isEqualTo(2);
    assertThat(t3.get("totalExact").asBoolean()).isTrue();
    assertThat(http.as("t2a").get("/api/items?year=2022&size=1&status=ISSUED").json().get("totalElements").asLong())
        .isEqualTo(3);

    // one branch past the limit by itself (four T1 items of 2021, nothing else): a lower bound
    for (int i = 1; i <= 4; i++) {
      row("可见测试本单位" + i, "T1", "ISSUED", "KEY_TASK", "2021-06-0" + i);
    }
    LedgerQuery y2021 = new LedgerQuery(null, null, null, null, null, null, null, null, null, 2021, null, 0, 2);
    assertThat(branchCounts(y2021, t1a)).containsExactly(4L, 0L, 0L, 0L);
    JsonNode cut = http.as("t1a").get("/api/items?year=2021&size=2").json();
    assertThat(cut.get("totalElements").asLong()).isEqualTo(3);
    assertThat(cut.get("totalExact").asBoolean()).isFalse();
    // and the office, who sees everything, counts the same year in one query, as before
    JsonNode office = http.as("office1").get("/api/items?year=2022&size=2").json();
    assertThat(office.get("totalElements").asLong()).isEqualTo(3);
    assertThat(office.get("totalExact").asBoolean()).isFalse();
    assertThat(ItemSpecifications.ledgerBranches(year, new Viewer("office1", true, List.of()), Time.today())).hasSize(1);
  }

  /** How many items each branch of the viewer's ledger finds, counted exactly. */
  private List<Long> branchCounts(LedgerQuery query, Viewer viewer) {
    return ItemSpecifications.ledgerBranches(query, viewer, Time.today()).stream().map(items::count).toList();
  }

  @Test
  void theTitleSearchFindsTheSameItemsWithAndWithoutTrigramIndexes() {
    List<String> titles = List.of("城区污水管网改造", "污水处理厂提标", "农村生活污水治理", "老旧小区改造", "Smart City 平台建设",
        "smart 停车", "道路绿化", "第12345项工作", "污", "水污");
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < titles.size(); i++) {
      rows.add(row(titles.get(i), i % 2 == 0 ? "T1" : "T2", "ISSUED", "KEY_TASK", "2023-02-" + (10 + i)));
    }
    for (String term : List.of("污水", "污水处理", "水污", "改造", "smart", "SMART", "City", "2345", "不存在的词", "%", "_",
        rows.get(3).substring(3), rows.get(3).toLowerCase(Locale.ROOT), "管网", "拆迁", "sm", "Sm", "23", "y 平",
        "%_", "项工", "'1", "污'")) {
      List<String> expected = new ArrayList<>();
      for (int i = titles.size() - 1; i >= 0; i--) {
        String title = titles.get(i);
        String code = rows.get(i);
        boolean plain = term.equals(term.toLowerCase(Locale.ROOT)) && term.equals(term.toUpperCase(Locale.ROOT));
        boolean hit = plain ? title.contains(term) || code.contains(term)
            : title.toLowerCase(Locale.ROOT).contains(term.toLowerCase(Locale.ROOT))
                || code.toLowerCase(Locale.ROOT).contains(term.toLowerCase(Locale.ROOT));
        if (hit) {
          expected.add(code);
        }
      }
      JsonNode page = http.as("office1").get("/api/items?size=50&q=" + enc(term)).json();
      assertThat(codes(page)).as(term).isEqualTo(expected);
      assertThat(page.get("totalElements").asLong()).as(term).isEqualTo(expected.size());
    }
    if (postgres()) {
      // the indexes are there, and a search read through them finds what the scan found
      assertThat(jdbc.queryForList("select indexname from pg_indexes where tablename = 'ls_item' and indexname like '%trgm'",
          String.class)).containsExactlyInAnyOrder("ls_item_title_trgm", "ls_item_code_trgm", "ls_item_title_lower_trgm",
          "ls_item_code_lower_trgm");
      List<String> viaIndex = new TransactionTemplate(transactions).execute(s -> {
        jdbc.execute("set local enable_seqscan = off");
        String plan = String.join("\n", jdbc.queryForList(
            "explain select code from ls_item where title like '%污水处理%' or code like '%污水处理%'", String.class));
        assertThat(plan).contains("ls_item_title_trgm");
        return jdbc.queryForList("select code from ls_item where title like '%污水处理%' or code like '%污水处理%'", String.class);
      });
      assertThat(viaIndex).containsExactly(rows.get(1));

      // a two-character term through the bigram index (V119; a table this small has no statistics, so every
      // term counts as rare): the same items as the like alone, and the plan reads the index
      for (String term : List.of("污水", "水污", "改造", "管网", "拆迁", "sm", "SM", "23", "项工", "'1", "污'",
          "23" + rows.get(0).charAt(0))) {
        String piece = bigrams.indexedPiece(term);
        if (term.codePointCount(0, term.length()) != 2) {
          assertThat(piece).as(term).isNull();
          continue;
        }
        assertThat(piece).as(term).isEqualTo(term.toLowerCase(Locale.ROOT));
        LedgerQuery query = new LedgerQuery(null, null, null, null, null, null, null, null, null, null, term, 0, 50);
        Viewer office = new Viewer("office1", true, List.of());
        List<String> withIndex = items.findAll(ItemSpecifications.ledger(query, office, Time.today(), piece)).stream()
            .map(Item::getCode).sorted().toList();
        List<String> withoutIndex = items.findAll(ItemSpecifications.ledger(query, office, Time.today())).stream()
            .map(Item::getCode).sorted().toList();
        assertThat(withIndex).as(term).isEqualTo(withoutIndex);
      }
      String plan = new TransactionTemplate(transactions).execute(s -> {
        jdbc.execute("set local enable_seqscan = off");
        return String.join("\n", jdbc.queryForList(
            "explain select code from ls_item where ls_item_has_bigram(title, code, '管网') and title like '%管网%'",
            String.class));
      });
      assertThat(plan).contains("ls_item_title_bigrams");
    }
  }

  @Test
  void theYearsFiguresFromTheSummaryEqualACountAfterEveryKindOfChange() {
    Map<String, Object> a = ResponsibilityItemIT.item("T1", "2026-06-30");
    Map<String, Object> instruction = ResponsibilityItemIT.item("T1", "2026-05-20");
    instruction.put("issuedOn", "2026-05-01");
    instruction.put("source", "INSTRUCTION");
    List<String> issued = new ArrayList<>();
    for (Map<String, Object> body : List.of(a, instruction, ResponsibilityItemIT.item("T2", "2026-06-25"),
        ResponsibilityItemIT.item("T2", "2026-07-30"), instruction, instruction)) {
      Http.Response r = http.as("office1").post("/api/items", body);
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
      issued.add(r.json().get("code").asText());
    }
    engine.runAsync();
    engine.done("t1a", issued.get(0), "acceptItem", Map.of("accepted", "true"));
    engine.done("t2a", issued.get(2), "acceptItem", Map.of("accepted", "false", "returnReason", "不属于本单位"));
    String old = row("去年的批示件", "T2", "IN_PROGRESS", "INSTRUCTION", "2025-11-20");
    String raw = row("直接写入的事项", "T1", "ISSUED", "KEY_TASK", "2026-01-15");
    assertExact();

    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.executeWithoutResult(s -> {
      change(issued.get(1), Item::accept);
      change(issued.get(1), i -> i.reportProgress(30, LocalDate.parse("2026-05-06"))); // replied on time
      change(issued.get(2), i -> i.reassign("T3")); // returned, reassigned to another unit
      change(issued.get(3), Item::cancel);
      change(issued.get(4), i -> i.submitCompletion(LocalDate.parse("2026-05-30"), "完成", LocalDate.parse("2026-05-30")));
      change(old, i -> i.reportProgress(50, LocalDate.parse("2026-01-10"))); // replied late
    });
    assertExact();
    tx.executeWithoutResult(s -> {
      change(issued.get(4), Item::reopen);
      change(issued.get(0), i -> i.submitCompletion(LocalDate.parse("2026-05-30"), "完成", LocalDate.parse("2026-05-30")));
      change(issued.get(2), Item::returnToOffice);
      change(issued.get(1), i -> i.extendTo(LocalDate.parse("2026-08-31"))); // to another month
      change(issued.get(5), i -> i.extendTo(LocalDate.parse("2026-05-28"))); // within its month
    });
    assertExact();
    tx.executeWithoutResult(s -> {
      change(issued.get(0), i -> i.close(new BigDecimal("90.0"), new BigDecimal("92.0"), ResponsibilityItemIT.NOW));
      change(issued.get(2), i -> i.reassign("T1"));
      change(issued.get(5), i -> i.setReplyDue(LocalDate.parse("2026-06-30"))); // not yet due today (2026-06-01)
    });
    assertExact();
    // a change that is rolled back leaves the summary as it was
    Stats before = service.stats(2026);
    tx.executeWithoutResult(s -> {
      change(issued.get(1), Item::cancel);
      items.flush();
      s.setRollbackOnly();
    });
    assertThat(service.stats(2026)).isEqualTo(before);
    // written and removed by SQL
    jdbc.update("update ls_item set unit_code = 'T3', status = 'CANCELLED' where code = ?", raw);
    jdbc.update("update ls_item set replied_on = date '2026-05-05' where code = ?", issued.get(5));
    jdbc.update("update ls_item set progress_percent = 70 where code = ?", issued.get(1));
    jdbc.update("delete from ls_item where code = ?", old);
    assertExact();
    // more rows a statement, several keys at once (PostgreSQL's statement triggers group them): deadlines moved
    // into other months and within one, open items closed and a closed one opened again, items deleted
    String late = row("去年的到期事项", "T2", "RETURNED", "KEY_TASK", "2025-12-28");
    String t3 = row("本月到期事项", "T3", "IN_PROGRESS", "KEY_TASK", "2026-04-20");
    String t3b = row("本月到期事项二", "T3", "ISSUED", "INSTRUCTION", "2026-04-25");
    assertExact();
    jdbc.update("update ls_item set deadline = deadline + 20 where issued_on >= date '2025-12-01' and issued_on < date '2026-06-01'");
    assertExact();
    jdbc.update("update ls_item set deadline = date '2026-06-20' where code in (?, ?)", t3, t3b);
    jdbc.update("update ls_item set deadline = date '2026-06-10', unit_code = 'T1' where code = ?", t3b);
    assertExact();
    jdbc.update("update ls_item set status = case when status = 'CLOSED' then 'IN_PROGRESS' else 'CLOSING' end"
        + " where code in (?, ?, ?)", issued.get(0), issued.get(1), late);
    assertExact();
    // into another year of issue: one closing, one open
    jdbc.update("update ls_item set issued_on = case when code = ? then date '2026-01-02' else date '2025-11-30' end"
        + " where code in (?, ?)", late, late, t3b);
    assertExact();
    jdbc.update("delete from ls_item where code in (?, ?)", t3, raw);
    assertExact();
    assertThat(openBeforeMonth).as("a day on which items of an earlier deadline month were overdue").isTrue();
    assertThat(overdueThisMonth).as("a day on which items of this month's deadlines were overdue").isTrue();

    JsonNode stats = http.as("office1").get("/api/stats?year=2026").json();
    assertThat(stats.get("total").get("issued").asLong()).isEqualTo(7);
    assertThat(stats.get("total").get("cancelled").asLong()).isEqualTo(1);
    assertThat(stats.get("total").get("closed").asLong()).isEqualTo(0);
  }

  private void change(String code, java.util.function.Consumer<Item> how) {
    Item item = items.findByCode(code).orElseThrow();
    how.accept(item);
    items.save(item);
  }

  /** Days on which the figures are compared: before, on and after the items' deadlines, first and last of a month. */
  private static final List<String> DAYS = List.of("2025-12-31", "2026-02-24", "2026-05-20", "2026-05-21", "2026-06-01",
      "2026-06-11", "2026-06-26", "2026-06-30", "2026-07-01", "2026-08-31", "2026-09-01", "2027-01-05");
  private boolean openBeforeMonth;
  private boolean overdueThisMonth;

  private void assertExact() {
    String open = ItemStatus.OPEN.stream().map(s -> "'" + s.name() + "'").collect(java.util.stream.Collectors.joining(", "));
    try {
      for (String day : DAYS) {
        LocalDate today = LocalDate.parse(day);
        Engine.clock(today.atTime(10, 0).atZone(Time.ZONE).toInstant());
        for (int year : new int[] {2025, 2026}) {
          // the summaries' figures, and the same figures counted from every item of the year
          Stats summary = service.stats(year);
          assertThat(summary).as("year " + year + " on " + day)
              .isEqualTo(service.stats(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)));
          // overdue now, also counted here in SQL
          assertThat(summary.total().overdue()).as("overdue of " + year + " on " + day).isEqualTo(jdbc.queryForObject(
              "select count(*) from ls_item where status in (" + open + ") and deadline < ? and issued_on >= ? and issued_on < ?",
              Long.class, Date.valueOf(today), Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year + 1, 1, 1))));
        }
        LocalDate month = today.withDayOfMonth(1);
        openBeforeMonth |= jdbc.queryForObject("select count(*) from ls_item where status in (" + open + ") and deadline < ?",
            Long.class, Date.valueOf(month)) > 0;
        overdueThisMonth |= jdbc.queryForObject("select count(*) from ls_item where status in (" + open + ")"
            + " and deadline >= ? and deadline < ?", Long.class, Date.valueOf(month), Date.valueOf(today)) > 0;
      }
    } finally {
      Engine.clock(ResponsibilityItemIT.NOW);
    }
    // and the summary table itself, row by row
    List<Map<String, Object>> direct = jdbc.queryForList("""
        select cast(extract(year from issued_on) as integer) as y, unit_code as u, status as s, source as src,
               count(*) as n, sum(case when replied_on is not null then 1 else 0 end) as r,
               sum(case when replied_on is not null and replied_on <= reply_due then 1 else 0 end) as t
          from ls_item group by cast(extract(year from issued_on) as integer), unit_code, status, source""");
    List<Map<String, Object>> tally = jdbc.queryForList("""
        select issued_year as y, unit_code as u, status as s, source as src, sum(items) as n, sum(replied) as r,
               sum(replied_on_time) as t
          from ls_item_tally group by issued_year, unit_code, status, source
        having sum(items) <> 0 or sum(replied) <> 0 or sum(replied_on_time) <> 0""");
    assertThat(normalise(tally)).containsExactlyInAnyOrderElementsOf(normalise(direct));
    // and the summary of the open items by month of their deadline, row by row
    List<String> openDirect = jdbc.queryForList("""
        select cast(extract(year from issued_on) as integer) as y, cast(extract(year from deadline) as integer) as dy,
               cast(extract(month from deadline) as integer) as dm, unit_code as u, count(*) as n
          from ls_item where status in (%s)
         group by cast(extract(year from issued_on) as integer), cast(extract(year from deadline) as integer),
                  cast(extract(month from deadline) as integer), unit_code""".formatted(open)).stream()
        .map(LedgerAtScaleIT::openRow).toList();
    List<String> openTally = jdbc.queryForList("""
        select issued_year as y, cast(extract(year from deadline_month) as integer) as dy,
               cast(extract(month from deadline_month) as integer) as dm, unit_code as u, sum(items) as n
          from ls_item_open_tally where extract(day from deadline_month) = 1
         group by issued_year, deadline_month, unit_code having sum(items) <> 0""").stream()
        .map(LedgerAtScaleIT::openRow).toList();
    assertThat(openTally).containsExactlyInAnyOrderElementsOf(openDirect);
    assertThat(jdbc.queryForObject("select count(*) from ls_item_open_tally where extract(day from deadline_month) <> 1",
        Long.class)).isZero();
  }

  private static String openRow(Map<String, Object> m) {
    return m.get("y") + "/" + m.get("dy") + "-" + m.get("dm") + "/" + m.get("u") + ": " + ((Number) m.get("n")).longValue();
  }

  private static List<String> normalise(List<Map<String, Object>> rows) {
    return rows.stream().map(m -> m.get("y") + "/" + m.get("u") + "/" + m.get("s") + "/" + m.get("src") + ": "
        + ((Number) m.get("n")).longValue() + " " + ((Number) m.get("r")).longValue() + " "
        + ((Number) m.get("t")).longValue()).toList();
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static boolean postgres() {
    return "postgres".equalsIgnoreCase(System.getProperty("luoshi.test.database", "h2"));
  }
}
