// Issue 7 §3: beyond the documented input limit (20 MB in all, Options::max_total_bytes) the
// page says so clearly, and every text stays as pasted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newPage, waitForDone } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test('over 20 MB: a clear message naming the limit, and nothing pasted is lost', { timeout: 180_000 }, async () => {
  const { page, context, log } = await newPage(env.browser);
  await page.goto(env.url);
  await waitForDone(page);
  const one = await page.$$eval('.source-card textarea', (tas) => tas.map((t) => t.value).join('\n\n'));
  const huge = one.repeat(Math.ceil(21_000_000 / one.length)).slice(0, 21_000_000);
  await page.locator('#text-s1').evaluate((ta, t) => {
    ta.value = t;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }, huge);
  const others = await page.$$eval('.source-card textarea', (tas) => tas.slice(1).map((t) => t.value));
  await page.click('#analyse');
  await page.waitForFunction(() => document.body.dataset.state === 'error', null, { timeout: 120_000 });
  assert.ok(await page.isVisible('#error'));
  assert.match(await page.textContent('#error'), /limit of 20\.0 MB/);
  assert.equal(await page.inputValue('#text-s1'), huge);
  assert.deepEqual(await page.$$eval('.source-card textarea', (tas) => tas.slice(1).map((t) => t.value)), others);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('just under 20 MB in four sources: the analysis completes in the worker with progress, the page stays responsive', { timeout: 300_000 }, async () => {
  const { page, context, log } = await newPage(env.browser);
  await page.goto(env.url);
  await waitForDone(page);
  const texts = await page.$$eval('.source-card textarea', (tas) => tas.map((t) => t.value));
  const one = texts.join('\n\n');
  // Four sources of 4.9 MB (19.6 MB in UTF-8 bytes: the examples are nearly all ASCII).
  const size = 4_900_000;
  const parts = [0, 1, 2, 3].map((k) => one.repeat(Math.ceil((size + k * 997) / one.length)).slice(k * 997, k * 997 + size));
  const bytes = parts.reduce((n, p) => n + new TextEncoder().encode(p).length, 0);
  assert.ok(bytes < 20_000_000 && bytes > 19_000_000, `${bytes} bytes`);
  for (let k = 0; k < 4; k++) {
    await page.locator(`#text-s${k + 1}`).evaluate((ta, t) => {
      ta.value = t;
      ta.dispatchEvent(new Event('input', { bubbles: true }));
    }, parts[k]);
  }
  const cards = await page.locator('.source-card').count();
  const t0 = Date.now();
  await page.click('#analyse');
  await page.waitForFunction(() => document.body.dataset.state === 'analysing');
  assert.ok(await page.isVisible('#progress'), 'the progress indicator shows');
  // A click on another button takes effect while the worker runs.
  await page.click('#add-source', { timeout: 5000 });
  await page.waitForFunction((n) => document.querySelectorAll('.source-card').length === n + 1, cards, { timeout: 5000 });
  assert.equal(await page.getAttribute('body', 'data-state'), 'analysing', 'the click happened during the analysis');
  await waitForDone(page, 280_000);
  const seconds = (Date.now() - t0) / 1000;
  const report = await page.evaluate(() => ({
    sources: window.__crosscheckReport.sources.length,
    claims: window.__crosscheckReport.sources.map((s) => s.claims.length),
  }));
  assert.equal(report.sources, 5, 'four big sources and the fifth example');
  for (let k = 0; k < 4; k++) assert.ok(report.claims[k] > 1000, `claims in source ${k + 1}: ${report.claims[k]}`);
  for (let k = 0; k < 4; k++) assert.equal((await page.inputValue(`#text-s${k + 1}`)).length, parts[k].length);
  console.log(`# 19.6 MB analysed and shown in ${seconds.toFixed(1)} s`);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});
