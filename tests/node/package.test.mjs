// The built browser package (www/pkg, wasm-bindgen --target web) loaded in Node: the artifact
// the page ships, not a separate build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = path.join(root, 'www/pkg/crosscheck.js');
if (!fs.existsSync(pkg)) throw new Error('www/pkg is missing: run scripts/setup.sh --no-serve first');
const { initSync, analyze, engine, version } = await import(pkg);
initSync({ module: fs.readFileSync(path.join(root, 'www/pkg/crosscheck_bg.wasm')) });

function examples() {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'www/examples/manifest.json'), 'utf8'));
  return manifest.sources.map((s) => ({ id: s.id, name: s.name, text: fs.readFileSync(path.join(root, 'www/examples', s.file), 'utf8') }));
}

// Walks the report and checks every {start, end, text} against JS text.slice.
function checkSpans(value, text) {
  let n = 0;
  if (Array.isArray(value)) for (const v of value) n += checkSpans(v, text);
  else if (value && typeof value === 'object') {
    if (typeof value.start === 'number' && typeof value.end === 'number') {
      assert.equal(text.slice(value.start, value.end), value.text, `span ${value.start}..${value.end}`);
      n++;
    }
    for (const v of Object.values(value)) n += checkSpans(v, text);
  }
  return n;
}

test('the five example articles: every span slices back in UTF-16', () => {
  const sources = examples();
  const report = analyze(sources);
  assert.equal(report.version, 1);
  assert.equal(report.offsets, 'utf16');
  assert.equal(report.sources.length, 5);
  report.sources.forEach((s, i) => {
    assert.equal(s.id, sources[i].id);
    assert.equal(s.name, sources[i].name);
    assert.ok(checkSpans(s, sources[i].text) > 50, `few spans in ${s.id}`);
  });
});

test('Turkey is named by all five example sources', () => {
  const report = analyze(examples());
  const turkey = report.comparison.entities.find((e) => e.key === 'turkey');
  assert.ok(turkey, 'no turkey cluster');
  assert.deepEqual(Object.keys(turkey.sources).sort(), ['s1', 's2', 's3', 's4', 's5']);
});

test('text outside the BMP and combining marks keep offsets exact', () => {
  const text = 'Erdoğan 👍🏽 met officials in İzmir. Şanlıurfa e\u0301 had 3 casualties, police said. 😀 Turkey.';
  const report = analyze([{ id: 'x', name: 'x', text }]);
  assert.ok(checkSpans(report.sources[0], text) >= 3);
  const izmir = report.sources[0].entities.find((e) => e.text === 'İzmir');
  assert.equal(izmir?.start, text.indexOf('İzmir'));
});

test('output is deterministic', () => {
  const a = JSON.stringify(analyze(examples()));
  const b = JSON.stringify(analyze(examples()));
  assert.equal(a, b);
});

test('bad arguments throw errors that say what is expected', () => {
  assert.throws(() => analyze('just text'), /analyze expects an array/);
  assert.throws(() => analyze([{ id: 's1' }]), /analyze expects/);
  assert.throws(() => analyze([]), /no sources/);
});

test('input over the 20 MB limit throws an Error naming the limit', () => {
  // 20 MB (Options::max_total_bytes, 20,000,000 bytes) plus a little, split over two sources.
  const half = 'Turkey said 2,000 fighters crossed the border. '.repeat(Math.ceil((10 * 1024 * 1024 + 4096) / 47));
  const sources = [{ id: 's1', name: 'a', text: half }, { id: 's2', name: 'b', text: half }];
  assert.throws(() => analyze(sources), (e) => {
    assert.ok(e instanceof Error, 'not an Error');
    assert.match(e.message, /more than the limit of 20.0 MB/);
    assert.match(e.message, /fewer or shorter/);
    return true;
  });
  // The instance is still usable afterwards.
  assert.equal(analyze([{ id: 's1', name: 'a', text: 'Turkey said 5 people died.' }]).sources.length, 1);
});

test('url and published go in through the wasm API and come out on each source report', () => {
  // The page's source cards send them; exports (ClaimReview appearances) read them off the report.
  const [a, b, c] = examples();
  const report = analyze([
    { ...a, url: 'https://wnd.example/2019/10/turkey', published: '2019-10-09' },
    { ...b, url: '', published: null }, // blank and null: not given
    c, // absent: not given
  ]);
  assert.equal(report.sources[0].url, 'https://wnd.example/2019/10/turkey');
  assert.equal(report.sources[0].published, '2019-10-09');
  for (const s of report.sources.slice(1)) {
    assert.equal('url' in s, false, `${s.id} has url ${s.url}`);
    assert.equal('published' in s, false);
  }
  assert.deepEqual(report.warnings, []);
  // The metadata does not change the analysis.
  const plain = analyze([a, b, c]);
  const strip = (r) => JSON.stringify({ ...r, sources: r.sources.map(({ url, published, ...rest }) => rest) });
  assert.equal(strip(report), strip(plain));
  // A wrong type is refused with a message, not a crash.
  assert.throws(() => analyze([{ ...a, url: 42 }]), /url and published optional/);
});

test('the engine names its build: version and a hash of its code and models', () => {
  // Reason: the page keys its reload cache by this name; a bare version would let a report from
  // an earlier build of the same version be shown as this build's.
  assert.match(engine(), new RegExp(`^${version().replace(/\./g, '\\.')}-[0-9a-f]{16}$`));
});
