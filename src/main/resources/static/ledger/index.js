// Luoshi ledger page index.html: its script lives here, as the Content-Security-Policy allows no inline scripts
(async () => {
  const me = await L.header('items');
  // unit staff see their unit's items and figures (/api/stats counts what the viewer may see): say whose
  if (me && !me.seesEverything && !me.leader && me.unitCodes.length) {
    L.get('/api/units').then(units => {
      document.getElementById('scope').textContent = '（' + units.filter(u => me.unitCodes.includes(u.code))
        .map(u => u.name).join('、') + '）';
    }).catch(() => null);
  }
  const year = document.getElementById('year');
  const thisYear = new Date().getFullYear();
  for (let y = thisYear; y >= thisYear - 5; y--) year.add(new Option(y + ' 年', y));
  for (const [k, v] of Object.entries(L.labels.status)) document.getElementById('status').add(new Option(v, k));
  for (const [k, v] of Object.entries(L.labels.source)) document.getElementById('source').add(new Option(v, k));
  for (const [k, v] of Object.entries(L.labels.category)) document.getElementById('category').add(new Option(v, k));
  try {
    for (const u of await L.get('/api/units')) {
      document.getElementById('unitCode').add(new Option(u.name, u.code));
      document.getElementById('coUnitCode').add(new Option(u.name, u.code));
    }
  } catch (e) { /* shown by the list below */ }
  // links (e.g. from the Cockpit dashboard) may open the ledger filtered: ?year=2026&status=CLOSED&overdue=true
  for (const id of ['year', 'unitCode', 'coUnitCode', 'status', 'source', 'category', 'light', 'q']) {
    const v = L.param(id);
    if (v) document.getElementById(id).value = v;
  }
  document.getElementById('overdue').checked = L.param('overdue') === 'true';
  let page = 0;

  async function stats() {
    const cards = document.getElementById('cards');
    try {
      const s = await L.get('/api/stats?year=' + year.value);
      const t = s.total;
      L.cards(cards, t);
      cards.insertAdjacentHTML('beforeend', '<div class="card"><b>' + s.instructedThisMonth + '</b><span>本月领导批示事项</span></div>');
      document.getElementById('units').innerHTML = '<tr><th>责任单位</th><th class="num">下发</th><th class="num">已销号</th><th class="num">销号中</th><th class="num">落实中</th><th class="num">退回</th><th class="num">撤销</th><th class="num">逾期</th><th class="num">批示件回复率</th><th class="num" title="本单位作为协办单位的事项（其中在办）">协办事项</th></tr>'
        + s.byUnit.map(u => '<tr><td>' + L.esc(u.unitName) + '</td>' + [u.counts.issued, u.counts.closed, u.counts.closing, u.counts.inProgress,
          u.counts.returned, u.counts.cancelled, u.counts.overdue].map(n => '<td class="num">' + n + '</td>').join('')
          + '<td class="num">' + L.rate(u.counts.instructionReplyRate) + '</td><td class="num">' + (u.coResponsible || 0)
          + (u.coResponsibleOpen ? '<span class="muted">（在办 ' + u.coResponsibleOpen + '）</span>' : '') + '</td></tr>').join('');
    } catch (e) { L.fail(cards, e); }
  }

  if (me && (me.office || (me.groups || []).includes("camunda-admin"))) { document.getElementById("import").hidden = false; }
  // the ledger's filters, for the list and for the Excel export (every matching row)
  function filters() {
    const p = new URLSearchParams({ year: year.value });
    for (const id of ['unitCode', 'coUnitCode', 'status', 'source', 'category', 'light', 'q']) {
      const v = document.getElementById(id).value.trim();
      if (v) p.set(id, v);
    }
    if (document.getElementById('overdue').checked) p.set('overdue', 'true');
    return p;
  }
  const exporter = document.getElementById('export');
  exporter.addEventListener('click', () => { exporter.href = '/api/items.xlsx?' + filters(); });

  async function list() {
    const el = document.getElementById('list');
    const p = filters();
    p.set('page', page);
    p.set('size', 20);
    try {
      const r = await L.get('/api/items?' + p);
      if (!r.content.length && page === 0) { el.innerHTML = '<div class="message">没有符合条件的事项</div>'; return; }
      if (!r.content.length) {
        // past the last page of a list whose total was only counted up to the bound (totalExact false)
        el.innerHTML = '<div class="message">没有更多事项</div><div class="pager"><button id="prev">上一页</button></div>';
        document.getElementById('prev').onclick = () => { page--; list(); };
        return;
      }
      // a total past luoshi.ledger.count-limit is a lower bound (totalExact false): "10,000 项以上", and the
      // next page is offered while a page comes back full
      const exact = r.totalExact !== false;
      const count = exact ? '共 ' + Math.max(1, Math.ceil(r.totalElements / 20)) + ' 页（' + r.totalElements + ' 项）'
        : '共 ' + r.totalElements.toLocaleString('en-US') + ' 项以上';
      const last = exact ? (page + 1) * 20 >= r.totalElements : r.content.length < 20;
      el.innerHTML = '<table><tr><th>编号</th><th>事项名称</th><th>来源</th><th>责任单位</th><th>下发</th><th>截止</th><th>状态</th><th>灯</th><th>进度</th><th class="num">综合得分</th></tr>'
        + r.content.map(i => '<tr><td><a href="/ledger/items/' + encodeURIComponent(i.code) + '">' + L.esc(i.code) + '</a></td><td>'
          + L.esc(i.title) + (i.parentCode ? ' <span class="muted">（' + L.esc(i.parentCode) + ' 的子事项）</span>' : '') + '</td><td>'
          + L.labels.source[i.source] + '</td><td>' + L.esc(i.unitName)
          + ((i.coUnitNames || []).length ? '<div class="muted">协办：' + L.esc(i.coUnitNames.join('、')) + '</div>' : '') + '</td><td>' + i.issuedOn + '</td><td>' + i.deadline
          + (i.extended ? ' <span class="tag">已延期</span>' : '') + '</td><td>' + L.status(i.status, i.overdue) + '</td><td>' + L.light(i.light)
          + '</td><td>' + L.bar(i.progressPercent) + '</td><td class="num">' + L.num(i.finalScore) + '</td></tr>').join('') + '</table>'
        + '<div class="pager"><button id="prev"' + (page === 0 ? ' disabled' : '') + '>上一页</button> 第 ' + (page + 1) + ' 页，'
        + count + '<button id="next"' + (last ? ' disabled' : '') + '>下一页</button></div>';
      document.getElementById('prev').onclick = () => { page--; list(); };
      document.getElementById('next').onclick = () => { page++; list(); };
    } catch (e) { L.fail(el, e); }
  }
  document.getElementById('search').onclick = () => { page = 0; list(); };
  year.onchange = () => { page = 0; stats(); list(); };
  stats();
  list();
})();
