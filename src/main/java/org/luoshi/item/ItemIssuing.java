package org.luoshi.item;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.luoshi.engine.Instances;
import org.luoshi.engine.Vars;
import org.luoshi.identity.AccessPolicy;
import org.luoshi.identity.Groups;
import org.luoshi.tasklist.TasklistFilters;
import org.springframework.stereotype.Component;

/**
 * Start of an item's process (BPMN: ${itemIssuing} on the start event). Started by POST /api/items
 * the item exists already (business key = its code); started from Tasklist's start form it is
 * issued here from the form's variables, by the logged-in office member. Either way the instance
 * gets the item's variables, and the leader in charge and the unit may read it in Cockpit.
 */
@Component("itemIssuing")
class ItemIssuing implements ExecutionListener {

  private final Items items;
  private final ItemProcess process;
  private final AccessPolicy access;
  private final TasklistFilters filters;

  ItemIssuing(Items items, ItemProcess process, AccessPolicy access, TasklistFilters filters) {
    this.items = items;
    this.process = process;
    this.access = access;
    this.filters = filters;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String code = execution.getProcessBusinessKey();
    if (code == null || code.isBlank()) {
      Vars v = Vars.of(execution);
      IssueRequest request = new IssueRequest(v.text("title"), v.enumValue("source", ItemSource.class),
          v.text("unitCode"), v.text("leadLeader"), v.date("deadline"), v.text("target"),
          v.text("parentCode"), v.date("issuedOn"), v.enumValue("category", ItemCategory.class),
          v.text("responsiblePerson"), v.has("coUnitCodes") ? v.textList("coUnitCodes") : null);
      code = items.issue(request, process.actor()).getCode();
      execution.setProcessBusinessKey(code);
    }
    Item item = items.attachProcess(code, execution.getProcessInstanceId());
    process.refresh(execution, item);
    // the leader, the unit and the 协办单位 follow the item in Cockpit
    List<String> units = new ArrayList<>();
    units.add(Groups.unit(item.getUnitCode()));
    item.getCoUnitCodes().forEach(coUnit -> units.add(Groups.unit(coUnit)));
    if (Instances.startedInThisCommand(execution)) {
      // as always at a start: nobody holds a grant on the instance yet, so none is looked for
      access.grantNewInstance(item.getLeadLeader(), units, execution.getProcessInstanceId());
    } else { // the start event entered again (an administrator's modification of the instance)
      access.grantInstanceToUser(item.getLeadLeader(), execution.getProcessInstanceId());
      units.forEach(unit -> access.grantInstanceToGroup(unit, execution.getProcessInstanceId()));
    }
    filters.ensureLeaderFilter(item.getLeadLeader()); // a leader added after start-up gets 我分管的事项

  }
}
