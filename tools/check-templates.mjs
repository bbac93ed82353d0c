#!/usr/bin/env node
// Validates the element templates Camunda Modeler offers for Luoshi's delegates
// (.camunda/element-templates/*.json) against the Camunda 7 element-template JSON schema, bundled
// with @bpmn-io/element-templates-validator (no download). The Java test ElementTemplatesTest checks
// what the schema cannot: that each named bean exists and each notice type is one the bean sends.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate, getSchemaVersion } from '@bpmn-io/element-templates-validator';
import { ROOT, walk } from './lib/models.mjs';

export const TEMPLATES = join(ROOT, '.camunda', 'element-templates');

const problems = [];
const ids = new Map();
const files = walk(TEMPLATES, ['.json']);
for (const rel of files) {
  const text = readFileSync(join(TEMPLATES, rel), 'utf8');
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    problems.push(`${rel}: not JSON: ${e.message}`);
    continue;
  }
  for (const template of Array.isArray(parsed) ? parsed : [parsed]) {
    const { valid, errors } = validate(template);
    if (!valid) {
      errors.forEach(e => problems.push(`${rel} (${template.id}): ${e.dataPath || e.instancePath || '/'} ${e.message}`));
    }
    const key = `${template.id}@${template.version}`;
    if (ids.has(key)) problems.push(`${rel}: template ${key} is also defined in ${ids.get(key)}`);
    ids.set(key, rel);
  }
}
if (!files.length) problems.push('no element templates found in .camunda/element-templates/');
if (problems.length) {
  console.error(`✖ Element templates are invalid:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`✔ ${ids.size} element templates valid against the Camunda 7 element-template schema ${getSchemaVersion()}`);
