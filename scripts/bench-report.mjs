// Prints the benchmark report from the results that scripts/bench.sh collected in DIR
// (native.json, node.json, chromium.json, compromise.json) and the built www/pkg, with each
// budget of the benchmark issue marked PASS or MISS. A part that did not run shows as "—".
// Usage: node scripts/bench-report.mjs [DIR=target/bench]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.resolve(root, process.argv[2] ?? 'target/bench');
const read = (name) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  } catch {
    return null;
  }
};
const native = read('native.json');
const node = read('node.json');
const chromium = read('chromium.json');
const compromise = read('compromise.json');

// Near-linear growth, taken here as: the time per MB (or for the same MB in more sources)
// grows by at most 16^0.1 ≈ 1.32 over the range, i.e. time ∝ size^k with k ≤ 1.1.
const NEAR_LINEAR = 16 ** 0.1;
const SIZES = ['size-1', 'size-4', 'size-16'];
const SOURCES = ['sources-10', 'size-4', 'sources-400'];
const STAGES = ['clean', 'segment', 'entities', 'aliases', 'claims', 'compare', 'total'];
const KB = 1024;
const MiB = 2 ** 20;

// End-to-end milliseconds of a corpus in each runtime, or undefined.
const runtimes = {
  native: (name) => native?.corpora[name]?.ms.total,
  'wasm Node': (name) => node?.corpora[name]?.ms,
  'wasm Chromium': (name) => chromium?.corpora[name]?.ms,
};
const corpus = (name) => native?.corpora[name] ?? node?.corpora[name] ?? chromium?.corpora[name];
const mbs = (name, ms) => (ms ? corpus(name).bytes / 1e3 / ms : undefined);
const f = (x, digits = 1) => (x === undefined || x === null || Number.isNaN(x) ? '—' : x.toFixed(digits));
const pad = (s, n) => String(s).padStart(n);
const lines = [];
const out = (s = '') => lines.push(s);
const budgets = [];
/** A budget line: PASS/MISS, or "—" when the figure is missing. */
function budget(what, ok, figure) {
  const mark = ok === undefined ? '  —  ' : ok ? 'PASS ' : 'MISS ';
  budgets.push(`  ${mark} ${what}: ${figure}`);
}
const min = (xs) => (xs.some((x) => x === undefined) || !xs.length ? undefined : Math.min(...xs));
const max = (xs) => (xs.some((x) => x === undefined) || !xs.length ? undefined : Math.max(...xs));

if (native?.quick) out('QUICK run: tiny corpora, a smoke check of the scripts; the figures are not measurements.\n');

// Throughput.
out('End to end, MB/s (1 MB = 10^6 bytes; wasm includes passing the sources in and the report out)');
out(`  ${'corpus'.padEnd(12)} ${pad('MB', 6)} ${pad('sources', 7)} ${Object.keys(runtimes).map((r) => pad(r, 14)).join('')}`);
const names = [...SIZES, 'sources-10', 'sources-400', '100x5kb'];
for (const name of names) {
  const c = corpus(name);
  if (!c) continue;
  out(`  ${name.padEnd(12)} ${pad(f(c.bytes / 1e6, 2), 6)} ${pad(c.sources, 7)} ` +
      Object.values(runtimes).map((ms) => pad(f(mbs(name, ms(name)), 2), 14)).join(''));
}
if (native) {
  out();
  out("Native per stage, MB/s (each stage alone over all sources, on one thread; 'total' is analyze as it runs,");
  out(`  which may use threads natively: this machine has ${os.availableParallelism()} cores; wasm runs on one)`);
  out(`  ${'corpus'.padEnd(12)} ${STAGES.map((s) => pad(s, 9)).join('')}`);
  for (const name of names) {
    const c = native.corpora[name];
    if (c) out(`  ${name.padEnd(12)} ${STAGES.map((s) => pad(f(mbs(name, c.ms[s])), 9)).join('')}`);
  }
}

// compromise.
out();
if (compromise) {
  const cmp = compromise.bytes / 1e3 / compromise.ms;
  out(`compromise (people, places, organisations) on ${compromise.corpus} (${f(compromise.bytes / 1e6, 2)} MB, ` +
      `${compromise.sources} sources): ${f(cmp, 3)} MB/s`);
  const ratios = Object.entries(runtimes).map(([r, ms]) => `${r} ${f(mbs(compromise.corpus, ms(compromise.corpus)) / cmp, 0)}×`);
  out(`  Crosscheck / compromise on the same text: ${ratios.join(', ')}`);
  out('  (Crosscheck runs the whole analysis: entities, claims and the comparison; compromise only tags)');
} else {
  out('compromise: —');
}

