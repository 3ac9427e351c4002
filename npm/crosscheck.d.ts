/**
 * Crosscheck: compare news articles about one story: entities, claims, and what each source
 * says. `analyze(sources)` returns one {@link Report}; its fields are described in
 * docs/report-schema.md of the repository, field by field, and typed here the same way.
 *
 * Load the wasm once before calling `analyze`: `await init()` in a browser (fetches
 * `crosscheck_bg.wasm` next to `crosscheck.js`), or `initSync({ module: bytes })` /
 * `await init({ module_or_path: bytes })` with the bytes of `crosscheck/crosscheck_bg.wasm`.
 */

// ---------------------------------------------------------------------------------------------
// Input

/** One article to analyse. */
export interface SourceInput {
  /** Unique id, e.g. `"s1"`; a duplicate is renamed (with a warning in the report). */
  id: string;
  /** Display name, usually the outlet; the id when absent. */
  name?: string;
  /** The article as pasted. */
  text: string;
  /** The article's address; echoed on its source report. A warning when not http(s). */
  url?: string | null;
  /** When it was published: an ISO 8601 date (`"2019-10-09"`) or date and time. */
  published?: string | null;
}

// ---------------------------------------------------------------------------------------------
// The report (version 1)

/** The unit of every `start`/`end`: UTF-16 code units from `analyze` (JS `text.slice`). */
export type Offsets = 'utf8' | 'utf16' | 'codepoints';

/** The whole analysis of several sources. */
export interface Report {
  /** `1`; bumped only when an existing field changes meaning. */
  version: 1;
  /** The unit of every `start`/`end`; `"utf16"` from `analyze`. */
  offsets: Offsets;
  /** One per input source, in input order. */
  sources: SourceReport[];
  /** Everything across sources. */
  comparison: Comparison;
  /** Problems that did not stop the analysis (a renamed duplicate id, a bad `url`, …). */
  warnings: string[];
}

/** A span of a source's text; `text` is always `sourceText.slice(start, end)`. */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/** What one source says. */
export interface SourceReport {
  /** The source id as given. */
  id: string;
  /** The source name. */
  name: string;
  /** The article's address as given (trimmed); absent when not given or blank. */
  url?: string;
  /** When the article was published, as given (trimmed); absent when not given or blank. */
  published?: string;
  /** Every entity mention, sorted by span. */
  entities: Entity[];
  /** Every claim candidate sentence, sorted by span. */
  claims: Claim[];
  /** Page-cruft lines ("Leave a Reply", "Follow us on"); never claims. */
  boilerplate: TextSpan[];
  /** Number of sentences found (boilerplate included). */
  sentences: number;
  /** Per-source counts. */
  summary: Summary;
}

/** OntoNotes labels of names. */
export type NameLabel =
  | 'PERSON'
  | 'NORP'
  | 'FAC'
  | 'ORG'
  | 'GPE'
  | 'LOC'
  | 'PRODUCT'
  | 'EVENT'
  | 'WORK_OF_ART'
  | 'LAW'
  | 'LANGUAGE';

/** OntoNotes labels that carry a numeric value (`low`, `high`, `unit`); a `DATE` that is a
 * length of time told by a number carries one too, in days. */
export type NumericLabel = 'PERCENT' | 'MONEY' | 'QUANTITY' | 'ORDINAL' | 'CARDINAL';

/** Every entity label. */
export type Label = NameLabel | 'DATE' | 'TIME' | NumericLabel;

/** One entity mention. */
export interface Entity extends TextSpan {
  /** OntoNotes label. */
  label: Label;
  /** Normalised key merging mentions across sources (`"Erdoğan's"` → `"erdogan"`); a tally of
   * votes or a score ("voted 9-4") is `"tally:9-4"`, with no `low` or `high`. */
  key: string;
  /** Numeric labels and lengths of time only: the low end of the value, `null` when open ("under 5"). */
  low?: number | null;
  /** Numeric labels and lengths of time only: the high end of the value, `null` when open ("at least 5"). */
  high?: number | null;
  /** Numeric labels and lengths of time only, when there is one: `"USD"`, `"EUR"`, `"%"`, `"km"`, `"days"`, `"share"` (a fraction of a whole: "a third of"), … */
  unit?: string;
  /** `DATE` only, when the date resolves: `"2019-10-09"`, `"2019-10"`, `"2019"`. */
  iso?: string;
}

