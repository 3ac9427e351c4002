//! Crosscheck compares news articles about one story: which entities and claims each source
//! has, who each claim comes from, and where the sources agree or differ.
//!
//! ```text
//! sources (id, name, text) ─► clean ─► segment ─► entities ─► claims ─► compare ─► Report
//! ```
//!
//! Every stage is a module with plain input and output types; spans are UTF-8 byte ranges into
//! the original text (see [`span::Span`]), converted once at the edge by [`offsets`].
//!
//! ```
//! use crosscheck::{analyze, Options, Source};
//! let sources = vec![
//!     Source::new("s1", "Daily", "Officials said 2,000 fighters crossed into Turkey on Monday."),
//!     Source::new("s2", "Weekly", "Some 2,000 fighters crossed into Turkey, officials said."),
//! ];
//! let report = analyze(&sources, &Options::default());
//! let turkey = report.comparison.entities.iter().find(|e| e.key == "turkey").unwrap();
//! assert_eq!(turkey.sources.total(), 2);
//! assert_eq!(&sources[0].text[report.sources[0].claims[0].start..report.sources[0].claims[0].end],
//!            report.sources[0].claims[0].text);
//! ```
#![deny(missing_docs)]

#[cfg(not(target_arch = "wasm32"))]
pub mod batch;
pub mod claims;
pub mod clean;
pub mod compare;
pub mod entities;
pub mod eval;
mod hash;
pub mod offsets;
pub mod report;
pub mod segment;
pub mod similarity;
pub mod span;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use claims::CHECKWORTHY_THRESHOLD;
pub use report::{Offsets, Report};

use std::fmt;

/// One article: an id, a display name (the outlet) and its text; optionally where and when it
/// was published. The analysis reads only the text; `url` and `published` are echoed in the
/// report for exports (ClaimReview appearances).
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
pub struct Source {
    /// Unique id ("s1").
    pub id: String,
    /// Display name, usually the outlet.
    #[serde(default)]
    pub name: String,
    /// The article as pasted.
    pub text: String,
    /// The article's address, when known.
    #[serde(default)]
    pub url: Option<String>,
    /// When the article was published, when known: an ISO 8601 date ("2019-10-09") or date and
    /// time.
    #[serde(default)]
    pub published: Option<String>,
}

impl Source {
    /// A source from its parts, without address or date.
    pub fn new(id: &str, name: &str, text: &str) -> Source {
        Source {
            id: id.to_string(),
            name: name.to_string(),
            text: text.to_string(),
            url: None,
            published: None,
        }
    }

    /// The same source with its address and publication date (each `None`, or blank, when
    /// unknown).
    pub fn with_meta(mut self, url: Option<&str>, published: Option<&str>) -> Source {
        self.url = url.map(str::to_string);
        self.published = published.map(str::to_string);
        self
    }
}

/// Analysis options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The most input, in UTF-8 bytes over all sources, that [`check`] accepts.
    pub max_total_bytes: usize,
    /// The most sources that [`check`] accepts.
    pub max_sources: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_total_bytes: 20_000_000,
            max_sources: 1000,
        }
    }
}

/// Why input was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

/// The kinds of [`Error`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// More input than `Options::max_total_bytes` or `Options::max_sources`.
    TooLarge,
    /// No sources at all.
    Empty,
}

