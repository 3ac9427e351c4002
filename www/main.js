// Page wiring: the source editor, the analysis worker, and putting the rendered report on the page.
// No HTML strings: every node is built by render.js helpers or createElement/textContent.
import {
  h,
  renderAnnotatedText,
  renderSummary,
  renderLegend,
  renderMatrix,
  renderClaimsBoard,
  countOffsetMismatches,
  clusterName,
} from './render.js';

const $ = (id) => document.getElementById(id);

const state = {
  /** @type {{id: string, name: string, text: string}[]} */
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

function showError(msg) {
  const el = $('error');
  el.replaceChildren(h('strong', {}, 'Analysis failed. '), msg, h('span', { class: 'muted' }, ' Your texts are unchanged.'));
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

function markEdited() {
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
    src.text = text.value;
    count.textContent = charCount(src.text);
    markEdited();
  });
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      analyse();
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
    h('label', { for: textId, class: 'visually-hidden' }, `Text of source ${index + 1}`),
    text,
    h('div', { class: 'card-foot' }, count, h('span', { class: 'source-id' }, `id ${src.id}`)),
  );
}

function renderEditor() {
  $('source-list').replaceChildren(...state.sources.map(sourceCard));
}

function addSource() {
  const src = { id: newId(), name: `Source ${state.sources.length + 1}`, text: '' };
  state.sources.push(src);
  renderEditor();
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
  return manifest;
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
    const { id, report, error, fatal, ms } = e.data || {};
    const p = pending.get(id);
    if (fatal) dropWorker(); // a fresh instance next time
    if (!p) return;
    pending.delete(id);
    if (error !== undefined) p.reject(new Error(error));
    else p.resolve({ report, ms });
  });
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    const detail = e.message ? `: ${e.message}` : '';
    failPending(
      `The analysis engine could not start${detail}. If you are running from a checkout, build it with scripts/build-wasm.sh.`,
    );
    dropWorker();
  });
  worker.addEventListener('messageerror', () => {
    failPending('The analysis engine sent a message the page could not read.');
    dropWorker();
  });
  return worker;
}

