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

export function claimTitle(c) {
  const lines = [`Claim${c.checkworthy ? ' (check-worthy)' : ''} — score ${fmtNum(c.score)}`];
  if (c.certainty) lines.push(`certainty: ${c.certainty}`);
  const a = c.attribution;
  if (a) {
    let s = `attribution: ${a.kind}`;
    if (a.source && a.source.text) s += ` — ${a.source.text}`;
    if (a.resolved && a.resolved.name && (!a.source || a.resolved.name !== a.source.text)) s += ` (= ${a.resolved.name})`;
    if (a.cue && a.cue.text) s += ` (${a.cue.text})`;
    if (a.via && a.via.text) s += `, via ${a.via.text}`;
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
      check(c.attribution.via);
      if (c.attribution.resolved) check(c.attribution.resolved.mention);
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
        tabindex: '0',
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
        tabindex: '0',
        title: claimTitle(c),
      });
    }
    if (s.kind === 'cue') return h('span', { ...common, class: 'cue', title: 'attribution cue' });
    return h('span', { ...common, class: 'boilerplate', title: 'Boilerplate (page cruft) — not analysed as a claim' });
  });
}

// ---------------------------------------------------------------------------------------------
// Summary, legend, matrix, claims board

function pct(x) {
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
      h('li', { class: ['chip', `ent-${safeLabel(label)}`], 'data-label': label, title: LABEL_DESC.get(label) || label }, `${label} `, h('span', { class: 'n' }, String(n))),
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
        { scope: 'row', class: 'col-entity', title: `${name} (${c.label}) — names: ${allNames.join(', ')}` },
        nameBtn,
        others.length ? h('span', { class: 'aka' }, `also: ${others.join(', ')}`) : null,
      ),
      h('td', { class: 'col-label' }, h('span', { class: ['chip', `ent-${label}`], title: LABEL_DESC.get(c.label) || c.label }, c.label)),
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
    rows.push({ row, i, name, label: String(c.label ?? ''), counts: c.sources, total: clusterTotal(c) });
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

