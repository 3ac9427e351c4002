//! The report: plain output data, serialised as JSON by the CLI and handed to JS by the wasm
//! binding. See `docs/report-schema.md`, field by field.

use crate::claims::{Claim, Reason, CHECKWORTHY_THRESHOLD};
use crate::entities::{Label, Mention, Value};
use crate::hash::{FnvMap, FnvSet};
use crate::span::Span;
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;

/// The report's version; bumped only when an existing field changes meaning.
pub const VERSION: u32 = 1;

/// The unit of every `start`/`end` in a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Offsets {
    /// UTF-8 bytes (Rust `&text[start..end]`).
    Utf8,
    /// UTF-16 code units (JS `text.slice(start, end)`).
    Utf16,
    /// Unicode code points (Python `text[start:end]`).
    Codepoints,
}

/// The whole analysis of several sources.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// `VERSION`.
    pub version: u32,
    /// The unit of every `start`/`end`.
    pub offsets: Offsets,
    /// One per source, in input order.
    pub sources: Vec<SourceReport>,
    /// Across sources.
    pub comparison: Comparison,
    /// Problems that did not stop the analysis.
    pub warnings: Vec<String>,
}

/// A span with the text it covers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TextSpan {
    /// Start offset (unit: `Report::offsets`).
    pub start: usize,
    /// End offset (unit: `Report::offsets`).
    pub end: usize,
    /// The source text at the span.
    pub text: String,
}

impl TextSpan {
    /// The span `span` of `text`.
    pub fn new(text: &str, span: Span) -> TextSpan {
        TextSpan {
            start: span.start,
            end: span.end,
            text: text[span].to_string(),
        }
    }
}

/// What one source says.
#[derive(Clone, Debug, Serialize)]
pub struct SourceReport {
    /// Source id.
    pub id: String,
    /// Source name.
    pub name: String,
    /// The article's address, as given (trimmed); absent when not given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When the article was published, as given (trimmed); absent when not given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Entity mentions, sorted by span.
    pub entities: Vec<EntityOut>,
    /// Claim candidates, sorted by span.
    pub claims: Vec<ClaimOut>,
    /// Page-cruft lines.
    pub boilerplate: Vec<TextSpan>,
    /// Number of sentences.
    pub sentences: usize,
    /// Counts.
    pub summary: Summary,
}

/// A numeric value in the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ValueOut {
    /// Low end, `null` when open.
    #[serde(serialize_with = "number")]
    pub low: Option<f64>,
    /// High end, `null` when open.
    #[serde(serialize_with = "number")]
    pub high: Option<f64>,
    /// Unit, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'static str>,
}

/// Whole numbers print without a fraction ("2000", not "2000.0").
fn number<S: Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match x {
        Some(v) if v.fract() == 0.0 && v.abs() < 9.0e15 => s.serialize_i64(*v as i64),
        Some(v) if v.is_finite() => s.serialize_f64(*v),
        _ => s.serialize_none(),
    }
}

/// One entity mention.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityOut {
    /// Start offset.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// The mention's text.
    pub text: String,
    /// OntoNotes label.
    pub label: Label,
    /// Normalised key.
    pub key: String,
    /// Value of a numeric mention.
    #[serde(flatten)]
    pub value: Option<ValueOut>,
    /// ISO date of a resolved DATE.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iso: Option<String>,
}

impl EntityOut {
    fn new(text: &str, m: &Mention) -> EntityOut {
        EntityOut {
            start: m.span.start,
            end: m.span.end,
            text: text[m.span].to_string(),
            label: m.label,
            key: m.key.clone(),
            value: m.value.as_ref().map(|v: &Value| ValueOut {
                low: v.low,
                high: v.high,
                unit: v.unit,
            }),
            iso: m.iso.clone(),
        }
    }
}

