// www/export.js in Node: CSV round-trips (RFC 4180) and ClaimReview JSON-LD drafts, on a
// hand-made report with awkward text and on the real report of the built-in example.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toCSV, parseCSV, claimsCSV, entitiesCSV, claimReviews, CLAIM_COLUMNS, ENTITY_COLUMNS } from '../../www/export.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const nasty = 'He said, "it rose by 5%",\r\nthen left.\nOK';
const report = {
  version: 1,
  offsets: 'utf16',
  sources: [
    {
      id: 's1',
      name: 'Outlet, "One"',
      entities: [{ start: 0, end: 2, text: 'He', label: 'PERSON', key: 'he' }, { start: 20, end: 22, text: '5%', label: 'PERCENT', key: '5', low: 5, high: 5, unit: '%' }],
      claims: [{ start: 0, end: nasty.length, text: nasty, score: 0.8, checkworthy: true, reasons: ['number', 'attributed'], certainty: 'attributed', attribution: { kind: 'named', quote: true, source: { start: 0, end: 2, text: 'He' }, cue: { start: 3, end: 7, text: 'said' }, via: null }, numbers: [], entities: [0, 1] }],
    },
    {
      id: 's2',
      name: 'Two',
      entities: [],
      claims: [{ start: 0, end: 10, text: 'It rose 5%', score: 0.6, checkworthy: true, reasons: ['number'], certainty: 'asserted', attribution: { kind: 'none', quote: false, source: null, cue: null, via: null }, numbers: [], entities: [] }],
    },
  ],
  comparison: {
    entities: [{ key: 'he', name: 'He', label: 'PERSON', names: ['He'], sources: { s1: 1 }, omitted_by: [] }],
    claims: [{ status: 'corroborated', members: [{ source: 's1', claim: 0, certainty: 'attributed', origin: 0 }, { source: 's2', claim: 0, certainty: 'asserted', origin: 1 }], sources: 2, origins: 2, drift: true, conflict: null }],
  },
  warnings: [],
};

test('toCSV quotes commas, quotes and newlines and parses back', () => {
  const rows = [['a', 'b,c', 'd"e', 'f\ng', 'h\r\ni', ''], ['1', '2', '3', '4', '5', '6']];
  const text = toCSV(rows);
  assert.match(text, /"b,c"/);
  assert.match(text, /"d""e"/);
  assert.deepEqual(parseCSV(text), rows);
});

test('claims.csv and entities.csv: header row, same column count on every row, fields intact', () => {
  const claims = parseCSV(claimsCSV(report));
  assert.deepEqual(claims[0], CLAIM_COLUMNS);
  assert.equal(claims.length, 3);
  for (const r of claims) assert.equal(r.length, CLAIM_COLUMNS.length);
  const col = (name) => CLAIM_COLUMNS.indexOf(name);
  assert.equal(claims[1][col('text')], nasty);
  assert.equal(claims[1][col('source_name')], 'Outlet, "One"');
  assert.equal(claims[1][col('reasons')], 'number; attributed');
  assert.equal(claims[1][col('group_status')], 'corroborated');
  const ents = parseCSV(entitiesCSV(report));
  assert.deepEqual(ents[0], ENTITY_COLUMNS);
  assert.equal(ents.length, 3);
  for (const r of ents) assert.equal(r.length, ENTITY_COLUMNS.length);
  assert.equal(ents[1][ENTITY_COLUMNS.indexOf('cluster_name')], 'He');
  assert.equal(ents[2][ENTITY_COLUMNS.indexOf('unit')], '%');
});

test('ClaimReview drafts: @type, claimReviewed, Claim author and one appearance per source', () => {
  const [cr, ...rest] = claimReviews(report, [{ source: 's1', claim: 0 }, { source: 's9', claim: 0 }]);
  assert.equal(rest.length, 0, 'unknown selections are skipped');
  const back = JSON.parse(JSON.stringify(cr));
  assert.equal(back['@type'], 'ClaimReview');
  assert.equal(back['@context'], 'https://schema.org');
  assert.equal(back.claimReviewed, nasty);
  assert.equal(back.itemReviewed['@type'], 'Claim');
  assert.deepEqual(back.itemReviewed.author, { '@type': 'Person', name: 'He' });
  assert.deepEqual(back.itemReviewed.appearance.map((a) => a.name), ['Outlet, "One"', 'Two']);
  assert.equal(back.reviewRating['@type'], 'Rating');
  assert.equal(back.reviewRating.ratingValue, '');
  // The outlet is the author when the claim is in its own voice.
  const [own] = claimReviews(report, [{ source: 's2', claim: 0 }]);
  assert.deepEqual(own.itemReviewed.author, { '@type': 'Organization', name: 'Two' });
});

test('exports of the real example report parse with the right column counts', async () => {
  const pkg = path.join(root, 'www/pkg/crosscheck.js');
  if (!fs.existsSync(pkg)) throw new Error('www/pkg is missing: run scripts/build-wasm.sh first');
  const { initSync, analyze } = await import(pkg);
  initSync({ module: fs.readFileSync(path.join(root, 'www/pkg/crosscheck_bg.wasm')) });
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'www/examples/manifest.json'), 'utf8'));
  const sources = manifest.sources.map((s) => ({ id: s.id, name: s.name, text: fs.readFileSync(path.join(root, 'www/examples', s.file), 'utf8') }));
  const rep = analyze(sources);
  const claims = parseCSV(claimsCSV(rep));
  assert.equal(claims.length - 1, rep.sources.reduce((n, s) => n + s.claims.length, 0));
  for (const r of claims) assert.equal(r.length, CLAIM_COLUMNS.length);
  const ents = parseCSV(entitiesCSV(rep));
  assert.equal(ents.length - 1, rep.sources.reduce((n, s) => n + s.entities.length, 0));
  for (const r of ents) assert.equal(r.length, ENTITY_COLUMNS.length);
  const g = rep.comparison.claims.find((x) => x.sources > 1);
  const [cr] = claimReviews(rep, [g.members[0]]);
  assert.equal(cr['@type'], 'ClaimReview');
  assert.equal(cr.itemReviewed.appearance.length, g.sources);
});
