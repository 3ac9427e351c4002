// The comparison on the page: the claims board (conflicting / drift / corroborated / single-source
// groups with origins, certainty and a jump to each sentence), omissions in the entity matrix, the
// per-source "how it reports" summary, and `via` in claim details.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newPage, waitForDone, isLocal, screenshotPath, selectTab } from './helpers.mjs';

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

/**
 * The report the page rendered (main.js puts it on window). Should that ever be missing, the same
 * report from the wasm package, so each test below still fails on its own feature.
 */
const report = () =>
  page.evaluate(async () => {
    if (window.__crosscheckReport) return window.__crosscheckReport;
    const { default: init, analyze } = await import('./pkg/crosscheck.js');
    await init();
    const sources = [...document.querySelectorAll('.source-card')].map((card, i) => ({
      id: card.dataset.sourceId,
      name: card.querySelector('.source-name').value.trim() || `Source ${i + 1}`,
      text: card.querySelector('.source-text').value,
    }));
    return analyze(sources);
  });

test('the page exposes the report it rendered, with the comparison fields', async () => {
  assert.equal(await page.evaluate(() => typeof window.__crosscheckReport), 'object', 'window.__crosscheckReport is missing');
  const r = await report();
  assert.ok(Array.isArray(r.sources) && r.sources.length === 5);
  for (const g of r.comparison.claims) {
    assert.ok(['corroborated', 'single_source', 'conflicting'].includes(g.status), `unknown status ${g.status}`);
    assert.equal(typeof g.origins, 'number');
    assert.equal(typeof g.drift, 'boolean');
  }
});

test('the claims board has the four sections, each group in the right one', async () => {
  const r = await report();
  // Single-source claims that are not check-worthy are built when shown: show them all first.
  const more = page.locator('#claims-board button.show-all-single');
  assert.equal(await more.count(), 1, 'the example has single-source claims that are not check-worthy');
  await more.click();
  const sections = await page.$$eval('#claims-board .claim-section', (els) =>
    els.map((el) => ({
      id: el.dataset.section,
      title: el.querySelector('.section-title').textContent,
      groups: el.querySelectorAll('.group').length,
      count: Number(el.querySelector('.section-count').textContent),
      overview: Number(document.querySelector(`#claims-board .overview-${el.dataset.section} .n`).textContent),
    })),
  );
  await more.click(); // back to the default view for the tests below
  assert.deepEqual(sections.map((s) => s.id), ['conflicting', 'drift', 'corroborated', 'single']);
  assert.match(sections[0].title, /^Conflicting/);
  assert.match(sections[1].title, /^Drift/);
  assert.match(sections[2].title, /^Corroborated/);
  assert.match(sections[3].title, /^Single-source/);
  const want = { conflicting: 0, drift: 0, corroborated: 0, single: 0 };
  for (const g of r.comparison.claims) {
    if (g.status === 'conflicting') want.conflicting++;
    else if (g.drift) want.drift++;
    else if (g.status === 'corroborated') want.corroborated++;
    else want.single++;
  }
  assert.deepEqual(Object.fromEntries(sections.map((s) => [s.id, s.groups])), want);
  assert.deepEqual(Object.fromEntries(sections.map((s) => [s.id, s.count])), want, 'section counts');
  assert.deepEqual(Object.fromEntries(sections.map((s) => [s.id, s.overview])), want, 'overview counts');
  // Every member of every group is on the board once.
  const members = r.comparison.claims.reduce((a, g) => a + g.members.length, 0);
  assert.equal(await page.locator('#claims-board .member').count(), members);
});

