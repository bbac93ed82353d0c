package org.luoshi.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luoshi.interview.InterviewDriver.MONDAY;
import static org.luoshi.interview.InterviewDriver.clock;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.Http;
import org.luoshi.testsupport.LuoshiIT;
import org.luoshi.testsupport.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /api/interviews: starting, validation, who may start and see what, lists, details, statistics, cancel. */
@LuoshiIT
class InterviewApiIT {

  @LocalServerPort int port;
  @Autowired Interviews interviews;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  InterviewDriver steps;
  Http http;

  @BeforeEach
  void setUp() {
    TestOrganisation.create(identity);
    steps = new InterviewDriver(tasks, management);
    http = new Http(port);
    clock(MONDAY);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  String person(String id, String unit) {
    TestOrganisation.user(identity, id, "测", id, "unit-" + unit);
    return id;
  }

  static Map<String, Object> body(Object... pairs) {
    Map<String, Object> body = new HashMap<>();
    body.put("trigger", "POOR_IMPLEMENTATION");
    body.put("interviewer", "leader1");
    body.put("interviewees", List.of("t1a"));
    body.put("subject", "招商引资任务进度滞后");
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] == null) {
        body.remove((String) pairs[i]);
      } else {
        body.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return body;
  }

  static List<String> ids(JsonNode page) {
    return StreamSupport.stream(page.get("content").spliterator(), false).map(n -> n.get("id").asText()).toList();
  }

  @Test
  void theOfficeStartsAnInterviewAndReadsItBack() {
    org.luoshi.testsupport.ItemRows.insert(jdbc, 42, "T1", "t1a", "IN_PROGRESS", null, null, null, MONDAY.toInstant());
    var created = http.as("office1").post("/api/interviews", body(
        "interviewees", List.of("t1a", "t1b"), "scheduledAt", "2026-03-04T15:00:00+08:00",
        "place", "区委三楼小会议室", "relatedItemCode", "ZR-2026-42"));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(id).matches("YT-2026-\\d{4}");
    assertThat(created.location()).isEqualTo("/api/interviews/" + id);
    String pi = created.json().get("processInstanceId").asText();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey()).isEqualTo(id);

