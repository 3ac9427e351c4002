// www/export.js in Node: CSV round-trips (RFC 4180) and ClaimReview JSON-LD drafts, on a
// hand-made report with awkward text and on the real report of the built-in example.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toCSV, parseCSV, claimsCSV, entitiesCSV, claimReviews, reportFile, openReportFile, CLAIM_COLUMNS, ENTITY_COLUMNS, CLAIMREVIEW_FIELDS } from '../../www/export.js';

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
      claims: [{ start: 0, end: nasty.length, text: nasty, score: 0.8, checkworthy: true, reasons: ['number', 'attributed'], certainty: 'attributed', attribution: { kind: 'named', quote: true, source: { start: 0, end: 2, text: 'He' }, cue: { start: 3, end: 7, text: 'said' }, via: null }, numbers: [], entities: [0, 1], closest: { source: 's2', claim: 0, similarity: 0.81 } }],
    },
    {
      id: 's2',
      name: 'Two',
      entities: [],
      claims: [
        { start: 0, end: 10, text: 'It rose 5%', score: 0.6, checkworthy: true, reasons: ['number'], certainty: 'asserted', attribution: { kind: 'none', quote: false, source: null, cue: null, via: null }, numbers: [], entities: [], closest: { source: 's1', claim: 0, similarity: 0.81 } },
        { start: 11, end: 20, text: 'It rained', score: 0.1, checkworthy: false, reasons: [], certainty: 'asserted', attribution: { kind: 'none', quote: false, source: null, cue: null, via: null }, numbers: [], entities: [], closest: { source: 's1', claim: 0, similarity: 0.12 } },
      ],
    },
  ],
  comparison: {
    entities: [{ key: 'he', name: 'He', label: 'PERSON', names: ['He'], sources: { s1: 1 }, omitted_by: [] }],
    claims: [
      { status: 'corroborated', members: [{ source: 's1', claim: 0, certainty: 'attributed', stance: 'reports', similarity: 0.81, origin: 0 }, { source: 's2', claim: 0, certainty: 'asserted', stance: 'agrees', similarity: 0.81, origin: 1 }], sources: 2, origins: 2, drift: true, conflict: null, similarity: 0.81, entities: [], numbers: ['5%'] },
      { status: 'single_source', members: [{ source: 's2', claim: 1, certainty: 'asserted', stance: 'agrees', similarity: null, origin: 0 }], sources: 1, origins: 1, drift: false, conflict: null, similarity: null, entities: [], numbers: [] },
    ],
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
  assert.equal(claims.length, 4);
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

test('claims.csv: the columns older files had keep their order; stance, similarity and closest claim come after', () => {
  const old = [
    'source_id', 'source_name', 'claim', 'start', 'end', 'text', 'score', 'checkworthy', 'certainty', 'reasons',
    'attribution_kind', 'attribution_source', 'attribution_cue', 'attribution_via', 'quote',
    'group', 'group_status', 'group_sources', 'group_origins', 'drift', 'conflict',
  ];
  assert.deepEqual(CLAIM_COLUMNS.slice(0, old.length), old);
  assert.deepEqual(CLAIM_COLUMNS.slice(old.length), ['stance', 'group_similarity', 'closest_source', 'closest_claim', 'closest_similarity', 'attribution_stands_for']);
  const rows = parseCSV(claimsCSV(report));
  const get = (r, name) => r[CLAIM_COLUMNS.indexOf(name)];
  const [, s1, s2a, s2b] = rows;
  assert.equal(get(s1, 'stance'), 'reports');
  assert.equal(get(s2a, 'stance'), 'agrees');
  assert.equal(get(s1, 'group_similarity'), '0.81');
  assert.equal(get(s1, 'closest_source'), 's2');
  assert.equal(get(s1, 'closest_claim'), '0');
  assert.equal(get(s1, 'closest_similarity'), '0.81');
  // A single-source claim: its own group (no similarity), and its closest claim elsewhere.
  assert.equal(get(s2b, 'group'), '1');
  assert.equal(get(s2b, 'group_status'), 'single_source');
  assert.equal(get(s2b, 'group_similarity'), '');
  assert.equal(get(s2b, 'closest_source'), 's1');
  assert.equal(get(s2b, 'closest_similarity'), '0.12');
});

test('claims.csv: attribution_stands_for gives who a pronoun stands for, named or an unnamed group', () => {
  const claim = (attribution) => ({ start: 0, end: 4, text: 'Text', score: 0.5, checkworthy: true, reasons: [], certainty: 'attributed', attribution, numbers: [], entities: [] });
  const rep = {
    version: 1,
    offsets: 'utf16',
    sources: [{
      id: 'a',
      name: 'A',
      entities: [],
      claims: [
        // "he" resolved to a person named before: that person's name.
        claim({ kind: 'named', quote: false, source: { start: 0, end: 2, text: 'he' }, cue: null, via: null, resolved: { key: 'mark ellison', name: 'Mark Ellison', mention: { start: 40, end: 52, text: 'Mark Ellison' } }, stands_for: null }),
        // "they" after "Federal prosecutors said": the group, still anonymous.
        claim({ kind: 'anonymous', quote: false, source: { start: 0, end: 4, text: 'they' }, cue: null, via: null, resolved: null, stands_for: { start: 60, end: 79, text: 'Federal prosecutors' } }),
        // "They said" with no group before: nothing.
        claim({ kind: 'anonymous', quote: false, source: { start: 0, end: 4, text: 'They' }, cue: null, via: null, resolved: null, stands_for: null }),
      ],
    }],
    comparison: { entities: [], claims: [] },
    warnings: [],
  };
  const rows = parseCSV(claimsCSV(rep));
  const col = CLAIM_COLUMNS.indexOf('attribution_stands_for');
  assert.deepEqual(rows.slice(1).map((r) => r[col]), ['Mark Ellison', 'Federal prosecutors', '']);
});

test('ClaimReview drafts: @type, claimReviewed, Claim author and one appearance per source', () => {
  const [cr, ...rest] = claimReviews(report, [{ source: 's1', claim: 0 }, { source: 's9', claim: 0 }]);
  assert.equal(rest.length, 0, 'unknown selections are skipped');
  const back = JSON.parse(JSON.stringify(cr));
  assert.equal(back['@type'], 'ClaimReview');
  assert.equal(back['@context'], 'https://schema.org');
  assert.equal(back.claimReviewed, nasty);
  assert.equal(back.itemReviewed['@type'], 'Claim');
  // "He said" names nobody: the claimant is the outlet that printed it, not a person called "He".
  assert.deepEqual(back.itemReviewed.author, { '@type': 'Organization', name: 'Outlet, "One"' });
  // Each appearance gives the outlet that carries the claim, as its publisher.
  assert.deepEqual(back.itemReviewed.appearance.map((a) => a.publisher), [{ '@type': 'Organization', name: 'Outlet, "One"' }, { '@type': 'Organization', name: 'Two' }]);
  assert.deepEqual(back.itemReviewed.appearance.map((a) => a.text), [nasty, 'It rose 5%']);
  assert.equal(back.reviewRating['@type'], 'Rating');
  assert.equal(back.reviewRating.ratingValue, '');
  // The outlet is the author when the claim is in its own voice.
  const [own] = claimReviews(report, [{ source: 's2', claim: 0 }]);
  assert.deepEqual(own.itemReviewed.author, { '@type': 'Organization', name: 'Two' });
});

/** A one-source report whose only claim is `text`, attributed to the phrase `speaker` in it. */
function quoted(text, speaker, entities = [], kind = 'named') {
  const at = text.indexOf(speaker);
  return {
    version: 1,
    offsets: 'utf16',
    sources: [{
      id: 'p',
      name: 'The Paper',
      entities: entities.map(([t, label]) => ({ start: text.indexOf(t), end: text.indexOf(t) + t.length, text: t, label, key: t.toLowerCase() })),
      claims: [{ start: 0, end: text.length, text, score: 0.9, checkworthy: true, reasons: ['attributed'], certainty: 'attributed', attribution: { kind, quote: true, source: { start: at, end: at + speaker.length, text: speaker }, cue: null, via: null }, numbers: [], entities: [], closest: null }],
    }],
    comparison: { entities: [], claims: [{ status: 'single_source', members: [{ source: 'p', claim: 0, certainty: 'attributed', stance: 'reports', similarity: null, origin: 0 }], sources: 1, origins: 1, drift: false, conflict: null, similarity: null, entities: [], numbers: [] }] },
    warnings: [],
  };
}

test('ClaimReview: a quoted claim’s claimant is the person quoted, by name', () => {
  // The fact-check reviews what Erdoğan said, not what the newspaper said.
  const text = '“We will not allow a terror corridor,” Recep Tayyip Erdoğan said on Monday.';
  const [cr] = claimReviews(quoted(text, 'Recep Tayyip Erdoğan', [['Recep Tayyip Erdoğan', 'PERSON'], ['Monday', 'DATE']]), [{ source: 'p', claim: 0 }]);
  assert.deepEqual(cr.itemReviewed.author, { '@type': 'Person', name: 'Recep Tayyip Erdoğan' });
  // An apposition is kept as the description; the name is the person's.
  const t2 = 'Alan Abramowitz, a demographer at Emory University, said turnout rose 5%.';
  const [cr2] = claimReviews(quoted(t2, 'Alan Abramowitz, a demographer at Emory University', [['Alan Abramowitz', 'PERSON'], ['Emory University', 'ORG']]), [{ source: 'p', claim: 0 }]);
  assert.deepEqual(cr2.itemReviewed.author, { '@type': 'Person', name: 'Alan Abramowitz', description: 'Alan Abramowitz, a demographer at Emory University' });
  // An organisation that speaks is an Organization.
  const t3 = 'The Turkish Defence Ministry said 40 fighters were killed.';
  const [cr3] = claimReviews(quoted(t3, 'The Turkish Defence Ministry', [['Turkish Defence Ministry', 'ORG']]), [{ source: 'p', claim: 0 }]);
  assert.equal(cr3.itemReviewed.author['@type'], 'Organization');
  assert.equal(cr3.itemReviewed.author.name, 'Turkish Defence Ministry');
});

test('ClaimReview: the claimant is the name that heads the attribution, not any name inside it', () => {
  // Phrases the example's attributions produce: a name in a prepositional phrase or used as a
  // modifier is not who speaks ("accomplices in Turkey" are not Turkey).
  const cases = [
    ['Italy’s defense minister, Roberta Pinotti', [['Italy', 'GPE'], ['Roberta Pinotti', 'PERSON']], { '@type': 'Person', name: 'Roberta Pinotti', description: 'Italy’s defense minister, Roberta Pinotti' }],
    ['The U.N. refugee organization, UNHCR', [['U.N.', 'ORG'], ['UNHCR', 'ORG']], { '@type': 'Organization', name: 'UNHCR', description: 'The U.N. refugee organization, UNHCR' }],
    ['political analyst Hamdi Fırat Büyük', [['Hamdi Fırat Büyük', 'PERSON']], { '@type': 'Person', name: 'Hamdi Fırat Büyük', description: 'political analyst Hamdi Fırat Büyük' }],
    ['Ankara', [['Ankara', 'GPE']], { '@type': 'Organization', name: 'Ankara' }],
    ['The Turkish president', [['Turkish', 'NORP']], null],
    ['accomplices in Turkey', [['Turkey', 'GPE']], null],
    ['Leading members of the Islamic State (ISIS)', [['Islamic State', 'ORG'], ['ISIS', 'ORG']], null],
    ['The ISIS documents', [['ISIS', 'ORG']], null],
    ['the Turkish authorities of the arrest of 15 ISIS supporters', [['Turkish', 'NORP'], ['15', 'CARDINAL'], ['ISIS', 'ORG']], null],
  ];
  for (const [speaker, ents, want] of cases) {
    const text = `${speaker} said that 40 fighters crossed the border.`;
    const [cr] = claimReviews(quoted(text, speaker, ents), [{ source: 'p', claim: 0 }]);
    assert.deepEqual(cr.itemReviewed.author, want || { '@type': 'Organization', name: 'The Paper' }, speaker);
    // Whoever the claimant, the appearance says how the outlet attributes the claim.
    assert.equal(cr.itemReviewed.appearance[0].description, `Attributed to “${speaker}”, quoted`);
  }
});

test('ClaimReview: a pronoun or an unnamed source is never the claimant; the outlet is', () => {
  // "he" or "who" is not someone a reader can look up: the outlet vouches for the words.
  for (const pronoun of ['he', 'She', 'they', 'it', 'who', 'He himself']) {
    const [cr] = claimReviews(quoted(`“Turkey is safe,” ${pronoun} said.`, pronoun), [{ source: 'p', claim: 0 }]);
    assert.deepEqual(cr.itemReviewed.author, { '@type': 'Organization', name: 'The Paper' }, pronoun);
  }
  const [anon] = claimReviews(quoted('An official said 40 died.', 'An official', [], 'anonymous'), [{ source: 'p', claim: 0 }]);
  assert.deepEqual(anon.itemReviewed.author, { '@type': 'Organization', name: 'The Paper' });
});

test('ClaimReview: a pronoun the analysis resolved to a named speaker gives that speaker', () => {
  // "he said", after the text named Ann Lee: the report's attribution.resolved says who he is.
  const text = 'Ann Lee spoke first. “Turkey is safe,” he said.';
  const rep = quoted(text, 'he', [['Ann Lee', 'PERSON']]);
  rep.sources[0].claims[0].attribution.resolved = { key: 'ann lee', name: 'Ann Lee', mention: { start: 0, end: 7, text: 'Ann Lee' } };
  const [cr] = claimReviews(rep, [{ source: 'p', claim: 0 }]);
  assert.deepEqual(cr.itemReviewed.author, { '@type': 'Person', name: 'Ann Lee', description: 'he' });
});

test('ClaimReview drafts carry every field fact-check publishers require and recommend', () => {
  // Google's fact-check markup: ClaimReview requires claimReviewed, reviewRating (alternateName
  // required; ratingValue, bestRating, worstRating recommended) and url; recommends author,
  // datePublished and itemReviewed (a Claim with author, datePublished and appearance). The draft
  // fills what the report knows and leaves the verdict and the publication to the fact-checker.
  const [cr] = claimReviews(report, [{ source: 's1', claim: 0 }]);
  for (const [field, [need, who]] of Object.entries(CLAIMREVIEW_FIELDS)) {
    assert.ok(field in cr, `${field} (${need}) is missing`);
    if (who === 'reviewer') assert.ok(cr[field] === '' || Object.entries(cr[field]).every(([k, v]) => k === '@type' || v === ''), `${field} is for the fact-checker to fill, and is not empty`);
    else assert.ok(cr[field], `${field} is not drafted`);
  }
  assert.deepEqual(Object.keys(CLAIMREVIEW_FIELDS).sort(), ['author', 'claimReviewed', 'datePublished', 'itemReviewed', 'reviewRating', 'url']);
  assert.deepEqual(Object.keys(cr.reviewRating).sort(), ['@type', 'alternateName', 'bestRating', 'ratingValue', 'worstRating']);
  assert.equal(cr.author['@type'], 'Organization');
  for (const k of ['author', 'datePublished', 'appearance']) assert.ok(k in cr.itemReviewed, `itemReviewed.${k} is missing`);
  // Without source dates the claim's date is left to fill; with them, the earliest appearance's.
  assert.equal(cr.itemReviewed.datePublished, '');
  const dated = structuredClone(report);
  Object.assign(dated.sources[0], { url: 'https://one.example/story', published: '2019-10-10' });
  Object.assign(dated.sources[1], { url: 'https://two.example/a', published: '2019-10-09' });
  const [d] = claimReviews(dated, [{ source: 's1', claim: 0 }]);
  assert.deepEqual(d.itemReviewed.appearance.map((a) => [a.url, a.datePublished, a.publisher.name, a.publisher.url]), [
    ['https://one.example/story', '2019-10-10', 'Outlet, "One"', 'https://one.example'],
    ['https://two.example/a', '2019-10-09', 'Two', 'https://two.example'],
  ]);
  assert.equal(d.itemReviewed.datePublished, '2019-10-09');
  assert.deepEqual(d.itemReviewed.firstAppearance, { '@type': 'CreativeWork', url: 'https://two.example/a', datePublished: '2019-10-09' });
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
  // Every claim is in a group, so every row has a group and a stance.
  for (const r of claims.slice(1)) {
    assert.notEqual(r[CLAIM_COLUMNS.indexOf('group')], '', `${r[0]} claim ${r[2]} has no group`);
    assert.match(r[CLAIM_COLUMNS.indexOf('stance')], /^(agrees|reports|disputes)$/);
  }
  assert.ok(claims.slice(1).some((r) => r[CLAIM_COLUMNS.indexOf('closest_source')] !== ''), 'no claim has a closest claim');
  const ents = parseCSV(entitiesCSV(rep));
  assert.equal(ents.length - 1, rep.sources.reduce((n, s) => n + s.entities.length, 0));
  for (const r of ents) assert.equal(r.length, ENTITY_COLUMNS.length);
  const g = rep.comparison.claims.find((x) => x.sources > 1);
  const [cr] = claimReviews(rep, [g.members[0]]);
  assert.equal(cr['@type'], 'ClaimReview');
  assert.equal(cr.itemReviewed.appearance.length, g.sources);
  // Every quoted claim with a named speaker who is a person: the claimant is that person.
  let quotedPeople = 0;
  for (const s of rep.sources) {
    s.claims.forEach((c, i) => {
      const a = c.attribution;
      if (!a.quote || a.kind !== 'named' || !a.source) return;
      const person = s.entities.find((e) => e.label === 'PERSON' && e.start >= a.source.start && e.end <= a.source.end);
      if (!person) return;
      quotedPeople++;
      const [d] = claimReviews(rep, [{ source: s.id, claim: i }]);
      // The speaker's full name when the analysis resolved the surname ("al-Allaq" → "Saad al-Allaq").
      const name = a.resolved && a.resolved.name ? a.resolved.name : person.text;
      assert.deepEqual([d.itemReviewed.author['@type'], d.itemReviewed.author.name], ['Person', name], c.text);
    });
  }
  assert.ok(quotedPeople > 0, 'the example has no quoted claim of a named person');
});

// OWASP CSV injection: a cell that starts with = + - @ tab or CR is a formula (or a control) to
// Excel, LibreOffice and Google Sheets. Pasted article text and outlet names are the user's, or an
// attacker's, so every such text cell must come out prefixed with ' and everything else unchanged.
const INJECTIONS = ['=HYPERLINK("http://evil.example","click")', '+1', '-2', '@SUM(A1)', '\tcmd', '\rcmd'];

function injectedReport() {
  const none = { kind: 'none', quote: false, source: null, cue: null, via: null };
  const sources = INJECTIONS.map((payload, i) => ({
    id: `s${i + 1}`,
    name: payload,
    entities: [{ start: 0, end: payload.length, text: payload, label: 'QUANTITY', key: payload, low: -2, high: -2, unit: payload }],
    claims: [{ start: 0, end: payload.length, text: payload, score: 0.25, checkworthy: false, reasons: [], certainty: 'asserted', attribution: { ...none, kind: 'named', source: { start: 0, end: payload.length, text: payload } }, numbers: [], entities: [0], closest: null }],
  }));
  const ordinary = 'Turkey said 5 people died, "officially".';
  sources.push({
    id: 'ok',
    name: 'Plain Outlet',
    entities: [{ start: 0, end: 6, text: 'Turkey', label: 'GPE', key: 'turkey' }],
    claims: [{ start: 0, end: ordinary.length, text: ordinary, score: 0.75, checkworthy: true, reasons: ['number'], certainty: 'asserted', attribution: none, numbers: [], entities: [0], closest: null }],
  });
  const claims = sources.map((s) => ({ status: 'single_source', members: [{ source: s.id, claim: 0, certainty: 'asserted', stance: 'agrees', similarity: null, origin: 0 }], sources: 1, origins: 1, drift: false, conflict: null, similarity: null, entities: [], numbers: [] }));
  return { report: { version: 1, offsets: 'utf16', sources, comparison: { entities: [], claims }, warnings: [] }, ordinary };
}

/** The file as a spreadsheet would get it: it must open with the BOM, which is then dropped. */
function readBack(text) {
  assert.equal(text.charCodeAt(0), 0xfeff, 'the file does not start with a UTF-8 BOM');
  assert.equal(Buffer.from(text, 'utf8').subarray(0, 3).toString('hex'), 'efbbbf');
  return parseCSV(text.slice(1));
}

test('CSV files start with a UTF-8 BOM and parse back to the same rows', () => {
  // Excel reads a CSV without a BOM in the local code page: "Erdoğan" would become mojibake.
  const rows = [['name', 'n'], ['Erdoğan’s “Kurds”', '3']];
  const text = toCSV(rows);
  assert.deepEqual(readBack(text), rows);
  assert.deepEqual(parseCSV(text), rows, 'parseCSV drops the BOM itself too');
});

test('CSV injection: text cells that start with = + - @ tab or CR are prefixed with an apostrophe', () => {
  const { report, ordinary } = injectedReport();
  const claims = readBack(claimsCSV(report));
  const col = (name) => CLAIM_COLUMNS.indexOf(name);
  INJECTIONS.forEach((payload, i) => {
    const row = claims[i + 1];
    for (const name of ['source_name', 'text', 'attribution_source']) {
      assert.equal(row[col(name)], `'${payload}`, `${name} of ${JSON.stringify(payload)} was not neutralised`);
    }
  });
  const ents = readBack(entitiesCSV(report));
  const ecol = (name) => ENTITY_COLUMNS.indexOf(name);
  INJECTIONS.forEach((payload, i) => {
    const row = ents[i + 1];
    for (const name of ['source_name', 'text', 'key', 'unit']) assert.equal(row[ecol(name)], `'${payload}`, `entities ${name} of ${JSON.stringify(payload)}`);
    // A number the tool writes is a value, not a formula: a negative one stays a plain number.
    assert.equal(row[ecol('low')], '-2');
  });
  // No cell of either file starts like a formula unless it is one of those numbers.
  for (const r of [...claims.slice(1), ...ents.slice(1)]) {
    for (const cell of r) if (/^[=+\-@\t\r]/.test(cell)) assert.match(cell, /^-\d+(\.\d+)?$/, `cell ${JSON.stringify(cell)} starts like a formula`);
  }
  // Ordinary cells are unchanged: text with commas and quotes, names, numbers, booleans, lists.
  const ok = claims[claims.length - 1];
  assert.equal(ok[col('text')], ordinary);
  assert.equal(ok[col('source_name')], 'Plain Outlet');
  assert.equal(ok[col('start')], '0');
  assert.equal(ok[col('end')], String(ordinary.length));
  assert.equal(ok[col('score')], '0.75');
  assert.equal(ok[col('checkworthy')], 'true');
  assert.equal(ok[col('reasons')], 'number');
  assert.equal(ents[ents.length - 1][ecol('text')], 'Turkey');
});

test('the JSON export holds each source’s id, name and text, and opens back to the same report', async () => {
  // A report without its texts cannot be shown again: highlights are offsets into them.
  const { initSync, analyze } = await import(path.join(root, 'www/pkg/crosscheck.js'));
  initSync({ module: fs.readFileSync(path.join(root, 'www/pkg/crosscheck_bg.wasm')) });
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'www/examples/manifest.json'), 'utf8'));
  const sources = manifest.sources.map((s, i) => ({ id: s.id, name: s.name, text: fs.readFileSync(path.join(root, 'www/examples', s.file), 'utf8'), ...(i === 0 ? { url: 'https://wnd.example/a', published: '2019-10-09' } : {}) }));
  const rep = analyze(sources);
  const file = JSON.stringify(reportFile(rep, sources), null, 2);
  const data = JSON.parse(file);
  data.sources.forEach((s, i) => {
    assert.deepEqual(Object.keys(s).slice(0, 3), ['id', 'name', 'text']);
    assert.equal(s.text, sources[i].text);
  });
  assert.equal(data.sources[0].url, 'https://wnd.example/a');
  assert.equal(data.sources[0].published, '2019-10-09');
  const opened = openReportFile(file);
  assert.deepEqual(opened.report, JSON.parse(JSON.stringify(rep)), 'the report opened is not the report exported');
  assert.deepEqual(opened.sources, sources, 'the sources opened are not the sources analysed');
  // Exported again, the file is the same; analysed again, the sources give the same report.
  assert.equal(JSON.stringify(reportFile(opened.report, opened.sources), null, 2), file);
  assert.equal(JSON.stringify(analyze(opened.sources)), JSON.stringify(rep));
});

test('opening a file that is not a page report says why', () => {
  // The reasons a user can act on: wrong file, a command-line report, an old export without texts.
  const good = reportFile(report, [{ id: 's1', text: nasty }, { id: 's2', text: 'It rose 5% It rained' }]);
  assert.equal(openReportFile(JSON.stringify(good)).sources.length, 2);
  const cases = [
    ['{"version": 1,', /not JSON/],
    ['[1, 2]', /no report object/],
    [JSON.stringify({ ...good, version: 2 }), /version is 2/],
    [JSON.stringify({ ...good, offsets: 'codepoints' }), /command line/],
    [JSON.stringify(report), /has no text: export it again/],
    [JSON.stringify({ ...good, sources: [good.sources[0], good.sources[0]] }), /same id/],
    [JSON.stringify({ ...good, sources: [{ ...good.sources[0], url: 5 }] }), /url is not text/],
  ];
  for (const [text, why] of cases) assert.throws(() => openReportFile(text), why, text.slice(0, 40));
});
