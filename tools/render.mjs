#!/usr/bin/env node
// Renders every BPMN under processes/ to docs/models/<name>.svg, and every DMN's decision
// requirements diagram to docs/models/<name>.drd.svg, with bpmn-js / dmn-js from node_modules in
// headless Chromium (the Debian package, nothing downloaded). An import warning (a missing shape, an
// unknown element) fails the run: what Camunda Modeler would warn about is an error here.
//
//   node tools/render.mjs            write docs/models/ (part of `npm run docs`)
//   node tools/render.mjs --check    render into a temporary folder and compare with docs/models/
//   node tools/render.mjs --out DIR  write somewhere else
import { mkdirSync, writeFileSync, readFileSync, rmSync, existsSync, mkdtempSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { ROOT, PROCESSES, MODELS_DIR, bpmnFiles, dmnFiles, stem, read, walk } from './lib/models.mjs';

export const FONT = 'WenQuanYi Zen Hei';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** The pictures' file names (relative to docs/models) for the current models. */
export function pictureNames() {
  return [...bpmnFiles().map(f => `${stem(f)}.svg`), ...dmnFiles().map(f => `${stem(f)}.drd.svg`)].sort();
}

/**
 * Stable text for an SVG: bpmn-js names its arrow markers with a random id per renderer; they are
 * renamed in order of appearance, so the same model always gives the same file.
 */
export function normalise(svg) {
  const ids = [...svg.matchAll(/<marker[^>]*\sid="([^"]+)"/g)].map(m => m[1]);
  let out = svg.replace(/\r\n/g, '\n');
  const names = new Map(ids.map((id, i) => [id, `arrow-${i + 1}`]));
  if (names.size) {
    const pattern = new RegExp([...names.keys()].map(id => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
    out = out.replace(pattern, id => names.get(id));
  }
  return out.split('\n').map(l => l.trimEnd()).join('\n').trim() + '\n';
}

/** Two pictures are the same when their text is, numbers allowed to differ by under half a pixel. */
export function samePicture(a, b) {
  if (a === b) return true;
  const num = /-?\d+(?:\.\d+)?/g;
  if (a.replace(num, '#') !== b.replace(num, '#')) return false;
  const x = a.match(num) || [], y = b.match(num) || [];
  return x.length === y.length && x.every((v, i) => Math.abs(Number(v) - Number(y[i])) < 0.5);
}

function checkFont() {
  try {
    const fonts = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' });
    if (!fonts.includes(FONT)) throw new Error('missing');
  } catch (e) {
    throw new Error(`The pictures are drawn with the font "${FONT}" (Debian package fonts-wqy-zenhei), which is not installed: run \`bash .ci/browser-deps\``);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not at ${CHROMIUM}: run \`bash .ci/browser-deps\` (or set CHROMIUM=/path/to/chromium)`);
  }
}

/** Renders all models; returns Map(picture name → normalised SVG). */
export async function renderAll() {
  checkFont();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  const pictures = new Map();
  const problems = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.route('**/*', route => route.request().url().startsWith('data:') ? route.continue() : route.abort());
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8">
      <style>html,body{margin:0} #canvas{width:3000px;height:2000px} .djs-container{font-family:"${FONT}"}</style>
      </head><body><div id="canvas"></div></body></html>`);
    await page.addScriptTag({ path: join(ROOT, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js') });
    await page.addScriptTag({ path: join(ROOT, 'node_modules/dmn-js/dist/dmn-viewer.production.min.js') });

    for (const rel of bpmnFiles()) {
      const result = await page.evaluate(async ({ xml, font }) => {
        const viewer = new window.BpmnJS({
          container: '#canvas',
          textRenderer: { defaultStyle: { fontFamily: font, fontSize: 12 }, externalStyle: { fontFamily: font, fontSize: 11 } }
        });
        try {
          const { warnings } = await viewer.importXML(xml);
          const { svg } = await viewer.saveSVG();
          return { svg, warnings: warnings.map(w => w.message) };
        } catch (e) {
          return { error: e.message, warnings: (e.warnings || []).map(w => w.message) };
        } finally {
          viewer.destroy();
        }
      }, { xml: read(join(PROCESSES, rel)), font: FONT });
      if (result.error || result.warnings.length) {
        problems.push(`processes/${rel}: ${[result.error, ...result.warnings].filter(Boolean).join('; ')}`);
      } else {
        pictures.set(`${stem(rel)}.svg`, normalise(result.svg));
      }
    }

    for (const rel of dmnFiles()) {
      const result = await page.evaluate(async ({ xml, font }) => {
        const viewer = new window.DmnJS({ container: '#canvas', drd: { textRenderer: { defaultStyle: { fontFamily: font } } } });
        try {
          const { warnings } = await viewer.importXML(xml);
          const drd = viewer.getViews().find(v => v.type === 'drd');
          if (!drd) return { error: 'no decision requirements diagram (DMNDI) to draw', warnings: [] };
          await viewer.open(drd);
          const { svg } = await viewer.getActiveViewer().saveSVG();
          return { svg, warnings: warnings.map(w => w.message) };
        } catch (e) {
          return { error: e.message, warnings: (e.warnings || []).map(w => w.message) };
        } finally {
          viewer.destroy();
        }
      }, { xml: read(join(PROCESSES, rel)), font: FONT });
      if (result.error || result.warnings.length) {
        problems.push(`processes/${rel}: ${[result.error, ...result.warnings].filter(Boolean).join('; ')}`);
      } else {
        pictures.set(`${stem(rel)}.drd.svg`, normalise(result.svg));
      }
    }
  } finally {
    await browser.close();
  }
  if (problems.length) {
    throw new Error('Camunda Modeler would not open these models as drawn:\n  ' + problems.join('\n  '));
  }
  return pictures;
}

/** Writes the pictures into dir and removes pictures of models that no longer exist. */
export function writePictures(pictures, dir) {
  for (const old of walk(dir, ['.svg'])) {
    if (!pictures.has(old)) rmSync(join(dir, old));
  }
  for (const [name, svg] of pictures) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), svg);
  }
}

/** Differences between fresh pictures and docs/models/, one line each. */
export function comparePictures(pictures, dir = MODELS_DIR) {
  const differences = [];
  const committed = new Set(walk(dir, ['.svg']));
  for (const [name, svg] of pictures) {
    if (!committed.has(name)) differences.push(`docs/models/${name} is missing`);
    else if (!samePicture(normalise(readFileSync(join(dir, name), 'utf8')), svg)) differences.push(`docs/models/${name} does not match its model`);
  }
  for (const name of committed) {
    if (!pictures.has(name)) differences.push(`docs/models/${name} belongs to no model in processes/`);
  }
  return differences;
}

async function main() {
  const args = process.argv.slice(2);
  const pictures = await renderAll();
  if (args.includes('--check')) {
    const scratch = mkdtempSync(join(tmpdir(), 'luoshi-pictures-'));
    writePictures(pictures, scratch);
    const differences = comparePictures(pictures);
    rmSync(scratch, { recursive: true, force: true });
    if (differences.length) {
      console.error(`✖ The pictures in docs/models/ are out of date with processes/:\n  ${differences.join('\n  ')}\n` +
        '  Run `npm run docs` and commit docs/.');
      process.exit(1);
    }
    console.log(`✔ ${pictures.size} pictures in docs/models/ match the models`);
    return;
  }
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : MODELS_DIR;
  writePictures(pictures, out);
  console.log(`Rendered ${pictures.size} pictures into ${out}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch(e => { console.error(`✖ ${e.message}`); process.exit(1); });
}
