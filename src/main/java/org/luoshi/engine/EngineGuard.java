package org.luoshi.engine;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.luoshi.common.DomainException;
import org.luoshi.common.Inputs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The trust boundary of Camunda's REST APIs (DESIGN.md §3). A person calling /engine-rest or the
 * webapps' engine API (Tasklist, Cockpit) may, unless they administer the system:
 *
 * <ul>
 *   <li>complete a task they may work with the variables its Camunda Form declares — nothing else
 *       (read-only fields only unchanged, values of simple types or Json lists);
 *   <li>start a process that has a start form, with that form's fields and without a business key
 *       (the capability's start listener then applies its rules: who may, one instance per record);
 *   <li>claim a task for themselves, hand it back, or hand it to someone who may work it;
 * </ul>
 *
 * but never set or remove process or task variables directly, correlate messages, send signals,
 * throw BPMN errors, modify, restart, migrate or delete instances, edit task properties or
 * candidates: every such step of a domain process belongs to the code of its capability.
 * Everything else (reads, filters, comments, job retries) keeps Camunda's own authorization checks.
 *
 * <p>Only the outermost command of a person's REST call is checked: what listeners and delegates do
 * inside it is Luoshi's code. Refusals are {@link DomainException}s, which web/ answers with the
 * error shape; the failure of every such command is remembered ({@link PersonCalls}) for that.
 */
@Component
public class EngineGuard extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineGuard.class);
  static final String ADMIN_GROUP = "camunda-admin";

  /** Commands a person never issues directly (simple class names, Camunda 7.24). */
  private static final Pattern FORBIDDEN = Pattern.compile(
      "(Set|Remove|Patch)(Task|Execution)Variables(Async)?Cmd"
          + "|Set.*VariablesToProcessInstances.*|.*VariablesBatch.*"
          + "|Correlate.*|MessageEventReceivedCmd|SignalCmd|SignalEventReceivedCmd"
          + "|StartProcessInstanceAtActivitiesCmd|ModifyProcessInstance.*|ProcessInstanceModification.*"
          + "|Restart.*|.*Migrat.*|HandleTask(BpmnError|Escalation)Cmd"
          + "|SaveTaskCmd|CreateTaskCmd|DeleteTaskCmd|Add(User|Group)IdentityLinkCmd|Delete(User|Group)?IdentityLinkCmd"
          + "|SetTask(Owner|Name|Description|DueDate|FollowUpDate|Priority)Cmd"
          + "|SetProcessDefinitionVersionCmd|DeleteProcessInstances?Cmd|UpdateProcessInstancesSuspendState.*"
          + "|CreateIncidentCmd|SetAnnotationForIncidentCmd"
          // a task's comments are its record: added, never rewritten or removed; evidence files are
          // Luoshi's own (Camunda's task attachments are no channel of it)
          + "|UpdateCommentCmd|Delete(Task|ProcessInstance)CommentCmd|(Create|Save|Delete)AttachmentCmd");

  private ProcessEngineConfigurationImpl configuration;
  private final Map<String, FormFields> forms = new ConcurrentHashMap<>();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(new Interceptor());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  private final class Interceptor extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      if (!PersonCalls.active() || Context.getCommandContext() != null) {
        return next.execute(command);
      }
      try {
        checkPaging(command);
        check(command);
        return next.execute(command);
      } catch (RuntimeException e) {
        PersonCalls.failed(e, explainRace(command, e));
        throw e;
      }
    }
  }

  // --- the rules --------------------------------------------------------------------------------

  private void check(Command<?> command) {
    Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
    if (caller == null || isAdmin(caller)) {
      return; // unauthenticated calls are refused by the REST layer's own authentication
    }
    String name = command.getClass().getSimpleName();
    if (FORBIDDEN.matcher(name).matches()) {
      throw DomainException.forbidden("不能直接修改流程：请在任务表单中办理（" + name.replace("Cmd", "") + "）");
    }
    switch (name) {
      case "CompleteTaskCmd", "ResolveTaskCmd" ->
          checkTaskInput(field(command, "taskId", String.class), variables(field(command, "variables", Map.class)));
      case "SubmitTaskFormCmd" ->
          checkTaskInput(field(command, "taskId", String.class), variables(field(command, "properties", Map.class)));
      case "StartProcessInstanceCmd" -> {
        var builder = field(command, "instantiationBuilder", ProcessInstantiationBuilderImpl.class);
        if (builder.getModificationBuilder() != null
            && !builder.getModificationBuilder().getModificationOperations().isEmpty()) {
          throw DomainException.forbidden("不能从流程中间开始");
        }
        checkStart(builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(), builder.getBusinessKey(),
            variables(builder.getVariables()));
      }
      case "SubmitStartFormCmd" -> checkStart(field(command, "processDefinitionId", String.class), null,
          field(command, "businessKey", String.class), variables(field(command, "variables", Map.class)));
      case "AddCommentCmd" -> {
        String message = field(command, "message", String.class);
        if (message == null || message.isBlank()) {
          throw DomainException.invalid("message", "请填写评论");
        }
        Inputs.text("comment", "message", message);
      }
      case "ClaimTaskCmd" -> {
        String user = field(command, "userId", String.class);
        if (user != null && !user.equals(caller.getUserId())) {
          throw DomainException.forbidden("只能为本人认领任务");
        }
        existingTask(field(command, "taskId", String.class));
      }
      case "AssignTaskCmd", "DelegateTaskCmd" -> {
        String taskId = field(command, "taskId", String.class);
        String user = field(command, "userId", String.class);
        if (user != null && !user.equals(caller.getUserId())) {
          checkMayWork(existingTask(taskId), user);
        }
      }
      default -> { }
    }
  }

  /**
   * A query's page as the person asked for it: a negative first result or page size is refused
   * (the database would fail on it), for administrators too.
   */
  private static void checkPaging(Command<?> command) {
    if (command instanceof ListQueryParameterObject page) {
      if (page.getFirstResult() < 0) {
        throw DomainException.invalid("firstResult", Inputs.label(null, "firstResult") + "不能为负数：" + page.getFirstResult());
      }
      if (page.getMaxResults() < 0) {
        throw DomainException.invalid("maxResults", Inputs.label(null, "maxResults") + "不能为负数：" + page.getMaxResults());
      }
    }
  }

  private static FormFields read(InputStream form) {
    try (form) {
      return FormFields.parse(form);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean isAdmin(Authentication caller) {
    return caller.getGroupIds() != null && caller.getGroupIds().contains(ADMIN_GROUP);
  }

  /** A completion carries only its form's fields, of simple types; read-only ones unchanged. */
  private void checkTaskInput(String taskId, Map<String, TypedValue> submitted) {
    Task task = existingTask(taskId);
    FormFields fields = forms.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
        k -> lookup(() -> {
          var data = configuration.getFormService().getTaskFormData(taskId);
          if (data == null || data.getCamundaFormRef() == null) {
            return FormFields.NONE; // a task without a Camunda Form takes no variables from people
          }
          return read(configuration.getFormService().getDeployedTaskForm(taskId));
        }));
    String processKey = task.getProcessDefinitionId() == null ? null : task.getProcessDefinitionId().split(":")[0];
    checkVariables(submitted, fields, "此任务的表单", processKey);
    for (String name : submitted.keySet()) {
      if (fields.readOnly().contains(name)) {
        Object current = lookup(() -> configuration.getTaskService().getVariable(taskId, name));
        Object value = submitted.get(name) == null ? null : submitted.get(name).getValue();
        if (!Objects.equals(text(current), text(value))) {
          throw DomainException.invalid(name, "该字段只读，不能修改");
        }
      }
    }
  }

  private void checkStart(String definitionId, String definitionKey, String businessKey,
      Map<String, TypedValue> submitted) {
    if (businessKey != null && !businessKey.isBlank()) {
      throw DomainException.invalid("businessKey", "业务编号由系统生成，请留空");
    }
    ProcessDefinition definition = lookup(() -> definitionId != null
        ? configuration.getRepositoryService().getProcessDefinition(definitionId)
        : configuration.getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionKey(definitionKey).latestVersion().singleResult());
    if (definition == null) {
      throw DomainException.notFound("没有这个流程：" + (definitionId != null ? definitionId : definitionKey));
    }
    FormFields fields = forms.computeIfAbsent(definition.getId() + "#start", k -> lookup(() -> {
      var data = configuration.getFormService().getStartFormData(definition.getId());
      if (data == null || data.getCamundaFormRef() == null) {
        return FormFields.NONE;
      }
      return read(configuration.getFormService().getDeployedStartForm(definition.getId()));
    }));
    if (fields == FormFields.NONE) {
      throw DomainException.forbidden("“" + definition.getName() + "”由系统自动发起，不能手工发起");
    }
    checkVariables(submitted, fields, "发起表单", definition.getKey());
  }

  private static void checkVariables(Map<String, TypedValue> submitted, FormFields fields, String what,
      String processKey) {
    List<String> undeclared = submitted.keySet().stream().filter(n -> !fields.declares(n)).sorted().toList();
    if (!undeclared.isEmpty()) {
      throw DomainException.invalid(undeclared.get(0), what + "没有这些字段，不能填写：" + String.join("、", undeclared));
    }
    submitted.forEach((name, value) -> {
      if (value != null && !isSimple(value)) {
        // an untyped JSON object or list arrives without a type: name what it is not
        String type = value.getType() != null ? value.getType().getName() : "对象或列表";
        throw DomainException.invalid(name, Inputs.label(processKey, name) + "的值类型不支持（" + type
            + "）：应为文本、数字或是否");
      }
      if (value != null && value.getType() != null && "date".equals(value.getType().getName())) {
        // Camunda's REST layer reads typed dates leniently (2026-02-30 becomes 2 March): Luoshi's forms send
        // dates as text, which Vars reads strictly
        throw DomainException.invalid(name, Inputs.label(processKey, name) + "请以文本填写，如 2026-12-01 或 2026-12-01T09:30:00+08:00");
      }
      checkValue(processKey, name, value);
    });
  }

  /** Longest text a form field may carry (Camunda keeps longer strings in another column). */
  static final int MAX_TEXT = 4000;
  static final int MAX_JSON = 200_000;

  /** What the database would refuse with a server error: control characters, overlong texts, NaN. */
  private static void checkValue(String processKey, String name, TypedValue value) {
    Object v = value == null ? null : value.getValue();
    if (v instanceof String text) {
      // the field's own label, limit and characters (org.luoshi.common.Inputs, as Vars reads it later)
      Inputs.text(processKey, name, text);
      if (text.length() > MAX_TEXT) {
        throw DomainException.invalid(name, Inputs.label(processKey, name) + "过长：不能超过 " + MAX_TEXT + " 字（现为 "
            + text.length() + " 字）");
      }
    } else if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
      throw DomainException.invalid(name, Inputs.label(processKey, name) + "应为有限的数字");
    } else if (v != null && value.getType() != null && "json".equals(value.getType().getName())) {
      String json = v.toString();
      if (json.length() > MAX_JSON) {
        throw DomainException.invalid(name, "内容过长");
      }
      checkCharacters(name, json);
      if (json.contains("\\u0000")) {
        throw DomainException.invalid(name, Inputs.label(processKey, name) + "含有不允许的控制字符");
      }
    }
  }

  private static void checkCharacters(String name, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f) {
        throw DomainException.invalid(name, "含有不允许的控制字符（第 " + (i + 1) + " 个字符）");
      }
    }
  }

  /** Strings, numbers, booleans, dates, null and Json (Tasklist's lists). */
  private static boolean isSimple(TypedValue value) {
    String type = value.getType() == null ? null : value.getType().getName();
    if (type == null) {
      Object v = value.getValue();
      return v == null || v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Date;
    }
    return Set.of("null", "string", "boolean", "integer", "long", "short", "double", "date", "json").contains(type);
  }

  /** The person would hand the task to someone who is not among those the process lets work it. */
  private void checkMayWork(Task task, String userId) {
    boolean may = lookup(() -> {
      List<IdentityLink> links = configuration.getTaskService().getIdentityLinksForTask(task.getId());
      List<String> groups = configuration.getIdentityService().createGroupQuery().groupMember(userId).list()
          .stream().map(Group::getId).toList();
      return links.stream().anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType())
          && (userId.equals(l.getUserId()) || l.getGroupId() != null && groups.contains(l.getGroupId())));
    });
    if (!may) {
      throw DomainException.invalid("userId", "只能交给可以办理此任务的人（本单位或本岗位人员）：" + userId);
    }
  }

  /** The task, or why it is gone: completed by a colleague (409) or never there (404). */
  private Task existingTask(String taskId) {
    if (taskId == null) {
      throw DomainException.invalid("taskId", "缺少任务编号");
    }
    Task task = lookup(() -> configuration.getTaskService().createTaskQuery().taskId(taskId).singleResult());
    if (task != null) {
      return task;
    }
    throw gone(taskId);
  }

  private DomainException gone(String taskId) {
    HistoricTaskInstance done = lookup(() -> configuration.getHistoryService().createHistoricTaskInstanceQuery()
        .taskId(taskId).singleResult());
    if (done != null && done.getEndTime() != null) {
      String who = done.getAssignee() == null ? "" : "（" + nameOf(done.getAssignee()) + "）";
      return DomainException.conflict("taskId", "此任务已由同事办理" + who + "，请刷新任务列表");
    }
    return DomainException.notFound("没有这个任务：" + taskId);
  }

  private String nameOf(String userId) {
    var user = lookup(() -> configuration.getIdentityService().createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return userId;
    }
    String name = Objects.toString(user.getLastName(), "") + Objects.toString(user.getFirstName(), "");
    return name.isBlank() ? userId : name;
  }

  /** A lost race is a conflict, not an engine error: the colleague's completion or claim came first. */
  private RuntimeException explainRace(Command<?> command, RuntimeException e) {
    if (e instanceof DomainException) {
      return e;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DomainException d) {
        return d;
      }
      if (t instanceof TaskAlreadyClaimedException) {
        return DomainException.conflict("taskId", "此任务已由同事认领，请刷新任务列表");
      }
      if (t instanceof OptimisticLockingException) {
        return DomainException.conflict("taskId", "此任务刚刚由同事办理，请刷新后查看");
      }
    }
    String taskId = taskIdOf(command);
    if (taskId != null) {
      try {
        Task task = lookup(() -> configuration.getTaskService().createTaskQuery().taskId(taskId).singleResult());
        if (task == null) {
          return gone(taskId);
        }
      } catch (RuntimeException lookupFailed) {
        LOG.debug("Task {} could not be looked up after a failure", taskId, lookupFailed);
      }
    }
    return e;
  }

  private static String taskIdOf(Command<?> command) {
    try {
      Field f = findField(command.getClass(), "taskId");
      return f == null ? null : (String) f.get(command);
    } catch (ReflectiveOperationException | ClassCastException e) {
      return null;
    }
  }

  // --- helpers ------------------------------------------------------------------------------------

  /** An engine lookup of the guard's own, without the caller's authorization checks. */
  private <T> T lookup(java.util.function.Supplier<T> work) {
    return PersonCalls.unchecked(() -> configuration.getCommandExecutorTxRequired().execute((CommandContext c) -> {
      c.disableAuthorizationCheck();
      return work.get();
    }));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, TypedValue> variables(Map<?, ?> raw) {
    Map<String, TypedValue> out = new java.util.LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (Object key : raw.keySet()) {
      String name = String.valueOf(key);
      if (raw instanceof VariableMap vm) {
        out.put(name, vm.getValueTyped(name));
      } else {
        Object v = raw.get(key);
        out.put(name, v instanceof TypedValue t ? t : org.camunda.bpm.engine.variable.Variables.untypedValue(v));
      }
    }
    return out;
  }

  private static String text(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Collection<?> c && c.isEmpty()) {
      return null;
    }
    String s = o.toString();
    return s.isEmpty() ? null : s;
  }

  /** A field of a Camunda command; a command whose shape changed is refused, never let through. */
  private static <T> T field(Object command, String name, Class<T> type) {
    try {
      Field f = findField(command.getClass(), name);
      if (f == null) {
        throw new NoSuchFieldException(name);
      }
      return type.cast(f.get(command));
    } catch (ReflectiveOperationException | ClassCastException e) {
      LOG.error("EngineGuard cannot read {}.{} (Camunda changed?): refusing the command", command.getClass().getName(), name);
      throw DomainException.forbidden("此操作暂不可用");
    }
  }

  private static Field findField(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
      } catch (NoSuchFieldException e) {
        // look further up
      }
    }
    return null;
  }
}
