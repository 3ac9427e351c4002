// Rendering never crashes on awkward spans, and a failing engine leaves the user's texts alone.
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

test('spans that nest, overlap partially, repeat or fall outside the text render losslessly', async () => {
  const { page, log } = await newPage(env.browser);
  await page.goto(env.url);
  await waitForDone(page);
  const out = await page.evaluate(async () => {
    const { renderAnnotatedText } = await import('./render.js');
    const text = 'Erdoğan 🇹🇷 said: “Turkey & <Syria> agreed.” Leave a Reply';
    const at = (s) => [text.indexOf(s), text.indexOf(s) + s.length];
    const [c0] = at('Erdoğan');
    const [, c1] = at('agreed.”');
    const [t0, t1] = at('Turkey');
    const [s0, s1] = at('<Syria>');
    const [f0, f1] = at('🇹🇷');
    const [b0, b1] = at('Leave a Reply');
    const src = {
      id: 'x',
      entities: [
        { start: c0, end: c0 + 7, text: 'Erdoğan', label: 'PERSON', key: 'erdogan' },
        { start: f0, end: f1, text: '🇹🇷', label: 'GPE', key: 'turkey' },
        { start: t0, end: t1, text: 'Turkey', label: 'GPE', key: 'turkey' },
        { start: t0, end: t1, text: 'Turkey', label: 'GPE', key: 'turkey' }, // duplicate
        { start: s0, end: s1, text: '<Syria>', label: 'GPE', key: 'syria' },
        { start: c1 - 3, end: b0 + 5, text: '?', label: 'ORG', key: 'crossing' }, // crosses the claim end
        { start: 50, end: 10_000, text: '?', label: 'EVENT', key: 'past-end' },
        { start: 5, end: 2, text: '?', label: 'DATE', key: 'reversed' },
        { start: NaN, end: 3, text: '?', label: 'DATE', key: 'nan' },
        { start: -4, end: 3, text: '?', label: 'NOVEL_LABEL', key: 'neg' },
      ],
      claims: [{ start: c0, end: c1, text: text.slice(c0, c1), score: 0.9, checkworthy: true, reasons: [], certainty: 'attributed', attribution: { kind: 'named', quote: true, source: { start: c0, end: c0 + 7, text: 'Erdoğan' }, cue: { start: f1 + 1, end: f1 + 5, text: 'said' } } }],
      boilerplate: [{ start: b0, end: b1, text: 'Leave a Reply' }],
    };
    const div = document.createElement('div');
    div.append(renderAnnotatedText(text, src));
    const nested = (el) => !!el.closest('.claim');
    return {
      same: div.textContent === text,
      marks: div.querySelectorAll('mark.ent').length,
      splitMarks: div.querySelectorAll('mark.ent[data-split]').length,
      flagInClaim: nested(div.querySelector('mark.ent[data-key="turkey"]')),
      syriaText: div.querySelector('mark[data-key="syria"]').textContent,
      elements: div.querySelectorAll('*:not(mark):not(span)').length,
      boiler: div.querySelector('.boilerplate').textContent,
      unknownLabelClass: div.querySelector('mark[data-key="neg"]').className,
    };
  });
  assert.equal(out.same, true, 'rendered text differs from the input');
  assert.equal(out.flagInClaim, true);
  assert.equal(out.syriaText, '<Syria>');
  assert.equal(out.elements, 0, 'an element other than mark/span was created');
  assert.ok(out.splitMarks >= 2, 'the crossing entity was not split');
  assert.equal(out.boiler, 'Leave a Reply');
  assert.match(out.unknownLabelClass, /ent-OTHER/);
  assert.deepEqual(log.pageErrors, []);
  await page.context().close();
});

test('when the engine fails, the page shows the error, keeps the texts and recovers', async () => {
  const { page, context } = await newPage(env.browser);
  // Break the wasm binary for the first load only.
  let broken = true;
  await context.route(/\.wasm(\?|$)/, (route) => (broken ? route.fulfill({ status: 404, body: 'gone' }) : route.fallback()));
  await page.goto(env.url);
  await page.waitForFunction(() => document.body.dataset.state === 'error');
  assert.ok(await page.isVisible('#error'));
  const msg = await page.textContent('#error');
  assert.match(msg, /Analysis failed/);
  assert.ok(msg.length > 30, `error message too vague: ${msg}`);
  // The example texts are still in the editor, and a user edit survives a failed analysis.
  await page.fill('#text-s2', 'My own notes: Turkey said 5 people died in Istanbul.');
  await page.click('#analyse');
  await page.waitForFunction(() => document.body.dataset.state === 'error');
  assert.equal(await page.inputValue('#text-s2'), 'My own notes: Turkey said 5 people died in Istanbul.');
  assert.equal(await page.locator('.source-card').count(), 5);
  assert.ok((await page.inputValue('#text-s1')).length > 1000);
  // Once the engine can load again, Analyse works without a reload (a new worker is made).
  broken = false;
  await page.click('#analyse');
  await waitForDone(page);
  assert.ok(await page.isHidden('#error'));
  assert.ok((await page.locator('.doc[data-source-id="s2"] mark.ent').count()) > 0);
  await context.close();
});

test('a source list without text gives a clear message instead of an analysis', async () => {
  const { page, context, log } = await newPage(env.browser);
  await page.goto(env.url);
  await waitForDone(page);
  for (let i = 0; i < 5; i++) await page.locator('.remove-source').first().click();
  assert.equal(await page.locator('.source-card').count(), 0);
  await page.click('#analyse');
  assert.equal(await page.getAttribute('body', 'data-state'), 'error');
  assert.match(await page.textContent('#error'), /at least one source/i);
  await page.click('#add-source');
  await page.click('#analyse');
  assert.match(await page.textContent('#error'), /text of at least one article/i);
  await page.fill('.source-card textarea', 'The ministry said 40 people were detained in Ankara on Monday.');
  await page.click('#analyse');
  await waitForDone(page);
  assert.equal(await page.locator('.source-report').count(), 1);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});
