package org.luoshi.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.luoshi.engine.Vars;

/** Drives interview instances in Spring tests: jobs through the job API, tasks through the task service. */
class InterviewDriver {

  /** Monday 2 March 2026, 10:00 Beijing time: the tests' "now". */
  static final OffsetDateTime MONDAY = OffsetDateTime.parse("2026-03-02T10:00:00+08:00");

  private final TaskService tasks;
  private final ManagementService management;

  InterviewDriver(TaskService tasks, ManagementService management) {
    this.tasks = tasks;
    this.management = management;
  }

  static void clock(OffsetDateTime now) {
    ClockUtil.setCurrentTime(Date.from(now.toInstant()));
  }

  /** Executes the instance's jobs that are due, as the job executor would; returns how many ran. */
  int runJobs(String processInstanceId) {
    int ran = 0;
    List<Job> due;
    while (!(due = management.createJobQuery().processInstanceId(processInstanceId).executable().list()).isEmpty()) {
      for (Job job : due) {
        management.executeJob(job.getId());
        ran++;
      }
    }
    return ran;
  }

  Task task(String processInstanceId, String key) {
    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    assertThat(task).as("open task %s", key).isNotNull();
    return task;
  }

  void complete(String processInstanceId, String key, Map<String, Object> variables) {
    tasks.complete(task(processInstanceId, key).getId(), variables);
  }

  /** Notify, prepare, hold (the day after) with the attendees, and record. */
  void holdAndRecord(InterviewView interview, List<String> attendees, InterviewOutcome outcome) {
    String pi = interview.processInstanceId();
    runJobs(pi);
    complete(pi, "prepareInterview", Map.of("outline", "了解情况，听取说明"));
    clock(interview.scheduledAt().plusMinutes(30));
    complete(pi, "conductInterview", Map.of("held", true, "attendees", Vars.json(attendees)));
    if (outcome != null) {
      complete(pi, "recordInterview", Map.of("record", "被约谈人说明了情况并作出整改承诺。",
          "outcome", outcome.name(), "rectificationRequired", false));
    }
  }
}
