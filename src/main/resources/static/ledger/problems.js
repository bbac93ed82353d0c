// Luoshi ledger page problems.html: its script lives here, as the Content-Security-Policy allows no inline scripts
(async () => {
  await L.header('problems');
  const year = document.getElementById('year');
  const y0 = new Date().getFullYear();
  for (let y = y0; y >= y0 - 5; y--) year.add(new Option(y + ' 年', y));
  let page = 0;
  async function stats() {
    const el = document.getElementById('cards');
    try {
      const s = await L.get('/api/supervisions/stats?year=' + year.value);
      el.innerHTML = [['督查', s.inspections], ['督查报告', s.reports], ['发现问题', s.problems.found], ['待整改', s.problems.open],
        ['已整改待核验', s.problems.rectified], ['已核验', s.problems.verified], ['整改逾期', s.problems.overdue]]
        .map(([k, v]) => '<div class="card"><b>' + v + '</b><span>' + k + '</span></div>').join('');
    } catch (e) { L.fail(el, e); }
  }
  async function list() {
    const el = document.getElementById('list');
    const p = new URLSearchParams({ page, size: 20, year: year.value });
    const status = document.getElementById('status').value;
    if (status) p.set('status', status);
    if (document.getElementById('overdue').checked) p.set('overdue', 'true');
    try {
      const r = await L.get('/api/supervisions/problems?' + p);
      el.innerHTML = !r.content.length ? '<div class="message">没有符合条件的问题</div>'
        : '<table><tr><th>督查</th><th>责任单位</th><th>问题</th><th>整改期限</th><th>状态</th><th>整改情况</th><th>核验</th></tr>'
          + r.content.map(x => '<tr><td>' + L.esc(x.subject) + '</td><td>' + L.esc(x.unitName) + '</td><td>' + L.esc(x.description)
            + '</td><td>' + x.deadline + '</td><td><span class="tag">' + (L.labels.problem[x.status] || x.status) + '</span>'
            + (x.overdue ? ' <span class="tag overdue">逾期</span>' : '') + '</td><td>' + L.esc(x.rectification || '') + '</td><td>'
            + L.esc(x.verifyComment || '') + (x.verifiedAt ? ' <span class="muted">' + L.time(x.verifiedAt) + '</span>' : '') + '</td></tr>').join('')
          + '</table><div class="pager"><button id="prev"' + (page === 0 ? ' disabled' : '') + '>上一页</button> 共 ' + r.totalElements
          + ' 项 <button id="next"' + ((page + 1) * 20 >= r.totalElements ? ' disabled' : '') + '>下一页</button></div>';
      if (r.content.length) {
        document.getElementById('prev').onclick = () => { page--; list(); };
        document.getElementById('next').onclick = () => { page++; list(); };
      }
    } catch (e) { L.fail(el, e); }
  }
  document.getElementById('search').onclick = () => { page = 0; list(); };
  year.onchange = () => { page = 0; stats(); list(); };
  stats();
  list();
})();