// Size, load, memory.
out();
const wasmFile = path.join(root, 'www/pkg/crosscheck_bg.wasm');
let wasmRaw, wasmGz;
if (fs.existsSync(wasmFile)) {
  const body = fs.readFileSync(wasmFile);
  wasmRaw = body.length;
  wasmGz = zlib.gzipSync(body, { level: 9 }).length;
}
out(`wasm (www/pkg/crosscheck_bg.wasm): ${f(wasmRaw / KB)} KB raw, ${f(wasmGz / KB)} KB gzipped (-9)`);
let transfer;
if (chromium?.transfer) {
  transfer = chromium.transfer.reduce((n, x) => n + x.gzip, 0);
  const kind = (p) => (p.endsWith('.wasm') ? 'wasm' : p.startsWith('/examples/') ? 'example' : path.extname(p).slice(1) || 'html');
  const byKind = {};
  for (const x of chromium.transfer) byKind[kind(x.path)] = (byKind[kind(x.path)] ?? 0) + x.gzip;
  out(`whole page transfer, each file gzipped -9: ${f(transfer / KB)} KB in ${chromium.transfer.length} files (` +
      Object.entries(byKind).map(([k, n]) => `${k} ${f(n / KB)}`).join(', ') + ')');
  out(`  the page showed its first analysis of the example ${chromium.page_load_ms} ms after navigation by the page's clock (fresh profile; ${chromium.page_load_outside_ms ?? '?'} ms seen by the test driver, which adds its round trips)`);
}
for (const [name, r] of [['Node', node], ['Chromium', chromium]]) {
  if (!r) continue;
  out(`${name}: instantiate ${f(r.instantiate_ms)} ms (${name === 'Node' ? 'read, compile' : 'fetch from localhost, streaming compile'} ` +
      `and instantiate), model load ${f(r.model_ms)} ms (first analysis, of two tiny sources); ` +
      `five examples ${f(r.examples.median, 2)} ms median, ${f(r.examples.best, 2)} ms best of 20`);
  const mem = (n) => (r.corpora[n] ? `${f(r.corpora[n].memory / MiB, 0)} MiB` : '—');
  out(`  wasm memory (it only grows): after 1 MB ${mem('size-1')}, after 16 MB ${mem('size-16')}` +
      (r.rss_peak_bytes ? `; process peak RSS ${f(r.rss_peak_bytes / MiB, 0)} MiB` : ''));
}

// Growth.
out();
out(`Growth (near-linear taken as a ratio ≤ ${f(NEAR_LINEAR, 2)}, i.e. time ∝ size^k with k ≤ 1.1)`);
const growth = {};
for (const [r, ms] of Object.entries(runtimes)) {
  const [a, , b] = SIZES.map((n) => ms(n));
  const [c, , d] = SOURCES.map((n) => ms(n));
  const size = a && b ? (b / corpus('size-16').bytes) / (a / corpus('size-1').bytes) : undefined;
  const sources = c && d ? (d / corpus('sources-400').bytes) / (c / corpus('sources-10').bytes) : undefined;
  growth[r] = { size, sources };
  const k = size && 1 + Math.log(size) / Math.log(corpus('size-16').bytes / corpus('size-1').bytes);
  out(`  ${r.padEnd(14)} time per MB at 16 MB ÷ at 1 MB: ${f(size, 2)} (k = ${f(k, 2)}); ` +
      `4 MB in 400 sources ÷ in 10: ${f(sources, 2)}`);
}

// One long text in one source (native): growth and speed.
const one = (n) => native?.corpora[n]?.ms.total;
const oneGrowth = one('one-1') && one('one-16')
  ? (one('one-16') / native.corpora['one-16'].bytes) / (one('one-1') / native.corpora['one-1'].bytes) : undefined;
out(`  native, one source  time per MB at 16 MB ÷ at 1 MB: ${f(oneGrowth, 2)}; ` +
    ['one-1', 'one-4', 'one-16'].map((n) => `${n} ${f(mbs(n, one(n)), 2)} MB/s`).join(', '));