/** The features that made a sentence check-worthy, in this order. */
export type Reason =
  | 'number'
  | 'date'
  | 'named_entity'
  | 'factual_verb'
  | 'comparison'
  | 'attributed'
  | 'hedged'
  | 'opinion'
  | 'cause'
  | 'statistic';

/** How a claim is put. */
export type Certainty = 'asserted' | 'attributed' | 'hedged' | 'alleged' | 'denied';

/** A claim candidate: a sentence that is not boilerplate, not a question, of 4+ words. */
export interface Claim extends TextSpan {
  /** Check-worthiness in [0, 1]. */
  score: number;
  /** `score >= 0.5`. */
  checkworthy: boolean;
  /** The features present. */
  reasons: Reason[];
  /** asserted (the outlet's own voice), attributed, hedged, alleged or denied. */
  certainty: Certainty;
  /** Who says it. */
  attribution: Attribution;
  /** The numeric entities inside the claim. */
  numbers: Entity[];
  /** Indexes into this source's `entities` of the entities inside the claim. */
  entities: number[];
  /** The most similar claim of another source, `null` when none was compared with it. */
  closest: Closest | null;
}

/** Who says a claim. */
export interface Attribution {
  /** named, anonymous ("an official"), or none (the outlet's own voice). */
  kind: 'named' | 'anonymous' | 'none';
  /** The claim is (or contains) a direct quotation of the source. */
  quote: boolean;
  /** Who says it ("the official", "Erdoğan"). */
  source: TextSpan | null;
  /** The attribution cue ("said", "according to"). */
  cue: TextSpan | null;
  /** The outlet that carried the words ("CNN" in "told CNN"). */
  via: TextSpan | null;
  /** The entity the source is or stands for, `null` when it names no one. */
  resolved: Resolved | null;
  /** The unnamed group or person a pronoun stands for ("they" → "Federal prosecutors", "she" → "one nurse" before). */
  stands_for: TextSpan | null;
}

/** The entity an attribution's source is or stands for ("he" → the person named before). */
export interface Resolved {
  /** The entity's key, as in {@link Entity.key}. */
  key: string;
  /** Its fullest name in this source. */
  name: string;
  /** The name mention the source was resolved to. */
  mention: TextSpan;
}

/** The claim of another source most like a claim. */
export interface Closest {
  /** That source's id. */
  source: string;
  /** Index into that source's `claims`. */
  claim: number;
  /** The probability that the two state the same thing. */
  similarity: number;
}

/** Per-source counts. */
export interface Summary {
  /** Entity mentions. */
  entities: number;
  /** Mentions per label (only labels present). */
  entities_by_label: Partial<Record<Label, number>>;
  /** Claim candidates. */
  claims: number;
  /** Check-worthy claims. */
  checkworthy: number;
  /** Claims with `attribution.kind` other than `none`. */
  attributed: number;
  /** Claims with `attribution.kind` = `anonymous`. */
  anonymous: number;
  /** Claims with certainty `hedged` or `alleged`. */
  hedged: number;
  /** Boilerplate lines. */
  boilerplate: number;
  /** `attributed / claims`, rounded to 3 decimals (0 without claims). */
  attributed_share: number;
  /** `anonymous / claims`. */
  anonymous_share: number;
  /** `hedged / claims`. */
  hedged_share: number;
  /** The people, organisations and outlets its claims cite, in order of first citation. */
  cites: string[];
  /** Indexes into `claims` of its check-worthy claims that no other source makes. */
  exclusive_claims: number[];
  /** Keys of the entity clusters most sources name and this one leaves out. */
  omits: string[];
}

