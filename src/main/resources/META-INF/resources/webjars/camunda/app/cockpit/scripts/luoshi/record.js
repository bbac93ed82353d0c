// 落实 · 流程实例背后的落实记录（事项、约谈、督查、报告、考核）：状态、红黄绿灯、期限、得分、逐级审核、台账链接。
// 记录由流程实例的业务键找到（事项 ZR-…、约谈 YT-…、督查 DC-<编号>、报告 BG-<编号>、考核 KH-<考核期>-<编号>），
// 通过落实自己的 /api 读取：只有可以查看该记录的人才能看到内容。
import { esc, get, time, num, light, tag, table, terms } from './common.js';

/** Which record a process of Luoshi stands for, and how to read it from the business key. */
const KINDS = {
  'responsibility-item': { label: '责任清单事项', api: k => '/api/items/' + encodeURIComponent(k), render: item },
  'interview': { label: '约谈问责', api: k => '/api/interviews/' + encodeURIComponent(k), render: interview },
  'supervision': { label: '督查督办', api: k => '/api/supervisions/' + idOf(k, /^DC-(\d+)$/), render: supervision },
  'periodic-report': { label: '督查报告与通报', api: k => '/api/reports/' + idOf(k, /^BG-(\d+)$/), render: report },
  'assessment': { label: '年度考核', api: k => '/api/assessments/' + idOf(k, /^KH-.+-(\d+)$/), render: assessment },
};

function idOf(businessKey, pattern) {
  const m = pattern.exec(businessKey || '');
  if (!m) throw new Error('流程实例的业务键不是落实记录的编号：' + (businessKey || '（无）'));
  return m[1];
}

/** Reads and renders the record behind a historic process instance into {@code node}. */
export async function renderRecord(node, instance) {
  const kind = KINDS[instance.processDefinitionKey];
  if (!kind) {
    node.innerHTML = '<div class="luoshi-message">此流程（' + esc(instance.processDefinitionName || instance.processDefinitionKey)
      + '）是落实的后台流程，没有对应的事项、约谈、督查、报告或考核记录。</div>';
    return null;
  }
  if (!instance.businessKey) {
    node.innerHTML = '<div class="luoshi-message">该流程实例还没有业务键（正在登记），请稍后刷新。</div>';
    return null;
  }
  const record = await get(kind.api(instance.businessKey));
  node.innerHTML = '<div class="luoshi-record" data-kind="' + esc(instance.processDefinitionKey) + '">' + kind.render(record) + '</div>';
  return record;
}

const link = (href, text) => '<a class="luoshi-link" href="' + esc(href) + '" target="_blank" rel="noopener">' + esc(text) + ' →</a>';
const status = (text, cls) => tag(text, 'status ' + (cls || ''));

function item(i) {
  const reviews = (i.reviews || []).map(r => [esc(time(r.reviewedAt)), esc(r.levelName), esc(r.submissionRound),
    esc(r.reviewerName), r.approved ? tag('通过', 'ok') : tag('退回', 'bad'), esc(num(r.qualityScore)), esc(r.comment || '')]);
  return '<h3>' + esc(i.code) + '　' + esc(i.title) + '　' + status(i.statusName, i.status)
    + (i.overdue ? ' ' + tag('逾期', 'bad') : '') + '　' + light(i.light) + '</h3>'
    + terms([['来源', esc(i.sourceName)], ['责任单位', esc(i.unitName)], ['分管领导', esc(i.leadLeaderName)],
      ['责任人', esc(i.responsiblePersonName || '')], ['下发日期', esc(i.issuedOn)],
      ['截止日期', esc(i.deadline) + (i.extended ? '（原定 ' + esc(i.originalDeadline) + '，已延期）' : '')],
      ['进度', esc(i.progressPercent) + '%'], ['完成日期', esc(i.completedOn || '')],
      ['逾期', i.overdueSince ? '自 ' + esc(i.overdueSince) + ' 起' : ''],
      ['时效分', esc(num(i.timelinessScore))], ['质量分', esc(num(i.qualityScore))], ['综合得分', '<b>' + esc(num(i.finalScore)) + '</b>']])
    + '<h4>逐级审核（时效分 : 质量分 = 3 : 7）</h4>'
    + table(['时间', '层级', '第几次报送', '审核人', '结论', '质量分', '意见'], reviews, '尚无审核记录')
    + '<p>' + link('/ledger/items/' + encodeURIComponent(i.code), '在台账中查看事项详情') + '</p>';
}

