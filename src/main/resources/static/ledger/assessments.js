// Luoshi ledger page assessments.html: its script lives here, as the Content-Security-Policy allows no inline scripts
(async () => {
  const me = await L.header('assessments');
  const grade = { EXCELLENT: '优秀', GOOD: '良好', PASS: '合格', FAIL: '不合格' };
  const sel = document.getElementById('period');
  const y = new Date().getFullYear();
  for (const p of [String(y), y + '-H1', y + '-H2', String(y - 1), (y - 1) + '-H1', (y - 1) + '-H2']) sel.add(new Option(p, p));
  const runs = document.getElementById('runs');

  async function list() {
    try {
      const r = await L.get('/api/assessments' + (sel.value ? '?period=' + sel.value : ''));
      runs.innerHTML = r.length ? '<table><tr><th>考核期</th><th>状态</th><th>发布时间</th><th>申诉截止</th>'
        + Object.values(grade).map(g => '<th class="num">' + g + '</th>').join('') + '<th></th></tr>'
        + r.map(a => '<tr><td>' + L.esc(a.periodLabel) + '</td><td>' + L.esc(a.statusLabel) + '</td><td>' + L.time(a.publishedAt)
          + '</td><td>' + L.time(a.appealUntil) + '</td>' + Object.keys(grade).map(g => '<td class="num">' + (a.grades[g] || 0) + '</td>').join('')
          + '<td><a href="#' + a.id + '">查看</a></td></tr>').join('') + '</table>'
        : '<div class="muted">暂无考核</div>';
    } catch (e) { L.fail(runs, e); }
  }

  function results(rows, unit) {
    if (!rows.length) return '<div class="muted">无</div>';
    return '<table><tr><th>名次</th><th>' + (unit ? '单位' : '责任人') + '</th><th class="num">平均综合得分</th><th class="num">销号</th><th class="num">逾期</th>'
      + '<th class="num">逾期未完成</th>' + (unit ? '<th class="num">退回</th>' : '') + '<th class="num">被约谈</th><th>等次</th><th>评定依据</th></tr>'
      + rows.map(r => '<tr><td>' + (r.averageFinalScore == null ? '<span class="muted">未排名</span>' : r.rank) + '</td><td>' + L.esc(r.subjectName) + '</td><td class="num">' + L.num(r.averageFinalScore)
        + '</td><td class="num">' + r.closed + '</td><td class="num">' + r.overdue + '</td><td class="num">' + r.overdueUncompleted
        + '</td>' + (unit ? '<td class="num">' + r.returned + '</td>' : '') + '<td class="num">' + r.interviews + '</td><td>'
        + L.esc(r.gradeLabel || '—') + (r.originalGrade ? '（原为' + grade[r.originalGrade] + '）' : '') + '</td><td>' + L.esc(r.gradeReason) + '</td></tr>').join('')
      + '</table>';
  }

  async function show() {
    const id = location.hash.substring(1);
    const detail = document.getElementById('detail');
    if (!id) { detail.hidden = true; return; }
    detail.hidden = false;
    try {
      const a = await L.get('/api/assessments/' + id);
      document.getElementById('title').textContent = a.periodLabel + '考核（' + a.statusLabel + '）';
      document.getElementById('steps').innerHTML = '发起：' + L.esc(a.startedBy) + ' ' + L.time(a.startedAt)
        + (a.reviewedBy ? '；督查室审核：' + L.esc(a.reviewedBy) + ' ' + L.time(a.reviewedAt) + (a.reviewComment ? '（' + L.esc(a.reviewComment) + '）' : '') : '')
        + (a.approvedBy ? '；主要领导审批：' + L.esc(a.approvedBy) + ' ' + L.time(a.approvedAt) : '')
        + (a.approvalComment ? '；审批意见：' + L.esc(a.approvalComment) : '')
        + (a.publishedAt ? '；发布：' + L.time(a.publishedAt) + '，申诉截止 ' + L.time(a.appealUntil) : '');
      document.getElementById('units').innerHTML = results(a.results.filter(r => r.subjectType === 'UNIT'), true);
      document.getElementById('people').innerHTML = results(a.results.filter(r => r.subjectType === 'PERSON'), false);
      document.getElementById('consequences').innerHTML = a.consequences.length ? '<table><tr><th>对象</th><th>结果运用</th><th>依据</th><th>约谈</th><th>状态</th></tr>'
        + a.consequences.map(c => '<tr><td>' + L.esc(c.subjectName) + '</td><td>' + L.esc(c.typeLabel) + '</td><td>' + L.esc(c.reason)
          + '</td><td>' + (c.interviewId ? L.esc(c.interviewId) + '（' + L.esc(c.interviewee) + '）' : '') + '</td><td>'
          + (c.active ? '有效' : '已撤销：' + L.esc(c.withdrawnReason)) + '</td></tr>').join('') + '</table>' : '<div class="muted">无（发布后记录）</div>';
      document.getElementById('appeals').innerHTML = a.appeals.length ? '<table><tr><th>对象</th><th>申诉人</th><th>理由</th><th>提出时间</th><th>审理结果</th><th>审理意见</th></tr>'
        + a.appeals.map(p => '<tr><td>' + L.esc(p.subjectName) + '</td><td>' + L.esc(p.filedBy) + '</td><td>' + L.esc(p.reason) + '</td><td>'
          + L.time(p.filedAt) + '</td><td>' + L.esc(p.decisionLabel) + (p.newGrade ? '，调整为' + grade[p.newGrade] : '') + '</td><td>'
          + L.esc(p.decisionComment) + '</td></tr>').join('') + '</table>' : '<div class="muted">无</div>';
      const mine = me ? a.results.filter(r => (r.subjectType === 'PERSON' && r.subjectId === me.id)
        || (me.unitCodes || []).includes(r.unitCode)) : [];
      const form = document.getElementById('appealForm');
      form.hidden = !(a.appealOpen && mine.length);
      const pick = document.getElementById('appealResult');
      pick.innerHTML = '';
      mine.forEach(r => pick.add(new Option((r.subjectType === 'UNIT' ? '单位：' : '个人：') + r.subjectName + '（' + (r.gradeLabel || '') + '）', r.id)));
      form.onsubmit = async (ev) => {
        ev.preventDefault();
        const msg = document.getElementById('appealMessage');
        const res = await fetch('/api/assessments/' + a.id + '/appeals', { method: 'POST', credentials: 'omit',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest',
            Authorization: 'Basic ' + btoa(unescape(encodeURIComponent(me.id + ':' + document.getElementById('appealPassword').value))) },
          body: JSON.stringify({ resultId: Number(pick.value), reason: document.getElementById('appealReason').value }) });
        const body = await res.json().catch(() => ({}));
        document.getElementById('appealPassword').value = '';
        msg.textContent = res.ok ? '已提交，等待主要领导审理。' : '未提交：' + (body.message || ('HTTP ' + res.status));
        if (res.ok) { document.getElementById('appealReason').value = ''; show(); }
      };
    } catch (e) { L.fail(document.getElementById('units'), e); }
  }

  sel.onchange = list;
  window.onhashchange = show;
  list();
  show();
})();
