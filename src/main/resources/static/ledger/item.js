// Luoshi ledger page item.html: its script lives here, as the Content-Security-Policy allows no inline scripts
(async () => {
  const me = await L.header('items');
  const main = document.getElementById('item');
  const code = decodeURIComponent(location.pathname.split('/').pop());
  async function load() {
  try {
    const i = await L.get('/api/items/' + encodeURIComponent(code));
    document.title = i.code + ' ' + i.title + ' · 落实';
    const rows = (list, head, row) => list && list.length ? '<table><tr>' + head.map(h => '<th>' + h + '</th>').join('') + '</tr>'
      + list.map(x => '<tr>' + row(x).map(c => '<td>' + c + '</td>').join('') + '</tr>').join('') + '</table>' : '<div class="muted">无</div>';
    main.innerHTML = '<section><h2>' + L.esc(i.code) + '　' + L.esc(i.title) + '　' + L.status(i.status, i.overdue) + '　' + L.light(i.light) + '</h2><dl>'
      + [['来源', i.sourceName], ['类别', L.labels.category[i.category]], ['责任单位', i.unitName], ['协办单位', (i.coUnits || []).map(u => u.unitName).join('、') || '—'], ['分管领导', i.leadLeaderName],
         ['责任人', i.responsiblePersonName || '—'], ['下发日期', i.issuedOn], ['截止日期', i.deadline + (i.extended ? '（原定 ' + i.originalDeadline + '，已延期）' : '')],
         ['进度', L.bar(i.progressPercent)], ['完成日期', i.completedOn || '—'], ['逾期', i.overdueSince ? '自 ' + i.overdueSince + ' 起' : '—'],
         ['时效分', L.num(i.timelinessScore)], ['质量分', L.num(i.qualityScore)], ['综合得分', L.num(i.finalScore)],
         ['上级事项', i.parentCode ? '<a href="/ledger/items/' + encodeURIComponent(i.parentCode) + '">' + L.esc(i.parentCode) + '</a>' : '—']]
        .map(([k, v]) => '<dt>' + k + '</dt><dd>' + (k === '进度' || k === '上级事项' ? v : L.esc(v)) + '</dd>').join('')
      + '</dl><p><b>工作目标</b>：' + L.esc(i.target) + '</p><p><b>落实措施</b>：' + L.esc(i.measures || '—') + '</p>'
      + (i.completionNote ? '<p><b>完成情况</b>：' + L.esc(i.completionNote) + '</p>' : '') + '</section>'
      + '<section id="instructions"></section>'
      + '<section id="documents"></section>'
      + '<section id="attachments"><h2>附件（佐证材料）</h2><div class="list"></div></section>'
      + '<section id="progress"><h2>落实进展</h2>' + rows(i.progress, ['时间', '单位', '进度', '进展情况', '报送人'],
          p => [L.time(p.reportedAt), p.coUnit ? L.esc(p.unitName) + ' <span class="tag">协办单位</span>' : '牵头单位',
            p.percent + '%' + (p.coUnit ? '<div class="muted">本单位承担部分</div>' : ''), L.esc(p.note), L.esc(p.reportedByName)]) + '</section>'
      + '<section><h2>逐级审核（时效分 : 质量分 = 3 : 7）</h2>' + rows(i.reviews, ['时间', '层级', '第几次报送', '审核人', '结论', '质量分', '意见'],
          r => [L.time(r.reviewedAt), r.levelName, r.submissionRound, L.esc(r.reviewerName), r.approved ? '通过' : '退回', L.num(r.qualityScore), L.esc(r.comment)]) + '</section>'
      + '<section><h2>延期申请</h2>' + rows(i.extensions, ['申请时间', '原截止日期', '申请延至', '理由', '结果', '审批意见'],
          e => [L.time(e.requestedAt), e.previousDeadline, e.newDeadline, L.esc(e.reason), ({ PENDING: '待审批', APPROVED: '同意', DENIED: '不同意' })[e.decision], L.esc(e.decisionComment)]) + '</section>'
      + '<section><h2>子事项（层层分解）' + (i.childProgress ? '　<span class="muted">共 ' + i.childProgress.total + ' 项，已销号 '
          + i.childProgress.closed + ' 项，平均进度 ' + i.childProgress.averagePercent + '%</span>' : '') + '</h2>'
      + rows(i.children, ['编号', '事项名称', '责任单位', '截止', '状态', '进度'],
          c => ['<a href="/ledger/items/' + encodeURIComponent(c.code) + '">' + L.esc(c.code) + '</a>', L.esc(c.title), L.esc(c.unitName), c.deadline, L.status(c.status, c.overdue), L.bar(c.progressPercent)]) + '</section>'
      + '<section><h2>约谈问责</h2>' + rows(i.interviews, ['编号', '约谈时间', '约谈人', '被约谈人', '方式', '状态', '结果'],
          v => [L.esc(v.id), L.time(v.scheduledAt), L.esc((v.names || {})[v.interviewer] || v.interviewer),
            L.esc(v.interviewees.map(p => (v.names || {})[p] || p).join('、')), L.esc(v.methodLabel), L.esc(v.statusLabel),
            L.esc(v.outcomeLabel || '')]) + '</section>'
      + '<section><h2>办理过程</h2><ul class="timeline">' + i.events.map(e => '<li>' + L.time(e.at) + '　' + (L.labels.event[e.type] || e.type)
          + (e.actorName ? '　<span class="muted">' + L.esc(e.actorName) + '</span>' : '') + (e.detail ? '　' + L.esc(e.detail) : '') + '</li>').join('') + '</ul></section>';
    L.instructions(document.getElementById('instructions'), i, me, load);
    L.documents(document.getElementById('documents'), i, me);
    L.progressForm(document.getElementById('progress'), i, me, load);
    await L.attachments(document.getElementById('attachments'), i, me);
    if (location.hash === '#attachments') { document.getElementById('attachments').scrollIntoView(); }
  } catch (e) { L.fail(main, e); }
  }
  load();
})();
