// 落实 · Cockpit 插件的公共函数：读取 /api（落实的接口，沿用 Cockpit 的登录）和引擎的 REST 接口
// （/camunda/api/engine/…，按引擎授权只返回本人可以查看的数据），显示中文标签。
export const esc = s => s == null ? '' : String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

/**
 * GET a JSON resource of this application. A refusal becomes an Error with a Chinese message: Luoshi's
 * /api gives its own; the engine's REST API answers in English, so its refusals get ours.
 */
export async function get(path) {
  const r = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) {
    const own = path.startsWith('/api/') && body.message;
    const e = new Error(r.status === 401 ? '登录已失效，请重新登录'
      : own ? body.message
      : r.status === 403 ? '本人无权查看'
      : r.status === 404 ? '没有找到，或本人无权查看'
      : '读取失败（HTTP ' + r.status + '）');
    e.status = r.status;
    throw e;
  }
  return body;
}

/** 2026-03-01T09:30:00.000+0800 → 2026-03-01 09:30 (Beijing time, as the engine writes it). */
export function time(t) {
  if (!t) return '';
  const d = new Date(String(t).replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  if (isNaN(d)) return String(t);
  const p = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d).reduce((a, x) => (a[x.type] = x.value, a), {});
  return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute;
}

export function duration(ms) {
  if (ms == null) return '';
  const m = Math.round(ms / 60000);
  if (m < 1) return '不到 1 分钟';
  if (m < 60) return m + ' 分钟';
  const h = Math.floor(m / 60);
  if (h < 24) return h + ' 小时' + (m % 60 ? ' ' + (m % 60) + ' 分钟' : '');
  const d = Math.floor(h / 24);
  return d + ' 天' + (h % 24 ? ' ' + (h % 24) + ' 小时' : '');
}

export const num = n => n == null ? '—' : n;
export const rate = r => r == null ? '—' : (r * 100).toFixed(1) + '%';

export const LIGHTS = { RED: '红灯', YELLOW: '黄灯', GREEN: '绿灯' };
export const light = l => l ? '<span class="luoshi-light ' + esc(l) + '"></span>' + esc(LIGHTS[l]) : '<span class="luoshi-muted">—</span>';
export const tag = (text, cls) => '<span class="luoshi-tag ' + esc(cls || '') + '">' + esc(text) + '</span>';

/** A small table: head labels, rows of cells (already escaped HTML). */
export function table(head, rows, empty) {
  if (!rows.length) return '<p class="luoshi-muted">' + esc(empty || '无') + '</p>';
  return '<table class="luoshi-table"><thead><tr>' + head.map(h => '<th>' + esc(h) + '</th>').join('') + '</tr></thead><tbody>'
    + rows.map(r => '<tr>' + r.map(c => '<td>' + c + '</td>').join('') + '</tr>').join('') + '</tbody></table>';
}

/** Term–value pairs (values already escaped HTML). */
export function terms(pairs) {
  return '<dl class="luoshi-terms">' + pairs.map(([k, v]) => '<dt>' + esc(k) + '</dt><dd>' + (v === '' || v == null ? '—' : v) + '</dd>').join('') + '</dl>';
}

export function failure(node, e) {
  node.innerHTML = '<div class="luoshi-message">' + esc(e.message) + '</div>';
}

/** The engine's state of a finished or running instance, in Chinese. */
export const STATES = {
  ACTIVE: '运行中', SUSPENDED: '已挂起', COMPLETED: '正常结束', EXTERNALLY_TERMINATED: '被终止（人工撤销）',
  INTERNALLY_TERMINATED: '被终止（流程内部）',
};
