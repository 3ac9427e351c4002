// The results as WAI-ARIA tabs (claims board, entity matrix, each source's summary and text):
// roles and wiring, roving tabindex, arrow/Home/End keys, one panel shown, jumps from the claims
// board and the matrix into the texts; and the matrix sorted by column, by mouse and keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newPage, waitForDone, isLocal, selectTab } from './helpers.mjs';

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

const report = () => page.evaluate(() => window.__crosscheckReport);

/** The tabs as the page has them now: ids, selection, tabindex, focus and which panels show. */
const tabState = () =>
  page.evaluate(() => {
    const tabs = [...document.querySelectorAll('[role="tablist"] [role="tab"]')];
    const shown = (el) => !el.hidden && el.getClientRects().length > 0;
    return {
      ids: tabs.map((t) => t.id),
      selected: tabs.filter((t) => t.getAttribute('aria-selected') === 'true').map((t) => t.id),
      unselectedFalse: tabs.every((t) => t.getAttribute('aria-selected') === 'true' || t.getAttribute('aria-selected') === 'false'),
      tabindex: tabs.map((t) => t.getAttribute('tabindex')),
      focused: document.activeElement && document.activeElement.id,
      shownPanels: tabs.filter((t) => shown(document.getElementById(t.getAttribute('aria-controls')))).map((t) => t.id),
    };
  });

/** Selection, roving tabindex and panel visibility all agree on `id`. */
function assertOnly(s, id, { focused = true } = {}) {
  assert.deepEqual(s.selected, [id], 'aria-selected');
  assert.ok(s.unselectedFalse, 'every tab has aria-selected "true" or "false"');
  assert.deepEqual(s.tabindex, s.ids.map((x) => (x === id ? '0' : '-1')), 'only the selected tab is in the Tab order');
  assert.deepEqual(s.shownPanels, [id], 'only the selected tab’s panel is shown');
  if (focused) assert.equal(s.focused, id, 'focus is on the selected tab');
}

/** Where the focused element is, and whether it is on screen inside its scrolling text. */
const focusedPlace = () =>
  page.evaluate(() => {
    const el = document.activeElement;
    const doc = el && el.closest('.doc');
    const r = el.getBoundingClientRect();
    const d = doc ? doc.getBoundingClientRect() : null;
    return {
      tag: el.tagName,
      cls: el.className,
      key: el.dataset.key,
      index: el.dataset.index,
      source: doc && doc.dataset.sourceId,
      firstWithKey: doc ? doc.querySelector('mark.ent[data-key]') && [...doc.querySelectorAll('mark.ent')].find((m) => m.dataset.key === el.dataset.key) === el : false,
      inWindow: r.height > 0 && r.bottom > 0 && r.top < window.innerHeight,
      inDoc: !!d && r.bottom > d.top && r.top < d.bottom,
    };
  });

test('the results are a tablist of three tabs, each wired to its labelled tabpanel; one panel shows', async () => {
  const wiring = await page.evaluate(() => {
    const list = document.querySelector('#report [role="tablist"]');
    const name = list && (list.getAttribute('aria-label') || document.getElementById(list.getAttribute('aria-labelledby') || '')?.textContent || '');
    const tabs = [...list.querySelectorAll('[role="tab"]')];
    return {
      name: (name || '').trim(),
      tabs: tabs.map((t) => {
        const panel = document.getElementById(t.getAttribute('aria-controls') || '');
        return {
          id: t.id,
          tag: t.tagName,
          text: t.textContent.trim(),
          panelRole: panel && panel.getAttribute('role'),
          labelledBy: panel && panel.getAttribute('aria-labelledby'),
          holds: panel
            ? {
              board: !!panel.querySelector('#claims-board'),
              matrix: !!panel.querySelector('table#matrix'),
              docs: panel.querySelectorAll('.doc').length,
              summaries: panel.querySelectorAll('.summary').length,
            }
            : null,
        };
      }),
      panels: document.querySelectorAll('#report [role="tabpanel"]').length,
    };
  });
  assert.ok(wiring.name, 'the tablist has no accessible name');
  assert.deepEqual(wiring.tabs.map((t) => t.id), ['tab-claims', 'tab-matrix', 'tab-documents']);
  assert.equal(wiring.panels, 3);
  for (const t of wiring.tabs) {
    assert.equal(t.tag, 'BUTTON', `${t.id} is not a button`);
    assert.ok(t.text, `${t.id} has no text`);
    assert.equal(t.panelRole, 'tabpanel', `${t.id}: aria-controls does not point at a tabpanel`);
    assert.equal(t.labelledBy, t.id, `${t.id}: its panel is not labelled by it`);
  }
  const [claims, matrix, docs] = wiring.tabs.map((t) => t.holds);
  const r = await report();
  assert.ok(claims.board && !claims.matrix && claims.docs === 0, 'the claims panel does not hold the board alone');
  assert.ok(matrix.matrix && !matrix.board && matrix.docs === 0, 'the matrix panel does not hold the matrix alone');
  assert.equal(docs.docs, r.sources.length, 'the sources panel does not hold every annotated text');
  assert.equal(docs.summaries, r.sources.length, 'the sources panel does not hold every summary');
  // On load the claims board is shown; the hidden panels are out of the accessibility tree.
  assertOnly(await tabState(), 'tab-claims', { focused: false });
  assert.equal(await page.getByRole('tabpanel').count(), 1);
  assert.equal(await page.getByRole('tab', { selected: true }).textContent(), wiring.tabs[0].text);
  // A click selects, focuses and shows.
  await page.getByRole('tab', { name: wiring.tabs[1].text }).click();
  assertOnly(await tabState(), 'tab-matrix');
  assert.ok(await page.isVisible('#matrix'));
  assert.equal(await page.isVisible('#claims-board'), false);
});