/// One claim candidate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimOut {
    /// Start offset.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// The sentence.
    pub text: String,
    /// Check-worthiness in [0, 1].
    pub score: f64,
    /// `score >= CHECKWORTHY_THRESHOLD`.
    pub checkworthy: bool,
    /// Why it scored.
    pub reasons: Vec<Reason>,
    /// asserted | attributed | hedged | alleged | denied.
    pub certainty: &'static str,
    /// Who says it.
    pub attribution: AttributionOut,
    /// The numeric entities inside it.
    pub numbers: Vec<EntityOut>,
    /// Indexes into the source's `entities`.
    pub entities: Vec<usize>,
    /// The claim of another source most like it, when any was compared with it.
    pub closest: Option<Closest>,
}

/// Who says a claim.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttributionOut {
    /// named | anonymous | none.
    pub kind: &'static str,
    /// A direct quotation.
    pub quote: bool,
    /// The source's noun phrase.
    pub source: Option<TextSpan>,
    /// The cue.
    pub cue: Option<TextSpan>,
    /// The outlet that carried the words ("CNN" in "told CNN"), `null` when none is named.
    pub via: Option<TextSpan>,
    /// The entity the source is or stands for ("he" → the person named before), `null` when
    /// it names no one.
    pub resolved: Option<ResolvedOut>,
    /// The unnamed group or person a pronoun stands for, as an earlier sentence names its
    /// source ("they said" → "Federal prosecutors", "she said" → "one nurse"), `null` otherwise.
    pub stands_for: Option<TextSpan>,
}

/// The entity an attribution's source is or stands for.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResolvedOut {
    /// The entity's key, as in `entities`.
    pub key: String,
    /// Its fullest name in this source.
    pub name: String,
    /// The name mention the source was resolved to (in the source itself, or before it).
    pub mention: TextSpan,
}

impl ResolvedOut {
    /// The entity of the name mention at `span`, when there is one.
    fn new(
        text: &str,
        span: Span,
        mentions: &[Mention],
        names: &FullestNames<'_>,
    ) -> Option<ResolvedOut> {
        let m = mention_at(mentions, span)?;
        Some(ResolvedOut {
            key: m.key.clone(),
            name: names.of(&m.key),
            mention: TextSpan::new(text, span),
        })
    }
}

/// Each entity key's mention in one source that is written as the key, else its longest (the
/// first of equal ones in byte order),
/// found in one pass over the mentions when first asked for: asking mention by mention would
/// cost the mentions times the keys on a long text.
struct FullestNames<'a> {
    text: &'a str,
    mentions: &'a [Mention],
    by_key: std::cell::OnceCell<FnvMap<&'a str, &'a str>>,
}

impl<'a> FullestNames<'a> {
    fn new(text: &'a str, mentions: &'a [Mention]) -> Self {
        FullestNames {
            text,
            mentions,
            by_key: std::cell::OnceCell::new(),
        }
    }

    fn of(&self, key: &str) -> String {
        let by_key = self.by_key.get_or_init(|| {
            let mut by_key: FnvMap<&str, &str> = FnvMap::default();
            for m in self.mentions {
                let t = &self.text[m.span];
                let key = m.key.as_str();
                // The name the entity is known by across sources first ("Lakeshore Health",
                // not the longer "Lakeshore Memorial" merged with it).
                let rank = |t: &str| (t.eq_ignore_ascii_case(key), t.len());
                let best = by_key.entry(key).or_insert(t);
                if (rank(t), std::cmp::Reverse(t)) > (rank(best), std::cmp::Reverse(*best)) {
                    *best = t;
                }
            }
            by_key
        });
        by_key.get(key).copied().unwrap_or("").to_string()
    }
}

/// The mentions inside `span`, by binary search over mentions sorted by span.
fn mentions_in(mentions: &[Mention], span: Span) -> impl Iterator<Item = &Mention> {
    let k = mentions.partition_point(|m| m.span.start < span.start);
    mentions[k..]
        .iter()
        .take_while(move |m| m.span.start < span.end)
        .filter(move |m| span.contains(m.span))
}

/// The mention at exactly `span`, by binary search over mentions sorted by span.
fn mention_at(mentions: &[Mention], span: Span) -> Option<&Mention> {
    let k = mentions.partition_point(|m| m.span < span);
    mentions.get(k).filter(|m| m.span == span)
}

