// Headless Chromium (playwright-core, /usr/bin/chromium or $CHROMIUM):
//  1. the bench page bench/bench.html, served from the repo root: instantiate, model load, the
//     five examples and MB/s on each corpus of benches/scale.rs (bench/run.js);
//  2. the real page (www/, served as scripts/serve.mjs serves it): every file it loads until its
//     first analysis is shown, each gzipped at level 9 as a gzip server would send it.
// Usage: node scripts/bench-browser.mjs [DIR=target/bench]   → prints lines, writes DIR/chromium.json
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { serve, resolveInside } from './serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.resolve(root, process.argv[2] ?? 'target/bench');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function fail(msg) {
  console.error(`bench-browser: ${msg}`);
  process.exit(1);
}
if (!fs.existsSync(CHROMIUM)) fail(`${CHROMIUM} is missing: apt-get install chromium, or set CHROMIUM`);
if (!fs.existsSync(path.join(root, 'node_modules/playwright-core'))) fail('node_modules/playwright-core is missing: run npm ci');
if (!fs.existsSync(path.join(root, 'www/pkg/crosscheck.js'))) fail('www/pkg is missing: run bash scripts/build-wasm.sh');
if (!fs.existsSync(path.join(dir, 'corpus/index.json'))) fail(`${dir}/corpus is missing: run cargo bench --bench scale first`);
if (!dir.startsWith(root + path.sep)) fail(`${dir} must be inside the repo (the bench page is served from the repo root)`);
const { chromium } = await import('playwright-core');

/** A fresh profile each time: no HTTP or code cache, as on a first visit. */
async function withPage(f) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const page = context.pages()[0] || (await context.newPage());
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : console.log(m.text())));
    return await f(page, errors);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

// 1. The bench page.
let server = await serve({ root, port: 0 });
let result;
try {
  const rel = path.relative(root, dir).split(path.sep).join('/');
  result = await withPage(async (page, errors) => {
    await page.goto(`${server.url}bench/bench.html?dir=${encodeURIComponent(rel)}`);
    try {
      await page.waitForFunction(() => window.benchResult !== undefined, null, { timeout: 30_000 });
      // No single measurement takes minutes: a hang is a failure, not a slow result.
      return await Promise.race([
        page.evaluate(() => window.benchResult),
        new Promise((_, no) => setTimeout(() => no(new Error('no result after 10 minutes')), 600_000).unref()),
      ]);
    } catch (err) {
      throw new Error(`the bench page failed: ${[...errors, err.message].join('; ')}`);
    }
  });
} finally {
  await server.close();
}

// 2. The real page's transfer: what the server sent until the first analysis is on screen.
const www = path.join(root, 'www');
server = await serve({ root: www, port: 0 });
const paths = new Set();
server.server.on('request', (req) => paths.add(new URL(req.url, 'http://x').pathname));
try {
  // Timed by the page's own clock from its navigation start (performance.now() when the page says
  // done); the time seen from outside also counts the driver's round trips to the browser.
  [result.page_load_ms, result.page_load_outside_ms] = await withPage(async (page, errors) => {
    await page.addInitScript(() => {
      new MutationObserver(() => {
        if (window.__doneAt === undefined && document.body && document.body.dataset.state === 'done') window.__doneAt = performance.now();
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    });
    const t = Date.now();
    await page.goto(server.url);
    await page.waitForSelector('body[data-state="done"]', { timeout: 60_000 }).catch(() => {
      throw new Error(`the page did not finish its first analysis: ${errors.join('; ') || 'no error shown'}`);
    });
    const outside = Date.now() - t;
    return [Math.round(await page.evaluate(() => window.__doneAt)), outside];
  });
} finally {
  await server.close();
}
result.transfer = [...paths].sort().map((p) => {
  let file = resolveInside(www, p);
  if (file && fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!file || !fs.existsSync(file)) return { path: p, raw: 0, gzip: 0 };
  const body = fs.readFileSync(file);
  return { path: p, raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length };
});
const kb = (n) => (n / 1024).toFixed(1);
const total = result.transfer.reduce((n, f) => n + f.gzip, 0);
console.log(`page: ${result.transfer.length} files, ${kb(total)} KB gzipped; first analysis shown ${result.page_load_ms} ms after navigation (${result.page_load_outside_ms} ms seen by the driver)`);
fs.writeFileSync(path.join(dir, 'chromium.json'), JSON.stringify(result, null, 1));
