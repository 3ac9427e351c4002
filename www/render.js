// Report → DOM. Everything here builds nodes with createElement / textContent only:
// pasted text is never parsed as HTML (no HTML-string APIs anywhere in www/).

/** OntoNotes labels, in legend order, with a short description. Colours live in style.css. */
export const LABELS = [
  ['PERSON', 'People'],
  ['NORP', 'Nationalities, religious or political groups'],
  ['FAC', 'Buildings, airports, highways, bridges'],
  ['ORG', 'Organisations'],
  ['GPE', 'Countries, cities, states'],
  ['LOC', 'Other locations'],
  ['PRODUCT', 'Products'],
  ['EVENT', 'Named events'],
  ['WORK_OF_ART', 'Titles of works'],
  ['LAW', 'Laws and documents'],
  ['LANGUAGE', 'Languages'],
  ['DATE', 'Dates and periods'],
  ['TIME', 'Times of day'],
  ['PERCENT', 'Percentages'],
  ['MONEY', 'Amounts of money'],
  ['QUANTITY', 'Measurements'],
  ['ORDINAL', 'Ordinals'],
  ['CARDINAL', 'Other numbers'],
];
const LABEL_DESC = new Map(LABELS);
const KNOWN_LABELS = new Set(LABELS.map(([l]) => l));

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
 * Never throws on bad offsets. Returns the root `{start: 0, end: length, children}`.
 */
export function buildSpanTree(length, spans) {
  const items = [];
  spans.forEach((s, order) => {
    if (!s) return;
    let { start, end } = s;
    if (typeof start !== 'number' || typeof end !== 'number' || !Number.isFinite(start) || !Number.isFinite(end)) return;
    start = Math.max(0, Math.floor(start));
    end = Math.min(length, Math.floor(end));
    if (start >= end) return;
    items.push({ ...s, start, end, origStart: start, origEnd: end, order });
  });
  items.sort(
    (a, b) => (RANK[a.kind] ?? 9) - (RANK[b.kind] ?? 9) || b.end - b.start - (a.end - a.start) || a.start - b.start || a.order - b.order,
  );
  const root = { start: 0, end: length, children: [] };
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

function fmtNum(n) {
  if (n === null || n === undefined) return '…';
  return typeof n === 'number' ? n.toLocaleString('en-GB', { maximumFractionDigits: 4 }) : String(n);
}

function entityTitle(e) {
  const lines = [`${e.label} — ${e.text}`];
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

function claimTitle(c) {
  const lines = [`Claim${c.checkworthy ? ' (check-worthy)' : ''} — score ${fmtNum(c.score)}`];
  if (c.certainty) lines.push(`certainty: ${c.certainty}`);
  const a = c.attribution;
  if (a) {
    let s = `attribution: ${a.kind}`;
    if (a.source && a.source.text) s += ` — ${a.source.text}`;
    if (a.cue && a.cue.text) s += ` (${a.cue.text})`;
    if (a.quote) s += ', quoted';
    lines.push(s);
  }
  if (c.reasons && c.reasons.length) lines.push(`reasons: ${c.reasons.join(', ')}`);
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
    }
  });
  (src.boilerplate || []).forEach(check);
  return bad;
}

/** The annotated text of one source: a DocumentFragment. */
export function renderAnnotatedText(text, src) {
  const tree = buildSpanTree(text.length, sourceSpans(src));
  return renderSpanTree(text, tree, (s) => {
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
        title: entityTitle(e),
      });
    }
    if (s.kind === 'claim') {
      const c = s.claim;
      return h('span', {
        ...common,
        class: ['claim', c.checkworthy && 'checkworthy'],
        id: s.start === s.origStart ? `claim-${src.id}-${s.index}` : null,
        'data-index': s.index,
        'data-score': c.score,
        'data-certainty': c.certainty,
        'data-attribution': c.attribution && c.attribution.kind,
        title: claimTitle(c),
      });
    }
    if (s.kind === 'cue') return h('span', { ...common, class: 'cue', title: 'attribution cue' });
    return h('span', { ...common, class: 'boilerplate', title: 'Boilerplate (page cruft) — not analysed as a claim' });
  });
}

// ---------------------------------------------------------------------------------------------
// Summary, legend, matrix, claims board

/** Per-source summary: counts and entities by label. */
export function renderSummary(summary = {}) {
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
      h('li', { class: ['chip', `ent-${safeLabel(label)}`], 'data-label': label, title: LABEL_DESC.get(label) || label }, `${label} `, h('span', { class: 'n' }, String(n))),
    ),
  );
  return h('div', { class: 'summary' }, dl, labels);
}

/**
 * Legend of entity labels present in the report, as toggle buttons (aria-pressed) that hide or
 * show that label's highlights via a class on `target`.
 */
