//! One claim group as the report shows it: its status, each member's stance, conflicts,
//! independent origins, certainty drift, and why its members are together (similarity, shared
//! names and numbers).

use super::claim::{disjoint, figures_agree, one_number, same_measured, ClaimInfo, Figure};
use super::grouping::Grouping;
use super::Analysed;
use crate::claims::{AttributionKind, Certainty};
use crate::hash::{FnvMap, WordMap};
use crate::report::{ClaimGroup, Conflict, ConflictKind, GroupStatus, Member, Stance};
use std::collections::BTreeSet;

/// Members sharing at least this share of the smaller one's word 5-grams copy each other.
pub const COPIED: f64 = 0.5;

/// Groups with more distinct claims than this expose only the similarities already scored.
const MAX_SCORED: usize = 64;

/// Builds one group from its members (indexes into `infos`, sorted).
#[inline(never)] // per group: see `crate::analyze` on wasm tiering
pub fn build(
    sources: &[Analysed],
    infos: &[ClaimInfo],
    grouping: &Grouping,
    members: &[usize],
) -> ClaimGroup {
    let mut source_ids: Vec<usize> = members.iter().map(|&i| infos[i].source).collect();
    source_ids.sort_unstable();
    source_ids.dedup();
    let mut disputes = numeric_disputes(infos, members);
    let days = day_disputes(sources, infos, members);
    if !disputes.iter().any(|&d| d) {
        disputes.clone_from(&days.disputes);
    }
    let conflict = conflict(sources, infos, members, &disputes).or(days.conflict);
    let status = if conflict.is_some() {
        GroupStatus::Conflicting
    } else if source_ids.len() >= 2 {
        GroupStatus::Corroborated
    } else {
        GroupStatus::SingleSource
    };
    let origin = origins(infos, members);
    let similarity = similarities(infos, grouping, members);
    // Most members deny nothing (see `denies`): the others need not be read for them.
    let may_deny = |x: &ClaimInfo| {
        (x.certainty == Certainty::Denied && !x.content.is_empty())
            || (matches!(x.certainty, Certainty::Asserted | Certainty::Attributed)
                && !x.negated_words.is_empty())
    };
    let stated_elsewhere = |i: usize| {
        may_deny(&infos[i]) && members.iter().any(|&j| contradicts(&infos[i], &infos[j]))
    };
    // Numbered in order of first appearance; only looked up.
    let mut origin_ids: FnvMap<usize, usize> = FnvMap::default();
    let mut out_members = Vec::with_capacity(members.len());
    for (a, &i) in members.iter().enumerate() {
        let x = &infos[i];
        let next = origin_ids.len();
        let origin = *origin_ids.entry(origin[a]).or_insert(next);
        let stance = if disputes[a] || stated_elsewhere(i) {
            Stance::Disputes
        } else if x.certainty == Certainty::Asserted {
            Stance::Agrees
        } else {
            Stance::Reports
        };
        out_members.push(Member {
            source: sources[x.source].id.to_string(),
            claim: x.claim,
            certainty: x.certainty.as_str(),
            stance,
            similarity: similarity.members[a].map(round),
            origin,
            headline_of: grouping.headline_of[i].map(|l| infos[l].claim),
            order: (x.source, x.claim),
        });
    }
    // A headline drops the attribution its article gives as a rule: that is no drift.
    let certainties: BTreeSet<Certainty> = members
        .iter()
        .filter(|&&i| !grouping.headline[i])
        .map(|&i| infos[i].certainty)
        .collect();
    let drift = source_ids.len() >= 2
        && certainties.contains(&Certainty::Asserted)
        && certainties.len() > 1;
    let (entities, numbers) = shared_names_and_numbers(sources, infos, members);
    ClaimGroup {
        status,
        members: out_members,
        sources: source_ids.len(),
        origins: origin_ids.len(),
        drift,
        conflict,
        similarity: similarity.group.map(round),
        entities,
        numbers,
    }
}

/// Three decimals are all a reader or a test needs, and they keep the JSON short.
fn round(x: f32) -> f64 {
    (x as f64 * 1000.0).round() / 1000.0
}