function interview(v) {
  const name = id => esc((v.names || {})[id] || id);
  return '<h3>' + esc(v.id) + '　' + esc(v.subject) + '　' + status(v.statusLabel, v.status) + '</h3>'
    + terms([['约谈情形', esc(v.triggerLabel)], ['约谈方式', esc(v.methodLabel)], ['约谈人', name(v.interviewer)],
      ['被约谈人', (v.interviewees || []).map(name).join('、')], ['约谈时间', esc(time(v.scheduledAt))], ['地点', esc(v.place)],
      ['实际到场', (v.attendees || []).map(name).join('、')], ['处理结果', esc(v.outcomeLabel || '')],
      ['是否整改', v.rectificationRequired == null ? '' : v.rectificationRequired ? '需整改，期限 ' + esc(v.rectificationDeadline) : '无需整改'],
      ['关联事项', esc(v.relatedItemCode || '')], ['回访约谈', esc((v.followUps || []).join('、'))]])
    + '<h4>改期记录</h4>' + table(['约定时间', '地点', '原因'], (v.scheduleHistory || []).map(s => [esc(time(s.scheduledAt)), esc(s.place), esc(s.reason || '')]))
    + '<p>' + (v.relatedItemCode ? link('/ledger/items/' + encodeURIComponent(v.relatedItemCode), '在台账中查看关联事项')
      : link('/ledger/', '打开责任清单台账')) + '</p>';
}

function supervision(s) {
  const problems = (s.problems || []).map(p => [esc(p.unitName), esc(p.description), esc(p.deadline),
    status(p.statusName, p.status) + (p.overdue ? ' ' + tag('逾期', 'bad') : '')]);
  return '<h3>督查 ' + esc(s.id) + '　' + esc(s.subject) + '　' + status(s.statusName, s.status) + '</h3>'
    + terms([['督查方式', esc(s.methodName)], ['被督查单位', (s.units || []).map(u => esc(u.name)).join('、')],
      ['发起时间', esc(time(s.startedAt))], ['督查时间', esc(time(s.inspectedAt))], ['报告时间', esc(time(s.reportedAt))],
      ['办结时间', esc(time(s.closedAt))]])
    + '<h4>发现的问题</h4>' + table(['责任单位', '问题', '整改期限', '状态'], problems, '没有问题，或本人无权查看')
    + '<p>' + link('/ledger/problems.html', '在督查问题台账中查看') + '</p>';
}

function report(r) {
  return '<h3>' + esc(r.title) + '　' + status(r.statusLabel, r.status) + '</h3>'
    + terms([['类型', esc(r.kindLabel)], ['统计期间', esc(r.periodLabel)],
      ['期数', r.issueNumber ? esc(r.issueYear) + ' 年第 ' + esc(r.issueNumber) + ' 期' : ''],
      ['生成时间', esc(time(r.generatedAt))], ['审批时间', esc(time(r.approvedAt))], ['发布时间', esc(time(r.publishedAt))],
      ['审批意见', esc(r.approvalComment || '')]])
    + '<p>' + link('/api/reports/' + encodeURIComponent(r.id) + '/html', '查看报告全文') + '　'
    + link('/ledger/reports.html', '督查报告与通报') + '</p>';
}

function assessment(a) {
  const results = (a.results || []).filter(x => x.subjectType === 'UNIT').map(x => [esc(x.rank), esc(x.subjectName),
    esc(num(x.averageFinalScore)), esc(x.closed), esc(x.overdueUncompleted), esc(x.gradeLabel || '')]);
  return '<h3>' + esc(a.periodLabel) + '考核　' + status(a.statusLabel, a.status) + '</h3>'
    + terms([['发起时间', esc(time(a.startedAt))], ['计算时间', esc(time(a.computedAt))], ['审核', esc(time(a.reviewedAt))],
      ['审批', esc(time(a.approvedAt))], ['发布', esc(time(a.publishedAt))], ['申诉截止', esc(time(a.appealUntil))]])
    + '<h4>单位排名</h4>' + table(['名次', '单位', '平均综合得分', '销号', '逾期未完成', '等次'], results, '尚未计算')
    + '<p>' + link('/ledger/assessments.html', '在“年度考核”页面查看') + '</p>';
}
