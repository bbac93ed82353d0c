package org.luoshi.item;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.luoshi.identity.Organisation;
import org.luoshi.interview.InterviewView;
import org.luoshi.interview.Interviews;
import org.springframework.stereotype.Component;

/**
 * Seven days past the deadline and still not submitted (BPMN: ${overdueInterview}): an
 * accountability interview for poor implementation (工作落实不力) starts, conducted by the leader in
 * charge, with the responsible person — or the unit's staff when no one was named. Starting again
 * after a rejected review finds the same interview.
 */
@Component("overdueInterview")
class OverdueInterview implements JavaDelegate {

  private final ItemProcess process;

  private final ItemSteps items;
  private final Interviews interviews;
  private final Organisation organisation;

  OverdueInterview(ItemSteps items, Interviews interviews, Organisation organisation, ItemProcess process) {
    this.process = process;
    this.items = items;
    this.interviews = interviews;
    this.organisation = organisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Item item = process.item(execution);
    if (!item.isOverdue(org.luoshi.engine.Time.today())) {
      return; // submitted or extended meanwhile
    }
    List<String> people = item.getResponsiblePerson() != null
        ? List.of(item.getResponsiblePerson())
        : organisation.unitMembers(item.getUnitCode());
    InterviewView interview = interviews.startForOverdueItem(item.getCode(), item.getTitle(), item.getLeadLeader(), people);
    items.recordEvent(item.getCode(), "INTERVIEW_STARTED", Items.SYSTEM, interview.id());
  }
}
