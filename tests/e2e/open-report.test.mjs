// Source metadata and reopening a report: a source's address and date typed on its card reach the
// report and the ClaimReview drafts and show on its card; the JSON export, opened in a fresh
// browser with "Open report…", restores every source and shows the same report, losing nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, newPage, waitForDone, selectTab } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const tmp = mkdtempSync(join(tmpdir(), 'crosscheck-open-'));

async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return readFileSync(await dl.path(), 'utf8');
}

/** What a reader sees of the results: every panel's text, and the editor's fields. */
async function snapshot(page) {
  return page.evaluate(() => ({
    claims: document.getElementById('claims-wrap').textContent,
    matrix: document.getElementById('matrix-wrap').textContent,
    sources: document.getElementById('source-reports').textContent,
    legend: document.getElementById('legend-wrap').textContent,
    warnings: document.getElementById('warnings').textContent,
    editor: [...document.querySelectorAll('.source-card')].map((c) => ({
      id: c.dataset.sourceId,
      name: c.querySelector('.source-name').value,
      text: c.querySelector('.source-text').value,
      url: c.querySelector('.source-url').value,
      published: c.querySelector('.source-published').value,
    })),
  }));
}

let exported; // the JSON file from the first page
let before1; // what that page showed

test('a source’s address and date go from its card into the report, its card and the ClaimReview draft', async () => {
  const { page, context, log } = await newPage(env.browser);
  await page.goto(env.url);
  await waitForDone(page);
  // Every source but the third gets an address and a date, each its own.
  const META = {
    s1: ['https://www.wnd.example/2019/10/turkey-isis/', '2019-10-09'],
    s2: ['https://blitz.example/isis-base', '2019-10-11'],
    s4: ['https://ismc.example/militants-flee', '2019-10-10'],
    s5: ['https://asumetech.example/fears', '2019-10-12'],
  };
  for (const [id, [url, date]] of Object.entries(META)) {
    await page.fill(`#url-${id}`, url);
    await page.fill(`#published-${id}`, date);
  }
  await page.click('#analyse');
  await waitForDone(page);
  const report = await page.evaluate(() => window.__crosscheckReport);
  for (const s of report.sources) {
    if (META[s.id]) assert.deepEqual([s.url, s.published], META[s.id], `${s.id} in the report`);
    else assert.ok(!('url' in s) && !('published' in s), `${s.id} has metadata it was not given`);
  }
  // Shown on the source's card: the date in words and the address as a link.
  await selectTab(page, 'documents');
  const meta = page.locator('#src-s1 .source-meta');
  assert.match(await meta.textContent(), /Published 9 October 2019/);
  assert.equal(await meta.locator('a.source-link').getAttribute('href'), META.s1[0]);
  assert.equal(await meta.locator('a.source-link').getAttribute('rel'), 'noopener noreferrer');
  assert.equal(await page.locator('#src-s3 .source-meta').count(), 0);
  // A ClaimReview draft of a claim several sources make: each appearance carries its source's
  // address and date, and the claim's date is the earliest of them.
  const g = report.comparison.claims.find((x) => x.sources >= 2 && x.members.filter((m) => META[m.source]).length >= 2);
  assert.ok(g, 'no claim group of two sources with metadata in the example');
  const m = g.members[0];
  await selectTab(page, 'claims');
  const box = page.locator(`input.select-claim[data-source="${m.source}"][data-claim="${m.claim}"]`);
  await box.scrollIntoViewIfNeeded();
  await box.check();
  const [draft] = JSON.parse(await download(page, '#export-claimreview'));
  const names = Object.fromEntries(report.sources.map((s) => [s.name, s.id]));
  const dates = [];
  for (const a of draft.itemReviewed.appearance) {
    const want = META[names[a.publisher.name]];
    assert.equal(a.url, want ? want[0] : undefined, a.publisher.name);
    assert.equal(a.datePublished, want ? want[1] : undefined, a.publisher.name);
    if (want) dates.push(want[1]);
  }
  assert.equal(draft.itemReviewed.datePublished, dates.sort()[0], 'the claim’s date is its earliest appearance');
  await box.uncheck();

  exported = await download(page, '#export-json');
  before1 = { report, view: await snapshot(page) };
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

test('Open report in a fresh browser restores the sources and shows the same report', async () => {
  assert.ok(exported, 'the first test did not export');
  const file = join(tmp, 'crosscheck-report.json');
  writeFileSync(file, exported);
  const { page, context, log } = await newPage(env.browser);
  await page.goto(env.url);
  await waitForDone(page);
  // A fresh browser: the example, nothing of the first page.
  assert.equal(await page.inputValue('#url-s1'), '');
  assert.notDeepEqual(await page.evaluate(() => window.__crosscheckReport), before1.report);
  await page.setInputFiles('#open-report-file', file);
  await page.waitForFunction(() => /^Opened /.test(document.getElementById('status').textContent));
  assert.equal(await page.getAttribute('body', 'data-state'), 'done');
  const report = await page.evaluate(() => window.__crosscheckReport);
  assert.deepEqual(report, before1.report, 'the report opened is not the report exported');
  const view = await snapshot(page);
  assert.deepEqual(view, before1.view, 'the page does not show the same report');
  // Nothing is lost: exported again, the same file; after a reload, the same sources.
  assert.equal(await download(page, '#export-json'), exported);
  await page.reload();
  await waitForDone(page);
  assert.deepEqual((await snapshot(page)).editor, before1.view.editor);
  assert.deepEqual(await page.evaluate(() => window.__crosscheckReport), before1.report, 'analysed again, the restored sources give another report');
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  assert.deepEqual(log.dialogs, []);
  await context.close();
});

test('a file that is not a page report is refused with a reason and changes nothing', async () => {
  const { page, context, log } = await newPage(env.browser);
  await page.goto(env.url);
  await waitForDone(page);
  const was = await snapshot(page);
  const cli = JSON.parse(exported);
  for (const s of cli.sources) delete s.text;
  const file = join(tmp, 'no-texts.json');
  writeFileSync(file, JSON.stringify(cli));
  await page.setInputFiles('#open-report-file', file);
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.textContent('#error'), /Could not open the report\. no-texts\.json: .*has no text/);
  assert.deepEqual(await snapshot(page), was);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('an opened report’s address is shown as text, never as a script link', async () => {
  // The file may come from anyone: a javascript: address must not become a link.
  const data = JSON.parse(exported);
  data.sources[0].url = 'javascript:alert(1)';
  data.sources[0].name = '<img src=x onerror=alert(2)>';
  const file = join(tmp, 'hostile.json');
  writeFileSync(file, JSON.stringify(data));
  const { page, context, log } = await newPage(env.browser);
  await page.goto(env.url);
  await waitForDone(page);
  await page.setInputFiles('#open-report-file', file);
  await page.waitForFunction(() => /^Opened /.test(document.getElementById('status').textContent));
  await selectTab(page, 'documents');
  const meta = page.locator('#src-s1 .source-meta');
  assert.equal(await meta.locator('a').count(), 0);
  assert.match(await meta.textContent(), /javascript:alert\(1\)/);
  assert.equal(await page.textContent('#src-s1 h3'), '<img src=x onerror=alert(2)>');
  assert.equal(await page.locator('#results img').count(), 0);
  await page.waitForTimeout(200);
  assert.deepEqual(log.dialogs, []);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});
