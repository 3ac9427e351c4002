// Page wiring: the source editor, the analysis worker, and putting the rendered report on the page.
// No HTML strings: every node is built by render.js helpers or createElement/textContent.
import {
  h,
  textChunks,
  renderChunk,
  markedClaims,
  renderSummary,
  renderLegend,
  renderMatrix,
  renderClaimsBoard,
  listsDrawn,
  dropLaterLists,
  countOffsetMismatches,
  clusterName,
  STANCE,
  similarityText,
  closestWords,
  labelWord,
  labelWithCode,
  safeLabel,
  reasonsSentence,
} from './render.js';
import { claimsCSV, entitiesCSV, claimReviews, reportFile, openReportFile } from './export.js';

const $ = (id) => document.getElementById(id);

const state = {
  /** @type {{id: string, name: string, text: string, url?: string, published?: string}[]} */
  sources: [],
  nextNum: 1,
  reqId: 0,
  analysed: false, // a report is on the page
  stale: false, // texts changed since that report
  edited: false, // the user changed something since the example was loaded
};

// ---------------------------------------------------------------------------------------------
// Status

function setPageState(s) {
  document.body.dataset.state = s;
}

function setStatus(text) {
  $('status').textContent = text;
}

function showError(msg, title = 'Analysis failed. ') {
  const el = $('error');
  el.replaceChildren(h('strong', {}, title), msg, h('span', { class: 'muted' }, ' Your texts are unchanged.'));
  el.hidden = false;
}

function clearError() {
  $('error').hidden = true;
  $('error').replaceChildren();
}

