// The npm package as its users get it: scripts/build-npm.sh assembles it from the built www/pkg,
// `npm pack` makes the tarball, and a scratch project installs the tarball with npm, imports it
// from Node (ESM), bundles it with esbuild into a page that runs in headless Chromium (beside
// <crosscheck-widget> served from node_modules), and type-checks TypeScript against it with
// tsc --strict: typed use, a real report checked against the declarations, and type errors that
// must be rejected.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/helpers.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = (name) => join(REPO, 'node_modules', '.bin', name);
const CRATE_VERSION = /^version = "(.+)"$/m.exec(readFileSync(join(REPO, 'Cargo.toml'), 'utf8'))[1];
const DTS = readFileSync(join(REPO, 'npm/crosscheck.d.ts'), 'utf8');

let dir; // scratch folder: package/ (assembled), the tarball, app/ (the user's project)
let app;
let tarball;

/** Runs a command; throws with its output unless it exits 0 (or `fail` is set). */
function sh(cmd, args, { cwd = REPO, fail = false } = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  if (!fail && r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}

const write = (name, text) => {
  mkdirSync(dirname(join(app, name)), { recursive: true });
  writeFileSync(join(app, name), text);
};

/** Runs `node FILE` in the scratch project (its own node_modules) and parses its JSON output. */
function nodeJSON(file, source) {
  write(file, source);
  return JSON.parse(sh(process.execPath, [file], { cwd: app }).stdout);
}

const LOAD_NODE = `import { readFile } from 'node:fs/promises';
const wasm = await readFile(new URL(import.meta.resolve('crosscheck/crosscheck_bg.wasm')));`;

const TWO = [
  { id: 'a', name: 'Outlet A', text: 'Turkey said 2,000 fighters crossed the border on Monday.' },
  { id: 'b', name: 'Outlet B', text: 'According to Turkey, about 2,000 fighters crossed the border.' },
];

// A pair with a renamed duplicate id, a bad url and date (warnings), an open range ("at least
// 40") and a denial (a conflict): with the example articles, a report where every optional and
// nullable field of the declarations occurs.
const EDGES = [
  { id: 'a', name: 'Outlet A', url: 'ftp://x', text: 'At least 40 people were killed in the floods in Pakistan on Monday, police said. Officials denied that the dam had failed.' },
  { id: 'a', name: 'Outlet B', published: 'yesterday', text: 'Police said 48 people were killed in the floods in Pakistan on Monday. The dam had failed, residents said.' },
];

before(() => {
  if (!existsSync(join(REPO, 'www/pkg/crosscheck_bg.wasm'))) {
    throw new Error('www/pkg is missing: run scripts/setup.sh --no-serve (or scripts/build-wasm.sh) first');
  }
  for (const b of ['esbuild', 'tsc']) {
    if (!existsSync(BIN(b))) throw new Error(`node_modules/.bin/${b} is missing: run npm ci`);
  }
  dir = mkdtempSync(join(tmpdir(), 'crosscheck-package-'));
  const pkg = join(dir, 'package');
  sh('bash', ['scripts/build-npm.sh', '--no-build', '--out', pkg]);
  const packed = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', dir], { cwd: pkg }).stdout);
  tarball = packed[0];
  app = join(dir, 'app');
  mkdirSync(app);
  write('package.json', JSON.stringify({ name: 'app', private: true, type: 'module' }));
  sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', join(dir, tarball.filename)], { cwd: app });
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the tarball: the package files only, a publishable manifest, the built wasm', () => {
  assert.deepEqual(tarball.files.map((f) => f.path).sort(), [
    'README.md',
    'package.json',
    'pkg/crosscheck.d.ts',
    'pkg/crosscheck.js',
    'pkg/crosscheck_bg.wasm',
    'render.js',
    'style.css',
    'widget.css',
    'widget.d.ts',
    'widget.js',
    'worker.js',
  ]);
  const installed = join(app, 'node_modules', 'crosscheck');
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.equal(manifest.name, 'crosscheck');
  assert.equal(manifest.private, undefined, 'the package must be publishable');
  assert.equal(manifest.version, CRATE_VERSION, 'npm/package.json and Cargo.toml differ in version');
  assert.equal(manifest.license, 'MIT');
  assert.equal(manifest.type, 'module');
  assert.deepEqual(manifest.exports['.'], { types: './pkg/crosscheck.d.ts', default: './pkg/crosscheck.js' });
  assert.deepEqual(manifest.exports['./widget'], { types: './widget.d.ts', default: './widget.js' });
  assert.equal(manifest.types, './pkg/crosscheck.d.ts');
  // What the page ships, byte for byte, and the typed declarations rather than the generated ones.
  assert.ok(readFileSync(join(installed, 'pkg/crosscheck_bg.wasm')).equals(readFileSync(join(REPO, 'www/pkg/crosscheck_bg.wasm'))));
  assert.equal(readFileSync(join(installed, 'pkg/crosscheck.js'), 'utf8'), readFileSync(join(REPO, 'www/pkg/crosscheck.js'), 'utf8'));
  assert.equal(readFileSync(join(installed, 'pkg/crosscheck.d.ts'), 'utf8'), DTS);
  assert.match(readFileSync(join(installed, 'README.md'), 'utf8'), /npm install crosscheck/);
});

test('Node (ESM): the installed package loads, and analyses two sources', () => {
  const out = nodeJSON('node.mjs', `${LOAD_NODE}
import * as crosscheck from 'crosscheck';
import { initSync, analyze, version } from 'crosscheck';
initSync({ module: wasm });
const report = analyze(${JSON.stringify(TWO)});
console.log(JSON.stringify({ exports: Object.keys(crosscheck).sort(), version: version(), report }));
`);
  // The module exports exactly the functions the declarations declare.
  const declared = [...DTS.matchAll(/^export (default )?function (\w+)/gm)].map((m) => (m[1] ? 'default' : m[2])).sort();
  assert.deepEqual(out.exports, declared);
  assert.equal(out.version, CRATE_VERSION);
  const { report } = out;
  assert.equal(report.version, 1);
  assert.equal(report.offsets, 'utf16');
  assert.deepEqual(report.sources.map((s) => s.name), ['Outlet A', 'Outlet B']);
  const turkey = report.comparison.entities.find((e) => e.key === 'turkey');
  assert.deepEqual(turkey && turkey.sources, { a: 1, b: 1 }, 'Turkey, named by both, is one entity across them');
  const shared = report.comparison.claims.find((g) => g.sources === 2);
  assert.ok(shared, 'the two sources make one claim');
  assert.equal(shared.status, 'corroborated');
  assert.deepEqual(shared.members.map((m) => m.source), ['a', 'b']);
  const [claim] = report.sources[1].claims;
  assert.equal(TWO[1].text.slice(claim.start, claim.end), claim.text);
});

/** The first ```js block under `heading` (up to the next heading of its level or above). */
function example(file, heading) {
  const md = readFileSync(join(REPO, file), 'utf8');
  const at = md.indexOf(`\n${heading}\n`);
  assert.ok(at >= 0, `${file} has no "${heading}"`);
  const level = heading.split(' ')[0];
  const rest = md.slice(at + heading.length + 2);
  const end = rest.search(new RegExp(`^#{1,${level.length}} `, 'm'));
  const section = end < 0 ? rest : rest.slice(0, end);
  const block = /```js\n([\s\S]*?)```/.exec(section);
  assert.ok(block, `${file} "${heading}" has no js example`);
  return block[1];
}

test('the README examples run as they are against the installed package', () => {
  for (const [file, heading, name] of [
    ['npm/README.md', '## Analyse in Node or a browser', 'readme-package.mjs'],
    ['README.md', '## npm', 'readme-repo.mjs'],
  ]) {
    const code = example(file, heading);
    assert.match(code, /from 'crosscheck'/, `${file}: the example does not import the package`);
    write(name, code);
    const r = sh(process.execPath, [name], { cwd: app, fail: true });
    assert.equal(r.status, 0, `${file} "${heading}" failed:\n${r.stderr}`);
    assert.match(r.stdout, /corroborated/, `${file}: unexpected output\n${r.stdout}`);
  }
});

test('esbuild bundles it into a page that analyses in Chromium, beside <crosscheck-widget> from node_modules', async () => {
  write('src/page.js', `import init, { analyze } from 'crosscheck';
await init(); // crosscheck_bg.wasm next to the bundle
const report = analyze(${JSON.stringify(TWO)});
document.body.dataset.entities = report.comparison.entities.map((e) => e.key + ':' + Object.keys(e.sources)).join(' ');
`);
  sh(BIN('esbuild'), ['src/page.js', '--bundle', '--format=esm', '--outfile=site/app.js', '--log-level=warning'], { cwd: app });
  const bundle = readFileSync(join(app, 'site/app.js'), 'utf8');
  assert.match(bundle, /new URL\("crosscheck_bg\.wasm", import\.meta\.url\)/, 'the bundle does not load the wasm next to itself');
  assert.ok(!/from ['"]crosscheck['"]/.test(bundle), 'the package was not bundled in');
  copyFileSync(join(app, 'node_modules/crosscheck/pkg/crosscheck_bg.wasm'), join(app, 'site/crosscheck_bg.wasm'));
  const sources = JSON.stringify(TWO.map(({ name, text }) => ({ name, text }))).replace(/'/g, '&#39;');
  write('site/index.html', `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>crosscheck from npm</title><link rel="icon" href="data:,">
<script type="module" src="app.js"></script>
<script type="module" src="/node_modules/crosscheck/widget.js"></script>
</head><body>
<crosscheck-widget sources='${sources}' autoanalyse></crosscheck-widget>
</body></html>
`);

  const server = await serve({ root: app, port: 0 });
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
    await page.goto(new URL('site/index.html', server.url).href);
    await page.waitForFunction(() => document.body.dataset.entities !== undefined, null, { timeout: 30_000 });
    assert.equal(await page.evaluate(() => document.body.dataset.entities), 'turkey:a,b');
    await page.waitForFunction(() => ['done', 'error'].includes(document.querySelector('crosscheck-widget')?.dataset.state), null, { timeout: 30_000 });
    const widget = await page.evaluate(() => {
      const w = document.querySelector('crosscheck-widget');
      return {
        state: w.dataset.state,
        sources: w.report?.sources.length,
        marks: w.shadowRoot.querySelectorAll('.doc mark').length,
        styled: [...w.shadowRoot.querySelectorAll('link[rel=stylesheet]')].map((l) => new URL(l.href).pathname),
      };
    });
    assert.equal(widget.state, 'done');
    assert.equal(widget.sources, 2);
    assert.ok(widget.marks > 0, 'the widget marked nothing');
    assert.deepEqual(widget.styled, ['/node_modules/crosscheck/style.css', '/node_modules/crosscheck/widget.css']);
    assert.deepEqual(errors, []);
  } finally {
    await browser?.close().catch(() => {});
    await server.close();
  }
});

test('tsc --strict: typed use and a real report type-check; type errors are rejected', () => {
  // A real report: the five example articles (one with url and date) and the edge cases.
  const examples = join(REPO, 'www/examples');
  const manifest = JSON.parse(readFileSync(join(examples, 'manifest.json'), 'utf8'));
  const sources = manifest.sources.map((s) => ({ id: s.id, name: s.name, text: readFileSync(join(examples, s.file), 'utf8') }));
  Object.assign(sources[0], { url: 'https://example.org/story', published: '2019-10-09' });
  const reports = nodeJSON('reports.mjs', `${LOAD_NODE}
import { initSync, analyze } from 'crosscheck';
initSync({ module: wasm });
console.log(JSON.stringify([analyze(${JSON.stringify(sources)}), analyze(${JSON.stringify(EDGES)})]));
`);
  // Every optional or nullable field occurs, so the check below covers it.
  const all = JSON.stringify(reports);
  for (const field of ['"url":', '"published":', '"unit":', '"iso":', '"high":null', '"conflict":{', '"closest":{', '"resolved":{', '"via":{', '"similarity":null', '"cue":{']) {
    assert.ok(all.includes(field), `the reports have no ${field}`);
  }
  assert.ok(reports[1].warnings.length >= 3);
  // `satisfies` checks each object literal against its interface: a field the declarations lack
  // is an error, so is a missing one, a wrong type or a value outside a union.
  write('report.ts', `import type { Report } from 'crosscheck';\n${reports.map((r, i) => `export const report${i} = ${JSON.stringify(r, null, 1)} satisfies Report;\n`).join('')}`);

  write('use.ts', `import init, { analyze, initSync, version } from 'crosscheck';
import type { Report, SourceInput, SourceReport, Entity, Claim, Attribution, Summary, ClaimGroup, ClaimGroupMember, EntityCluster, Label } from 'crosscheck';
import { CrosscheckWidget } from 'crosscheck/widget';

type IsAny<T> = 0 extends 1 & T ? true : false;
export const typedIn: IsAny<Parameters<typeof analyze>[0]> = false;
export const typedOut: IsAny<ReturnType<typeof analyze>> = false;

export async function run(bytes: Uint8Array): Promise<string[]> {
  await init({ module_or_path: bytes });
  initSync({ module: bytes });
  const sources: SourceInput[] = [{ id: 'a', name: 'A', text: 'Turkey said 5 people died.' }, { id: 'b', text: 'Five died, Turkey said.', url: null }];
  const report: Report = analyze(sources);
  const out: string[] = [version(), report.offsets];
  report.sources.forEach((s: SourceReport) => {
    const summary: Summary = s.summary;
    const gpe: number = summary.entities_by_label.GPE ?? 0;
    out.push(\`\${s.name} \${s.url ?? ''} \${gpe} \${summary.hedged_share.toFixed(2)} \${summary.cites.join()}\`);
    for (const c of s.claims) {
      const claim: Claim = c;
      const who: Attribution = claim.attribution;
      const label: Label | undefined = s.entities[claim.entities[0]]?.label;
      out.push(\`\${claim.text.slice(0, 20)} \${claim.score.toFixed(2)} \${claim.certainty} \${who.source?.text ?? who.kind} \${label}\`);
      if (claim.closest) out.push(\`\${claim.closest.source}#\${claim.closest.claim}\`);
      for (const n of claim.numbers) if (n.low != null && n.unit) out.push(\`\${n.low.toFixed(0)} \${n.unit}\`);
    }
    const date: Entity | undefined = s.entities.find((e) => e.label === 'DATE');
    if (date?.iso) out.push(date.iso.slice(0, 4));
  });
  const disputed: ClaimGroup[] = report.comparison.claims.filter((g) => g.status === 'conflicting');
  const member: ClaimGroupMember | undefined = disputed[0]?.members.find((m) => m.stance === 'disputes');
  if (member && member.similarity !== null) out.push(member.similarity.toFixed(2));
  if (disputed[0]?.conflict) out.push(disputed[0].conflict.kind, disputed[0].conflict.detail);
  const cluster: EntityCluster | undefined = report.comparison.entities[0];
  if (cluster) out.push(Object.entries(cluster.sources).map(([id, n]) => id + n.toFixed(0)).join());
  return out;
}

const widget: CrosscheckWidget | null = document.querySelector('crosscheck-widget');
widget?.addEventListener('crosscheck-analysed', (e) => console.log(e.detail.report.comparison.claims.length));
widget?.analyse().then((r: Report | null) => r?.warnings);
`);

  // Each line marked "error" must be rejected, and nothing else.
  write('bad.ts', `import { analyze, type Report } from 'crosscheck';
const report: Report = analyze([{ id: 'a', text: 'x' }]);
export const status: number = report.comparison.claims[0].status; // error: a string union
export const claims = report.sources[0].claim; // error: no such field (claims)
analyze([{ id: 'a', body: 'x' }]); // error: no text
export const label: Report['sources'][0]['entities'][0]['label'] = 'PERSONS'; // error: no such label
export const stance: boolean = report.comparison.claims[0].members[0].stance === 'agree'; // error: no such stance
export const extra = { version: 1, offsets: 'utf16', sources: [], comparison: { entities: [], claims: [] }, warnings: [], extra: 1 } satisfies Report; // error: undeclared field
export const offsets = { version: 1, offsets: 'bytes', sources: [], comparison: { entities: [], claims: [] }, warnings: [] } satisfies Report; // error: no such unit
export const score: string = report.sources[0].claims[0].score; // error: a number
`);
  const compilerOptions = { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022', 'dom'], types: [] };
  write('tsconfig.json', JSON.stringify({ compilerOptions, files: ['use.ts', 'report.ts'] }));
  write('tsconfig.bad.json', JSON.stringify({ compilerOptions, files: ['bad.ts'] }));

  const good = sh(BIN('tsc'), ['-p', 'tsconfig.json'], { cwd: app, fail: true });
  const head = (text) => text.split('\n').slice(0, 30).join('\n');
  assert.equal(good.status, 0, `tsc rejected typed use of the package or a real report:\n${head(good.stdout + good.stderr)}`);

  const bad = sh(BIN('tsc'), ['-p', 'tsconfig.bad.json'], { cwd: app, fail: true });
  assert.notEqual(bad.status, 0, 'tsc accepted type errors');
  const rejected = [...new Set([...bad.stdout.matchAll(/^bad\.ts\((\d+),\d+\): error TS\d+/gm)].map((m) => Number(m[1])))];
  const expected = readFileSync(join(app, 'bad.ts'), 'utf8').split('\n').flatMap((l, i) => (l.includes('// error') ? [i + 1] : []));
  assert.deepEqual(rejected, expected, `tsc's errors:\n${bad.stdout}`);
});
