package org.luoshi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.LuoshiIT;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link JobDefinitionsPerProcess}: a start that sets two timers reads the process's job definitions
 * together, and a suspended definition still makes a suspended job.
 */
@LuoshiIT
class JobDefinitionsPerProcessIT {

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JobDefinitionsPerProcess plugin;

  /** Two timers set at the start (event subprocesses), one later (a boundary timer on the second task). */
  static BpmnModelInstance model() {
    var builder = Bpmn.createExecutableProcess("jobdef-probe").camundaHistoryTimeToLive(1).name("定时器测试");
    builder.eventSubProcess("firstTimerEvents").startEvent("firstTimer").interrupting(false)
        .timerWithDate("2099-01-01T00:00:00").endEvent();
    builder.eventSubProcess("secondTimerEvents").startEvent("secondTimer").interrupting(false)
        .timerWithDate("2099-02-01T00:00:00").endEvent();
    return builder.startEvent().userTask("first").userTask("work")
        .boundaryEvent("lateTimer").timerWithDuration("P100D").endEvent()
        .moveToActivity("work").endEvent().done();
  }

  @Test
  void aStartWithTwoTimersReadsAllTheProcesssJobDefinitionsAndKeepsTheirSuspension() {
    String deployment = repository.createDeployment().addModelInstance("jobdef-probe.bpmn", model()).deploy().getId();
    try {
      Map<String, String> definitions = management.createJobDefinitionQuery()
          .processDefinitionKey("jobdef-probe").list().stream()
          .collect(Collectors.toMap(JobDefinition::getActivityId, JobDefinition::getId));
      assertThat(definitions).containsOnlyKeys("firstTimer", "secondTimer", "lateTimer");

      runtime.startProcessInstanceByKey("jobdef-probe"); // the first time: learns the process of each definition
      assertThat(plugin.known()).isGreaterThanOrEqualTo(3);

      // the first timer's definition suspended: its next job is made suspended, the other one active
      management.suspendJobDefinitionById(definitions.get("firstTimer"));
      var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      var cached = config.getCommandExecutorTxRequired().execute(context -> {
        String instance = runtime.startProcessInstanceByKey("jobdef-probe").getId();
        // all three definitions were read with the first timer's, though the start made two jobs
        var read = context.getDbEntityManager().getCachedEntitiesByType(JobDefinitionEntity.class).stream()
            .map(JobDefinitionEntity::getActivityId).sorted().toList();
        return Map.entry(instance, read);
      });
      assertThat(cached.getValue()).containsExactly("firstTimer", "lateTimer", "secondTimer");
      Map<String, Boolean> suspended = management.createJobQuery().processInstanceId(cached.getKey()).list()
          .stream().collect(Collectors.toMap(Job::getJobDefinitionId, Job::isSuspended));
      assertThat(suspended).containsOnly(
          Map.entry(definitions.get("firstTimer"), true), Map.entry(definitions.get("secondTimer"), false));

      management.activateJobDefinitionById(definitions.get("firstTimer"));
      String third = runtime.startProcessInstanceByKey("jobdef-probe").getId();
      assertThat(management.createJobQuery().processInstanceId(third).suspended().count()).isZero();
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }
}
