// 落实 · 统计图表页（/ledger/stats.html）：各单位完成情况、每月下发/销号/逾期、红黄绿灯、每月约谈。
// 每个图表只统计本人可以查看的事项（单位人员本单位，分管领导本人分管的，督查室和主要领导全区）。
import * as C from '/ledger/charts.js';

const me = await L.header('stats');
const year = document.getElementById('year');
const y0 = new Date().getFullYear();
for (let y = y0; y >= y0 - 5; y--) year.add(new Option(y + ' 年', y));
if (L.param('year')) year.value = L.param('year');
document.getElementById('print').onclick = () => window.print();
if (me) {
  document.getElementById('scope').textContent = me.seesEverything
    ? '统计范围：全区所有事项。' : '统计范围：本人可以查看的事项（本单位的事项、本人分管或负责的事项）。';
}

async function part(id, title, load, draw) {
  const host = document.getElementById(id);
  try {
    await draw(host, await load());
  } catch (e) {
    C.unavailable(host, title, e.message === 'login' ? '请先登录 Tasklist，再打开本页。' : e.message);
  }
}

async function load() {
  const y = year.value;
  await Promise.all([
    part('units', '各单位完成情况', () => L.get('/api/stats?year=' + y), (host, s) => {
      L.cards(document.getElementById('cards'), s.total);
      return C.completionByUnit(host, s);
    }),
    part('monthly', '每月下发、销号和逾期事项', () => L.get('/api/stats/monthly?year=' + y), C.monthly),
    part('lights', '在办事项红黄绿灯', () => L.get('/api/stats/lights?year=' + y), C.lights),
    part('interviews', '每月约谈次数', () => L.get('/api/interviews/stats/monthly?year=' + y), C.interviewsMonthly),
  ]);
  document.body.dataset.loaded = y;
}
year.onchange = load;
load();
