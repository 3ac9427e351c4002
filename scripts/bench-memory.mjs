// Peak wasm memory for 1 MB of news text, and memory across repeated analyses, in the built
// browser package (www/pkg, loaded with initSync as tests/node/package.test.mjs does).
// Wasm memory only grows, so `memory.buffer.byteLength` after a call is the peak so far.
// Budget: ≤ 64 MB for 1 MB of input; repeats must not grow memory without bound.
// Usage: node scripts/bench-memory.mjs [MB=1] [REPEATS=20]   (build first: scripts/build-wasm.sh)
// Also imported by tests/node/memory.test.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUDGET_BYTES = 64 * 1024 * 1024;
const MiB = 1024 * 1024;

/** The five example articles, each repeated to a fifth of `bytes` UTF-8 bytes in total. */
export function newsSources(bytes) {
  const dir = path.join(root, 'www/examples');
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const per = Math.floor(bytes / manifest.sources.length);
  return manifest.sources.map((s) => {
    const article = fs.readFileSync(path.join(dir, s.file), 'utf8') + '\n\n';
    let text = article.repeat(Math.ceil(per / Buffer.byteLength(article)));
    // Cut to `per` bytes on a character boundary.
    text = Buffer.from(text).subarray(0, per).toString('utf8').replace(/\uFFFD+$/, '');
    return { id: s.id, name: s.name, text };
  });
}

/** Loads www/pkg once and returns { analyze, memoryBytes }. */
export async function loadPackage() {
  const pkg = path.join(root, 'www/pkg/crosscheck.js');
  if (!fs.existsSync(pkg)) throw new Error('www/pkg is missing: run scripts/build-wasm.sh first');
  const { initSync, analyze } = await import(pathToFileURL(pkg).href);
  const exports = initSync({ module: fs.readFileSync(path.join(root, 'www/pkg/crosscheck_bg.wasm')) });
  return { analyze, memoryBytes: () => exports.memory.buffer.byteLength };
}

/** Analyses `bytes` of text once, then `repeats` more times; memory after each. */
export async function measure({ bytes = MiB, repeats = 20, log = () => {} } = {}) {
  const { analyze, memoryBytes } = await loadPackage();
  const sources = newsSources(bytes);
  const input = sources.reduce((n, s) => n + Buffer.byteLength(s.text), 0);
  const initial = memoryBytes();
  let t = performance.now();
  const report = analyze(sources);
  const first = { bytes: memoryBytes(), ms: performance.now() - t };
  log(`input ${mb(input)} in ${sources.length} sources; wasm memory at start ${mb(initial)}`);
  log(`first analysis: ${first.ms.toFixed(0)} ms, peak wasm memory ${mb(first.bytes)} ` +
      `(budget ${mb(BUDGET_BYTES)}: ${first.bytes <= BUDGET_BYTES ? 'ok' : 'OVER'}); ` +
      `${report.sources.reduce((n, s) => n + s.entities.length, 0)} entities, ` +
      `${report.sources.reduce((n, s) => n + s.claims.length, 0)} claims`);
  const after = [];
  t = performance.now();
  for (let i = 1; i <= repeats; i++) {
    analyze(sources);
    after.push(memoryBytes());
    if (i % 5 === 0) log(`after repeat ${i}: wasm memory ${mb(memoryBytes())}`);
  }
  if (repeats) log(`repeats: ${((performance.now() - t) / repeats).toFixed(0)} ms each`);
  return { input, initial, first: first.bytes, after };
}

function mb(n) {
  return `${(n / MiB).toFixed(1)} MiB`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const bytes = Math.round(Number(process.argv[2] ?? 1) * MiB);
  const repeats = Number(process.argv[3] ?? 20);
  const r = await measure({ bytes, repeats, log: (s) => console.log(s) });
  if (r.first > BUDGET_BYTES) process.exitCode = 1;
}