/// The similarities a group exposes.
struct Similarities {
    /// Per member: its mean probability with the members of other sources.
    members: Vec<Option<f32>>,
    /// The mean over all pairs of members from different sources, headlines that are in the
    /// group by their lede left out.
    group: Option<f32>,
}

fn similarities(infos: &[ClaimInfo], grouping: &Grouping, members: &[usize]) -> Similarities {
    let k = members.len();
    let mut out = Similarities {
        members: vec![None; k],
        group: None,
    };
    if k < 2 {
        return out;
    }
    // Distinct claims, with their members, so copies are scored once.
    let mut distinct: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut by_words: FnvMap<&[u64], usize> = FnvMap::default();
    for (a, &i) in members.iter().enumerate() {
        let d = *by_words
            .entry(infos[i].words.as_slice())
            .or_insert_with(|| {
                distinct.push((i, Vec::new()));
                distinct.len() - 1
            });
        distinct[d].1.push(a);
    }
    let m = distinct.len();
    let mut p = vec![1f32; m * m];
    for x in 0..m {
        for y in x + 1..m {
            let (i, j) = (distinct[x].0, distinct[y].0);
            let s = if m <= MAX_SCORED {
                grouping.probability(infos, i, j)
            } else {
                grouping.scored(i, j).unwrap_or(0.0)
            };
            p[x * m + y] = s;
            p[y * m + x] = s;
        }
    }
    let mut d_of = vec![0; k];
    for (d, (_, list)) in distinct.iter().enumerate() {
        for &a in list {
            d_of[a] = d;
        }
    }
    // Each member's source and whether it is a headline in by its lede, read once: the loops
    // below visit every pair of members, and a group can have thousands.
    let source: Vec<usize> = members.iter().map(|&i| infos[i].source).collect();
    let headline: Vec<bool> = members
        .iter()
        .map(|&i| grouping.headline_of[i].is_some())
        .collect();
    let (mut total, mut pairs) = (0.0f64, 0usize);
    for a in 0..k {
        let row = &p[d_of[a] * m..(d_of[a] + 1) * m];
        let (mut sum, mut n) = (0.0f64, 0usize);
        // One pass for both sums (each still added in member order): the two chains of
        // additions overlap instead of running one after the other.
        for b in 0..k {
            if source[a] != source[b] {
                let v = row[d_of[b]] as f64;
                sum += v;
                n += 1;
                if !headline[a] && !headline[b] {
                    total += v;
                    pairs += 1;
                }
            }
        }
        if n > 0 {
            out.members[a] = Some((sum / n as f64) as f32);
        }
    }
    if pairs > 0 {
        out.group = Some((total / pairs as f64) as f32);
    }
    out
}

