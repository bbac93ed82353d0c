package org.luoshi.item;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.luoshi.common.DomainException;
import org.luoshi.engine.Vars;
import org.springframework.stereotype.Component;

/**
 * reportCoProgress (协办进展, BPMN: ${reportCoProgressListener} on create and complete): one task per
 * co-unit each month. On create the task names its unit and its answers live on its own execution (so
 * parallel co-units never see each other's drafts). On complete the part is recorded as a progress
 * report of that co-unit, by the engine's authenticated user, who must be a member of it: the unit
 * is the engine's element variable {@code coUnitCode}, checked against the item's co-units (a task
 * form cannot write it, see EngineGuard), and the worker's membership is checked against identity.
 */
@Component("reportCoProgressListener")
class ReportCoProgressListener implements TaskListener {

  private final ItemSteps items;
  private final ItemProcess process;
  private final org.luoshi.identity.Organisation organisation;

  ReportCoProgressListener(ItemSteps items, ItemProcess process, org.luoshi.identity.Organisation organisation) {
    this.items = items;
    this.process = process;
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateTask task) {
    String coUnit = Vars.local(task.getExecution()).text("coUnitCode");
    Item item = process.item(task);
    if (coUnit == null || !item.isCoUnit(coUnit)) {
      throw DomainException.forbidden("该单位不是本事项的协办单位");
    }
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      task.getExecution().setVariableLocal("coUnitName", organisation.unitName(coUnit));
      task.getExecution().setVariableLocal("coProgressPercent", Variables.integerValue(null));
      task.getExecution().setVariableLocal("coProgressNote", Variables.stringValue(null));
      String name = "协办进展（" + organisation.unitName(coUnit) + "）：" + item.getTitle();
      task.setName(name.length() > 255 ? name.substring(0, 255) : name);
      return;
    }
    String actor = org.luoshi.engine.Actors.currentUser(); // never the assignee or a variable
    if (actor == null) {
      throw DomainException.forbidden("协办进展须由协办单位的工作人员登录后报送");
    }
    Vars v = Vars.of(task);
    items.reportCoProgress(item.getCode(), coUnit, v.number("coProgressPercent"), v.text("coProgressNote"),
        "coProgressPercent", "coProgressNote", actor);
  }
}
