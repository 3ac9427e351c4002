// The claims board says why: on a small story written for this test (three outlets, one number
// in dispute, a claim only one outlet makes, sentences that are not check-worthy), a group from
// several sources shows its similarity, the names it shares and each member's stance; the
// disputing member is marked; single-source claims that are not check-worthy wait behind a
// "show all" button; a single-source claim's details name its closest claim in another source.
// Assertions are on structure and presence, not on the model's exact numbers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newPage, waitForDone, isLocal, screenshotPath, selectTab } from './helpers.mjs';

const STORY = [
  {
    name: 'Harbour Post',
    text:
      'Fire kills workers at Kessington plant\n\n' +
      'A fire at the Norbridge chemical plant in Kessington killed 12 workers on Tuesday. ' +
      "The plant's owner, Halvorsen Industries, said the cause of the fire was under investigation. " +
      'Inspectors fined the plant $40,000 in 2019 for storing solvents next to a boiler room. ' +
      'It was a grey and quiet morning in the town.',
  },
  {
    name: 'Valley Times',
    text:
      'Twelve dead in Kessington blaze\n\n' +
      'Twelve workers died on Tuesday when a fire swept through the Norbridge chemical plant in Kessington. ' +
      'Halvorsen Industries, which owns the plant, said it was investigating what caused the blaze. ' +
      'Firefighters from three towns fought the flames for six hours. ' +
      'We will keep this page updated.',
  },
  {
    name: 'Coast Radio',
    text:
      'Kessington plant fire\n\n' +
      "Fourteen workers were killed in Tuesday's fire at the Norbridge chemical plant in Kessington. " +
      'Halvorsen Industries said the cause of the fire is still being investigated. ' +
      'Safety inspectors visited the Norbridge plant twice last year. ' +
      'Our thoughts are with the families.',
  },
];

let env;
let page;
let log;
let report;

/** The index of the claim of source `name` whose text includes `words`, and that source's id. */
function find(name, words) {
  const src = report.sources.find((s) => s.name === name);
  assert.ok(src, `no source named ${name}`);
  const i = src.claims.findIndex((c) => c.text.includes(words));
  assert.ok(i >= 0, `${name} has no claim with “${words}”`);
  return { source: src.id, claim: i, c: src.claims[i] };
}

function groupOf({ source, claim }) {
  return report.comparison.claims.find((g) => g.members.some((m) => m.source === source && m.claim === claim));
}

const memberSel = ({ source, claim }) => `#claims-board .member[data-source="${source}"][data-claim="${claim}"]`;

before(async () => {
  env = await start();
  ({ page, log } = await newPage(env.browser));
  await page.goto(env.url);
  await waitForDone(page);
  while ((await page.locator('.remove-source').count()) > 0) await page.locator('.remove-source').first().click();
  for (const s of STORY) {
    await page.click('#add-source');
    const card = page.locator('.source-card').last();
    await card.locator('.source-name').fill(s.name);
    await card.locator('textarea').fill(s.text);
  }
  await page.click('#analyse');
  await waitForDone(page);
  await selectTab(page, 'claims');
  report = await page.evaluate(() => window.__crosscheckReport);
});

after(async () => {
  await env?.close();
});

test('the shared claim is one group of several sources that shows its similarity and the names it shares', async () => {
  const fire = find('Harbour Post', 'killed 12 workers');
  const g = groupOf(fire);
  assert.ok(g, 'the claim is in no group (every claim should be in one)');
  assert.ok(g.sources >= 3, `the fire claim is shared by ${g.sources} source(s), expected all three`);
  assert.equal(typeof g.similarity, 'number');
  assert.ok(g.entities.length >= 1, 'the group shares no entity');
  const el = page.locator(memberSel(fire)).locator('xpath=ancestor::li[contains(@class, "group")]');
  assert.equal(await el.count(), 1);
  const shown = await el.evaluate((node) => ({
    compact: node.classList.contains('compact'),
    similarity: node.querySelector('.group-why .why-similarity dd')?.textContent || '',
    simTitle: node.querySelector('.group-why .why-similarity')?.title || '',
    entities: [...node.querySelectorAll('.group-why .why-entities .chip')].map((c) => c.textContent),
    numbers: node.querySelector('.group-why .why-numbers dd')?.textContent || null,
    visible: !!node.querySelector('.group-why')?.getClientRects().length,
  }));
  assert.equal(shown.compact, false, 'a group of several sources is shown side by side');
  assert.equal(shown.visible, true, 'the “why” line is not visible');
  // A percentage and words, and the number behind them.
  assert.match(shown.similarity, /^\d{1,3}% \((very close|close|fairly close|loose)\)$/);
  assert.equal(shown.similarity.split('%')[0], String(Math.round(g.similarity * 100)));
  assert.match(shown.simTitle, /probability/);
  // Entity keys shown by their cluster's display name.
  const names = new Map(report.comparison.entities.map((c) => [c.key, c.name]));
  assert.deepEqual(shown.entities, g.entities.map((k) => names.get(k) || k));
  assert.ok(shown.entities.some((n) => /Norbridge|Kessington/.test(n)), `shared names: ${shown.entities.join(', ')}`);
  if (g.numbers.length) assert.equal(shown.numbers, g.numbers.join(', '));
  else assert.equal(shown.numbers, null);
});