impl ClaimOut {
    fn new(text: &str, c: &Claim, mentions: &[Mention], names: &FullestNames<'_>) -> ClaimOut {
        let a = &c.attribution;
        ClaimOut {
            start: c.span.start,
            end: c.span.end,
            text: text[c.span].to_string(),
            score: c.score,
            checkworthy: c.score >= CHECKWORTHY_THRESHOLD,
            reasons: c.reasons.iter().collect(),
            certainty: c.certainty.as_str(),
            attribution: AttributionOut {
                kind: a.kind.as_str(),
                quote: a.quote,
                source: a.source.map(|s| TextSpan::new(text, s)),
                cue: a.cue.map(|s| TextSpan::new(text, s)),
                via: a.via.map(|s| TextSpan::new(text, s)),
                resolved: a
                    .resolved
                    .and_then(|s| ResolvedOut::new(text, s, mentions, names)),
                stands_for: a.stands_for.map(|s| TextSpan::new(text, s)),
            },
            numbers: c
                .entities
                .iter()
                .map(|&k| &mentions[k])
                .filter(|m| m.label.is_numeric())
                .map(|m| EntityOut::new(text, m))
                .collect(),
            entities: c.entities.clone(),
            closest: None,
        }
    }
}

/// Per-source counts.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Entity mentions.
    pub entities: usize,
    /// Mentions per label.
    pub entities_by_label: BTreeMap<&'static str, usize>,
    /// Claim candidates.
    pub claims: usize,
    /// Check-worthy claims.
    pub checkworthy: usize,
    /// Claims with a source.
    pub attributed: usize,
    /// Claims with an anonymous source.
    pub anonymous: usize,
    /// Hedged or alleged claims.
    pub hedged: usize,
    /// Boilerplate lines.
    pub boilerplate: usize,
    /// `attributed / claims` (0 when there are no claims).
    pub attributed_share: f64,
    /// `anonymous / claims`.
    pub anonymous_share: f64,
    /// `hedged / claims`.
    pub hedged_share: f64,
    /// The named people and outlets its claims cite, in order of first citation.
    pub cites: Vec<String>,
    /// Indexes into `claims` of its check-worthy claims that no other source makes.
    pub exclusive_claims: Vec<usize>,
    /// Keys of the entities most other sources name and it leaves out.
    pub omits: Vec<String>,
}

/// The people, organisations and outlets a source's claims cite: the entity each attribution
/// source of kind `named` is or stands for (else the named entities inside it), and `via`
/// outlets, once per entity (its fullest name
/// in this source), in order of first citation. Pronouns and unnamed phrases are not citations.
fn citations(
    text: &str,
    mentions: &[Mention],
    claims: &[Claim],
    names: &FullestNames<'_>,
) -> Vec<String> {
    use crate::claims::AttributionKind;
    let mut keys: Vec<&str> = Vec::new();
    let mut seen: FnvSet<&str> = FnvSet::default();
    let mut spans: Vec<Span> = Vec::new();
    for c in claims {
        let a = &c.attribution;
        // The entity the source is or stands for ("he" → the person named before).
        let resolved = a.resolved.filter(|_| a.kind == AttributionKind::Named);
        if let Some(m) = resolved.and_then(|s| mention_at(mentions, s)) {
            if seen.insert(m.key.as_str()) {
                keys.push(&m.key);
            }
        }
        let named = a
            .source
            .filter(|_| a.kind == AttributionKind::Named && resolved.is_none());
        for span in [named, a.via].into_iter().flatten() {
            let inside = mentions_in(mentions, span).filter(|m| {
                matches!(
                    m.label,
                    Label::Person | Label::Org | Label::Gpe | Label::Norp | Label::Fac
                )
            });
            let mut any = false;
            for m in inside {
                any = true;
                if seen.insert(m.key.as_str()) {
                    keys.push(&m.key);
                }
            }
            // An outlet the tagger did not know ("Al Arabiya.net") is still cited by name.
            if !any && Some(span) == a.via {
                spans.push(span);
            }
        }
    }
    let mut out: Vec<String> = keys.iter().map(|k| names.of(k)).collect();
    let mut written: FnvSet<String> = out.iter().cloned().collect();
    for span in spans {
        let t = &text[span];
        if written.insert(t.to_string()) {
            out.push(t.to_string());
        }
    }
    out
}