export function renderLegend(report, target) {
  const counts = new Map();
  for (const s of report.sources || []) for (const e of s.entities || []) counts.set(e.label, (counts.get(e.label) || 0) + 1);
  const items = LABELS.filter(([l]) => counts.has(l)).map(([l, desc]) => {
    const btn = h(
      'button',
      { type: 'button', class: ['chip', 'legend-item', `ent-${l}`], 'data-label': l, 'aria-pressed': 'true', title: `${desc} — click to hide/show` },
      l,
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
      h('li', {}, h('span', { class: 'claim checkworthy sample' }, 'check-worthy claim')),
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

/** Pick a display name for a cluster: the most frequent surface form is not in the report, so the longest name. */
function clusterName(c) {
  const names = c.names || [];
  if (!names.length) return c.key;
  return [...names].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0];
}

/**
 * Entity × source matrix: a real table, rows = comparison.entities, columns = sources.
 * `onFocus(key)` is called when an entity name is clicked.
 */
export function renderMatrix(report, { limit = 25, onFocus } = {}) {
  const sources = report.sources || [];
  const clusters = (report.comparison && report.comparison.entities) || [];
  const table = h('table', { id: 'matrix', class: 'matrix' });
  table.append(
    h('caption', {}, 'Entity mentions per source. Rows are entities merged across sources; an empty cell means the source never names it.'),
  );
  const headRow = h(
    'tr',
    {},
    h('th', { scope: 'col', class: 'col-entity' }, 'Entity'),
    h('th', { scope: 'col', class: 'col-label' }, 'Label'),
    sources.map((s) => h('th', { scope: 'col', class: 'col-source', 'data-source': s.id, title: s.name }, s.name || s.id)),
    h('th', { scope: 'col', class: 'col-total' }, 'Total'),
  );
  table.append(h('thead', {}, headRow));
  const max = Math.max(1, ...clusters.map((c) => Math.max(0, ...entriesOf(c.sources).map(([, n]) => Number(n) || 0))));
  const tbody = h('tbody');
  clusters.forEach((c, i) => {
    const label = safeLabel(c.label);
    const name = clusterName(c);
    const others = (c.names || []).filter((n) => n !== name);
    const present = sources.filter((s) => (Number(getOf(c.sources, s.id)) || 0) > 0).length;
    const nameBtn = h('button', { type: 'button', class: 'entity-focus', 'data-key': c.key, title: `Highlight every mention of “${name}”` }, name);
    if (onFocus) nameBtn.addEventListener('click', () => onFocus(c.key, name));
    const row = h(
      'tr',
      {
        'data-key': c.key,
        'data-label': c.label,
        class: [i >= limit && 'extra', present === sources.length && sources.length > 1 && 'in-all'],
      },
      h('th', { scope: 'row', class: 'col-entity' }, nameBtn, others.length ? h('span', { class: 'aka' }, `also: ${others.join(', ')}`) : null),
      h('td', { class: 'col-label' }, h('span', { class: ['chip', `ent-${label}`], title: LABEL_DESC.get(c.label) || c.label }, c.label)),
      sources.map((s) => {
        const n = Number(getOf(c.sources, s.id)) || 0;
        const lvl = n === 0 ? 0 : Math.min(4, 1 + Math.floor((3 * (n - 1)) / Math.max(1, max - 1)));
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
  });
  table.append(tbody);
  return { table, extra: Math.max(0, clusters.length - limit), total: clusters.length };
}

const STATUS_TEXT = { corroborated: 'Corroborated', single_source: 'Single source', conflicting: 'Conflicting' };

/** Claims board: comparison.claims groups with their member sentences. */
export function renderClaimsBoard(report) {
  const byId = new Map((report.sources || []).map((s) => [s.id, s]));
  const groups = (report.comparison && report.comparison.claims) || [];
  const groupEl = (g, compact = false) => {
    const members = (g.members || []).map((m) => {
      const src = byId.get(m.source);
      const c = src && src.claims && src.claims[m.claim];
      if (!c) return h('li', { class: 'member missing' }, `(${m.source} claim ${m.claim} not found)`);
      const a = c.attribution || {};
      const who = a.kind === 'none' ? 'outlet’s own voice' : `${a.kind}${a.source && a.source.text ? ': ' + a.source.text : ''}`;
      return h(
        'li',
        { class: 'member', 'data-source': m.source },
        h('a', { class: 'member-source', href: `#claim-${m.source}-${m.claim}` }, src.name || src.id),
        h('span', { class: 'member-text' }, c.text),
        h('span', { class: 'member-meta' }, h('span', { class: ['tag', `cert-${c.certainty}`] }, c.certainty), ' ', h('span', { class: 'tag' }, who)),
      );
    });
    return h(
      'li',
      { class: ['group', `status-${g.status}`, compact && 'compact'], 'data-status': g.status },
      compact ? null : h(
        'div',
        { class: 'group-head' },
        h('span', { class: ['badge', `badge-${g.status}`] }, STATUS_TEXT[g.status] || g.status),
        h('span', { class: 'group-count' }, `${g.sources} source${g.sources === 1 ? '' : 's'}`),
      ),
      h('ul', { class: 'members' }, members),
    );
  };
  const multi = groups.filter((g) => g.status !== 'single_source');
  const single = groups.filter((g) => g.status === 'single_source');
  const wrap = h('div', { class: 'claims-board', id: 'claims-board' });
  if (!groups.length) {
    wrap.append(h('p', { class: 'muted' }, 'No check-worthy claims found.'));
    return wrap;
  }
  if (multi.length) wrap.append(h('ol', { class: 'groups' }, multi.map((g) => groupEl(g))));
  else wrap.append(h('p', { class: 'muted' }, 'No claim is made by more than one source.'));
  if (single.length) {
    wrap.append(
      h(
        'details',
        { class: 'single', open: multi.length === 0 },
        h('summary', {}, `${single.length} check-worthy claim${single.length === 1 ? '' : 's'} made by a single source`),
        h('ol', { class: 'groups' }, single.map((g) => groupEl(g, true))),
      ),
    );
  }
  return wrap;
}
