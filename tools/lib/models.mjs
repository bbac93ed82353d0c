// What the modelling tools share: where the models are, reading BPMN, DMN and forms, and the
// Spring beans in src/main/java. Everything is found by walking processes/, so a model added by
// another issue is picked up without touching the tools.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname, basename, extname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';
import { DmnModdle } from 'dmn-moddle';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const camundaBpmn = require('camunda-bpmn-moddle/resources/camunda.json');
const camundaDmn = require('camunda-dmn-moddle/resources/camunda.json');

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PROCESSES = join(ROOT, 'processes');
export const SOURCES = join(ROOT, 'src', 'main', 'java');
export const MODELS_DIR = join(ROOT, 'docs', 'models');

/** Files below dir whose names end with one of the suffixes, as sorted paths relative to dir (with /). */
export function walk(dir, suffixes) {
  const found = [];
  const visit = (d) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(d, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (suffixes.some(s => name.endsWith(s))) found.push(relative(dir, path).split(sep).join('/'));
    }
  };
  visit(dir);
  return found.sort();
}

export const bpmnFiles = () => walk(PROCESSES, ['.bpmn']);
export const dmnFiles = () => walk(PROCESSES, ['.dmn']);
export const formFiles = () => walk(PROCESSES, ['.form']);

/** "sub/name.bpmn" → "sub/name" */
export const stem = (rel) => rel.slice(0, rel.length - extname(rel).length);

export const read = (path) => readFileSync(path, 'utf8');

export async function parseBpmn(rel) {
  const moddle = new BpmnModdle({ camunda: camundaBpmn });
  const { rootElement, warnings } = await moddle.fromXML(read(join(PROCESSES, rel)));
  return { definitions: rootElement, warnings };
}

export async function parseDmn(rel) {
  const moddle = new DmnModdle({ camunda: camundaDmn });
  const { rootElement, warnings } = await moddle.fromXML(read(join(PROCESSES, rel)));
  return { definitions: rootElement, warnings };
}

/** Every element below (and including) a moddle element, depth first, in document order. */
export function* descendants(element) {
  if (!element || typeof element !== 'object') return;
  yield element;
  const children = [
    ...(element.flowElements || []),
    ...(element.artifacts || []),
    ...(element.laneSets || []).flatMap(s => s.lanes || [])
  ];
  for (const child of children) yield* descendants(child);
}

export const is = (element, type) => element && element.$instanceOf && element.$instanceOf(type);

