// Layout a fact-checker can work in: outlet names wrap between words, a disabled button looks
// disabled, "Show in text" never lands under the sticky legend, and on a 390×844 phone the claims
// board is part of the page (not a box scrolling inside it) while the matrix keeps its entity
// column in view as the source columns scroll sideways. Screenshots go to tests/e2e/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newPage, waitForDone, selectTab, screenshotPath } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** Words of outlet names that the layout breaks across two lines, as "word (where)". */
function splitWords() {
  const out = [];
  const sel = '.member-source, #matrix thead th.col-source button, .source-report-head h3, .d-others strong';
  for (const el of document.querySelectorAll(sel)) {
    if (!el.getClientRects().length) continue;
    for (const node of el.childNodes) {
      if (node.nodeType !== 3) continue;
      const re = /\S+/g;
      let m;
      while ((m = re.exec(node.data))) {
        const r = document.createRange();
        r.setStart(node, m.index);
        r.setEnd(node, m.index + m[0].length);
        const lines = new Set([...r.getClientRects()].map((x) => Math.round(x.top)));
        // A word wider than its whole container may break; none of these is.
        if (lines.size > 1 && r.getBoundingClientRect().width < el.parentElement.getBoundingClientRect().width) out.push(`${m[0]} (${el.className || el.tagName})`);
      }
    }
  }
  return [...new Set(out)];
}

