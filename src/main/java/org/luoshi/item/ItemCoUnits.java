package org.luoshi.item;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The co-responsible units (协办单位) of the item an instance works on, for the multi-instance
 * task reportCoProgress (BPMN: collection {@code ${itemCoUnits.codes(execution)}}): read from the
 * item bound to the instance, never from a variable a task worker could have written. No co-units:
 * an empty collection, and the multi-instance task completes at once.
 */
@Component("itemCoUnits")
public class ItemCoUnits {

  private final ItemProcess process;

  ItemCoUnits(ItemProcess process) {
    this.process = process;
  }

  public List<String> codes(DelegateExecution execution) {
    return process.item(execution).getCoUnitCodes();
  }
}
