#!/usr/bin/env node
// Writes the generated parts of docs/MODELLING.md from the models, so they cannot drift: for each
// process its picture, start form, user tasks (keys, assignment, forms and their fields), service
// and rule tasks, listeners, timers, gateway conditions and variables; for each DMN its table; the
// beans the models call (what their sources read and write); the element templates. Chinese between
// <!-- generated:zh:start --> and <!-- generated:zh:end -->, English between the :en: markers; the
// text outside the markers is hand-written and never touched.
//
//   node tools/modelling-doc.mjs          rewrite the generated parts (part of `npm run docs`)
//   node tools/modelling-doc.mjs --check  fail when docs/MODELLING.md is not what the models give
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, bpmnFiles, dmnFiles, parseBpmn, parseDmn, forms as readForms, springBeans, classSummary,
  delegateFacts, sourcesMentioning, stem, is, walk
} from './lib/models.mjs';

export const DOC = join(ROOT, 'docs', 'MODELLING.md');
const TEMPLATES = join(ROOT, '.camunda', 'element-templates');

const T = {
  zh: {
    processes: '流程', decisions: '决策表（DMN）', beans: '流程调用的 Bean（委托与监听器）', templates: '元素模板',
    file: '文件', version: '版本标签', ttl: '历史保留', starters: '可发起的组', none: '—',
    start: '发起（开始表单）', startEvent: '开始事件', form: '表单', fields: '填写的变量',
    userTasks: '用户任务', key: '任务键', name: '名称', who: '办理人', listeners: '监听器', inSub: '所在子流程',
    services: '服务任务与规则任务', impl: '实现', inputs: '输入参数', async: '异步 / 重试',
    execListeners: '执行监听器', element: '元素', event: '事件', delegate: 'Bean',
    timers: '定时器', kind: '类型', signals: '消息、信号与错误', signalName: '名称（关联用）', expression: '表达式', where: '位置',
    gateways: '网关与条件', gateway: '网关', flow: '流向', condition: '条件', default: '默认流向',
    yesNo: '表单的单选按钮把“是/否”提交为文本 `"true"`/`"false"`，监听器校验后不再改写为布尔值（省去每步一次变量更新），所以条件写作 `${x == true}`（JUEL 比较时把文本转换为是/否）；只写 `${x}` 时 Camunda 要求变量本身是布尔值，会报错。',
    variables: '变量', variable: '变量', writtenBy: '写入', readBy: '读取',
    hit: '命中策略', calledBy: '调用方', rule: '规则', note: '说明',
    bean: 'Bean', cls: '类', type: '类型', usedIn: '用在', reads: '读取的变量', writes: '写入的变量', calls: '调用',
    template: '模板', tplFields: '字段', appliesTo: '适用于',
    assignee: '办理人', candidateGroups: '候选组', candidateUsers: '候选人',
    required: '必填', readonly: '只读',
    startOf: (sub, interrupting) => `事件子流程“${sub}”的开始事件${interrupting ? '（中断）' : '（不中断）'}`,
    boundaryOf: (task, cancel) => `附着在“${task}”上${cancel ? '（中断）' : '（不中断）'}`,
    intermediate: '中间事件', processStart: '流程开始事件',
    formShows: '表单展示', delegateWrites: 'Bean 写入', result: '决策结果', startForm: '开始表单',
    expressionsIn: '表达式', decisionInput: '决策输入',
    generatedNote: '以下内容由 `npm run docs` 从 `processes/` 生成，请修改模型而不是这里的文字。',
    missingBean: '（src/main/java 中尚无）',
    ofProcess: (n) => `共 ${n} 个流程`, ofDecision: (n) => `共 ${n} 个决策`
  },
  en: {
    processes: 'Processes', decisions: 'Decision tables (DMN)', beans: 'Beans the models call (delegates and listeners)', templates: 'Element templates',
    file: 'File', version: 'Version tag', ttl: 'History time-to-live', starters: 'Groups that may start it', none: '—',
    start: 'Start (start form)', startEvent: 'Start event', form: 'Form', fields: 'Variables it fills in',
    userTasks: 'User tasks', key: 'Task key', name: 'Name', who: 'Who', listeners: 'Listeners', inSub: 'In sub-process',
    services: 'Service and business-rule tasks', impl: 'Implementation', inputs: 'Inputs', async: 'Async / retries',
    execListeners: 'Execution listeners', element: 'Element', event: 'Event', delegate: 'Bean',
    timers: 'Timers', kind: 'Kind', signals: 'Messages, signals and errors', signalName: 'Name (to correlate)', expression: 'Expression', where: 'Where',
    gateways: 'Gateways and conditions', gateway: 'Gateway', flow: 'Flow', condition: 'Condition', default: 'default flow',
    yesNo: 'The forms\' radio buttons send a yes/no as the text `"true"`/`"false"`, which the listeners check and no longer rewrite as a boolean (one variable update less per step): the conditions read `${x == true}` (JUEL turns the text into a yes/no to compare); a bare `${x}` makes Camunda demand a boolean and fail.',
    variables: 'Variables', variable: 'Variable', writtenBy: 'Written by', readBy: 'Read by',
    hit: 'Hit policy', calledBy: 'Called by', rule: 'Rule', note: 'Description',
    bean: 'Bean', cls: 'Class', type: 'Kind', usedIn: 'Used in', reads: 'Reads', writes: 'Writes', calls: 'Calls',
    template: 'Template', tplFields: 'Fields', appliesTo: 'Applies to',
    assignee: 'assignee', candidateGroups: 'candidate groups', candidateUsers: 'candidate users',
    required: 'required', readonly: 'read-only',
    startOf: (sub, interrupting) => `start of event sub-process “${sub}”${interrupting ? ' (interrupting)' : ' (non-interrupting)'}`,
    boundaryOf: (task, cancel) => `boundary of “${task}”${cancel ? ' (interrupting)' : ' (non-interrupting)'}`,
    intermediate: 'intermediate event', processStart: 'start of the process',
    formShows: 'form shows', delegateWrites: 'bean writes', result: 'decision result', startForm: 'start form',
    expressionsIn: 'expressions', decisionInput: 'decision input',
    generatedNote: 'Generated from `processes/` by `npm run docs`: change the models, not this text.',
    missingBean: '(not in src/main/java yet)',
    ofProcess: (n) => `${n} processes`, ofDecision: (n) => `${n} decisions`
  }
};