test('outlet names wrap between words at every width, never inside a word', async () => {
  // "DEUTSCHLANDFU/NK" beside "Show in text" on a phone: a name cut in two reads as another name.
  const { page, context, log } = await newPage(env.browser, { viewport: { width: 1024, height: 800 } });
  await page.goto(env.url);
  await waitForDone(page);
  await page.fill('#name-s5', 'Deutschlandfunk Kultur');
  await page.fill('#name-s4', 'Nachrichtenagentur');
  await page.click('#analyse');
  await waitForDone(page);
  await page.click('.show-all-single');
  const broken = [];
  for (const tab of ['claims', 'matrix', 'documents']) {
    await selectTab(page, tab);
    for (const width of [320, 340, 360, 390, 414, 480, 600, 768, 900, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      for (const w of await page.evaluate(splitWords)) broken.push(`${tab} at ${width}px: ${w}`);
    }
  }
  assert.deepEqual(broken, []);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('a disabled button looks disabled and does not react to the pointer', async () => {
  // "ClaimReview drafts" stays disabled until a claim is ticked; it must not look clickable.
  const { page, context } = await newPage(env.browser);
  await page.goto(env.url);
  await waitForDone(page);
  const style = (sel) => page.$eval(sel, (el) => {
    const cs = getComputedStyle(el);
    return { color: cs.color, background: cs.backgroundColor, border: cs.borderTopStyle, cursor: cs.cursor };
  });
  assert.equal(await page.isDisabled('#export-claimreview'), true);
  const enabled = await style('#export-claims-csv');
  const disabled = await style('#export-claimreview');
  assert.notEqual(disabled.color, enabled.color, 'same text colour as an enabled button');
  assert.equal(disabled.border, 'dashed');
  assert.equal(disabled.cursor, 'not-allowed');
  await page.hover('#export-claimreview');
  assert.equal((await style('#export-claimreview')).background, disabled.background, 'hover changes a disabled button');
  // Ticking a claim enables it, and it looks like the others again.
  await page.locator('input.select-claim').first().check();
  assert.deepEqual(await style('#export-claimreview'), enabled);
  await context.close();
});

test('"Show in text" lands below the sticky legend, a long sentence from its start', async () => {
  // On a desktop the legend sticks to the top of the screen; a sentence centred under it, or one
  // taller than the text box, would be hidden where the reader is sent to read it.
  const { page, context, log } = await newPage(env.browser, { viewport: { width: 1400, height: 1000 } });
  await page.goto(env.url);
  await waitForDone(page);
  const clause = (i) => `the ministry in Ankara said ${i + 12} fighters crossed the border near Kilis while officials in Istanbul and Damascus disputed the count`;
  const long = `${Array.from({ length: 14 }, (_, i) => clause(i)).join(', and ')}.`;
  await page.click('#add-source');
  const id = await page.locator('.source-card').last().getAttribute('data-source-id');
  await page.locator('.source-card').last().locator('textarea').fill(`Short opening line here.\n\n${long}\n\nTurkey said 5 people died.`);
  await page.click('#analyse');
  await waitForDone(page);
  const report = await page.evaluate(() => window.__crosscheckReport);
  const claims = report.sources.find((s) => s.id === id).claims;
  const li = claims.findIndex((c) => c.text.length > 1000);
  assert.ok(li >= 0, 'the long sentence is not a claim');
  const show = page.locator('.show-all-single');
  if (await show.count()) await show.click();
  const targets = [[id, li], ...report.comparison.claims.filter((g) => g.sources > 1).slice(0, 4).map((g) => [g.members[0].source, g.members[0].claim])];
  for (const [src, claim] of targets) {
    await selectTab(page, 'claims');
    const btn = page.locator(`#claims-board .jump[data-source="${src}"][data-claim="${claim}"]`).first();
    await btn.scrollIntoViewIfNeeded();
    await btn.click();
    await page.waitForTimeout(100);
    const at = await page.evaluate(() => {
      const el = document.activeElement;
      const first = el.getClientRects()[0];
      const legend = document.getElementById('legend-wrap').getBoundingClientRect();
      const doc = el.closest('.doc').getBoundingClientRect();
      return { focused: el.classList.contains('claim'), top: first.top, legend: legend.bottom, docTop: doc.top, sticky: getComputedStyle(document.getElementById('legend-wrap')).position };
    });
    assert.equal(at.focused, true);
    assert.equal(at.sticky, 'sticky');
    assert.ok(at.top >= at.legend, `${src} claim ${claim}: its first line (${at.top}px) is under the legend (to ${at.legend}px)`);
    assert.ok(at.top >= at.docTop, `${src} claim ${claim}: its first line is scrolled out of the text box`);
  }
  await page.screenshot({ path: screenshotPath('jump-long-claim.png') });
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('on a 390×844 phone the board is not a nested scroll box and the matrix keeps its entity column', async () => {
  const { page, context, log } = await newPage(env.browser, { viewport: { width: 390, height: 844 } });
  await page.goto(env.url);
  await waitForDone(page);
  await selectTab(page, 'claims');
  const board = await page.$eval('#claims-board', (el) => ({ scroll: el.scrollHeight, client: el.clientHeight, overflow: getComputedStyle(el).overflowY }));
  assert.ok(board.scroll <= board.client + 1, `the board scrolls inside the page (${board.scroll}px in ${board.client}px)`);
  assert.ok(!['auto', 'scroll'].includes(board.overflow), `board overflow-y: ${board.overflow}`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'the page scrolls sideways');
  await page.locator('#claims-board .section-drift').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('phone-claims.png') });

  await selectTab(page, 'matrix');
  const wrap = page.locator('#matrix-wrap');
  await wrap.scrollIntoViewIfNeeded();
  const sideways = await wrap.evaluate((el) => el.scrollWidth - el.clientWidth);
  assert.ok(sideways > 0, 'the matrix fits the phone: nothing to keep in view');
  await wrap.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
  await page.waitForTimeout(100);
  const cols = await page.evaluate(() => {
    const w = document.getElementById('matrix-wrap').getBoundingClientRect();
    const cell = (sel) => document.querySelector(sel).getBoundingClientRect();
    const head = cell('#matrix thead th.col-entity');
    const row = cell('#matrix tbody tr th.col-entity');
    const label = cell('#matrix tbody tr td.col-label');
    // What is painted at the entity cell's middle is the entity cell, not a count scrolled under it.
    const hit = document.elementFromPoint(row.left + 10, row.top + row.height / 2);
    return { wrapLeft: w.left, head: head.left, row: row.left, labelRight: label.right, hitEntity: !!(hit && hit.closest('th.col-entity')) };
  });
  assert.ok(Math.abs(cols.head - cols.wrapLeft) <= 2, `the entity heading scrolled away (${cols.head} vs ${cols.wrapLeft})`);
  assert.ok(Math.abs(cols.row - cols.wrapLeft) <= 2, `the entity column scrolled away (${cols.row} vs ${cols.wrapLeft})`);
  assert.ok(cols.labelRight < cols.wrapLeft + 5, 'the table did not scroll sideways');
  assert.equal(cols.hitEntity, true, 'the counts paint over the entity column');
  await page.screenshot({ path: screenshotPath('phone-matrix.png') });
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});
