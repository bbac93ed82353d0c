// Luoshi: Camunda Forms (form-js 1.8, rendered by Tasklist) the way a district clerk reads them.
//
// 1. Units and people by name. A select, radio, checklist or taglist whose custom property
//    "optionsFrom" names a list gets its options from Luoshi's /api when the form opens, so a unit
//    or a person created in Admin shows up at once (no redeployment, no restart), and a start form,
//    which cannot read process variables, still offers names rather than codes to type:
//      units        every unit (GET /api/units): label 区人社局, value RSJ
//      leaders      the leaders in charge (GET /api/people?group=leaders)
//      people       everyone, with their unit (GET /api/people)
//      unitMembers  the members of the task's unit (variable unitCode of the task; GET /api/people?unitCode=)
//    Tasklist fetches a form's schema with window.fetch (…/deployed-form, …/deployed-start-form);
//    the options are written into that schema before form-js sees it. The server still checks
//    every submitted code and user id: the lists only spare people from typing them.
// 2. form-js's own texts are English (bpmn-io/form-js#1169: no translation API in 1.8): the
//    validation messages, "Select", "Search", "No results", the date placeholder "yyyy/mm/dd" and
//    the list buttons are translated in the page as form-js writes them.
const ENGINE = '/camunda/api/engine/engine/default';

const SOURCES = {
  units: () => json('/api/units').then(units => units.map(u => ({label: u.name, value: u.code}))),
  leaders: () => json('/api/people?group=leaders').then(people => people.map(p => ({label: p.name, value: p.id}))),
  people: () => json('/api/people').then(people => people.map(p => ({label: personLabel(p), value: p.id}))),
  unitMembers: async context => {
    const unitCode = await taskVariable(context.taskId, 'unitCode');
    if (!unitCode) {
      return null; // no unit to ask about: keep the options the form brings (valuesKey)
    }
    const people = await json('/api/people?unitCode=' + encodeURIComponent(unitCode));
    return people.map(p => ({label: p.name, value: p.id}));
  }
};

function personLabel(p) {
  return p.unitNames && p.unitNames.length ? p.name + '（' + p.unitNames.join('、') + '）' : p.name;
}

async function json(path) {
  const response = await originalFetch(path, {
    credentials: 'same-origin',
    headers: {Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest'}
  });
  if (!response.ok) {
    throw new Error(path + ': HTTP ' + response.status);
  }
  return response.json();
}

async function taskVariable(taskId, name) {
  if (!taskId) {
    return null;
  }
  const vars = await json(ENGINE + '/task/' + encodeURIComponent(taskId) + '/form-variables?variableNames='
    + encodeURIComponent(name) + '&deserializeValues=false');
  return vars[name] ? vars[name].value : null;
}

function eachComponent(components, visit) {
  for (const c of components || []) {
    visit(c);
    eachComponent(c.components, visit);
  }
}

/** The keys of the form shown last, with their component ids (to mark the field a refusal names). */
let lastKeys = {};

/** The form-js component id of the field bound to {@code key} in the form shown last. */
export function componentId(key) {
  return lastKeys[key] || null;
}

/** Fills the options of every component marked with properties.optionsFrom; a failed list stays as it was. */
async function withOptions(schema, context) {
  const wanted = [];
  eachComponent(schema.components, c => {
    const source = c.properties && c.properties.optionsFrom;
    if (source && SOURCES[source]) {
      wanted.push([c, source]);
    }
  });
  const lists = {};
  await Promise.all([...new Set(wanted.map(([, s]) => s))].map(async source => {
    try {
      lists[source] = await SOURCES[source](context);
    } catch (e) {
      console.warn('Luoshi: options "' + source + '" could not be loaded', e); // eslint-disable-line
    }
  }));
  for (const [c, source] of wanted) {
    if (lists[source]) {
      c.values = lists[source];
      delete c.valuesKey;
      delete c.valuesExpression;
    }
  }
  return schema;
}

const FORM_URL = /\/(task\/([^/]+)\/deployed-form|process-definition\/[^/]+\/deployed-start-form)(\?|$)/;

const originalFetch = window.fetch.bind(window);

window.fetch = async function luoshiFetch(input, init) {
  const response = await originalFetch(input, init);
  const url = typeof input === 'string' ? input : input && input.url;
  const match = url && FORM_URL.exec(url);
  if (!match || !response.ok) {
    return response;
  }
  try {
    const schema = await response.clone().json();
    const context = {taskId: match[2] ? decodeURIComponent(match[2]) : null};
    const enriched = await withOptions(schema, context);
    lastKeys = {};
    eachComponent(enriched.components, c => {
      if (c.key && c.id) {
        lastKeys[c.key] = c.id;
      }
    });
    return new Response(JSON.stringify(enriched), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers
    });
  } catch (e) {
    console.warn('Luoshi: form schema left as it is', e); // eslint-disable-line
    return response;
  }
};

