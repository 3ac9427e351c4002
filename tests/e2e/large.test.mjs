// A 5 MB paste: the analysis runs in the worker with a progress indicator, and the page stays
// responsive (another button works) while it runs; the analysis finishes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, newPage, waitForDone, screenshotPath, WWW } from './helpers.mjs';

let env;
let page;
let log;

before(async () => {
  env = await start();
  ({ page, log } = await newPage(env.browser));
  await page.goto(env.url);
  await waitForDone(page);
});

after(async () => {
  await env?.close();
});

test('5 MB in one source: progress shows, "Add source" stays clickable, the analysis finishes', { timeout: 120_000 }, async () => {
  const manifest = JSON.parse(readFileSync(join(WWW, 'examples', 'manifest.json'), 'utf8'));
  const one = manifest.sources.map((s) => readFileSync(join(WWW, 'examples', s.file), 'utf8')).join('\n\n');
  const big = one.repeat(Math.ceil((5 * 1024 * 1024) / one.length)).slice(0, 5 * 1024 * 1024);
  // Paste: set the value and fire the input event the page listens to.
  await page.locator('#text-s1').evaluate((ta, text) => {
    ta.value = text;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }, big);
  const cards = await page.locator('.source-card').count();
  await page.click('#analyse');
  await page.waitForFunction(() => document.body.dataset.state === 'analysing');
  assert.equal(await page.isVisible('#progress'), true, 'the progress indicator shows');
  assert.match(await page.textContent('#status'), /Analysing/);
  // The main thread is free: a click on another button takes effect while the worker runs.
  const t0 = Date.now();
  await page.click('#add-source', { timeout: 5000 });
  await page.waitForFunction((n) => document.querySelectorAll('.source-card').length === n + 1, cards, { timeout: 5000 });
  const clickMs = Date.now() - t0;
  assert.equal(await page.getAttribute('body', 'data-state'), 'analysing', 'the click happened during the analysis');
  assert.ok(clickMs < 5000, `the click took ${clickMs} ms`);
  const t1 = await page.textContent('#progress-time');
  await page.waitForTimeout(300);
  assert.notEqual(await page.textContent('#progress-time'), t1, 'the elapsed time ticks (timers run on the main thread)');
  await page.screenshot({ path: screenshotPath('large-progress.png') });
  await waitForDone(page, 60_000);
  assert.equal(await page.isHidden('#progress'), true);
  const len = await page.evaluate(() => window.__crosscheckReport.sources[0].claims.length);
  assert.ok(len > 1000, `claims in the 5 MB source: ${len}`);
  assert.deepEqual(log.pageErrors, []);
});