test('Left/Right move focus and selection between tabs and wrap; Home and End go to the ends', async () => {
  await selectTab(page, 'claims');
  await page.locator('#tab-claims').focus();
  const steps = [
    ['ArrowRight', 'tab-matrix'],
    ['ArrowRight', 'tab-documents'],
    ['ArrowRight', 'tab-claims'], // wraps forwards
    ['ArrowLeft', 'tab-documents'], // and backwards
    ['ArrowLeft', 'tab-matrix'],
    ['Home', 'tab-claims'],
    ['End', 'tab-documents'],
    ['Home', 'tab-claims'],
  ];
  for (const [key, want] of steps) {
    await page.keyboard.press(key);
    const s = await tabState();
    assert.equal(s.focused, want, `${key}: focus on ${s.focused}, expected ${want}`);
    assertOnly(s, want);
  }
  // Arrow keys do not scroll the page while on a tab.
  const y = await page.evaluate(() => window.scrollY);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => window.scrollY), y);
  // Roving tabindex: Tab leaves the tablist (into the panel), Shift+Tab comes back to the selected tab.
  await page.keyboard.press('Tab');
  const after = await page.evaluate(() => ({ role: document.activeElement.getAttribute('role'), id: document.activeElement.id }));
  assert.notEqual(after.role, 'tab', `Tab moved to another tab (${after.id})`);
  assert.equal(after.id, 'documents', 'Tab does not go into the selected panel');
  await page.keyboard.press('Shift+Tab');
  assertOnly(await tabState(), 'tab-documents');
});

test('"Show in text" on the claims board switches to the texts and focuses the sentence (mouse and keyboard)', async () => {
  const r = await report();
  const groups = r.comparison.claims.filter((g) => g.sources > 1);
  assert.ok(groups.length >= 1, 'the example has no claim group from two sources');
  const members = groups.flatMap((g) => g.members);
  for (const [how, m] of [['click', members[members.length - 1]], ['Enter', members[0]]]) {
    await selectTab(page, 'claims');
    await page.evaluate(() => window.scrollTo(0, 0));
    const jump = page.locator(`#claims-board .member[data-source="${m.source}"][data-claim="${m.claim}"] .jump`).first();
    if (how === 'click') await jump.click();
    else {
      await jump.focus();
      await page.keyboard.press('Enter');
    }
    assertOnly(await tabState(), 'tab-documents', { focused: false });
    const at = await focusedPlace();
    assert.match(at.cls, /\bclaim\b/, `${how}: focus is not on a claim sentence`);
    assert.equal(at.source, m.source, `${how}: wrong source`);
    assert.equal(at.index, String(m.claim), `${how}: wrong sentence`);
    assert.ok(at.inWindow && at.inDoc, `${how}: the sentence is not scrolled into view`);
    // The focused element is the sentence, or its first piece when another span splits it.
    const shown = await page.evaluate(() => document.activeElement.textContent);
    assert.ok(shown.length > 0 && r.sources.find((s) => s.id === m.source).claims[m.claim].text.startsWith(shown), `${how}: focused text ${JSON.stringify(shown)} is not the claim`);
  }
});