test('a corroborated or drifting group shows members from 2+ sources side by side, with certainty and origins', async () => {
  const r = await report();
  const names = new Map(r.sources.map((s) => [s.id, s.name]));
  const groups = page.locator('#claims-board .claim-section:is([data-section="corroborated"], [data-section="drift"]) .group');
  const n = await groups.count();
  assert.ok(n >= 1, 'no group under Corroborated or Drift');
  let checked = 0;
  for (let i = 0; i < n; i++) {
    const g = await groups.nth(i).evaluate((el) => ({
      sources: Number(el.dataset.sources),
      origins: Number(el.dataset.origins),
      drift: el.dataset.drift,
      memberSources: [...el.querySelectorAll('.member')].map((m) => m.dataset.source),
      memberNames: [...el.querySelectorAll('.member .member-source')].map((m) => m.textContent),
      certainties: [...el.querySelectorAll('.member .tag.certainty')].map((t) => t.textContent),
      stances: [...el.querySelectorAll('.member .tag.stance')].map((t) => t.textContent),
      similarity: el.querySelector('.group-why .why-similarity dd')?.textContent || '',
      texts: [...el.querySelectorAll('.member .member-text')].map((t) => t.textContent),
      originsText: el.querySelector('.origins')?.textContent || '',
      driftText: el.querySelector('.drift-detail')?.textContent || '',
      columns: getComputedStyle(el.querySelector('.members')).gridTemplateColumns.split(' ').length,
    }));
    if (new Set(g.memberSources).size < 2) continue;
    checked++;
    assert.ok(g.sources >= 2);
    assert.deepEqual(g.memberNames, g.memberSources.map((id) => names.get(id)));
    assert.equal(g.certainties.length, g.memberSources.length, 'a member has no certainty badge');
    for (const c of g.certainties) assert.match(c, /^(asserted|attributed|hedged|alleged|denied)$/);
    assert.equal(g.stances.length, g.memberSources.length, 'a member has no stance');
    for (const t of g.stances) assert.match(t, /(states|reports|disputes) it$/);
    assert.match(g.similarity, /^\d{1,3}% \(/, 'the group does not show its similarity');
    assert.ok(g.texts.every((t) => t.length > 10), 'a member has no sentence');
    assert.match(g.originsText, new RegExp(`^${g.sources} sources, ${g.origins} independent origins?`));
    if (g.origins < g.sources) assert.match(g.originsText, /relay one origin/);
    if (g.drift === 'true') assert.match(g.driftText, /Certainty drifts/);
    assert.ok(g.columns >= 2, `members are not side by side (${g.columns} column)`);
  }
  assert.ok(checked >= 1, 'no Corroborated/Drift group has members from two sources');
  // The sentence text is the claim's text in the report.
  const first = r.comparison.claims.find((g) => g.sources >= 2);
  const m = first.members[0];
  const want = r.sources.find((s) => s.id === m.source).claims[m.claim].text;
  const shown = await page
    .locator(`#claims-board .member[data-source="${m.source}"][data-claim="${m.claim}"] .member-text`)
    .first()
    .textContent();
  assert.equal(shown, want);
});

test('"Show in text" scrolls to the sentence in its source and focuses and flashes it', async () => {
  // Start from the top of the page, so the sentence is far away.
  await page.evaluate(() => window.scrollTo(0, 0));
  const members = page.locator('#claims-board .claim-section:is([data-section="corroborated"], [data-section="drift"]) .member');
  assert.ok((await members.count()) >= 2, 'no Corroborated/Drift group to jump from');
  const member = members.last();
  assert.equal(await member.locator('.jump').count(), 1, 'the member has no "Show in text" control');
  const source = await member.getAttribute('data-source');
  const claim = await member.getAttribute('data-claim');
  await member.locator('.jump').click({ timeout: 5000 });
  const out = await page.evaluate(
    ({ source, claim }) => {
      const el = document.activeElement;
      const doc = el && el.closest('.doc');
      const r = el.getBoundingClientRect();
      const d = doc ? doc.getBoundingClientRect() : null;
      return {
        isClaim: el.classList.contains('claim'),
        source: doc && doc.dataset.sourceId,
        index: el.dataset.index,
        flash: el.classList.contains('flash'),
        inWindow: r.bottom > 0 && r.top < window.innerHeight,
        inDoc: !!d && r.bottom > d.top && r.top < d.bottom,
        scrolled: window.scrollY > 0,
      };
    },
    { source, claim },
  );
  assert.equal(out.isClaim, true, 'the focused element is not a claim sentence');
  assert.equal(out.source, source);
  assert.equal(out.index, claim);
  assert.equal(out.flash, true, 'the sentence is not flashed');
  assert.equal(out.scrolled, true, 'the page did not scroll');
  assert.equal(out.inWindow, true, 'the sentence is not in the window');
  assert.equal(out.inDoc, true, 'the sentence is not scrolled into view in its source text');
  // The flash goes away by itself.
  await page.waitForFunction(() => !document.querySelector('.claim.flash'), null, { timeout: 5000 });
});

test('matrix rows use the display name, list every name, and mark omissions', async () => {
  const r = await report();
  const isis = r.comparison.entities.find((c) => c.key === 'isis');
  assert.ok(isis, 'no "isis" cluster');
  const row = page.locator('#matrix tbody tr[data-key="isis"]');
  assert.equal(await row.locator('.entity-focus').textContent(), isis.name);
  const th = await row.locator('th[scope="row"]').evaluate((el) => ({ title: el.title, text: el.textContent }));
  for (const n of isis.names) assert.ok(th.title.includes(n), `row title lacks the name ${n}`);
  for (const n of isis.names.filter((x) => x !== isis.name)) assert.ok(th.text.includes(n), `row does not show the name ${n}`);

  const omitted = r.comparison.entities.filter((c) => c.omitted_by.length);
  assert.ok(omitted.length >= 1, 'the example report has no omission');
  assert.ok(omitted.some((c) => c.key === 'istanbul'), 'expected "istanbul" to be omitted by a source');
  for (const c of omitted) {
    const cells = await page.locator(`#matrix tbody tr[data-key="${c.key}"] td[data-source]`).evaluateAll((tds) =>
      tds.map((td) => ({ source: td.dataset.source, omission: td.classList.contains('omission'), title: td.title, text: td.textContent.trim() })),
    );
    assert.equal(cells.length, r.sources.length, `row ${c.key}`);
    for (const cell of cells) {
      const want = c.omitted_by.includes(cell.source);
      assert.equal(cell.omission, want, `${c.key} / ${cell.source}: omission mark ${cell.omission}, report says ${want}`);
      if (want) {
        assert.equal(cell.title, 'named by most sources, not by this one');
        assert.match(cell.text, /omitted/i);
      }
    }
  }
  // No other cell is marked.
  const marked = await page.locator('#matrix td.omission').count();
  assert.equal(marked, omitted.reduce((a, c) => a + c.omitted_by.length, 0));
});

test('each source summary shows shares, citations, exclusive claims and what it leaves out', async () => {
  const r = await report();
  const names = new Map(r.comparison.entities.map((c) => [c.key, c.name]));
  for (const src of r.sources) {
    const card = page.locator(`#src-${src.id} .summary`);
    const shown = await card.evaluate((el) => ({
      shares: Object.fromEntries([...el.querySelectorAll('.share')].map((s) => [s.dataset.share, s.querySelector('.share-pct').textContent])),
      facts: Object.fromEntries([...el.querySelectorAll('.fact')].map((f) => [f.querySelector('dt').textContent, f.querySelector('dd').textContent])),
    }));
    const s = src.summary;
    for (const k of ['attributed_share', 'anonymous_share', 'hedged_share']) {
      assert.equal(shown.shares[k], `${Math.round(s[k] * 100)}%`, `${src.id} ${k}`);
    }
    if (s.cites.length) for (const c of s.cites) assert.ok(shown.facts.Cites.includes(c), `${src.id}: cites lacks ${c}`);
    const n = s.exclusive_claims.length;
    assert.equal(shown.facts['Only here'], `${n} claim${n === 1 ? '' : 's'}`, src.id);
    if (s.omits.length) assert.equal(shown.facts['Leaves out'], s.omits.map((k) => names.get(k) || k).join(', '), src.id);
    else assert.equal(shown.facts['Leaves out'], undefined, src.id);
  }
  const s3 = r.sources.find((s) => s.id === 's3');
  assert.ok(s3.summary.omits.includes('istanbul'));
  assert.match(await page.locator('#src-s3 .fact-omits dd').textContent(), /Istanbul/);
});

test('a claim attributed via an outlet says so in its details', async () => {
  // An outlet between the source and the reader ("told CNN"), not one that is the source.
  const r = await report();
  let found = null;
  for (const s of r.sources) {
    s.claims.forEach((c, i) => {
      const { via, source } = c.attribution;
      const apart = via && !(source && source.start <= via.start && via.end <= source.end);
      if (!found && apart) found = { source: s.id, index: i, via: via.text };
    });
  }
  assert.ok(found, 'no claim with attribution.via in the example');
  const title = await page.locator(`#claim-${found.source}-${found.index}`).getAttribute('title');
  assert.ok(title.includes(`via ${found.via}`), `claim title lacks "via ${found.via}": ${title}`);
});

test('screenshot of the comparison', async () => {
  // The claims board and the matrix are two tabs of the results now: one picture of each.
  await selectTab(page, 'claims');
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.getElementById('claims-board').scrollTop = 0;
  });
  const el = page.locator('#report');
  const png = await el.screenshot({ path: screenshotPath('comparison.png') });
  assert.ok(png.length > 10_000, 'screenshot is suspiciously small');
  await selectTab(page, 'matrix');
  const matrix = await el.screenshot({ path: screenshotPath('comparison-matrix.png') });
  assert.ok(matrix.length > 10_000, 'screenshot is suspiciously small');
});