/// Origins: one outlet's own claims are one origin; so are claims citing one source, and claims
/// copying each other's text. Returns each member's origin as a representative member index.
fn origins(infos: &[ClaimInfo], members: &[usize]) -> Vec<usize> {
    // Joined through maps, then pairwise only among distinct texts, so a story repeated by a
    // hundred outlets costs a hundred steps, not ten thousand.
    let k = members.len();
    let mut uf = UnionFind((0..k).collect());
    let mut first_of_source: FnvMap<usize, usize> = FnvMap::default();
    let mut first_citing: WordMap<&str, usize> = WordMap::default();
    let mut first_text: FnvMap<&[u64], usize> = FnvMap::default();
    let mut distinct: Vec<usize> = Vec::new();
    for (a, &i) in members.iter().enumerate() {
        let x = &infos[i];
        let b = *first_of_source.entry(x.source).or_insert(a);
        uf.union(a, b);
        for c in &x.cites {
            let b = *first_citing.entry(c.as_str()).or_insert(a);
            uf.union(a, b);
        }
        if !x.shingles.is_empty() {
            let b = *first_text.entry(x.shingles.as_slice()).or_insert(a);
            uf.union(a, b);
            if b == a {
                distinct.push(a);
            }
        }
    }
    for (p, &a) in distinct.iter().enumerate() {
        for &b in &distinct[p + 1..] {
            if uf.root(a) != uf.root(b)
                && copied(&infos[members[a]].shingles, &infos[members[b]].shingles)
            {
                uf.union(a, b);
            }
        }
    }
    (0..k).map(|a| uf.root(a)).collect()
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn root(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

/// True when two sorted shingle sets share at least `COPIED` of the smaller one.
fn copied(x: &[u64], y: &[u64]) -> bool {
    let smaller = x.len().min(y.len());
    smaller > 0 && super::claim::shared(x, y) as f64 >= COPIED * smaller as f64
}

/// Per member: whether it disputes the group with a number. A member disputes when more
/// sources give the same counted thing a value that cannot hold with its own than give a value
/// that agrees (its own source included); in a tie, the later account disputes the earlier.
fn numeric_disputes(infos: &[ClaimInfo], members: &[usize]) -> Vec<bool> {
    let k = members.len();
    let mut out = vec![false; k];
    // Only members with figures, and each distinct (source, figures, dates) once.
    let with: Vec<usize> = (0..k)
        .filter(|&a| !infos[members[a]].figures.is_empty())
        .collect();
    if with.len() < 2 || with.len() > MAX_SCORED * 4 {
        return out;
    }
    let agree = FiguresAgree::new(with.iter().map(|&a| &infos[members[a]]).collect());
    // How many sources give a value that agrees with each member's (its own included). Each
    // source is counted once per member by marking it with the member's number: a set per
    // member would cost an insertion per pair.
    let sources = with
        .iter()
        .map(|&a| infos[members[a]].source + 1)
        .max()
        .unwrap_or(0);
    let (mut agree_mark, mut differ_mark) = (vec![usize::MAX; sources], vec![usize::MAX; sources]);
    let mut support = vec![0usize; with.len()];
    for (i, &a) in with.iter().enumerate() {
        let x = &infos[members[a]];
        agree_mark[x.source] = i;
        let (mut agrees, mut differ) = (1, 0);
        let mut earlier_differs = false;
        for (j, &b) in with.iter().enumerate() {
            let y = &infos[members[b]];
            if y.source == x.source {
                continue;
            }
            match agree.get(i, j) {
                Some(true) if agree_mark[y.source] != i => {
                    agree_mark[y.source] = i;
                    agrees += 1;
                }
                Some(false) if super::pair::grouped_in_dispute(x, y) => {
                    if differ_mark[y.source] != i {
                        differ_mark[y.source] = i;
                        differ += 1;
                    }
                    earlier_differs |= b < a;
                }
                _ => {}
            }
        }
        out[a] = differ > agrees || (differ == agrees && earlier_differs);
        support[i] = agrees;
    }
    // A figure that agrees with both sides ("at least four" beside "four" and "six"), or
    // accounts in dispute with only some of those that differ from them, settle nothing: two
    // accounts that cannot both hold still conflict, the one fewer sources agree with
    // disputing, in a tie the later.
    if !out.iter().any(|&d| d) {
        for (i, &a) in with.iter().enumerate() {
            let x = &infos[members[a]];
            out[a] = with.iter().enumerate().any(|(j, &b)| {
                let y = &infos[members[b]];
                (support[j] > support[i] || (support[j] == support[i] && j < i))
                    && y.source != x.source
                    && agree.get(i, j) == Some(false)
                    && super::pair::grouped_in_dispute(x, y)
            });
        }
    }
    // A member giving the figure of a disputing one disputes too, when another source's figure
    // differs from it; so does the same figure told again by the disputing member's own outlet
    // ("1.4 million patients" in a headline above the article's "roughly 1.4 million").
    let disputing: Vec<usize> = (0..with.len()).filter(|&i| out[with[i]]).collect();
    if !disputing.is_empty() {
        let mut more = Vec::new();
        for (i, &a) in with.iter().enumerate() {
            if out[a] {
                continue;
            }
            let x = &infos[members[a]];
            let against = || {
                with.iter().enumerate().any(|(j, &b)| {
                    infos[members[b]].source != x.source && agree.get(i, j) == Some(false)
                })
            };
            let like = disputing.iter().any(|&j| {
                let y = &infos[members[with[j]]];
                (agree.get(i, j) == Some(true) && against())
                    || (y.source == x.source && super::claim::one_figure_twice(x, y))
            });
            if like {
                more.push(a);
            }
        }
        for a in more {
            out[a] = true;
        }
    }
    out
}

/// [`figures_agree`] between the members of a group, computed once for each pair of kinds of
/// members: members whose figures, dates and times are the same to the bit (one sentence in many
/// outlets) agree and differ alike, and the figures' vectors make each call costly.
struct FiguresAgree<'a> {
    /// The kind of each member, and a member of each kind.
    kind: Vec<usize>,
    first: Vec<&'a ClaimInfo>,
    /// By pair of kinds: `figures_agree`, once computed.
    known: std::cell::RefCell<Vec<Option<Option<bool>>>>,
}

impl<'a> FiguresAgree<'a> {
    fn new(members: Vec<&'a ClaimInfo>) -> FiguresAgree<'a> {
        let mut kind = Vec::with_capacity(members.len());
        let mut first: Vec<&ClaimInfo> = Vec::new();
        let mut by_key: FnvMap<u64, Vec<usize>> = FnvMap::default();
        for x in &members {
            let same = by_key.entry(figures_key(x)).or_default();
            let k = match same.iter().find(|&&k| same_figures(first[k], x)) {
                Some(&k) => k,
                None => {
                    first.push(x);
                    same.push(first.len() - 1);
                    first.len() - 1
                }
            };
            kind.push(k);
        }
        let n = first.len();
        FiguresAgree {
            kind,
            first,
            known: std::cell::RefCell::new(vec![None; n * n]),
        }
    }

    /// `figures_agree` of members `i` and `j`.
    fn get(&self, i: usize, j: usize) -> Option<bool> {
        let (a, b) = (self.kind[i], self.kind[j]);
        let at = a * self.first.len() + b;
        if let Some(known) = self.known.borrow()[at] {
            return known;
        }
        let answer = figures_agree(self.first[a], self.first[b]);
        self.known.borrow_mut()[at] = Some(answer);
        answer
    }
}

/// A hash of what [`figures_agree`] reads of a claim (see [`same_figures`]).
fn figures_key(x: &ClaimInfo) -> u64 {
    use crate::hash::{fnv, FNV_OFFSET};
    let mut h = fnv(FNV_OFFSET, &[u8::from(x.in_context)]);
    for d in &x.dates {
        h = fnv(h, d.as_bytes());
        h = fnv(h, &[0xff]);
    }
    for t in &x.times {
        h = fnv(h, t.as_bytes());
        h = fnv(h, &[0xfe]);
    }
    for f in &x.figures {
        let bits = |v: Option<f64>| v.map_or(1, |v| v.to_bits() ^ 2);
        for v in [
            bits(f.low),
            bits(f.high),
            f.noun,
            f.object,
            f.measure,
            f.rounding.to_bits(),
            u64::from(f.with_others),
            f.when,
        ] {
            h = fnv(h, &v.to_le_bytes());
        }
    }
    h
}

/// True when two claims are the same to the bit in all that [`figures_agree`] reads: whether
/// they are in a context, their dates, times and figures.
fn same_figures(x: &ClaimInfo, y: &ClaimInfo) -> bool {
    let bits = |v: Option<f64>| v.map(f64::to_bits);
    let same_vector = |u: &[f32], v: &[f32]| {
        u.len() == v.len() && u.iter().zip(v).all(|(a, b)| a.to_bits() == b.to_bits())
    };
    let same = |f: &Figure, g: &Figure| {
        f.label == g.label
            && bits(f.low) == bits(g.low)
            && bits(f.high) == bits(g.high)
            && f.unit == g.unit
            && f.noun == g.noun
            && same_vector(&f.noun_vector, &g.noun_vector)
            && f.toll == g.toll
            && f.object == g.object
            && f.measure == g.measure
            && f.role.len() == g.role.len()
            && f.role
                .iter()
                .zip(&g.role)
                .all(|((a, u), (b, v))| a == b && same_vector(u, v))
            && f.rounding.to_bits() == g.rounding.to_bits()
            && f.with_others == g.with_others
            && f.when == g.when
            && f.when_iso == g.when_iso
    };
    x.in_context == y.in_context
        && x.dates == y.dates
        && x.times == y.times
        && x.figures.len() == y.figures.len()
        && x.figures.iter().zip(&y.figures).all(|(f, g)| same(f, g))
}

/// Members that give another day than an earlier member of another source for what both say,
/// and the first such pair in words.
struct DayDisputes {
    disputes: Vec<bool>,
    conflict: Option<Conflict>,
}

/// "Talks resume on Thursday" beside "talks restart on Wednesday": two members of different
/// sources that say one thing (as sure as a numeric dispute needs) on days that cannot both be
/// right. Days compare as days of one kind: ISO dates with ISO dates, weekdays with weekdays
/// ("Thursday" may be 7 March). A member that gives either day of the other is no dispute:
/// "began on Monday and resumes Thursday" tells of two moments.
fn day_disputes(sources: &[Analysed], infos: &[ClaimInfo], members: &[usize]) -> DayDisputes {
    let k = members.len();
    let mut out = DayDisputes {
        disputes: vec![false; k],
        conflict: None,
    };
    // Each member's days: (the day, as written).
    // Read until more than `MAX_SCORED` members give days: then none is compared.
    let mut days: Vec<Vec<(&str, &str)>> = Vec::with_capacity(k);
    let mut with: Vec<usize> = Vec::new();
    for (a, &i) in members.iter().enumerate() {
        let d = event_days(&sources[infos[i].source], &infos[i]);
        if !d.is_empty() {
            if with.len() == MAX_SCORED {
                return out;
            }
            with.push(a);
        }
        days.push(d);
    }
    if with.len() < 2 {
        return out;
    }
    let iso = |d: &str| d.len() == 10;
    for (n, &a) in with.iter().enumerate() {
        for &b in &with[..n] {
            let (x, y) = (&infos[members[a]], &infos[members[b]]);
            if x.source == y.source {
                continue;
            }
            let clash = days[a].iter().find_map(|&(d, text)| {
                let others: Vec<_> = days[b].iter().filter(|o| iso(o.0) == iso(d)).collect();
                let shared = days[a].iter().any(|m| others.iter().any(|o| o.0 == m.0));
                (!others.is_empty() && !shared).then(|| (text, others[0].1))
            });
            let Some((text, other)) = clash else { continue };
            // Whole sentences: a clause in common ("a mother of 12 was killed") says nothing
            // of the day the rest gives ("went on trial Wednesday", "a video released Thursday").
            if super::pair::sentence_similarity(x, y) < super::pair::grouped_dispute_bar(x, y) {
                continue;
            }
            out.disputes[a] = true;
            out.conflict.get_or_insert_with(|| Conflict {
                kind: ConflictKind::Date,
                detail: format!(
                    "“{}” ({}) and “{}” ({}) cannot both be right",
                    other, sources[y.source].name, text, sources[x.source].name
                ),
            });
            break;
        }
    }
    out
}

/// The days a claim gives for what it states: (the day, as written). None when it gives a day
/// that could be any ("today", "yesterday": the day of its writing), or when the claim is little
/// more than a date (a dateline, "Posted: Thursday, July 29"). A day right after the speech
/// verb ("officials said Saturday"), or anywhere in an attribution that follows the statement
/// ("…, the governor told a news conference on Monday"), is when it was said, not when it
/// happened: left out.
fn event_days<'a>(src: &'a Analysed, x: &ClaimInfo) -> Vec<(&'a str, &'a str)> {
    use crate::entities::Label;
    let claim = &src.claims[x.claim];
    let dates: Vec<&crate::entities::Mention> = claim
        .entities
        .iter()
        .map(|&e| &src.mentions[e])
        .filter(|m| matches!(m.label, Label::Date | Label::Time))
        .collect();
    // Most claims give no day: nothing more to read.
    if dates.is_empty() {
        return Vec::new();
    }
    let inside = |at: (u32, u32)| {
        dates
            .iter()
            .any(|m| m.span.start <= at.0 as usize && at.1 as usize <= m.span.end)
    };
    let stated = x.content_at.iter().filter(|&&at| !inside(at)).count();
    if stated < DAY_CLAIM_MIN_WORDS {
        return Vec::new();
    }
    // An attribution after what it attributes ("…, the governor told a news conference on
    // Monday", "…, said the governor on Monday"): every day after its cue is when it was said.
    let a = &claim.attribution;
    let trailing = a.cue.is_some_and(|cue| {
        let first = a.source.map_or(cue.start, |s| s.start.min(cue.start));
        src.text
            .get(claim.span.start..first)
            .is_some_and(|t| t.trim_end().ends_with([',', '”', '"']))
    });
    let said_on = |m: &crate::entities::Mention| {
        a.cue.is_some_and(|cue| {
            let between = src.text.get(cue.end..m.span.start).unwrap_or("x").trim();
            m.span.start >= cue.end
                && (between.is_empty()
                    || between.eq_ignore_ascii_case("on")
                    || (trailing && !between.split_whitespace().any(|w| w == "that")))
        })
    };
    let mut out = Vec::new();
    for m in dates {
        let key = m.key.as_str();
        if RELATIVE_DAYS
            .iter()
            .any(|d| key.split(' ').any(|w| w == *d))
        {
            return Vec::new();
        }
        if m.label == Label::Date && !said_on(m) {
            if let Some(day) = crate::entities::dates::one_day(key, m.iso.as_deref()) {
                out.push((day, &src.text[m.span]));
            }
        }
    }
    out
}

/// Words that name a day only from when the text was written.
const RELATIVE_DAYS: &[&str] = &["today", "tonight", "yesterday", "tomorrow"];

/// A claim gives a day for what it states when it has this many content words besides its dates.
const DAY_CLAIM_MIN_WORDS: usize = 3;

/// Why a group's members cannot all be right: a number that disputes the others, or a denial of
/// what another source states.
fn conflict(
    sources: &[Analysed],
    infos: &[ClaimInfo],
    members: &[usize],
    disputes: &[bool],
) -> Option<Conflict> {
    // Each counted thing in dispute once ("31" / "29" injured, "six" / "seven" dead), the
    // disputing members' first.
    let mut told: Vec<&Figure> = Vec::new();
    let mut details: Vec<String> = Vec::new();
    let any = disputes.iter().any(|&d| d);
    let order = (0..members.len())
        .filter(|&a| disputes[a])
        .chain((0..members.len()).filter(|&a| any && !disputes[a]));
    for a in order {
        let x = &infos[members[a]];
        for &j in members {
            let y = &infos[j];
            if y.source == x.source || !super::pair::grouped_in_dispute(x, y) {
                continue;
            }
            let story = x.in_context && y.in_context;
            for f in &x.figures {
                if told.iter().any(|t| same_measured(t, f, story)) {
                    continue;
                }
                if let Some(g) = y
                    .figures
                    .iter()
                    .find(|g| same_measured(f, g, story) && disjoint(f, g))
                {
                    told.push(f);
                    // Every other source's value of the same thing in dispute with either, so
                    // a reader sees all of them: "nine", "Seven" and "eleven" injured.
                    let mut values = vec![(g, y.source), (f, x.source)];
                    // Another member giving the very value of either joins that side:
                    // "“14” (wire, tv)".
                    for &k in members {
                        let z = &infos[k];
                        if values.iter().any(|&(_, s)| s == z.source) {
                            continue;
                        }
                        let found = if super::pair::grouped_in_dispute(z, x)
                            || super::pair::grouped_in_dispute(z, y)
                        {
                            z.figures.iter().find(|h| {
                                same_measured(f, h, story) && (disjoint(f, h) || disjoint(g, h))
                            })
                        } else {
                            let same = |h: &Figure, v: &Figure| h.low == v.low && h.high == v.high;
                            z.figures
                                .iter()
                                .find(|h| same_measured(f, h, story) && (same(h, f) || same(h, g)))
                        };
                        if let Some(h) = found {
                            told.push(h);
                            values.push((h, z.source));
                        }
                    }
                    // Sources giving one value are named together: "“14” (wire, tv) and
                    // “11” (paper)". Values that fit one another are one side ("“three”
                    // (paper) / “at least three” (tv)"): only the sides cannot all be right.
                    // Each value's sources in the order of the sources.
                    let mut merged: Vec<(&Figure, Vec<usize>)> = Vec::new();
                    for &(v, s) in &values {
                        match merged
                            .iter_mut()
                            .find(|(w, _)| w.low == v.low && w.high == v.high)
                        {
                            Some((_, of)) => of.push(s),
                            None => merged.push((v, vec![s])),
                        }
                    }
                    let mut sides: Vec<Vec<String>> = Vec::new();
                    let mut firsts: Vec<&Figure> = Vec::new();
                    for (v, of) in merged.iter_mut() {
                        of.sort_unstable();
                        let names: Vec<&str> = of.iter().map(|&s| sources[s].name).collect();
                        let told = format!("“{}” ({})", quoted_figure(&v.text), names.join(", "));
                        match firsts.iter().position(|w| !disjoint(w, v)) {
                            Some(k) => sides[k].push(told),
                            None => {
                                firsts.push(v);
                                sides.push(vec![told]);
                            }
                        }
                    }
                    if sides.len() < 2 {
                        continue;
                    }
                    let named: Vec<String> = sides.iter().map(|s| s.join(" / ")).collect();
                    if let Some((last, rest)) = named.split_last() {
                        let all = if rest.len() == 1 { "both" } else { "all" };
                        details.push(format!(
                            "{} and {last} cannot {all} be right",
                            rest.join(", ")
                        ));
                    }
                }
            }
        }
    }
    if !details.is_empty() {
        return Some(Conflict {
            kind: ConflictKind::Numeric,
            detail: details.join("; "),
        });
    }
    let (denied, stated) = members.iter().find_map(|&i| {
        members
            .iter()
            .find(|&&j| contradicts(&infos[i], &infos[j]))
            .map(|&j| (i, j))
    })?;
    Some(Conflict {
        kind: ConflictKind::Negation,
        detail: format!(
            "denied by {}, {} {}",
            voice(sources, &infos[denied]),
            stated_how(&infos[stated]),
            voice(sources, &infos[stated])
        ),
    })
}

/// Who speaks in a claim, for a conflict's words: its named speaker with the outlet
/// ("Mercy Valley (wire)"), its unnamed source with the outlet ("a person with knowledge of the
/// talks (tech)"), or the outlet alone when the claim is the outlet's own.
fn voice(sources: &[Analysed], info: &ClaimInfo) -> String {
    let source = &sources[info.source];
    let outlet = source.name;
    let Some(claim) = source.claims.get(info.claim) else {
        return outlet.to_string();
    };
    let a = &claim.attribution;
    let span = match a.kind {
        AttributionKind::Named => a.resolved.or(a.source),
        AttributionKind::Anonymous => a.source,
        AttributionKind::None => None,
    };
    let who = span
        .and_then(|s| source.text.get(s.start..s.end))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty() && t.chars().count() <= 80)
        .map(|t| match a.kind {
            AttributionKind::Anonymous => mid_sentence(&t),
            _ => t,
        });
    match who {
        Some(who) => format!("{who} ({outlet})"),
        None => outlet.to_string(),
    }
}

