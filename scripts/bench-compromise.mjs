// compromise (npm devDependency, used only here) on the same text as Crosscheck: the "size-1"
// corpus of benches/scale.rs (1 MB in 100 sources), each source parsed and its people, places
// and organisations listed. Compromise is a reference point for speed, not for accuracy.
// Usage: node scripts/bench-compromise.mjs [DIR=target/bench]   → prints a line, writes DIR/compromise.json
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.resolve(root, process.argv[2] ?? 'target/bench');
const CORPUS = 'size-1';
const file = path.join(dir, `corpus/${CORPUS}.json`);
if (!fs.existsSync(path.join(root, 'node_modules/compromise'))) {
  console.error('bench-compromise: node_modules/compromise is missing: run npm ci');
  process.exit(1);
}
if (!fs.existsSync(file)) {
  console.error(`bench-compromise: ${file} is missing: run cargo bench --bench scale first`);
  process.exit(1);
}
const { default: nlp } = await import('compromise');

function extract(text) {
  const doc = nlp(text);
  return doc.people().out('array').length + doc.places().out('array').length + doc.organizations().out('array').length;
}

// Warm up on the examples (compromise builds its lexicon on first use), then one timed pass:
// at about 50 KB/s a pass over 1 MB takes some 20 s, so there is no best-of-3 here.
const ex = path.join(root, 'www/examples');
for (const f of fs.readdirSync(ex).filter((f) => f.endsWith('.txt'))) extract(fs.readFileSync(path.join(ex, f), 'utf8'));
const sources = JSON.parse(fs.readFileSync(file, 'utf8'));
const bytes = sources.reduce((n, s) => n + Buffer.byteLength(s.text), 0);
const t = performance.now();
let found = 0;
for (const s of sources) found += extract(s.text);
const ms = performance.now() - t;
console.log(`compromise ${CORPUS}: ${(bytes / 1e6).toFixed(2)} MB in ${sources.length} sources, ${ms.toFixed(0)} ms, ` +
  `${(bytes / 1e3 / ms).toFixed(3)} MB/s, ${found} people, places and organisations`);
fs.writeFileSync(path.join(dir, 'compromise.json'), JSON.stringify({ corpus: CORPUS, bytes, sources: sources.length, ms, found }, null, 1));