test('two sources that disagree on a number give a Conflicting group with the numbers', async () => {
  const texts = [
    'Some 2,000 ISIS fighters crossed into Turkey last year, officials said.',
    'More than 5,000 ISIS fighters crossed into Turkey last year, the ministry said.',
  ];
  while ((await page.locator('.remove-source').count()) > 0) await page.locator('.remove-source').first().click();
  for (const [i, t] of texts.entries()) {
    await page.click('#add-source');
    const card = page.locator('.source-card').last();
    await card.locator('.source-name').fill(`Outlet ${i + 1}`);
    await card.locator('textarea').fill(t);
  }
  await page.click('#analyse');
  await waitForDone(page);
  await selectTab(page, 'claims');
  const groups = page.locator('#claims-board .claim-section[data-section="conflicting"] .group');
  assert.equal(await groups.count(), 1, 'no Conflicting group');
  const g = groups.first();
  const detail = await g.locator('.conflict-detail').textContent();
  assert.match(detail, /2,000/);
  assert.match(detail, /5,000/);
  assert.match(detail, /Outlet 1/, 'the detail names the source by id, not by name');
  assert.equal(await g.locator('.badge-conflicting').count(), 1);
  assert.deepEqual(await g.locator('.member .member-source').allTextContents(), ['Outlet 1', 'Outlet 2']);
  assert.match(await g.locator('.origins').textContent(), /^2 sources, 2 independent origins/);
  await g.screenshot({ path: screenshotPath('conflict.png') });
});

test('no request left 127.0.0.1, no console errors, page errors or dialogs', async () => {
  assert.deepEqual(log.requests.filter((u) => !isLocal(u)), []);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  assert.deepEqual(log.dialogs, []);
});