test('each member of a group from several sources shows its stance in words, with a glyph', async () => {
  const groups = report.comparison.claims.filter((g) => g.sources > 1);
  assert.ok(groups.length >= 1);
  const words = { agrees: 'states it', reports: 'reports it', disputes: 'disputes it' };
  let n = 0;
  for (const g of groups) {
    for (const m of g.members) {
      const tag = page.locator(memberSel(m)).locator('.tag.stance');
      assert.equal(await tag.count(), 1, `${m.source}/${m.claim} has no stance tag`);
      assert.ok(words[m.stance], `unknown stance ${m.stance}`);
      const t = await tag.evaluate((el) => ({ text: el.textContent, glyph: el.querySelector('.glyph')?.getAttribute('aria-hidden'), visible: !!el.getClientRects().length }));
      assert.ok(t.text.endsWith(words[m.stance]), `stance shown as “${t.text}”, report says ${m.stance}`);
      assert.equal(t.glyph, 'true', 'the glyph is a visual cue only (hidden from screen readers, the words say it)');
      assert.equal(t.visible, true);
      assert.equal(await page.locator(memberSel(m)).getAttribute('data-stance'), m.stance);
      n++;
    }
  }
  assert.ok(n >= 4);
  // Single-source claims have no stance: there is nothing to agree with.
  const single = report.comparison.claims.find((g) => g.sources === 1 && g.members.some((m) => report.sources.find((s) => s.id === m.source).claims[m.claim].checkworthy));
  assert.ok(single, 'no check-worthy single-source claim');
  assert.equal(await page.locator(memberSel(single.members[0])).locator('.tag.stance').count(), 0);
});

test('the member that disputes the number is marked, and the conflict detail stays visible', async () => {
  const fourteen = find('Coast Radio', 'Fourteen workers');
  const g = groupOf(fourteen);
  assert.equal(g.status, 'conflicting');
  assert.equal(g.conflict && g.conflict.kind, 'numeric');
  const m = g.members.find((x) => x.source === fourteen.source && x.claim === fourteen.claim);
  assert.equal(m.stance, 'disputes', 'the report does not mark Coast Radio as disputing');
  const member = page.locator(memberSel(fourteen));
  assert.match(await member.locator('.tag.stance').textContent(), /disputes it/);
  assert.ok(await member.evaluate((el) => el.classList.contains('stance-disputes')));
  // Not colour alone: the disputing card has a heavier border than the others, and a glyph.
  const agree = g.members.find((x) => x.stance !== 'disputes');
  const width = (sel) => page.locator(sel).evaluate((el) => parseFloat(getComputedStyle(el).borderTopWidth));
  assert.ok((await width(memberSel(fourteen))) > (await width(memberSel(agree))), 'the disputing member’s border is not heavier');
  assert.equal(await member.locator('.tag.stance .glyph').textContent(), '≠');
  const group = member.locator('xpath=ancestor::li[contains(@class, "group")]');
  const detail = group.locator('.conflict-detail');
  assert.equal(await detail.isVisible(), true);
  const text = await detail.textContent();
  assert.match(text, /Coast Radio/);
  assert.match(text, /Fourteen|14/);
  assert.equal(await group.getAttribute('data-status'), 'conflicting');
  assert.equal(await page.locator('#claims-board .claim-section[data-section="conflicting"] .group').count(), 1);
  await group.screenshot({ path: screenshotPath('why-conflict.png') });
});