test('an entity in the matrix switches to the texts, highlights its mentions and focuses the first', async () => {
  const r = await report();
  // An entity the first source never names (so the jump has to scroll), among the rows shown.
  const shown = r.comparison.entities.slice(0, 25);
  const c = shown.find((x) => !(x.sources[r.sources[0].id] > 0)) || shown[0];
  const firstSource = r.sources.find((s) => s.entities.some((e) => e.key === c.key));
  await selectTab(page, 'matrix');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator(`#matrix tbody tr[data-key="${c.key}"] .entity-focus`).click();
  assertOnly(await tabState(), 'tab-documents', { focused: false });
  const at = await focusedPlace();
  assert.equal(at.tag, 'MARK', 'focus is not on an entity highlight');
  assert.equal(at.key, c.key);
  assert.equal(at.source, firstSource.id, 'focus is not in the first source that names it');
  assert.ok(at.firstWithKey, 'focus is not on the first mention in that text');
  assert.ok(at.inWindow && at.inDoc, 'the mention is not scrolled into view');
  const keys = await page.$$eval('mark.ent.focused', (els) => [...new Set(els.map((e) => e.dataset.key))]);
  assert.deepEqual(keys, [c.key]);
  const mentions = r.sources.reduce((n, s) => n + s.entities.filter((e) => e.key === c.key).length, 0);
  assert.ok((await page.locator('mark.ent.focused:not([data-split])').count()) <= mentions);
  assert.ok(await page.isVisible('#focus-note'));
  await page.click('#focus-note button');
  assert.equal(await page.locator('mark.ent.focused').count(), 0);
});

/** The matrix rows as shown: keys in order, and which rows display. */
const matrixRows = () =>
  page.$$eval('#matrix tbody tr', (rows) =>
    rows.map((tr) => ({ key: tr.dataset.key, name: tr.querySelector('.entity-focus').textContent, shown: getComputedStyle(tr).display !== 'none' })),
  );
const ariaSorts = () => page.$$eval('#matrix thead th', (ths) => ths.map((th) => th.getAttribute('aria-sort')));

/** The report's clusters sorted by `value`, ties in report order. */
function expectedOrder(r, value, dir) {
  return r.comparison.entities
    .map((c, i) => ({ key: c.key, v: value(c), i }))
    .sort((a, b) => dir * (a.v - b.v) || a.i - b.i)
    .map((x) => x.key);
}

test('sorting by a source column puts the entities it names first, most first; a second click reverses', async () => {
  const r = await report();
  const n = r.comparison.entities.length;
  // A source that names some entities and not others, so the order has to change.
  const count = (c, id) => Number(c.sources[id]) || 0;
  const src = r.sources.find((s) => {
    const named = r.comparison.entities.filter((c) => count(c, s.id) > 0).length;
    return named > 0 && named < n;
  });
  assert.ok(src, 'no source leaves out any entity');
  const named = r.comparison.entities.filter((c) => count(c, src.id) > 0).length;
  await selectTab(page, 'matrix');
  const before = await matrixRows();
  assert.deepEqual(before.map((x) => x.key), r.comparison.entities.map((c) => c.key), 'the default order is not the report’s');
  assert.ok((await ariaSorts()).every((a) => a === null), 'aria-sort before any sort');
  const th = page.locator(`#matrix thead th[data-source="${src.id}"]`);
  assert.equal(await th.locator('button').count(), 1, 'the column heading is not a button');
  await th.locator('button').click();

  const desc = await matrixRows();
  assert.deepEqual(desc.map((x) => x.key), expectedOrder(r, (c) => count(c, src.id), -1));
  const firstKeys = new Set(desc.slice(0, named).map((x) => x.key));
  for (const c of r.comparison.entities) assert.equal(firstKeys.has(c.key), count(c, src.id) > 0, `${c.key}: mentioned by ${src.id}?`);
  const heads = await page.$$eval('#matrix thead th', (ths) => ths.map((t) => t.dataset.source || t.className));
  const sorted = heads.indexOf(src.id);
  assert.deepEqual(await ariaSorts(), heads.map((_, i) => (i === sorted ? 'descending' : null)));
  // The rows shown before "Show all" are the first ones of the new order.
  const limit = before.filter((x) => x.shown).length;
  assert.ok(limit > 0 && limit < n, `the example shows ${limit} of ${n} rows`);
  assert.deepEqual(desc.map((x) => x.shown), desc.map((_, i) => i < limit));

  await th.locator('button').click();
  const asc = await matrixRows();
  assert.deepEqual(asc.map((x) => x.key), expectedOrder(r, (c) => count(c, src.id), 1));
  assert.deepEqual(await ariaSorts(), heads.map((_, i) => (i === sorted ? 'ascending' : null)));

  // Omission marks move with their rows.
  for (const c of r.comparison.entities.filter((x) => x.omitted_by.length)) {
    const marked = await page.$$eval(`#matrix tbody tr[data-key="${c.key}"] td.omission`, (tds) => tds.map((td) => td.dataset.source));
    assert.deepEqual(marked.sort(), [...c.omitted_by].sort(), `${c.key}: omission marks after sorting`);
  }
  assert.equal(await page.locator('#matrix td.omission').count(), r.comparison.entities.reduce((a, c) => a + c.omitted_by.length, 0));
  // Click-to-jump still works on a sorted row.
  const top = asc.find((x) => x.shown);
  await page.locator(`#matrix tbody tr[data-key="${top.key}"] .entity-focus`).click();
  assertOnly(await tabState(), 'tab-documents', { focused: false });
  assert.equal((await focusedPlace()).key, top.key);
  await page.click('#focus-note button');
});