/** Forms by id: { id, file, fields: [{key, label, type, required, min, max}], shows: [variables in {{…}}] }. */
export function forms() {
  const byId = new Map();
  for (const rel of formFiles()) {
    const json = JSON.parse(read(join(PROCESSES, rel)));
    const fields = [];
    const shows = new Set();
    const visit = (components = []) => {
      for (const c of components) {
        if (c.key && c.type !== 'text' && c.type !== 'html') {
          fields.push({
            key: c.key,
            label: c.label || c.dateLabel || c.timeLabel || '',
            type: c.type + (c.subtype ? `/${c.subtype}` : ''),
            required: !!(c.validate && c.validate.required),
            min: c.validate && c.validate.min,
            max: c.validate && c.validate.max,
            readonly: !!c.readonly || !!c.disabled
          });
        }
        for (const text of [c.text, c.content, c.dataSource, c.valuesKey].filter(Boolean)) {
          for (const m of String(text).matchAll(/\{\{\s*#?\/?\s*([A-Za-z_][A-Za-z0-9_]*)/g)) shows.add(m[1]);
          for (const m of String(text).matchAll(/^=\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/g)) shows.add(m[1]);
        }
        visit(c.components);
      }
    };
    visit(json.components);
    byId.set(json.id, { id: json.id, file: rel, fields, shows: [...shows] });
  }
  return byId;
}

// Java sources ///////////////////////////////////////////////////////////////////////////////

const STEREOTYPE = /@(?:Component|Service|Repository|Controller|RestController|Configuration)\b(?:\s*\(\s*(?:value\s*=\s*)?"([^"]+)"\s*\))?/;
const BEAN_METHOD = /@Bean\b(?:\s*\(([^)]*)\))?\s+(?:(?:public|protected|private|static|final)\s+)*[\w.<>[\], ?]+?\s+(\w+)\s*\(/g;
const stripComments = (code) => code.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/.*$/gm, ' ');
const decapitalize = (n) => (n.length > 1 && n[0] === n[0].toUpperCase() && n[1] === n[1].toUpperCase() && /[A-Z]/.test(n[1])) ? n : n[0].toLowerCase() + n.slice(1);

/** Spring beans declared in src/main/java: name → { name, file (relative to the root), className, code }. */
export function springBeans() {
  const beans = new Map();
  for (const rel of walk(SOURCES, ['.java'])) {
    const code = read(join(SOURCES, rel));
    const plain = stripComments(code);
    const className = basename(rel, '.java');
    const s = plain.match(STEREOTYPE);
    const add = (name) => { if (!beans.has(name)) beans.set(name, { name, file: `src/main/java/${rel}`, className, code }); };
    if (s) {
      if (s[1]) add(s[1]);
      else {
        const t = plain.slice(s.index).match(/\b(?:class|record|interface|enum)\s+(\w+)/);
        add(decapitalize(t ? t[1] : className));
      }
    }
    for (const m of plain.matchAll(BEAN_METHOD)) {
      const names = m[1] ? [...m[1].matchAll(/"([^"]+)"/g)].map(q => q[1]) : [];
      (names.length ? names : [m[2]]).forEach(add);
    }
  }
  return beans;
}

/** The Javadoc right above the bean's stereotype annotation, as one plain line. */
export function classSummary(code) {
  const m = code.match(/\/\*\*([\s\S]*?)\*\/\s*(?:@[\w.]+(?:\([^)]*\))?\s*)*(?:public\s+|final\s+|abstract\s+)*(?:class|record|interface|enum)\b/);
  if (!m) return '';
  return m[1].split('\n').map(l => l.replace(/^\s*\*\s?/, '').trim()).join(' ')
    .replace(/\{@(?:code|link|linkplain)\s+((?:[^{}]|\{[^{}]*\})*)\}/g, '`$1`')
    .replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
}

const ARG = String.raw`\(\s*(?:"(\w+)"|([A-Z][A-Z0-9_]*)\b)`;
const VARS_READ = new RegExp(String.raw`\.(?:text|requiredText|date|dateTime|number|numberBetween|integer|bool|requiredBool|enumValue|textList|objectList)` + ARG, 'g');
const GET_VAR = new RegExp(String.raw`\bget(?:Variable|VariableLocal|VariableTyped|VariableLocalTyped)` + ARG, 'g');
const SET_VAR = new RegExp(String.raw`\bset(?:Variable|VariableLocal)` + ARG, 'g');
/** ItemProcess.setIfChanged(scope, "name", value): a write unless the variable holds the value already. */
const SET_IF_CHANGED = new RegExp(String.raw`\bsetIfChanged\(\s*[\w.()]+\s*,\s*(?:"(\w+)"|([A-Z][A-Z0-9_]*)\b)`, 'g');

let constantsCache;
/** String constants in src/main/java (static final String NAME = "value"), where every definition agrees. */
function constants() {
  if (!constantsCache) {
    const seen = new Map();
    for (const rel of walk(SOURCES, ['.java'])) {
      for (const m of read(join(SOURCES, rel)).matchAll(/static\s+final\s+String\s+([A-Z][A-Z0-9_]*)\s*=\s*"([^"]*)"\s*;/g)) {
        seen.set(m[1], seen.has(m[1]) && seen.get(m[1]) !== m[2] ? null : m[2]);
      }
    }
    constantsCache = seen;
  }
  return constantsCache;
}

const names = (code, pattern) => [...code.matchAll(pattern)]
  .map(m => m[1] || constants().get(m[2])).filter(Boolean);

/** What a delegate's own source reads and writes, and which collaborators it calls. */
export function delegateFacts(bean) {
  const code = stripComments(bean.code);
  const reads = new Set([...names(code, VARS_READ), ...names(code, GET_VAR)]);
  if (/getProcessBusinessKey\(/.test(code)) reads.add('businessKey');
  const writes = new Set([...names(code, SET_VAR), ...names(code, SET_IF_CHANGED)]);
  if (/setProcessBusinessKey\(/.test(code)) writes.add('businessKey');
  const kind = /implements\s+[^{]*\bJavaDelegate\b/.test(code) ? 'JavaDelegate'
    : /implements\s+[^{]*\bTaskListener\b/.test(code) ? 'TaskListener'
      : /implements\s+[^{]*\bExecutionListener\b/.test(code) ? 'ExecutionListener' : '';
  const fields = new Map([...code.matchAll(/private\s+final\s+([A-Z]\w*)(?:<[^>]*>)?\s+(\w+)\s*;/g)].map(m => [m[2], m[1]]));
  const calls = new Set();
  for (const [field, type] of fields) {
    for (const m of code.matchAll(new RegExp(`\\b${field}\\.(\\w+)\\(`, 'g'))) calls.add(`${type}.${m[1]}`);
  }
  return { kind, reads: [...reads], writes: [...writes], calls: [...calls].sort() };
}

/** Java sources that mention a string literal, e.g. a decision key: relative paths. */
export function sourcesMentioning(literal) {
  return walk(SOURCES, ['.java']).filter(rel => read(join(SOURCES, rel)).includes(`"${literal}"`))
    .map(rel => `src/main/java/${rel}`);
}
