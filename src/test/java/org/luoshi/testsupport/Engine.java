package org.luoshi.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives the running application's engine the way its users and its job executor would: tasks are
 * completed through /engine-rest/task/{id}/submit-form exactly as Tasklist sends a Camunda Form
 * (untyped strings, numbers, booleans; lists as Json), jobs are executed through the job API.
 */
public class Engine {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Http http;
  private final TaskService tasks;
  private final ManagementService management;

  public Engine(Http http, TaskService tasks, ManagementService management) {
    this.http = http;
    this.tasks = tasks;
    this.management = management;
  }

  /** The open task with this key on the instance with this business key, or null. */
  public Task task(String businessKey, String taskKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult();
  }

  public Task requireTask(String businessKey, String taskKey) {
    Task t = task(businessKey, taskKey);
    if (t == null) {
      throw new AssertionError("no open task " + taskKey + " on " + businessKey + "; open: "
          + tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list().stream()
              .map(Task::getTaskDefinitionKey).toList());
    }
    return t;
  }

  /** Submits the task's form as a user, as Tasklist does; returns the HTTP answer (204 on success). */
  public Http.Response submit(String user, String businessKey, String taskKey, Map<String, ?> values) {
    return submitForm(user, requireTask(businessKey, taskKey).getId(), values);
  }

  public Http.Response submitForm(String user, String taskId, Map<String, ?> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      if (v instanceof List<?> || v instanceof Map<?, ?>) {
        try {
          variables.put(k, Map.of("type", "Json", "value", JSON.writeValueAsString(v)));
        } catch (Exception e) {
          throw new IllegalArgumentException(e);
        }
      } else {
        Map<String, Object> untyped = new LinkedHashMap<>();
        untyped.put("value", v);
        variables.put(k, untyped);
      }
    });
    return http.as(user).post("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
  }

  /** Submits and insists on success, then runs the async steps that follow. */
  public void done(String user, String businessKey, String taskKey, Map<String, ?> values) {
    Http.Response r = submit(user, businessKey, taskKey, values);
    if (r.status() != 204) {
      throw new AssertionError(taskKey + " by " + user + " failed: " + r);
    }
    runAsync();
  }

  /** Executes every due async continuation (notifications …), as the job executor would. */
  public void runAsync() {
    for (int i = 0; i < 50; i++) {
      List<Job> jobs = management.createJobQuery().messages().executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> management.executeJob(j.getId()));
    }
    throw new AssertionError("async jobs keep coming");
  }

  /** The timer job of an activity on the instance with this business key, or null. */
  public Job timer(String processInstanceId, String activityId) {
    return management.createJobQuery().processInstanceId(processInstanceId).timers().activityId(activityId).singleResult();
  }

  /** Moves the clock to the timer's due date and executes it, then the async steps that follow. */
  public void fire(String processInstanceId, String activityId) {
    Job job = timer(processInstanceId, activityId);
    if (job == null) {
      throw new AssertionError("no timer " + activityId + " on " + processInstanceId);
    }
    if (job.getDuedate().after(ClockUtil.getCurrentTime())) {
      ClockUtil.setCurrentTime(job.getDuedate());
    }
    management.executeJob(job.getId());
    runAsync();
  }

  public static void clock(Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
  }

  public static void resetClock() {
    ClockUtil.reset();
  }
}
