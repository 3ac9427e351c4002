// Report → export formats. Pure functions (no DOM), so they run in Node tests too: CSV
// (RFC 4180, UTF-8 BOM, formula-like cells neutralised) for claims and entities, ClaimReview
// JSON-LD drafts for selected claims.

/**
 * Cells a spreadsheet would read as a formula or a control start with one of these (OWASP "CSV
 * injection"): `=`, `+`, `-`, `@`, tab, carriage return.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made inert for spreadsheets: prefixed with `'` when it starts like a formula, so
 * `=HYPERLINK(…)` shows as text and runs nothing. Only text is touched: numbers and booleans the
 * tool writes itself (offsets, scores, counts, values) go out as they are, so a value such as
 * -5 stays a number; any text cell, even "-2" or a name, is treated per OWASP.
 */
export function neutralise(s) {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/**
 * One CSV field: text neutralised against formula injection, then quoted when it holds a comma,
 * quote, CR or LF (RFC 4180), quotes doubled. Arrays are joined with "; ", objects as JSON.
 */
export function csvField(v) {
  if (v === null || v === undefined) return '';
  const text = typeof v !== 'number' && typeof v !== 'boolean' && typeof v !== 'bigint';
  const raw = Array.isArray(v) ? v.join('; ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
  const s = text ? neutralise(raw) : raw;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The byte order mark that opens every CSV file, so spreadsheets read the text as UTF-8. */
export const BOM = '\uFEFF';

/** Rows (arrays) → CSV text: a UTF-8 BOM, then the rows with CRLF line ends; the first row is the header. */
export function toCSV(rows) {
  return BOM + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * Parse RFC 4180 CSV text into rows (for tests and for anyone re-importing); a leading BOM is
 * dropped. The `'` that neutralised a formula-like cell stays: the text is as the file holds it.
 */
export function parseCSV(input) {
  const text = input.startsWith(BOM) ? input.slice(BOM.length) : input;
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Map claim (source id, claim index) → its comparison group, the group's index and its member entry. */
export function groupIndex(report) {
  const byClaim = new Map();
  ((report.comparison && report.comparison.claims) || []).forEach((g, gi) => {
    for (const m of g.members || []) byClaim.set(`${m.source}\u0000${m.claim}`, { group: g, index: gi, member: m });
  });
  return byClaim;
}

// New columns go at the end: spreadsheets and scripts that read the older ones keep working.
export const CLAIM_COLUMNS = [
  'source_id', 'source_name', 'claim', 'start', 'end', 'text', 'score', 'checkworthy', 'certainty', 'reasons',
  'attribution_kind', 'attribution_source', 'attribution_cue', 'attribution_via', 'quote',
  'group', 'group_status', 'group_sources', 'group_origins', 'drift', 'conflict',
  'stance', 'group_similarity', 'closest_source', 'closest_claim', 'closest_similarity',
  'attribution_stands_for',
];

/** Who an attribution's source stands for: the entity it was resolved to ("he" → "Mark Ellison"),
 * else the unnamed group a "they" stands for ("Federal prosecutors"); empty when neither. */
export function standsFor(a) {
  if (a && a.resolved && a.resolved.name) return String(a.resolved.name);
  if (a && a.stands_for && a.stands_for.text) return String(a.stands_for.text);
  return '';
}

/** claims.csv: one row per claim candidate of every source, with its group. */
export function claimsCSV(report) {
  const groups = groupIndex(report);
  const rows = [CLAIM_COLUMNS];
  for (const s of report.sources || []) {
    (s.claims || []).forEach((c, i) => {
      const a = c.attribution || {};
      const g = groups.get(`${s.id}\u0000${i}`);
      rows.push([
        s.id, s.name, i, c.start, c.end, c.text, c.score, c.checkworthy, c.certainty, c.reasons || [],
        a.kind, a.source && a.source.text, a.cue && a.cue.text, a.via && a.via.text, a.quote,
        g ? g.index : '', g ? g.group.status : '', g ? g.group.sources : '', g ? g.group.origins : '',
        g ? g.group.drift : '', g && g.group.conflict ? `${g.group.conflict.kind}: ${g.group.conflict.detail}` : '',
        g ? g.member.stance : '', g ? g.group.similarity : '',
        c.closest ? c.closest.source : '', c.closest ? c.closest.claim : '', c.closest ? c.closest.similarity : '',
        standsFor(a),
      ]);
    });
  }
  return toCSV(rows);
}

export const ENTITY_COLUMNS = ['source_id', 'source_name', 'entity', 'start', 'end', 'text', 'label', 'key', 'cluster_name', 'low', 'high', 'unit', 'iso'];

/** entities.csv: one row per entity mention of every source, with its alias cluster's name. */
export function entitiesCSV(report) {
  const clusters = new Map(((report.comparison && report.comparison.entities) || []).map((c) => [c.key, c]));
  const rows = [ENTITY_COLUMNS];
  for (const s of report.sources || []) {
    (s.entities || []).forEach((e, i) => {
      const c = clusters.get(e.key);
      rows.push([s.id, s.name, i, e.start, e.end, e.text, e.label, e.key, c ? c.name : '', e.low, e.high, e.unit, e.iso]);
    });
  }
  return toCSV(rows);
}

// Words that stand for a speaker without naming one: never a claimant.
const PRONOUNS = new Set([
  'he', 'she', 'they', 'it', 'who', 'whom', 'which', 'that', 'this', 'these', 'those', 'him', 'her',
  'them', 'we', 'us', 'i', 'me', 'you', 'one', 'himself', 'herself', 'themselves', 'itself',
]);

/** True when a speaker's words are only pronouns ("he", "she herself", "who"). */
export function isPronoun(text) {
  const words = String(text ?? '').toLowerCase().match(/[\p{L}']+/gu) || [];
  return words.length > 0 && words.every((w) => PRONOUNS.has(w));
}

// Who can be a claimant by name: a person, or an organisation or a state ("Ankara said").
const CLAIMANT_TYPE = { PERSON: 'Person', ORG: 'Organization', GPE: 'Organization' };
const PREPOSITIONS = new Set(['of', 'in', 'at', 'for', 'from', 'on', 'by', 'with', 'to', 'about', 'near', 'against']);

/**
 * The name that heads an attribution's phrase: a person's, an organisation's or a state's name that
 * fills one of its comma-separated parts or ends it ("political analyst Hamdi Fırat Büyük", "The
 * U.N. refugee organization, UNHCR"), not one inside a prepositional phrase ("accomplices in
 * Turkey", "members of the Islamic State") or used as a modifier ("The ISIS documents"). A person
 * is preferred. Null when the phrase names nobody ("The Turkish president", "Turkish officials").
 */
export function headName(sp, entities) {
  const phrase = String(sp.text);
  const found = [];
  for (const e of entities || []) {
    const type = CLAIMANT_TYPE[e.label];
    if (!type || e.start < sp.start || e.end > sp.end) continue;
    const from = e.start - sp.start;
    const to = e.end - sp.start;
    const partStart = phrase.lastIndexOf(',', from - 1) + 1;
    const comma = phrase.indexOf(',', to);
    const after = phrase.slice(to, comma < 0 ? phrase.length : comma).replace(/\s*\([^)]*\)\s*$/, '').trim();
    if (after) continue; // a modifier: the part goes on after the name
    const words = phrase.slice(partStart, from).trim().toLowerCase().split(/\s+/);
    while (['the', 'a', 'an'].includes(words[words.length - 1])) words.pop();
    const prev = words[words.length - 1] || '';
    if (PREPOSITIONS.has(prev) || prev.endsWith('(')) continue; // "members of the Islamic State", "(ISIS)"
    found.push({ type, name: e.text, person: e.label === 'PERSON' });
  }
  return found.find((f) => f.person) || found[0] || null;
}

/** The outlet as a schema.org Organization, with its site (the origin of the article's address). */
function outlet(source) {
  let site = null;
  try {
    site = source.url ? new URL(source.url).origin : null;
  } catch {
    site = null;
  }
  return { '@type': 'Organization', name: source.name || source.id, ...(site && site !== 'null' ? { url: site } : {}) };
}

/**
 * A claim's claimant for ClaimReview (`itemReviewed.author`): the speaker it is attributed to when
 * the attribution is named and its phrase is headed by a name (`headName`): a Person or an
 * Organization by that name, the whole phrase as its description ("Alan Abramowitz" out of "Alan
 * Abramowitz, a demographer at Emory University"). Otherwise — a claim in the outlet's own voice,
 * an anonymous source, a pronoun ("he", "who"), a description naming nobody ("the Turkish
 * president") — the outlet that printed it, which vouches for the words.
 */
export function claimAuthor(claim, source) {
  const a = claim.attribution || {};
  const sp = a.source;
  // A pronoun or a description the analysis resolved to a named speaker: that speaker.
  if (a.kind === 'named' && a.resolved && a.resolved.name && String(a.resolved.name).trim() && !isPronoun(a.resolved.name)) {
    const entity = (source.entities || []).find((e) => e.key === a.resolved.key);
    const name = String(a.resolved.name).trim();
    const phrase = sp && sp.text ? String(sp.text).trim() : '';
    return { '@type': entity && entity.label !== 'PERSON' ? 'Organization' : 'Person', name, ...(phrase && phrase !== name ? { description: phrase } : {}) };
  }
  if (a.kind !== 'named' || !sp || !sp.text || !String(sp.text).trim() || isPronoun(sp.text)) return outlet(source);
  const head = headName(sp, source.entities);
  if (!head) return outlet(source);
  const phrase = String(sp.text).trim();
  return { '@type': head.type, name: head.name, ...(head.name !== phrase ? { description: phrase } : {}) };
}

/** How an outlet attributes its version of the claim, for its appearance: null in its own voice. */
function attributedTo(claim) {
  const a = claim.attribution || {};
  if (!a.kind || a.kind === 'none' || !a.source || !a.source.text) return null;
  return `Attributed to ${a.kind === 'anonymous' ? 'an unnamed source, ' : ''}“${String(a.source.text).trim()}”${a.quote ? ', quoted' : ''}${a.via && a.via.text ? `, via ${a.via.text}` : ''}`;
}

/**
 * The ClaimReview fields, as Google's fact-check markup (and the Fact Check Markup Tool) asks for
 * them, and who fills them: `draft` ones come from the report, `reviewer` ones are left empty for
 * the fact-checker (the verdict, who publishes it, where and when).
 */
export const CLAIMREVIEW_FIELDS = {
  claimReviewed: ['required', 'draft'],
  reviewRating: ['required', 'reviewer'], // ratingValue, bestRating, worstRating, alternateName
  url: ['required', 'reviewer'], // the fact-check article
  author: ['recommended', 'reviewer'], // the fact-checking organisation
  datePublished: ['recommended', 'reviewer'], // of the fact check
  itemReviewed: ['recommended', 'draft'], // the Claim: author, datePublished, appearance, firstAppearance
};

/**
 * ClaimReview JSON-LD drafts for `selection` = [{source, claim}] (source id, claim index). Each
 * draft has claimReviewed and itemReviewed (a Claim with its claimant, one appearance per source of
 * the claim's group — the outlet as publisher, its sentence, and its url and datePublished when the
 * source has them — the earliest dated one as firstAppearance and its date as the claim's date);
 * reviewRating, author, url and datePublished are there, empty, for the fact-checker to fill.
 */
export function claimReviews(report, selection) {
  const byId = new Map((report.sources || []).map((s) => [String(s.id), s]));
  const groups = groupIndex(report);
  const out = [];
  for (const sel of selection || []) {
    const src = byId.get(String(sel.source));
    const claim = src && src.claims && src.claims[sel.claim];
    if (!claim) continue;
    const g = groups.get(`${src.id}\u0000${sel.claim}`);
    const members = g ? g.group.members : [{ source: src.id, claim: sel.claim }];
    // The selected claim's own source first, then the others in the group's order.
    const ordered = [...members.filter((m) => String(m.source) === String(src.id)), ...members.filter((m) => String(m.source) !== String(src.id))];
    const seen = new Set();
    const appearance = [];
    for (const m of ordered) {
      if (seen.has(String(m.source))) continue;
      seen.add(String(m.source));
      const ms = byId.get(String(m.source));
      const mc = ms && ms.claims && ms.claims[m.claim];
      if (!ms || !mc) continue;
      appearance.push({
        '@type': 'CreativeWork',
        publisher: outlet(ms),
        ...(ms.url ? { url: ms.url } : {}),
        ...(ms.published ? { datePublished: ms.published } : {}),
        identifier: String(ms.id),
        text: mc.text,
        ...(attributedTo(mc) ? { description: attributedTo(mc) } : {}),
      });
    }
    const dated = appearance.filter((x) => x.datePublished).sort((x, y) => (x.datePublished < y.datePublished ? -1 : x.datePublished > y.datePublished ? 1 : 0));
    const first = dated[0];
    out.push({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: claim.text,
      itemReviewed: {
        '@type': 'Claim',
        author: claimAuthor(claim, src),
        datePublished: first ? first.datePublished : '',
        appearance,
        ...(first && first.url ? { firstAppearance: { '@type': 'CreativeWork', url: first.url, datePublished: first.datePublished } } : {}),
      },
      reviewRating: { '@type': 'Rating', ratingValue: '', bestRating: '', worstRating: '', alternateName: '' },
      author: { '@type': 'Organization', name: '', url: '' },
      url: '',
      datePublished: '',
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The report as a file that can be opened again

/**
 * The report as the page exports it: each source report with its `text` after its name (and
 * `url`/`published` as the report has them), so the file holds everything needed to show the
 * same report again. `sources`: the analysed `{id, text}` list, matched by id.
 */
export function reportFile(report, sources) {
  const texts = new Map((sources || []).map((s) => [String(s.id), s.text]));
  return {
    ...report,
    sources: (report.sources || []).map(({ id, name, ...rest }) => ({ id, name, text: texts.get(String(id)) ?? '', ...rest })),
  };
}

/**
 * Reads a file made by `reportFile` back: `{report, sources}`, the report as it was on the page
 * (without the texts) and the sources `{id, name, text, url?, published?}` to put back in the
 * editor. Throws an Error whose message says what is wrong with the file.
 */
export function openReportFile(json) {
  let data;
  try {
    data = typeof json === 'string' ? JSON.parse(json) : json;
  } catch (err) {
    throw new Error(`this file is not JSON (${err.message})`);
  }
  const bad = (why) => new Error(`this file is not a Crosscheck report: ${why}`);
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw bad('it holds no report object');
  if (data.version !== 1) throw bad(`its version is ${JSON.stringify(data.version)}, this page reads version 1`);
  if (!Array.isArray(data.sources) || !data.sources.length) throw bad('it has no sources');
  if (!data.comparison || typeof data.comparison !== 'object') throw bad('it has no comparison');
  if (data.offsets !== 'utf16') {
    throw bad(`its offsets are ${JSON.stringify(data.offsets)}; the page opens the reports it exports (utf16), not the command line's`);
  }
  const str = (v) => typeof v === 'string';
  const sources = data.sources.map((s, i) => {
    const n = i + 1;
    if (!s || typeof s !== 'object') throw bad(`source ${n} is not an object`);
    if (!str(s.id) || !str(s.name)) throw bad(`source ${n} has no id or name`);
    if (!str(s.text)) throw bad(`source ${n} (${s.name}) has no text: export it again from this page to keep the texts`);
    for (const k of ['url', 'published']) if (k in s && !str(s[k])) throw bad(`source ${n}'s ${k} is not text`);
    for (const k of ['entities', 'claims']) if (!Array.isArray(s[k])) throw bad(`source ${n} has no ${k} list`);
    return { id: s.id, name: s.name, text: s.text, ...(str(s.url) ? { url: s.url } : {}), ...(str(s.published) ? { published: s.published } : {}) };
  });
  if (new Set(sources.map((s) => s.id)).size !== sources.length) throw bad('two sources have the same id');
  const report = { ...data, sources: data.sources.map(({ text, ...rest }) => rest) };
  return { report, sources };
}
