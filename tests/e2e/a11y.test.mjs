// Dark mode from the system setting (AA contrast of the main text colours), the result tabs in
// light and dark (contrast, focus ring), a print stylesheet, and keyboard-focusable highlights
// with a visible focus ring.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, waitForDone, screenshotPath, selectTab } from './helpers.mjs';

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
    const kinds = ['table.matrix td.count', 'table.matrix thead th', 'table.matrix button.sort', '.member-text', '.member-source', '.tag', '.badge', '.summary', '.tab', '.doc', '.boilerplate'];
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

for (const colorScheme of ['light', 'dark']) {
  test(`${colorScheme} mode: the result tabs and sort headings have AA contrast and a visible focus ring`, async () => {
    const context = await env.browser.newContext({ viewport: { width: 1400, height: 1000 }, colorScheme });
    const page = await context.newPage();
    await page.goto(env.url);
    await waitForDone(page);
    await selectTab(page, 'matrix');
    // Sort a column so a heading with an arrow is in the picture.
    await page.locator('table.matrix thead th.col-total button.sort').click();
    // Keyboard focus on the selected tab (an arrow key press, so the focus ring is the keyboard one).
    await page.locator('#tab-matrix').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    const c = await page.evaluate(() => {
      const paint = (el) => {
        for (let e = el; e; e = e.parentElement) {
          const bg = getComputedStyle(e).backgroundColor;
          if (bg && !bg.startsWith('rgba(0, 0, 0, 0)') && bg !== 'transparent') return bg;
        }
        return getComputedStyle(document.body).backgroundColor;
      };
      const pick = (sel) => [...document.querySelectorAll(sel)].map((el) => ({ what: `${sel} ${el.id || el.textContent.trim()}`, fg: getComputedStyle(el).color, bg: paint(el) }));
      const tab = document.activeElement;
      const line = getComputedStyle(tab).borderBottomColor;
      return {
        pairs: [...pick('.tab'), ...pick('table.matrix button.sort')],
        focused: tab.id,
        outline: getComputedStyle(tab).outlineStyle,
        outlineColor: getComputedStyle(tab).outlineColor,
        underline: line,
        tabBg: paint(tab),
      };
    });
    assert.ok(c.pairs.length >= 9, `only ${c.pairs.length} elements checked`);
    const poor = c.pairs.filter((p) => contrast(p.fg, p.bg) < 4.5).map((p) => `${p.what}: ${contrast(p.fg, p.bg).toFixed(2)}`);
    assert.deepEqual(poor, [], `below AA contrast in ${colorScheme} mode`);
    assert.equal(c.focused, 'tab-matrix');
    assert.notEqual(c.outline, 'none', 'the focused tab has no focus ring');
    // Non-text contrast (3:1) for the focus ring and the selected tab's underline.
    assert.ok(contrast(c.outlineColor, c.tabBg) >= 3, `focus ring contrast ${contrast(c.outlineColor, c.tabBg)}`);
    assert.ok(contrast(c.underline, c.tabBg) >= 3, `selected tab underline contrast ${contrast(c.underline, c.tabBg)}`);
    await page.evaluate(() => document.getElementById('report').scrollIntoView());
    await page.screenshot({ path: screenshotPath(`tabs-${colorScheme}.png`) });
    await context.close();
  });
}

test('print: the editor, export, tabs and popover are hidden; the annotated texts and every tab panel are shown', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(env.url);
  await waitForDone(page);
  await page.emulateMedia({ media: 'print' });
  const v = await page.evaluate(() => ({
    sources: getComputedStyle(document.getElementById('sources-panel')).display,
    exp: getComputedStyle(document.getElementById('export')).display,
    docs: getComputedStyle(document.getElementById('documents')).display,
    // Every result tab's panel prints, not only the selected one; the tab strip does not.
    panels: [...document.querySelectorAll('[role="tabpanel"]')].map((p) => getComputedStyle(p).display),
    tabs: getComputedStyle(document.querySelector('[role="tablist"]')).display,
  }));
  assert.equal(v.sources, 'none');
  assert.equal(v.exp, 'none');
  assert.notEqual(v.docs, 'none');
  assert.equal(v.panels.length, 3);
  for (const d of v.panels) assert.notEqual(d, 'none');
  assert.equal(v.tabs, 'none');
  await context.close();
});

test('highlights are reachable by Tab and show a visible focus ring', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(env.url);
  await waitForDone(page);
  await selectTab(page, 'documents', { keyboard: true });
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
