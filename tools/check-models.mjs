#!/usr/bin/env node
// `npm run check:models`: every model check CI runs, each reported, all run even when one fails.
//   lint (bpmnlint + dmnlint) · element templates (JSON schema) · pictures match the models ·
//   docs/MODELLING.md matches the models
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './lib/models.mjs';

const steps = [
  ['lint', 'tools/lint.mjs'],
  ['element templates', 'tools/check-templates.mjs'],
  ['pictures', 'tools/render.mjs', '--check'],
  ['MODELLING.md', 'tools/modelling-doc.mjs', '--check']
];
const failed = [];
for (const [name, script, ...args] of steps) {
  const { status } = spawnSync(process.execPath, [join(ROOT, script), ...args], { cwd: ROOT, stdio: 'inherit' });
  if (status !== 0) failed.push(name);
}
if (failed.length) {
  console.error(`✖ model checks failed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log('✔ model checks passed');
