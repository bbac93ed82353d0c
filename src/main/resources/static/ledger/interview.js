// 落实 · 一次约谈（/ledger/interviews/{编号}）：约谈通知、改期、取消的消息都链接到这里。
(async () => {
  await L.header('');
  const main = document.getElementById('interview');
  const code = decodeURIComponent(location.pathname.split('/').pop());
  try {
    const v = await L.get('/api/interviews/' + encodeURIComponent(code));
    document.title = v.id + ' 约谈 · 落实';
    const names = v.names || {};
    const item = v.relatedItemCode
      ? '<a href="/ledger/items/' + encodeURIComponent(v.relatedItemCode) + '">' + L.esc(v.relatedItemCode) + '</a>' : '—';
    const link = id => '<a href="/ledger/interviews/' + encodeURIComponent(id) + '">' + L.esc(id) + '</a>';
    const facts = [
      ['约谈编号', L.esc(v.id)], ['状态', L.esc(v.statusLabel)],
      ['约谈情形', L.esc(v.triggerLabel)], ['约谈方式', L.esc(v.methodLabel)],
      ['约谈时间', L.esc(L.time(v.scheduledAt))], ['约谈地点', L.esc(v.place || '—')],
      ['约谈人', L.esc(names[v.interviewer] || v.interviewer)], ['被约谈人', L.esc(L.names(v.interviewees, names))],
      ['实际到场', L.esc(L.names(v.attendees, names) || '—')], ['关联事项', item],
      ['回访的约谈', v.followUpOf ? link(v.followUpOf) : '—'], ['回访约谈', (v.followUps || []).map(link).join('、') || '—'],
      ['处理结果', L.esc(v.outcomeLabel || '—')],
      ['整改', v.rectificationRequired == null ? '—' : v.rectificationRequired ? '需要整改，期限 ' + L.esc(v.rectificationDeadline || '') : '无需整改']];
    main.innerHTML = '<section><h2>' + L.esc(v.id) + '　' + L.esc(v.subject) + '</h2><dl>'
      + facts.map(([k, val]) => '<dt>' + k + '</dt><dd>' + val + '</dd>').join('') + '</dl>'
      + (v.cancelledAt ? '<p class="flag">已于 ' + L.esc(L.time(v.cancelledAt)) + ' 取消：' + L.esc(v.cancelReason || '') + '</p>' : '')
      + '</section>'
      + (v.outline ? '<section><h2>约谈提纲</h2><p style="white-space:pre-wrap">' + L.esc(v.outline) + '</p></section>' : '')
      + (v.record ? '<section><h2>约谈记录</h2><p style="white-space:pre-wrap">' + L.esc(v.record) + '</p></section>' : '')
      + '<section><h2>时间安排</h2>' + ((v.scheduleHistory || []).length
        ? '<table><tr><th>第几次</th><th>约谈时间</th><th>地点</th><th>改期原因</th><th>通知时间</th></tr>'
          + v.scheduleHistory.map(s => '<tr><td>' + s.revision + '</td><td>' + L.esc(L.time(s.scheduledAt)) + '</td><td>' + L.esc(s.place || '')
            + '</td><td>' + L.esc(s.reason || '') + '</td><td>' + L.esc(L.time(s.notifiedAt)) + '</td></tr>').join('') + '</table>'
        : '<div class="muted">无</div>') + '</section>';
  } catch (e) { L.fail(main, e); }
})();
