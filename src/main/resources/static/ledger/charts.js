// 落实 · 统计图表（ES 模块）：台账页面和 Cockpit 监控台共用。图表库 Apache ECharts 随应用一起发布
// （Maven 依赖 org.webjars.npm:echarts，地址 /webjars/echarts/<版本>/…，版本与 pom.xml 的 echarts.version 一致），
// 不从任何外部地址加载。图表用 SVG 绘制，打印时是矢量图；打印前加上花纹（黑白打印也分得清）并展开数据表。
const ECHARTS = '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';
const FONT = '"Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", sans-serif';

export const COLORS = {
  closed: '#2e7d4f', closing: '#e0a526', inProgress: '#2f6db5', returned: '#c0392b', cancelled: '#9e9e9e',
  issued: '#2f6db5', overdue: '#c0392b', RED: '#c0392b', YELLOW: '#e0a526', GREEN: '#2e7d4f',
};
const BAND_COLORS = ['#c0392b', '#e67e22', '#e0c026', '#5b9bd5', '#2e7d4f'];
const LEVEL_COLORS = ['#b5121b', '#2f6db5', '#7a5195'];
const MONTHS = Array.from({ length: 12 }, (_, i) => (i + 1) + '月');

let library;
const charts = new Set();

/** ECharts, loaded once from the app's own webjar. */
export function echarts() {
  library = library || import(ECHARTS);
  return library;
}

const esc = s => s == null ? '' : String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

/**
 * A chart block inside {@code host}: a title, the chart and, folded below it, the same figures as a
 * table (for exact numbers, screen readers and print). Returns the chart's element.
 */
function block(host, title, head, rows) {
  host.innerHTML = '<figure class="chart-block"><figcaption>' + esc(title) + '</figcaption><div class="chart" role="img" aria-label="'
    + esc(title) + '"></div><details class="chart-table"><summary>查看数据</summary><table><tr>'
    + head.map(h => '<th>' + esc(h) + '</th>').join('') + '</tr>'
    + rows.map(r => '<tr>' + r.map((c, i) => '<td' + (i > 0 ? ' class="num"' : '') + '>' + esc(c) + '</td>').join('') + '</tr>').join('')
    + '</table></details></figure>';
  return host.querySelector('.chart');
}

async function draw(el, height, option) {
  const e = await echarts();
  el.style.height = height + 'px';
  const old = e.getInstanceByDom(el);
  if (old) { old.dispose(); charts.delete(old); }
  const chart = e.init(el, null, { renderer: 'svg', locale: 'ZH' });
  chart.setOption(Object.assign({
    animation: false,
    textStyle: { fontFamily: FONT, fontSize: 13, color: '#222' },
    aria: { enabled: true, decal: { show: false } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: { fontSize: 13 } },
  }, option));
  chart.on('finished', () => scalable(chart));
  scalable(chart);
  charts.add(chart);
  return chart;
}

const hideZero = p => p.value || '';

/** Completion by unit (stacked): how each unit's items of the year stand now (GET /api/stats byUnit). */
export function completionByUnit(host, stats) {
  const parts = [['closed', '已销号'], ['closing', '进入销号程序'], ['inProgress', '正在落实'], ['returned', '已退回'], ['cancelled', '已撤销']];
  const units = stats.byUnit.slice().sort((a, b) => b.counts.issued - a.counts.issued);
  // 协办事项: items naming the unit as a co-unit, counted apart from what it leads (the bars)
  const el = block(host, stats.year + ' 年各单位完成情况', ['责任单位', '下发', ...parts.map(p => p[1]), '逾期未完成', '协办事项'],
    units.map(u => [u.unitName, u.counts.issued, ...parts.map(p => u.counts[p[0]]), u.counts.overdue, u.coResponsible || 0]));
  if (!units.length) { el.outerHTML = '<div class="message">该年度没有可查看的事项</div>'; return null; }
  const names = units.map(u => u.unitName).reverse();
  return draw(el, Math.max(180, 60 + units.length * 30), {
    grid: { left: 8, right: 24, top: 36, bottom: 30, containLabel: true },
    xAxis: { type: 'value', name: '事项数', nameLocation: 'middle', nameGap: 26, minInterval: 1 },
    yAxis: { type: 'category', data: names },
    series: parts.map(([key, label]) => ({
      name: label, type: 'bar', stack: 'status', color: COLORS[key], barMaxWidth: 22,
      label: { show: true, formatter: p => p.value || '' },
      data: units.map(u => u.counts[key]).reverse(),
    })),
  });
}

/** Issued, closed and gone overdue per month (GET /api/stats/monthly). */
export function monthly(host, m) {
  const el = block(host, m.year + ' 年每月下发、销号和逾期事项', ['月份', '下发', '销号', '逾期'],
    m.months.map(x => [x.month + '月', x.issued, x.closed, x.overdue]));
  return draw(el, 320, {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: MONTHS },
    yAxis: { type: 'value', name: '事项数', nameTextStyle: { align: 'left' }, minInterval: 1 },
    series: [
      { name: '下发', type: 'bar', color: COLORS.issued, label: { show: true, position: 'top', formatter: hideZero }, data: m.months.map(x => x.issued) },
      { name: '销号', type: 'bar', color: COLORS.closed, label: { show: true, position: 'top', formatter: hideZero }, data: m.months.map(x => x.closed) },
      { name: '逾期', type: 'line', color: COLORS.overdue, symbolSize: 7, label: { show: true, formatter: hideZero }, data: m.months.map(x => x.overdue) },
    ],
  });
}

