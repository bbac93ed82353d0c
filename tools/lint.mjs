#!/usr/bin/env node
// Lints every model under processes/: BPMN with bpmnlint (.bpmnlintrc: recommended rules and the
// Camunda 7.24 compatibility rules, no warning allowed), DMN with dmnlint (.dmnlintrc).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, bpmnFiles, dmnFiles } from './lib/models.mjs';

const bin = (name) => join(ROOT, 'node_modules', '.bin', name);
const run = (tool, args) => spawnSync(bin(tool), args, { cwd: ROOT, stdio: 'inherit' }).status;

const bpmn = bpmnFiles().map(f => `processes/${f}`);
const dmn = dmnFiles().map(f => `processes/${f}`);
let failed = false;
if (bpmn.length) {
  failed = run('bpmnlint', ['--max-warnings=0', ...bpmn]) !== 0 || failed;
}
if (dmn.length) {
  failed = run('dmnlint', dmn) !== 0 || failed;
}
if (failed) {
  console.error('✖ The models break lint rules (see above); a deliberate exception belongs in .bpmnlintrc with its reason.');
  process.exit(1);
}
console.log(`✔ lint: ${bpmn.length} BPMN (bpmnlint:recommended + camunda-compat 7.24) and ${dmn.length} DMN (dmnlint:recommended) clean`);
