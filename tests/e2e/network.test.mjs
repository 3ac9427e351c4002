// Issue 7 §5: no network. One whole session (load, analyse the example, export every file, reload,
// analyse again) makes no request beyond 127.0.0.1, and the page carries a strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, waitForDone, isLocal } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test('a whole session (load, analyse, export, reload, analyse) stays on 127.0.0.1', { timeout: 120_000 }, async () => {
  // Service workers allowed here, so that one registered by the page would be seen.
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const requests = [];
  const serviceWorkers = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('serviceworker', (sw) => {
    serviceWorkers.push(sw.url());
    sw.on('request', (r) => requests.push(r.url()));
  });
  // Record (and never let out) anything off the machine; route() also sees what 'request' may miss.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (isLocal(url)) route.continue();
    else route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

  // Load and analyse the example.
  await page.goto(env.url);
  await waitForDone(page);

  // Export: every button, each a download made in the browser (blob:).
  await page.locator('input.select-claim').first().check();
  const files = [];
  for (const id of ['export-json', 'export-claims-csv', 'export-entities-csv', 'export-claimreview']) {
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), page.click(`#${id}`)]);
    assert.ok(dl.url().startsWith('blob:'), `${id} downloaded from ${dl.url()}`);
    const path = await dl.path();
    assert.ok(path, `${id}: no file`);
    files.push(dl.suggestedFilename());
  }
  assert.deepEqual(files, ['crosscheck-report.json', 'claims.csv', 'entities.csv', 'claimreview.jsonld']);

  // Reload (the stored sources come back and are analysed), then analyse again.
  await page.reload();
  await waitForDone(page);
  await page.click('#analyse');
  await waitForDone(page);

  // Service workers: none registered, by the page or anyone.
  const regs = await page.evaluate(async () => (navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0));
  assert.equal(regs, 0);
  assert.deepEqual(serviceWorkers, []);
  assert.deepEqual(context.serviceWorkers().map((w) => w.url()), []);

  const uniq = [...new Set(requests)];
  assert.ok(uniq.some((u) => u.endsWith('.wasm')), 'the wasm was not seen: requests are not being recorded');
  assert.ok(uniq.some((u) => u.endsWith('/worker.js')), 'the worker script was not seen');
  const off = uniq.filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:')) return false;
    return new URL(u).hostname !== '127.0.0.1';
  });
  assert.deepEqual(off, [], 'requests left 127.0.0.1');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the page carries a CSP: default-src \'self\', no \'unsafe-inline\' script', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const res = await page.goto(env.url);
  await waitForDone(page);
  const metas = await page.$$eval('meta[http-equiv="Content-Security-Policy" i]', (els) => els.map((e) => e.getAttribute('content')));
  assert.equal(metas.length, 1, 'one CSP meta tag');
  const dirs = new Map(
    metas[0]
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([k, ...v]) => [k.toLowerCase(), v]),
  );
  assert.deepEqual(dirs.get('default-src'), ["'self'"]);
  const script = dirs.get('script-src') || dirs.get('default-src');
  assert.ok(!script.includes("'unsafe-inline'"), `script-src allows inline: ${script.join(' ')}`);
  assert.ok(!script.includes("'unsafe-eval'"), `script-src allows eval: ${script.join(' ')}`);
  assert.ok(!script.includes('*') && !script.some((s) => /^(https?:|data:|blob:)/.test(s)), `script-src allows other origins: ${script.join(' ')}`);
  for (const k of ['connect-src', 'img-src', 'style-src', 'worker-src']) {
    for (const v of dirs.get(k) || []) assert.ok(["'self'", 'data:'].includes(v), `${k} allows ${v}`);
  }
  // The CSP is enforced: an inline script injected at run time does not run.
  const ran = await page.evaluate(() => {
    window.__ran = false;
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true';
    document.head.append(s);
    return window.__ran;
  });
  assert.equal(ran, false, 'an inline script ran despite the CSP');
  assert.equal(res.status(), 200);
  await context.close();
});
