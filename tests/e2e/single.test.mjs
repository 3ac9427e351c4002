// The single-file build: scripts/build-single.sh makes dist/crosscheck.html, which works opened
// from file:// with no server: the built-in example is analysed, and a pasted text too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { REPO, CHROMIUM, CHROMIUM_ARGS, waitForDone, screenshotPath } from './helpers.mjs';

const OUT = join(REPO, 'dist', 'crosscheck.html');
let browser;

before(async () => {
  execFileSync('bash', [join(REPO, 'scripts', 'build-single.sh')], { cwd: REPO, stdio: 'pipe' });
  if (!existsSync(OUT)) throw new Error(`${OUT} was not built`);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
});

test('dist/crosscheck.html is one file: no src/href to other files, the wasm inlined', () => {
  const html = readFileSync(OUT, 'utf8');
  assert.doesNotMatch(html, /<script[^>]*\bsrc=/i);
  assert.doesNotMatch(html, /<link[^>]*rel="stylesheet"/i);
  assert.match(html, /Content-Security-Policy" content="default-src 'none'; script-src 'sha256-/);
  assert.match(html, /connect-src 'none'/);
});

test('opened from file:// it analyses the example and a pasted text, with no network request', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, serviceWorkers: 'block' });
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(pathToFileURL(OUT).href);
  await waitForDone(page, 30_000);
  assert.match(await page.textContent('#status'), /Analysed 5 sources/);
  assert.ok((await page.locator('.doc mark.ent').count()) > 100);
  await page.screenshot({ path: screenshotPath('single-file.png') });
  // A pasted source.
  await page.click('#add-source');
  await page.fill('.source-card:last-child .source-text', 'The minister said 40 people were killed in Ankara on Monday, according to Reuters.');
  await page.click('#analyse');
  await waitForDone(page, 30_000);
  assert.match(await page.textContent('#status'), /Analysed 6 sources/);
  const last = await page.evaluate(() => window.__crosscheckReport.sources[5]);
  assert.ok(last.entities.some((e) => e.text === 'Ankara'));
  assert.deepEqual(requests.filter((u) => !/^(file:|blob:|data:)/.test(u)), []);
  assert.deepEqual(errors, []);
  await context.close();
});
