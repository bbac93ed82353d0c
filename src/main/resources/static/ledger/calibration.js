// Luoshi ledger page calibration.html: its script lives here, as the Content-Security-Policy allows no inline scripts
(async () => {
  await L.header('calibration');
  const year = document.getElementById('year');
  const y0 = new Date().getFullYear();
  for (let y = y0; y >= y0 - 5; y--) year.add(new Option(y + ' 年', y));
  const bands = { EXCELLENT: '优秀', GOOD: '良好', FAIR: '一般', POOR: '较差' };
  async function load() {
    const el = document.getElementById('report');
    try {
      const r = await L.get('/api/scoring/calibration?year=' + year.value);
      el.innerHTML = '<p>共 ' + r.reviews + ' 次评分，全区平均 ' + L.num(r.districtMean) + '，标准差 ' + L.num(r.districtStandardDeviation) + '</p>'
        + '<table><tr><th>评审人</th><th>层级</th><th class="num">次数</th><th class="num">平均</th><th class="num">标准差</th>'
        + Object.values(bands).map(b => '<th class="num">' + b + '</th>').join('') + '<th class="num">距全区平均±5分</th><th>提示</th></tr>'
        + r.reviewers.map(v => '<tr><td>' + L.esc(v.reviewerName) + '</td><td>' + v.levelName + '</td><td class="num">' + v.count
          + '</td><td class="num">' + v.mean + '</td><td class="num">' + v.standardDeviation + '</td>'
          + Object.keys(bands).map(b => '<td class="num">' + L.rate(v.bandShares[b]) + '</td>').join('')
          + '<td class="num">' + L.rate(v.shareNearDistrictMean) + '</td><td class="flag">' + v.flags.map(L.esc).join('；') + '</td></tr>').join('') + '</table>';
      document.getElementById('units').innerHTML = '<table><tr><th>责任单位</th><th class="num">销号事项</th><th class="num">平均综合得分</th></tr>'
        + r.units.map(u => '<tr><td>' + L.esc(u.unitName) + '</td><td class="num">' + u.closed + '</td><td class="num">' + L.num(u.averageFinalScore) + '</td></tr>').join('') + '</table>';
    } catch (e) { L.fail(el, e); }
  }
  year.onchange = () => { load(); chart(); };
  load();
  // beside the report: the final scores of the items each reviewer passed, in bands (charts.js)
  async function chart() {
    const C = await import('/ledger/charts.js');
    const host = document.getElementById('distribution');
    try {
      await C.scoreDistribution(host, await L.get('/api/scoring/distribution?year=' + year.value));
    } catch (e) {
      C.unavailable(host, '各评审人经手事项的综合得分分布', e.message === 'login' ? '请先登录 Tasklist，再打开本页。' : e.message);
    }
    document.body.dataset.loaded = year.value;
  }
  chart();
})();
