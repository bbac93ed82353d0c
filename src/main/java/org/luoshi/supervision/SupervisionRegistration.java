package org.luoshi.supervision;

import static org.luoshi.supervision.SupervisionVariables.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.luoshi.engine.Actors;
import org.luoshi.engine.Vars;
import org.luoshi.identity.AccessPolicy;
import org.luoshi.identity.Organisation;
import org.luoshi.common.DomainException;
import org.springframework.stereotype.Component;

/**
 * Registers a started supervision (BPMN: {@code ${supervisionRegistration}}, right after the start,
 * in the starter's transaction so a bad start value fails the start): checks the start variables,
 * draws the RANDOM sample, and gives the process what its forms and Tasklist show.
 */
@Component("supervisionRegistration")
class SupervisionRegistration implements JavaDelegate {

  private final Supervisions service;
  private final Organisation organisation;

  SupervisionRegistration(Supervisions service, Organisation organisation) {
    this.service = service;
    this.organisation = organisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var authentication = Actors.authentication(execution);
    if (authentication != null && !AccessPolicy.isOfficeOrAdmin(authentication.getGroupIds())) {
      throw DomainException.forbidden("只有督查室可以发起督查");
    }
    String startedBy = authentication != null ? authentication.getUserId() : Vars.of(execution).text(STARTER);
    Supervision s = service.register(SupervisionRequest.from(Vars.of(execution)), startedBy,
        execution.getProcessInstanceId());

    String businessKey = execution.getProcessBusinessKey();
    if (businessKey != null && !businessKey.equals(SupervisionProcess.businessKey(s))) {
      throw DomainException.invalid("businessKey", "业务编号由系统生成，请留空");
    }
    execution.setProcessBusinessKey(SupervisionProcess.businessKey(s));
    execution.setVariable(SUPERVISION_ID, s.getId());
    execution.setVariable(METHOD, s.getMethod().name());
    execution.setVariable(METHOD_NAME, s.getMethod().label());
    execution.setVariable(SUBJECT, s.getSubject());
    execution.setVariable(TITLE, "督查：" + s.getSubject());
    execution.setVariable(UNIT_CODES, Vars.json(s.getUnitCodes()));
    List<String> inspected = s.getInspectedUnits();
    List<Map<String, String>> options = inspected.stream().map(code -> {
      Map<String, String> option = new LinkedHashMap<>();
      option.put("label", organisation.unitName(code));
      option.put("value", code);
      return option;
    }).toList();
    execution.setVariable(UNIT_OPTIONS, Vars.json(options));
    execution.setVariable(INSPECTED_UNIT_NAMES,
        String.join("、", options.stream().map(o -> o.get("label")).toList()));
    if (s.getMethod() == SupervisionMethod.RANDOM) {
      execution.setVariable(SAMPLE, Vars.json(inspected));
      execution.setVariable(SAMPLE_SEED, s.getSampleSeed());
      execution.setVariable(SAMPLE_NOTE, "随机抽查：从 " + s.getUnitCodes().size() + " 个单位中抽取 "
          + inspected.size() + " 个，随机种子 " + s.getSampleSeed() + "，抽取规则 " + SampleDraw.ALGORITHM
          + "（可据此复核）。");
    }
  }
}