function runInWorker(sources) {
  return new Promise((resolve, reject) => {
    const id = ++state.reqId;
    pending.set(id, { resolve, reject });
    try {
      getWorker().postMessage({ id, sources });
    } catch (err) {
      pending.delete(id);
      dropWorker();
      reject(err);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Analysis

let running = null;

async function analyse() {
  const sources = state.sources.map((s, i) => ({ id: s.id, name: s.name.trim() || `Source ${i + 1}`, text: s.text }));
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
  const token = {};
  running = token;
  setPageState('analysing');
  $('analyse').setAttribute('aria-busy', 'true');
  setStatus(`Analysing ${plural(sources.length, 'source')}…`);
  const t0 = performance.now();
  try {
    const { report } = await runInWorker(sources);
    if (running !== token) return;
    showReport(report, sources);
    const ms = Math.round(performance.now() - t0);
    const nEnt = report.sources.reduce((a, s) => a + (s.entities || []).length, 0);
    const nClaims = report.sources.reduce((a, s) => a + (s.claims || []).length, 0);
    setStatus(
      `Analysed ${plural(sources.length, 'source')}: ${plural(nEnt, 'entity mention')}, ${plural(nClaims, 'claim')} in ${ms} ms.`,
    );
    state.analysed = true;
    state.stale = false;
    delete document.body.dataset.stale;
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
    }
  }
}

function showReport(report, sources) {
  if (!report || !Array.isArray(report.sources) || report.sources.length !== sources.length) {
    throw new Error('The analysis engine returned a report that does not match the sources.');
  }
  const texts = new Map(sources.map((s) => [s.id, s.text]));
  const clusters = (report.comparison && report.comparison.entities) || [];
  const clusterNames = new Map(clusters.map((c) => [c.key, clusterName(c)]));
  const warnings = [...(report.warnings || [])];
  if (report.offsets && report.offsets !== 'utf16') warnings.push(`Report offsets are ${report.offsets}, expected utf16: highlights may be misplaced.`);

  // Per-source annotated text.
  const docs = report.sources.map((src, i) => {
    const text = texts.get(src.id) ?? sources[i].text;
    const bad = countOffsetMismatches(text, src);
    if (bad) warnings.push(`${src.name}: ${plural(bad, 'span')} do not match the text (offset bug): highlights may be misplaced.`);
    const doc = h('div', {
      class: 'doc',
      'data-source-id': src.id,
      tabindex: '0',
      role: 'region',
      'aria-label': `Annotated text of ${src.name}`,
    });
    doc.append(renderAnnotatedText(text, src));
    return h(
      'article',
      { class: 'source-report', id: `src-${src.id}`, 'data-source-id': src.id },
      h(
        'header',
        { class: 'source-report-head' },
        h('h3', {}, src.name || src.id),
        h('span', { class: 'muted' }, `${plural(text.length, 'character')} · ${plural(src.sentences ?? 0, 'sentence')}`),
      ),
      renderSummary(src.summary, { clusterNames }),
      doc,
    );
  });
  const reportsEl = $('source-reports');
  reportsEl.className = 'source-reports';
  reportsEl.replaceChildren(...docs);
  $('legend-wrap').replaceChildren(renderLegend(report, reportsEl));
  clearFocus();

  // Matrix.
  const { table, extra, total } = renderMatrix(report, { onFocus: focusKey });
  $('matrix-wrap').replaceChildren(
    total ? table : h('p', { class: 'muted' }, 'No named entities found.'),
  );
  const more = $('matrix-more');
  more.hidden = extra === 0;
  more.textContent = `Show all ${total} entities`;
  more.setAttribute('aria-expanded', 'false');
  $('matrix-filter').value = '';

  // Claims.
  $('claims-wrap').replaceChildren(renderClaimsBoard(report, { onJump: jumpToClaim }));

  // Warnings.
  const w = $('warnings');
  w.hidden = warnings.length === 0;
  w.replaceChildren(...(warnings.length ? [h('h2', { class: 'visually-hidden' }, 'Warnings'), h('ul', {}, warnings.map((x) => h('li', {}, x)))] : []));

  $('results').hidden = false;
  // The report on the page, for the browser tests and for anyone curious in the console.
  window.__crosscheckReport = report;
}

// ---------------------------------------------------------------------------------------------
// Jump from the claims board to a sentence in its source text

let flashTimer = 0;

function jumpToClaim(sourceId, index) {
  const doc = [...$('source-reports').querySelectorAll('.doc')].find((d) => d.dataset.sourceId === String(sourceId));
  if (!doc) return;
  const pieces = [...doc.querySelectorAll('.claim')].filter((el) => el.dataset.index === String(index));
  const el = document.getElementById(`claim-${sourceId}-${index}`) || pieces[0];
  if (!el) return;
  for (const old of document.querySelectorAll('.claim.flash')) old.classList.remove('flash');
  clearTimeout(flashTimer);
  el.setAttribute('tabindex', '-1');
  el.scrollIntoView({ block: 'center', inline: 'nearest' });
  el.focus({ preventScroll: true });
  for (const p of pieces.length ? pieces : [el]) p.classList.add('flash');
  flashTimer = setTimeout(() => {
    for (const p of document.querySelectorAll('.claim.flash')) p.classList.remove('flash');
  }, 2600);
  el.addEventListener('blur', () => el.removeAttribute('tabindex'), { once: true });
}

// ---------------------------------------------------------------------------------------------
// Entity focus (click an entity in the matrix or in a text) and matrix filter

let focused = null;

function focusKey(key, name) {
  if (focused === key) return clearFocus();
  clearFocus();
  focused = key;
  let n = 0;
  for (const el of $('source-reports').querySelectorAll('mark.ent')) {
    if (el.dataset.key === key) {
      el.classList.add('focused');
      n++;
    }
  }
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
// Start-up

function wire() {
  $('add-source').addEventListener('click', addSource);
  $('analyse').addEventListener('click', analyse);
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
  $('source-reports').addEventListener('click', (e) => {
    const mark = e.target instanceof Element ? e.target.closest('mark.ent') : null;
    if (mark && mark.dataset.key !== undefined) focusKey(mark.dataset.key, mark.textContent);
  });
}

async function start() {
  wire();
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
