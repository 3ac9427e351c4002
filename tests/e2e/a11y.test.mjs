// Dark mode from the system setting (AA contrast of the main text colours), a print stylesheet,
// and keyboard-focusable highlights with a visible focus ring.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, waitForDone, screenshotPath } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

function lum([r, g, b]) {
  const f = (c) => {
    c /= 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
const rgb = (s) => s.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
const contrast = (a, b) => {
  const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

test('dark mode: dark background, AA contrast for text, status and panel text', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 1000 }, colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(env.url);
  await waitForDone(page);
  const c = await page.evaluate(() => {
    const cs = (sel, p = 'color') => getComputedStyle(document.querySelector(sel))[p];
    return {
      bodyBg: cs('body', 'backgroundColor'),
      bodyFg: cs('body'),
      panelBg: cs('.panel', 'backgroundColor'),
      heading: cs('.panel h2'),
      hint: cs('.hint'),
    };
  });
  assert.ok(lum(rgb(c.bodyBg)) < 0.05, `body background is not dark: ${c.bodyBg}`);
  assert.ok(contrast(c.bodyFg, c.bodyBg) >= 4.5, `body text contrast ${contrast(c.bodyFg, c.bodyBg)}`);
  assert.ok(contrast(c.heading, c.panelBg) >= 4.5, 'heading contrast');
  assert.ok(contrast(c.hint, c.panelBg) >= 4.5, `hint contrast ${contrast(c.hint, c.panelBg)}`);
  // Every matrix cell, claim card and badge: its own text against its own background (or the
  // nearest painted ancestor's), so no light surface of the light theme is left behind.
  const pairs = await page.evaluate(() => {
    const paint = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const bg = getComputedStyle(e).backgroundColor;
        if (bg && !bg.startsWith('rgba(0, 0, 0, 0)') && bg !== 'transparent') return bg;
      }
      return getComputedStyle(document.body).backgroundColor;
    };
    const kinds = ['table.matrix td.count', 'table.matrix thead th', '.member-text', '.member-source', '.tag', '.badge', '.summary'];
    return kinds.flatMap((k) => [...document.querySelectorAll(k)].slice(0, 40)).map((el) => ({
      what: el.className || el.tagName,
      fg: getComputedStyle(el).color,
      bg: paint(el),
    }));
  });
  assert.ok(pairs.length > 50, `only ${pairs.length} elements checked`);
  const poor = pairs.filter((p) => contrast(p.fg, p.bg) < 4.5);
  assert.deepEqual(poor.slice(0, 5), [], `${poor.length} elements below AA contrast in dark mode`);
  await page.evaluate(() => document.getElementById('results').scrollIntoView());
  await page.screenshot({ path: screenshotPath('dark.png') });
  await context.close();
});

test('print: the editor, export and popover are hidden; the annotated texts are shown', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(env.url);
  await waitForDone(page);
  await page.emulateMedia({ media: 'print' });
  const v = await page.evaluate(() => ({
    sources: getComputedStyle(document.getElementById('sources-panel')).display,
    exp: getComputedStyle(document.getElementById('export')).display,
    docs: getComputedStyle(document.getElementById('documents')).display,
  }));
  assert.equal(v.sources, 'none');
  assert.equal(v.exp, 'none');
  assert.notEqual(v.docs, 'none');
  await context.close();
});

test('highlights are reachable by Tab and show a visible focus ring', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(env.url);
  await waitForDone(page);
  await page.locator('.doc').first().focus();
  await page.keyboard.press('Tab');
  const f = await page.evaluate(() => {
    const el = document.activeElement;
    return { cls: el.className, outline: getComputedStyle(el).outlineStyle, tabindex: el.getAttribute('tabindex') };
  });
  assert.match(f.cls, /\b(claim|ent)\b/);
  assert.equal(f.tabindex, '0');
  assert.notEqual(f.outline, 'none');
  assert.equal(await page.isVisible('#details'), true);
  await context.close();
});
