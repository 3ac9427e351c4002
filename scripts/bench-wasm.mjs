// The wasm package in Node, built with `wasm-bindgen --target nodejs` from the same wasm as
// www/pkg (scripts/bench.sh builds it into target/bench-pkg-node): time to compile and
// instantiate, time to load the models (first analysis, of two tiny sources), the five examples,
// MB/s end to end on each corpus of benches/scale.rs, peak wasm memory and process RSS.
// Usage: node scripts/bench-wasm.mjs [DIR=target/bench]   → prints lines, writes DIR/node.json
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { run, TINY } from '../bench/run.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.resolve(root, process.argv[2] ?? 'target/bench');
const glue = path.join(root, 'target/bench-pkg-node/crosscheck.js');
const index = path.join(dir, 'corpus/index.json');
for (const [file, how] of [[glue, 'bash scripts/bench.sh builds it'], [index, 'run cargo bench --bench scale first']]) {
  if (!fs.existsSync(file)) {
    console.error(`bench-wasm: ${file} is missing (${how})`);
    process.exit(1);
  }
}

// The nodejs glue compiles and instantiates the wasm synchronously when it is required, and
// keeps the instance to itself: catch it on the way to reach its memory.
let instance;
const Instance = WebAssembly.Instance;
WebAssembly.Instance = function (module, imports) {
  instance = new Instance(module, imports);
  return instance;
};
let t = performance.now();
const { analyze } = createRequire(import.meta.url)(glue);
const instantiateMs = performance.now() - t; // read + compile + instantiate
WebAssembly.Instance = Instance;
t = performance.now();
analyze(TINY);
const modelMs = performance.now() - t;
const memoryBytes = () => instance.exports.memory.buffer.byteLength;
console.log(`instantiate ${instantiateMs.toFixed(1)} ms, models loaded by the first analysis (two tiny sources) in ${modelMs.toFixed(1)} ms`);

const ex = path.join(root, 'www/examples');
const manifest = JSON.parse(fs.readFileSync(path.join(ex, 'manifest.json'), 'utf8'));
const examples = manifest.sources.map((s) => ({ id: s.id, name: s.name, text: fs.readFileSync(path.join(ex, s.file), 'utf8') }));
const { corpora } = JSON.parse(fs.readFileSync(index, 'utf8'));

const result = await run({
  analyze,
  memoryBytes,
  examples,
  corpora,
  load: async (entry) => JSON.parse(fs.readFileSync(path.join(dir, 'corpus', entry.file), 'utf8')),
  log: (s) => console.log(s),
});
result.instantiate_ms = instantiateMs;
result.model_ms = modelMs;
result.rss_peak_bytes = process.resourceUsage().maxRSS * 1024;
result.wasm_memory_peak_bytes = memoryBytes();
console.log(`peak: wasm memory ${(result.wasm_memory_peak_bytes / 2 ** 20).toFixed(0)} MiB, process RSS ${(result.rss_peak_bytes / 2 ** 20).toFixed(0)} MiB`);
fs.writeFileSync(path.join(dir, 'node.json'), JSON.stringify(result, null, 1));
