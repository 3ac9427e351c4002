// Static checks of www/: no HTML-string APIs, no inline script/style, a CSP. No browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WWW } from './helpers.mjs';

test('www/ never uses innerHTML, outerHTML, insertAdjacentHTML or document.write', async () => {
  const files = readdirSync(WWW).filter((f) => /\.(m?js|html)$/.test(f));
  assert.ok(files.includes('main.js') && files.includes('render.js') && files.includes('worker.js'));
  for (const f of files) {
    const src = readFileSync(join(WWW, f), 'utf8');
    assert.doesNotMatch(src, /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write)\b/, f);
    if (f.endsWith('.html')) {
      assert.doesNotMatch(src, /<script(?![^>]*\bsrc=)[^>]*>/i, `${f}: inline script`);
      assert.doesNotMatch(src, /\sstyle=/i, `${f}: inline style attribute`);
      assert.doesNotMatch(src, /\son[a-z]+=/i, `${f}: inline event handler`);
      assert.match(src, /http-equiv="Content-Security-Policy"/, `${f}: no CSP`);
    }
  }
});

test('index.html carries the exact CSP and www/ references no external URL', () => {
  const html = readFileSync(join(WWW, 'index.html'), 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(csp, 'no CSP meta tag');
  assert.equal(
    csp[1],
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'",
  );
  for (const f of readdirSync(WWW).filter((n) => /\.(m?js|html|css)$/.test(n))) {
    const src = readFileSync(join(WWW, f), 'utf8');
    assert.doesNotMatch(src, /(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}\//i, `${f} references an external URL`);
    assert.doesNotMatch(src, /@import|@font-face/i, `${f}: external styles or fonts`);
  }
});