/// A figure as it reads inside a sentence: "At least 31" opening its sentence is "at least
/// 31" in a conflict's words; a figure in words alone ("Dozens") keeps its capital, and so does
/// a unit ("US$").
fn quoted_figure(text: &str) -> String {
    let mut words = text.splitn(2, ' ');
    let (first, rest) = (words.next().unwrap_or(""), words.next());
    let plain_word = first.chars().all(char::is_alphabetic)
        && first.chars().skip(1).all(char::is_lowercase)
        && rest.is_some_and(|r| r.chars().any(|c| c.is_ascii_digit()));
    if plain_word {
        format!("{}{}", first.to_lowercase(), &text[first.len()..])
    } else {
        text.to_string()
    }
}

/// An unnamed source as it reads inside a sentence: its opening article or number in lower
/// case ("two people familiar with the matter"), names left as written ("Halvorsen officials").
fn mid_sentence(who: &str) -> String {
    let first = who.split_whitespace().next().unwrap_or("");
    let lower = first.to_lowercase();
    let opening = matches!(
        lower.as_str(),
        "a" | "an" | "the" | "some" | "several" | "many"
    ) || crate::entities::numbers::small_number(&lower).is_some();
    if opening && first != lower {
        format!("{lower}{}", &who[first.len()..])
    } else {
        who.to_string()
    }
}

