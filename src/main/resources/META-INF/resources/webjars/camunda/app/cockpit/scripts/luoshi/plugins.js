// 落实 · Cockpit 插件（Camunda 7.24 的插件接口：ES 模块，由 scripts/config.js 的 customScripts 加载）：
//  - 监控台首页的“全区工作落实”：材料中的各项数字和图表，链接到台账页面；
//  - 流程实例的“落实”标签页：实例背后的事项、约谈、督查、报告或考核；
//  - 流程定义的“已结束实例”标签页和“已结束流程”页面：Cockpit 社区版不显示的已结束实例（按年度、单位、结束状态筛选），
//    每个实例的办理环节和操作记录。
// 所有数据都按本人的权限读取：引擎的历史接口遵守授权（enableHistoricInstancePermissions），落实的 /api 按角色筛选。
import { esc, get, time, duration, rate, table, terms, failure, STATES } from './common.js';
import { renderRecord } from './record.js';

const charts = () => import('/ledger/charts.js');

// --- 监控台首页：全区工作落实 ---------------------------------------------------------------------

const dashboard = {
  id: 'luoshi.dashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render: (node) => {
    const y0 = new Date().getFullYear();
    node.innerHTML = '<section class="luoshi luoshi-dashboard"><header class="luoshi-head"><label>统计年度 <select class="luoshi-year">'
      + Array.from({ length: 6 }, (_, i) => '<option value="' + (y0 - i) + '">' + (y0 - i) + ' 年</option>').join('')
      + '</select></label><nav><a href="/ledger/" target="_blank" rel="noopener">责任清单台账 →</a>'
      + '<a href="/ledger/stats.html" target="_blank" rel="noopener">统计图表 →</a>'
      + '<a href="#/luoshi/history">已结束流程 →</a></nav></header>'
      + '<div class="luoshi-cards"></div><div class="luoshi-charts"><div class="luoshi-chart wide" data-chart="units"></div>'
      + '<div class="luoshi-chart" data-chart="monthly"></div><div class="luoshi-chart" data-chart="lights"></div>'
      + '<div class="luoshi-chart" data-chart="interviews"></div></div></section>';
    const select = node.querySelector('.luoshi-year');
    const load = () => dashboardFigures(node, Number(select.value));
    select.onchange = load;
    load();
  },
  unmount: () => charts().then(C => C.disposeAll()),
};

async function dashboardFigures(node, year) {
  const C = await charts();
  const cards = node.querySelector('.luoshi-cards');
  const host = name => node.querySelector('[data-chart="' + name + '"]');
  const ledger = q => '/ledger/?year=' + year + (q ? '&' + q : '');
  const part = async (name, title, path, draw) => {
    try {
      await draw(host(name), await get(path));
    } catch (e) {
      C.unavailable(host(name), title, e.message);
    }
  };
  try {
    const s = await get('/api/stats?year=' + year);
    const t = s.total;
    cards.innerHTML = [['下发', t.issued, ledger()], ['已销号', t.closed, ledger('status=CLOSED')],
      ['进入销号程序', t.closing, ledger('status=CLOSING')], ['正在落实', t.inProgress, ledger('status=IN_PROGRESS')],
      ['逾期未完成', t.overdue, ledger('overdue=true')], ['批示件按期回复率', rate(t.instructionReplyRate), ledger('source=INSTRUCTION')]]
      .map(([k, v, href]) => '<a class="luoshi-card" data-figure="' + esc(k) + '" href="' + esc(href) + '" target="_blank" rel="noopener"><b>'
        + esc(v) + '</b><span>' + esc(k) + '</span></a>').join('');
    await C.completionByUnit(host('units'), s);
  } catch (e) {
    failure(cards, e);
    C.unavailable(host('units'), '各单位完成情况', e.message);
  }
  await Promise.all([
    part('monthly', '每月下发、销号和逾期事项', '/api/stats/monthly?year=' + year, C.monthly),
    part('lights', '在办事项红黄绿灯', '/api/stats/lights?year=' + year, C.lights),
    part('interviews', '每月约谈次数', '/api/interviews/stats/monthly?year=' + year, C.interviewsMonthly),
  ]);
  node.querySelector('.luoshi-dashboard').dataset.loaded = String(year);
}

