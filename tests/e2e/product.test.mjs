// The page as a product: exports (JSON, CSV, ClaimReview JSON-LD), details on hover and on
// keyboard focus, click-to-highlight across sources, persistence across a reload, Clear all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, newPage, waitForDone, screenshotPath, selectTab } from './helpers.mjs';
import { parseCSV, CLAIM_COLUMNS, ENTITY_COLUMNS } from '../../www/export.js';

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

async function download(selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  assert.match(dl.url(), /^blob:/, 'downloads come from a Blob object URL');
  return { name: dl.suggestedFilename(), text: readFileSync(await dl.path(), 'utf8') };
}

test('export: the report as JSON parses and equals the report on the page, with each source’s text', async () => {
  const { name, text } = await download('#export-json');
  assert.equal(name, 'crosscheck-report.json');
  const json = JSON.parse(text);
  const onPage = await page.evaluate(() => window.__crosscheckReport);
  const texts = await page.$$eval('.source-card .source-text', (els) => els.map((e) => e.value));
  assert.deepEqual(json.sources.map((s) => s.text), texts);
  assert.deepEqual({ ...json, sources: json.sources.map(({ text: _, ...rest }) => rest) }, JSON.parse(JSON.stringify(onPage)));
  assert.equal(json.sources.length, 5);
});

test('export: claims.csv and entities.csv parse with a header and the right column count', async () => {
  const report = await page.evaluate(() => window.__crosscheckReport);
  const claims = await download('#export-claims-csv');
  assert.equal(claims.name, 'claims.csv');
  // A UTF-8 BOM first, so a spreadsheet does not read the text in its local code page.
  assert.equal(claims.text.charCodeAt(0), 0xfeff, 'claims.csv has no BOM');
  const rows = parseCSV(claims.text);
  assert.deepEqual(rows[0], CLAIM_COLUMNS);
  assert.equal(rows.length - 1, report.sources.reduce((n, s) => n + s.claims.length, 0));
  for (const r of rows) assert.equal(r.length, CLAIM_COLUMNS.length);
  // Sentences with commas and quotes survive.
  const texts = new Set(rows.slice(1).map((r) => r[CLAIM_COLUMNS.indexOf('text')]));
  for (const s of report.sources) for (const c of s.claims) assert.ok(texts.has(c.text), c.text);
  const ents = await download('#export-entities-csv');
  assert.equal(ents.name, 'entities.csv');
  const erows = parseCSV(ents.text);
  assert.deepEqual(erows[0], ENTITY_COLUMNS);
  assert.equal(erows.length - 1, report.sources.reduce((n, s) => n + s.entities.length, 0));
  for (const r of erows) assert.equal(r.length, ENTITY_COLUMNS.length);
});

test('export: ClaimReview JSON-LD drafts for the selected claims', async () => {
  assert.equal(await page.isDisabled('#export-claimreview'), true, 'nothing selected yet');
  const group = page.locator('#claims-board .group:not(.compact)').first();
  const box = group.locator('input.select-claim').first();
  await box.check();
  const sources = Number(await group.getAttribute('data-sources'));
  assert.match(await page.textContent('#selection-count'), /1 claim selected/);
  const { name, text } = await download('#export-claimreview');
  assert.equal(name, 'claimreview.jsonld');
  const drafts = JSON.parse(text);
  assert.equal(drafts.length, 1);
  const [d] = drafts;
  assert.equal(d['@type'], 'ClaimReview');
  assert.equal(d['@context'], 'https://schema.org');
  assert.equal(d.itemReviewed['@type'], 'Claim');
  assert.ok(d.itemReviewed.author && d.itemReviewed.author.name, 'Claim author');
  assert.equal(d.itemReviewed.appearance.length, sources, 'one appearance per source of the group');
  assert.equal(d.reviewRating.ratingValue, '');
  const report = await page.evaluate(() => window.__crosscheckReport);
  const src = await box.getAttribute('data-source');
  const idx = Number(await box.getAttribute('data-claim'));
  assert.equal(d.claimReviewed, report.sources.find((s) => s.id === src).claims[idx].text);
  await box.uncheck();
});

test('details on hover: an entity shows label, value and alias cluster', async () => {
  const report = await page.evaluate(() => window.__crosscheckReport);
  await selectTab(page, 'documents');
  const mark = page.locator('.doc[data-source-id="s1"] mark.ent[data-key="turkey"]').first();
  await mark.scrollIntoViewIfNeeded();
  await mark.hover();
  const pop = page.locator('#details');
  await pop.waitFor({ state: 'visible' });
  assert.equal(await pop.getAttribute('role'), 'tooltip');
  assert.equal(await mark.getAttribute('aria-describedby'), 'details');
  const t = await pop.textContent();
  assert.match(t, /GPE/);
  const cluster = report.comparison.entities.find((c) => c.key === 'turkey');
  assert.match(t, new RegExp(`cluster${cluster.name}`));
  // A number shows its normalised value.
  const num = page.locator('.doc mark.ent[data-label="CARDINAL"], .doc mark.ent[data-label="MONEY"], .doc mark.ent[data-label="PERCENT"]').first();
  await num.scrollIntoViewIfNeeded();
  await num.hover();
  await page.waitForFunction(() => /value/.test(document.getElementById('details').textContent));
  await page.screenshot({ path: screenshotPath('details-hover.png') });
});