impl Error {
    /// What kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Checks input against the limits of `options`, with a message a user can act on.
pub fn check(sources: &[Source], options: &Options) -> Result<(), Error> {
    if sources.is_empty() {
        return Err(Error {
            kind: ErrorKind::Empty,
            message: "no sources to analyse: give at least one text".into(),
        });
    }
    if sources.len() > options.max_sources {
        return Err(Error {
            kind: ErrorKind::TooLarge,
            message: format!(
                "{} sources is more than the limit of {}",
                sources.len(),
                options.max_sources
            ),
        });
    }
    let total: usize = sources.iter().map(|s| s.text.len()).sum();
    if total > options.max_total_bytes {
        return Err(Error {
            kind: ErrorKind::TooLarge,
            message: format!(
                "the texts total {:.1} MB, more than the limit of {:.1} MB: analyse fewer or shorter sources",
                total as f64 / 1e6,
                options.max_total_bytes as f64 / 1e6
            ),
        });
    }
    Ok(())
}

/// Analyses every source and compares them. Never panics and never fails on text; offsets in
/// the report are UTF-8 bytes (see [`offsets::convert`] for other units). Callers that take
/// untrusted input should call [`check`] first.
///
/// On wasm tiering: a browser engine compiles each wasm function first with a quick baseline
/// compiler and replaces it with optimised code once it has run enough, but only for later
/// calls. So the work per sentence, per token and per claim lives in functions of its own
/// (`#[inline(never)]`), called many times, rather than inlined into one long loop that runs
/// once per text in baseline code.
pub fn analyze(sources: &[Source], _options: &Options) -> Report {
    let mut prepared = prepare(sources);
    let mut comparison = compare::compare(&prepared.analysed(sources));
    report::summarise_comparison(&mut prepared.reports, &mut comparison);
    Report {
        version: report::VERSION,
        offsets: Offsets::Utf8,
        sources: prepared.reports,
        comparison,
        warnings: prepared.warnings,
    }
}

/// Each source's claims as the comparison sees them (in source order), from the same stages as
/// [`analyze`]: for the pair model's training and evaluation.
#[cfg(not(target_arch = "wasm32"))]
pub fn claim_infos(sources: &[Source]) -> Vec<compare::ClaimInfo> {
    let prepared = prepare(sources);
    compare::claim_infos(&prepared.analysed(sources))
}

/// The text of each claim of one source, in order (for tools that explain the comparison).
#[cfg(not(target_arch = "wasm32"))]
pub fn claims_of(source: &Source) -> Vec<String> {
    let prepared = prepare(std::slice::from_ref(source));
    prepared.stages[0]
        .claims
        .iter()
        .map(|c| source.text[c.span].to_string())
        .collect()
}

/// One source after the per-source stages.
struct Stage {
    boilerplate: Vec<span::Span>,
    seg: segment::Segmented,
    mentions: Vec<entities::Mention>,
    claims: Vec<claims::Claim>,
}

/// Every source through the stages before the comparison.
struct Prepared {
    ids: Vec<String>,
    stages: Vec<Stage>,
    reports: Vec<report::SourceReport>,
    warnings: Vec<String>,
}

impl Prepared {
    /// What the comparison needs of each source.
    fn analysed<'a>(&'a self, sources: &'a [Source]) -> Vec<compare::Analysed<'a>> {
        sources
            .iter()
            .zip(&self.ids)
            .zip(&self.stages)
            .zip(&self.reports)
            .map(|(((s, id), st), r)| compare::Analysed {
                id,
                name: &r.name,
                text: &s.text,
                mentions: &st.mentions,
                claims: &st.claims,
            })
            .collect()
    }
}

/// Runs the per-source stages (natively on all cores) and alias resolution across sources.
fn prepare(sources: &[Source]) -> Prepared {
    let mut warnings = Vec::new();
    let ids = unique_ids(sources, &mut warnings);
    meta_warnings(sources, &ids, &mut warnings);
    // Per source: cruft, sentences, entities.
    let mut stages: Vec<Stage> = each_source(sources, |source| {
        let text = source.text.as_str();
        let boilerplate = clean::boilerplate(text);
        let seg = segment::segment(text);
        // Names in page cruft ("Follow AsumeTech on") are not the article's.
        let mut mentions = entities::find(text, &seg);
        mentions.retain(|m| !clean::in_cruft(&boilerplate, m.span));
        Stage {
            boilerplate,
            seg,
            mentions,
            claims: Vec::new(),
        }
    });
    // Across sources: one key per entity.
    let mut names: Vec<entities::aliases::SourceNames> = sources
        .iter()
        .zip(stages.iter_mut())
        .map(|(s, st)| entities::aliases::SourceNames {
            text: &s.text,
            seg: &st.seg,
            mentions: &mut st.mentions,
        })
        .collect();
    entities::aliases::resolve(&mut names);
    // Per source: claims and the source's report.
    let per_source: Vec<(&Source, &String, &Stage)> = sources
        .iter()
        .zip(&ids)
        .zip(&stages)
        .map(|((s, id), st)| (s, id, st))
        .collect();
    let done = each_source(&per_source, |&(source, id, st)| {
        let text = source.text.as_str();
        let claims = claims::find(text, &st.seg, &st.mentions, &st.boilerplate);
        let name = if source.name.trim().is_empty() {
            id.as_str()
        } else {
            source.name.as_str()
        };
        let mut report = report::SourceReport::new(
            id,
            name,
            text,
            st.seg.sentences.len(),
            &st.mentions,
            &claims,
            &st.boilerplate,
        );
        report.url = meta(&source.url);
        report.published = meta(&source.published);
        (claims, report)
    });
    let mut reports = Vec::with_capacity(sources.len());
    for (st, (claims, report)) in stages.iter_mut().zip(done) {
        st.claims = claims;
        reports.push(report);
    }
    Prepared {
        ids,
        stages,
        reports,
        warnings,
    }
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    /// Set on a thread that already runs beside others (one story each in `batch`): its
    /// sources then go one after another.
    static ONE_THREAD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether `each_source` on this thread keeps to this thread.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn set_one_thread(on: bool) {
    ONE_THREAD.with(|c| c.set(on));
}

/// `f` of every item, in order. Natively the items are shared out among the machine's cores
/// (sources are independent until they are compared); in wasm, and for one source, one after
/// another. The order of the output never depends on the threads.
pub(crate) fn each_source<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(items.len());
        if threads > 1 && items.len() >= 2 && !ONE_THREAD.with(std::cell::Cell::get) {
            let next = AtomicUsize::new(0);
            let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
                let workers: Vec<_> = (0..threads)
                    .map(|_| {
                        scope.spawn(|| {
                            let mut out = Vec::new();
                            loop {
                                let i = next.fetch_add(1, Ordering::Relaxed);
                                let Some(item) = items.get(i) else { break };
                                out.push((i, f(item)));
                            }
                            out
                        })
                    })
                    .collect();
                workers
                    .into_iter()
                    .flat_map(|w| match w.join() {
                        Ok(out) => out,
                        // A panic in a worker is a panic here, as it would be in one thread.
                        Err(e) => std::panic::resume_unwind(e),
                    })
                    .collect()
            });
            done.sort_unstable_by_key(|(i, _)| *i);
            return done.into_iter().map(|(_, r)| r).collect();
        }
    }
    items.iter().map(f).collect()
}

