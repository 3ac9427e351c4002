// <crosscheck-widget> in a host page under the strict CSP: it analyses, the event fires with the
// report, styles stay inside the shadow root, and no CSP violation is reported.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, newPage, screenshotPath, WWW } from './helpers.mjs';

let env;

before(async () => {
  env = await start();
});

after(async () => {
  await env?.close();
});

test('the example host page: the widget analyses under the CSP and fires crosscheck-analysed', async () => {
  const html = readFileSync(join(WWW, 'embed-example.html'), 'utf8');
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'">/);
  const { page, log } = await newPage(env.browser);
  await page.addInitScript(() => {
    window.__violations = [];
    window.__analysed = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    document.addEventListener('crosscheck-analysed', (e) => window.__analysed.push(e.detail.report));
  });
  await page.goto(new URL('embed-example.html', env.url).href);
  await page.waitForFunction(() => window.__analysed.length > 0, null, { timeout: 30_000 });
  const info = await page.evaluate(() => {
    const r = window.__analysed[0];
    const w = document.querySelector('crosscheck-widget');
    const mark = w.shadowRoot.querySelector('.doc mark.ent');
    const hostP = document.querySelector('p.host-text');
    return {
      sources: r.sources.length,
      groups: r.comparison.claims.length,
      state: w.dataset.state,
      marks: w.shadowRoot.querySelectorAll('.doc mark.ent').length,
      markColor: getComputedStyle(mark).color,
      markBg: getComputedStyle(mark).backgroundColor,
      hostColor: getComputedStyle(hostP).color,
      lightMarks: document.querySelectorAll('mark').length,
      violations: window.__violations,
    };
  });
  assert.equal(info.sources, 5);
  assert.ok(info.groups > 0);
  assert.equal(info.state, 'done');
  assert.ok(info.marks > 0);
  assert.equal(info.lightMarks, 0, 'nothing rendered outside the shadow root');
  // The host's "mark { color: purple }" does not reach in; the page's label colours apply inside.
  assert.notEqual(info.markColor, 'rgb(128, 0, 128)');
  assert.notEqual(info.markBg, 'rgba(0, 0, 0, 0)');
  assert.equal(info.hostColor, 'rgb(128, 0, 128)');
  assert.deepEqual(info.violations, []);
  assert.deepEqual(log.consoleErrors, []);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.requests.filter((u) => !/^(http:\/\/127\.0\.0\.1|blob:|data:)/.test(u)), []);
  await page.screenshot({ path: screenshotPath('widget.png'), fullPage: false });
  await page.context().close();
});

test('the widget takes its sources from the `sources` attribute', async () => {
  const { page, log } = await newPage(env.browser);
  await page.goto(new URL('embed-example.html', env.url).href);
  await page.waitForFunction(() => customElements.get('crosscheck-widget'));
  const report = await page.evaluate(async () => {
    const w = document.createElement('crosscheck-widget');
    w.setAttribute('sources', JSON.stringify([
      { name: 'A', text: 'The minister said 40 people were killed in Ankara on Monday.' },
      { name: 'B', text: 'Officials said 90 people were killed in Ankara on Monday.' },
    ]));
    w.setAttribute('autoanalyse', '');
    const done = new Promise((resolve) => w.addEventListener('crosscheck-analysed', (e) => resolve(e.detail.report)));
    document.body.append(w);
    return done;
  });
  assert.deepEqual(report.sources.map((s) => s.name), ['A', 'B']);
  assert.deepEqual(log.pageErrors, []);
  await page.context().close();
});