test('details on keyboard focus: a claim shows score, reasons, certainty, attribution, group and other versions', async () => {
  const report = await page.evaluate(() => window.__crosscheckReport);
  const g = report.comparison.claims.find((x) => x.sources > 1);
  const m = g.members[0];
  const claim = page.locator(`#claim-${m.source}-${m.claim}`);
  await selectTab(page, 'documents', { keyboard: true });
  // Focusable; one tab stop per text (the highlight last focused in it), so it may be -1.
  assert.match(String(await claim.getAttribute('tabindex')), /^(0|-1)$/, 'claims are focusable');
  // Reach it by keyboard: focus the element before it and press Tab until it has focus.
  await claim.evaluate((el) => el.focus());
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), `claim-${m.source}-${m.claim}`);
  const pop = page.locator('#details');
  await pop.waitFor({ state: 'visible' });
  const t = await pop.textContent();
  for (const word of ['score', 'reasons', 'certainty', 'attribution', 'group', g.status.replace('_', ' ')]) assert.ok(t.includes(word), `${word} missing: ${t}`);
  const other = g.members.find((x) => x.source !== m.source);
  const otherSrc = report.sources.find((s) => s.id === other.source);
  assert.ok(t.includes(otherSrc.claims[other.claim].text), 'the other source’s version is shown');
  assert.ok(t.includes(otherSrc.name));
  await page.screenshot({ path: screenshotPath('details-focus.png') });
  await page.keyboard.press('Escape');
  assert.equal(await pop.isHidden(), true);
  // Focus on an entity shows its details too.
  const ent = page.locator('.doc mark.ent').first();
  await ent.focus();
  await pop.waitFor({ state: 'visible' });
  assert.match(await pop.textContent(), /label/);
  await page.locator('#analyse').focus();
  assert.equal(await pop.isHidden(), true);
});

test('clicking an entity in a text highlights its mentions in every source', async () => {
  await selectTab(page, 'documents');
  const mark = page.locator('.doc[data-source-id="s1"] mark.ent[data-key="turkey"]').first();
  await mark.click();
  const per = await page.$$eval('.doc', (docs) => docs.map((d) => d.querySelectorAll('mark.ent.focused').length));
  assert.equal(per.length, 5);
  for (const n of per) assert.ok(n > 0, `a source without focused mentions: ${per}`);
  const notTurkey = await page.$$eval('mark.ent.focused', (els) => els.filter((e) => e.dataset.key !== 'turkey').length);
  assert.equal(notTurkey, 0);
  assert.match(await page.textContent('#focus-note'), /Highlighting/);
  await page.click('#focus-note button');
  assert.equal(await page.locator('mark.ent.focused').count(), 0);
});

test('persistence: an edited source and its name survive a reload; Clear all (inline confirm) empties', async () => {
  await page.fill('#name-s2', 'Renamed outlet');
  await page.fill('#text-s2', 'Edited text: the minister said 40 people were hurt in Ankara on Monday.');
  await page.waitForTimeout(400); // the save is debounced
  await page.reload();
  await waitForDone(page);
  assert.equal(await page.inputValue('#name-s2'), 'Renamed outlet');
  assert.equal(await page.inputValue('#text-s2'), 'Edited text: the minister said 40 people were hurt in Ankara on Monday.');
  assert.equal(await page.locator('.source-card').count(), 5);
  // Clear all asks inline first (a non-modal alert dialog, focus on Cancel); Escape and Cancel keep
  // everything.
  await page.click('#clear-all');
  assert.equal(await page.isVisible('#clear-confirm'), true);
  assert.equal(await page.getAttribute('#clear-confirm', 'role'), 'alertdialog');
  assert.match(await page.locator('#clear-confirm').getAttribute('aria-labelledby'), /\S/);
  assert.equal(await page.getAttribute('#clear-all', 'aria-expanded'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'clear-no', 'focus starts on the safe choice');
  await page.keyboard.press('Escape');
  assert.equal(await page.isHidden('#clear-confirm'), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'clear-all', 'Escape returns focus to Clear all');
  assert.equal(await page.getAttribute('#clear-all', 'aria-expanded'), 'false');
  assert.equal(await page.locator('.source-card').count(), 5);
  await page.click('#clear-all');
  await page.click('#clear-no');
  assert.equal(await page.isHidden('#clear-confirm'), true);
  assert.equal(await page.locator('.source-card').count(), 5);
  await page.click('#clear-all');
  await page.click('#clear-yes');
  assert.equal(await page.locator('.source-card').count(), 1);
  assert.equal(await page.inputValue('.source-card .source-text'), '');
  assert.equal(await page.isHidden('#results'), true);
  assert.equal(await page.evaluate(() => localStorage.getItem('crosscheck.sources.v1')), null);
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.state !== 'loading');
  // Nothing stored: the page starts from the example again.
  await waitForDone(page);
  assert.equal(await page.locator('.source-card').count(), 5);
  assert.notEqual(await page.inputValue('#name-s2'), 'Renamed outlet');
});

test('no request left 127.0.0.1, no console errors, page errors or dialogs', async () => {
  assert.deepEqual(log.requests.filter((u) => !/^(http:\/\/127\.0\.0\.1|blob:|data:)/.test(u)), []);
  assert.deepEqual(log.consoleErrors, []);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.dialogs, []);
});