test('sorting by keyboard: Enter and Space on the Entity and Total headings', async () => {
  const r = await report();
  await selectTab(page, 'matrix');
  const name = page.locator('#matrix thead th.col-entity button');
  await name.focus();
  await page.keyboard.press('Enter');
  let rows = await matrixRows();
  const collated = (names, dir) =>
    page.evaluate(({ names, dir }) => {
      const c = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
      return names.findIndex((x, i) => i > 0 && dir * c.compare(names[i - 1], x) > 0);
    }, { names, dir });
  assert.equal(await collated(rows.map((x) => x.name), 1), -1, 'rows are not A→Z after Enter');
  assert.deepEqual(new Set(rows.map((x) => x.key)), new Set(r.comparison.entities.map((c) => c.key)));
  assert.equal(await page.getAttribute('#matrix thead th.col-entity', 'aria-sort'), 'ascending');
  assert.equal(await page.evaluate(() => document.activeElement.closest('th')?.className), 'col-entity', 'focus left the heading');
  await page.keyboard.press(' ');
  rows = await matrixRows();
  assert.equal(await collated(rows.map((x) => x.name), -1), -1, 'rows are not Z→A after Space');
  assert.equal(await page.getAttribute('#matrix thead th.col-entity', 'aria-sort'), 'descending');
  // Tab moves along the headings; Enter on Total sorts by total mentions, most first.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('th')?.className), 'col-label', 'Tab does not reach the next heading');
  await page.locator('#matrix thead th.col-total button').focus();
  await page.keyboard.press('Enter');
  const total = (c) => Object.values(c.sources).reduce((a, x) => a + (Number(x) || 0), 0);
  assert.deepEqual((await matrixRows()).map((x) => x.key), expectedOrder(r, total, -1));
  assert.deepEqual(await ariaSorts(), (await page.$$eval('#matrix thead th', (ths) => ths.map((t) => t.classList.contains('col-total') ? 'descending' : null))));
});

test('the matrix is a table with column and row headers and a caption', async () => {
  const r = await report();
  const t = await page.evaluate(() => {
    const table = document.getElementById('matrix');
    return {
      tag: table.tagName,
      caption: table.caption ? table.caption.textContent.trim() : '',
      cols: table.querySelectorAll('thead th[scope="col"]').length,
      rowHeads: table.querySelectorAll('tbody tr > th[scope="row"]:first-child').length,
      rows: table.tBodies[0].rows.length,
    };
  });
  assert.equal(t.tag, 'TABLE');
  assert.ok(t.caption.length > 20, 'no caption');
  assert.equal(t.cols, r.sources.length + 3);
  assert.equal(t.rowHeads, t.rows);
  assert.equal(t.rows, r.comparison.entities.length);
});

test('no request left 127.0.0.1, no console errors, page errors or dialogs', async () => {
  assert.deepEqual(log.requests.filter((u) => !isLocal(u)), []);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  assert.deepEqual(log.dialogs, []);
});
