// The page with the built-in example: analysis, highlights, matrix, summaries, and the session
// checks (network stays on 127.0.0.1, no console errors) plus a full-page screenshot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, newPage, waitForDone, isLocal, screenshotPath, selectTab, WWW } from './helpers.mjs';

const manifest = JSON.parse(readFileSync(join(WWW, 'examples', 'manifest.json'), 'utf8'));
const exampleText = (s) => readFileSync(join(WWW, 'examples', s.file), 'utf8');

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

test('the example loads as five named sources and is analysed, with highlights in each', async () => {
  assert.equal(await page.getAttribute('body', 'data-state'), 'done');
  assert.match(await page.textContent('#status'), /Analysed 5 sources/);
  // Editor: five named sources holding the example texts.
  const names = await page.$$eval('.source-card .source-name', (els) => els.map((e) => e.value));
  assert.deepEqual(names, manifest.sources.map((s) => s.name));
  const texts = await page.$$eval('.source-card .source-text', (els) => els.map((e) => e.value));
  assert.deepEqual(texts, manifest.sources.map(exampleText));
  // Results: one annotated text per source, each with entity highlights.
  const reports = await page.$$eval('.source-report', (els) =>
    els.map((el) => ({
      id: el.dataset.sourceId,
      name: el.querySelector('h3').textContent,
      ents: el.querySelectorAll('.doc mark.ent[data-label]').length,
      claims: el.querySelectorAll('.doc .claim').length,
    })),
  );
  assert.equal(reports.length, 5);
  for (const [i, r] of reports.entries()) {
    assert.equal(r.id, manifest.sources[i].id);
    assert.equal(r.name, manifest.sources[i].name);
    assert.ok(r.ents > 0, `no entity highlights in ${r.name}`);
    assert.ok(r.claims > 0, `no claims marked in ${r.name}`);
  }
  // Every highlight has a label from the schema and a hover title.
  const bad = await page.$$eval('.doc mark.ent', (els) =>
    els.filter((e) => !/^[A-Z_]+$/.test(e.dataset.label || '') || !e.title).length,
  );
  assert.equal(bad, 0);
  // The legend lists the labels that occur.
  assert.ok((await page.locator('.legend-item[data-label="GPE"]').count()) === 1, 'legend has no GPE entry');
});

test('the rendered text of each source is exactly its input text', async () => {
  const rendered = await page.$$eval('.source-report .doc', (els) => els.map((e) => e.textContent));
  assert.deepEqual(rendered, manifest.sources.map(exampleText));
});

test('the matrix row "turkey" counts mentions in all five sources', async () => {
  const heads = await page.$$eval('#matrix thead th[data-source]', (els) => els.map((e) => [e.dataset.source, e.textContent]));
  assert.deepEqual(heads, manifest.sources.map((s) => [s.id, s.name]));
  const row = page.locator('#matrix tbody tr[data-key="turkey"]');
  assert.equal(await row.count(), 1, 'no matrix row with data-key="turkey"');
  assert.equal(await row.locator('th[scope="row"]').count(), 1);
  const cells = await row.locator('td[data-source]').evaluateAll((tds) =>
    tds.map((td) => ({ source: td.dataset.source, count: Number(td.dataset.count), text: td.textContent.trim() })),
  );
  assert.deepEqual(cells.map((c) => c.source), manifest.sources.map((s) => s.id));
  for (const c of cells) {
    assert.ok(c.count > 0, `turkey: zero count for ${c.source}`);
    assert.equal(c.text, String(c.count));
  }
  // And it is visible without expanding the table (it is among the most mentioned).
  await selectTab(page, 'matrix');
  assert.ok(await row.isVisible());
});

