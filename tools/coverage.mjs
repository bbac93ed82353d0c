#!/usr/bin/env node
// Flow-node coverage per model, from the reports the fast process tests leave in
// target/process-test-coverage/<test class>/report.json (camunda-process-test-coverage, recorded by
// ProcessTests.engine()). Every executable process in processes/ counts: what all test classes
// together walked through, against every flow node of the model. A model below
// ProcessTests.MIN_CLASS_COVERAGE, or with no fast test at all (0 %), fails the run.
//
//   node tools/coverage.mjs           after `mvn verify` (or `mvn test`); writes target/process-test-coverage/summary.txt
//   node tools/coverage.mjs --print   prints that summary again (the end of .ci/run)
import { existsSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, bpmnFiles, parseBpmn, is } from './lib/models.mjs';

const REPORTS = join(ROOT, 'target', 'process-test-coverage');
const SUMMARY = join(REPORTS, 'summary.txt');
const PROCESS_TESTS = join(ROOT, 'src', 'test', 'java', 'org', 'luoshi', 'testsupport', 'ProcessTests.java');

function threshold() {
  const m = readFileSync(PROCESS_TESTS, 'utf8').match(/MIN_CLASS_COVERAGE\s*=\s*([0-9.]+)/);
  if (!m) throw new Error(`ProcessTests.MIN_CLASS_COVERAGE not found in ${PROCESS_TESTS}`);
  return Number(m[1]);
}

/** Flow nodes and sequence flows of every executable process, by process id. */
async function models() {
  const result = new Map();
  for (const rel of bpmnFiles()) {
    const { definitions } = await parseBpmn(rel);
    for (const process of definitions.rootElements.filter(e => is(e, 'bpmn:Process') && e.isExecutable)) {
      const nodes = new Map(), flows = new Set();
      const visit = (container) => {
        for (const e of container.flowElements || []) {
          if (is(e, 'bpmn:SequenceFlow')) flows.add(e.id);
          else if (is(e, 'bpmn:FlowNode')) nodes.set(e.id, e.name || '');
          if (e.flowElements) visit(e);
        }
      };
      visit(process);
      result.set(process.id, { file: `processes/${rel}`, nodes, flows });
    }
  }
  return result;
}

function reports() {
  if (!existsSync(REPORTS)) return [];
  return readdirSync(REPORTS).filter(d => existsSync(join(REPORTS, d, 'report.json')))
    .map(d => JSON.parse(readFileSync(join(REPORTS, d, 'report.json'), 'utf8')));
}

const pct = (n, d) => d === 0 ? '—' : `${(100 * n / d).toFixed(1)} %`;

async function main() {
  if (process.argv.includes('--print')) {
    if (!existsSync(SUMMARY)) {
      console.error('✖ No coverage summary: run `npm run coverage` after `mvn verify`');
      process.exit(1);
    }
    process.stdout.write(readFileSync(SUMMARY, 'utf8'));
    return;
  }
  const min = threshold();
  const all = await models();
  const found = reports();
  if (!found.length) {
    console.error(`✖ No coverage reports in ${REPORTS}: run \`mvn verify\` (or the fast *ProcessTest classes) first`);
    process.exit(1);
  }
  const covered = new Map([...all.keys()].map(k => [k, { nodes: new Set(), flows: new Set(), classes: new Set() }]));
  for (const report of found) {
    for (const suite of report.suites || []) {
      for (const run of suite.runs || []) {
        for (const event of run.events || []) {
          const c = covered.get(event.modelKey);
          if (!c) continue;
          c.classes.add(suite.name);
          if (event.source === 'FLOW_NODE' && all.get(event.modelKey).nodes.has(event.definitionKey)) c.nodes.add(event.definitionKey);
          if (event.source === 'SEQUENCE_FLOW' && all.get(event.modelKey).flows.has(event.definitionKey)) c.flows.add(event.definitionKey);
        }
      }
    }
  }
  const rows = [['model', 'flow nodes', '', 'sequence flows', '', 'tested by', '']];
  const failures = [];
  for (const [key, model] of [...all].sort()) {
    const c = covered.get(key);
    const share = model.nodes.size ? c.nodes.size / model.nodes.size : 1;
    const ok = share + 1e-9 >= min;
    rows.push([key, `${c.nodes.size}/${model.nodes.size}`, pct(c.nodes.size, model.nodes.size),
      `${c.flows.size}/${model.flows.size}`, pct(c.flows.size, model.flows.size),
      c.classes.size ? [...c.classes].sort().join(', ') : '(no fast test)', ok ? 'ok' : 'BELOW']);
    if (!ok) {
      const missing = [...model.nodes].filter(([id]) => !c.nodes.has(id)).map(([id, name]) => name ? `${id} (${name})` : id);
      failures.push(`${key} (${model.file}): ${pct(c.nodes.size, model.nodes.size)} < ${pct(min, 1)}; not reached: ${missing.join(', ')}`);
    }
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map(r => [...r[i]].length)));
  const table = rows.map(r => r.map((cell, i) => cell + ' '.repeat(widths[i] - [...cell].length)).join('  ').trimEnd()).join('\n');
  const text = `Process test coverage (flow nodes reached by the fast process tests; at least ${pct(min, 1)} per model)\n`
    + table + '\n' + (failures.length ? `✖ ${failures.length} model(s) below ${pct(min, 1)}:\n  ${failures.join('\n  ')}\n` : `✔ every model at or above ${pct(min, 1)}\n`);
  writeFileSync(SUMMARY, text);
  process.stdout.write(text);
  if (failures.length) process.exit(1);
}

main().catch(e => { console.error(`✖ ${e.message}`); process.exit(1); });