/// An optional text field as the report echoes it: trimmed, and absent when blank.
fn meta(field: &Option<String>) -> Option<String> {
    field
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Warnings for addresses and dates that exports cannot use as they are (they are echoed
/// anyway): an address that is not http(s), a date that is not ISO 8601.
fn meta_warnings(sources: &[Source], ids: &[String], warnings: &mut Vec<String>) {
    for (s, id) in sources.iter().zip(ids) {
        if let Some(url) = meta(&s.url) {
            let lower = url.to_ascii_lowercase();
            if !(lower.starts_with("http://") || lower.starts_with("https://"))
                || url.chars().any(char::is_whitespace)
            {
                warnings.push(format!(
                    "source {id}: url {url:?} is not an http(s) address"
                ));
            }
        }
        if let Some(date) = meta(&s.published) {
            if !iso_date(&date) {
                warnings.push(format!(
                    "source {id}: published {date:?} is not an ISO 8601 date (2019-10-09)"
                ));
            }
        }
    }
}

/// `YYYY-MM-DD`, optionally followed by `T` and a time (not checked further).
fn iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    b.len() >= 10
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && (b.len() == 10 || b[10] == b'T' || b[10] == b't')
}

/// Source ids made unique and non-empty, with a warning for each change.
fn unique_ids(sources: &[Source], warnings: &mut Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut ids = Vec::with_capacity(sources.len());
    for (i, s) in sources.iter().enumerate() {
        let base = if s.id.trim().is_empty() {
            format!("s{}", i + 1)
        } else {
            s.id.clone()
        };
        let mut id = base.clone();
        let mut n = 2;
        while !seen.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        if id != s.id {
            warnings.push(format!(
                "source {} had id {:?}; it is {:?} in this report",
                i + 1,
                s.id,
                id
            ));
        }
        ids.push(id);
    }
    ids
}
