// Pasted text is data, never markup: a hostile source is shown verbatim and runs nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newPage, waitForDone, isLocal } from './helpers.mjs';

const HOSTILE = '<img src=x onerror=alert(1)> <script>alert(2)</script> Turkey said 5 people died.';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test('a pasted source with HTML is rendered as text and runs nothing', async () => {
  const { page, log } = await newPage(env.browser);
  let dialog = false;
  page.on('dialog', () => {
    dialog = true;
  });
  await page.goto(env.url);
  await waitForDone(page);

  await page.click('#add-source');
  const card = page.locator('.source-card').last();
  const id = await card.getAttribute('data-source-id');
  await card.locator('.source-name').fill('<b>Hostile</b> "outlet" <img src=y onerror=alert(3)>');
  await card.locator('textarea').fill(HOSTILE);
  await page.click('#analyse');
  await waitForDone(page);
  // Give any injected handler a chance to run before checking.
  await page.waitForTimeout(300);

  const doc = page.locator(`.doc[data-source-id="${id}"]`);
  assert.equal(await doc.count(), 1, 'the new source was not rendered');
  const text = await doc.textContent();
  assert.ok(text.includes(HOSTILE), `rendered text lost the input: ${JSON.stringify(text)}`);
  assert.equal(text, HOSTILE);
  assert.equal(await doc.locator('img, script, iframe, object, embed, svg').count(), 0);
  // Nowhere in the results either (source name in headings, matrix, claims board).
  assert.equal(await page.locator('#results img, #results script').count(), 0);
  assert.equal(await page.locator('#results b', { hasText: 'Hostile' }).count(), 0);
  const heading = await page.locator(`#src-${id} h3`).textContent();
  assert.equal(heading, '<b>Hostile</b> "outlet" <img src=y onerror=alert(3)>');
  const th = await page.locator(`#matrix thead th[data-source="${id}"]`).textContent();
  assert.equal(th, heading);
  // The analysis still found the entity in the text.
  assert.ok((await doc.locator('mark.ent').count()) > 0, 'no entity highlighted in the hostile source');
  // Editor still holds the text exactly.
  assert.equal(await card.locator('textarea').inputValue(), HOSTILE);

  assert.equal(dialog, false, 'a dialog fired');
  assert.deepEqual(log.dialogs, []);
  // No element fetched "x"/"y" (an <img> would have).
  assert.deepEqual(log.requests.filter((u) => /\/[xy](\?|$)/.test(u)), []);
  assert.deepEqual(log.requests.filter((u) => !isLocal(u)), []);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await page.context().close();
});
