// Module worker: loads the wasm package once and answers {id, sources} with {id, report} or
// {id, error}. If loading fails, every request gets the load error. A trap inside wasm (e.g. a
// panic with panic = "abort") leaves the instance unusable, so the reply says `fatal: true` and
// the page replaces this worker.
//
// Asked with `pieces: true` (the page), a report's long lists (each source's entities and claims,
// the comparison's groups) go first as {id, piece: {path, items}} messages of PIECE items each,
// then the report without them: the page reads each message in a task of its own, so no one task
// has to read a report of a hundred megabytes.
//
// The last report is kept in IndexedDB with a hash of its sources and the engine's build, once the page says it is on
// screen ({store: id}: storing it meanwhile would slow the page drawing it). {id, sources,
// reuse: true} answers with that report ({cached: true}) when the sources hash the same, without
// analysing.
import init, { analyze, engine } from './pkg/crosscheck.js';

const ready = init();
ready.catch(() => {}); // reported per request below, not as an unhandled rejection

/** Items per piece of a long list. */
const PIECE = 200;

function message(err) {
  if (err && typeof err === 'object' && 'message' in err) return String(err.message);
  return String(err);
}

function postReport(id, report, extra, pieces) {
  const cut = (obj, key, path) => {
    const list = obj && obj[key];
    if (!pieces || !Array.isArray(list) || list.length <= PIECE) return;
    obj[key] = [];
    for (let i = 0; i < list.length; i += PIECE) self.postMessage({ id, piece: { path, items: list.slice(i, i + PIECE) } });
    return list;
  };
  const cuts = [];
  const keep = (obj, key, path) => {
    const list = cut(obj, key, path);
    if (list) cuts.push([obj, key, list]);
  };
  (report.sources || []).forEach((s, i) => {
    for (const k of ['entities', 'claims', 'boilerplate']) keep(s, k, ['sources', i, k]);
  });
  for (const k of ['entities', 'claims']) keep(report.comparison, k, ['comparison', k]);
  self.postMessage({ id, report, ...extra });
  for (const [obj, key, list] of cuts) obj[key] = list; // whole again, for the cache
}

// ---------------------------------------------------------------------------------------------
// The last report, by a hash of its sources (IndexedDB; nothing is kept when it does not fit)

const DB = 'crosscheck';
const STORE = 'reports';
const CACHE_VERSION = 1;

function openDb() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function hashOf(sources) {
  // The engine's build is part of the key: after an update, a kept report is not this build's.
  await ready;
  const data = new TextEncoder().encode(JSON.stringify([CACHE_VERSION, engine(), sources.map(({ id, name, text, url, published }) => [id, name, text, url ?? null, published ?? null])]));
  const digest = await crypto.subtle.digest('SHA-256', data);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function cached(sources) {
  try {
    const hash = await hashOf(sources);
    const db = await openDb();
    const rec = await new Promise((resolve, reject) => {
      const req = db.transaction(STORE, 'readonly').objectStore(STORE).get('last');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return rec && rec.hash === hash ? rec : null;
  } catch {
    return null;
  }
}

async function remember(sources, report, ms) {
  try {
    const hash = await hashOf(sources);
    const db = await openDb();
    await new Promise((resolve) => {
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      // The old report goes first: a new one too large for the quota leaves nothing stale.
      store.delete('last');
      try {
        store.put({ hash, report, ms }, 'last');
      } catch {
        // not storable: nothing is kept
      }
      tx.oncomplete = resolve;
      tx.onabort = resolve;
      tx.onerror = (e) => {
        e.preventDefault();
        resolve();
      };
    });
    db.close();
  } catch {
    // no IndexedDB here (private mode, quota): a reload analyses again
  }
}

let queue = Promise.resolve();

self.addEventListener('message', (event) => {
  // One request at a time, in order (the cache look-up is asynchronous).
  const data = event.data || {};
  if (data.store !== undefined && (!last || last.id !== data.store)) return;
  queue = queue
    .then(() => handle(data))
    .catch((err) => {
      if (data.store === undefined) self.postMessage({ id: data.id, error: message(err) || 'analysis failed' });
    });
});

/** The last report made, until it is stored or another request comes. */
let last = null;

async function handle({ id, sources, reuse, store, pieces }) {
  if (store !== undefined) {
    if (last && last.id === store) await remember(last.sources, last.report, last.ms);
    last = null;
    return;
  }
  last = null;
  try {
    await ready;
  } catch (err) {
    self.postMessage({ id, error: `Could not load the analysis engine: ${message(err)}`, fatal: true });
    return;
  }
  if (reuse) {
    const rec = await cached(sources);
    if (rec) {
      postReport(id, rec.report, { ms: rec.ms, cached: true }, pieces);
      return;
    }
  }
  let report;
  let ms;
  try {
    const t0 = performance.now();
    report = analyze(sources);
    ms = performance.now() - t0;
  } catch (err) {
    const fatal = err instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, error: message(err) || 'analysis failed', fatal });
    return;
  }
  postReport(id, report, { ms }, pieces);
  // Kept for the page (which asks for pieces and says when to store it), not for the widget.
  if (pieces) last = { id, sources, report, ms };
}
