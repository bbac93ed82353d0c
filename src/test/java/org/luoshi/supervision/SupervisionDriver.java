package org.luoshi.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.luoshi.testsupport.Http;

/**
 * Drives supervisions in a running application the way people do: the office through
 * /api/supervisions, everyone's tasks through /engine-rest as Tasklist submits its forms (lists as
 * Json variables), and the job executor's work through the job API.
 */
class SupervisionDriver {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Http http;
  private final TaskService tasks;
  private final ManagementService management;

  SupervisionDriver(Http http, TaskService tasks, ManagementService management) {
    this.http = http;
    this.tasks = tasks;
    this.management = management;
  }

  /** POST /api/supervisions as the user; returns {id, processInstanceId}. */
  JsonNode start(String user, Map<String, ?> body) {
    Http.Response r = http.as(user).post("/api/supervisions", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  JsonNode get(String user, String path) {
    Http.Response r = http.as(user).get(path);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  /** The open task of a process with the key (and candidate group, when several are open). */
  Task task(String processInstanceId, String key) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
  }

  Task task(String processInstanceId, String key, String candidateGroup) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
        .taskCandidateGroup(candidateGroup).singleResult();
  }

  /** Submits a task form as Tasklist does: lists and maps as Json variables, the rest as they are. */
  Http.Response submit(String user, Task task, Map<String, ?> values) {
    assertThat(task).as("open task").isNotNull();
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, variable(value)));
    return http.as(user).post("/engine-rest/task/" + task.getId() + "/submit-form", Map.of("variables", variables));
  }

  /** The same, asserting success. */
  void complete(String user, Task task, Map<String, ?> values) {
    Http.Response r = submit(user, task, values);
    assertThat(r.status()).as(r.toString()).isEqualTo(204);
  }

  static Map<String, Object> variable(Object value) {
    Map<String, Object> v = new LinkedHashMap<>();
    if (value instanceof List<?> || value instanceof Map<?, ?>) {
      try {
        v.put("value", JSON.writeValueAsString(value));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(e);
      }
      v.put("type", "Json");
    } else {
      v.put("value", value);
    }
    return v;
  }

  /** Runs the waiting asynchronous continuations (notices, problem ends) until none is left. */
  void runAsyncJobs(String processInstanceId) {
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).messages().executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> management.executeJob(j.getId()));
    }
    throw new AssertionError("asynchronous jobs keep coming");
  }

  /** Fires the timers that are due by the engine clock. */
  int runDueTimers(String processInstanceId) {
    List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).timers().executable().list();
    due.forEach(j -> management.executeJob(j.getId()));
    return due.size();
  }

  /** Walks a started supervision through inspection and a report listing the problems. */
  void inspectAndReport(String processInstanceId, List<Map<String, ?>> problems) {
    complete("office1", task(processInstanceId, "conductInspection"), Map.of("findings", "实地查看，查阅台账"));
    complete("office2", task(processInstanceId, "writeReport"), Map.of("report", "督查报告正文", "problems", problems));
    runAsyncJobs(processInstanceId);
  }

  static Map<String, Object> problem(String unitCode, String description, Object deadline) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("unitCode", unitCode);
    p.put("description", description);
    p.put("deadline", deadline);
    return p;
  }
}
