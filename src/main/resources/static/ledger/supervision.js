// 落实 · 一次督查（/ledger/supervisions/{编号}）：问题交办、催办、核验的消息都链接到这里。
// 单位人员只看到本单位的问题（看不到督查发现和报告全文），与 GET /api/supervisions/{id} 相同。
(async () => {
  await L.header('problems');
  const main = document.getElementById('supervision');
  const id = decodeURIComponent(location.pathname.split('/').pop());
  try {
    const s = await L.get('/api/supervisions/' + encodeURIComponent(id));
    document.title = 'DC-' + s.id + ' ' + s.subject + ' · 落实';
    const facts = [['编号', 'DC-' + s.id], ['督查方式', s.methodName], ['状态', s.statusName],
      ['被督查单位', (s.units || []).map(u => u.name).join('、') || '—'], ['发起时间', L.time(s.startedAt)],
      ['报告时间', L.time(s.reportedAt) || '—'], ['办结时间', L.time(s.closedAt) || '—']];
    main.innerHTML = '<section><h2>DC-' + L.esc(s.id) + '　' + L.esc(s.subject) + '</h2><dl>'
      + facts.map(([k, v]) => '<dt>' + k + '</dt><dd>' + L.esc(v) + '</dd>').join('') + '</dl></section>'
      + (s.findings ? '<section><h2>督查发现</h2><p style="white-space:pre-wrap">' + L.esc(s.findings) + '</p></section>' : '')
      + (s.report ? '<section><h2>督查报告</h2><p style="white-space:pre-wrap">' + L.esc(s.report) + '</p></section>' : '')
      + '<section><h2>发现的问题</h2>' + ((s.problems || []).length
        ? '<table><tr><th>责任单位</th><th>问题</th><th>整改期限</th><th>状态</th><th>整改情况</th><th>核验意见</th></tr>'
          + s.problems.map(p => '<tr><td>' + L.esc(p.unitName) + '</td><td>' + L.esc(p.description) + '</td><td>' + L.esc(p.deadline)
            + (p.overdue ? ' <span class="tag overdue">逾期</span>' : '') + '</td><td>' + L.esc(p.statusName) + '</td><td>'
            + L.esc(p.rectification || '—') + '</td><td>' + L.esc(p.verifyComment || '') + '</td></tr>').join('') + '</table>'
        : '<div class="muted">' + (s.status === 'CLOSED' ? '未发现问题' : '督查报告提交后在此列出') + '</div>') + '</section>';
  } catch (e) { L.fail(main, e); }
})();
