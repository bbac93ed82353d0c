// Luoshi ledger page rankings.html: its script lives here, as the Content-Security-Policy allows no inline scripts
(async () => {
  await L.header('rankings');
  const sel = document.getElementById('period');
  const y = new Date().getFullYear();
  for (const p of [String(y), y + '-H1', y + '-H2', String(y - 1), (y - 1) + '-H1', (y - 1) + '-H2']) sel.add(new Option(p, p));
  async function load() {
    const units = document.getElementById('units');
    const people = document.getElementById('people');
    try {
      const r = await L.get('/api/scoring/rankings?period=' + sel.value);
      units.innerHTML = '<p>' + r.label + '（' + r.from + ' 至 ' + r.to + '）</p><table><tr><th>名次</th><th>责任单位</th><th class="num">平均综合得分</th><th class="num">销号</th><th class="num">逾期</th><th class="num">退回</th></tr>'
        + r.units.map(u => '<tr><td>' + (u.rank == null ? '<span class="muted">未排名</span>' : u.rank) + '</td><td>' + L.esc(u.unitName) + '</td><td class="num">' + L.num(u.averageFinalScore)
          + '</td><td class="num">' + u.closed + '</td><td class="num">' + u.overdue + '</td><td class="num">' + u.returned + '</td></tr>').join('') + '</table>';
      people.innerHTML = r.people.length ? '<table><tr><th>名次</th><th>责任人</th><th class="num">平均综合得分</th><th class="num">销号</th><th class="num">逾期</th></tr>'
        + r.people.map(p => '<tr><td>' + (p.rank == null ? '<span class="muted">未排名</span>' : p.rank) + '</td><td>' + L.esc(p.name) + '</td><td class="num">' + L.num(p.averageFinalScore)
          + '</td><td class="num">' + p.closed + '</td><td class="num">' + p.overdue + '</td></tr>').join('') + '</table>' : '<div class="muted">无</div>';
    } catch (e) { L.fail(units, e); }
  }
  sel.onchange = load;
  load();
})();
