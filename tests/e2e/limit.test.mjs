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
