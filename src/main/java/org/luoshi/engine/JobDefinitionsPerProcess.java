package org.luoshi.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionManager;
import org.springframework.stereotype.Component;

/**
 * A command that creates several jobs of one process reads the process's job definitions in one
 * statement instead of one statement per job.
 *
 * <p>Camunda reads a job's definition whenever it creates the job (a suspended definition makes a
 * suspended job): one {@code select * from ACT_RU_JOBDEF where ID_ = ?} per timer, so starting a
 * responsibility item, which sets its reminder, overdue, reply and progress timers, asks four times. Here
 * the first of them reads all job definitions of the process ({@code PROC_DEF_ID_ = ?}, one index probe) into
 * the command's cache, where Camunda finds the others. Every command still reads the definitions afresh
 * from the database, suspension state included, as Camunda does; what is kept across commands is only which
 * process a job definition belongs to, which never changes.
 */
@Component
class JobDefinitionsPerProcess extends AbstractProcessEnginePlugin {

  /** Job definitions whose process is kept at most; past it the store starts afresh. */
  static final int LIMIT = 10_000;

  private final Map<String, String> processOf = new ConcurrentHashMap<>();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineSessions.replace(configuration, JobDefinitionManager.class, () -> new Manager(processOf));
  }

  /** Camunda's job definition manager, reading a process's definitions together. */
  static final class Manager extends JobDefinitionManager {

    private final Map<String, String> processOf;

    Manager(Map<String, String> processOf) {
      this.processOf = processOf;
    }

    @Override
    public JobDefinitionEntity findById(String id) {
      if (id == null || getDbEntityManager().getCachedEntity(JobDefinitionEntity.class, id) != null) {
        return super.findById(id); // Camunda's answer from the command's cache (or none for none)
      }
      String process = processOf.get(id);
      if (process == null) {
        JobDefinitionEntity found = super.findById(id);
        if (found == null || found.getProcessDefinitionId() == null) {
          return found;
        }
        process = found.getProcessDefinitionId();
      }
      // the process's definitions into the command's cache (a row already cached stays as it is)
      for (JobDefinitionEntity sibling : findByProcessDefinitionId(process)) {
        if (processOf.size() >= LIMIT) {
          processOf.clear();
        }
        processOf.put(sibling.getId(), process);
      }
      return super.findById(id); // from the cache now; from the database if it is no longer among them
    }
  }

  /** How many job definitions' processes are known (tests). */
  int known() {
    return processOf.size();
  }
}
