// Luoshi ledger page reports.html: its script lives here, as the Content-Security-Policy allows no inline scripts
(async () => {
  await L.header('reports');
  const kind = document.getElementById('kind');
  const year = document.getElementById('year');
  const y = new Date().getFullYear();
  for (const v of [y, y - 1, y - 2]) year.add(new Option(v + '年', v));
  async function load() {
    const el = document.getElementById('reports');
    try {
      const list = await L.get('/api/reports?year=' + year.value + (kind.value ? '&kind=' + kind.value : ''));
      el.innerHTML = list.length ? '<table><tr><th>报告</th><th>类型</th><th>期间</th><th>期数</th><th>状态</th><th>发布时间</th><th>下载</th></tr>'
        + list.map(r => '<tr><td><a href="' + r.html + '" target="_blank">' + L.esc(r.title) + '</a></td><td>' + L.esc(r.kindLabel)
          + '</td><td>' + L.esc(r.period) + '</td><td>' + (r.issueNumber ? r.issueYear + '年第' + r.issueNumber + '期' : '—')
          + '</td><td>' + L.esc(r.statusLabel) + '</td><td>' + L.time(r.publishedAt)
          + '</td><td><a href="' + r.xlsx + '">Excel</a></td></tr>').join('') + '</table>'
        : '<div class="muted">无</div>';
    } catch (e) { L.fail(el, e); }
  }
  kind.onchange = load;
  year.onchange = load;
  load();
})();
