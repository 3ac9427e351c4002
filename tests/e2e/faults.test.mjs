// Issue 7 §4: faults. A trap inside the analysis leaves the page usable (an error message says what
// happened, every text is intact, the next Analyse makes a new worker and completes), and stored
// texts survive a reload in the middle of an analysis.
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

const WORKER = /\/worker\.js(\?|$)/;

/** Two ways a wasm trap reaches the page. */
const TRAPS = [
  [
    'the worker reports a fatal trap (what www/worker.js posts when analyze() throws a RuntimeError)',
    `self.addEventListener('message', (e) => {
       const err = new WebAssembly.RuntimeError('unreachable');
       self.postMessage({ id: e.data.id, error: err.message, fatal: err instanceof WebAssembly.RuntimeError });
     });`,
    /unreachable/,
  ],
  [
    'the trap escapes the message handler uncaught',
    `self.addEventListener('message', () => { throw new WebAssembly.RuntimeError('unreachable'); });`,
    /RuntimeError: unreachable/,
  ],
];

for (const [name, body, message] of TRAPS) {
  test(`a wasm trap on the first analysis: ${name}`, { timeout: 60_000 }, async () => {
    const { page, context, log } = await newPage(env.browser);
    const workers = [];
    page.on('worker', (w) => workers.push(w.url()));
    await context.route(WORKER, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body }));
    await page.goto(env.url);
    // The example loads and its first analysis hits the trap.
    await page.waitForFunction(() => document.body.dataset.state === 'error', null, { timeout: 20_000 });
    const texts = await page.$$eval('.source-card', (cards) => cards.map((c) => [c.querySelector('.source-name').value, c.querySelector('textarea').value]));
    assert.equal(texts.length, 5);
    assert.ok(texts.every(([n, t]) => n && t.length > 500), 'a source lost its name or text');
    assert.ok(await page.isVisible('#error'));
    const msg = await page.textContent('#error');
    assert.match(msg, /Analysis failed/);
    assert.match(msg, message, `the message does not say what happened: ${msg}`);
    assert.match(msg, /texts are unchanged/);
    assert.doesNotMatch(msg, /could not start|build it with/, `a trap is not a start-up failure: ${msg}`);
    assert.equal(await page.textContent('#status'), 'Analysis failed.');
    assert.equal(await page.isHidden('#progress'), true);
    assert.equal(await page.getAttribute('#analyse', 'aria-busy'), null);
    // An edit after the failure is kept too.
    await page.fill('#text-s2', texts[1][1] + '\nAdded after the fault: Turkey said 5 people died.');
    // The engine is healthy again: Analyse makes a new worker and completes.
    await context.unroute(WORKER);
    const nWorkers = workers.length;
    await page.click('#analyse');
    await waitForDone(page);
    assert.ok(workers.length > nWorkers, 'no new worker was created after the fault');
    assert.ok(await page.isHidden('#error'));
    assert.equal(await page.locator('.source-report').count(), 5);
    assert.ok((await page.locator('.doc[data-source-id="s2"]').textContent()).endsWith('Added after the fault: Turkey said 5 people died.'));
    const after = await page.$$eval('.source-card textarea', (tas) => tas.map((t) => t.value));
    assert.deepEqual(after, texts.map(([, t], i) => (i === 1 ? t + '\nAdded after the fault: Turkey said 5 people died.' : t)));
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  });
}

/** Example texts repeated to `size` characters. */
async function bigText(page, size) {
  const one = await page.$$eval('.source-card textarea', (tas) => tas.map((t) => t.value).join('\n\n'));
  return one.repeat(Math.ceil(size / one.length)).slice(0, size);
}

async function paste(page, selector, text) {
  await page.locator(selector).evaluate((ta, t) => {
    ta.value = t;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

test('stored texts survive a reload in the middle of an analysis (3 MB source)', { timeout: 120_000 }, async () => {
  const { page, context, log } = await newPage(env.browser);
  await page.goto(env.url);
  await waitForDone(page);
  const big = await bigText(page, 3 * 1024 * 1024);
  await page.fill('#name-s1', 'Big outlet «3 MB»');
  await paste(page, '#text-s1', big);
  // Analyse at once (before the debounced save), then reload while the worker is busy.
  await page.click('#analyse');
  await page.waitForFunction(() => document.body.dataset.state === 'analysing');
  const names = await page.$$eval('.source-name', (els) => els.map((e) => e.value));
  const texts = await page.$$eval('.source-card textarea', (tas) => tas.map((t) => t.value));
  assert.equal(await page.isVisible('#storage-note.warn'), false, '3 MB should fit in local storage');
  await page.reload();
  assert.equal(await page.getAttribute('body', 'data-state').catch(() => null) !== null, true);
  await page.waitForFunction(() => document.querySelectorAll('.source-card').length > 0);
  assert.deepEqual(await page.$$eval('.source-name', (els) => els.map((e) => e.value)), names);
  const got = await page.$$eval('.source-card textarea', (tas) => tas.map((t) => t.value));
  assert.equal(got[0].length, big.length, 'the big text was cut or lost');
  assert.ok(got[0] === big, 'the big text changed');
  assert.deepEqual(got, texts);
  // The reloaded page analyses the stored sources.
  await waitForDone(page, 90_000);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('a text too large for local storage: the page says so visibly, and the texts stay on the page', { timeout: 120_000 }, async () => {
  const { page, context, log } = await newPage(env.browser);
  await page.goto(env.url);
  await waitForDone(page);
  const huge = await bigText(page, 12 * 1024 * 1024); // beyond Chromium's ~10 MB per-origin quota
  await paste(page, '#text-s1', huge);
  // Generous: serialising 12 MB to storage takes seconds on a loaded machine.
  await page.waitForSelector('#storage-note.warn', { timeout: 30_000 });
  assert.match(await page.textContent('#storage-note'), /too large to keep.*reload will lose them/);
  assert.ok(await page.isVisible('#storage-note'));
  assert.equal((await page.inputValue('#text-s1')).length, huge.length);
  // What a reload brings back is the last state that fit (the example), not a broken half-save.
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('.source-card').length > 0);
  assert.equal(await page.locator('.source-card').count(), 5);
  assert.ok((await page.inputValue('#text-s1')).length < huge.length);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('an edit made just before Analyse (inside the save debounce) survives a reload during the analysis', { timeout: 60_000 }, async () => {
  const { page, context, log } = await newPage(env.browser);
  await page.goto(env.url);
  await waitForDone(page);
  // Edit and press Ctrl+Enter in the same task: no time for the debounced save to run.
  // The state is read in the same task: the five examples analyse faster than a poll.
  const state = await page.locator('#text-s1').evaluate((ta) => {
    ta.value = 'EDITED JUST NOW. ' + ta.value;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
    ta.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    return document.body.dataset.state;
  });
  assert.equal(state, 'analysing');
  const texts = await page.$$eval('.source-card textarea', (tas) => tas.map((t) => t.value));
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('.source-card').length > 0);
  assert.deepEqual(await page.$$eval('.source-card textarea', (tas) => tas.map((t) => t.value)), texts);
  assert.ok((await page.inputValue('#text-s1')).startsWith('EDITED JUST NOW. '));
  await waitForDone(page);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});
