// Measures the page with a long paste, as a visitor would meet it: the longest main-thread task
// (a `longtask` PerformanceObserver) while analysing, drawing the results, scrolling through
// them and switching tabs, and the time from the click on Analyse to the results on screen
// against the worker's own analysis time. Shared by tests/e2e/long.test.mjs and
// scripts/bench-page.mjs.
import { newPage, waitForDone, selectTab } from './helpers.mjs';

/**
 * Texts of `sizes[k]` characters each, cut from the example articles repeated (each from its own
 * offset, so two sources are not the same text).
 */
export async function exampleTexts(page, sizes) {
  const one = await page.$$eval('.source-card textarea', (tas) => tas.map((t) => t.value).join('\n\n'));
  return sizes.map((size, k) => {
    const from = (k * 997) % one.length;
    return one.repeat(Math.ceil((size + from) / one.length) + 1).slice(from, from + size);
  });
}

/**
 * The longest task (ms) that ran in [from, to] (page clock; a task that began before `from` and
 * ran into it counts, as the click's own task does), 0 when none took 50 ms.
 */
function longest(tasks, from, to) {
  return tasks.filter((t) => t.start <= to && t.start + t.duration >= from).reduce((m, t) => Math.max(m, t.duration), 0);
}

const frames = (page, n = 2) =>
  page.evaluate((n) => new Promise((resolve) => {
    const step = (k) => (k ? requestAnimationFrame(() => step(k - 1)) : resolve());
    step(n);
  }), n);

/**
 * Load the page, replace its sources with texts of `sizes` characters, analyse, then scroll the
 * results and switch each tab. Returns the figures; `timeout` bounds the analysis.
 */
export async function measureLong(browser, url, sizes, { timeout = 120_000 } = {}) {
  const { page, context, log } = await newPage(browser);
  try {
    await page.goto(url);
    await waitForDone(page);
    const texts = await exampleTexts(page, sizes);
    // Keep as many source cards as texts.
    while ((await page.locator('.source-card').count()) > sizes.length) {
      await page.locator('.source-card .remove-source').last().click();
    }
    for (let k = 0; k < sizes.length; k++) {
      await page.locator('.source-card textarea').nth(k).evaluate((ta, t) => {
        ta.value = t;
        ta.dispatchEvent(new Event('input', { bubbles: true }));
      }, texts[k]);
    }
    // The debounced save of the pasted texts runs before the click, as it would for a visitor
    // who pastes, looks, then presses Analyse.
    await page.waitForTimeout(1500);
    await frames(page);
    await page.evaluate(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
      window.__measure = { clicked: null, shown: null };
      delete window.__crosscheckTiming;
      document.getElementById('analyse').addEventListener('click', () => {
        window.__measure.clicked = performance.now();
        // The first frame drawn with the results (the page gives its timing once it has drawn
        // them): rAF callbacks run just before the paint.
        const watch = () => {
          if (window.__crosscheckTiming && !document.getElementById('results').hidden) window.__measure.shown = performance.now();
          else requestAnimationFrame(watch);
        };
        requestAnimationFrame(watch);
      }, { capture: true, once: true });
    });
    await page.click('#analyse');
    await waitForDone(page, timeout);
    await page.waitForFunction(() => window.__measure.shown !== null);
    // Whatever the page draws after the first frame (the rest of a long list or text) counts too.
    await page.waitForTimeout(1500);
    await frames(page);
    const t = await page.evaluate(() => ({ ...window.__measure, now: performance.now(), timing: window.__crosscheckTiming || null, status: document.getElementById('status').textContent }));
    const phases = { analysing: [t.clicked, t.shown], drawing: [t.shown, t.now] };
    // Switch to each tab, and scroll each long panel to its end and back.
    for (const tab of ['matrix', 'documents', 'claims', 'documents']) {
      const from = await page.evaluate(() => performance.now());
      await selectTab(page, tab);
      await frames(page);
      await page.waitForTimeout(300);
      // A tab shown a second time is measured apart: the first time may draw what the second re-uses.
      phases[`tab ${tab}` in phases ? `tab ${tab} again` : `tab ${tab}`] = [from, await page.evaluate(() => performance.now())];
    }
    const from = await page.evaluate(() => performance.now());
    for (const y of [0.25, 0.5, 0.75, 1, 0]) {
      await page.evaluate((y) => window.scrollTo(0, y * (document.documentElement.scrollHeight - innerHeight)), y);
      await frames(page);
      await page.waitForTimeout(200);
    }
    phases.scrolling = [from, await page.evaluate(() => performance.now())];
    await page.waitForTimeout(200);
    const tasks = await page.evaluate(() => window.__longTasks);
    const longestByPhase = Object.fromEntries(Object.entries(phases).map(([k, [a, b]]) => [k, Math.round(longest(tasks, a, b))]));
    const statusMs = (() => {
      const m = /in ([\d,.]+) (ms|s)\b/.exec(t.status);
      if (!m) return null;
      const v = Number(m[1].replace(/,/g, ''));
      return m[2] === 's' ? v * 1000 : v;
    })();
    const out = {
      sizes,
      chars: sizes.reduce((a, b) => a + b, 0),
      longest: Math.max(...Object.values(longestByPhase)),
      longestByPhase,
      shownMs: Math.round(t.shown - t.clicked),
      analysisMs: t.timing ? Math.round(t.timing.analysis) : null,
      statusMs,
      status: t.status,
      elements: await page.evaluate(() => document.getElementsByTagName('*').length),
      // The report as the page put it together from the worker's pieces: its claims, and the
      // members of its claim groups (each claim is in exactly one group).
      ...(await page.evaluate(() => {
        const r = window.__crosscheckReport;
        const seen = new Set();
        let members = 0;
        for (const g of r.comparison.claims) {
          for (const m of g.members) {
            seen.add(`${m.source}\u0000${m.claim}`);
            members++;
          }
        }
        return { claims: r.sources.reduce((n, s) => n + s.claims.length, 0), members, memberClaims: seen.size };
      })),
      pageErrors: log.pageErrors,
    };
    out.ratio = out.analysisMs ? out.shownMs / out.analysisMs : null;
    return out;
  } finally {
    await context.close();
  }
}