impl SourceReport {
    /// Builds one source's report (offsets in bytes).
    pub fn new(
        id: &str,
        name: &str,
        text: &str,
        sentences: usize,
        mentions: &[Mention],
        claims: &[Claim],
        boilerplate: &[Span],
    ) -> SourceReport {
        let entities: Vec<EntityOut> = mentions.iter().map(|m| EntityOut::new(text, m)).collect();
        let claims_in = claims;
        let names = FullestNames::new(text, mentions);
        let claims: Vec<ClaimOut> = claims
            .iter()
            .map(|c| ClaimOut::new(text, c, mentions, &names))
            .collect();
        let mut summary = Summary {
            entities: entities.len(),
            claims: claims.len(),
            boilerplate: boilerplate.len(),
            ..Summary::default()
        };
        for e in &entities {
            *summary
                .entities_by_label
                .entry(e.label.as_str())
                .or_default() += 1;
        }
        for c in &claims {
            summary.checkworthy += c.checkworthy as usize;
            summary.attributed += (c.attribution.kind != "none") as usize;
            summary.anonymous += (c.attribution.kind == "anonymous") as usize;
            summary.hedged += matches!(c.certainty, "hedged" | "alleged") as usize;
        }
        summary.cites = citations(text, mentions, claims_in, &names);
        let share = |x: usize| {
            if claims.is_empty() {
                0.0
            } else {
                (x as f64 / claims.len() as f64 * 1000.0).round() / 1000.0
            }
        };
        summary.attributed_share = share(summary.attributed);
        summary.anonymous_share = share(summary.anonymous);
        summary.hedged_share = share(summary.hedged);
        SourceReport {
            id: id.to_string(),
            name: name.to_string(),
            url: None,
            published: None,
            entities,
            claims,
            boilerplate: boilerplate
                .iter()
                .map(|&b| TextSpan::new(text, b))
                .collect(),
            sentences,
            summary,
        }
    }

    /// Calls `f` on every offset in this source's report.
    pub fn for_each_offset(&mut self, f: &mut dyn FnMut(&mut usize)) {
        for e in &mut self.entities {
            f(&mut e.start);
            f(&mut e.end);
        }
        for c in &mut self.claims {
            f(&mut c.start);
            f(&mut c.end);
            let resolved = c.attribution.resolved.as_mut().map(|r| &mut r.mention);
            for s in [
                c.attribution.source.as_mut(),
                c.attribution.cue.as_mut(),
                c.attribution.via.as_mut(),
                resolved,
                c.attribution.stands_for.as_mut(),
            ]
            .into_iter()
            .flatten()
            {
                f(&mut s.start);
                f(&mut s.end);
            }
            for n in &mut c.numbers {
                f(&mut n.start);
                f(&mut n.end);
            }
        }
        for b in &mut self.boilerplate {
            f(&mut b.start);
            f(&mut b.end);
        }
    }
}

/// Fills the fields that need the comparison: each claim's closest claim elsewhere, and the
/// summary's exclusive claims and omissions.
pub fn summarise_comparison(sources: &mut [SourceReport], comparison: &mut Comparison) {
    for (s, closest) in sources
        .iter_mut()
        .zip(std::mem::take(&mut comparison.closest))
    {
        for (c, x) in s.claims.iter_mut().zip(closest) {
            c.closest = x;
        }
    }
    for s in sources.iter_mut() {
        s.summary.exclusive_claims = comparison
            .claims
            .iter()
            .filter(|g| g.sources == 1)
            .flat_map(|g| &g.members)
            .filter(|m| m.source == s.id && s.claims[m.claim].checkworthy)
            .map(|m| m.claim)
            .collect();
        s.summary.exclusive_claims.sort_unstable();
        s.summary.omits = comparison
            .entities
            .iter()
            .filter(|e| e.omitted_by.contains(&s.id))
            .map(|e| e.key.clone())
            .collect();
    }
}