// --- 流程实例的“落实”标签页 ------------------------------------------------------------------------

const recordTab = {
  id: 'luoshi.processInstance.record',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  priority: 100, // the first tab, open when an instance is opened: what managers look for
  properties: { label: '落实' },
  render: (node, { api, processInstanceId }) => {
    node.innerHTML = '<div class="luoshi luoshi-tab"><div class="luoshi-message">正在读取……</div></div>';
    const box = node.firstChild;
    get(api.engineApi + '/history/process-instance/' + encodeURIComponent(processInstanceId))
      .then(instance => renderRecord(box, instance))
      .then(() => { box.dataset.loaded = 'true'; })
      .catch(e => { failure(box, e); box.dataset.loaded = 'true'; });
  },
};

// --- 已结束的流程实例 --------------------------------------------------------------------------

/** The top-level end events of a process model: how its instances can end (for the status filter). */
async function endEvents(api, definitionId) {
  const xml = (await get(api.engineApi + '/process-definition/' + encodeURIComponent(definitionId) + '/xml')).bpmn20Xml;
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
  const names = {};
  const ends = [];
  for (const el of doc.getElementsByTagNameNS(BPMN, '*')) {
    if (el.getAttribute('id')) names[el.getAttribute('id')] = el.getAttribute('name') || el.getAttribute('id');
  }
  for (const process of doc.getElementsByTagNameNS(BPMN, 'process')) {
    for (const el of process.children) {
      if (el.localName === 'endEvent') ends.push([el.getAttribute('id'), el.getAttribute('name') || el.getAttribute('id')]);
    }
  }
  return { names, ends };
}

const PAGE = 20;
const offset = '+0800';
const yearStart = y => y + '-01-01T00:00:00.000' + offset;

/**
 * The finished instances of one process (all its versions), newest first, with filters: the year they
 * ended in, the unit (items: their unitCode), how they ended (an end event, or terminated).
 */