/// Whether `stated`, of another source, states what `denied` denies: it states something, and
/// the two say one thing as two sentences given alone must (the pair model's threshold outside
/// a story: "Officials denied that the dam had failed" / "The dam had failed, residents said"). A group holds claims that share
/// a topic ("the chief executive said the walkout was irresponsible" beside "she denied that
/// pilots were underpaid"); only a denial of the same statement disputes it.
/// One speaker in two outlets, denying one thing and stating another ("denied that its jets
/// struck the hospital" / "Our aircraft struck a military target"), disputes nothing.
fn contradicts(denied: &ClaimInfo, stated: &ClaimInfo) -> bool {
    stated.source != denied.source
        && !denied.cites.iter().any(|c| stated.cites.contains(c))
        && denies(denied, stated)
        && states_what_is_denied(stated)
        && super::pair::similarity(denied, stated) >= super::pair::model().threshold
}

/// Whether `x` is a denial of what `y` states: it denies something `y` speaks of ("denied
/// paying" / "paid"; a word besides the names in common: "Sandvik denied that pilots were
/// underpaid" does not deny "Sandvik said the walkout was irresponsible"), or states in the
/// negative a word that `y` states ("said it had not paid any ransom" / "paid the ransom").
fn denies(x: &ClaimInfo, y: &ClaimInfo) -> bool {
    (x.certainty == Certainty::Denied
        && x.denied.iter().any(|w| y.content.binary_search(w).is_ok()))
        || (matches!(x.certainty, Certainty::Asserted | Certainty::Attributed)
            && !y.negated
            && x.negated_words
                .iter()
                .any(|h| y.content.binary_search(h).is_ok()))
}

