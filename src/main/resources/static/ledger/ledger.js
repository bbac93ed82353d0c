// 落实 · 台账页面的公共函数：读写 /api（沿用 Tasklist 的登录；写入时带上会话的 X-XSRF-TOKEN），渲染表格。
const L = {
  labels: {
    status: { ISSUED: '已下发', RETURNED: '已退回', IN_PROGRESS: '落实中', CLOSING: '销号审核中', CLOSED: '已销号', CANCELLED: '已撤销' },
    source: { INSTRUCTION: '领导批示', DECISION: '重大决策部署', KEY_TASK: '重点工作', COMMITTEE: '常委会议定事项' },
    category: { ECONOMY: '经济指标', PROJECTS: '项目建设', GOVERNANCE: '社会治理', POVERTY: '扶贫开发', PARTY_BUILDING: '基层党建', OTHER: '其他' },
    light: { RED: '红灯', YELLOW: '黄灯', GREEN: '绿灯' },
    level: { OFFICE: '督查室核验', LEADER: '分管领导审核', PRINCIPAL: '主要领导确认' },
    problem: { OPEN: '待整改', RECTIFIED: '已整改待核验', VERIFIED: '已核验' },
    event: { ISSUED: '下发', ACCEPTED: '签收', RETURNED: '退回', REASSIGNED: '重新交办', CANCELLED: '撤销', PLANNED: '制定方案',
      SUBMITTED: '报送完成', EXTENSION_REQUESTED: '申请延期', EXTENDED: '延期获批', EXTENSION_DENIED: '延期未获批',
      REVIEWED: '审核通过', REJECTED: '审核退回', CLOSED: '销号', REMINDED: '黄灯提醒', OVERDUE: '红灯逾期', CHASED: '催办',
      INTERVIEW_STARTED: '启动约谈', REPLY_OVERDUE: '批示件逾期未回复' },
  },
  esc(s) { return s == null ? '' : String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c])); },
  async get(path) {
    const r = await fetch(path, { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' } });
    return L.answer(r);
  },
  // the session's CSRF token: /api hands it to the page's own scripts with every answer
  csrf: null,
  async answer(r) {
    const token = r.headers.get('X-XSRF-TOKEN');
    if (token) { L.csrf = token; }
    if (r.status === 401) { throw new Error('login'); }
    const body = r.status === 204 ? {} : await r.json().catch(() => ({}));
    if (!r.ok) { const e = new Error(body.message || ('HTTP ' + r.status)); e.field = body.field; e.status = r.status; throw e; }
    return body;
  },
  async post(path, body) {
    if (!L.csrf) { await L.get('/api/me').catch(() => null); }
    if (!L.csrf) {
      // a session whose token was not made yet: Camunda's webapps make it on their next read
      const r = await fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin' }).catch(() => null);
      L.csrf = r && r.headers.get('X-XSRF-TOKEN');
    }
    const r = await fetch(path, { method: 'POST', credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json', 'Content-Type': 'application/json', 'X-XSRF-TOKEN': L.csrf || '' } });
    return L.answer(r);
  },
  /** A multipart upload (FormData) with the session's CSRF token; answers the JSON. */
  async upload(path, form) {
    if (!L.csrf) { await L.get('/api/me').catch(() => null); }
    const r = await fetch(path, { method: 'POST', credentials: 'same-origin', body: form,
      headers: { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json', 'X-XSRF-TOKEN': L.csrf || '' } });
    return L.answer(r);
  },
  fail(el, e) {
    el.innerHTML = e.message === 'login'
      ? '<div class="message">请先<a href="/camunda/app/tasklist/">登录 Tasklist</a>，再打开本页。</div>'
      : '<div class="message">出错了：' + L.esc(e.message) + '</div>';
  },
  light(l) { return l ? '<span class="light ' + l + '"></span>' + L.labels.light[l] : '<span class="muted">—</span>'; },
  bar(p) { return '<span class="bar"><i style="width:' + (p || 0) + '%"></i></span> ' + (p || 0) + '%'; },
  num(n) { return n == null ? '—' : n; },
  rate(r) { return r == null ? '—' : (r * 100).toFixed(1) + '%'; },
  time(t) { return t ? String(t).replace('T', ' ').substring(0, 16) : ''; },
  names(list, names) { return (list || []).map(p => (names || {})[p] || p).join('、'); },
  status(s, overdue) { return '<span class="tag ' + s + '">' + L.labels.status[s] + '</span>' + (overdue ? ' <span class="tag overdue">逾期</span>' : ''); },
  async header(active) {
    const nav = [['/ledger/', '责任清单台账', 'items'], ['/ledger/stats.html', '统计图表', 'stats'],
      ['/ledger/rankings.html', '考核排名', 'rankings'],
      ['/ledger/assessments.html', '年度考核', 'assessments'],
      ['/ledger/problems.html', '督查问题台账', 'problems'], ['/ledger/calibration.html', '评分校准', 'calibration'],
      ['/ledger/reports.html', '督查报告与通报', 'reports'],
      ['/ledger/inbox.html', '我的消息', 'inbox'],
      ['/camunda/app/tasklist/', '待办（Tasklist）', 'tasklist']];
    const h = document.querySelector('header');
    h.innerHTML = '<h1>落实 · 七里河区工作落实</h1><nav>' + nav.map(([href, text, key]) =>
      '<a href="' + href + '" class="' + (key === active ? 'active' : '') + '">' + text + '</a>').join('') + '</nav><span class="me"></span>';
    try {
      const me = await L.get('/api/me');
      h.querySelector('.me').textContent = me.name + '（' + me.id + '）';
      L.get('/api/notifications/unread-count').then(c => {
        const inbox = h.querySelector('a[href="/ledger/inbox.html"]');
        if (inbox && c.unread) { inbox.insertAdjacentHTML('beforeend', ' <b class="count">' + c.unread + '</b>'); }
      }).catch(() => null);
      return me;
    } catch (e) { return null; }
  },
  /** The seed's figures of GET /api/stats as cards (下发、已销号、进入销号程序、正在落实 …). */
  cards(el, t) {
    el.innerHTML = [['下发', t.issued], ['已销号', t.closed], ['进入销号程序', t.closing], ['正在落实', t.inProgress],
      ['已退回', t.returned], ['已撤销', t.cancelled], ['逾期未完成', t.overdue], ['批示件回复率', L.rate(t.instructionReplyRate)]]
      .map(([k, v]) => '<div class="card"><b>' + v + '</b><span>' + k + '</span></div>').join('');
  },
  param(name) { return new URLSearchParams(location.search).get(name); },
};
