// <crosscheck-widget>: Crosscheck in any page with one script tag.
//
//   <script type="module" src="/crosscheck/widget.js"></script>
//   <crosscheck-widget sources='[{"name":"Outlet A","text":"…"},{"name":"Outlet B","text":"…"}]'></crosscheck-widget>
//
// Attributes: `sources` (JSON array of {name, text, id?}), `example` (URL of a manifest.json like
// examples/manifest.json, relative to the host page), `autoanalyse` (analyse as soon as loaded).
// Styles live in the shadow root (<link>s to style.css and widget.css next to this file, allowed by
// `style-src 'self'`), so nothing leaks in or out. When an analysis finishes the element
// dispatches `crosscheck-analysed` (bubbles, composed) with `detail.report`.
import { h, renderAnnotatedText, renderClaimsBoard, renderLegend } from './render.js';

const BASE = new URL('./', import.meta.url);

let reqId = 0;

class CrosscheckWidget extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.sources = [];
    this.report = null;
    this.worker = null;
    this.pending = new Map();
  }

  connectedCallback() {
    if (this.shadowRoot.childElementCount) return;
    const root = this.shadowRoot;
    root.append(
      h('link', { rel: 'stylesheet', href: new URL('style.css', BASE).href }),
      h('link', { rel: 'stylesheet', href: new URL('widget.css', BASE).href }),
      h(
        'div',
        { class: 'cc', part: 'container' },
        h(
          'div',
          { class: 'cc-head' },
          h('strong', { class: 'cc-brand' }, 'Crosscheck'),
          h('button', { type: 'button', class: 'cc-btn cc-add' }, 'Add source'),
          h('button', { type: 'button', class: 'cc-btn cc-primary cc-analyse' }, 'Analyse'),
          h('span', { class: 'cc-status', role: 'status', 'aria-live': 'polite' }, ''),
        ),
        h('ol', { class: 'cc-sources' }),
        h('div', { class: 'cc-results', hidden: true }),
      ),
    );
    root.querySelector('.cc-add').addEventListener('click', () => this.addSource({ name: `Source ${this.sources.length + 1}`, text: '' }));
    root.querySelector('.cc-analyse').addEventListener('click', () => this.analyse());
    this.init().catch((err) => this.status(`Could not load the sources: ${err.message}`));
  }

  disconnectedCallback() {
    if (this.worker) this.worker.terminate();
    this.worker = null;
  }

  status(text) {
    this.shadowRoot.querySelector('.cc-status').textContent = text;
  }

  async init() {
    let sources = [];
    const attr = this.getAttribute('sources');
    if (attr) {
      const parsed = JSON.parse(attr);
      if (Array.isArray(parsed)) sources = parsed;
    } else if (this.getAttribute('example')) {
      const base = new URL(this.getAttribute('example'), document.baseURI);
      const manifest = await (await fetch(base)).json();
      sources = await Promise.all(manifest.sources.map(async (s) => ({ id: s.id, name: s.name, text: await (await fetch(new URL(s.file, base))).text() })));
    }
    if (!sources.length) sources = [{ name: 'Source 1', text: '' }];
    for (const s of sources) this.addSource(s);
    if (this.hasAttribute('autoanalyse')) await this.analyse();
  }

  addSource(s) {
    const n = this.sources.length + 1;
    const src = { id: String(s.id || `s${n}`), name: String(s.name ?? `Source ${n}`), text: String(s.text ?? '') };
    this.sources.push(src);
    const name = h('input', { type: 'text', class: 'cc-name', 'aria-label': `Name of source ${n}` });
    name.value = src.name;
    name.addEventListener('input', () => { src.name = name.value; });
    const text = h('textarea', { class: 'cc-text', rows: '4', 'aria-label': `Text of source ${n}`, placeholder: 'Paste the article text here' });
    text.value = src.text;
    text.addEventListener('input', () => { src.text = text.value; });
    this.shadowRoot.querySelector('.cc-sources').append(h('li', { class: 'cc-source' }, name, text));
  }

  getWorker() {
    if (this.worker) return this.worker;
    this.worker = new Worker(new URL('worker.js', BASE), { type: 'module' });
    this.worker.addEventListener('message', (e) => {
      const { id, report, error, fatal } = e.data || {};
      const p = this.pending.get(id);
      if (fatal) {
        this.worker.terminate();
        this.worker = null;
      }
      if (!p) return;
      this.pending.delete(id);
      if (error !== undefined) p.reject(new Error(error));
      else p.resolve(report);
    });
    this.worker.addEventListener('error', (e) => {
      e.preventDefault();
      for (const p of this.pending.values()) p.reject(new Error('the analysis engine could not start'));
      this.pending.clear();
      this.worker = null;
    });
    return this.worker;
  }

  analyse() {
    const sources = this.sources.map((s, i) => ({ id: s.id, name: s.name.trim() || `Source ${i + 1}`, text: s.text }));
    if (sources.every((s) => !s.text.trim())) {
      this.status('Paste the text of at least one article.');
      return Promise.resolve(null);
    }
    this.status('Analysing…');
    this.setAttribute('data-state', 'analysing');
    const id = ++reqId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.getWorker().postMessage({ id, sources });
    }).then(
      (report) => {
        this.report = report;
        this.show(report, sources);
        this.status(`Analysed ${sources.length} source${sources.length === 1 ? '' : 's'}.`);
        this.setAttribute('data-state', 'done');
        this.dispatchEvent(new CustomEvent('crosscheck-analysed', { detail: { report }, bubbles: true, composed: true }));
        return report;
      },
      (err) => {
        this.status(`Analysis failed: ${err.message}`);
        this.setAttribute('data-state', 'error');
        return null;
      },
    );
  }

  show(report, sources) {
    const out = this.shadowRoot.querySelector('.cc-results');
    const docs = h('div', { class: 'source-reports' });
    report.sources.forEach((src, i) => {
      docs.append(
        h(
          'article',
          { class: 'source-report', 'data-source-id': src.id },
          h('h3', {}, src.name || src.id),
          h('div', { class: 'doc', 'data-source-id': src.id }, renderAnnotatedText(sources[i].text, src)),
        ),
      );
    });
    out.replaceChildren(renderLegend(report, docs), h('h3', {}, 'Claims across sources'), renderClaimsBoard(report), docs);
    out.hidden = false;
  }
}

if (!customElements.get('crosscheck-widget')) customElements.define('crosscheck-widget', CrosscheckWidget);
export { CrosscheckWidget };