async function finishedList(node, api, definition) {
  const y0 = new Date().getFullYear();
  const model = await endEvents(api, definition.id);
  const units = definition.key === 'responsibility-item' ? await get('/api/units').catch(() => []) : [];
  node.innerHTML = '<div class="luoshi luoshi-finished"><form class="luoshi-filters">'
    + '<label>结束年度 <select name="year"><option value="">全部</option>'
    + Array.from({ length: 6 }, (_, i) => '<option value="' + (y0 - i) + '">' + (y0 - i) + ' 年</option>').join('') + '</select></label>'
    + (units.length ? '<label>责任单位 <select name="unit"><option value="">全部</option>'
      + units.map(u => '<option value="' + esc(u.code) + '">' + esc(u.name) + '</option>').join('') + '</select></label>' : '')
    + '<label>结束状态 <select name="end"><option value="">全部</option>'
    + model.ends.map(([id, name]) => '<option value="end:' + esc(id) + '">' + esc(name) + '</option>').join('')
    + '<option value="state:EXTERNALLY_TERMINATED">' + STATES.EXTERNALLY_TERMINATED + '</option>'
    + '<option value="state:INTERNALLY_TERMINATED">' + STATES.INTERNALLY_TERMINATED + '</option></select></label>'
    + '</form><div class="luoshi-list"></div></div>';
  const form = node.querySelector('form');
  const list = node.querySelector('.luoshi-list');
  let first = 0;
  async function load() {
    const p = new URLSearchParams({ processDefinitionKey: definition.key, finished: 'true', sortBy: 'endTime', sortOrder: 'desc' });
    const f = Object.fromEntries(new FormData(form));
    if (f.year) { p.set('finishedAfter', yearStart(f.year)); p.set('finishedBefore', yearStart(Number(f.year) + 1)); }
    if (f.unit) p.set('variables', 'unitCode_eq_' + f.unit);
    if (f.end && f.end.startsWith('end:')) p.set('executedActivityIdIn', f.end.substring(4));
    if (f.end && f.end.startsWith('state:')) p.set('state', f.end.substring(6));
    list.innerHTML = '<div class="luoshi-message">正在读取……</div>';
    try {
      const [count, rows] = await Promise.all([
        get(api.engineApi + '/history/process-instance/count?' + p),
        get(api.engineApi + '/history/process-instance?' + p + '&firstResult=' + first + '&maxResults=' + PAGE)]);
      // how each ended: the top-level end event that completed it (the engine's list does not say)
      const topLevel = new Set(model.ends.map(e => e[0]));
      const ended = await Promise.all(rows.map(i => i.state !== 'COMPLETED' ? null
        : get(api.engineApi + '/history/activity-instance?processInstanceId=' + encodeURIComponent(i.id)
          + '&completeScope=true&sortBy=endTime&sortOrder=desc')
          .then(list => (list.find(a => topLevel.has(a.activityId)) || {}).activityName || STATES.COMPLETED)
          .catch(() => STATES.COMPLETED)));
      // what each was about (an item's name and unit, an interview's or supervision's subject): the
      // engine's list has the business key only; read as the history is, within the viewer's permissions
      const about = {};
      if (rows.length) {
        const read = name => get(api.engineApi + '/history/variable-instance?variableName=' + name + '&processInstanceIdIn='
          + rows.map(i => encodeURIComponent(i.id)).join(',') + '&deserializeValues=false&maxResults=' + rows.length * 5)
          .catch(() => []);
        const [subjects, titles, unitNames] = await Promise.all([read('subject'), read('title'), read('unitName')]);
        const of = v => (about[v.processInstanceId] = about[v.processInstanceId] || {});
        [...subjects, ...titles].forEach(v => { of(v).title = v.value; });
        unitNames.forEach(v => { of(v).unit = v.value; });
      }
      list.innerHTML = '<p class="luoshi-muted luoshi-count">共 <b>' + count.count + '</b> 个已结束的实例</p>'
        + table(['业务键（编号）', '名称', ...(units.length ? ['责任单位'] : []), '开始时间', '结束时间', '用时', '结束状态', '版本'], rows.map((i, n) => [
          '<a href="#/luoshi/instance/' + encodeURIComponent(i.id) + '">' + esc(i.businessKey || i.id) + '</a>',
          esc((about[i.id] || {}).title || ''), ...(units.length ? [esc((about[i.id] || {}).unit || '')] : []),
          esc(time(i.startTime)), esc(time(i.endTime)), esc(duration(i.durationInMillis)),
          '<span class="luoshi-ended">' + esc(i.state === 'COMPLETED' ? ended[n] : STATES[i.state] || i.state) + '</span>'
            + (i.deleteReason && i.state !== 'COMPLETED' ? '<br><span class="luoshi-muted">' + esc(i.deleteReason) + '</span>' : ''),
          esc(i.processDefinitionVersion)]), '没有符合条件的已结束实例（或本人无权查看）')
        + (count.count > PAGE ? '<p class="luoshi-pager"><button type="button" class="btn btn-default btn-sm" data-go="-1"'
          + (first === 0 ? ' disabled' : '') + '>上一页</button> 第 ' + (first / PAGE + 1) + ' 页，共 ' + Math.ceil(count.count / PAGE)
          + ' 页 <button type="button" class="btn btn-default btn-sm" data-go="1"' + (first + PAGE >= count.count ? ' disabled' : '')
          + '>下一页</button></p>' : '');
      list.querySelectorAll('[data-go]').forEach(b => { b.onclick = () => { first += Number(b.dataset.go) * PAGE; load(); }; });
    } catch (e) {
      failure(list, e);
    }
    node.firstChild.dataset.loaded = 'true';
  }
  form.onchange = () => { first = 0; load(); };
  await load();
}