/** Open items by light (GET /api/stats/lights). */
export function lights(host, l) {
  const data = [['RED', '红灯（逾期）', l.red], ['YELLOW', '黄灯（临近截止或进度滞后）', l.yellow], ['GREEN', '绿灯（正常）', l.green]];
  // beside a slice only the light's short name: the full one ("黄灯（临近截止或进度滞后）") was cut to
  // "黄灯（临近截..." in a third of Cockpit's width; the legend below and the table explain each light.
  // A smaller ring leaves the labels room, and a label still too wide wraps rather than being cut.
  const short = { RED: '红灯', YELLOW: '黄灯', GREEN: '绿灯' };
  const el = block(host, l.year + ' 年在办事项红黄绿灯', ['灯', '事项数'], data.map(d => [d[1], d[2]]));
  return draw(el, 300, {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, top: 'auto' },
    series: [{
      type: 'pie', radius: ['34%', '58%'], center: ['50%', '46%'],
      label: { fontSize: 13, overflow: 'break' },
      // an empty slice keeps its legend entry but no label pointing at nothing
      data: data.map(([k, name, value]) => ({ name, value, itemStyle: { color: COLORS[k] },
        label: { show: value > 0, formatter: p => short[k] + '\n' + p.value + ' 项（' + p.percent + '%）' },
        labelLine: { show: value > 0 } })),
    }],
  });
}

/** Final scores of the items each reviewer passed, in bands (GET /api/scoring/distribution). */
export function scoreDistribution(host, d) {
  const who = r => r.reviewerName + '（' + r.levelName + '）';
  const el = block(host, d.year + ' 年各评审人经手事项的综合得分分布', ['评审人', '事项数', ...d.bands],
    d.reviewers.map(r => [who(r), r.items, ...r.bands]));
  if (!d.reviewers.length) { el.outerHTML = '<div class="message">该年度没有已销号的评分记录</div>'; return null; }
  const rows = d.reviewers.slice().reverse();
  return draw(el, Math.max(180, 70 + rows.length * 32), {
    grid: { left: 8, right: 24, top: 36, bottom: 30, containLabel: true },
    xAxis: { type: 'value', name: '事项数', nameLocation: 'middle', nameGap: 26, minInterval: 1 },
    yAxis: { type: 'category', data: rows.map(who) },
    series: d.bands.map((band, i) => ({
      name: band, type: 'bar', stack: 'band', color: BAND_COLORS[i], barMaxWidth: 22,
      label: { show: true, formatter: p => p.value || '' },
      data: rows.map(r => r.bands[i]),
    })),
  });
}

/** Interviews held per month by interviewer level (GET /api/interviews/stats/monthly). */
export function interviewsMonthly(host, m) {
  const levels = Object.entries(m.levels);
  const el = block(host, m.year + ' 年每月约谈次数（按约谈人层级）', ['月份', ...levels.map(l => l[1])],
    m.months.map(x => [x.month + '月', ...levels.map(([k]) => x.sessions[k])]));
  return draw(el, 300, {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: MONTHS },
    yAxis: { type: 'value', name: '约谈次数', nameTextStyle: { align: 'left' }, minInterval: 1 },
    series: levels.map(([k, label], i) => ({
      name: label, type: 'bar', stack: 'level', color: LEVEL_COLORS[i % LEVEL_COLORS.length],
      label: { show: true, formatter: p => p.value || '' },
      data: m.months.map(x => x.sessions[k]),
    })),
  });
}

/** Shows why a chart is missing (no permission, an error) in its place. */
export function unavailable(host, title, message) {
  host.innerHTML = '<figure class="chart-block"><figcaption>' + esc(title) + '</figcaption><div class="message">'
    + esc(message) + '</div></figure>';
}

// Charts follow their container's width; for print they get patterns (black-and-white printers) and
// their tables unfold, and go back afterwards.
let resizeTimer;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => charts.forEach(c => c.isDisposed() ? charts.delete(c) : c.resize()), 150);
});
// On paper each chart is drawn again at the width of an A4 page inside its margins (ledger.css @page),
// with the same font sizes, and gets patterns (black-and-white printers); its table unfolds. Its SVG
// also carries a viewBox, so where a page is narrower still it shrinks to fit rather than being cut.
const PRINT_WIDTH = 680;
// resize() paints on the next animation frame, which never comes before the page is printed: paint now
function redraw(c, width, decal) {
  if (c.isDisposed()) return;
  c.resize({ width });
  c.setOption({ aria: { decal: { show: decal } } }); // setOption paints at once (and so the resize too)
  c.getZr().flush();
  scalable(c);
}
window.addEventListener('beforeprint', () => {
  document.querySelectorAll('details.chart-table').forEach(d => { d.dataset.wasOpen = d.open; d.open = true; });
  charts.forEach(c => redraw(c, PRINT_WIDTH, true));
});
window.addEventListener('afterprint', () => {
  document.querySelectorAll('details.chart-table').forEach(d => { d.open = d.dataset.wasOpen === 'true'; });
  charts.forEach(c => redraw(c, 'auto', false));
});

function scalable(chart) {
  const svg = chart.getDom().querySelector('svg');
  if (svg && svg.getAttribute('width')) {
    svg.setAttribute('viewBox', '0 0 ' + parseFloat(svg.getAttribute('width')) + ' ' + parseFloat(svg.getAttribute('height')));
    svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  }
}

/** Disposes every chart drawn on this page (a Cockpit view that is left). */
export function disposeAll() {
  charts.forEach(c => { if (!c.isDisposed()) c.dispose(); });
  charts.clear();
}