test('highlights and summaries agree with the report from the wasm package', async () => {
  const result = await page.evaluate(async () => {
    const { default: init, analyze } = await import('./pkg/crosscheck.js');
    await init();
    const sources = [...document.querySelectorAll('.source-card')].map((card) => ({
      id: card.dataset.sourceId,
      name: card.querySelector('.source-name').value,
      text: card.querySelector('.source-text').value,
    }));
    const report = analyze(sources);
    const problems = [];
    report.sources.forEach((src, si) => {
      const text = sources[si].text;
      const doc = document.querySelector(`.doc[data-source-id="${src.id}"]`);
      // Offsets are UTF-16: slicing gives back each span's text.
      for (const e of src.entities) if (text.slice(e.start, e.end) !== e.text) problems.push(`${src.id} entity offset ${e.start}-${e.end}`);
      for (const c of src.claims) if (text.slice(c.start, c.end) !== c.text) problems.push(`${src.id} claim offset ${c.start}-${c.end}`);
      // Each entity / claim is highlighted once (parts of split spans concatenate to its text).
      const joined = (sel) => {
        const m = new Map();
        for (const el of doc.querySelectorAll(sel)) m.set(el.dataset.index, (m.get(el.dataset.index) || '') + el.textContent);
        return m;
      };
      const ents = joined('mark.ent');
      src.entities.forEach((e, i) => {
        if (ents.get(String(i)) !== e.text) problems.push(`${src.id} entity ${i} rendered as ${JSON.stringify(ents.get(String(i)))}, expected ${JSON.stringify(e.text)}`);
      });
      if (ents.size !== src.entities.length) problems.push(`${src.id}: ${ents.size} entity marks for ${src.entities.length} entities`);
      const claims = joined('.claim');
      src.claims.forEach((c, i) => {
        if (claims.get(String(i)) !== c.text) problems.push(`${src.id} claim ${i} mismatch`);
      });
      const cw = doc.querySelectorAll('.claim.checkworthy:not([data-split])').length;
      const cwSplit = new Set([...doc.querySelectorAll('.claim.checkworthy[data-split]')].map((e) => e.dataset.index)).size;
      if (cw + cwSplit !== src.summary.checkworthy) problems.push(`${src.id}: ${cw + cwSplit} check-worthy marks, summary says ${src.summary.checkworthy}`);
      // Only the check-worthiest few are marked (a solid underline): at most a tenth of the claims,
      // at least one when any is check-worthy, and never one scoring below another unmarked
      // check-worthy claim.
      const marked = new Set([...doc.querySelectorAll('.claim.marked')].map((e) => Number(e.dataset.index)));
      if (src.summary.checkworthy > 0 && marked.size === 0) problems.push(`${src.id}: no claim marked`);
      if (marked.size > Math.max(1, Math.ceil(src.claims.length / 10))) problems.push(`${src.id}: ${marked.size} of ${src.claims.length} claims marked`);
      const lowest = Math.min(...[...marked].map((i) => src.claims[i].score));
      src.claims.forEach((c, i) => {
        if (!marked.has(i) && c.checkworthy && c.score > lowest) problems.push(`${src.id} claim ${i} (score ${c.score}) outranks a marked one`);
        if (marked.has(i) && !c.checkworthy) problems.push(`${src.id} claim ${i} is marked but not check-worthy`);
      });
      if (doc.querySelectorAll('.boilerplate').length < src.boilerplate.length) problems.push(`${src.id}: boilerplate not marked`);
      // The per-source summary shows the report's numbers.
      const stats = Object.fromEntries(
        [...doc.closest('.source-report').querySelectorAll('.stats .stat')].map((s) => [s.querySelector('dt').textContent, Number(s.querySelector('dd').textContent.replace(/,/g, ''))]),
      );
      const want = { entities: src.summary.entities, claims: src.summary.claims, 'check-worthy': src.summary.checkworthy, attributed: src.summary.attributed, anonymous: src.summary.anonymous, hedged: src.summary.hedged };
      for (const [k, v] of Object.entries(want)) if (stats[k] !== v) problems.push(`${src.id} summary ${k}: shows ${stats[k]}, report ${v}`);
    });
    // The matrix has one row per entity cluster.
    const rows = document.querySelectorAll('#matrix tbody tr').length;
    if (rows !== report.comparison.entities.length) problems.push(`matrix has ${rows} rows for ${report.comparison.entities.length} clusters`);
    return { problems, offsets: report.offsets, version: report.version };
  });
  assert.equal(result.offsets, 'utf16');
  assert.equal(result.version, 1);
  assert.deepEqual(result.problems, []);
});

test('renaming and adding a source updates the analysis', async () => {
  await page.fill('#name-s3', 'CNN (via unnamed outlet)');
  assert.equal(await page.getAttribute('body', 'data-stale'), 'true');
  await page.click('#add-source');
  const card = page.locator('.source-card').last();
  const id = await card.getAttribute('data-source-id');
  assert.equal(id, 's6');
  await card.locator('.source-name').fill('Wire copy');
  await card.locator('textarea').fill('Turkey said on Monday that 12 people were detained in Istanbul.');
  await page.click('#analyse');
  await waitForDone(page);
  const heads = await page.$$eval('#matrix thead th[data-source]', (els) => els.map((e) => e.textContent));
  assert.deepEqual(heads, ['WND', 'Blitz', 'CNN (via unnamed outlet)', 'Inside Syria Media Center', 'AsumeTech', 'Wire copy']);
  const n = await page.locator('#matrix tbody tr[data-key="turkey"] td[data-source="s6"]').getAttribute('data-count');
  assert.ok(Number(n) > 0, 'the new source does not count Turkey');
  // Remove it again: back to five columns.
  await card.getByRole('button', { name: /Remove source Wire copy/ }).click();
  await page.click('#analyse');
  await waitForDone(page);
  assert.equal(await page.locator('#matrix thead th[data-source]').count(), 5);
  assert.equal(await page.locator('.source-report').count(), 5);
});

test('clicking an entity in the matrix highlights its mentions', async () => {
  await selectTab(page, 'matrix');
  await page.locator('#matrix tbody tr[data-key="turkey"] .entity-focus').click();
  const focused = await page.$$eval('mark.ent.focused', (els) => [...new Set(els.map((e) => e.dataset.key))]);
  assert.deepEqual(focused, ['turkey']);
  assert.ok(await page.isVisible('#focus-note'));
  await page.locator('#focus-note button').click();
  assert.equal(await page.locator('mark.ent.focused').count(), 0);
});

test('full-page screenshot', async () => {
  // A fresh load so the screenshot shows the example as a visitor first sees it.
  await page.goto(env.url);
  await waitForDone(page);
  const path = screenshotPath('page.png');
  const png = await page.screenshot({ path, fullPage: true });
  assert.ok(png.length > 10_000, 'screenshot is suspiciously small');
});

test('no request left 127.0.0.1 during the session', async () => {
  assert.ok(log.requests.length > 0, 'no requests recorded at all');
  assert.ok(log.requests.some((u) => /\.wasm(\?|$)/.test(u)), `the wasm binary request was not recorded: ${log.requests.join(', ')}`);
  const outside = log.requests.filter((u) => !isLocal(u));
  assert.deepEqual(outside, []);
});

test('no console errors, page errors or dialogs during the session', async () => {
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  assert.deepEqual(log.dialogs, []);
});
