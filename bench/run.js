// The wasm measurements, shared by Node (scripts/bench-wasm.mjs) and the Chromium bench page
// (bench/bench.js) so that both time the same way. Plain ES module, no Node or DOM APIs.

/** Two tiny sources: their first analysis pays for loading the models (they load lazily). */
export const TINY = [
  { id: 'a', name: 'A', text: 'Recep Tayyip Erdoğan spoke in Ankara on Monday, Reuters said.' },
  { id: 'b', name: 'B', text: 'Erdoğan spoke in Ankara, AP said.' },
];

const now = () => performance.now();

/**
 * Times `f` twice and up to 5 times until about 2 s have been spent, and keeps the fastest run:
 * the least disturbed by other processes, and not the first, which also grows the wasm memory
 * (same rule as benches/scale.rs).
 */
export function best(f) {
  let min = Infinity;
  let spent = 0;
  for (let i = 0; i < 5 && (i < 2 || spent < 2000); i++) {
    const t = now();
    f();
    const d = now() - t;
    spent += d;
    min = Math.min(min, d);
  }
  return min;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * After the package is loaded: the five examples (median and best of 20 runs after 5 warm-up
 * runs), then every corpus from the smallest up, with wasm memory after each. Wasm memory only
 * grows, so the figure after a corpus is the peak up to that size.
 *   analyze(sources) → report; memoryBytes() → wasm memory size;
 *   examples: [{id, name, text}]; corpora: entries of corpus/index.json;
 *   load(entry) → Promise of its sources; log(line).
 */
export async function run({ analyze, memoryBytes, examples, corpora, load, log = () => {} }) {
  const out = { examples: {}, corpora: {} };
  for (let i = 0; i < 5; i++) analyze(examples);
  const times = [];
  for (let i = 0; i < 20; i++) {
    const t = now();
    analyze(examples);
    times.push(now() - t);
  }
  out.examples = { median: median(times), best: Math.min(...times) };
  log(`five examples: median ${out.examples.median.toFixed(2)} ms, best ${out.examples.best.toFixed(2)} ms`);
  // One long source (group "one") is measured natively only.
  for (const entry of corpora.filter((c) => c.group !== 'one').sort((a, b) => a.bytes - b.bytes)) {
    const sources = await load(entry);
    const ms = best(() => analyze(sources));
    const memory = memoryBytes();
    out.corpora[entry.name] = { bytes: entry.bytes, sources: entry.sources, ms, memory };
    log(`${entry.name}: ${(entry.bytes / 1e6).toFixed(2)} MB in ${entry.sources} sources, ` +
        `${ms.toFixed(0)} ms, ${(entry.bytes / 1e3 / ms).toFixed(2)} MB/s, wasm memory ${(memory / 2 ** 20).toFixed(0)} MiB`);
  }
  return out;
}
