#!/usr/bin/env bash
# Single-file build: dist/crosscheck.html with the page's JS, CSS, the example and the wasm
# (base64) inlined. Works opened from file:// with no server and no network: the modules are
# turned into Blob URLs by one inline bootstrap script, the wasm is instantiated from its bytes
# with initSync, and the analysis runs on the page (no worker). The CSP allows only that script
# and that style, by hash.
#
#   bash scripts/build-single.sh          # builds www/pkg first if needed
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-wasm.sh >/dev/null
mkdir -p dist
node --input-type=module - <<'NODE'
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const www = (p) => readFileSync(`www/${p}`, 'utf8');
const mods = {
  'render.js': www('render.js'),
  'export.js': www('export.js'),
  'pkg/crosscheck.js': www('pkg/crosscheck.js'),
  'main.js': www('main.js'),
};
const manifest = JSON.parse(www('examples/manifest.json'));
const example = {
  ...manifest,
  sources: manifest.sources.map((s) => ({ id: s.id, name: s.name, text: www(`examples/${s.file}`) })),
};
const wasm = readFileSync('www/pkg/crosscheck_bg.wasm').toString('base64');

// A JS string literal that is safe inside <script>…</script>.
const lit = (s) => JSON.stringify(s).replace(/<\//g, '<\\/').replace(/<!--/g, '<\\!--').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

const boot = `
const MODS = {${Object.entries(mods).map(([k, v]) => `${lit(k)}: ${lit(v)}`).join(',\n')}};
const EXAMPLE = JSON.parse(${lit(JSON.stringify(example))});
const WASM = ${lit(wasm)};
const urls = {};
function make(name, deps) {
  let src = MODS[name];
  for (const d of deps) src = src.split("'./" + d + "'").join(JSON.stringify(urls[d]));
  urls[name] = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
}
make('render.js', []);
make('export.js', []);
make('pkg/crosscheck.js', []);
make('main.js', ['render.js', 'export.js']);
const pkg = await import(urls['pkg/crosscheck.js']);
const bin = atob(WASM);
const bytes = new Uint8Array(bin.length);
for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
pkg.initSync({ module: bytes });
globalThis.crosscheckInline = { analyze: pkg.analyze, example: EXAMPLE };
await import(urls['main.js']);
`;
const css = `${www('style.css')}\n${www('long.css')}`;
const sha = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const csp = `default-src 'none'; script-src ${sha(boot)} blob: 'wasm-unsafe-eval'; style-src ${sha(css)}; img-src data:; connect-src 'none'; worker-src 'none'; base-uri 'none'; form-action 'none'`;

let html = www('index.html');
const rep = (from, to) => {
  if (!html.includes(from)) throw new Error(`index.html: cannot find ${from}`);
  html = html.replace(from, typeof to === 'function' ? to : () => to);
};
html = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
rep('<link rel="stylesheet" href="style.css">', () => `<style>${css}</style>`);
rep('<link rel="stylesheet" href="long.css">\n', '');
rep('  <!-- Fetched with main.js rather than after it: main.js imports them. -->\n  <link rel="modulepreload" href="render.js">\n  <link rel="modulepreload" href="export.js">\n', '');
rep('<script type="module" src="main.js"></script>', '');
html = html.replace('</body>', () => `<script type="module">${boot}</script>\n</body>`);
writeFileSync('dist/crosscheck.html', html);
console.log(`dist/crosscheck.html: ${(html.length / 1e6).toFixed(1)} MB`);
NODE
