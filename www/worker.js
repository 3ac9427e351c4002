// Module worker: loads the wasm package once and answers {id, sources} with {id, report} or
// {id, error}. If loading fails, every request gets the load error. A trap inside wasm (e.g. a
// panic with panic = "abort") leaves the instance unusable, so the reply says `fatal: true` and
// the page replaces this worker.
import init, { analyze } from './pkg/crosscheck.js';

const ready = init();
ready.catch(() => {}); // reported per request below, not as an unhandled rejection

function message(err) {
  if (err && typeof err === 'object' && 'message' in err) return String(err.message);
  return String(err);
}

self.addEventListener('message', async (event) => {
  const { id, sources } = event.data || {};
  try {
    await ready;
  } catch (err) {
    self.postMessage({ id, error: `Could not load the analysis engine: ${message(err)}`, fatal: true });
    return;
  }
  try {
    const t0 = performance.now();
    const report = analyze(sources);
    self.postMessage({ id, report, ms: performance.now() - t0 });
  } catch (err) {
    const fatal = err instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, error: message(err) || 'analysis failed', fatal });
  }
});