const finishedTab = {
  id: 'luoshi.processDefinition.finished',
  pluginPoint: 'cockpit.processDefinition.runtime.tab',
  priority: 5,
  properties: { label: '已结束实例' },
  render: (node, { api, processDefinitionId }) => {
    get(api.engineApi + '/process-definition/' + encodeURIComponent(processDefinitionId))
      .then(definition => finishedList(node, api, definition))
      .catch(e => failure(node, e));
  },
};

/** The page 已结束流程 (#/luoshi/history): pick a process, see its finished instances. */
const historyPage = {
  id: 'luoshi.history',
  pluginPoint: 'cockpit.route',
  properties: { path: '/luoshi/history' },
  render: async (node, { api }) => {
    node.innerHTML = '<div class="luoshi luoshi-page"><h2>已结束流程</h2><p class="luoshi-muted">Cockpit 社区版只显示运行中的实例；'
      + '这里列出已经结束的实例（只含本人有权查看的），点击编号查看办理环节、操作记录和落实记录。</p>'
      + '<label>流程 <select class="luoshi-process"></select></label><div class="luoshi-body"></div></div>';
    const select = node.querySelector('.luoshi-process');
    const body = node.querySelector('.luoshi-body');
    try {
      const definitions = await get(api.engineApi + '/process-definition?latestVersion=true&sortBy=name&sortOrder=asc');
      select.innerHTML = definitions.map(d => '<option value="' + esc(d.id) + '">' + esc(d.name || d.key) + '</option>').join('');
      const wanted = new URLSearchParams(location.hash.split('?')[1] || '').get('key') || 'responsibility-item';
      const chosen = definitions.find(d => d.key === wanted) || definitions[0];
      const show = () => finishedList(body, api, definitions.find(d => d.id === select.value)).catch(e => failure(body, e));
      if (chosen) { select.value = chosen.id; select.onchange = show; await show(); }
    } catch (e) {
      failure(body, e);
    }
  },
};

// a terminate end event is how a model ends (已销号 stops its timers so), not a stop by hand: 结束, not 终止
const ACTIVITY_TYPES = {
  startEvent: '开始', endEvent: '结束', noneEndEvent: '结束', userTask: '人工任务', serviceTask: '系统任务', sendTask: '发送',
  scriptTask: '脚本', businessRuleTask: '决策表', exclusiveGateway: '判断', parallelGateway: '并行', inclusiveGateway: '判断',
  eventBasedGateway: '等待事件', intermediateTimer: '定时', boundaryTimer: '定时（边界）', startTimerEvent: '定时开始',
  boundaryMessage: '消息（边界）', intermediateMessageCatch: '等待消息', intermediateSignalCatch: '等待信号', callActivity: '调用流程',
  subProcess: '子流程', multiInstanceBody: '多实例', intermediateNoneThrowEvent: '中间事件', boundaryError: '错误（边界）',
  messageEndEvent: '结束（消息）', terminateEndEvent: '结束', errorEndEvent: '结束（错误）', receiveTask: '等待',
};
const OPERATIONS = {
  Create: '创建', Complete: '完成', Claim: '认领', Assign: '指派', Delegate: '委托', Resolve: '办结委托', SetOwner: '设置所有人',
  Delete: '删除', Update: '更新', SetVariable: '设置变量', SetVariables: '设置变量', ModifyVariable: '修改变量',
  RemoveVariable: '删除变量', RemoveVariables: '删除变量', Suspend: '挂起', Activate: '激活', SuspendJob: '挂起作业',
  ActivateJob: '激活作业', SetJobRetries: '设置重试次数', SetExternalTaskRetries: '设置重试次数', Migrate: '迁移',
  ModifyProcessInstance: '修改实例', RestartProcessInstance: '重新启动', DeleteHistory: '删除历史', Correlate: '关联消息',
  SetDueDate: '设置到期日', SetPriority: '设置优先级', AddUserLink: '添加人员', DeleteUserLink: '移除人员',
  AddGroupLink: '添加用户组', DeleteGroupLink: '移除用户组', SetRemovalTime: '设置清理时间', CreateIncident: '创建事件',
  Resolve_Incident: '解决事件', SetAnnotation: '添加备注', ClearAnnotation: '清除备注', Execute: '执行', ClearVariables: '清除变量',
};
/**
 * The property a user operation changed, as a reader names it; the engine logs its field names
 * (assignee, dueDate, …). A completion or deletion logs "delete: false → true", which says no more
 * than the operation itself: no property shown.
 */