// Markdown helpers ///////////////////////////////////////////////////////////////////////////

const cell = (v) => String(v ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>').trim() || '—';
const code = (v) => v === undefined || v === null || v === '' ? '—' : '`' + String(v).replace(/`/g, "'") + '`';
const table = (head, rows) => rows.length
  ? ['| ' + head.map(cell).join(' | ') + ' |', '|' + head.map(() => '---').join('|') + '|', ...rows.map(r => '| ' + r.map(cell).join(' | ') + ' |')].join('\n')
  : '';
const anchor = (id) => `model-${id.replace(/[^A-Za-z0-9-]/g, '-')}`;

// Expressions ////////////////////////////////////////////////////////////////////////////////

const KEYWORDS = new Set(['and', 'or', 'not', 'eq', 'ne', 'lt', 'gt', 'le', 'ge', 'empty', 'null', 'true', 'false',
  'div', 'mod', 'instanceof', 'execution', 'task', 'authenticatedUserId', 'dateTime', 'Variables', 'variables']);

/** Variables and beans an expression names. */
function names(expression, beans) {
  const vars = new Set(), used = new Set();
  if (!expression) return { vars, used };
  for (const m of String(expression).matchAll(/[$#]\{([^}]*)\}/g)) {
    const body = m[1];
    for (const q of body.matchAll(/(?:get|has)Variable(?:Local)?\(\s*['"](\w+)['"]\s*\)/g)) vars.add(q[1]);
    const plain = body.replace(/'[^']*'|"[^"]*"/g, ' ');
    for (const id of plain.matchAll(/(?<![\w.])([A-Za-z_]\w*)(?!\w)(?!\s*\()/g)) {
      const name = id[1];
      if (KEYWORDS.has(name)) continue;
      if (beans.has(name)) used.add(name); else vars.add(name);
    }
  }
  return { vars, used };
}

// Reading a process //////////////////////////////////////////////////////////////////////////

const attr = (e, name) => e.get ? e.get(`camunda:${name}`) : undefined;
const ext = (e, type) => (e.extensionElements && e.extensionElements.values || []).filter(v => v.$type === type);
const typeName = (e) => e.$type.replace(/^bpmn:/, '');
const label = (e) => e ? `${e.name || e.id}` : '';

function collect(process) {
  const all = [];
  const visit = (container, sub) => {
    for (const e of container.flowElements || []) {
      all.push({ e, sub });
      if (e.flowElements) visit(e, e);
    }
  };
  visit(process, null);
  return all;
}

function describeProcess(process, rel, ctx) {
  const elements = collect(process);
  const byId = new Map(elements.map(x => [x.e.id, x.e]));
  const vars = new Map();   // name → { written: Set, read: Set } with locale-neutral tags
  const v = (name) => { if (!vars.has(name)) vars.set(name, { written: [], read: [] }); return vars.get(name); };
  const usedBeans = new Set();
  const note = (expression, where) => {
    const { vars: vs, used } = names(expression, ctx.beans);
    vs.forEach(n => v(n).read.push({ kind: 'expr', where }));
    used.forEach(b => usedBeans.add(b));
  };

  const starts = [], userTasks = [], services = [], listeners = [], timers = [], gateways = [], signals = [];
  for (const { e, sub } of elements) {
    const where = e.id;
    // listeners on any element
    for (const l of [...ext(e, 'camunda:ExecutionListener'), ...ext(e, 'camunda:TaskListener')]) {
      const impl = l.delegateExpression || l.expression || l.class || (l.script ? 'script' : '');
      listeners.push({ element: e, kind: l.$type === 'camunda:TaskListener' ? 'task' : 'execution', event: l.event, impl });
      if (l.delegateExpression) beanOf(l.delegateExpression, usedBeans); else note(l.expression, where);
    }
    const formRef = attr(e, 'formRef') || attr(e, 'formKey');
    if (is(e, 'bpmn:StartEvent') && !sub && formRef) {
      starts.push({ e, form: formRef });
      const form = ctx.forms.get(formRef);
      (form ? form.fields : []).forEach(f => v(f.key).written.push({ kind: 'start', where: e.id }));
      (form ? form.shows : []).forEach(n => v(n).read.push({ kind: 'form', where: e.id }));
    }
    if (is(e, 'bpmn:UserTask')) {
      userTasks.push({ e, sub, form: formRef });
      ['assignee', 'candidateGroups', 'candidateUsers', 'dueDate', 'followUpDate'].forEach(a => note(attr(e, a), where));
      const form = ctx.forms.get(formRef);
      (form ? form.fields : []).forEach(f => v(f.key).written.push({ kind: 'form', where: e.id }));
      (form ? form.shows : []).forEach(n => v(n).read.push({ kind: 'form', where: e.id }));
    }
    if (isActivityWithImplementation(e)) {
      const inputs = ext(e, 'camunda:InputOutput').flatMap(io => io.inputParameters || [])
        .map(p => ({ name: p.name, value: p.value !== undefined ? p.value : (p.definition ? p.definition.$type.replace('camunda:', '') : '') }));
      inputs.forEach(p => note(p.value, where));
      services.push({ e, sub, inputs });
      if (attr(e, 'delegateExpression')) beanOf(attr(e, 'delegateExpression'), usedBeans); else note(attr(e, 'expression'), where);
      if (attr(e, 'resultVariable')) v(attr(e, 'resultVariable')).written.push({ kind: is(e, 'bpmn:BusinessRuleTask') ? 'result' : 'expr', where });
      const decision = attr(e, 'decisionRef');
      if (decision && ctx.decisionInputs.has(decision)) {
        ctx.decisionInputs.get(decision).forEach(n => v(n).read.push({ kind: 'decision', where: `${e.id} → ${decision}` }));
      }
    }
    for (const def of e.eventDefinitions || []) {
      for (const [type, ref] of [['bpmn:MessageEventDefinition', 'messageRef'], ['bpmn:SignalEventDefinition', 'signalRef'],
        ['bpmn:ErrorEventDefinition', 'errorRef'], ['bpmn:EscalationEventDefinition', 'escalationRef']]) {
        if (is(def, type)) {
          const target = def[ref];
          signals.push({ e, sub, kind: type.replace('bpmn:', '').replace('EventDefinition', ''),
            name: target ? (target.name || target.id) + (target.errorCode ? ` (${target.errorCode})` : '') : '' });
        }
      }
      if (is(def, 'bpmn:TimerEventDefinition')) {
        const [kind, expr] = def.timeDate ? ['timeDate', def.timeDate] : def.timeCycle ? ['timeCycle', def.timeCycle] : ['timeDuration', def.timeDuration];
        timers.push({ e, sub, kind, expression: expr && expr.body });
        note(expr && expr.body, where);
      }
    }
    if (e.loopCharacteristics) {
      note(attr(e.loopCharacteristics, 'collection'), where);
      if (e.loopCharacteristics.loopCardinality) note(e.loopCharacteristics.loopCardinality.body, where);
      if (e.loopCharacteristics.completionCondition) note(e.loopCharacteristics.completionCondition.body, where);
    }
    if (is(e, 'bpmn:SequenceFlow') && e.conditionExpression) note(e.conditionExpression.body, e.sourceRef ? e.sourceRef.id : where);
    if ((is(e, 'bpmn:ExclusiveGateway') || is(e, 'bpmn:InclusiveGateway') || is(e, 'bpmn:ComplexGateway')) && (e.outgoing || []).length > 1) {
      gateways.push({ e, flows: e.outgoing.map(f => ({ f, isDefault: e.default && e.default.id === f.id })) });
    }
  }
  // what the beans this model calls write (from their sources)
  for (const l of listeners) beanOf(l.impl, usedBeans);
  for (const s of services) beanOf(attr(s.e, 'delegateExpression'), usedBeans);
  for (const b of usedBeans) {
    const bean = ctx.beans.get(b);
    if (!bean) continue;
    const facts = ctx.facts(b);
    facts.writes.filter(n => n !== 'businessKey').forEach(n => v(n).written.push({ kind: 'bean', where: `\${${b}}` }));
  }
  return { process, rel, byId, starts, userTasks, services, listeners, timers, gateways, signals, vars, usedBeans };
}

function beanOf(expression, set) {
  const m = String(expression || '').match(/^[$#]\{\s*(\w+)\s*\}$/);
  if (m) set.add(m[1]);
}

const isActivityWithImplementation = (e) =>
  ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask', 'bpmn:ScriptTask', 'bpmn:CallActivity'].some(t => is(e, t));

// Writing a process //////////////////////////////////////////////////////////////////////////

function assignment(e, t) {
  const parts = [];
  if (attr(e, 'assignee')) parts.push(`${t.assignee} ${code(attr(e, 'assignee'))}`);
  if (attr(e, 'candidateGroups')) parts.push(`${t.candidateGroups} ${code(attr(e, 'candidateGroups'))}`);
  if (attr(e, 'candidateUsers')) parts.push(`${t.candidateUsers} ${code(attr(e, 'candidateUsers'))}`);
  return parts.join('; ') || t.none;
}

function formFields(formId, ctx, t) {
  const form = ctx.forms.get(formId);
  if (!form) return t.none;
  return form.fields.map(f => {
    const flags = [f.required ? t.required : '', f.readonly ? t.readonly : '',
      f.min !== undefined || f.max !== undefined ? `${f.min ?? ''}–${f.max ?? ''}` : ''].filter(Boolean).join(', ');
    return `${code(f.key)} ${f.label}${flags ? `（${flags}）` : ''}`.replace('（', t === T.en ? ' (' : '（').replace(/）$/, t === T.en ? ')' : '）');
  }).join('<br>') || t.none;
}

function implementation(e) {
  if (attr(e, 'delegateExpression')) return code(attr(e, 'delegateExpression'));
  if (attr(e, 'expression')) return code(attr(e, 'expression'));
  if (attr(e, 'class')) return code(attr(e, 'class'));
  if (attr(e, 'decisionRef')) {
    return `DMN [${code(attr(e, 'decisionRef'))}](#${anchor(attr(e, 'decisionRef'))}) (${attr(e, 'decisionRefBinding') || 'latest'})`
      + (attr(e, 'resultVariable') ? ` → ${code(attr(e, 'resultVariable'))} (${attr(e, 'mapDecisionResult') || 'resultList'})` : '');
  }
  if (is(e, 'bpmn:CallActivity')) return `call ${code(e.calledElement)}`;
  if (attr(e, 'type') === 'external') return `external ${code(attr(e, 'topic'))}`;
  return '—';
}

function asyncRetries(e) {
  const parts = [];
  if (attr(e, 'asyncBefore')) parts.push('asyncBefore');
  if (attr(e, 'asyncAfter')) parts.push('asyncAfter');
  const retry = ext(e, 'camunda:FailedJobRetryTimeCycle')[0];
  if (retry) parts.push(retry.body);
  return parts.join(', ') || '—';
}

function eventWhere(x, t) {
  const e = x.e;
  if (is(e, 'bpmn:BoundaryEvent')) return t.boundaryOf(label(e.attachedToRef), e.cancelActivity !== false);
  if (is(e, 'bpmn:StartEvent') && x.sub && x.sub.triggeredByEvent) return t.startOf(label(x.sub), e.isInterrupting !== false);
  if (is(e, 'bpmn:StartEvent')) return t.processStart;
  return typeName(e) + (x.sub ? ` (${label(x.sub)})` : '');
}

function timerWhere(timer, d, t) {
  const e = timer.e;
  if (is(e, 'bpmn:BoundaryEvent')) return t.boundaryOf(label(e.attachedToRef), e.cancelActivity !== false);
  if (is(e, 'bpmn:StartEvent') && timer.sub && timer.sub.triggeredByEvent) return t.startOf(label(timer.sub), e.isInterrupting !== false);
  if (is(e, 'bpmn:StartEvent')) return t.processStart;
  return t.intermediate + (timer.sub ? ` (${label(timer.sub)})` : '');
}

function writeProcess(d, ctx, t) {
  const p = d.process;
  const out = [];
  out.push(`### ${p.name || p.id} \`${p.id}\``);
  out.push('');
  out.push(`<a id="${anchor(p.id)}"></a>`);
  out.push('');
  out.push(`![${p.name || p.id}](models/${stem(d.rel)}.svg)`);
  out.push('');
  out.push(`- ${t.file}: \`processes/${d.rel}\``
    + (attr(p, 'versionTag') ? ` · ${t.version}: ${attr(p, 'versionTag')}` : '')
    + ` · ${t.ttl}: ${attr(p, 'historyTimeToLive') || '—'}`
    + (attr(p, 'candidateStarterGroups') ? ` · ${t.starters}: ${code(attr(p, 'candidateStarterGroups'))}` : ''));
  const doc = (p.documentation || []).map(x => x.text).join(' ').trim();
  if (doc) out.push(`- ${doc}`);
  out.push('');
  if (d.starts.length) {
    out.push(`#### ${t.start}`, '');
    out.push(table([t.startEvent, t.form, t.fields], d.starts.map(s => [`${code(s.e.id)} ${s.e.name || ''}`, code(s.form), formFields(s.form, ctx, t)])));
    out.push('');
  }
  if (d.userTasks.length) {
    out.push(`#### ${t.userTasks}`, '');
    out.push(table([t.key, t.name, t.who, t.form, t.fields, t.listeners, t.inSub], d.userTasks.map(u => [
      code(u.e.id), u.e.name, assignment(u.e, t), code(u.form), formFields(u.form, ctx, t),
      d.listeners.filter(l => l.element === u.e).map(l => `${l.event} ${code(l.impl)}`).join('<br>') || '—',
      u.sub ? label(u.sub) : '—'])));
    out.push('');
  }
  if (d.services.length) {
    out.push(`#### ${t.services}`, '');
    out.push(table(['id', t.name, t.impl, t.inputs, t.async, t.inSub], d.services.map(s => [
      code(s.e.id), s.e.name, implementation(s.e),
      s.inputs.map(i => `${i.name} = ${code(i.value)}`).join('<br>') || '—', asyncRetries(s.e), s.sub ? label(s.sub) : '—'])));
    out.push('');
  }
  const otherListeners = d.listeners.filter(l => !is(l.element, 'bpmn:UserTask'));
  if (otherListeners.length) {
    out.push(`#### ${t.execListeners}`, '');
    out.push(table([t.element, t.event, t.delegate], otherListeners.map(l => [
      `${code(l.element.id)} ${l.element.name || ''} (${typeName(l.element)})`, l.event, code(l.impl)])));
    out.push('');
  }
  if (d.timers.length) {
    out.push(`#### ${t.timers}`, '');
    out.push(table(['id', t.name, t.kind, t.expression, t.where], d.timers.map(x => [
      code(x.e.id), x.e.name, x.kind, code(x.expression), timerWhere(x, d, t)])));
    out.push('');
  }
  if (d.signals.length) {
    out.push(`#### ${t.signals}`, '');
    out.push(table(['id', t.name, t.kind, t.signalName, t.where], d.signals.map(x => [
      code(x.e.id), x.e.name, x.kind, code(x.name), eventWhere(x, t)])));
    out.push('');
  }
  if (d.gateways.length) {
    out.push(`#### ${t.gateways}`, '');
    const rows = [];
    for (const g of d.gateways) {
      g.flows.forEach(({ f, isDefault }, i) => rows.push([
        i === 0 ? `${code(g.e.id)} ${g.e.name || ''}` : '',
        `${f.name || f.id} → ${code(f.targetRef.id)}`,
        isDefault ? t.default : code(f.conditionExpression && f.conditionExpression.body)]));
    }
    out.push(table([t.gateway, t.flow, t.condition], rows));
    out.push('');
    if (rows.some((r) => /== true\}/.test(r[2] || ''))) out.push(t.yesNo, '');
  }
  if (d.vars.size) {
    out.push(`#### ${t.variables}`, '');
    const kinds = { start: t.startForm, form: t.form, formShows: t.formShows, result: t.result, bean: t.delegateWrites, expr: t.expressionsIn, decision: t.decisionInput };
    const list = (entries) => {
      const grouped = new Map();
      for (const { kind, where } of entries) {
        if (!grouped.has(kinds[kind])) grouped.set(kinds[kind], new Set());
        grouped.get(kinds[kind]).add(where);
      }
      return [...grouped].map(([k, ws]) => `${k}: ${[...ws].map(code).join(', ')}`).join('<br>') || '—';
    };
    const rows = [...d.vars].sort(([a], [b]) => a.localeCompare(b)).map(([name, use]) => [
      code(name), list(use.written), list(use.read.map(r => r.kind === 'form' ? { ...r, kind: 'formShows' } : r))]);
    out.push(table([t.variable, t.writtenBy, t.readBy], rows));
    out.push('');
  }
  return out.join('\n');
}

// Decisions //////////////////////////////////////////////////////////////////////////////////

function describeDecisions(definitions, rel, processes) {
  return (definitions.drgElement || []).filter(e => is(e, 'dmn:Decision')).map(decision => {
    const table = decision.decisionLogic && is(decision.decisionLogic, 'dmn:DecisionTable') ? decision.decisionLogic : null;
    const callers = [];
    for (const d of processes) {
      for (const s of d.services) {
        if (attr(s.e, 'decisionRef') === decision.id) callers.push(`${d.process.id} / ${s.e.id}`);
      }
    }
    return { decision, table, rel, callers, sources: sourcesMentioning(decision.id) };
  });
}

function writeDecision(x, t) {
  const { decision, table: dt } = x;
  const out = [];
  out.push(`### ${decision.name || decision.id} \`${decision.id}\``, '');
  out.push(`<a id="${anchor(decision.id)}"></a>`, '');
  out.push(`![${decision.name || decision.id}](models/${stem(x.rel)}.drd.svg)`, '');
  const callers = [...x.callers.map(c => `BPMN ${code(c)}`), ...x.sources.map(s => `[${s.split('/').pop()}](../${s})`)];
  out.push(`- ${t.file}: \`processes/${x.rel}\` · ${t.ttl}: ${decision.get('camunda:historyTimeToLive') || '—'}`
    + (dt ? ` · ${t.hit}: ${dt.hitPolicy || 'UNIQUE'}${dt.aggregation ? ' ' + dt.aggregation : ''}` : '')
    + ` · ${t.calledBy}: ${callers.join(', ') || '—'}`);
  if (decision.description) out.push(`- ${decision.description}`);
  out.push('');
  if (dt) {
    const inputs = dt.input || [], outputs = dt.output || [];
    const head = ['#', ...inputs.map(i => `${i.label || ''} ${code(i.inputExpression && i.inputExpression.text)}`),
      ...outputs.map(o => `→ ${o.label || ''} ${code(o.name)}`), t.note];
    const rows = (dt.rule || []).map((r, i) => [String(i + 1),
      ...(r.inputEntry || []).map(e => e.text && e.text.trim() ? code(e.text.trim()) : '-'),
      ...(r.outputEntry || []).map(e => e.text && e.text.trim() ? code(e.text.trim()) : '-'),
      r.description || '']);
    out.push(table(head, rows), '');
  }
  return out.join('\n');
}

// Beans and templates ////////////////////////////////////////////////////////////////////////

function writeBeans(processes, ctx, t) {
  const usedIn = new Map();
  for (const d of processes) {
    const mark = (expr, el) => {
      const m = String(expr || '').match(/^[$#]\{\s*(\w+)\s*\}$/);
      const b = m ? m[1] : null;
      if (b) { if (!usedIn.has(b)) usedIn.set(b, new Set()); usedIn.get(b).add(`${d.process.id}/${el}`); }
    };
    d.services.forEach(s => mark(attr(s.e, 'delegateExpression'), s.e.id));
    d.listeners.forEach(l => mark(l.impl, `${l.element.id}:${l.event}`));
    for (const b of d.usedBeans) if (!usedIn.has(b)) usedIn.set(b, new Set([`${d.process.id} (${t.expressionsIn})`]));
  }
  const rows = [...usedIn].sort(([a], [b]) => a.localeCompare(b)).map(([name, where]) => {
    const bean = ctx.beans.get(name);
    if (!bean) return [code(name), t.missingBean, '', [...where].map(code).join('<br>'), '', '', ''];
    const f = ctx.facts(name);
    return [code(name), `[${bean.className}](../${bean.file})`, f.kind || 'bean',
      [...where].map(code).join('<br>'), f.reads.map(code).join(', ') || '—', f.writes.map(code).join(', ') || '—',
      f.calls.map(code).join(', ') || '—'];
  });
  const summaries = [...usedIn.keys()].sort().filter(n => ctx.beans.has(n))
    .map(n => `- ${code(n)}: ${classSummary(ctx.beans.get(n).code) || '—'}`);
  return [table([t.bean, t.cls, t.type, t.usedIn, t.reads, t.writes, t.calls], rows), '', ...summaries].join('\n');
}

function writeTemplates(t) {
  const rows = [];
  for (const rel of walk(TEMPLATES, ['.json'])) {
    const parsed = JSON.parse(readFileSync(join(TEMPLATES, rel), 'utf8'));
    for (const tpl of Array.isArray(parsed) ? parsed : [parsed]) {
      const fields = (tpl.properties || []).filter(p => p.type !== 'Hidden').map(p => {
        const choices = p.choices ? ': ' + p.choices.map(c => c.value).join(', ') : '';
        return `${p.label || p.binding.name} (${p.binding.name}${choices})`;
      });
      const bean = (tpl.properties || []).find(p => p.binding && p.binding.name === 'camunda:delegateExpression');
      rows.push([tpl.name, `${code(tpl.id)} v${tpl.version}`, `\`.camunda/element-templates/${rel}\``,
        (tpl.appliesTo || []).join(', '), bean ? code(bean.value) : '—', fields.join('<br>') || '—']);
    }
  }
  return table([t.template, 'id', t.file, t.appliesTo, t.bean, t.tplFields], rows);
}

// The whole generated part ///////////////////////////////////////////////////////////////////

export async function generate() {
  const beans = springBeans();
  const factsCache = new Map();
  const ctx = {
    beans,
    forms: readForms(),
    facts: (name) => {
      if (!factsCache.has(name)) factsCache.set(name, delegateFacts(beans.get(name)));
      return factsCache.get(name);
    },
    decisionInputs: new Map()
  };
  const dmn = [];
  for (const rel of dmnFiles()) {
    const { definitions } = await parseDmn(rel);
    dmn.push({ rel, definitions });
    for (const d of (definitions.drgElement || []).filter(e => is(e, 'dmn:Decision'))) {
      const inputs = (d.decisionLogic && d.decisionLogic.input || []).map(i => i.get('camunda:inputVariable') || (i.inputExpression && i.inputExpression.text)).filter(Boolean);
      ctx.decisionInputs.set(d.id, inputs.filter(n => /^\w+$/.test(n)));
    }
  }
  const processes = [];
  for (const rel of bpmnFiles()) {
    const { definitions } = await parseBpmn(rel);
    for (const p of definitions.rootElements.filter(e => is(e, 'bpmn:Process'))) {
      processes.push(describeProcess(p, rel, ctx));
    }
  }
  const decisions = dmn.flatMap(x => describeDecisions(x.definitions, x.rel, processes));
  const parts = {};
  for (const lang of ['zh', 'en']) {
    const t = T[lang];
    const toc = [
      ...processes.map(d => `- ${t.processes}: [${d.process.name || d.process.id} \`${d.process.id}\`](#${anchor(d.process.id)})`),
      ...decisions.map(x => `- DMN: [${x.decision.name || x.decision.id} \`${x.decision.id}\`](#${anchor(x.decision.id)})`)
    ];
    parts[lang] = [
      `> ${t.generatedNote}`, '', ...toc, '',
      `## ${t.processes}`, '', ...processes.map(d => writeProcess(d, ctx, t)),
      `## ${t.decisions}`, '', ...decisions.map(x => writeDecision(x, t)),
      `## ${t.beans}`, '', writeBeans(processes, ctx, t), '',
      `## ${t.templates}`, '', writeTemplates(t), ''
    ].join('\n').replace(/\n{3,}/g, '\n\n');
  }
  return parts;
}

const marker = (lang, edge) => `<!-- generated:${lang}:${edge} -->`;

/** The document with its generated parts replaced. */
export function merge(doc, parts) {
  let out = doc;
  for (const [lang, text] of Object.entries(parts)) {
    const start = marker(lang, 'start'), end = marker(lang, 'end');
    const i = out.indexOf(start), j = out.indexOf(end);
    if (i < 0 || j < i) throw new Error(`docs/MODELLING.md lacks the markers ${start} … ${end}`);
    out = out.slice(0, i + start.length) + '\n' + text.trim() + '\n' + out.slice(j);
  }
  return out;
}

async function main() {
  if (!existsSync(DOC)) throw new Error('docs/MODELLING.md is missing');
  const current = readFileSync(DOC, 'utf8');
  const next = merge(current, await generate());
  if (process.argv.includes('--check')) {
    if (next !== current) {
      const a = current.split('\n'), b = next.split('\n');
      const at = a.findIndex((line, i) => line !== b[i]);
      console.error(`✖ docs/MODELLING.md is out of date with processes/ (first difference at line ${at + 1}:\n    committed: ${a[at]}\n    models:    ${b[at]})\n  Run \`npm run docs\` and commit docs/.`);
      process.exit(1);
    }
    console.log('✔ docs/MODELLING.md matches the models');
    return;
  }
  if (next !== current) writeFileSync(DOC, next);
  console.log(next !== current ? 'Updated docs/MODELLING.md' : 'docs/MODELLING.md already up to date');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch(e => { console.error(`✖ ${e.message}`); process.exit(1); });
}
