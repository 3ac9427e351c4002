// Module worker: loads the wasm package once and answers {id, sources} with {id, report} or
// {id, error}. If loading fails, every request gets the load error. A trap inside wasm (e.g. a
// panic with panic = "abort") leaves the instance unusable, so the reply says `fatal: true` and
// the page replaces this worker.
//
// Asked with `pieces: true` (the page), a report's long lists (each source's entities and claims,
// the comparison's groups, and the members of a large group) go first as {id, piece: {path,
// items}} messages of about PIECE items each (a group weighs one and one more per member), then
// the report without them: the page reads each message in a task of its own, so no one task
// has to read a report of a hundred megabytes.
//
// A text of megabytes comes first in pieces ({id, textPiece: {source, text}}, each copied in a
// task of its own on the page), then its request with that text empty and `pieced` true for it.
//
// The last report is kept in IndexedDB with a hash of its sources and the engine's build, once the page says it is on
// screen ({store: id}: storing it meanwhile would slow the page drawing it). {id, sources,
// reuse: true} answers with that report ({cached: true}) when the sources hash the same, without
// analysing.
import init, { analyze, engine } from './pkg/crosscheck.js';

const ready = init();
ready.catch(() => {}); // reported per request below, not as an unhandled rejection

/** Items per piece of a long list; a claim group weighs itself and one more per member. */
const PIECE = 200;

const weight = (x) => 1 + (x && Array.isArray(x.members) ? x.members.length : 0);

function message(err) {
  if (err && typeof err === 'object' && 'message' in err) return String(err.message);
  return String(err);
}

function postReport(id, report, extra, pieces) {
  const send = (path, items) => self.postMessage({ id, piece: { path, items } });
  // A list that weighs more than PIECE goes in pieces of about PIECE; a claim group with more
  // members than that goes without them, its members in pieces of their own after it.
  const cut = (obj, key, path) => {
    const list = obj && obj[key];
    if (!pieces || !Array.isArray(list)) return;
    let total = 0;
    for (const x of list) if ((total += weight(x)) > PIECE) break;
    if (total <= PIECE) return;
    obj[key] = [];
    let items = [];
    let w = 0;
    const later = [];
    const flush = () => {
      if (items.length) send(path, items);
      for (const [i, members] of later) {
        for (let j = 0; j < members.length; j += PIECE) send([...path, i, 'members'], members.slice(j, j + PIECE));
      }
      items = [];
      w = 0;
      later.length = 0;
    };
    list.forEach((x, i) => {
      const big = Array.isArray(x && x.members) && x.members.length > PIECE;
      const y = big ? { ...x, members: [] } : x;
      if (w && w + weight(y) > PIECE) flush();
      items.push(y);
      w += weight(y);
      if (big) later.push([i, x.members]);
    });
    flush();
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

/** Pieces of long texts by request id, until the request comes: Map id → Map source index → [piece]. */
const textPieces = new Map();

self.addEventListener('message', (event) => {
  // One request at a time, in order (the cache look-up is asynchronous).
  const data = event.data || {};
  if (data.textPiece) {
    // A piece of a long text, sent before its request ({pieced: [true for each text sent so]}).
    const { source, text } = data.textPiece;
    if (!textPieces.has(data.id)) textPieces.set(data.id, new Map());
    const texts = textPieces.get(data.id);
    if (!texts.has(source)) texts.set(source, []);
    texts.get(source).push(String(text));
    return;
  }
  if (Array.isArray(data.pieced) && Array.isArray(data.sources)) {
    const texts = textPieces.get(data.id) || new Map();
    textPieces.delete(data.id);
    data.sources = data.sources.map((s, i) => (data.pieced[i] ? { ...s, text: (texts.get(i) || []).join('') } : s));
  }
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
