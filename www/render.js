// Report → DOM. Everything here builds nodes with createElement / textContent only:
// pasted text is never parsed as HTML (no HTML-string APIs anywhere in www/).

/**
 * OntoNotes labels, in legend order: [code, the word the page shows, a longer description]. The
 * page shows the word; the code stays in data-label attributes, tooltips and the details popup.
 * Colours live in style.css.
 */
export const LABEL_INFO = [
  ['PERSON', 'Person', 'People'],
  ['NORP', 'Nationality or group', 'Nationalities, religious or political groups'],
  ['FAC', 'Facility', 'Buildings, airports, highways, bridges'],
  ['ORG', 'Organisation', 'Companies, agencies, institutions'],
  ['GPE', 'Country or city', 'Countries, cities, states'],
  ['LOC', 'Place', 'Other locations: regions, mountains, seas'],
  ['PRODUCT', 'Product', 'Products, vehicles, weapons'],
  ['EVENT', 'Event', 'Named events: wars, storms, summits'],
  ['WORK_OF_ART', 'Work of art', 'Titles of books, songs, films'],
  ['LAW', 'Law', 'Laws and documents'],
  ['LANGUAGE', 'Language', 'Languages'],
  ['DATE', 'Date', 'Dates and periods'],
  ['TIME', 'Time', 'Times of day'],
  ['PERCENT', 'Percent', 'Percentages'],
  ['MONEY', 'Money', 'Amounts of money'],
  ['QUANTITY', 'Quantity', 'Measurements'],
  ['ORDINAL', 'Ordinal', '“first”, “third”'],
  ['CARDINAL', 'Number', 'Other numbers'],
];
/** [code, description] pairs, in legend order (as before the plain words were added). */
export const LABELS = LABEL_INFO.map(([code, , desc]) => [code, desc]);
const LABEL_DESC = new Map(LABELS);
const LABEL_WORD = new Map(LABEL_INFO.map(([code, word]) => [code, word]));
const KNOWN_LABELS = new Set(LABELS.map(([l]) => l));

/** The word the page shows for a label ("Country or city" for GPE); an unknown label as it is. */
export function labelWord(label) {
  return LABEL_WORD.get(String(label ?? '')) || String(label ?? '');
}

/** A label for a tooltip or the details: "Country or city (GPE)"; an unknown label as it is. */
export function labelWithCode(label) {
  const word = labelWord(label);
  return word === String(label ?? '') ? word : `${word} (${label})`;
}

/** A label's tooltip: its description and its code, "Countries, cities, states (GPE)". */
function labelTitle(label) {
  const desc = LABEL_DESC.get(label);
  return desc ? `${desc} (${label})` : String(label ?? '');
}

/** Normalise a label for use in a class name / attribute selector. */
export function safeLabel(label) {
  const l = String(label ?? '').toUpperCase();
  return KNOWN_LABELS.has(l) ? l : 'OTHER';
}

/** Entries of a plain object or a Map (serde-wasm-bindgen may produce either). */
export function entriesOf(x) {
  if (!x) return [];
  if (x instanceof Map) return [...x.entries()];
  return Object.entries(x);
}
export function getOf(x, k) {
  if (!x) return undefined;
  return x instanceof Map ? x.get(k) : Object.prototype.hasOwnProperty.call(x, k) ? x[k] : undefined;
}

