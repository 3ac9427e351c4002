// Shared set-up for the browser tests: the in-process static server and headless Chromium.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The served folder; CROSSCHECK_WWW overrides it (e.g. to try a copy). */
export const WWW = resolve(process.env.CROSSCHECK_WWW || join(REPO, 'www'));
export const SCREENSHOTS = join(REPO, 'tests', 'e2e', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Throw (so the test fails, never skips) when the wasm package or the browser is missing. */
export function checkPrerequisites() {
  const pkg = join(WWW, 'pkg', 'crosscheck.js');
  if (!existsSync(pkg)) {
    throw new Error(`${pkg} is missing: build the wasm package first (bash scripts/build-wasm.sh)`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian chromium (apt-get install chromium) or set CHROMIUM`);
  }
}

/** Start the server on a free port and Chromium. Returns { url, browser, close() }. */
export async function start() {
  checkPrerequisites();
  const server = await serve({ root: WWW, port: 0 });
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  } catch (err) {
    await server.close();
    throw err;
  }
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/**
 * A new page that records every request URL, console error and page error, and every dialog
 * (dismissed). Requests that would leave 127.0.0.1 are aborted (and still recorded).
 */
export async function newPage(browser, { viewport = { width: 1400, height: 1000 } } = {}) {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  const seen = new Set();
  const log = { requests: [], consoleErrors: [], pageErrors: [], dialogs: [] };
  const record = (url) => {
    if (!seen.has(url)) log.requests.push(url);
    seen.add(url);
  };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    record(url);
    if (isLocal(url)) route.continue();
    else route.abort('blockedbyclient');
  });
  // Worker requests and anything route() might not see.
  context.on('request', (req) => record(req.url()));
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') log.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => log.pageErrors.push(String(err && err.stack ? err.stack : err)));
  page.on('dialog', (d) => {
    log.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on('worker', (w) => {
    w.on('console', (msg) => {
      if (msg.type() === 'error') log.consoleErrors.push(`[worker] ${msg.text()}`);
    });
  });
  return { page, context, log };
}

/** true for http(s) URLs on 127.0.0.1 and for data:/blob: URLs. */
export function isLocal(url) {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/** Wait until the page says it finished (body[data-state="done"]); fail fast on "error". */
export async function waitForDone(page, timeout = 30_000) {
  const handle = await page.waitForFunction(
    () => {
      const s = document.body && document.body.dataset.state;
      if (s === 'done') return 'done';
      if (s === 'error') return `error: ${document.getElementById('error')?.textContent || '(no message)'}`;
      return false;
    },
    null,
    { timeout },
  );
  const v = await handle.jsonValue();
  if (v !== 'done') throw new Error(`page reported ${v}`);
}

export function screenshotPath(name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}

/**
 * Show a result tab ('claims', 'matrix' or 'documents') by clicking it, as a visitor would, or with
 * `{ keyboard: true }` by the arrow keys from the selected tab (the mouse stays where it was), and
 * wait until its panel is the one shown: a hidden panel can be neither clicked nor focused.
 */
export async function selectTab(page, name, { keyboard = false } = {}) {
  if (keyboard) {
    await page.locator('[role="tab"][aria-selected="true"]').focus();
    for (let i = 0; i < 5 && (await page.getAttribute(`#tab-${name}`, 'aria-selected')) !== 'true'; i++) {
      await page.keyboard.press('ArrowRight');
    }
  } else {
    await page.click(`#tab-${name}`);
  }
  await page.waitForFunction((n) => {
    const tab = document.getElementById(`tab-${n}`);
    const panel = document.getElementById(tab.getAttribute('aria-controls'));
    return tab.getAttribute('aria-selected') === 'true' && !panel.hidden;
  }, name);
}
