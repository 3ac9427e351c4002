/**
 * `<crosscheck-widget>`: importing `crosscheck/widget` defines the element. It loads
 * `style.css`, `widget.css` and `worker.js` (which loads `pkg/crosscheck_bg.wasm`) from the
 * package's folder, so serve that folder as it is (see the package README).
 *
 * Attributes: `sources` (JSON array of `{name, text, id?}`), `example` (URL of a manifest like
 * the repository's www/examples/manifest.json), `autoanalyse`. When an analysis finishes the
 * element sets `data-state="done"` and dispatches `crosscheck-analysed` with `detail.report`.
 */
import type { Report } from './pkg/crosscheck.js';

/** A source as the widget holds it (its editable name and text). */
export interface WidgetSource {
  id: string;
  name: string;
  text: string;
}

/** The detail of the `crosscheck-analysed` event. */
export interface CrosscheckAnalysedDetail {
  report: Report;
}

export class CrosscheckWidget extends HTMLElement {
  /** The sources shown, in order. */
  sources: WidgetSource[];
  /** The last report, `null` before the first analysis. */
  report: Report | null;
  /** Adds a source card. */
  addSource(source: { id?: string; name?: string; text?: string }): void;
  /** Analyses the sources; resolves to the report, or `null` when there was nothing to analyse or it failed. */
  analyse(): Promise<Report | null>;
}

declare global {
  interface HTMLElementTagNameMap {
    'crosscheck-widget': CrosscheckWidget;
  }
  interface HTMLElementEventMap {
    'crosscheck-analysed': CustomEvent<CrosscheckAnalysedDetail>;
  }
}