/** Everything across sources. */
export interface Comparison {
  /** Entity clusters, by total mentions (descending), then key. */
  entities: EntityCluster[];
  /** Claim groups, by number of sources (descending), then first member. */
  claims: ClaimGroup[];
}

/** One entity across sources. */
export interface EntityCluster {
  /** The key every mention of the entity has, in every source. */
  key: string;
  /** Canonical display name. */
  name: string;
  /** The most frequent label among the mentions. */
  label: Label;
  /** Every distinct surface form, sorted. */
  names: string[];
  /** Mentions per source id (sources with no mention are absent). */
  sources: Record<string, number>;
  /** Ids of the sources that leave out an entity most sources name; often empty. */
  omitted_by: string[];
}

/** `conflicting` when `conflict` is set, else `corroborated` (2+ sources), else `single_source`. */
export type GroupStatus = 'corroborated' | 'single_source' | 'conflicting';

/** Claims of any sources that state the same thing; every claim is in exactly one group. */
export interface ClaimGroup {
  status: GroupStatus;
  /** Sorted by source order, then claim index. */
  members: ClaimGroupMember[];
  /** Distinct sources among the members. */
  sources: number;
  /** Independent origins (one source, one cited speaker or outlet, or copied text count once). */
  origins: number;
  /** Spans 2+ sources and one member asserts what another hedges, attributes, alleges or denies. */
  drift: boolean;
  /** Why the members cannot all be right, `null` when they can. */
  conflict: Conflict | null;
  /** Mean probability over pairs of members from different sources; `null` for one source. */
  similarity: number | null;
  /** Keys of the entity clusters that members from two or more sources name. */
  entities: string[];
  /** Numbers that members from two or more sources give with the same value. */
  numbers: string[];
}

/** Why a group's members cannot all be right. */
export interface Conflict {
  /** numeric (a number in dispute), negation (one source denies what another states) or date
   *  (one event given days that cannot both be right). */
  kind: 'numeric' | 'negation' | 'date';
  /** A sentence a person can read, naming the sources. */
  detail: string;
}

/** How a member stands to the claim of its group. */
export type Stance = 'agrees' | 'reports' | 'disputes';

/** One claim of a group. */
export interface ClaimGroupMember {
  /** Source id. */
  source: string;
  /** Index into that source's `claims`. */
  claim: number;
  /** That claim's certainty. */
  certainty: Certainty;
  /** agrees (own voice), reports (attributes, hedges or alleges), disputes. */
  stance: Stance;
  /** Its mean probability with the members of other sources; `null` when there are none. */
  similarity: number | null;
  /** Which of the group's independent origins (0, 1, …) it belongs to. */
  origin: number;
  /**
   * When it is its article's headline, in the group because its lede is: the lede's index into
   * the same source's `claims`; else `null`.
   */
  headline_of: number | null;
}

// ---------------------------------------------------------------------------------------------
// Functions

/**
 * Analyses and compares the sources. Throws an `Error` with a clear message on a bad argument
 * or input over the size limit. Offsets are UTF-16 code units.
 */
export function analyze(sources: SourceInput[]): Report & { offsets: 'utf16' };

/** The engine's version, e.g. `"0.1.0"`. */
export function version(): string;

/** This build of the engine: its version and a hash of its code and models, e.g.
 * `"0.1.0-3f2a…"`. Builds that can give different reports have different names. */
export function engine(): string;

/** What `init` accepts: a URL or request to fetch, a response, the bytes, or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** What `initSync` accepts: the bytes or a compiled module. */
export type SyncInitInput = BufferSource | WebAssembly.Module;

/** The instantiated wasm module's exports. */
export interface InitOutput {
  readonly memory: WebAssembly.Memory;
  readonly [name: string]: unknown;
}

/** Instantiates the wasm module synchronously from its bytes or a compiled module. */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * Loads and instantiates the wasm module; without an argument, fetches `crosscheck_bg.wasm`
 * next to `crosscheck.js`. Call once (again is a no-op) before `analyze`.
 */
export default function init(
  module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<InitOutput>;