const PROPERTIES = {
  assignee: '办理人', owner: '所有人', dueDate: '到期日', followUpDate: '跟进日期', priority: '优先级', name: '名称',
  description: '说明', suspensionState: '状态', retries: '重试次数', reason: '原因', removalTime: '清理时间',
  annotation: '备注', processDefinitionVersion: '流程版本', nrOfInstances: '实例数', async: '异步', variableName: '变量',
  incidentType: '事件类型', tenantId: null, delete: null, deleteReason: '删除原因', userId: '人员', groupId: '用户组',
  type: '类型', parentTask: '上级任务', caseInstanceId: null, processInstanceId: '流程实例', externallyTerminated: '人工撤销',
};
const PEOPLE_PROPERTIES = new Set(['assignee', 'owner', 'userId']);
const DATE_PROPERTIES = new Set(['dueDate', 'followUpDate', 'removalTime']);
const SUSPENSION = { 1: '运行中', 2: '已挂起', active: '运行中', suspended: '已挂起' };

/** [property, old value, new value] of one user operation, as cells (escaped HTML). */
function change(o, who) {
  const p = o.property;
  if (!p || (p in PROPERTIES && PROPERTIES[p] === null)) return ['', '', ''];
  const value = v => {
    if (v == null || v === '' || v === 'null') return '';
    if (PEOPLE_PROPERTIES.has(p)) return who(v);
    if (DATE_PROPERTIES.has(p)) return esc(time(/^\d+$/.test(v) ? new Date(Number(v)).toISOString() : v));
    if (p === 'suspensionState') return esc(SUSPENSION[v] || v);
    if (v === 'true') return '是';
    if (v === 'false') return '否';
    return esc(v);
  };
  return [esc(PROPERTIES[p] || p), value(o.orgValue), value(o.newValue)];
}

const ENTITIES = {
  Task: '任务', ProcessInstance: '流程实例', Variable: '变量', Job: '作业', JobDefinition: '作业定义', Attachment: '附件',
  IdentityLink: '人员关系', ProcessDefinition: '流程定义', Incident: '事件', ExternalTask: '外部任务', Batch: '批处理',
};