    JsonNode detail = http.as("office2").get("/api/interviews/" + id).json();
    assertThat(detail.get("status").asText()).isEqualTo("NOTIFIED");
    assertThat(detail.get("statusLabel").asText()).isEqualTo("已告知");
    assertThat(detail.get("trigger").asText()).isEqualTo("POOR_IMPLEMENTATION");
    assertThat(detail.get("method").asText()).isIn("REMINDER", "ADMONITION", "SPECIAL");
    assertThat(detail.get("interviewer").asText()).isEqualTo("leader1");
    assertThat(detail.get("interviewerLevel").asText()).isEqualTo("COUNTY");
    assertThat(detail.get("interviewees").toString()).isEqualTo("[\"t1a\",\"t1b\"]");
    assertThat(detail.get("names").get("t1b").asText()).isEqualTo("乙一");
    assertThat(detail.get("scheduledAt").asText()).isEqualTo("2026-03-04T15:00:00+08:00");
    assertThat(detail.get("place").asText()).isEqualTo("区委三楼小会议室");
    assertThat(detail.get("relatedItemCode").asText()).isEqualTo("ZR-2026-42");
    assertThat(detail.get("startedBy").asText()).isEqualTo("office1");
    assertThat(detail.get("scheduleHistory")).hasSize(1);
    assertThat(detail.has("outcome")).isFalse();
    assertThat(detail.has("followUpOf")).isFalse();
    assertThat(http.as("office1").get("/api/interviews/YT-2026-9999").status()).isEqualTo(404);
    assertThat(http.anonymous().get("/api/interviews/" + id).status()).isEqualTo(401);
  }

  @Test
  void badStartsAnswer400NamingTheFieldAndWriteNothing() {
    person("boss1", "T2");
    Map<Map<String, Object>, String> bad = new java.util.LinkedHashMap<>();
    bad.put(body("trigger", null), "trigger");
    bad.put(body("trigger", "SLACKING"), "trigger");
    bad.put(body("subject", "  "), "subject");
    bad.put(body("subject", "长".repeat(501)), "subject");
    bad.put(body("interviewer", null), "interviewer");
    bad.put(body("interviewer", "nobody"), "interviewer");
    bad.put(body("interviewer", "admin"), "interviewer");
    bad.put(body("interviewees", List.of()), "interviewees");
    bad.put(body("interviewees", List.of("t1a", "ghost")), "interviewees");
    bad.put(body("interviewees", List.of("leader1")), "interviewees");
    bad.put(body("interviewees", List.of("leader2")), "interviewees");
    bad.put(body("interviewees", List.of("principal1")), "interviewees");
    bad.put(body("interviewees", "t1a"), "interviewees");
    bad.put(body("interviewer", "boss1", "interviewees", List.of("t1a")), "interviewees");
    bad.put(body("scheduledAt", "2026-03-03T09:59:00+08:00"), "scheduledAt");
    bad.put(body("scheduledAt", "2027-03-04T09:00:00+08:00"), "scheduledAt");
    bad.put(body("scheduledAt", "下周一"), "scheduledAt");
    bad.put(body("place", "地".repeat(201)), "place");
    bad.put(body("relatedItemCode", "ZR 2026/1"), "relatedItemCode");
    bad.put(body("relatedItemCode", "ZR-2026-9999"), "relatedItemCode"); // no such item
    bad.put(body("followUpOf", "YT-2026-9999"), "followUpOf");
    bad.put(body("method", "FOLLOW_UP"), "followUpOf");
    bad.put(body("method", "SCOLDING"), "method");
    bad.put(body("outline", "提纲"), "outline");
    long instances = runtime.createProcessInstanceQuery().processDefinitionKey("interview").count();
    long listed = http.as("office1").get("/api/interviews").json().get("totalElements").asLong();

    bad.forEach((request, field) -> {
      var response = http.as("office1").post("/api/interviews", request);
      assertThat(response.status()).as("%s → %s", request, response.body()).isEqualTo(400);
      assertThat(response.json().get("field").asText()).as(response.body()).isEqualTo(field);
      assertThat(response.json().get("message").asText()).isNotBlank();
    });

    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("interview").count()).isEqualTo(instances);
    assertThat(http.as("office1").get("/api/interviews").json().get("totalElements").asLong()).isEqualTo(listed);
    // exactly the notice period ahead is enough; the message says how far ahead
    var tooSoon = http.as("office1").post("/api/interviews", body("scheduledAt", "2026-03-03T09:59:00+08:00"));
    assertThat(tooSoon.json().get("message").asText()).contains("至少提前 24 小时", "2026年3月3日（星期二）10:00");
    assertThat(http.as("office1").post("/api/interviews", body("scheduledAt", "2026-03-03T10:00:00+08:00"))
        .status()).isEqualTo(201);
  }

  @Test
  void theOfficeAndCountyLeadersStartInterviewsAndALeaderOnlyTheirOwn() {
    assertThat(http.as("t1b").post("/api/interviews", body()).status()).isEqualTo(403);
    var forSomeoneElse = http.as("leader2").post("/api/interviews", body("interviewer", "leader1"));
    assertThat(forSomeoneElse.status()).isEqualTo(403);
    assertThat(forSomeoneElse.json().get("message").asText()).contains("分管领导只能发起由本人担任约谈人的约谈");

    assertThat(http.as("leader2").post("/api/interviews", body("interviewer", "leader2")).status()).isEqualTo(201);
    assertThat(http.as("principal1").post("/api/interviews", body("interviewer", "principal1",
        "interviewees", List.of("leader2"), "trigger", "WARNING_SIGNS")).status()).isEqualTo(201);
  }

  @Test
  void anIntervieweeSeesTheirOwnInterviewsAndNotOtherPeoples() {
    String mine = person("iso1", "T1");
    String theirs = person("iso2", "T2");
    String a = interviews.start(new InterviewRequest(InterviewTrigger.PETITIONS, null, "leader1", List.of(mine),
        null, null, "群众反映集中", null, null, "office1")).id();
    String b = interviews.start(new InterviewRequest(InterviewTrigger.PETITIONS, null, "leader2", List.of(theirs),
        null, null, "群众反映集中", null, null, "office1")).id();

    assertThat(ids(http.as(mine).get("/api/interviews").json())).containsExactly(a);
    assertThat(http.as(mine).get("/api/interviews/" + a).status()).isEqualTo(200);
    assertThat(http.as(mine).get("/api/interviews/" + b).status()).isEqualTo(404);
    assertThat(ids(http.as(mine).get("/api/interviews?interviewee=" + theirs).json())).isEmpty();
    assertThat(ids(http.as(theirs).get("/api/interviews").json())).containsExactly(b);

    // an interviewer sees the interviews they conduct; the office and principal leaders all
    assertThat(ids(http.as("leader2").get("/api/interviews?interviewee=" + theirs).json())).containsExactly(b);
    assertThat(http.as("leader2").get("/api/interviews/" + a).status()).isEqualTo(404);
    assertThat(ids(http.as("principal1").get("/api/interviews?interviewee=" + mine).json())).containsExactly(a);
    assertThat(ids(http.as("office2").get("/api/interviews?interviewee=" + theirs).json())).containsExactly(b);
  }

  @Test
  void theListFiltersAndPages() {
    String p = person("list1", "T3");
    org.luoshi.testsupport.ItemRows.insert(jdbc, 100, "T3", p, "IN_PROGRESS", null, null, null, MONDAY.toInstant());
    List<String> started = new ArrayList<>();
    for (int n = 0; n < 3; n++) {
      started.add(interviews.start(new InterviewRequest(InterviewTrigger.WARNING_SIGNS, null, "leader1",
          List.of(p), null, null, "苗头性问题" + n, n < 2 ? "ZR-2026-100" : null, null, "office1")).id());
    }

    JsonNode page = http.as("office1").get("/api/interviews?interviewee=" + p + "&size=2").json();
    assertThat(page.get("totalElements").asLong()).isEqualTo(3);
    assertThat(ids(page)).containsExactly(started.get(2), started.get(1));
    assertThat(ids(http.as("office1").get("/api/interviews?interviewee=" + p + "&size=2&page=1").json()))
        .containsExactly(started.get(0));
    assertThat(ids(http.as("office1").get("/api/interviews?relatedItemCode=ZR-2026-100").json()))
        .containsExactly(started.get(1), started.get(0));
    assertThat(ids(http.as("office1").get("/api/interviews?interviewee=" + p + "&year=2026&status=NOTIFIED").json()))
        .hasSize(3);
    assertThat(ids(http.as("office1").get("/api/interviews?interviewee=" + p + "&year=2025").json())).isEmpty();
    assertThat(ids(http.as("office1").get("/api/interviews?interviewee=" + p + "&interviewer=leader2").json())).isEmpty();

    assertThat(http.as("office1").get("/api/interviews?page=-1").json().get("field").asText()).isEqualTo("page");
    assertThat(http.as("office1").get("/api/interviews?size=0").json().get("field").asText()).isEqualTo("size");
    assertThat(http.as("office1").get("/api/interviews?status=DONE").json().get("field").asText()).isEqualTo("status");
    assertThat(http.as("office1").get("/api/interviews?year=1900").json().get("field").asText()).isEqualTo("year");
  }

  @Test
  void theOfficeCancelsAnInterviewThroughTheApi() {
    String id = interviews.start(new InterviewRequest(InterviewTrigger.PETITIONS, null, "leader1",
        List.of(person("cancel2", "T1")), null, null, "信访反映", null, null, "office1")).id();

    assertThat(http.as("leader1").post("/api/interviews/" + id + "/cancel", Map.of("reason", "不需要")).status())
        .isEqualTo(403);
    var noReason = http.as("office1").post("/api/interviews/" + id + "/cancel", Map.of());
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("field").asText()).isEqualTo("reason");
    var cancelled = http.as("office1").post("/api/interviews/" + id + "/cancel", Map.of("reason", "反映问题已查实，转纪委处理"));
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
    assertThat(http.as("office1").post("/api/interviews/" + id + "/cancel", Map.of("reason", "再次")).status())
        .isEqualTo(409);
    assertThat(http.as("office1").post("/api/interviews/YT-2026-9999/cancel", Map.of("reason", "无")).status())
        .isEqualTo(404);
  }

  /**
   * A known year: three interviews held (two by county-level leaders, one by a unit), one only
   * notified, one cancelled, one started in the year but held the next.
   */
  @Test
  void statisticsCountHeldSessionsAndDistinctPeopleByLevelTriggerKindAndOutcome() {
    clock(OffsetDateTime.parse("2027-03-01T10:00:00+08:00"));
    String s0 = person("stat0", "T1");
    String s1 = person("stat1", "T1");
    String s2 = person("stat2", "T1");
    String s3 = person("stat3", "T2");
    String s4 = person("stat4", "T3");

    InterviewView i1 = interviews.start(new InterviewRequest(InterviewTrigger.POOR_IMPLEMENTATION, null, "leader1",
        List.of(s1, s2), null, null, "项目滞后", null, null, "office1"));
    steps.holdAndRecord(i1, List.of(s1, s2), InterviewOutcome.REMINDER_TALK);
    InterviewView i2 = interviews.start(new InterviewRequest(InterviewTrigger.VIOLATION, null, "principal1",
        List.of(s1, s3), null, null, "违规接受宴请", null, null, "office1"));
    steps.holdAndRecord(i2, List.of(s1), InterviewOutcome.ADMONISHMENT);
    InterviewView i3 = interviews.start(new InterviewRequest(InterviewTrigger.WARNING_SIGNS, null, s0,
        List.of(s2), null, null, "工作作风漂浮", null, null, "office1"));
    steps.holdAndRecord(i3, List.of(s2), null);
    InterviewView i4 = interviews.start(new InterviewRequest(InterviewTrigger.PETITIONS, null, "office2",
        List.of(s4), null, null, "信访反映", null, null, "office1"));
    InterviewView i5 = interviews.start(new InterviewRequest(InterviewTrigger.POOR_IMPLEMENTATION, null, "leader2",
        List.of(s3), null, null, "进度滞后", null, null, "office1"));
    interviews.cancel(i5.id(), "已整改到位", "office1");
    clock(OffsetDateTime.parse("2027-12-30T10:00:00+08:00"));
    InterviewView i6 = interviews.start(new InterviewRequest(InterviewTrigger.POOR_IMPLEMENTATION, null, "leader1",
        List.of(s4), OffsetDateTime.parse("2028-01-03T09:00:00+08:00"), null, "年底任务未完成", null, null, "office1"));
    steps.holdAndRecord(i6, List.of(s4), InterviewOutcome.EDUCATION);

    assertThat(List.of(i1.method(), i2.method(), i3.method(), i4.method()))
        .containsExactly(InterviewMethod.REMINDER, InterviewMethod.ADMONITION, InterviewMethod.ADMONITION,
            InterviewMethod.FACT_FINDING);
    assertThat(i3.interviewerLevel()).isEqualTo(InterviewerLevel.UNIT);

    JsonNode stats = http.as("leader2").get("/api/interviews/stats?year=2027").json();
    assertThat(stats.get("year").asInt()).isEqualTo(2027);
    assertGroup(stats, 3, 2, 4);
    assertGroup(stats.get("byLevel").get("COUNTY"), 2, 2, 3);
    assertThat(stats.get("byLevel").get("COUNTY").get("label").asText()).isEqualTo("县级领导");
    assertGroup(stats.get("byLevel").get("UNIT"), 1, 1, 1);
    assertGroup(stats.get("byTrigger").get("POOR_IMPLEMENTATION"), 1, 2, 2);
    assertGroup(stats.get("byTrigger").get("VIOLATION"), 1, 1, 1);
    assertGroup(stats.get("byTrigger").get("WARNING_SIGNS"), 1, 1, 1);
    assertGroup(stats.get("byTrigger").get("PETITIONS"), 0, 0, 0);
    assertGroup(stats.get("byMethod").get("REMINDER"), 1, 2, 2);
    assertGroup(stats.get("byMethod").get("ADMONITION"), 2, 2, 2);
    assertGroup(stats.get("byMethod").get("FACT_FINDING"), 0, 0, 0);
    assertGroup(stats.get("byOutcome").get("REMINDER_TALK"), 1, 2, 2);
    assertGroup(stats.get("byOutcome").get("ADMONISHMENT"), 1, 1, 1);
    assertGroup(stats.get("byOutcome").get("EDUCATION"), 0, 0, 0);

    JsonNode next = http.as("office1").get("/api/interviews/stats?year=2028").json();
    assertGroup(next, 1, 1, 1);
    assertGroup(next.get("byOutcome").get("EDUCATION"), 1, 1, 1);
    assertThat(http.as("office1").get("/api/interviews/stats").json().get("year").asInt()).isEqualTo(2028);
    assertThat(interviews.timesInterviewed(2027)).containsEntry(s1, 2L).containsEntry(s2, 2L)
        .doesNotContainKeys(s3, s4);

    // the record and its people are kept and shown
    JsonNode recorded = http.as(s1).get("/api/interviews/" + i2.id()).json();
    assertThat(recorded.get("status").asText()).isEqualTo("RECORDED");
    assertThat(recorded.get("outcome").asText()).isEqualTo("ADMONISHMENT");
    assertThat(recorded.get("outcomeLabel").asText()).isEqualTo("诫勉");
    assertThat(recorded.get("attendees").toString()).isEqualTo("[\"stat1\"]");
    assertThat(recorded.get("record").asText()).isNotBlank();
    assertThat(recorded.get("outline").asText()).isNotBlank();
    assertThat(recorded.get("heldAt").asText()).isEqualTo(recorded.get("scheduledAt").asText());

    assertThat(http.as("t1a").get("/api/interviews/stats?year=2027").status()).isEqualTo(403);
    assertThat(http.as("office1").get("/api/interviews/stats?year=1999").json().get("field").asText())
        .isEqualTo("year");
  }

  static void assertGroup(JsonNode group, long sessions, long people, long personTimes) {
    assertThat(group.get("sessions").asLong()).as("sessions of %s", group).isEqualTo(sessions);
    assertThat(group.get("people").asLong()).as("people of %s", group).isEqualTo(people);
    assertThat(group.get("personTimes").asLong()).as("person-times of %s", group).isEqualTo(personTimes);
  }
}
