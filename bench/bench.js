// The Chromium bench page (bench/bench.html, served from the repo root): loads the shipped
// package www/pkg as the page's worker does, then runs bench/run.js on the corpora written by
// benches/scale.rs. `?dir=` is the bench directory relative to the repo root. The result is a
// promise in window.benchResult that scripts/bench-browser.mjs awaits; progress goes to the
// console.
import init, { analyze } from '../www/pkg/crosscheck.js';
import { run, TINY } from './run.js';

async function json(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

async function main() {
  const dir = new URL(`../${new URLSearchParams(location.search).get('dir') || 'target/bench'}/`, import.meta.url);
  let t = performance.now();
  // Fetch, compile (streaming) and instantiate, as the page's worker does on load.
  const exports = await init();
  const instantiateMs = performance.now() - t;
  t = performance.now();
  analyze(TINY);
  const modelMs = performance.now() - t;
  console.log(`instantiate ${instantiateMs.toFixed(1)} ms, models loaded by the first analysis (two tiny sources) in ${modelMs.toFixed(1)} ms`);

  const ex = new URL('../www/examples/', import.meta.url);
  const manifest = await json(new URL('manifest.json', ex));
  const examples = await Promise.all(manifest.sources.map(async (s) => {
    const res = await fetch(new URL(s.file, ex));
    return { id: s.id, name: s.name, text: await res.text() };
  }));
  const { corpora } = await json(new URL('corpus/index.json', dir));
  const result = await run({
    analyze,
    memoryBytes: () => exports.memory.buffer.byteLength,
    examples,
    corpora,
    load: (entry) => json(new URL(`corpus/${entry.file}`, dir)),
    log: (s) => console.log(s),
  });
  result.instantiate_ms = instantiateMs;
  result.model_ms = modelMs;
  result.wasm_memory_peak_bytes = exports.memory.buffer.byteLength;
  return result;
}

window.benchResult = main();
// Shown on the page too, for a person who opens it by hand.
window.benchResult.then(
  (r) => { document.body.append(Object.assign(document.createElement('pre'), { textContent: JSON.stringify(r, null, 1) })); },
  (err) => { console.error(String(err && err.stack ? err.stack : err)); },
);