const SECTIONS = [
  {
    id: 'conflicting',
    title: 'Conflicting',
    note: 'Sources give numbers that cannot both be right, or one denies what another states.',
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

function attributionWords(a) {
  if (!a || a.kind === 'none' || !a.kind) {
    return a && a.via && a.via.text ? `outlet’s own voice, via ${a.via.text}` : 'outlet’s own voice';
  }
  let s = a.kind === 'anonymous' ? 'anonymous' : 'named';
  if (a.source && a.source.text) s += `: ${a.source.text}`;
  if (a.via && a.via.text) s += `, via ${a.via.text}`;
  if (a.quote) s += ' (quoted)';
  return s;
}

/**
 * Claims board: comparison.claims groups in four sections (conflicting, drift, corroborated,
 * single-source), each member's sentence with its source, certainty and a button that calls
 * `onJump(sourceId, claimIndex)` to show the sentence in its source text.
 */
export function renderClaimsBoard(report, { onJump } = {}) {
  const byId = new Map((report.sources || []).map((s) => [s.id, s]));
  const nameOf = (id) => {
    const s = byId.get(id);
    return (s && (s.name || s.id)) || String(id);
  };
  const groups = (report.comparison && report.comparison.claims) || [];

  const memberEl = (g, m, letters) => {
    const src = byId.get(m.source);
    const c = src && src.claims && src.claims[m.claim];
    if (!c) return h('li', { class: 'member missing' }, `(${m.source} claim ${m.claim} not found)`);
    const cert = m.certainty || c.certainty || 'asserted';
    const [certWord, certTitle] = CERTAINTY[cert] || [cert, cert];
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
    return h(
      'li',
      { class: ['member', `cert-${cert}`], 'data-source': m.source, 'data-claim': m.claim, 'data-certainty': cert, 'data-origin': m.origin },
      h(
        'div',
        { class: 'member-head' },
        h(
          'span',
          { class: 'member-id' },
          h('span', { class: 'member-source' }, src.name || src.id),
          h('span', { class: ['tag', 'certainty', `cert-${cert}`], title: certTitle }, certWord),
          letters && m.origin !== undefined && m.origin !== null
            ? h('span', { class: 'tag origin-tag', title: 'Members with the same origin letter relay one origin (same cited source or outlet, or copied text)' }, `origin ${letters(m.origin)}`)
            : null,
          c.checkworthy === false ? h('span', { class: 'tag near-miss', title: `Score ${fmtNum(c.score)}: below the check-worthiness threshold, grouped for comparison (e.g. a headline)` }, 'not check-worthy') : null,
        ),
        jump,
      ),
      h('p', { class: 'member-text', title: claimTitle(c) }, c.text),
      h('p', { class: 'member-attr' }, attributionWords(c.attribution)),
    );
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
      const kind = g.conflict.kind === 'numeric' ? 'Numbers disagree' : g.conflict.kind === 'negation' ? 'Denied' : 'Conflict';
      // The detail names sources by id, "(s2)": show their names instead.
      let detail = String(g.conflict.detail ?? '');
      for (const id of new Set(members.map((m) => String(m.source)))) detail = detail.split(`(${id})`).join(`(${nameOf(id)})`);
      extra.push(h('p', { class: 'conflict-detail', 'data-kind': g.conflict.kind, title: String(g.conflict.detail ?? '') }, h('strong', {}, `${kind}: `), detail));
    }
    if (g.drift) {
      const by = new Map();
      for (const m of members) {
        const cert = m.certainty || 'asserted';
        if (!by.has(cert)) by.set(cert, []);
        const n = nameOf(m.source);
        if (!by.get(cert).includes(n)) by.get(cert).push(n);
      }
      const certs = [...by.keys()].sort((a, b) => CERTAINTY_ORDER.indexOf(a) - CERTAINTY_ORDER.indexOf(b));
      const parts = certs.map((c) => `${CERTAINTY_VERB[c] || c} by ${listWords(by.get(c))}`);
      const text = parts.join('; ');
      extra.push(h('p', { class: 'drift-detail' }, h('strong', {}, 'Certainty drifts: '), `${text.charAt(0).toUpperCase()}${text.slice(1)}.`));
    }
    return h(
      'li',
      {
        class: ['group', `status-${g.status}`, g.drift && 'drift', compact && 'compact'],
        'data-status': g.status,
        'data-drift': g.drift ? 'true' : 'false',
        'data-sources': g.sources,
        'data-origins': g.origins,
      },
      compact
        ? null
        : h(
          'div',
          { class: 'group-head' },
          badges,
          h('span', { class: 'origins' }, relay ? `${sentence}: ` : sentence, relay ? h('strong', { class: 'relay' }, relay) : null),
        ),
      extra,
      h('ul', { class: ['members', !compact && 'side-by-side'] }, members.map((m) => memberEl(g, m, compact ? null : letters))),
    );
  };

  const wrap = h('div', { class: 'claims-board', id: 'claims-board' });
  if (!groups.length) {
    wrap.append(h('p', { class: 'muted' }, 'No claims found that are worth comparing.'));
    return wrap;
  }
  const bySection = new Map(SECTIONS.map((s) => [s.id, []]));
  for (const g of groups) bySection.get(groupSection(g)).push(g);
  const multi = groups.length - bySection.get('single').length;

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
      section.append(
        h(
          'details',
          { class: 'single', open: multi === 0 },
          h('summary', {}, `${list.length} claim${list.length === 1 ? '' : 's'} made by one source only`),
          h('ol', { class: 'groups' }, list.map((g) => groupEl(g, true))),
        ),
      );
    } else {
      section.append(h('p', { class: 'section-note' }, sec.note), h('ol', { class: 'groups' }, list.map((g) => groupEl(g))));
    }
    wrap.append(section);
  }
  return wrap;
}
