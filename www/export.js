// Report → export formats. Pure functions (no DOM), so they run in Node tests too:
// CSV (RFC 4180) for claims and entities, ClaimReview JSON-LD drafts for selected claims.

/** One CSV field, quoted when it holds a comma, quote, CR or LF (RFC 4180); quotes doubled. */
export function csvField(v) {
  if (v === null || v === undefined) return '';
  const s = Array.isArray(v) ? v.join('; ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows (arrays) → CSV text with CRLF line ends; the first row is the header. */
export function toCSV(rows) {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Parse RFC 4180 CSV text into rows (for tests and for anyone re-importing). */
export function parseCSV(text) {
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

/** Map claim (source id, claim index) → its comparison group. */
export function groupIndex(report) {
  const byClaim = new Map();
  ((report.comparison && report.comparison.claims) || []).forEach((g, gi) => {
    for (const m of g.members || []) byClaim.set(`${m.source}\u0000${m.claim}`, { group: g, index: gi });
  });
  return byClaim;
}

export const CLAIM_COLUMNS = [
  'source_id', 'source_name', 'claim', 'start', 'end', 'text', 'score', 'checkworthy', 'certainty', 'reasons',
  'attribution_kind', 'attribution_source', 'attribution_cue', 'attribution_via', 'quote',
  'group', 'group_status', 'group_sources', 'group_origins', 'drift', 'conflict',
];

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

/** A claim's author for ClaimReview: the attribution's source, else the outlet that states it. */
export function claimAuthor(claim, source) {
  const a = claim.attribution || {};
  if (a.kind && a.kind !== 'none' && a.source && a.source.text) {
    const inside = (source.entities || []).filter((e) => e.start >= a.source.start && e.end <= a.source.end);
    const entity = a.resolved && (source.entities || []).find((e) => e.key === a.resolved.key);
    const org = entity
      ? entity.label !== 'PERSON'
      : inside.some((e) => e.label === 'ORG' || e.label === 'NORP' || e.label === 'GPE') && !inside.some((e) => e.label === 'PERSON');
    // The entity a pronoun or a description stands for names the author better than "he".
    const name = a.resolved && a.resolved.name ? a.resolved.name : a.source.text;
    return { '@type': org ? 'Organization' : 'Person', name };
  }
  return { '@type': 'Organization', name: source.name || source.id };
}

/**
 * ClaimReview JSON-LD drafts for `selection` = [{source, claim}] (source id, claim index). Each
 * draft has claimReviewed, itemReviewed (a Claim with its author and one appearance per source
 * of the claim's group) and an empty reviewRating for the fact-checker to fill.
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
    const seen = new Set();
    const appearance = [];
    for (const m of members) {
      if (seen.has(String(m.source))) continue;
      seen.add(String(m.source));
      const ms = byId.get(String(m.source));
      const mc = ms && ms.claims && ms.claims[m.claim];
      if (!ms || !mc) continue;
      appearance.push({
        '@type': 'CreativeWork',
        name: ms.name || ms.id,
        identifier: String(ms.id),
        text: mc.text,
        ...(mc.attribution && mc.attribution.source && mc.attribution.source.text
          ? { author: { '@type': 'Thing', name: mc.attribution.source.text } }
          : {}),
      });
    }
    out.push({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: claim.text,
      itemReviewed: {
        '@type': 'Claim',
        author: claimAuthor(claim, src),
        appearance,
      },
      reviewRating: { '@type': 'Rating', ratingValue: '', bestRating: '', worstRating: '', alternateName: '' },
      author: { '@type': 'Organization', name: '' },
      url: '',
      datePublished: '',
    });
  }
  return out;
}