// --- form-js texts in Chinese ----------------------------------------------------------------

const EXACT = {
  'Field is required.': '此项为必填项',
  'Field must be a valid email.': '请填写有效的电子邮箱地址',
  'Field must be a valid  international phone number. (e.g. +4930664040900)': '请填写有效的电话号码（含国家代码，如 +86）',
  'Value is expected to be an integer.': '请填写整数',
  'Select': '请选择',
  'Search': '搜索',
  'No results': '没有匹配的选项',
  'All values selected': '已全部选择',
  'Add new': '添加一项',
  'Remove item': '删除',
  'Remove tag': '移除',
  'Delete item': '删除',
  'Toggle list item': '展开/收起',
  'Collapse': '收起',
  'Expand': '展开',
  'yyyy/mm/dd': '年/月/日',
  'yyyy-mm-dd': '年-月-日',
  'mm/dd/yyyy': '月/日/年',
  'dd/mm/yyyy': '日/月/年',
  'hh:mm': '时:分',
  'hh:mm ?m': '时:分'
};

const PATTERNS = [
  [/^Field must have minimum value of (.+)\.$/, '不能小于 $1'],
  [/^Field must have maximum value of (.+)\.$/, '不能大于 $1'],
  [/^Field must have minimum length of (.+)\.$/, '至少填写 $1 个字'],
  [/^Field must have maximum length of (.+)\.$/, '不能超过 $1 个字'],
  [/^Field must match pattern (.+)\.$/, '格式不符合要求'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, '最多保留 $1 位小数'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/, '请填写有效的值，最接近的有效值为 $1 和 $2'],
  [/^Remove list item (\d+)$/, '删除第 $1 项']
];

// the date picker's calendar (flatpickr, English only in form-js 1.8)
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
const CALENDAR = Object.fromEntries([
  ...MONTHS.map((m, i) => [m, (i + 1) + '月']),
  ...['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].map((d, i) => [d, '日一二三四五六'[i]])
]);

/** The Chinese for one of form-js's English texts, or null when the text is not one of them. */
export function translate(text, inCalendar) {
  if (!text) {
    return null;
  }
  const trimmed = text.trim();
  if (inCalendar && Object.prototype.hasOwnProperty.call(CALENDAR, trimmed)) {
    return text.replace(trimmed, CALENDAR[trimmed]);
  }
  if (Object.prototype.hasOwnProperty.call(EXACT, trimmed)) {
    return text.replace(trimmed, EXACT[trimmed]);
  }
  for (const [pattern, chinese] of PATTERNS) {
    if (pattern.test(trimmed)) {
      return text.replace(trimmed, trimmed.replace(pattern, chinese));
    }
  }
  return null;
}

const ATTRIBUTES = ['placeholder', 'aria-label', 'title'];

function translateNode(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  const inCalendar = !!(element && element.closest('.flatpickr-calendar'));
  if (node.nodeType === Node.TEXT_NODE) {
    const chinese = translate(node.data, inCalendar);
    if (chinese !== null && chinese !== node.data) {
      node.data = chinese;
    }
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  if (node.tagName === 'A' && /^\/ledger\//.test(node.getAttribute('href') || '')) {
    node.setAttribute('target', '_blank'); // the ledger page beside the task, not instead of it
    node.setAttribute('rel', 'noopener');
  }
  for (const name of ATTRIBUTES) {
    const value = node.getAttribute(name);
    const chinese = value && translate(value, inCalendar);
    if (chinese && chinese !== value) {
      node.setAttribute(name, chinese);
    }
  }
  for (const child of node.childNodes) {
    translateNode(child);
  }
}

function insideForm(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return !!(element && element.closest('.fjs-container, .flatpickr-calendar'));
}

// the same choice as Tasklist's own texts: English only for a browser whose first language is English
const language = ((navigator.languages && navigator.languages[0]) || navigator.language || '').toLowerCase();
if (!language.startsWith('en')) {
  new MutationObserver(mutations => {
    for (const m of mutations) {
      if (m.type === 'characterData' || m.type === 'attributes') {
        if (insideForm(m.target)) {
          translateNode(m.target);
        }
      } else {
        for (const added of m.addedNodes) {
          if (insideForm(added)) {
            translateNode(added);
          }
        }
      }
    }
  }).observe(document.documentElement, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES
  });
}

export default [];