// Budgets.
const wasmRates = [node, chromium].flatMap((r) => SIZES.map((n) => (r?.corpora[n] ? mbs(n, r.corpora[n].ms) : undefined)));
const nativeRates = SIZES.map((n) => mbs(n, runtimes.native(n)));
const wasmMin = min(wasmRates);
const nativeMin = min(nativeRates);
budget('wasm end to end ≥ 10 MB/s (slowest of 1, 4, 16 MB in Node and Chromium)', wasmMin === undefined ? undefined : wasmMin >= 10, `${f(wasmMin, 2)} MB/s`);
budget('native end to end ≥ 20 MB/s (slowest of 1, 4, 16 MB)', nativeMin === undefined ? undefined : nativeMin >= 20, `${f(nativeMin, 2)} MB/s`);
// The comparison issue's budgets: the page with every model (the similarity model is most of it)
// at most 3 MB gzipped, the example shown within a second, 100 sources of 5 KB compared within
// 300 ms in the browser, 1 MB within 128 MiB of wasm memory.
budget('whole page transfer ≤ 3 MB gzipped, every model included', transfer === undefined ? undefined : transfer <= 3 * 1024 * KB, `${f(transfer / KB)} KB`);
const shown = chromium?.page_load_ms;
budget('the example analysed and shown ≤ 1 s after navigation (Chromium, fresh profile)', shown === undefined ? undefined : shown <= 1000, `${f(shown)} ms`);
const load = chromium ? chromium.instantiate_ms + chromium.model_ms : undefined;
budget('instantiate + model load ≤ 50 ms (Chromium)', load === undefined ? undefined : load <= 50, `${f(load)} ms`);
const five = chromium?.examples.median;
budget('five examples analysed and compared in the browser ≤ 10 ms (Chromium, median)', five === undefined ? undefined : five <= 10, `${f(five, 2)} ms`);
const cmpStage = native?.corpora['100x5kb']?.ms.compare;
const cmpAll = chromium?.corpora['100x5kb']?.ms;
const n5 = corpus('100x5kb');
const label5 = n5 ? `${n5.sources} sources × ${f(n5.bytes / n5.sources / 1e3, 1)} KB` : '100 sources × 5 KB';
budget(`${label5} compared ≤ 200 ms: the compare stage alone (native)`, cmpStage === undefined ? undefined : cmpStage <= 200, `${f(cmpStage)} ms`);
budget(`${label5} analysed and compared ≤ 300 ms: end to end (Chromium)`, cmpAll === undefined ? undefined : cmpAll <= 300, `${f(cmpAll)} ms`);
const sizeGrowth = max(Object.values(growth).map((g) => g.size));
const sourceGrowth = max(Object.values(growth).map((g) => g.sources));
budget(`growth near-linear in size, 1 → 16 MB (worst runtime; ratio ≤ ${f(NEAR_LINEAR, 2)})`, sizeGrowth === undefined ? undefined : sizeGrowth <= NEAR_LINEAR, f(sizeGrowth, 2));
budget(`growth near-linear in sources, 10 → 400 at 4 MB (worst runtime; ratio ≤ ${f(NEAR_LINEAR, 2)})`, sourceGrowth === undefined ? undefined : sourceGrowth <= NEAR_LINEAR, f(sourceGrowth, 2));
const oneRate = mbs('one-16', one('one-16'));
budget('single source 16 MB: native ≥ 15 MB/s', oneRate === undefined ? undefined : oneRate >= 15, `${f(oneRate, 2)} MB/s`);
budget('single source: time per MB at 16 MB ÷ at 1 MB ≤ 1.3 (native)', oneGrowth === undefined ? undefined : oneGrowth <= 1.3, f(oneGrowth, 2));
const mem1 = max([node, chromium].map((r) => r?.corpora['size-1']?.memory));
budget('peak wasm memory for 1 MB ≤ 128 MiB (worst of Node and Chromium)', mem1 === undefined ? undefined : mem1 <= 128 * MiB, `${f(mem1 / MiB, 0)} MiB`);
// The claims stage adds at most half the entity stage's time (native, one thread,
// the worst of the 1, 4 and 16 MB corpora).
const claimShares = SIZES.map((n) => native?.corpora[n]).filter(Boolean).map((c) => c.ms.claims / c.ms.entities);
const claimShare = claimShares.length ? Math.max(...claimShares) : undefined;
budget('claims stage ≤ 50 % of the entity stage (native, one thread, worst of 1, 4, 16 MB)', claimShare === undefined ? undefined : claimShare <= 0.5, `${f(claimShare === undefined ? undefined : 100 * claimShare, 0)} %`);
out();
out(native?.quick ? 'Budgets (QUICK run: not meaningful)' : 'Budgets');
lines.push(...budgets);
console.log(lines.join('\n'));