/// Across sources.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Comparison {
    /// Entity clusters.
    pub entities: Vec<EntityCluster>,
    /// Claim groups.
    pub claims: Vec<ClaimGroup>,
    /// Per source, per claim: its closest claim in another source (moved into each claim's
    /// `closest` by [`summarise_comparison`]).
    #[serde(skip)]
    pub closest: Vec<Vec<Option<Closest>>>,
}

/// The claim of another source most like a claim, among the pairs the comparison scored.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Closest {
    /// Its source id.
    pub source: String,
    /// Its index in that source's `claims`.
    pub claim: usize,
    /// The probability that the two state the same thing.
    pub similarity: f64,
}

/// Mentions per source id, in source order (serialised as a JSON object).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceCounts(pub Vec<(String, usize)>);

impl SourceCounts {
    /// All mentions.
    pub fn total(&self) -> usize {
        self.0.iter().map(|(_, c)| c).sum()
    }

    /// Mentions in source `id`.
    pub fn get(&self, id: &str) -> usize {
        self.0.iter().find(|(s, _)| s == id).map_or(0, |(_, c)| *c)
    }
}

impl Serialize for SourceCounts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// One entity across sources.
#[derive(Clone, Debug, Serialize)]
pub struct EntityCluster {
    /// Shared key (the alias cluster).
    pub key: String,
    /// Canonical display name.
    pub name: String,
    /// Most frequent label.
    pub label: Label,
    /// Surface forms, sorted.
    pub names: Vec<String>,
    /// Mentions per source.
    pub sources: SourceCounts,
    /// Sources that leave out an entity most sources name.
    pub omitted_by: Vec<String>,
}

/// The status of a claim group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupStatus {
    /// Two or more sources.
    Corroborated,
    /// One source.
    SingleSource,
    /// Members that cannot all be true.
    Conflicting,
}

/// One claim across sources.
#[derive(Clone, Debug, Serialize)]
pub struct ClaimGroup {
    /// corroborated | single_source | conflicting.
    pub status: GroupStatus,
    /// The claims in it.
    pub members: Vec<Member>,
    /// Distinct sources among the members.
    pub sources: usize,
    /// Independent origins: members citing one source or copying one text count once.
    pub origins: usize,
    /// One member asserts what another hedges, attributes, alleges or denies.
    pub drift: bool,
    /// Why the members cannot all be right, `null` when they can.
    pub conflict: Option<Conflict>,
    /// The mean probability, over pairs of members from different sources, that the two state
    /// the same thing; `null` for one source.
    pub similarity: Option<f64>,
    /// Keys of the entities that members from two or more sources name.
    pub entities: Vec<String>,
    /// Numbers that members from two or more sources give (as the first one writes it).
    pub numbers: Vec<String>,
}

/// How a member stands to the claim of its group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// States it in its own voice.
    Agrees,
    /// Attributes, hedges or alleges it.
    Reports,
    /// Denies it, or gives a number that cannot hold with the others'.
    Disputes,
}

/// What kind of conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// Numbers for the same thing whose ranges do not overlap.
    Numeric,
    /// One source denies what another states.
    Negation,
    /// Two sources give one event days that cannot both be right.
    Date,
}

/// Why a group's members cannot all be right.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conflict {
    /// numeric | negation | date.
    pub kind: ConflictKind,
    /// A sentence a person can read.
    pub detail: String,
}

/// One claim of a group.
#[derive(Clone, Debug, Serialize)]
pub struct Member {
    /// Source id.
    pub source: String,
    /// Index into that source's `claims`.
    pub claim: usize,
    /// The member's certainty (asserted … denied).
    pub certainty: &'static str,
    /// agrees | reports | disputes.
    pub stance: Stance,
    /// Its mean probability with the members of other sources; `null` when there are none.
    pub similarity: Option<f64>,
    /// Which of the group's origins it belongs to (0, 1, …).
    pub origin: usize,
    /// When it is a headline in the group because its lede is: the lede's index in its
    /// source's `claims`; else `null`.
    pub headline_of: Option<usize>,
    /// (source index, claim index), for sorting.
    #[serde(skip)]
    pub order: (usize, usize),
}
