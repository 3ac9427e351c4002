// Paste a story into the page and screenshot the board and the matrix (a manual check).
import { readFileSync } from 'node:fs';
import { start, newPage, waitForDone, selectTab } from '/work/main/tests/e2e/helpers.mjs';
const [dir, ...files] = process.argv.slice(2);
const env = await start();
const { page } = await newPage(env.browser, { viewport: { width: 1400, height: 2200 } });
await page.goto(env.url);
await page.waitForSelector('#analyse'); await page.waitForLoadState('networkidle'); await page.waitForTimeout(500);
while ((await page.locator('.remove-source').count()) > 0) await page.locator('.remove-source').first().click();
for (const f of files) {
  await page.click('#add-source');
  const card = page.locator('.source-card').last();
  await card.locator('.source-name').fill(f.replace('.txt', ''));
  await card.locator('textarea').fill(readFileSync(`${dir}/${f}`, 'utf8'));
}
await page.click('#analyse');
await waitForDone(page);
await selectTab(page, 'claims');
await page.locator('#report').screenshot({ path: `${dir}/board.png` });
console.log((await page.locator('#claims-board').innerText()).slice(0, 6000));
await selectTab(page, 'matrix');
await page.locator('#report').screenshot({ path: `${dir}/matrix.png` });
await env.close();