/** One instance, running or finished (#/luoshi/instance/{id}): its record, activities and user operations. */
const instancePage = {
  id: 'luoshi.instance',
  pluginPoint: 'cockpit.route',
  properties: { path: '/luoshi/instance/:id' },
  render: async (node, { api }) => {
    const id = decodeURIComponent(location.hash.replace(/^#\/luoshi\/instance\//, '').split(/[?/]/)[0]);
    node.innerHTML = '<div class="luoshi luoshi-page"><p><a href="#/luoshi/history">← 已结束流程</a></p><div class="luoshi-body">'
      + '<div class="luoshi-message">正在读取……</div></div></div>';
    const body = node.querySelector('.luoshi-body');
    try {
      const engine = api.engineApi;
      const i = await get(engine + '/history/process-instance/' + encodeURIComponent(id));
      const q = 'processInstanceId=' + encodeURIComponent(id);
      const [activities, operations] = await Promise.all([
        get(engine + '/history/activity-instance?' + q + '&sortBy=startTime&sortOrder=asc&maxResults=1000'),
        get(engine + '/history/user-operation?' + q + '&sortBy=timestamp&sortOrder=asc&maxResults=1000')]);
      const people = [...new Set([...activities.map(a => a.assignee), ...operations.map(o => o.userId),
        ...operations.filter(o => PEOPLE_PROPERTIES.has(o.property)).flatMap(o => [o.orgValue, o.newValue])]
        .filter(u => u && u !== 'null'))];
      const names = {};
      if (people.length) {
        for (const u of await get(engine + '/user?idIn=' + people.map(encodeURIComponent).join(',') + '&maxResults=' + people.length).catch(() => [])) {
          names[u.id] = ((u.lastName || '') + (u.firstName || '')) || u.id;
        }
      }
      // which task an operation concerns, by the step's name (the log has the task's ID only)
      const taskNames = Object.fromEntries(activities.filter(a => a.taskId).map(a => [a.taskId, a.activityName || a.activityId]));
      const what = o => esc(ENTITIES[o.entityType] || o.entityType) + (o.taskId && taskNames[o.taskId] ? '：' + esc(taskNames[o.taskId]) : '');
      const who = u => u ? esc(names[u] || u) + (names[u] ? '<span class="luoshi-muted">（' + esc(u) + '）</span>' : '') : '';
      body.innerHTML = '<h2>' + esc(i.processDefinitionName || i.processDefinitionKey) + '　' + esc(i.businessKey || '') + '</h2>'
        + terms([['状态', esc(STATES[i.state] || i.state)], ['开始时间', esc(time(i.startTime))], ['结束时间', esc(time(i.endTime))],
          ['用时', esc(duration(i.durationInMillis))], ['发起人', who(i.startUserId)], ['终止原因', esc(i.deleteReason || '')]])
        + (i.state === 'ACTIVE' || i.state === 'SUSPENDED' ? '<p><a href="#/process-instance/' + encodeURIComponent(i.id)
          + '/runtime">在 Cockpit 中查看运行中的实例 →</a></p>' : '')
        + '<h3>落实记录</h3><div class="luoshi-record-box"></div>'
        + '<h3>办理环节</h3><div class="luoshi-activities">' + table(['环节', '类型', '办理人', '开始', '结束', '用时', '状态'], activities.map(a => [
          esc(a.activityName || a.activityId), esc(ACTIVITY_TYPES[a.activityType] || a.activityType), who(a.assignee),
          esc(time(a.startTime)), esc(time(a.endTime)), esc(duration(a.durationInMillis)),
          a.canceled ? '已取消' : a.endTime ? '已完成' : '进行中']), '没有可查看的环节')
        + '</div><h3>操作记录</h3><div class="luoshi-operations">' + table(['时间', '操作人', '对象', '操作', '属性', '原值', '新值'], operations.map(o => [
          esc(time(o.timestamp)), who(o.userId), what(o),
          esc(OPERATIONS[o.operationType] || o.operationType), ...change(o, who)]),
          '没有人工操作记录（办理任务之外的认领、指派、修改、撤销等会记在这里）') + '</div>';
      const box = body.querySelector('.luoshi-record-box');
      await renderRecord(box, i).catch(e => failure(box, e));
    } catch (e) {
      failure(body, e);
    }
    node.firstChild.dataset.loaded = 'true';
  },
};

const historyNavigation = {
  id: 'luoshi.navigation.history',
  pluginPoint: 'cockpit.navigation',
  priority: 5,
  properties: { label: '已结束流程', path: '/luoshi/' },
  checkActive: path => path.indexOf('#/luoshi/') > -1,
  render: (node) => {
    node.innerHTML = '<a href="#/luoshi/history">已结束流程</a>';
  },
};

export default [dashboard, recordTab, finishedTab, historyPage, instancePage, historyNavigation];