function plural(n, word, pl = word + 's') {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? word : pl}`;
}

// ---------------------------------------------------------------------------------------------
// Source editor

function newId() {
  const used = new Set(state.sources.map((s) => s.id));
  while (used.has(`s${state.nextNum}`)) state.nextNum++;
  return `s${state.nextNum++}`;
}

// ---------------------------------------------------------------------------------------------
// Persistence: the sources and their names, in this browser's localStorage only.

const STORE_KEY = 'crosscheck.sources.v1';
let saveTimer = 0;

function saveNow() {
  clearTimeout(saveTimer);
  saveTimer = 0;
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify({ version: 1, sources: state.sources.map(({ id, name, text, url, published }) => ({ id, name, text, url, published })) }));
    $('storage-note').textContent = 'Sources are kept in this browser only (local storage) so a reload loses nothing.';
    $('storage-note').classList.remove('warn');
  } catch {
    $('storage-note').textContent = 'These texts are too large to keep in this browser’s storage: a reload will lose them.';
    $('storage-note').classList.add('warn');
  }
}

function persist() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveNow, 250);
}

/** A source's optional address and date, kept only when they are non-blank text. */
function meta(x) {
  const out = {};
  for (const k of ['url', 'published']) if (typeof x[k] === 'string' && x[k].trim()) out[k] = x[k].trim();
  return out;
}

function loadSaved() {
  try {
    const raw = localStorage.getItem(STORE_KEY);
    if (!raw) return null;
    const data = JSON.parse(raw);
    if (!data || !Array.isArray(data.sources)) return null;
    return data.sources
      .filter((x) => x && typeof x === 'object')
      .map((x, i) => ({ id: String(x.id || `s${i + 1}`), name: String(x.name ?? ''), text: String(x.text ?? ''), ...meta(x) }));
  } catch {
    return null;
  }
}

function clearAll() {
  try {
    localStorage.removeItem(STORE_KEY);
  } catch {
    // nothing stored
  }
  clearTimeout(saveTimer);
  running = null;
  state.sources = [];
  state.nextNum = 1;
  state.sources.push({ id: newId(), name: 'Source 1', text: '' });
  state.analysed = false;
  state.stale = false;
  state.edited = false;
  delete document.body.dataset.stale;
  current = null;
  selection.clear();
  renderEditor();
  clearError();
  $('results').hidden = true;
  hideDetails();
  setStatus('Cleared: no source is stored.');
  setPageState('idle');
}

function markEdited() {
  persist();
  state.edited = true;
  if (state.analysed && !state.stale) {
    state.stale = true;
    document.body.dataset.stale = 'true';
    setStatus('Texts changed since the last analysis. Press Analyse to update.');
  }
}

function charCount(text) {
  return `${plural(text.length, 'character')}`;
}

function sourceCard(src, index) {
  const nameId = `name-${src.id}`;
  const textId = `text-${src.id}`;
  const countId = `count-${src.id}`;
  const name = h('input', {
    id: nameId,
    class: 'source-name',
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'Outlet name',
  });
  name.value = src.name;
  const text = h('textarea', {
    id: textId,
    class: 'source-text',
    rows: '7',
    spellcheck: 'false',
    placeholder: 'Paste the article text here',
    'aria-describedby': countId,
  });
  text.value = src.text;
  const count = h('span', { id: countId, class: 'char-count' }, charCount(src.text));
  // A text of megabytes is folded away: a text box that holds it makes every change on the page
  // slow (the browser keeps one box per line of it). It is kept whole and can be shown again.
  const show = h('button', { type: 'button', class: 'btn btn-quiet btn-small show-text', 'aria-controls': textId }, 'Show the text');
  const fold = h('p', { class: 'fold-note', hidden: true }, 'A long text, folded to keep the page quick. ', show);
  show.addEventListener('click', () => {
    setFolded(text, false);
    text.focus();
  });
  // Where and when the article was published: optional, echoed on the report and used by the
  // ClaimReview drafts (appearance url and datePublished).
  const urlId = `url-${src.id}`;
  const dateId = `published-${src.id}`;
  const url = h('input', { id: urlId, class: 'source-url', type: 'url', autocomplete: 'off', spellcheck: 'false', placeholder: 'Article URL', title: 'Address of the article (optional)' });
  url.value = src.url || '';
  const date = h('input', { id: dateId, class: 'source-published', type: 'date', title: 'Publication date (optional)' });
  date.value = /^\d{4}-\d{2}-\d{2}$/.test(src.published || '') ? src.published : '';
  const setMeta = (k, v) => {
    if (v.trim()) src[k] = v.trim();
    else delete src[k];
    markEdited();
  };
  url.addEventListener('input', () => setMeta('url', url.value));
  date.addEventListener('input', () => setMeta('published', date.value));
  const remove = h(
    'button',
    { type: 'button', class: 'btn btn-quiet btn-small remove-source', 'aria-label': `Remove source ${src.name || src.id}`, title: 'Remove this source' },
    '✕',
  );

  name.addEventListener('input', () => {
    src.name = name.value;
    remove.setAttribute('aria-label', `Remove source ${src.name || src.id}`);
    markEdited();
  });
  text.addEventListener('input', () => {
    // A long text pasted is folded in the same task, before the browser lays its lines out.
    if (src.text.length < FOLD_CHARS && text.value.length >= FOLD_CHARS) setFolded(text, true);
    src.text = text.value;
    count.textContent = charCount(src.text);
    markEdited();
  });
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      analyse({ focus: true });
    }
  });
  remove.addEventListener('click', () => removeSource(src.id));

  return h(
    'li',
    { class: 'source-card', 'data-source-id': src.id },
    h(
      'div',
      { class: 'card-head' },
      h('span', { class: 'source-num', 'aria-hidden': 'true' }, String(index + 1)),
      h('label', { for: nameId, class: 'visually-hidden' }, `Name of source ${index + 1}`),
      name,
      remove,
    ),
    h(
      'div',
      { class: 'card-meta' },
      h('label', { for: urlId, class: 'visually-hidden' }, `Address of source ${index + 1}`),
      url,
      h('label', { for: dateId, class: 'visually-hidden' }, `Publication date of source ${index + 1}`),
      date,
    ),
    h('label', { for: textId, class: 'visually-hidden' }, `Text of source ${index + 1}`),
    text,
    fold,
    h('div', { class: 'card-foot' }, count, h('span', { class: 'source-id' }, `id ${src.id}`)),
  );
}

/** Characters from which a source's text is folded away (see `sourceCard`). */
const FOLD_CHARS = 200_000;

function setFolded(textarea, on) {
  textarea.hidden = on;
  textarea.nextElementSibling.hidden = !on;
}

/** Fold the text boxes of long texts (when analysing, and when texts are loaded or pasted). */
function foldLongTexts() {
  for (const ta of document.querySelectorAll('#source-list .source-text')) {
    if (!ta.hidden && ta.value.length >= FOLD_CHARS) setFolded(ta, true);
  }
}

function renderEditor() {
  $('source-list').replaceChildren(...state.sources.map(sourceCard));
  foldLongTexts();
}

function addSource() {
  const src = { id: newId(), name: `Source ${state.sources.length + 1}`, text: '' };
  state.sources.push(src);
  // Append the new card only: re-rendering every card would re-set (and re-lay out) long texts.
  $('source-list').append(sourceCard(src, state.sources.length - 1));
  markEdited();
  const ta = $(`text-${src.id}`);
  ta.focus();
  ta.scrollIntoView({ block: 'nearest' });
}

function removeSource(id) {
  const i = state.sources.findIndex((s) => s.id === id);
  if (i < 0) return;
  state.sources.splice(i, 1);
  renderEditor();
  markEdited();
  const next = state.sources[Math.min(i, state.sources.length - 1)];
  (next ? $(`name-${next.id}`) : $('add-source')).focus();
}

async function loadExample() {
  const inline = globalThis.crosscheckInline && globalThis.crosscheckInline.example;
  if (inline) {
    state.sources = inline.sources.map((x) => ({ id: String(x.id), name: String(x.name), text: String(x.text) }));
    state.nextNum = state.sources.length + 1;
    state.edited = false;
    renderEditor();
    persist();
    return inline;
  }
  const base = new URL('examples/', document.baseURI);
  const res = await fetch(new URL('manifest.json', base));
  if (!res.ok) throw new Error(`could not load the example (manifest.json: HTTP ${res.status})`);
  const manifest = await res.json();
  const texts = await Promise.all(
    manifest.sources.map(async (s) => {
      const r = await fetch(new URL(s.file, base));
      if (!r.ok) throw new Error(`could not load the example (${s.file}: HTTP ${r.status})`);
      return r.text();
    }),
  );
  state.sources = manifest.sources.map((s, i) => ({ id: String(s.id), name: String(s.name), text: texts[i] }));
  state.nextNum = state.sources.length + 1;
  state.edited = false;
  renderEditor();
  persist();
  return manifest;
}

// ---------------------------------------------------------------------------------------------
// Open report: a JSON file exported by this page (the report and every source's text) shown again
// as it was, without analysing again; its sources replace the editor's.

async function openReport(file) {
  let opened;
  try {
    opened = openReportFile(await file.text());
  } catch (err) {
    showError(`${file.name}: ${err.message}.`, 'Could not open the report. ');
    return;
  }
  clearError();
  // An analysis still running would replace the report opened.
  running = null;
  showProgress(false);
  $('analyse').removeAttribute('aria-busy');
  state.sources = opened.sources.map((s) => ({ ...s }));
  state.edited = true;
  renderEditor();
  saveNow();
  if (!(await showReport(opened.report, opened.sources))) return;
  await listsDrawn();
  state.analysed = true;
  state.stale = false;
  delete document.body.dataset.stale;
  const n = opened.report.sources.reduce((a, s) => a + (s.claims || []).length, 0);
  setStatus(`Opened ${file.name}: ${plural(opened.sources.length, 'source')}, ${plural(n, 'claim')}, as exported. Press Analyse to analyse the texts again.`);
  setPageState('done');
}

// ---------------------------------------------------------------------------------------------
// Worker

let worker = null;
const pending = new Map();

function dropWorker() {
  if (worker) worker.terminate();
  worker = null;
}

function failPending(msg) {
  for (const { reject } of pending.values()) reject(new Error(msg));
  pending.clear();
}

function getWorker() {
  if (worker) return worker;
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (e) => {
    const { id, report, error, fatal, ms, cached, piece } = e.data || {};
    const p = pending.get(id);
    if (fatal) dropWorker(); // a fresh instance next time
    if (!p) return;
    if (piece) {
      // A piece of one of the report's long lists: added to its list until the report comes.
      const key = piece.path.join('\u0000');
      let list = p.lists.get(key);
      if (!list) p.lists.set(key, (list = { path: piece.path, items: [] }));
      for (const x of piece.items) list.items.push(x);
      return;
    }
    pending.delete(id);
    if (error !== undefined) p.reject(new Error(error));
    else {
      try {
        p.resolve({ report: assemble(report, p.lists), ms, cached: !!cached, id });
      } catch (err) {
        p.reject(err);
      }
    }
  });
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    // An uncaught exception (e.g. a wasm trap escaping the handler) carries a message; a worker
    // script that fails to load does not.
    failPending(
      e.message
        ? `The analysis engine stopped with an error: ${e.message}. It will be restarted when you press Analyse.`
        : 'The analysis engine could not start. If you are running from a checkout, build it with scripts/build-wasm.sh.',
    );
    dropWorker();
  });
  worker.addEventListener('messageerror', () => {
    failPending('The analysis engine sent a message the page could not read.');
    dropWorker();
  });
  return worker;
}

/** The report with its long lists, which came before it in pieces, put back in place. */
function assemble(report, lists) {
  // A list before the lists inside its items (a large claim group's members).
  for (const { path, items } of [...lists.values()].sort((a, b) => a.path.length - b.path.length)) {
    let obj = report;
    for (const k of path.slice(0, -1)) obj = obj[k];
    obj[path[path.length - 1]] = items;
  }
  return report;
}

/** Tell the worker that report `id` is on screen: it stores it for a reload. */
function storeReport(id) {
  if (worker && id) worker.postMessage({ store: id });
}

function runInWorker(sources, { reuse = false } = {}) {
  // The single-file build (scripts/build-single.sh) runs the analysis on the page itself.
  const inline = globalThis.crosscheckInline;
  if (inline && typeof inline.analyze === 'function') {
    return new Promise((resolve, reject) => {
      setTimeout(() => {
        try {
          const t0 = performance.now();
          resolve({ report: inline.analyze(sources), ms: performance.now() - t0 });
        } catch (err) {
          reject(err);
        }
      }, 30);
    });
  }
  return new Promise((resolve, reject) => {
    const id = ++state.reqId;
    pending.set(id, { resolve, reject, lists: new Map() });
    postSources(id, sources, reuse).catch((err) => {
      if (!pending.has(id)) return;
      pending.delete(id);
      dropWorker();
      reject(err);
    });
  });
}

/** Characters of a text copied to the worker per message (megabytes take tens of milliseconds). */
const TEXT_PIECE = 1_000_000;

/**
 * Ask the worker to analyse `sources`: a longer text goes first in pieces of TEXT_PIECE, each
 * copied in a task of its own, then the request with that text left out (the worker puts it
 * back together).
 */
async function postSources(id, sources, reuse) {
  const w = getWorker();
  const long = sources.map((s) => s.text.length > TEXT_PIECE);
  for (const [i, s] of sources.entries()) {
    if (!long[i]) continue;
    for (let at = 0; at < s.text.length; at += TEXT_PIECE) {
      if (!pending.has(id)) return;
      // A worker replaced meanwhile (it stopped on another request) gets every piece again.
      if (worker !== w) return postSources(id, sources, reuse);
      w.postMessage({ id, textPiece: { source: i, text: s.text.slice(at, at + TEXT_PIECE) } });
      await yieldNow();
    }
  }
  if (!pending.has(id)) return;
  if (worker !== w) return postSources(id, sources, reuse);
  w.postMessage({ id, sources: sources.map((s, i) => (long[i] ? { ...s, text: '' } : s)), pieced: long, reuse, pieces: true });
}

// ---------------------------------------------------------------------------------------------
// Analysis

let running = null;
let progressTimer = 0;

function showProgress(on) {
  clearInterval(progressTimer);
  $('progress').hidden = !on;
  if (!on) return;
  const t0 = performance.now();
  const tick = () => {
    $('progress-time').textContent = `${((performance.now() - t0) / 1000).toFixed(1)} s`;
  };
  tick();
  progressTimer = setInterval(tick, 100);
}

/**
 * Analyse the sources in the worker and show the report. `reuse`: show the last report instead
 * when the texts are the ones it was made from (a reload); `focus`: move focus to the results once
 * they are shown (after Analyse, not on load). The status gives the time from the call to the
 * results drawn on screen.
 */
async function analyse({ reuse = false, focus = false } = {}) {
  const t0 = performance.now();
  // Store any edit still waiting for the debounced save: a reload during the analysis keeps it.
  if (saveTimer) saveNow();
  const sources = state.sources.map((s, i) => ({ id: s.id, name: s.name.trim() || `Source ${i + 1}`, text: s.text, ...meta(s) }));
  clearError();
  if (!sources.length) {
    showError('Add at least one source.');
    setPageState('error');
    return;
  }
  if (sources.every((s) => !s.text.trim())) {
    showError('Paste the text of at least one article.');
    setPageState('error');
    return;
  }
  foldLongTexts();
  const token = {};
  running = token;
  setPageState('analysing');
  $('analyse').setAttribute('aria-busy', 'true');
  const total = sources.reduce((n, s) => n + s.text.length, 0);
  setStatus(`${reuse ? 'Looking for the saved results of' : 'Analysing'} ${plural(sources.length, 'source')} (${plural(total, 'character')})…`);
  showProgress(true);
  try {
    const { report, ms: analysisMs, cached, id } = await runInWorker(sources, { reuse });
    if (running !== token) return;
    if (!(await showReport(report, sources, () => running === token))) return;
    // The results are on screen with the first frame drawn; the board's lists below it go on
    // being drawn a batch per frame before the page says it is done.
    await painted();
    if (running !== token) return;
    const ms = Math.round(performance.now() - t0);
    const nEnt = report.sources.reduce((a, s) => a + (s.entities || []).length, 0);
    const nClaims = report.sources.reduce((a, s) => a + (s.claims || []).length, 0);
    const counts = `${plural(nEnt, 'entity mention')}, ${plural(nClaims, 'claim')}`;
    setStatus(
      cached
        ? `Showing the saved results of the last analysis of these ${plural(sources.length, 'source')} (the texts have not changed): ${counts}. Press Analyse to analyse again.`
        : `Analysed ${plural(sources.length, 'source')}: ${counts} in ${ms.toLocaleString('en-GB')} ms from Analyse to results on screen (the analysis itself ${Math.round(analysisMs || 0).toLocaleString('en-GB')} ms).`,
    );
    // For the browser tests and the page benchmark: the worker's time and the whole wait.
    window.__crosscheckTiming = { analysis: cached ? null : analysisMs, total: ms, cached: !!cached };
    state.analysed = true;
    state.stale = false;
    delete document.body.dataset.stale;
    if (focus) $('results').focus();
    await listsDrawn();
    if (running !== token) return;
    if (!cached) storeReport(id);
    setPageState('done');
  } catch (err) {
    if (running !== token) return;
    showError(err && err.message ? err.message : String(err));
    setStatus('Analysis failed.');
    setPageState('error');
  } finally {
    if (running === token) {
      running = null;
      $('analyse').removeAttribute('aria-busy');
      showProgress(false);
    }
  }
}

/** Resolves once the page has drawn a frame with what is on it now. */
function painted() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

// ---------------------------------------------------------------------------------------------
// Drawing in slices: work on the main thread yields every SLICE_MS so that no task runs long.

const SLICE_MS = 12;
let sliceFrom = 0;

function yieldNow() {
  if (globalThis.scheduler && typeof globalThis.scheduler.yield === 'function') return globalThis.scheduler.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

/** Yield to the browser when the current slice has run SLICE_MS (`now`: in any case). */
async function pace(now = false) {
  if (!now && performance.now() - sliceFrom < SLICE_MS) return;
  await yieldNow();
  sliceFrom = performance.now();
}

/** Items of a report's lists read between two checks of the clock (`pace`). */
const SLICE_ITEMS = 1000;

/** Spans of a source whose text is not the text at their offsets, counted in slices. */
async function offsetMismatches(text, src) {
  let bad = 0;
  const lists = ['entities', 'claims', 'boilerplate'];
  for (const k of lists) {
    const list = src[k] || [];
    for (let i = 0; i < list.length; i += SLICE_ITEMS) {
      bad += countOffsetMismatches(text, { [k]: list.slice(i, i + SLICE_ITEMS) });
      await pace();
    }
  }
  return bad;
}

/**
 * export.js `groupIndex` (claim → its group, the group's index and its member entry), and each
 * group's highest claim score (render.js `renderClaimsBoard` orders by it), built in slices: a
 * long report has a hundred thousand members.
 */
async function indexGroups(report) {
  const groups = new Map();
  const tops = new Map();
  const byId = new Map((report.sources || []).map((s) => [s.id, s]));
  let n = 0;
  for (const [gi, g] of ((report.comparison && report.comparison.claims) || []).entries()) {
    let top = 0;
    for (const m of g.members || []) {
      groups.set(`${m.source}\u0000${m.claim}`, { group: g, index: gi, member: m });
      const s = byId.get(m.source);
      const c = s && s.claims && s.claims[m.claim];
      top = Math.max(top, Number((c || {}).score) || 0);
      if (++n % SLICE_ITEMS === 0) await pace();
    }
    tops.set(g, top);
  }
  return { groups, tops };
}

/** render.js `labelCounts`, counted in slices. */
async function countLabels(report) {
  const counts = new Map();
  for (const s of report.sources || []) {
    const list = s.entities || [];
    for (let i = 0; i < list.length; i += SLICE_ITEMS) {
      for (const e of list.slice(i, i + SLICE_ITEMS)) counts.set(e.label, (counts.get(e.label) || 0) + 1);
      await pace();
    }
  }
  return counts;
}

/**
 * Put a report on the page, in slices of at most SLICE_MS of work (see `pace`). A long source text
 * is drawn in chunks, each as plain text (the browser skips laying it out while it is off screen:
 * long.css `.chunk`) until it comes into view and is drawn with its highlights. Long lists on the
 * claims board are drawn a batch at a time (render.js `lazyList`). `alive()` says whether this
 * report is still wanted; returns false when it was not drawn.
 */
async function showReport(report, sources, alive = () => true) {
  if (!report || !Array.isArray(report.sources) || report.sources.length !== sources.length) {
    throw new Error('The analysis engine returned a report that does not match the sources.');
  }
  const gen = ++drawGen;
  const live = () => gen === drawGen && alive();
  sliceFrom = performance.now();
  const texts = new Map(sources.map((s) => [s.id, s.text]));
  const clusters = (report.comparison && report.comparison.entities) || [];
  const clusterNames = new Map(clusters.map((c) => [c.key, clusterName(c)]));
  const warnings = [...(report.warnings || [])];
  if (report.offsets && report.offsets !== 'utf16') warnings.push(`Report offsets are ${report.offsets}, expected utf16: highlights may be misplaced.`);

  // Per-source annotated text.
  const docs = [];
  const docState = new Map();
  for (const [i, src] of report.sources.entries()) {
    const text = texts.get(src.id) ?? sources[i].text;
    const bad = await offsetMismatches(text, src);
    if (!live()) return false;
    if (bad) warnings.push(`${src.name}: ${plural(bad, 'span')} do not match the text (offset bug): highlights may be misplaced.`);
    const doc = h('div', {
      class: 'doc',
      'data-source-id': src.id,
      tabindex: '0',
      role: 'region',
      'aria-label': `Annotated text of ${src.name}`,
    });
    const { chunks, spans } = textChunks(text, src);
    await pace();
    const marked = markedClaims(src);
    await pace();
    if (!live()) return false;
    const d = { doc, src, text, chunks, spans, marked, els: [], drawn: new Uint8Array(chunks.length), current: null };
    if (chunks.length > 1) doc.classList.add('chunked');
    // Chunks in groups of CHUNK_GROUP: off screen, a group is one element to style and lay out.
    let group = null;
    for (const [k, [from, to]] of chunks.entries()) {
      const el = h('span', { class: 'chunk', 'data-chunk': k });
      el.append(document.createTextNode(text.slice(from, to)));
      d.els.push(el);
      if (chunks.length === 1) doc.append(el);
      else {
        if (k % CHUNK_GROUP === 0) doc.append((group = h('span', { class: 'chunk-group' })));
        group.append(el);
      }
      if (k % 20 === 19) await pace();
    }
    docState.set(String(src.id), d);
    // A short text is drawn whole at once; a long one as its chunks come into view.
    if (chunks.length === 1) drawChunk(d, 0);
    await pace();
    if (!live()) return false;
    docs.push(
      h(
        'article',
        { class: 'source-report', id: `src-${src.id}`, 'data-source-id': src.id },
        h(
          'header',
          { class: 'source-report-head' },
          h('h3', {}, src.name || src.id),
          h('span', { class: 'muted' }, `${plural(text.length, 'character')} · ${plural(src.sentences ?? 0, 'sentence')}`),
          sourceMeta(src),
        ),
        renderSummary(src.summary, { clusterNames }),
        doc,
      ),
    );
  }
  // Each of these in slices or in a task of its own.
  await pace(true);
  const { groups, tops } = await indexGroups(report);
  const legend = renderLegend(report, $('source-reports'), await countLabels(report));
  if (!live()) return false;
  await pace(true);
  const { table, extra, total } = renderMatrix(report, { onFocus: jumpToEntity });
  await pace(true);
  // Claims, each member with a checkbox to select it for a ClaimReview draft. onMember runs for
  // members built later too (long lists and single-source claims shown on request).
  const groupOf = (m) => (groups.get(`${m.source}\u0000${m.claim}`) || {}).group;
  dropLaterLists();
  const board = renderClaimsBoard(report, { onJump: jumpToClaim, onMember: addSelectBox, groupOf, topScores: tops, gradual: true });
  await pace(true);
  if (!live()) return false;

  // From here on the page shows the new report.
  chunkObserver.disconnect();
  groupObserver.disconnect();
  const reportsEl = $('source-reports');
  reportsEl.className = 'source-reports';
  reportsEl.replaceChildren(...docs);
  $('legend-wrap').replaceChildren(legend);
  clearFocus();
  // A long text's chunks are watched a group at a time: watching thousands costs every frame.
  for (const d of docState.values()) {
    if (d.els.length === 1) continue; // drawn whole
    for (const group of d.doc.children) groupObserver.observe(group);
  }

  // Matrix.
  $('matrix-wrap').replaceChildren(
    total ? table : h('p', { class: 'muted' }, 'No named entities found.'),
  );
  const more = $('matrix-more');
  more.hidden = extra === 0;
  more.textContent = `Show all ${total} entities`;
  more.setAttribute('aria-expanded', 'false');
  $('matrix-filter').value = '';

  current = {
    report,
    sources,
    clusters: new Map(clusters.map((c) => [c.key, c])),
    groups,
    byId: new Map(report.sources.map((s) => [String(s.id), s])),
    docs: docState,
  };
  selection.clear();
  $('claims-wrap').replaceChildren(board);
  updateSelection();

  // Warnings.
  const w = $('warnings');
  w.hidden = warnings.length === 0;
  w.replaceChildren(...(warnings.length ? [h('h2', { class: 'visually-hidden' }, 'Warnings'), h('ul', {}, warnings.map((x) => h('li', {}, x)))] : []));

  $('results').hidden = false;
  // The report on the page, for the browser tests and for anyone curious in the console.
  window.__crosscheckReport = report;
  return true;
}

let drawGen = 0;

/** Chunks of a long text per group (long.css `.chunk-group`). */
const CHUNK_GROUP = 16;

// ---------------------------------------------------------------------------------------------
// Chunks of a long text: drawn with their highlights when they come near the screen

/** Draw chunk `k` of a source's text with its highlights (once). */
function drawChunk(d, k) {
  if (d.drawn[k]) return d.els[k];
  d.drawn[k] = 1;
  const [from, to] = d.chunks[k];
  const el = d.els[k];
  el.replaceChildren(renderChunk(d.text, d.src, from, to, d.spans(from, to), d.marked, { tabindex: '-1' }));
  if (focused !== null) {
    for (const m of el.querySelectorAll('mark.ent')) if (m.dataset.key === focused) m.classList.add('focused');
  }
  // Roving tab stop: the first highlight of the text until another one takes focus.
  if (!d.current) {
    const first = el.querySelector(HIGHLIGHT);
    if (first) setCurrent(d, first);
  }
  chunkObserver.unobserve(el);
  return el;
}

const HIGHLIGHT = 'mark.ent, .claim';

/** Chunks waiting to be drawn, drawn a slice at a time. */
const chunkQueue = [];
let chunkTimer = 0;

function drainChunks() {
  chunkTimer = 0;
  const t0 = performance.now();
  while (chunkQueue.length && performance.now() - t0 < SLICE_MS) {
    const el = chunkQueue.shift();
    const d = el.isConnected && current && current.docs.get(el.closest('.doc').dataset.sourceId);
    if (d) drawChunk(d, Number(el.dataset.chunk));
  }
  if (chunkQueue.length) chunkTimer = setTimeout(drainChunks, 0);
}

const chunkObserver = typeof IntersectionObserver === 'function'
  ? new IntersectionObserver((entries) => {
    for (const e of entries) if (e.isIntersecting && !chunkQueue.includes(e.target)) chunkQueue.push(e.target);
    if (chunkQueue.length && !chunkTimer) drainChunks();
  }, { rootMargin: '800px 0px', scrollMargin: '800px 0px' })
  : { observe() {}, unobserve() {}, disconnect() {} };

/** A group of chunks near the screen: its chunks not drawn yet are watched from then on. */
const groupObserver = typeof IntersectionObserver === 'function'
  ? new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      groupObserver.unobserve(e.target);
      const doc = e.target.closest('.doc');
      const d = doc && e.target.isConnected && current && current.docs.get(doc.dataset.sourceId);
      if (!d) continue;
      for (const el of e.target.children) if (!d.drawn[Number(el.dataset.chunk)]) chunkObserver.observe(el);
    }
  }, { rootMargin: '800px 0px', scrollMargin: '800px 0px' })
  : { observe() {}, unobserve() {}, disconnect() {} };

/** The doc state and chunk index of position `pos` of a source's text. */
function chunkAt(sourceId, pos) {
  const d = current && current.docs.get(String(sourceId));
  if (!d) return null;
  let lo = 0;
  let hi = d.chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (d.chunks[mid][0] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return { d, k: lo };
}

/** Make `el` the one highlight of its text in the Tab order. */
function setCurrent(d, el) {
  if (d.current === el) return;
  if (d.current) d.current.tabIndex = -1;
  d.current = el;
  el.tabIndex = 0;
  // The text itself is a tab stop only while it has no highlight to stop at.
  d.doc.tabIndex = -1;
}

/**
 * Arrow keys inside a text move between its highlights (one tab stop per text): Right/Down to
 * the next, Left/Up to the previous, Home/End to the first and last.
 */
function moveInText(e) {
  const el = e.target instanceof Element ? e.target.closest(HIGHLIGHT) : null;
  const docEl = el && el.closest('.doc');
  const d = docEl && current && current.docs.get(docEl.dataset.sourceId);
  if (!d || e.altKey || e.ctrlKey || e.metaKey) return;
  const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: 'first', End: 'last' }[e.key];
  if (step === undefined) return;
  e.preventDefault();
  let k = Number(el.closest('.chunk').dataset.chunk);
  let to = null;
  if (step === 'first' || step === 'last') {
    const dir = step === 'first' ? 1 : -1;
    for (let j = dir > 0 ? 0 : d.chunks.length - 1; !to && j >= 0 && j < d.chunks.length; j += dir) {
      const all = drawChunk(d, j).querySelectorAll(HIGHLIGHT);
      to = all.length ? all[dir > 0 ? 0 : all.length - 1] : null;
    }
  } else {
    const all = [...d.els[k].querySelectorAll(HIGHLIGHT)];
    to = all[all.indexOf(el) + step] || null;
    while (!to && (k += step) >= 0 && k < d.chunks.length) {
      const next = drawChunk(d, k).querySelectorAll(HIGHLIGHT);
      to = next.length ? next[step > 0 ? 0 : next.length - 1] : null;
    }
  }
  if (!to) return;
  setCurrent(d, to);
  to.focus();
}

/**
 * Where and when a source was published, on its card: the date in words and the address, a link
 * only when it is http(s) (an address from a pasted or opened file is never a script URL).
 */
function sourceMeta(src) {
  if (!src.url && !src.published) return null;
  const parts = [];
  if (src.published) {
    const d = /^\d{4}-\d{2}-\d{2}/.test(src.published) ? new Date(`${src.published.slice(0, 10)}T12:00:00Z`) : null;
    const words = d && !Number.isNaN(d.getTime()) ? d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : src.published;
    parts.push(h('span', { class: 'source-date' }, `Published ${words}`));
  }
  if (src.url) {
    const web = /^https?:\/\//i.test(src.url);
    parts.push(
      web
        ? h('a', { class: 'source-link', href: src.url, target: '_blank', rel: 'noopener noreferrer', title: src.url }, src.url)
        : h('span', { class: 'source-link', title: src.url }, src.url),
    );
  }
  return h('p', { class: 'source-meta' }, parts);
}

/** A member of the claims board gets a checkbox that selects it for a ClaimReview draft. */
function addSelectBox(li) {
  const key = `${li.dataset.source}\u0000${li.dataset.claim}`;
  const box = h('input', { type: 'checkbox', class: 'select-claim', 'data-source': li.dataset.source, 'data-claim': li.dataset.claim });
  box.addEventListener('change', () => {
    if (box.checked) selection.set(key, { source: li.dataset.source, claim: Number(li.dataset.claim) });
    else selection.delete(key);
    updateSelection();
  });
  li.append(h('label', { class: 'select-label' }, box, ' Select for ClaimReview'));
}

// ---------------------------------------------------------------------------------------------
// Jump from the claims board to a sentence in its source text

let flashTimer = 0;

/**
 * The sticky legend's height, kept in --legend-h for the scroll margin of jump targets
 * (style.css): 0 when it does not stick (phones) or is hidden. Returns it.
 */
function legendHeight() {
  const legend = $('legend-wrap');
  const sticky = getComputedStyle(legend).position === 'sticky';
  const px = sticky ? Math.ceil(legend.getBoundingClientRect().height) : 0;
  // On the root element: no element inside the results carries a style attribute (a test for
  // injected markup looks for one). Only when it changes: a change restyles the whole page, the
  // pasted texts' boxes too.
  const root = document.documentElement.style;
  if (root.getPropertyValue('--legend-h') !== `${px}px`) root.setProperty('--legend-h', `${px}px`);
  return px;
}

function jumpToClaim(sourceId, index) {
  // Its chunk of the text may not be drawn yet.
  const src = current && current.byId.get(String(sourceId));
  const claim = src && src.claims && src.claims[index];
  const at = claim && chunkAt(sourceId, Number(claim.start));
  if (at) drawChunk(at.d, at.k);
  const doc = [...$('source-reports').querySelectorAll('.doc')].find((d) => d.dataset.sourceId === String(sourceId));
  if (!doc) return;
  const pieces = [...doc.querySelectorAll('.claim')].filter((el) => el.dataset.index === String(index));
  const el = document.getElementById(`claim-${sourceId}-${index}`) || pieces[0];
  if (!el) return;
  selectTab('tab-documents'); // a hidden panel can neither scroll nor take focus
  for (const old of document.querySelectorAll('.claim.flash')) old.classList.remove('flash');
  clearTimeout(flashTimer);
  const hadTabindex = el.hasAttribute('tabindex');
  if (!hadTabindex) el.setAttribute('tabindex', '-1');
  // Centred when it fits in half of what the sticky legend leaves; a long sentence from its start
  // (its scroll margin in style.css keeps it below the legend either way).
  const rects = (pieces.length ? pieces : [el]).flatMap((p) => [...p.getClientRects()]);
  const height = rects.length ? Math.max(...rects.map((r) => r.bottom)) - Math.min(...rects.map((r) => r.top)) : 0;
  const legend = legendHeight(); // now that the panel is shown
  el.scrollIntoView({ block: height > (window.innerHeight - legend) / 2 ? 'start' : 'center', inline: 'nearest' });
  el.focus({ preventScroll: true });
  for (const p of pieces.length ? pieces : [el]) p.classList.add('flash');
  flashTimer = setTimeout(() => {
    for (const p of document.querySelectorAll('.claim.flash')) p.classList.remove('flash');
  }, 2600);
  if (!hadTabindex) el.addEventListener('blur', () => el.removeAttribute('tabindex'), { once: true });
}

// ---------------------------------------------------------------------------------------------
// Entity focus (click an entity in the matrix or in a text) and matrix filter

let focused = null;

/** From the matrix: highlight the entity's mentions, show the texts and focus the first one. */
function jumpToEntity(key, name) {
  if (focused !== key) focusKey(key, name);
  // The first mention in the texts, in source order; its chunk of the text may not be drawn yet.
  let first = null;
  for (const src of current ? current.report.sources : []) {
    const e = (src.entities || []).reduce((best, x) => (x.key === key && (!best || Number(x.start) < Number(best.start)) ? x : best), null);
    const at = e && chunkAt(src.id, Number(e.start));
    if (!at) continue;
    first = [...drawChunk(at.d, at.k).querySelectorAll('mark.ent')].find((el) => el.dataset.key === key);
    if (first) break;
  }
  if (!first) return;
  selectTab('tab-documents');
  legendHeight();
  first.scrollIntoView({ block: 'center', inline: 'nearest' });
  first.focus({ preventScroll: true });
}

function focusKey(key, name) {
  if (focused === key) return clearFocus();
  clearFocus();
  focused = key;
  // Mentions in chunks of the texts not drawn yet are marked when they are drawn.
  for (const el of $('source-reports').querySelectorAll('mark.ent')) {
    if (el.dataset.key === key) el.classList.add('focused');
  }
  let n = 0;
  for (const src of current ? current.report.sources : []) for (const e of src.entities || []) if (e.key === key) n++;
  for (const row of $('matrix-wrap').querySelectorAll('tbody tr')) row.classList.toggle('focused', row.dataset.key === key);
  const note = $('focus-note');
  const clear = h('button', { type: 'button', class: 'btn btn-quiet btn-small' }, 'Clear');
  clear.addEventListener('click', clearFocus);
  note.replaceChildren(`Highlighting ${plural(n, 'mention')} of “${name || key}”. `, clear);
  note.hidden = false;
}

function clearFocus() {
  focused = null;
  for (const el of document.querySelectorAll('.focused')) el.classList.remove('focused');
  $('focus-note').hidden = true;
  $('focus-note').replaceChildren();
}

function filterMatrix() {
  const q = $('matrix-filter').value.trim().toLowerCase();
  const table = $('matrix');
  if (!table) return;
  table.classList.toggle('filtering', q !== '');
  for (const row of table.tBodies[0].rows) {
    const hay = `${row.dataset.key} ${row.cells[0].textContent}`.toLowerCase();
    row.classList.toggle('filtered-out', q !== '' && !hay.includes(q));
  }
}

// ---------------------------------------------------------------------------------------------
// Export: files made from the report in the browser, downloaded through a Blob object URL.

let current = null; // { report, sources, clusters, groups, byId } of the report on the page
const selection = new Map(); // "source\0claim" → { source, claim }

function updateSelection() {
  const n = selection.size;
  $('export-claimreview').disabled = n === 0;
  $('selection-count').textContent = n ? `${plural(n, 'claim')} selected.` : 'No claim selected.';
}

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, class: 'visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function wireExport() {
  const need = (fn) => () => {
    if (current) fn(current.report);
  };
  // The report with each source's text, so Open report can show it again.
  $('export-json').addEventListener('click', need((r) => download('crosscheck-report.json', JSON.stringify(reportFile(r, current.sources), null, 2) + '\n', 'application/json')));
  $('export-claims-csv').addEventListener('click', need((r) => download('claims.csv', claimsCSV(r), 'text/csv;charset=utf-8')));
  $('export-entities-csv').addEventListener('click', need((r) => download('entities.csv', entitiesCSV(r), 'text/csv;charset=utf-8')));
  $('export-claimreview').addEventListener(
    'click',
    need((r) => download('claimreview.jsonld', JSON.stringify(claimReviews(r, [...selection.values()]), null, 2) + '\n', 'application/ld+json')),
  );
}

// ---------------------------------------------------------------------------------------------
// Details of a highlight, on hover and on keyboard focus (a positioned popover built from nodes)

function numValue(e) {
  if (e.low === undefined && e.high === undefined) return null;
  if (e.low === null && e.high === null) return null;
  const f = (n) => (n === null || n === undefined ? '…' : Number(n).toLocaleString('en-GB', { maximumFractionDigits: 4 }));
  const v = e.low === e.high ? f(e.low) : `${f(e.low)} – ${f(e.high)}`;
  return `${v}${e.unit ? ' ' + e.unit : ''}`;
}

function row(label, value, cls, title = null) {
  if (value === null || value === undefined || value === '') return null;
  return h('div', { class: ['d-row', cls], title }, h('dt', {}, label), h('dd', {}, value));
}

function entityDetails(src, e) {
  const c = current.clusters.get(e.key);
  const rows = [
    row('label', labelWithCode(e.label), 'd-label'),
    row('value', numValue(e), 'd-value'),
    row('date', e.iso, 'd-iso'),
    row('key', e.key, 'd-key'),
    row('cluster', c ? `${clusterName(c)}${(c.names || []).length > 1 ? ` (also ${c.names.filter((n) => n !== clusterName(c)).join(', ')})` : ''}` : null, 'd-cluster'),
  ];
  return [h('p', { class: 'd-title' }, h('span', { class: ['chip', `ent-${safeLabel(e.label)}`], title: e.label }, labelWord(e.label)), ' ', e.text), h('dl', {}, rows)];
}

function claimDetails(src, index, c) {
  const a = c.attribution || {};
  const attr = a.kind && a.kind !== 'none'
    ? [a.kind, a.source && a.source.text ? `: ${a.source.text}` : '', a.resolved && a.resolved.name && (!a.source || a.resolved.name !== a.source.text) ? ` (= ${a.resolved.name})` : '', a.cue && a.cue.text ? ` (cue “${a.cue.text}”)` : '', a.via && a.via.text ? `, via ${a.via.text}` : '', a.quote ? ', quoted' : ''].join('')
    : `none (outlet’s own voice${a.via && a.via.text ? `, via ${a.via.text}` : ''})`;
  const g = current.groups.get(`${src.id}\u0000${index}`);
  const multi = g && (Number(g.group.sources) || 0) > 1;
  let group = 'not in any group';
  if (multi) {
    group = `${g.group.status.replace('_', ' ')}${g.group.drift ? ', drift' : ''} — ${plural(g.group.sources, 'source')}, ${plural(g.group.origins ?? 0, 'origin')}`;
    if (g.group.similarity !== null && g.group.similarity !== undefined) group += `, similarity ${similarityText(g.group.similarity)}`;
  } else if (g) {
    group = 'single source: no other source makes this claim';
  }
  const stance = multi && STANCE[g.member.stance] ? STANCE[g.member.stance][0] : null;
  let conflict = null;
  if (multi && g.group.conflict) {
    conflict = String(g.group.conflict.detail ?? '');
    for (const m of g.group.members || []) conflict = conflict.split(`(${m.source})`).join(`(${sourceName(m.source)})`);
  }
  const parts = [
    h('p', { class: 'd-title' }, c.checkworthy ? 'Check-worthy claim' : 'Claim'),
    h(
      'dl',
      {},
      row('score', Number(c.score).toFixed(2), 'd-score'),
      row('reasons', reasonsSentence(c, src.entities), 'd-reasons', (c.reasons || []).length ? `In the report: ${c.reasons.join(', ')}` : null),
      row('certainty', c.certainty, 'd-certainty'),
      row('attribution', attr, 'd-attribution'),
      row('group', group, 'd-group'),
      row('stance', stance, 'd-stance'),
      row('conflict', conflict, 'd-conflict'),
      multi ? null : row('closest', closestLine(c), 'd-closest'),
    ),
  ];
  const others = multi ? (g.group.members || []).filter((m) => String(m.source) !== String(src.id)) : [];
  if (others.length) {
    parts.push(
      h('p', { class: 'd-sub' }, 'Other sources’ versions'),
      h(
        'ul',
        { class: 'd-others' },
        others.map((m) => {
          const os = current.byId.get(String(m.source));
          const oc = os && os.claims && os.claims[m.claim];
          const how = [STANCE[m.stance] ? STANCE[m.stance][0] : '', m.certainty || (oc && oc.certainty) || ''].filter(Boolean).join(', ');
          return h('li', {}, h('strong', {}, `${os ? os.name || os.id : m.source} (${how}): `), oc ? oc.text : '');
        }),
      ),
    );
  }
  return parts;
}

function sourceName(id) {
  const s = current.byId.get(String(id));
  return s ? s.name || s.id : String(id);
}

/** A single-source claim's closest claim in another source, so a reader sees why it stands alone. */
function closestLine(c) {
  if (current.report.sources.length < 2) return 'no other source to compare with';
  const look = {
    nameOf: sourceName,
    claimOf: (m) => {
      const s = current.byId.get(String(m.source));
      return s && s.claims && s.claims[m.claim];
    },
    groupOf: (m) => (current.groups.get(`${m.source}\u0000${m.claim}`) || {}).group,
  };
  return closestWords(c, look, 120) || 'none: no claim of another source shares enough words or names with it to compare';
}

let detailsFor = null;

function showDetails(el) {
  if (!current || !el) return;
  const doc = el.closest('.doc');
  const src = doc && current.byId.get(String(doc.dataset.sourceId));
  if (!src) return;
  const i = Number(el.dataset.index);
  let content;
  if (el.matches('mark.ent')) {
    const e = src.entities && src.entities[i];
    if (!e) return;
    content = entityDetails(src, e);
  } else {
    const c = src.claims && src.claims[i];
    if (!c) return;
    content = claimDetails(src, i, c);
  }
  const pop = $('details');
  pop.replaceChildren(...content);
  pop.hidden = false;
  if (detailsFor && detailsFor !== el) detailsFor.removeAttribute('aria-describedby');
  detailsFor = el;
  el.setAttribute('aria-describedby', 'details');
  const r = el.getClientRects()[0] || el.getBoundingClientRect();
  const w = pop.offsetWidth;
  const ph = pop.offsetHeight;
  const left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8));
  let top = r.bottom + 6;
  if (top + ph > window.innerHeight - 8 && r.top - ph - 6 > 8) top = r.top - ph - 6;
  pop.style.left = `${Math.round(left)}px`;
  pop.style.top = `${Math.round(top)}px`;
}

function hideDetails() {
  $('details').hidden = true;
  if (detailsFor) detailsFor.removeAttribute('aria-describedby');
  detailsFor = null;
}

function wireDetails() {
  const root = $('source-reports');
  const target = (e) => (e.target instanceof Element ? e.target.closest('mark.ent, .claim') : null);
  root.addEventListener('mouseover', (e) => {
    const t = target(e);
    if (t && t !== detailsFor) showDetails(t);
  });
  root.addEventListener('mouseout', (e) => {
    const to = e.relatedTarget instanceof Element ? e.relatedTarget.closest('mark.ent, .claim') : null;
    if (!to && document.activeElement !== detailsFor) hideDetails();
  });
  root.addEventListener('focusin', (e) => {
    const t = target(e);
    if (t) showDetails(t);
  });
  root.addEventListener('focusout', () => hideDetails());
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !$('details').hidden) hideDetails();
  });
  window.addEventListener('scroll', () => { if (detailsFor && document.activeElement !== detailsFor) hideDetails(); }, { passive: true });
}

// ---------------------------------------------------------------------------------------------
// Result tabs (WAI-ARIA tabs pattern): roving tabindex, arrows wrap, Home/End, automatic activation

const tabs = () => [...document.querySelectorAll('#report [role="tab"]')];

function selectTab(id, { focus = false } = {}) {
  for (const tab of tabs()) {
    const on = tab.id === id;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1; // only the selected tab is in the Tab order
  }
  // Focus before the panels change: focus brings the page's style up to date, which after the
  // change would style a long panel once here and again for the frame.
  if (focus) $(id).focus();
  for (const tab of tabs()) $(tab.getAttribute('aria-controls')).hidden = tab.id !== id;
  hideDetails(); // its anchor may have just been hidden
}

function wireTabs() {
  const list = document.querySelector('#report [role="tablist"]');
  list.addEventListener('click', (e) => {
    const tab = e.target instanceof Element ? e.target.closest('[role="tab"]') : null;
    if (tab) selectTab(tab.id, { focus: true });
  });
  list.addEventListener('keydown', (e) => {
    const all = tabs();
    const i = all.indexOf(document.activeElement);
    if (i < 0) return;
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: all.length - 1 }[e.key];
    if (to === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    selectTab(all[(to + all.length) % all.length].id, { focus: true });
  });
}

// ---------------------------------------------------------------------------------------------
// Start-up

function wire() {
  // Leaving or reloading the page stores an edit still waiting for the debounced save.
  window.addEventListener('pagehide', () => {
    if (saveTimer) saveNow();
  });
  wireExport();
  wireDetails();
  wireTabs();
  new ResizeObserver(() => legendHeight()).observe($('legend-wrap'));
  window.addEventListener('resize', () => legendHeight(), { passive: true });
  // Clear all asks first in a small non-modal alert dialog; focus starts on the safe choice.
  const confirmClear = (open) => {
    $('clear-confirm').hidden = !open;
    $('clear-all').setAttribute('aria-expanded', String(open));
  };
  $('clear-all').addEventListener('click', () => {
    confirmClear(true);
    $('clear-no').focus();
  });
  $('clear-no').addEventListener('click', () => {
    confirmClear(false);
    $('clear-all').focus();
  });
  $('clear-confirm').addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    confirmClear(false);
    $('clear-all').focus();
  });
  $('clear-yes').addEventListener('click', () => {
    confirmClear(false);
    clearAll();
    $(`text-${state.sources[0].id}`).focus();
  });
  $('add-source').addEventListener('click', addSource);
  $('open-report').addEventListener('click', () => $('open-report-file').click());
  $('open-report-file').addEventListener('change', async (e) => {
    const input = e.target;
    const [file] = input.files || [];
    input.value = ''; // the same file can be opened again
    if (!file) return;
    if (state.edited && state.sources.some((x) => x.text.trim()) && !window.confirm('Replace your sources with the ones in this report?')) return;
    await openReport(file);
  });
  $('analyse').addEventListener('click', () => analyse({ focus: true }));
  $('load-example').addEventListener('click', async () => {
    if (state.edited && !window.confirm('Replace your sources with the example articles?')) return;
    try {
      await loadExample();
      await analyse();
    } catch (err) {
      showError(err.message);
      setPageState('error');
    }
  });
  $('matrix-filter').addEventListener('input', filterMatrix);
  $('matrix-more').addEventListener('click', () => {
    const table = $('matrix');
    const all = table.classList.toggle('show-all');
    $('matrix-more').setAttribute('aria-expanded', String(all));
    $('matrix-more').textContent = all ? 'Show fewer' : `Show all ${table.tBodies[0].rows.length} entities`;
  });
  // One tab stop per text: the highlight last focused in it; arrow keys move between highlights.
  $('source-reports').addEventListener('keydown', moveInText);
  $('source-reports').addEventListener('focusin', (e) => {
    const el = e.target instanceof Element ? e.target.closest(HIGHLIGHT) : null;
    const docEl = el && el.closest('.doc');
    const d = docEl && current && current.docs.get(docEl.dataset.sourceId);
    if (d) setCurrent(d, el);
  });
  $('source-reports').addEventListener('click', (e) => {
    const mark = e.target instanceof Element ? e.target.closest('mark.ent') : null;
    if (mark && mark.dataset.key !== undefined) focusKey(mark.dataset.key, mark.textContent);
  });
}

async function start() {
  wire();
  // The engine loads (fetch, compile, instantiate) while the texts are read or fetched.
  if (!globalThis.crosscheckInline) getWorker();
  const saved = loadSaved();
  if (saved && saved.length) {
    state.sources = saved;
    state.edited = true;
    renderEditor();
    if (saved.some((x) => x.text.trim())) {
      // The last report is shown again, without analysing, when the texts did not change.
      await analyse({ reuse: true });
    } else {
      setStatus('Ready.');
      setPageState('idle');
    }
    return;
  }
  setStatus('Loading the example…');
  try {
    await loadExample();
  } catch (err) {
    state.sources = [{ id: newId(), name: 'Source 1', text: '' }];
    renderEditor();
    showError(`${err.message}. Paste your own articles instead.`);
    setStatus('Ready.');
    setPageState('idle');
    return;
  }
  await analyse();
}

start();