/**
 * Create an element. `attrs`: attribute name → value (null/undefined/false skipped, `true` → "");
 * the special key `class` accepts an array. Children: nodes or strings (become text nodes).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'style' || /^on/i.test(k)) throw new Error(`h(): refusing attribute ${k}`);
    if (k === 'class') {
      const cls = Array.isArray(v) ? v.filter(Boolean).join(' ') : String(v);
      if (cls) el.className = cls;
    } else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}
function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

// ---------------------------------------------------------------------------------------------
// Span tree

const RANK = { boilerplate: 0, claim: 1, cue: 2, ent: 3 };

/** Index of the first child whose end is after `pos` (children are sorted and disjoint). */
function firstEndingAfter(children, pos) {
  let lo = 0;
  let hi = children.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (children[mid].end > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Insert span `sp` (inside `node`'s range) into the tree under `node`. A span that partially
 * overlaps an existing node is split at that node's boundary: the overlapping piece goes inside
 * the existing node, so spans inserted earlier (structural kinds) always stay whole.
 */
function insertSpan(node, sp) {
  const ch = node.children;
  let i = firstEndingAfter(ch, sp.start);
  let j = i;
  while (j < ch.length && ch[j].start < sp.end) j++;
  if (j - i === 1 && ch[i].start <= sp.start && ch[i].end >= sp.end) {
    insertSpan(ch[i], sp); // contained (or equal): nest
    return;
  }
  let { start, end } = sp;
  if (i < j && ch[i].start < start) {
    // left piece falls inside a child that starts before the span
    insertSpan(ch[i], { ...sp, end: ch[i].end });
    start = ch[i].end;
    i++;
  }
  if (i < j && ch[j - 1].end > end) {
    insertSpan(ch[j - 1], { ...sp, start: ch[j - 1].start });
    end = ch[j - 1].start;
    j--;
  }
  if (start >= end) return;
  const piece = { ...sp, start, end, children: ch.slice(i, j) };
  ch.splice(i, j - i, piece);
}

/**
 * Turn a flat list of spans `{start, end, kind, ...}` (UTF-16 offsets into a text of length
 * `length`) into a properly nested tree. Invalid spans are dropped and spans are clipped to the
 * text. Spans are inserted outermost kind first (boilerplate, claims, cues, entities; longer
 * before shorter), so contained spans nest; a span that partially overlaps one inserted before it
 * is split at the boundary into pieces, each with `origStart`/`origEnd` of the whole span.
 * Never throws on bad offsets. With `from`, the tree covers [from, length) only: spans are clipped
 * to it. Returns the root `{start: from, end: length, children}`.
 */
export function buildSpanTree(length, spans, from = 0) {
  const items = [];
  spans.forEach((s, order) => {
    if (!s) return;
    let { start, end } = s;
    if (typeof start !== 'number' || typeof end !== 'number' || !Number.isFinite(start) || !Number.isFinite(end)) return;
    start = Math.max(from, Math.floor(start));
    end = Math.min(length, Math.floor(end));
    if (start >= end) return;
    items.push({ ...s, start, end, origStart: start, origEnd: end, order });
  });
  items.sort(
    (a, b) => (RANK[a.kind] ?? 9) - (RANK[b.kind] ?? 9) || b.end - b.start - (a.end - a.start) || a.start - b.start || a.order - b.order,
  );
  const root = { start: from, end: length, children: [] };
  for (const it of items) insertSpan(root, { ...it, children: [] });
  return root;
}

/**
 * Render `text` with the span tree: a cursor walks each node's children, every gap becomes a text
 * node, every span an element made by `makeEl(span)` with its own contents rendered inside.
 */
export function renderSpanTree(text, root, makeEl) {
  const frag = document.createDocumentFragment();
  const walk = (parent, node) => {
    let cursor = node.start;
    for (const child of node.children) {
      if (child.start > cursor) parent.append(document.createTextNode(text.slice(cursor, child.start)));
      const el = makeEl(child);
      walk(el, child);
      parent.append(el);
      cursor = child.end;
    }
    if (node.end > cursor) parent.append(document.createTextNode(text.slice(cursor, node.end)));
  };
  walk(frag, root);
  return frag;
}

// ---------------------------------------------------------------------------------------------
// Source text

const NUM = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 });

function fmtNum(n) {
  if (n === null || n === undefined) return '…';
  return typeof n === 'number' ? NUM.format(n) : String(n);
}

function entityTitle(e) {
  const lines = [`${labelWithCode(e.label)} — ${e.text}`];
  if (e.key !== undefined) lines.push(`key: ${e.key}`);
  if (e.low !== undefined || e.high !== undefined) {
    if (e.low !== null || e.high !== null) {
      const v = e.low === e.high ? fmtNum(e.low) : `${fmtNum(e.low)} – ${fmtNum(e.high)}`;
      lines.push(`value: ${v}${e.unit ? ' ' + e.unit : ''}`);
    }
  } else if (e.unit) lines.push(`unit: ${e.unit}`);
  if (e.iso) lines.push(`date: ${e.iso}`);
  return lines.join('\n');
}

// What a claim names, by the label of an entity inside it, with its article.
const NAMED_KIND = {
  PERSON: 'a person',
  NORP: 'a nationality or group',
  FAC: 'a facility',
  ORG: 'an organisation',
  GPE: 'a country or city',
  LOC: 'a place',
  PRODUCT: 'a product',
  EVENT: 'an event',
  WORK_OF_ART: 'a work of art',
  LAW: 'a law',
  LANGUAGE: 'a language',
};

// The other reasons as clauses of a sentence about the claim ("…; makes a comparison").
const REASON_WORDS = {
  statistic: 'gives a statistic (a percentage, an amount, a rate or a total)',
  factual_verb: 'reports an event or a state with a verb such as “killed”, “rose” or “is”',
  comparison: 'makes a comparison (“more than”, “largest”)',
  cause: 'says what caused something',
  attributed: 'is said to come from someone',
  hedged: 'is hedged (“reportedly”, “could not be ruled out”)',
  opinion: 'reads as opinion or address (“I think”, “we must”), which lowers the score',
};

/**
 * A claim's reasons (the report's codes: named_entity, factual_verb…) as one sentence: "Names a
 * person and a number; makes a comparison (…)." `entities`: the source's entity list, so the
 * names are said by kind; without it, "a person, organisation or place". An unknown code is said
 * in its own words.
 */
export function reasonsSentence(c, entities) {
  const reasons = (c && c.reasons) || [];
  if (!reasons.length) return 'Nothing that makes a sentence worth checking.';
  const has = new Set(reasons);
  const named = [];
  if (has.has('named_entity')) {
    const labels = new Set((c.entities || []).map((i) => entities && entities[i] && entities[i].label));
    for (const [code] of LABEL_INFO) if (NAMED_KIND[code] && labels.has(code)) named.push(NAMED_KIND[code]);
    if (!named.length) named.push('a person, organisation or place');
  }
  if (has.has('number')) named.push('a number');
  if (has.has('date')) named.push('a date');
  const clauses = named.length ? [`names ${listWords(named)}`] : [];
  for (const r of reasons) {
    if (r === 'named_entity' || r === 'number' || r === 'date') continue;
    clauses.push(REASON_WORDS[r] || `has the feature “${String(r).replace(/_/g, ' ')}”`);
  }
  const text = clauses.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** A claim's tooltip; `src` (its source report), when given, lets the reasons name kinds. */
export function claimTitle(c, src) {
  const lines = [`Claim${c.checkworthy ? ' (check-worthy)' : ''} — score ${fmtNum(c.score)}`];
  if (c.certainty) lines.push(`certainty: ${c.certainty}`);
  const a = c.attribution;
  if (a) {
    let s = `attribution: ${a.kind}`;
    if (a.source && a.source.text) s += ` — ${a.source.text}`;
    const who = resolvedApart(a);
    if (who) s += ` (= ${who})`;
    if (a.cue && a.cue.text) s += ` (${a.cue.text})`;
    const via = viaApart(a);
    if (via) s += `, via ${via}`;
    if (a.quote) s += ', quoted';
    lines.push(s);
  }
  if (c.reasons && c.reasons.length) lines.push(`${reasonsSentence(c, src && src.entities)} (${c.reasons.join(', ')})`);
  return lines.join('\n');
}

/** Collect the spans of one source report, tagged with their kind. */
export function sourceSpans(src) {
  const spans = [];
  (src.boilerplate || []).forEach((b, i) => spans.push({ ...b, kind: 'boilerplate', index: i }));
  (src.claims || []).forEach((c, i) => {
    spans.push({ start: c.start, end: c.end, kind: 'claim', index: i, claim: c });
    const cue = c.attribution && c.attribution.cue;
    if (cue && Number.isFinite(cue.start)) spans.push({ start: cue.start, end: cue.end, kind: 'cue', claim: c });
  });
  (src.entities || []).forEach((e, i) => spans.push({ start: e.start, end: e.end, kind: 'ent', index: i, ent: e }));
  return spans;
}

/**
 * Count spans whose `text` does not equal `text.slice(start, end)` (an offset-unit bug in the
 * producer). The page shows a warning when this is non-zero.
 */
export function countOffsetMismatches(text, src) {
  let bad = 0;
  const check = (o) => {
    if (o && typeof o.text === 'string' && text.slice(o.start, o.end) !== o.text) bad++;
  };
  (src.entities || []).forEach(check);
  (src.claims || []).forEach((c) => {
    check(c);
    if (c.attribution) {
      check(c.attribution.source);
      check(c.attribution.cue);
      check(c.attribution.via);
      if (c.attribution.resolved) check(c.attribution.resolved.mention);
    }
  });
  (src.boilerplate || []).forEach(check);
  return bad;
}

/** The annotated text of one source: a DocumentFragment. */
/**
 * The share of a source's claims marked in its text as the check-worthiest: in the CLEF-2019
 * CheckThat! debate transcripts, fact-checkers chose 415 of the 12,565 claims Crosscheck finds
 * there (3.3 %). Marking every claim over the model's threshold marked most of a news article.
 */
export const MARKED_SHARE = 0.033;

/**
 * The indexes of a source's check-worthiest claims, marked in its text: the top
 * `MARKED_SHARE` of its claims by score (at least one), among those that are check-worthy at all;
 * ties go to the earlier claim.
 */
export function markedClaims(src) {
  const claims = (src && src.claims) || [];
  const k = Math.max(1, Math.ceil(MARKED_SHARE * claims.length));
  const cw = [];
  for (let i = 0; i < claims.length; i++) if (claims[i] && claims[i].checkworthy) cw.push(i);
  if (cw.length <= k) return new Set(cw);
  // The k-th highest score, from a typed sort (a long text has a hundred thousand claims): every
  // claim above it is marked, and those at it in text order until there are k. Each score is
  // read once.
  const scores = new Float64Array(cw.length);
  for (let j = 0; j < cw.length; j++) scores[j] = Number(claims[cw[j]].score) || 0;
  const at = scores.slice().sort()[cw.length - k];
  let above = 0;
  for (let j = 0; j < cw.length; j++) if (scores[j] > at) above++;
  let ties = k - above;
  const out = new Set();
  for (let j = 0; j < cw.length; j++) {
    const v = scores[j];
    if (v > at) out.add(cw[j]);
    else if (v === at && ties > 0) {
      out.add(cw[j]);
      ties--;
    }
  }
  return out;
}

export function renderAnnotatedText(text, src) {
  const marked = markedClaims(src);
  const tree = buildSpanTree(text.length, sourceSpans(src));
  return renderSpanTree(text, tree, spanElement(src, marked));
}

/**
 * The element of one span of a source's text. `tabindex`: of every highlight ("0": each is a tab
 * stop; "-1": the page moves one tab stop per text between them with the arrow keys).
 */
export function spanElement(src, marked, { tabindex = '0' } = {}) {
  return (s) => {
    const split = s.start !== s.origStart || s.end !== s.origEnd;
    const common = { 'data-split': split ? '' : null };
    if (s.kind === 'ent') {
      const e = s.ent;
      const label = safeLabel(e.label);
      return h('mark', {
        ...common,
        class: ['ent', `ent-${label}`],
        'data-label': e.label,
        'data-key': e.key,
        'data-index': s.index,
        tabindex,
        title: entityTitle(e),
      });
    }
    if (s.kind === 'claim') {
      const c = s.claim;
      return h('span', {
        ...common,
        class: ['claim', c.checkworthy && 'checkworthy', marked.has(s.index) && 'marked'],
        id: s.start === s.origStart ? `claim-${src.id}-${s.index}` : null,
        'data-index': s.index,
        'data-score': c.score,
        'data-certainty': c.certainty,
        'data-attribution': c.attribution && c.attribution.kind,
        tabindex,
        title: claimTitle(c, src),
      });
    }
    if (s.kind === 'cue') return h('span', { ...common, class: 'cue', title: 'attribution cue' });
    return h('span', { ...common, class: 'boilerplate', title: 'Boilerplate (page cruft) — not analysed as a claim' });
  };
}

// ---------------------------------------------------------------------------------------------
// A long text in chunks: each drawn with its highlights only when it comes into view

/** About how many characters of text one chunk holds; a text of up to TEXT_WHOLE is one chunk. */
export const CHUNK_CHARS = 3000;
export const TEXT_WHOLE = 20000;

/** Indexes of `list` in order of `start` (null when the list is in that order already). */
function startOrder(list) {
  for (let i = 1; i < list.length; i++) {
    if (!(Number(list[i - 1].start) <= Number(list[i].start))) {
      return list.map((_, j) => j).sort((a, b) => Number(list[a].start) - Number(list[b].start) || a - b);
    }
  }
  return null;
}

/**
 * The spans of a source in chunks: `textChunks(text, src)` → `{ chunks: [[from, to], …], spans(from,
 * to) }`. Chunks follow one another, cover the text, end after a line break where one is near,
 * and never cut a claim, an entity or a boilerplate line, so a chunk is drawn on its own.
 * `spans(from, to)` gives the spans that start in [from, to), as `sourceSpans` would.
 */
export function textChunks(text, src, size = CHUNK_CHARS) {
  const lists = ['boilerplate', 'claims', 'entities'].map((k) => {
    const list = (src && Array.isArray(src[k]) && src[k]) || [];
    return { k, list, order: startOrder(list) };
  });
  const at = (l, j) => l.list[l.order ? l.order[j] : j];
  // The first position in `l` whose span starts at or after `p`.
  const lower = (l, p) => {
    let lo = 0;
    let hi = l.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (Number(at(l, mid).start) < p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Where a span around `p` ends, or -1 when none of the spans just before `p` covers it.
  const coveredTo = (p) => {
    let end = -1;
    for (const l of lists) {
      for (let j = lower(l, p) - 1; j >= 0 && j >= lower(l, p) - 4; j--) {
        const e = Number(at(l, j).end);
        if (e > p) end = Math.max(end, e);
      }
    }
    return end;
  };
  const breakAt = (p) => {
    const nl = text.indexOf('\n', p);
    if (nl >= 0 && nl - p < size) return nl + 1;
    const sp = text.indexOf(' ', p);
    if (sp >= 0 && sp - p < size) return sp + 1;
    return p;
  };
  const chunks = [];
  let from = 0;
  while (text.length > TEXT_WHOLE && text.length - from > 2 * size) {
    let p = breakAt(from + size);
    for (let guard = 0; guard < 100; guard++) {
      const e = coveredTo(p);
      if (e < 0 || e >= text.length) {
        if (e >= text.length) p = text.length;
        break;
      }
      p = breakAt(e);
    }
    if (p >= text.length - size / 2 || p <= from) break;
    chunks.push([from, p]);
    from = p;
  }
  chunks.push([from, text.length]);
  const spans = (a, b) => {
    const out = [];
    for (const l of lists) {
      for (let j = lower(l, a); j < l.list.length; j++) {
        const i = l.order ? l.order[j] : j;
        const x = l.list[i];
        if (!(Number(x.start) < b)) break;
        if (l.k === 'boilerplate') out.push({ ...x, kind: 'boilerplate', index: i });
        else if (l.k === 'entities') out.push({ start: x.start, end: x.end, kind: 'ent', index: i, ent: x });
        else {
          out.push({ start: x.start, end: x.end, kind: 'claim', index: i, claim: x });
          const cue = x.attribution && x.attribution.cue;
          if (cue && Number.isFinite(cue.start)) out.push({ start: cue.start, end: cue.end, kind: 'cue', claim: x });
        }
      }
    }
    return out;
  };
  return { chunks, spans };
}

/**
 * One chunk [from, to) of a source's text with its highlights (a DocumentFragment). `spans` and
 * `marked` from `textChunks` and `markedClaims`; `opts` as for `spanElement`.
 */
export function renderChunk(text, src, from, to, spans, marked, opts) {
  const tree = buildSpanTree(to, spans, from);
  return renderSpanTree(text, tree, spanElement(src, marked, opts));
}

// ---------------------------------------------------------------------------------------------
// Summary, legend, matrix, claims board

export function pct(x) {
  const v = Number(x);
  if (!Number.isFinite(v)) return '–';
  return `${Math.round(Math.max(0, Math.min(1, v)) * 100)}%`;
}

/** "a, b and c" */
export function listWords(items) {
  const xs = items.map(String);
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/**
 * Per-source summary: counts, entities by label, and how the source reports (shares of
 * attributed / anonymous / hedged claims, who it cites, claims only it makes, entities it leaves
 * out). `clusterNames`: cluster key → display name, for `omits`.
 */
export function renderSummary(summary = {}, { clusterNames = new Map() } = {}) {
  const stat = (n, label, cls) =>
    h('div', { class: ['stat', cls] }, h('dt', {}, label), h('dd', {}, fmtNum(n ?? 0)));
  const dl = h(
    'dl',
    { class: 'stats' },
    stat(summary.entities, 'entities'),
    stat(summary.claims, 'claims'),
    stat(summary.checkworthy, 'check-worthy', 'stat-cw'),
    stat(summary.attributed, 'attributed'),
    stat(summary.anonymous, 'anonymous', 'stat-anon'),
    stat(summary.hedged, 'hedged', 'stat-hedged'),
    stat(summary.boilerplate, 'boilerplate', 'stat-bp'),
  );
  const byLabel = entriesOf(summary.entities_by_label).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const labels = h(
    'ul',
    { class: 'label-counts', 'aria-label': 'Entities by label' },
    byLabel.map(([label, n]) =>
      h('li', { class: ['chip', `ent-${safeLabel(label)}`], 'data-label': label, title: labelTitle(label) }, `${labelWord(label)} `, h('span', { class: 'n' }, String(n))),
    ),
  );
  const parts = [dl, labels];

  // Shares of claims: a percentage and a thin bar each.
  const share = (key, label, title) => {
    const v = summary[key];
    if (v === undefined || v === null) return null;
    const fill = h('span', { class: 'share-fill' });
    fill.style.width = pct(v); // CSSOM, not a style attribute: allowed by the CSP
    return h(
      'div',
      { class: ['share', `share-${key.replace('_share', '')}`], 'data-share': key, 'data-value': v, title },
      h('dt', {}, label),
      h('dd', {}, h('span', { class: 'share-pct' }, pct(v)), h('span', { class: 'share-bar', 'aria-hidden': 'true' }, fill)),
    );
  };
  const shares = [
    share('attributed_share', 'attributed', 'Share of its claims that someone is said to say (named or anonymous)'),
    share('anonymous_share', 'anonymous', 'Share of its claims attributed to an unnamed source ("an official")'),
    share('hedged_share', 'hedged', 'Share of its claims that are hedged or alleged'),
  ].filter(Boolean);
  if (shares.length) parts.push(h('dl', { class: 'shares', 'aria-label': 'Share of its claims' }, shares));

  const facts = [];
  const fact = (cls, label, value, title) =>
    facts.push(h('div', { class: ['fact', cls], title }, h('dt', {}, label), h('dd', {}, value)));
  if (Array.isArray(summary.cites)) {
    fact('fact-cites', 'Cites', summary.cites.length ? summary.cites.join('; ') : 'no named source', 'The named people and outlets its claims cite, in order of first citation');
  }
  if (Array.isArray(summary.exclusive_claims)) {
    const n = summary.exclusive_claims.length;
    fact('fact-only', 'Only here', `${n.toLocaleString('en-GB')} claim${n === 1 ? '' : 's'}`, 'Claims no other source makes');
  }
  if (Array.isArray(summary.omits) && summary.omits.length) {
    const names = summary.omits.map((k) => clusterNames.get(k) || k);
    fact('fact-omits', 'Leaves out', names.join(', '), 'Entities most sources name that this one never mentions');
  }
  if (facts.length) parts.push(h('dl', { class: 'facts' }, facts));
  return h('div', { class: 'summary' }, parts);
}

/** Entity mentions per label over every source: a Map label → count, in order of first mention. */
export function labelCounts(report) {
  const counts = new Map();
  for (const s of report.sources || []) for (const e of s.entities || []) counts.set(e.label, (counts.get(e.label) || 0) + 1);
  return counts;
}

/**
 * Legend of entity labels present in the report, as toggle buttons (aria-pressed) that hide or
 * show that label's highlights via a class on `target`. `counts`: the report's `labelCounts`,
 * when the caller has them already (a long report counts them in slices).
 */
export function renderLegend(report, target, counts = labelCounts(report)) {
  const items = LABELS.filter(([l]) => counts.has(l)).map(([l, desc]) => {
    const btn = h(
      'button',
      { type: 'button', class: ['chip', 'legend-item', `ent-${l}`], 'data-label': l, 'aria-pressed': 'true', title: `${desc} (${l}) — click to hide/show` },
      labelWord(l),
      ' ',
      h('span', { class: 'legend-count' }, String(counts.get(l))),
    );
    btn.addEventListener('click', () => {
      const on = btn.getAttribute('aria-pressed') === 'true';
      btn.setAttribute('aria-pressed', on ? 'false' : 'true');
      target.classList.toggle(`hide-${l}`, on);
    });
    return h('li', {}, btn);
  });
  // Unknown labels (a core newer than this page) still get a neutral entry.
  for (const [l, n] of counts) {
    if (!KNOWN_LABELS.has(l)) items.push(h('li', {}, h('span', { class: ['chip', 'ent-OTHER'], 'data-label': l }, `${l} ${n}`)));
  }
  return h(
    'div',
    { class: 'legend' },
    h('h3', { class: 'legend-title' }, 'Legend'),
    h('ul', { class: 'legend-list', 'aria-label': 'Entity labels' }, items),
    h(
      'ul',
      { class: 'legend-list legend-marks', 'aria-label': 'Sentence marks' },
      h('li', {}, h('span', { class: 'claim sample' }, 'claim')),
      h(
        'li',
        { title: `The check-worthiest ${Math.round(MARKED_SHARE * 1000) / 10} % of each source’s claims (at least one): the share of claims fact-checkers chose in the CLEF-2019 debate transcripts. Every claim’s score is in its details.` },
        h('span', { class: 'claim checkworthy marked sample' }, 'check-worthiest claim'),
        h('span', { class: 'legend-note' }, ` (top ${Math.round(MARKED_SHARE * 1000) / 10} % of each source’s claims, the share fact-checkers chose in debates)`),
      ),
      h('li', {}, h('span', { class: 'claim sample', 'data-certainty': 'hedged' }, 'hedged claim')),
      h('li', {}, h('span', { class: 'boilerplate sample' }, 'boilerplate')),
    ),
  );
}

function clusterTotal(c) {
  let t = 0;
  for (const [, n] of entriesOf(c.sources)) t += Number(n) || 0;
  return t;
}

/** A cluster's display name: `name` from the report, else (older cores) the longest surface form. */
export function clusterName(c) {
  if (c.name) return String(c.name);
  const names = c.names || [];
  if (!names.length) return c.key;
  return [...names].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0];
}

const OMISSION_TITLE = 'named by most sources, not by this one';

/**
 * Entity × source matrix: a real table, rows = comparison.entities, columns = sources, sortable
 * by any column. `onFocus(key, name)` is called when an entity name is clicked.
 */
export function renderMatrix(report, { limit = 25, onFocus } = {}) {
  const sources = report.sources || [];
  const clusters = (report.comparison && report.comparison.entities) || [];
  const table = h('table', { id: 'matrix', class: 'matrix' });
  table.append(
    h(
      'caption',
      {},
      'Entity mentions per source. Rows are entities merged across sources (every name they go by is listed under the name); “–” means the source never names it, ',
      h('span', { class: 'omission-key' }, 'omitted'),
      ' that it leaves out an entity most sources name.',
    ),
  );
  // Column headings are sort buttons inside the <th>s (aria-sort goes on the <th>).
  const sortBtn = (text, what) => h('button', { type: 'button', class: 'sort', title: `Sort by ${what}` }, text);
  const headRow = h(
    'tr',
    {},
    h('th', { scope: 'col', class: 'col-entity', 'data-sort': 'name' }, sortBtn('Entity', 'entity name')),
    h('th', { scope: 'col', class: 'col-label', 'data-sort': 'label' }, sortBtn('Label', 'label')),
    sources.map((s) =>
      h('th', { scope: 'col', class: 'col-source', 'data-source': s.id, 'data-sort': 'source', title: s.name }, sortBtn(s.name || s.id, `mentions in ${s.name || s.id}`)),
    ),
    h('th', { scope: 'col', class: 'col-total', 'data-sort': 'total' }, sortBtn('Total', 'total mentions')),
  );
  table.append(h('thead', {}, headRow));
  const max = Math.max(1, ...clusters.map((c) => Math.max(0, ...entriesOf(c.sources).map(([, n]) => Number(n) || 0))));
  const tbody = h('tbody');
  const rows = [];
  clusters.forEach((c, i) => {
    const label = safeLabel(c.label);
    const name = clusterName(c);
    const others = (c.names || []).filter((n) => n !== name);
    const present = sources.filter((s) => (Number(getOf(c.sources, s.id)) || 0) > 0).length;
    const omitted = new Set((c.omitted_by || []).map(String));
    const allNames = (c.names || []).length ? c.names : [name];
    const nameBtn = h(
      'button',
      { type: 'button', class: 'entity-focus', 'data-key': c.key, title: `Show every mention of “${name}” in the texts\nNames: ${allNames.join(', ')}` },
      name,
    );
    if (onFocus) nameBtn.addEventListener('click', () => onFocus(c.key, name));
    const row = h(
      'tr',
      {
        'data-key': c.key,
        'data-label': c.label,
        'data-omitted-by': omitted.size ? [...omitted].join(' ') : null,
        class: [i >= limit && 'extra', present === sources.length && sources.length > 1 && 'in-all', omitted.size && 'has-omission'],
      },
      h(
        'th',
        { scope: 'row', class: 'col-entity', title: `${name} (${labelWithCode(c.label)}) — names: ${allNames.join(', ')}` },
        nameBtn,
        others.length ? h('span', { class: 'aka' }, `also: ${others.join(', ')}`) : null,
      ),
      h('td', { class: 'col-label' }, h('span', { class: ['chip', `ent-${label}`], title: labelTitle(c.label) }, labelWord(c.label))),
      sources.map((s) => {
        const n = Number(getOf(c.sources, s.id)) || 0;
        const lvl = n === 0 ? 0 : Math.min(4, 1 + Math.floor((3 * (n - 1)) / Math.max(1, max - 1)));
        if (omitted.has(String(s.id))) {
          return h(
            'td',
            {
              class: ['count', 'absent', 'omission'],
              'data-source': s.id,
              'data-count': n,
              'data-omitted': 'true',
              title: OMISSION_TITLE,
              'aria-label': `omitted by ${s.name}: ${OMISSION_TITLE}`,
            },
            h('span', { class: 'omission-mark' }, 'omitted'),
          );
        }
        return h(
          'td',
          {
            class: ['count', n ? `lvl${lvl}` : 'absent'],
            'data-source': s.id,
            'data-count': n,
            'aria-label': n ? `${n} mention${n === 1 ? '' : 's'} in ${s.name}` : `not mentioned in ${s.name}`,
          },
          n ? String(n) : '–',
        );
      }),
      h('td', { class: 'col-total' }, String(clusterTotal(c))),
    );
    tbody.append(row);
    rows.push({ row, i, name, label: labelWord(c.label), counts: c.sources, total: clusterTotal(c) });
  });
  table.append(tbody);
  wireMatrixSort(table, rows, limit);
  return { table, extra: Math.max(0, clusters.length - limit), total: clusters.length };
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Sort the matrix by the clicked column: names and labels A→Z first, counts most first; a second
 * click reverses. Ties keep the report's order. Rows are moved, not rebuilt, so their listeners,
 * omission marks and focus state stay; the first `limit` rows in the new order are the ones shown.
 */
function wireMatrixSort(table, rows, limit) {
  const heads = [...table.tHead.rows[0].cells];
  let sortedBy = null;
  let dir = 1;
  for (const th of heads) {
    th.querySelector('button.sort').addEventListener('click', () => {
      const kind = th.dataset.sort;
      const text = kind === 'name' || kind === 'label';
      dir = sortedBy === th ? -dir : text ? 1 : -1;
      sortedBy = th;
      const key = {
        name: (r) => r.name,
        label: (r) => r.label,
        total: (r) => r.total,
        source: (r) => Number(getOf(r.counts, th.dataset.source)) || 0,
      }[kind];
      const cmp = text ? collator.compare : (a, b) => a - b;
      const order = [...rows].sort((a, b) => dir * cmp(key(a), key(b)) || a.i - b.i);
      order.forEach((r, n) => r.row.classList.toggle('extra', n >= limit));
      table.tBodies[0].append(...order.map((r) => r.row));
      for (const other of heads) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
    });
  }
}

const CERTAINTY = {
  asserted: ['asserted', 'Stated in the outlet’s own voice'],
  attributed: ['attributed', 'Someone is said to say it'],
  hedged: ['hedged', '“Reportedly”, “allegedly”, “could not be ruled out”…'],
  alleged: ['alleged', 'An “alleged” act or actor'],
  denied: ['denied', 'Reported as denied or rejected'],
};
const CERTAINTY_ORDER = ['asserted', 'attributed', 'hedged', 'alleged', 'denied'];
const CERTAINTY_VERB = { asserted: 'stated as fact', attributed: 'attributed', hedged: 'hedged', alleged: 'called alleged', denied: 'reported as denied' };

/** Stance of a member: [words, glyph (a cue that is not colour), explanation]. */
export const STANCE = {
  agrees: ['states it', '=', 'States the claim in its own voice'],
  reports: ['reports it', '“', 'Reports the claim as someone else’s: attributed, hedged or alleged'],
  disputes: ['disputes it', '≠', 'Disputes the claim: denies it, or gives a number for the same thing that cannot hold with the others'],
};

/** How alike a group's sentences are, in words: the similarity is the probability they state one thing. */
export function similarityWords(x) {
  const v = Number(x);
  if (!Number.isFinite(v)) return '';
  if (v >= 0.85) return 'very close';
  if (v >= 0.7) return 'close';
  if (v >= 0.55) return 'fairly close';
  return 'loose';
}

/** "72% (close)", or '' when there is no similarity (one source). */
export function similarityText(x) {
  if (x === null || x === undefined || !Number.isFinite(Number(x))) return '';
  return `${pct(x)} (${similarityWords(x)})`;
}

export const SIMILARITY_TITLE = 'Similarity: the mean, over pairs of sentences from different sources, of the probability that the two state the same thing';

/** A sentence cut to about `n` characters at a word boundary, with an ellipsis. */
export function excerpt(text, n = 90) {
  const t = String(text ?? '').replace(/\s+/g, ' ').trim();
  if (t.length <= n) return t;
  const cut = t.slice(0, n);
  const at = cut.lastIndexOf(' ');
  return `${(at > n / 2 ? cut.slice(0, at) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * A claim's closest claim in another source, in words: `in Fox News: “…” (similarity 32%)`, and
 * when that claim is grouped with other sources, why this one did not join them. `look` gives
 * `nameOf(id)`, `claimOf({source, claim})` and `groupOf({source, claim})`. Null when there is none.
 */
export function closestWords(c, look, n = 90) {
  const cl = c && c.closest;
  const oc = cl && look.claimOf(cl);
  if (!oc) return null;
  let s = `in ${look.nameOf(cl.source)}: “${excerpt(oc.text, n)}” (similarity ${pct(cl.similarity)})`;
  // Only a close pair needs this; below about the pair model's threshold for a story's claims
  // (0.47), the similarity says why by itself.
  const g = Number(cl.similarity) >= 0.5 ? look.groupOf(cl) : null;
  if (g && (Number(g.sources) || 0) > 1) {
    const with_ = [...new Set((g.members || []).map((m) => m.source).filter((id) => String(id) !== String(cl.source)))].map(look.nameOf);
    s += `; that claim is grouped with ${listWords(with_)}, and this one is not close enough to the group as a whole`;
  }
  return s;
}

const SECTIONS = [
  {
    id: 'conflicting',
    title: 'Conflicting',
    note: 'Sources give numbers or days that cannot both be right, or one denies what another states.',
    empty: 'No conflicting numbers or denials found.',
  },
  {
    id: 'drift',
    title: 'Drift',
    note: 'The same claim, but one source states as fact what another hedges, attributes, calls alleged or denies.',
    empty: 'No claim changes certainty from one source to another.',
  },
  {
    id: 'corroborated',
    title: 'Corroborated',
    note: 'Made by two or more sources with the same certainty. Check how many independent origins stand behind it.',
    empty: 'No claim is made by more than one source.',
  },
  { id: 'single', title: 'Single-source', note: 'Made by one source only.', empty: 'None.' },
];

/** Which board section a claim group belongs to. */
export function groupSection(g) {
  if (g.status === 'conflicting') return 'conflicting';
  if (g.drift) return 'drift';
  if (g.status === 'corroborated' || (g.sources || 0) > 1) return 'corroborated';
  return 'single';
}

/** "4 sources, 2 independent origins: several outlets relay one origin." as [text, relay note or null]. */
export function originsSentence(g) {
  const n = Number(g.sources) || 0;
  const base = `${n} source${n === 1 ? '' : 's'}`;
  if (g.origins === undefined || g.origins === null) return [base, null];
  const o = Number(g.origins) || 0;
  const text = `${base}, ${o} independent origin${o === 1 ? '' : 's'}`;
  if (n > 1 && o < n) {
    return [text, o === 1 ? 'all of these outlets relay one origin.' : 'several of these outlets relay one origin.'];
  }
  return [text, null];
}

export function attributionWords(a) {
  if (!a || a.kind === 'none' || !a.kind) {
    return a && a.via && a.via.text ? `outlet’s own voice, via ${a.via.text}` : 'outlet’s own voice';
  }
  let s = a.kind === 'anonymous' ? 'anonymous' : 'named';
  if (a.source && a.source.text) s += `: ${a.source.text}`;
  // "he", "the official": who the analysis found it stands for.
  const who = resolvedApart(a);
  if (who) s += ` (${who})`;
  const via = viaApart(a);
  if (via) s += `, via ${via}`;
  if (a.quote) s += ' (quoted)';
  return s;
}

/** Who a source stands for, when its words do not already say it ("he" → "Mark Ellison", "they"
 * → "Federal prosecutors"; not "The airline's CEO, Mark Ellison" → "Mark Ellison"). */
export function resolvedApart(a) {
  const name = (a && a.resolved && a.resolved.name) || (a && a.stands_for && a.stands_for.text);
  if (!name) return null;
  const text = a.source && a.source.text ? a.source.text.toLowerCase() : '';
  return text.includes(name.toLowerCase()) ? null : name;
}

/** The outlet that carried a claim, when it is not the source itself ("according to the Denver
 * Fire Department" names the source, not an outlet between it and the reader). */
export function viaApart(a) {
  const via = a && a.via;
  if (!via || !via.text) return null;
  const src = a.source;
  const inside = src && src.start <= via.start && via.end <= src.end;
  return inside ? null : via.text;
}

export function driftWords(g, nameOf) {
  const by = new Map();
  for (const m of g.members || []) {
    // A headline in the group by its lede drops the lede's attribution as a rule: no drift.
    if (m.headline_of !== null && m.headline_of !== undefined) continue;
    const cert = m.certainty || 'asserted';
    if (!by.has(cert)) by.set(cert, []);
    const n = nameOf(m.source);
    if (!by.get(cert).includes(n)) by.get(cert).push(n);
  }
  const certs = [...by.keys()].sort((a, b) => CERTAINTY_ORDER.indexOf(a) - CERTAINTY_ORDER.indexOf(b));
  const text = certs.map((c) => `${CERTAINTY_VERB[c] || c} by ${listWords(by.get(c))}`).join('; ');
  const weaker = certs.filter((c) => c !== 'asserted').map((c) => DRIFT_WEAKER[c] || c);
  const why = by.has('asserted')
    ? `What one source states as fact, another only ${orWords(weaker)}: check who stands behind it.`
    : 'The sources tell it with different certainty: check who stands behind it.';
  return [`${text.charAt(0).toUpperCase()}${text.slice(1)}.`, why];
}
function orWords(xs) {
  return xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`;
}
const DRIFT_WEAKER = { attributed: 'reports as someone’s word', hedged: 'hedges', alleged: 'calls alleged', denied: 'reports as denied' };

/**
 * Why members of a group count as one origin, in words, for the origins that several sources
 * share: "WND and Blitz (origin A) both cite “the ministry”." The report does not say which rule
 * joined them, so the words say what the members have in common: the same cited source, the same
 * outlet (via), else "the same source or outlet, or copied text". Null when no origin is shared.
 */
export function originWords(g, look, letters) {
  const byOrigin = new Map();
  for (const m of g.members || []) {
    if (m.origin === undefined || m.origin === null) continue;
    if (!byOrigin.has(m.origin)) byOrigin.set(m.origin, []);
    byOrigin.get(m.origin).push(m);
  }
  const fold = (sp) => (sp && sp.key ? `key:${sp.key}` : sp && sp.text ? String(sp.text).trim().toLowerCase() : '');
  const out = [];
  for (const [o, ms] of byOrigin) {
    if (ms.length < 2) continue;
    const names = [...new Set(ms.map((m) => look.nameOf(m.source)))];
    const tag = `(origin ${letters(o)})`;
    if (names.length === 1) {
      out.push(`${ms.length} sentences of ${names[0]} ${tag} count once.`);
      continue;
    }
    // A member in the outlet's own voice (a headline) joins its origin through its outlet's
    // other members: what the origin cites is what the members that cite anyone cite, when
    // every outlet has one.
    const attrs = ms.map((m) => (look.claimOf(m) || {}).attribution || {});
    const same = (f) => {
      const citing = ms.map((m, i) => [m, attrs[i]]).filter(([, a]) => fold(f(a)));
      if (!citing.length || !names.every((n) => citing.some(([m]) => look.nameOf(m.source) === n))) return null;
      const k = fold(f(citing[0][1]));
      return citing.every(([, a]) => fold(f(a)) === k) ? String(f(citing[0][1]).text).trim() : null;
    };
    // Who each cites, by who the source is or stands for: "She" in two outlets is the governor
    // both name, and "the bureau" and "The FBI" are one.
    const speaker = (a) => {
      if (!a.kind || a.kind === 'none') return null;
      if (a.resolved && a.resolved.key) return { text: a.resolved.name || a.resolved.key, key: a.resolved.key };
      return (a.stands_for && a.stands_for.text ? a.stands_for : a.source) || null;
    };
    const cited = same((a) => {
      const who = speaker(a);
      return who && who.key ? { text: who.text, key: who.key } : who;
    });
    const via = same((a) => a.via);
    const why = cited ? `all cite “${cited}”` : via ? `all carry it via ${via}` : 'cite the same source or outlet, or share copied text';
    out.push(`${listWords(names)} ${tag} ${names.length === 2 ? why.replace(/^all /, 'both ') : why}, so they count as one origin.`);
  }
  return out.length ? out.join(' ') : null;
}

/**
 * Claims board: comparison.claims groups in four sections (conflicting, drift, corroborated,
 * single-source). A group from several sources says why it holds together (similarity, names and
 * numbers in common) and each member's stance. Every claim is in a group, so check-worthiness
 * orders and filters: single-source claims that are not check-worthy stay hidden until asked for.
 * Each member has a button that calls `onJump(sourceId, claimIndex)` to show it in its text;
 * `onMember(li)` is called with each member's element as it is built (some only on request).
 * Long lists are drawn a batch at a time (`lazyList`). `gradual`: what FIRST_MS of work builds is
 * drawn at once and the rest of the lists meant to be whole in later frames (`listsDrawn`), so no
 * one frame lays out the whole board (the browser's layout takes a few times the building).
 */
export function renderClaimsBoard(report, { onJump, onMember, groupOf = null, topScores = null, gradual = false } = {}) {
  const first = gradual ? { until: performance.now() + FIRST_MS } : null;
  const byId = new Map((report.sources || []).map((s) => [s.id, s]));
  const nameOf = (id) => {
    const s = byId.get(id);
    return (s && (s.name || s.id)) || String(id);
  };
  const claimOf = (m) => {
    const s = byId.get(m.source);
    return s && s.claims && s.claims[m.claim];
  };
  const clusters = new Map(((report.comparison && report.comparison.entities) || []).map((c) => [c.key, c]));
  const groups = (report.comparison && report.comparison.claims) || [];
  // A claim's group: `groupOf({source, claim})` when the caller has an index of them already.
  let look = { nameOf, claimOf, groupOf };
  if (!groupOf) {
    const groupByClaim = new Map();
    for (const g of groups) for (const m of g.members || []) groupByClaim.set(`${m.source}\u0000${m.claim}`, g);
    look = { nameOf, claimOf, groupOf: (m) => groupByClaim.get(`${m.source}\u0000${m.claim}`) };
  }
  // A group's highest claim score, which orders a section: `topScores` (a Map group → score) when
  // the caller has them already.
  const tops = topScores || new Map();
  const topScore = (g) => {
    let t = tops.get(g);
    if (t === undefined) {
      t = (g.members || []).reduce((a, m) => Math.max(a, Number((claimOf(m) || {}).score) || 0), 0);
      tops.set(g, t);
    }
    return t;
  };
  const checkworthy = (g) => (g.members || []).some((m) => (claimOf(m) || {}).checkworthy);

  const memberEl = (g, m, { letters = null, single = false } = {}) => {
    const src = byId.get(m.source);
    const c = claimOf(m);
    if (!c) return h('li', { class: 'member missing' }, `(${m.source} claim ${m.claim} not found)`);
    const cert = m.certainty || c.certainty || 'asserted';
    const [certWord, certTitle] = CERTAINTY[cert] || [cert, cert];
    // A stance says something only next to other sources' versions.
    const stance = !single && STANCE[m.stance] ? m.stance : null;
    let stanceTag = null;
    if (stance) {
      const [words, glyph, title] = STANCE[stance];
      const sim = m.similarity === null || m.similarity === undefined ? '' : `\nSimilarity to the other sources’ versions: ${pct(m.similarity)}`;
      stanceTag = h('span', { class: ['tag', 'stance', `stance-${stance}`], title: `${title}${sim}` }, h('span', { class: 'glyph', 'aria-hidden': 'true' }, glyph), words);
    }
    const jump = h(
      'button',
      {
        type: 'button',
        class: 'jump',
        'data-source': m.source,
        'data-claim': m.claim,
        'aria-label': `Show this sentence in ${src.name || src.id}`,
        title: `Show this sentence in ${src.name || src.id}`,
      },
      'Show in text',
    );
    if (onJump) jump.addEventListener('click', () => onJump(m.source, m.claim));
    const headline = m.headline_of !== null && m.headline_of !== undefined;
    const tags = [
      stanceTag,
      headline
        ? h('span', { class: 'tag headline-tag', title: 'This outlet’s headline: the sentence under it, its lede, is in this group too' }, 'headline')
        : null,
      h('span', { class: ['tag', 'certainty', `cert-${cert}`], title: certTitle }, certWord),
      letters && m.origin !== undefined && m.origin !== null
        ? h('span', { class: 'tag origin-tag', title: 'Members with the same origin letter relay one origin (same cited source or outlet, or copied text)' }, `origin ${letters(m.origin)}`)
        : null,
      single && c.checkworthy === false
        ? h('span', { class: 'tag not-checkworthy', title: `Check-worthiness score ${fmtNum(c.score)}, below the threshold of 0.5` }, 'not check-worthy')
        : null,
    ];
    const near = single ? closestWords(c, look, 80) : null;
    const closest = near ? h('p', { class: 'member-closest', title: `The most alike claim of another source. ${SIMILARITY_TITLE}` }, `Closest ${near}`) : null;
    const li = h(
      'li',
      {
        class: ['member', `cert-${cert}`, stance && `stance-${stance}`],
        'data-source': m.source,
        'data-claim': m.claim,
        'data-certainty': cert,
        'data-stance': stance,
        'data-similarity': stance ? m.similarity : null,
        'data-origin': m.origin,
      },
      // In a one-line compact member the tags follow the outlet's name; side by side, a row below.
      h('div', { class: 'member-head' }, h('span', { class: 'member-id' }, h('span', { class: 'member-source' }, src.name || src.id), single ? tags : null), jump),
      single ? null : h('div', { class: 'member-tags' }, tags),
      h('p', { class: 'member-text', title: claimTitle(c, src) }, c.text),
      h('p', { class: 'member-attr' }, attributionWords(c.attribution)),
      closest,
    );
    if (onMember) onMember(li);
    return li;
  };

  /** Why the members of a group from several sources are one claim. */
  const whyEl = (g) => {
    const rows = [];
    if (g.similarity !== null && g.similarity !== undefined) {
      rows.push(h('div', { class: 'why-similarity', title: SIMILARITY_TITLE }, h('dt', {}, 'Similarity'), h('dd', {}, similarityText(g.similarity))));
    }
    if (Array.isArray(g.entities) && g.entities.length) {
      const chips = g.entities.map((k) => {
        const c = clusters.get(k);
        const name = c ? clusterName(c) : k;
        return h('span', { class: ['chip', 'shared-entity', `ent-${safeLabel(c && c.label)}`], 'data-key': k, title: c ? `${name} (${labelWithCode(c.label)})` : name }, name);
      });
      rows.push(h('div', { class: 'why-entities', title: 'Named by two or more of these sources' }, h('dt', {}, 'Names in common'), h('dd', {}, chips)));
    }
    if (Array.isArray(g.numbers) && g.numbers.length) {
      rows.push(h('div', { class: 'why-numbers', title: 'Given with the same value by two or more of these sources' }, h('dt', {}, 'Numbers in common'), h('dd', {}, g.numbers.join(', '))));
    }
    return rows.length ? h('dl', { class: 'group-why' }, rows) : null;
  };

  const groupEl = (g, compact = false) => {
    const members = g.members || [];
    // Origin letters, only when some members share an origin (otherwise they say nothing).
    const origins = new Set(members.map((m) => m.origin));
    const letters = origins.size < members.length ? (o) => String.fromCharCode(65 + (Number(o) % 26)) : null;
    const [sentence, relay] = originsSentence(g);
    const badges = [];
    if (g.status === 'conflicting') badges.push(h('span', { class: ['badge', 'badge-conflicting'] }, 'Conflicting'));
    if (g.drift) badges.push(h('span', { class: ['badge', 'badge-drift'] }, 'Drift'));
    if (!badges.length) {
      badges.push(
        g.status === 'corroborated'
          ? h('span', { class: ['badge', 'badge-corroborated'] }, 'Corroborated')
          : h('span', { class: ['badge', 'badge-single_source'] }, 'Single source'),
      );
    }
    const extra = [];
    if (g.conflict) {
      const kind = g.conflict.kind === 'numeric' ? 'Numbers disagree' : g.conflict.kind === 'negation' ? 'Denied' : g.conflict.kind === 'date' ? 'Days disagree' : 'Conflict';
      // The detail names sources by id, "(s2)": show their names instead.
      let detail = String(g.conflict.detail ?? '');
      for (const id of new Set(members.map((m) => String(m.source)))) detail = detail.split(`(${id})`).join(`(${nameOf(id)})`);
      extra.push(h('p', { class: 'conflict-detail', 'data-kind': g.conflict.kind, title: String(g.conflict.detail ?? '') }, h('strong', {}, `${kind}: `), detail));
    }
    if (g.drift) {
      const [head, why] = driftWords(g, nameOf);
      extra.push(h('p', { class: 'drift-detail' }, h('strong', {}, 'Certainty drifts: '), `${head} `, h('span', { class: 'drift-why' }, why)));
    }
    const originNote = letters ? originWords(g, look, letters) : null;
    if (originNote) extra.push(h('p', { class: 'origin-note' }, h('strong', {}, 'Same origin: '), originNote));
    return h(
      'li',
      {
        class: ['group', `status-${g.status}`, g.drift && 'drift', compact && 'compact'],
        'data-status': g.status,
        'data-drift': g.drift ? 'true' : 'false',
        'data-sources': g.sources,
        'data-origins': g.origins,
        'data-similarity': g.similarity,
        'data-checkworthy': checkworthy(g) ? 'true' : 'false',
      },
      compact
        ? null
        : h(
          'div',
          { class: 'group-head' },
          badges,
          h('span', { class: 'origins' }, relay ? `${sentence}: ` : sentence, relay ? h('strong', { class: 'relay' }, relay) : null),
        ),
      compact ? null : whyEl(g),
      extra,
      lazyList(h('ul', { class: ['members', !compact && 'side-by-side'] }), members, (m) => memberEl(g, m, { letters: compact ? null : letters, single: compact }), MEMBER_BATCH),
    );
  };

  // A long board: groups off screen are not laid out (long.css).
  const wrap = h('div', { class: ['claims-board', groups.length > LIST_WHOLE && 'long'], id: 'claims-board' });
  if (!groups.length) {
    wrap.append(h('p', { class: 'muted' }, 'No claims found that are worth comparing.'));
    return wrap;
  }
  const bySection = new Map(SECTIONS.map((s) => [s.id, []]));
  for (const g of groups) bySection.get(groupSection(g)).push(g);
  // Most sources first, then the most check-worthy (sort is stable: ties keep the report's order).
  for (const list of bySection.values()) list.sort((a, b) => (Number(b.sources) || 0) - (Number(a.sources) || 0) || topScore(b) - topScore(a));

  wrap.append(
    h(
      'ul',
      { class: 'board-overview', 'aria-label': 'Claim groups by kind' },
      SECTIONS.map((s) =>
        h('li', { class: ['overview-item', `overview-${s.id}`, bySection.get(s.id).length === 0 && 'zero'] }, h('span', { class: 'n' }, String(bySection.get(s.id).length)), ` ${s.title.toLowerCase()}`),
      ),
    ),
  );
  for (const sec of SECTIONS) {
    const list = bySection.get(sec.id);
    const headId = `claims-${sec.id}-heading`;
    const head = h(
      'h4',
      { class: 'section-title', id: headId },
      h('span', { class: ['section-dot', `dot-${sec.id}`], 'aria-hidden': 'true' }),
      sec.title,
      ' ',
      h('span', { class: 'section-count' }, String(list.length)),
    );
    const section = h('section', { class: ['claim-section', `section-${sec.id}`, !list.length && 'empty'], 'data-section': sec.id, 'aria-labelledby': headId }, head);
    if (!list.length) {
      section.append(h('p', { class: 'section-note' }, sec.empty));
    } else if (sec.id === 'single') {
      section.append(...singleSection(list).filter(Boolean));
    } else {
      section.append(h('p', { class: 'section-note' }, sec.note), lazyList(h('ol', { class: 'groups' }), list, (g) => groupEl(g), LIST_BATCH, groupWeight, LIST_WHOLE, first));
    }
    wrap.append(section);
  }
  return wrap;

  /** Check-worthy single-source claims, and a button that shows (built on first use) the rest. */
  function singleSection(list) {
    const shown = list.filter(checkworthy);
    const rest = list.filter((g) => !checkworthy(g));
    const note = rest.length
      ? `Made by one source only. ${shown.length ? `The ${plural(shown.length, 'check-worthy claim')} first; ${plural(rest.length, 'claim')} that ${rest.length === 1 ? 'is' : 'are'} not check-worthy ${rest.length === 1 ? 'is' : 'are'} hidden.` : `None is check-worthy; ${plural(rest.length, 'claim')} hidden.`}`
      : 'Made by one source only.';
    const list1 = shown.length ? lazyList(h('ol', { class: 'groups single-checkworthy' }), shown, (g) => groupEl(g, true), LIST_BATCH, groupWeight, LIST_WHOLE, first) : null;
    if (!rest.length) return [h('p', { class: 'section-note' }, note), list1];
    const more = h('ol', { class: 'groups single-rest', id: 'claims-single-rest', hidden: true });
    const showText = `Show all single-source claims (${rest.length.toLocaleString('en-GB')} hidden)`;
    const btn = h('button', { type: 'button', class: 'btn btn-quiet btn-small show-all-single', 'aria-expanded': 'false', 'aria-controls': 'claims-single-rest' }, showText);
    btn.addEventListener('click', () => {
      const open = more.hidden;
      if (open && !more.childElementCount) lazyList(more, rest, (g) => groupEl(g, true), LIST_BATCH, groupWeight, LIST_WHOLE);
      more.hidden = !open;
      btn.setAttribute('aria-expanded', String(open));
      btn.textContent = open ? `Show check-worthy claims only (hide ${rest.length.toLocaleString('en-GB')})` : showText;
    });
    // The button sits by the note, where the hidden count is said; the rest follow the list.
    return [h('div', { class: 'single-tools' }, h('p', { class: 'section-note' }, note), btn), list1, more];
  }
}

/**
 * How much of a long list is drawn at a time: items (a claim group counts one and one more for
 * each member drawn with it, see `groupWeight`), and members of one group. A list of up to
 * LIST_WHOLE is drawn whole.
 */
export const LIST_BATCH = 30;
export const LIST_WHOLE = 400;
export const MEMBER_BATCH = 10;

/** A group's share of a batch: itself and the members drawn with it. */
function groupWeight(g) {
  return 1 + Math.min(MEMBER_BATCH, (g.members || []).length);
}

/**
 * Append `items` to the list `el`, each made by `make(item)`: all of them when they weigh up to
 * `whole` (by `weight(item)`, one each unless given), else the first `batch` at once and the rest
 * a batch at a time when the list's end comes near the screen, or on the “Show more” button at its
 * end (for the keyboard). Returns `el`.
 *
 * `first` ({until}, a time shared by the lists of one view): a list meant to be whole draws at once
 * what can be built until then, and the rest in later frames, STEP_MS of building each
 * (`listsDrawn`).
 */
export function lazyList(el, items, make, batch = LIST_BATCH, weight = () => 1, whole = batch, first = null) {
  let next = 0;
  let total = 0;
  for (const x of items) if ((total += weight(x)) > whole) break;
  const gradual = total <= whole && first !== null;
  if (total <= whole && !gradual) batch = Infinity;
  const more = h('li', { class: 'list-more' });
  const btn = h('button', { type: 'button', class: 'btn btn-quiet btn-small' });
  more.append(btn);
  let io = null;
  const draw = () => {
    const frag = document.createDocumentFragment();
    for (let w = 0; next < items.length && (w === 0 || w + weight(items[next]) <= batch); next++) {
      w += weight(items[next]);
      frag.append(make(items[next]));
    }
    more.remove();
    el.append(frag);
    if (next < items.length) {
      btn.textContent = `Show more (${(items.length - next).toLocaleString('en-GB')} not shown yet)`;
      el.append(more);
    } else if (io) io.disconnect();
  };
  if (gradual) {
    /** Draw items until the clock says `until` (at least one when `one`); true while more remain. */
    const drawUntil = (until, one) => {
      const frag = document.createDocumentFragment();
      for (; next < items.length && ((one && !frag.childNodes.length) || performance.now() < until); next++) frag.append(make(items[next]));
      el.append(frag);
      return next < items.length;
    };
    if (drawUntil(first.until, false)) drawLater(() => drawUntil(performance.now() + STEP_MS, true));
    return el;
  }
  btn.addEventListener('click', () => {
    const focusNext = next;
    draw();
    // The keyboard goes on from the first item drawn.
    const first = el.children[focusNext];
    const target = first && first.querySelector('button, input');
    if (target) target.focus();
  });
  draw();
  if (next < items.length && typeof IntersectionObserver === 'function') {
    io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && more.isConnected) draw();
    }, { rootMargin: '600px 0px', scrollMargin: '600px 0px' });
    io.observe(more);
  }
  return el;
}

/**
 * Building time (ms) for the first frame of a view drawn gradually, and for each frame after:
 * the layout that follows grows with what was built (12 ms a frame gave tasks of 70–100 ms with
 * two texts of 1 MB on the page, 4 ms about 50).
 */
const FIRST_MS = 8;
const STEP_MS = 4;

/** Lists being drawn a step per frame, in turn: each step draws some and says whether more remain. */
const laterSteps = [];
let laterRun = null;

function drawLater(step) {
  laterSteps.push(step);
  if (laterRun) return;
  laterRun = (async () => {
    try {
      while (laterSteps.length) {
        // After the next frame is painted: each batch is laid out in a frame of its own.
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        if (laterSteps.length && !laterSteps[0]()) laterSteps.shift();
      }
    } finally {
      laterSteps.length = 0;
      laterRun = null;
    }
  })();
}

/** Forget the lists still to be drawn (their view is being replaced). */
export function dropLaterLists() {
  laterSteps.length = 0;
}

/** Resolves when every list drawn a batch per frame is whole. */
export async function listsDrawn() {
  while (laterRun) await laterRun;
}

function plural(n, word) {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? word : `${word}s`}`;
}