/// Whether a claim states what another member denies: it is stated, however surely (asserted,
/// attributed, hedged or alleged), and not itself in the negative. "He has denied any
/// wrongdoing" and "his lawyer said he had done nothing wrong" say the same thing; "the company
/// denied that the cuts were linked to the merger" disputes "the closure may be tied to the
/// merger, people familiar with the matter said". A question left open ("declined to say
/// whether the company had paid") states neither.
fn states_what_is_denied(x: &ClaimInfo) -> bool {
    x.certainty != Certainty::Denied && !x.negated && !x.open_question
}

/// How a conflict's words say that a claim states what another denies.
fn stated_how(x: &ClaimInfo) -> &'static str {
    match x.certainty {
        Certainty::Hedged => "said to be possible by",
        Certainty::Alleged => "alleged by",
        _ => "stated by",
    }
}

/// The names (entity keys) and numbers (as written first) that members of at least two
/// sources give.
fn shared_names_and_numbers(
    sources: &[Analysed],
    infos: &[ClaimInfo],
    members: &[usize],
) -> (Vec<String>, Vec<String>) {
    // Per name, and per distinct number (the first figure giving it): the first source to
    // give it, and whether another does (all that is asked of the sources).
    // Names by hash (one lookup per mention of every member); the few shared are sorted at
    // the end, so the table's order reaches nothing.
    let mut names: WordMap<&str, (usize, bool)> = WordMap::default();
    let mut numbers: Vec<(&Figure, usize, bool)> = Vec::new();
    for &i in members {
        let x = &infos[i];
        let src = &sources[x.source];
        for &k in &src.claims[x.claim].entities {
            let m = &src.mentions[k];
            if m.label.is_name() && !m.key.is_empty() {
                let (first, more) = names.entry(m.key.as_str()).or_insert((x.source, false));
                *more |= *first != x.source;
            }
        }
        for f in x.figures.iter().filter(|f| !super::claim::vague(f)) {
            match numbers.iter_mut().find(|(g, _, _)| one_number(f, g)) {
                Some((_, first, more)) => *more |= *first != x.source,
                None => numbers.push((f, x.source, false)),
            }
        }
    }
    let mut names: Vec<&str> = names
        .into_iter()
        .filter(|(_, (_, more))| *more)
        .map(|(k, _)| k)
        .collect();
    names.sort_unstable();
    let names = names.into_iter().map(str::to_string).collect();
    let mut numbers: Vec<String> = numbers
        .into_iter()
        .filter(|(_, _, more)| *more)
        .map(|(f, _, _)| f.text.clone())
        .collect();
    numbers.dedup();
    (names, numbers)
}
