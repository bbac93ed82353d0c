package org.luoshi.instruction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.spin.plugin.variable.SpinValues;
import org.luoshi.common.DomainException;
import org.luoshi.common.Inputs;
import org.luoshi.engine.Privileged;
import org.luoshi.engine.Time;
import org.luoshi.identity.Groups;
import org.luoshi.identity.Organisation;
import org.luoshi.item.ItemFacts;
import org.luoshi.item.ItemInstructions;
import org.luoshi.item.ItemLookup;
import org.luoshi.notification.Notice;
import org.luoshi.notification.Notifications;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leaders' instructions (领导批示) on items: the item's leader in charge or a principal leader
 * writes one at any time while the item is open; the unit's staff and the responsible person are
 * told; the item page, {@code GET /api/items/{code}} and the forms of the item's next tasks show
 * them (process variable {@code instructions}, written here only: no task form declares it, so no
 * task worker can change it, see engine/EngineGuard).
 */
@Service
public class Instructions implements ItemInstructions {

  /** The scope of the request's fields in common/Inputs. */
  static final String SCOPE = "instruction";
  /** The process variable the task forms show as a table. */
  static final String VARIABLE = "instructions";
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final InstructionRepository repository;
  private final ItemLookup items;
  private final Organisation organisation;
  private final Notifications notifications;
  private final RuntimeService runtime;
  private final Privileged privileged;
  private final ObjectMapper json;

  Instructions(InstructionRepository repository, ItemLookup items, Organisation organisation,
      Notifications notifications, RuntimeService runtime, Privileged privileged, ObjectMapper json) {
    this.repository = repository;
    this.items = items;
    this.organisation = organisation;
    this.notifications = notifications;
    this.runtime = runtime;
    this.privileged = privileged;
    this.json = json;
  }

  /**
   * Writes an instruction on an item: 404 for an unknown item, 403 unless the author leads it or is
   * a principal leader, 409 once the item is closed or cancelled, 400 for an empty or too long text.
   */
  @Transactional
  public Instruction write(String itemCode, String text, String author) {
    ItemFacts item = items.facts(itemCode);
    if (!author.equals(item.leadLeader()) && !organisation.isMember(author, Groups.PRINCIPAL_LEADERS)) {
      throw DomainException.forbidden("只有该事项的分管领导或主要领导可以作出批示");
    }
    String body = Inputs.text(SCOPE, "text", text);
    if (body == null) {
      throw DomainException.invalid("text", "请填写批示内容");
    }
    if (item.ended()) {
      throw DomainException.conflict(null, "事项" + item.statusName() + "，不能再作批示");
    }
    InstructionRecord saved =
        repository.save(new InstructionRecord(item.code(), author, body, Time.now()));
    List<Instruction> all = of(item.code());
    showInForms(item, all);
    notify(item, saved);
    return view(saved);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Instruction> of(String itemCode) {
    return repository.findByItemCodeOrderByCreatedAtAscIdAsc(itemCode).stream().map(this::view).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public Set<String> itemsInstructedBetween(Instant from, Instant to) {
    return Set.copyOf(repository.itemCodesBetween(from, to));
  }

  /** The instructions as the item's task forms show them: a Json list on its running process instance. */
  private void showInForms(ItemFacts item, List<Instruction> all) {
    String pid = item.processInstanceId();
    if (pid == null) {
      return;
    }
    var rows = all.stream().map(i -> {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("author", i.authorName());
      row.put("text", i.text());
      row.put("at", i.createdAt().format(MINUTES));
      return row;
    }).toList();
    String value;
    try {
      value = json.writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Instructions cannot be written as JSON", e);
    }
    privileged.run(() -> {
      if (runtime.createProcessInstanceQuery().processInstanceId(pid).active().count() > 0) {
        runtime.setVariable(pid, VARIABLE, SpinValues.jsonValue(value).create());
      }
    });
  }

  private void notify(ItemFacts item, InstructionRecord instruction) {
    var recipients = new java.util.LinkedHashSet<>(organisation.unitMembers(item.unitCode()));
    item.coUnitCodes().forEach(co -> recipients.addAll(organisation.unitMembers(co))); // 协办单位
    if (item.responsiblePerson() != null) {
      recipients.add(item.responsiblePerson());
    }
    recipients.remove(instruction.getAuthor());
    String authorName = organisation.nameOf(instruction.getAuthor());
    String body = "事项：【" + item.code() + "】" + item.title()
        + "\n责任单位：" + item.unitName()
        + "\n截止日期：" + item.deadline()
        + "\n批示领导：" + authorName
        + "\n批示内容：" + instruction.getText()
        + "\n请认真抓好落实，并在落实进展中报告批示的落实情况。";
    notifications.send(new Notice("ITEM_INSTRUCTED", authorName + "对事项作出批示：" + item.title(), body,
        "/ledger/items/" + item.code(), "ITEM_INSTRUCTED:" + item.code() + ":" + instruction.getId()), recipients);
  }

  private Instruction view(InstructionRecord i) {
    return new Instruction(i.getId(), i.getAuthor(), organisation.nameOf(i.getAuthor()), i.getText(),
        OffsetDateTime.ofInstant(i.getCreatedAt(), Time.ZONE));
  }
}