test('single-source claims that are not check-worthy are hidden until “show all”, with their count', async () => {
  const singles = report.comparison.claims.filter((g) => g.sources === 1);
  const cw = (g) => g.members.some((m) => report.sources.find((s) => s.id === m.source).claims[m.claim].checkworthy);
  const hidden = singles.filter((g) => !cw(g));
  const shown = singles.filter(cw);
  assert.ok(hidden.length >= 2 && shown.length >= 1, `${shown.length} check-worthy and ${hidden.length} other single-source groups`);
  // The sentences written to be neither check-worthy nor shared.
  const chatter = find('Valley Times', 'keep this page updated');
  assert.equal(chatter.c.checkworthy, false);
  assert.equal(groupOf(chatter).sources, 1);
  const fined = find('Harbour Post', 'Inspectors fined');
  assert.equal(fined.c.checkworthy, true);
  assert.equal(groupOf(fined).sources, 1, 'the claim only Harbour Post makes is grouped with another source');

  const section = page.locator('#claims-board .claim-section[data-section="single"]');
  assert.equal(await section.locator('.section-count').textContent(), String(singles.length), 'the section counts every single-source group');
  assert.match(await page.locator('#claims-board .overview-single').textContent(), new RegExp(`^${singles.length} single-source`));
  assert.equal(await page.locator(memberSel(fined)).isVisible(), true, 'a check-worthy single-source claim is shown');
  assert.equal(await page.locator(memberSel(chatter)).isVisible(), false, 'a claim that is not check-worthy is shown by default');
  for (const g of hidden) for (const m of g.members) assert.equal(await page.locator(memberSel(m)).isVisible(), false);
  assert.equal(await section.locator('.group:visible').count(), shown.length);

  const btn = section.locator('button.show-all-single');
  assert.equal(await btn.getAttribute('aria-expanded'), 'false');
  assert.match(await btn.textContent(), new RegExp(`\\b${hidden.length} hidden\\b`));
  assert.match(await section.locator('.section-note').textContent(), new RegExp(`${hidden.length} claims? that (is|are) not check-worthy`));
  // By keyboard: the button is in the Tab order and Enter works.
  await btn.focus();
  await page.keyboard.press('Enter');
  assert.equal(await btn.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator(`#${await btn.getAttribute('aria-controls')}`).isVisible(), true, 'aria-controls names the list it shows');
  assert.equal(await page.locator(memberSel(chatter)).isVisible(), true, 'show all does not show the hidden claim');
  for (const g of hidden) for (const m of g.members) assert.equal(await page.locator(memberSel(m)).isVisible(), true);
  assert.equal(await section.locator('.group:visible').count(), singles.length);
  assert.match(await page.locator(memberSel(chatter)).locator('.tag.not-checkworthy').textContent(), /not check-worthy/);
  // Revealed members can be selected for a ClaimReview draft like the others.
  assert.equal(await page.locator(memberSel(chatter)).locator('input.select-claim').count(), 1);
  await page.locator('#claims-board').evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await page.locator('#report').screenshot({ path: screenshotPath('why-single-all.png') });
  await btn.click();
  assert.equal(await btn.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator(memberSel(chatter)).isVisible(), false);
});

test('the board lists groups by number of sources, then by the highest check-worthiness', async () => {
  const sections = await page.$$eval('#claims-board .claim-section', (els) =>
    els.map((el) => [...el.querySelectorAll('.group')].map((g) => [...g.querySelectorAll('.member')].map((m) => [m.dataset.source, Number(m.dataset.claim)]))),
  );
  const score = (s, c) => report.sources.find((x) => x.id === s).claims[c].score;
  for (const groups of sections) {
    const keys = groups.map((ms) => [new Set(ms.map(([s]) => s)).size, Math.max(...ms.map(([s, c]) => score(s, c)))]);
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1], keys[i]];
      assert.ok(a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]), `group ${i} (${b}) is listed after ${a}`);
    }
  }
});

test('the details of a single-source claim show its closest claim in another source', async () => {
  const fined = find('Harbour Post', 'Inspectors fined');
  const cl = fined.c.closest;
  assert.ok(cl, 'the claim only Harbour Post makes has no closest claim (Coast Radio’s inspectors visit shares words with it)');
  const other = report.sources.find((s) => s.id === cl.source);
  assert.notEqual(other.id, fined.source, 'the closest claim is in the same source');
  await selectTab(page, 'documents');
  await page.locator(`#claim-${fined.source}-${fined.claim}`).focus();
  const pop = page.locator('#details');
  await pop.waitFor({ state: 'visible' });
  const rows = await pop.evaluate((el) => Object.fromEntries([...el.querySelectorAll('.d-row')].map((r) => [r.querySelector('dt').textContent, r.querySelector('dd').textContent])));
  assert.match(rows.group, /single source/);
  assert.ok(rows.closest, `no “closest” row: ${JSON.stringify(rows)}`);
  assert.ok(rows.closest.startsWith(`in ${other.name}: “`), rows.closest);
  assert.ok(rows.closest.includes(other.claims[cl.claim].text.slice(0, 30)), 'the closest claim’s text is not shown');
  assert.match(rows.closest, new RegExp(`similarity ${Math.round(cl.similarity * 100)}%`));
  assert.equal(rows.stance, undefined, 'a single-source claim has no stance');
  assert.doesNotMatch(await pop.textContent(), /0\.3|not grouped/, 'the old “score below 0.3” wording is back');
  await page.screenshot({ path: screenshotPath('why-closest.png') });
  // A member of the shared claim: its group, its similarity and its stance.
  const fourteen = find('Coast Radio', 'Fourteen workers');
  await page.locator(`#claim-${fourteen.source}-${fourteen.claim}`).focus();
  await page.waitForFunction(() => /stance/.test(document.getElementById('details').textContent));
  const multi = await pop.evaluate((el) => Object.fromEntries([...el.querySelectorAll('.d-row')].map((r) => [r.querySelector('dt').textContent, r.querySelector('dd').textContent])));
  assert.match(multi.group, /^conflicting — 3 sources, \d+ origins?, similarity \d+% \(/);
  assert.equal(multi.stance, 'disputes it');
  assert.match(multi.conflict, /Coast Radio/);
  assert.equal(multi.closest, undefined);
  await page.keyboard.press('Escape');
});

test('no request left 127.0.0.1, no console errors, page errors or dialogs', () => {
  assert.deepEqual(log.requests.filter((u) => !isLocal(u)), []);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  assert.deepEqual(log.dialogs, []);
});
