// Plain words on the page: entity labels read "Country or city", not "GPE" (the code stays in
// data-label and tooltips), a claim's reasons in the details popup are a sentence, and a group's
// shared origin and drift are explained in visible text on the board, not only in a tooltip.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newPage, waitForDone, selectTab } from './helpers.mjs';

const WORDS = {
  PERSON: 'Person', NORP: 'Nationality or group', ORG: 'Organisation', GPE: 'Country or city', LOC: 'Place',
  FAC: 'Facility', PRODUCT: 'Product', EVENT: 'Event', WORK_OF_ART: 'Work of art', LAW: 'Law', LANGUAGE: 'Language',
  DATE: 'Date', TIME: 'Time', PERCENT: 'Percent', MONEY: 'Money', QUANTITY: 'Quantity', ORDINAL: 'Ordinal', CARDINAL: 'Number',
};
const CODE = /\b(PERSON|NORP|ORG|GPE|LOC|FAC|PRODUCT|EVENT|WORK_OF_ART|LAW|LANGUAGE|DATE|TIME|PERCENT|MONEY|QUANTITY|ORDINAL|CARDINAL)\b/;

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

test('legend, summaries and matrix show label words; the code is only in data-label and the tooltip', async () => {
  await selectTab(page, 'documents');
  const legend = await page.$$eval('.legend-item', (els) => els.map((e) => ({ code: e.dataset.label, text: e.firstChild.textContent, title: e.title })));
  assert.ok(legend.length >= 5, 'too few legend entries to say anything');
  for (const l of legend) {
    assert.equal(l.text, WORDS[l.code], `legend entry for ${l.code} reads ${JSON.stringify(l.text)}`);
    assert.ok(l.title.includes(`(${l.code})`), `the code ${l.code} is not in the tooltip: ${l.title}`);
  }
  // The example names countries, groups and numbers: the codes readers never understood.
  for (const code of ['GPE', 'NORP', 'CARDINAL']) assert.ok(legend.some((l) => l.code === code), `no ${code} in the example`);
  const chips = await page.$$eval('.label-counts .chip', (els) => els.map((e) => ({ code: e.dataset.label, text: e.firstChild.textContent.trim() })));
  for (const c of chips) assert.equal(c.text, WORDS[c.code]);
  await selectTab(page, 'matrix');
  const cells = await page.$$eval('#matrix tbody tr', (rows) => rows.map((r) => ({ code: r.dataset.label, text: r.querySelector('.col-label').textContent })));
  for (const c of cells) assert.equal(c.text, WORDS[c.code]);
  // No bare code is the visible label anywhere in the results.
  const visible = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('#results .chip, #results .legend-item, #results .col-label')) out.push(el.innerText);
    return out;
  });
  for (const t of visible) assert.doesNotMatch(t, CODE, `a bare code is shown: ${t}`);
});

test('details: an entity shows its label in words with the code, a claim its reasons as a sentence', async () => {
  await selectTab(page, 'documents');
  const mark = page.locator('.doc mark.ent[data-label="GPE"]').first();
  await mark.scrollIntoViewIfNeeded();
  await mark.hover();
  const pop = page.locator('#details');
  await pop.waitFor({ state: 'visible' });
  assert.equal(await pop.locator('.d-title .chip').textContent(), 'Country or city');
  assert.equal(await pop.locator('.d-label dd').textContent(), 'Country or city (GPE)');
  // A claim that names something: its reasons are a sentence, the codes only in the row's tooltip.
  const report = await page.evaluate(() => window.__crosscheckReport);
  const src = report.sources[0];
  const i = src.claims.findIndex((c) => c.reasons.includes('named_entity') && c.reasons.includes('factual_verb'));
  assert.ok(i >= 0, 'no claim with a name and a factual verb in the example');
  const claim = page.locator(`#claim-${src.id}-${i}`);
  await claim.evaluate((el) => el.focus());
  await pop.waitFor({ state: 'visible' });
  const reasons = await pop.locator('.d-reasons dd').textContent();
  assert.match(reasons, /^Names /);
  assert.match(reasons, /\.$/);
  assert.doesNotMatch(reasons, /named_entity|factual_verb|_/);
  const title = await pop.locator('.d-reasons').getAttribute('title');
  assert.match(title, /named_entity/, 'the codes are kept in the tooltip');
  await page.keyboard.press('Escape');
});

test('the board explains a shared origin and a drift in visible words', async () => {
  // The example has no two outlets relaying one origin, so the board is built from a hand-made
  // report: two outlets cite the same ministry (one origin), a third hedges (drift).
  const out = await page.evaluate(async () => {
    const { renderClaimsBoard } = await import('./render.js');
    const claim = (text, attribution, certainty) => ({ start: 0, end: text.length, text, score: 0.9, checkworthy: true, reasons: ['number'], certainty, attribution, numbers: [], entities: [], closest: null });
    const ministry = (t) => ({ kind: 'named', quote: false, source: { start: 0, end: 12, text: t }, cue: null, via: null });
    const report = {
      sources: [
        { id: 'a', name: 'Daily One', entities: [], claims: [claim('The ministry said 40 died.', ministry('The ministry'), 'attributed')] },
        { id: 'b', name: 'Weekly Two', entities: [], claims: [claim('The Ministry said 40 died.', ministry('The Ministry'), 'attributed')] },
        { id: 'c', name: 'Third Post', entities: [], claims: [claim('40 died.', { kind: 'none', quote: false, source: null, cue: null, via: null }, 'asserted')] },
      ],
      comparison: {
        entities: [],
        claims: [{
          status: 'corroborated', sources: 3, origins: 2, drift: true, conflict: null, similarity: 0.8, entities: [], numbers: ['40'],
          members: [
            { source: 'a', claim: 0, certainty: 'attributed', stance: 'reports', similarity: 0.8, origin: 0 },
            { source: 'b', claim: 0, certainty: 'attributed', stance: 'reports', similarity: 0.8, origin: 0 },
            { source: 'c', claim: 0, certainty: 'asserted', stance: 'agrees', similarity: 0.8, origin: 1 },
          ],
        }],
      },
    };
    const board = renderClaimsBoard(report);
    const host = document.createElement('div');
    host.append(board);
    document.body.append(host);
    const vis = (sel) => {
      const el = host.querySelector(sel);
      return el && el.getClientRects().length ? el.innerText : null;
    };
    const r = { origin: vis('.origin-note'), drift: vis('.drift-detail') };
    host.remove();
    return r;
  });
  assert.ok(out.origin, 'no visible origin explanation');
  assert.match(out.origin, /Daily One and Weekly Two \(origin A\) both cite “The ministry”/);
  assert.ok(out.drift, 'no visible drift explanation');
  assert.match(out.drift, /Stated as fact by Third Post; attributed by Daily One and Weekly Two\./);
  assert.match(out.drift, /What one source states as fact, another only reports as someone’s word/);
});

test('no page errors or console errors', () => {
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
});
