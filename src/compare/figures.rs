//! The figures of a claim read from its sentence: each number with what it counts (the noun
//! after it, or before "of", or the subject of a move), the toll it gives, a measured object,
//! the words around it that tell what befalls it, the moment it is told for, and whether it is
//! told beside others. `claim` compares them.

use super::claim::{rounding, Figure, TALLY_UNIT, VOTE};
use super::text::{is_stopword, stem, word_hash};
use super::Analysed;
use crate::entities::{Label, Mention};

/// Words before a counted noun that are not the noun ("2,000 foreign fighters").
const NUMBER_FILLERS: &[&str] = &[
    "of",
    "the",
    "more",
    "such",
    "other",
    "foreign",
    "new",
    "armed",
    "suspected",
    "alleged",
    "local",
    "current",
    "former",
    "and",
    "or",
    "additional",
    "further",
    "young",
    "senior",
    "top",
    "leading",
    "known",
    "were",
    "have",
    "had",
    "been",
    "are",
    "its",
    "their",
    "his",
    "her",
    "our",
    "a",
    "an",
];

/// Words that tell a value moved ("shares rose 3 percent", "the stock was up 27%").
const CHANGE_WORDS: &[&str] = &[
    "rose",
    "rise",
    "rises",
    "risen",
    "rising",
    "fell",
    "fall",
    "falls",
    "fallen",
    "falling",
    "gained",
    "gain",
    "gains",
    "lost",
    "lose",
    "loses",
    "jumped",
    "jump",
    "jumps",
    "climbed",
    "climb",
    "climbs",
    "dropped",
    "drop",
    "drops",
    "slid",
    "slide",
    "slides",
    "slipped",
    "slip",
    "declined",
    "decline",
    "declines",
    "increased",
    "increase",
    "increases",
    "decreased",
    "decrease",
    "grew",
    "grow",
    "grows",
    "surged",
    "surge",
    "soared",
    "soar",
    "plunged",
    "plunge",
    "tumbled",
    "tumble",
    "sank",
    "sink",
    "edged",
    "advanced",
    "retreated",
    "up",
    "down",
    "higher",
    "lower",
    // A level told as a state ("Inflation was 4.3 per cent in April", "the rate stood at 5%").
    "is",
    "was",
    "are",
    "were",
    "stood",
    "hit",
    "remained",
    "stayed",
    "reached",
    "eased",
    "slowed",
    "accelerated",
];

/// Words of time that may follow a figure ("3.9 percent last month"): no counted noun.
const TIME_WORDS: &[&str] = &[
    "last",
    "this",
    "next",
    "earlier",
    "later",
    "ago",
    "yesterday",
    "today",
    "tomorrow",
    "overnight",
];

/// Each number with what it counts: the first content word after it ("2,000 fighters",
/// "40 died"), past the names that modify it ("4.2 million Pellworth Bank customers").
pub(super) fn figures(
    src: &Analysed,
    covered: &[&Mention],
    spans: &[(usize, usize)],
    folded: &[String],
    base: usize,
) -> Vec<Figure> {
    let mut out = Vec::new();
    // Punctuation that ends a clause between two words.
    let gap_before = |k: usize| {
        k > 0
            && k < spans.len()
            && src.text[base + spans[k - 1].1..base + spans[k].0]
                .contains([',', ';', ':', '.', '(', ')', '—', '–'])
    };
    // A length of time counts too, for the thing it measures ("12 weeks of severance pay" /
    // "three months of severance pay").
    for m in covered
        .iter()
        .filter(|m| (m.label.is_numeric() && m.label != Label::Ordinal) || m.label == Label::Date)
    {
        let after = spans
            .iter()
            .position(|&(a, _)| base + a >= m.span.end)
            .unwrap_or(spans.len());
        let first = spans
            .iter()
            .position(|&(_, b)| base + b > m.span.start)
            .unwrap_or(spans.len())
            .min(after);
        if let Some(mut tally) = tally(m, &src.text[m.span]) {
            // A vote's tally, not a game's score: a word of voting or ruling next to it.
            let near = first.saturating_sub(3)..(after + 1).min(folded.len());
            if folded[near]
                .iter()
                .any(|w| VOTE_WORDS.contains(&w.as_str()))
            {
                tally.noun = word_hash(VOTE);
            }
            out.push(tally);
            continue;
        }
        let Some(v) = &m.value else { continue };
        if is_age(src.text, covered, m) {
            continue;
        }
        // "one of its engines" picks one out as "an engine" does: no count to compare.
        if m.label == Label::Cardinal
            && src.text[m.span].eq_ignore_ascii_case("one")
            && folded.get(after).is_some_and(|w| w == "of")
        {
            continue;
        }
        // "several of its 14 hospitals", "four of the 12 jurors": the number after a part's
        // "of" and an owner is the whole the part is taken from; "three other hospitals", "the
        // other two", "two more people", "another 20 troops": a part beside others told
        // before. Neither counts what the claim tells of.
        if m.label == Label::Cardinal
            && (whole_of_a_part(folded, first) || beside_others(folded, first, after))
        {
            continue;
        }
        // Only a count can be a toll: not an age, a sum or a share.
        let toll = (m.label == Label::Cardinal)
            .then(|| super::toll::of_number(folded, first, after, gap_before))
            .flatten();
        // Within its clause: "recorded just 112, according to police" counts nothing.
        let counted_at = (after..folded.len())
            .take(4)
            .take_while(|&k| !gap_before(k))
            .find(|&k| {
                let w = folded[k].as_str();
                !NUMBER_FILLERS.contains(&w) && w.chars().all(char::is_alphabetic)
            })
            // "3.8 percent in October", "3.9 percent last month": a preposition, another stop
            // word or a word of time is no counted noun.
            .filter(|&k| {
                use crate::entities::dates::{MONTHS, WEEKDAYS};
                let w = folded[k].as_str();
                !is_stopword(word_hash(w))
                    && !TIME_WORDS.contains(&w)
                    && !WEEKDAYS.contains(&w)
                    && !MONTHS.contains(&w)
            })
            .map(|k| {
                // Only a plain count pluralises its noun: "a 42-page indictment accuses".
                let plain = m.label == Label::Cardinal && !src.text[m.span].contains('-');
                if plain {
                    let capital = |k: usize| {
                        spans.get(k).is_some_and(|&(a, _)| {
                            src.text[base + a..].starts_with(|c: char| c.is_uppercase())
                        })
                    };
                    let k = past_names(folded, k, v.low, capital, &gap_before);
                    plural_head(folded, k, v.low, &gap_before)
                } else {
                    k
                }
            });
        // "8% of the company's North American workforce", "5% of its Ohio plants": after an
        // owner, the names that modify the owned noun are passed.
        let counted_at = counted_at.map(|k| {
            let owner = k > after && is_possessive(&folded[k - 1]);
            let capital = |j: usize| {
                spans.get(j).is_some_and(|&(a, _)| {
                    src.text[base + a..].starts_with(|c: char| c.is_uppercase())
                })
            };
            if !owner {
                return k;
            }
            let mut j = k;
            while j < k + 3 && capital(j) && j + 1 < folded.len() && !gap_before(j + 1) {
                j += 1;
            }
            let w = folded[j].as_str();
            let noun = !capital(j)
                && w.chars().all(char::is_alphabetic)
                && !is_stopword(word_hash(w))
                && !NUMBER_FILLERS.contains(&w);
            if noun {
                j
            } else {
                k
            }
        });
        // A measure in a unit measures the unit ("6,200 acres burned", "roughly 5,000 acres and
        // destroying"), or what follows "of" ("40,000 gallons of oil"): a verb after it is no
        // counted thing.
        let counted_at = counted_at.filter(|&k| {
            m.label != Label::Quantity
                || v.unit.is_none()
                || (k == after + 1 && folded[after] == "of")
        });
        // Nothing counted after it: the noun before "of" ("raises of 14 percent over three
        // years", "a toll of 40") is what the number gives.
        let counted_at = counted_at.or_else(|| {
            let of = first.checked_sub(1)?;
            let k = of.checked_sub(1)?;
            let w = folded[k].as_str();
            (m.label != Label::Date
                && folded[of] == "of"
                && !gap_before(of)
                && !gap_before(first)
                && w.chars().all(char::is_alphabetic)
                && !NUMBER_FILLERS.contains(&w)
                && !is_stopword(word_hash(w))
                && !TIME_WORDS.contains(&w)
                && crate::entities::numbers::small_number(w).is_none())
            .then_some(k)
        });
        let before_move = counted_at;
        // A share or a price that moved, told of its subject ("Velmont shares rose 3 percent",
        // "the stock was up 27%"): the noun before the word of change.
        let counted_at = counted_at.or_else(|| {
            if !matches!(m.label, Label::Percent | Label::Money) {
                return None;
            }
            let comma_before = |k: usize| {
                k > 0 && src.text[base + spans[k - 1].1..base + spans[k].0].contains(',')
            };
            let mut changed = false;
            let (mut k, mut steps) = (first, 0);
            while k > 0 && steps < 5 {
                // "Inflation, which hit 3.9 percent": the relative tells of the noun before it.
                if gap_before(k) && !matches!(folded[k].as_str(), "which" | "that") {
                    // A name set off before the word of change ("Shares of its parent company,
                    // Corvane Holdings, fell 6%"): the subject is before it.
                    let open = (changed && comma_before(k))
                        .then(|| (k.saturating_sub(6)..k - 1).rev().find(|&j| gap_before(j)))
                        .flatten()
                        .filter(|&j| j > 0 && comma_before(j));
                    match open {
                        Some(j) => k = j,
                        None => return None,
                    }
                }
                k -= 1;
                steps += 1;
                let w = folded[k].as_str();
                if !w.chars().all(char::is_alphabetic) {
                    return None;
                }
                if !changed && CHANGE_WORDS.contains(&w) {
                    changed = true;
                } else if is_stopword(word_hash(w)) || NUMBER_FILLERS.contains(&w) {
                    continue;
                } else {
                    return changed.then(|| head_before_of(folded, k, &gap_before));
                }
            }
            None
        });
        let moved = before_move.is_none() && counted_at.is_some();
        // A count that reached a level, told of its subject ("measles cases climb to 44", "The
        // number of cases tied to the outbreak rose to 44"): the count of the subject's noun.
        let counted_at = counted_at.or_else(|| {
            let capital = |k: usize| {
                spans.get(k).is_some_and(|&(a, _)| {
                    src.text[base + a..].starts_with(|c: char| c.is_uppercase())
                })
            };
            (m.label == Label::Cardinal && toll.is_none())
                .then(|| subject_of_level(folded, first, &gap_before, capital))
                .flatten()
        });
        let counted = counted_at.map(|k| folded[k].as_str());
        if m.label == Label::Date && counted.is_none() {
            // "worked there for 11 years": a length of nothing named is no figure to compare.
            continue;
        }
        let noun = counted.map_or(0, |w| word_hash(stem(w)));
        // A noun before "of" has no role words read here (they are read around a noun after).
        let role = if let (Some(at), true) = (
            counted_at,
            noun != 0 && toll.is_none() && counted_at > Some(first),
        ) {
            role_of(src, spans, folded, base, first, at, gap_before)
        } else {
            Vec::new()
        };
        let text = &src.text[m.span];
        let (object, measure) = match (m.label, text.split_once('-'), counted) {
            (Label::Cardinal, Some((number, measure)), Some(w))
                if number.chars().all(|c| c.is_ascii_digit() || c == ',')
                    && !measure.is_empty()
                    && measure.chars().all(char::is_alphabetic) =>
            {
                let lower = measure.to_lowercase();
                // The measure as a count of it stems ("118-car" / "118 cars").
                let plural = format!("{lower}s");
                let measure = stem(&lower);
                (
                    word_hash(&format!("{measure} {}", stem(w))),
                    word_hash(stem(&plural)),
                )
            }
            _ => (0, 0),
        };
        // The head of the counted phrase: its noun, or a word for people that is none
        // ("35 people on board").
        let head = counted_at.filter(|&k| k > first).or_else(|| {
            folded
                .get(after)
                .is_some_and(|w| matches!(w.as_str(), "people" | "persons"))
                .then_some(after)
        });
        let with_others = head.is_some_and(|k| with_others(&src.text[base..], spans, folded, k));
        let (when, when_iso) = when_of(covered, spans, base, after, &gap_before);
        let mut noun_vector = Vec::new();
        if let Some(w) = counted {
            let model = crate::similarity::model();
            noun_vector = vec![0.0; model.dim()];
            model.word_into(w, &mut noun_vector);
        }
        out.push(Figure {
            label: m.label,
            low: v.low,
            high: v.high,
            unit: v.unit,
            noun,
            noun_vector,
            toll,
            object,
            measure,
            role,
            // A range ("about 1.2 million") already allows for rounding.
            rounding: if v.low == v.high {
                rounding(text, v.low)
            } else {
                0.0
            },
            with_others,
            moved,
            when,
            when_iso,
            text: text.to_string(),
        });
    }
    // A toll of none ("No one was injured", "there are no reports of injuries"): a count of 0.
    for (toll, first, last) in super::toll::of_none(folded, gap_before) {
        out.push(Figure {
            label: Label::Cardinal,
            low: Some(0.0),
            high: Some(0.0),
            unit: None,
            noun: word_hash(stem(&folded[last])),
            noun_vector: Vec::new(),
            toll: Some(toll),
            object: 0,
            measure: 0,
            role: Vec::new(),
            rounding: 0.0,
            with_others: false,
            moved: false,
            when: 0,
            when_iso: false,
            text: src.text[base + spans[first].0..base + spans[last].1].to_string(),
        });
    }
    out
}

/// Words that name a count of what follows "of" ("the number of cases").
const COUNT_OF: &[&str] = &["number", "total", "count", "tally"];

/// For a number at word `first` after a word of change and "to" ("cases climb to 44", "has
/// grown to 41"), the subject's noun, the thing whose count reached the number: the word before
/// the verb when it is a common noun ("measles cases climb to 44"), else the noun after "the
/// number of" opening the clause ("The number of measles cases tied to an outbreak in Jackson
/// County rose to 44"). A verb told of a name ("Jackson County rose to 44") counts nothing.
fn subject_of_level(
    folded: &[String],
    first: usize,
    gap_before: &impl Fn(usize) -> bool,
    capital: impl Fn(usize) -> bool,
) -> Option<usize> {
    let to = first.checked_sub(1)?;
    let verb = to.checked_sub(1)?;
    // "up to 21 days" is a range, "higher"/"lower" no verb.
    let change =
        |w: &str| CHANGE_WORDS.contains(&w) && !matches!(w, "up" | "down" | "higher" | "lower");
    if folded[to] != "to" || gap_before(first) || gap_before(to) || !change(&folded[verb]) {
        return None;
    }
    let noun = |k: usize| {
        let w = folded[k].as_str();
        !capital(k)
            && w.chars().all(char::is_alphabetic)
            && !is_stopword(word_hash(w))
            && !NUMBER_FILLERS.contains(&w)
            && !TIME_WORDS.contains(&w)
            && !COUNT_OF.contains(&w)
    };
    // The verb may follow "has" or "have" ("has grown to").
    let mut k = verb.checked_sub(1)?;
    while k > 0 && matches!(folded[k].as_str(), "has" | "have" | "had") && !gap_before(k + 1) {
        k -= 1;
    }
    if !gap_before(k + 1) && noun(k) && !ends_like_a_verb(&folded[k]) {
        return Some(k);
    }
    // "The number of X …" opening the clause, a few words before the verb.
    let mut of = None;
    let mut j = verb;
    while j > 0 && verb - j < 14 && !gap_before(j) {
        j -= 1;
        if folded[j] == "of" && j > 0 && COUNT_OF.contains(&folded[j - 1].as_str()) {
            of = Some(j);
        }
    }
    let of = of?;
    // The last of the words after "of" up to a stop word or a participle ("measles cases
    // tied to"): the head of "measles cases".
    (of + 1..verb)
        .take_while(|&k| !(k > of + 1 && gap_before(k)) && noun(k) && !ends_like_a_verb(&folded[k]))
        .last()
}

/// A word with a verb's ending ("tied", "living"): no noun of a counted phrase.
fn ends_like_a_verb(w: &str) -> bool {
    w.len() >= 4 && (w.ends_with("ed") || w.ends_with("ing"))
}

/// The head of the phrase whose last word is word `k`, when the phrase is a noun, "of" and
/// what it is of ("Shares of Lakeshore's parent company", "the price of oil"): the noun before
/// "of", within a few words and no punctuation; else `k`.
fn head_before_of(folded: &[String], k: usize, gap_before: &impl Fn(usize) -> bool) -> usize {
    for of in (k.saturating_sub(4)..k).rev() {
        if gap_before(of + 1) {
            return k;
        }
        if folded[of] == "of" {
            let Some(h) = of.checked_sub(1) else { return k };
            let w = folded[h].as_str();
            let noun = !gap_before(of)
                && w.chars().all(char::is_alphabetic)
                && !is_stopword(word_hash(w))
                && !NUMBER_FILLERS.contains(&w);
            return if noun { h } else { k };
        }
    }
    k
}

/// Words that take a part of a whole after "of": "several of its 14 hospitals".
const PART_WORDS: &[&str] = &[
    "several", "some", "many", "most", "all", "few", "each", "both", "half", "none", "any",
];

/// True when the number at word `first` follows a part's "of" and an owner ("several of its
/// 14", "four of the 12"): it is the whole.
fn whole_of_a_part(folded: &[String], first: usize) -> bool {
    if first < 3 {
        return false;
    }
    let part = folded[first - 3].as_str();
    matches!(
        folded[first - 1].as_str(),
        "its" | "their" | "the" | "his" | "her" | "our" | "these" | "those"
    ) && folded[first - 2] == "of"
        && (PART_WORDS.contains(&part)
            || part.bytes().all(|b| b.is_ascii_digit() || b == b',')
            || crate::entities::numbers::small_number(part).is_some())
}

/// True when the number at words `first..after` counts others beside those told before it:
/// "three other hospitals", "the other two", "two more people", "another 20 troops".
fn beside_others(folded: &[String], first: usize, after: usize) -> bool {
    let before = first.checked_sub(1).map(|k| folded[k].as_str());
    matches!(before, Some("other" | "another"))
        || matches!(
            folded.get(after).map(String::as_str),
            Some("other" | "more" | "additional" | "further")
        )
}

/// True when number `m` is a person's age set off after the name ("Achterberg, 52, denied"):
/// background one outlet gives and another does not, no figure of the claim.
fn is_age(text: &str, covered: &[&Mention], m: &Mention) -> bool {
    let number = &text[m.span];
    if m.label != Label::Cardinal || number.len() > 3 || !number.bytes().all(|b| b.is_ascii_digit())
    {
        return false;
    }
    let before = text[..m.span.start].trim_end();
    let Some(name_end) = before.strip_suffix(',').map(|b| b.trim_end().len()) else {
        return false;
    };
    text[m.span.end..].trim_start().starts_with(',')
        && covered
            .iter()
            .any(|p| p.label == Label::Person && p.span.end == name_end)
}

/// How many words after a figure the date it is told for may start ("4.4% in April", "eight
/// people were killed Saturday").
const WHEN_REACH: usize = 4;

/// The date a figure is told for: a DATE mention starting within [`WHEN_REACH`] words after
/// the figure (word `after` is the first after it), in its clause; see [`Figure::when`].
fn when_of(
    covered: &[&Mention],
    spans: &[(usize, usize)],
    base: usize,
    after: usize,
    gap_before: &impl Fn(usize) -> bool,
) -> (u64, bool) {
    use crate::entities::dates::{MONTHS, WEEKDAYS};
    for (k, &(start, _)) in spans.iter().enumerate().skip(after).take(WHEN_REACH) {
        if k > after && gap_before(k) {
            break;
        }
        let at = base + start;
        if let Some(d) = covered
            .iter()
            .find(|d| d.label == Label::Date && d.span.start == at)
        {
            // A day or month named in words compares with another so named; a relative one
            // ("last month", "this week") may be any of them.
            let named = d.key.to_lowercase();
            return match &d.iso {
                Some(iso) => (word_hash(iso), true),
                None if MONTHS.contains(&named.as_str()) || WEEKDAYS.contains(&named.as_str()) => {
                    (word_hash(&named), false)
                }
                None => (0, false),
            };
        }
    }
    (0, false)
}

/// Words that, after "and" or "plus", open another set of people or things beside a count.
const OTHERS_OPEN: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "two", "three", "four", "five", "six",
    "several", "some", "one",
];

/// How many words after a counted noun "including" may stand to tell what the count holds.
const INCLUDING_REACH: usize = 6;

/// Whether the counted phrase whose head is word `k` is told beside others ("34 passengers and the driver",
/// "plus two crew members") or as a whole holding others ("35 people on board, including the
/// driver"), within its sentence part (no ; : . between). `text` is the sentence from its
/// first word; `spans` its words' byte ranges in it.
fn with_others(text: &str, spans: &[(usize, usize)], folded: &[String], k: usize) -> bool {
    let ends_part =
        |j: usize| text[spans[j - 1].1..spans[j].0].contains([';', ':', '.', '(', '—', '–']);
    let beside = matches!(folded.get(k + 1).map(String::as_str), Some("and" | "plus"))
        && folded.get(k + 2).is_some_and(|w| {
            OTHERS_OPEN.contains(&w.as_str()) || w.chars().all(|c| c.is_ascii_digit())
        })
        && !ends_part(k + 1);
    let including = (k + 1..folded.len().min(k + 1 + INCLUDING_REACH))
        .take_while(|&j| !ends_part(j))
        .any(|j| folded[j] == "including");
    beside || including
}

/// A tally ("voted 9-4", "an 8-5 vote") as a figure: a count of its own unit, "tally", whose
/// one value stands for the pair of counts (for and against as for × 1000 + against), so two
/// tallies of one vote agree only when both counts do.
fn tally(m: &Mention, text: &str) -> Option<Figure> {
    let (a, b) = m
        .key
        .strip_prefix(crate::entities::numbers::TALLY)?
        .split_once('-')?;
    let value = a.parse::<f64>().ok()? * 1000.0 + b.parse::<f64>().ok()?;
    Some(Figure {
        label: m.label,
        low: Some(value),
        high: Some(value),
        unit: Some(TALLY_UNIT),
        noun: 0,
        noun_vector: Vec::new(),
        toll: None,
        object: 0,
        measure: 0,
        role: Vec::new(),
        rounding: 0.0,
        with_others: false,
        moved: false,
        when: 0,
        when_iso: false,
        text: text.to_string(),
    })
}

/// Words next to a tally that make it a vote's ("voted 5-2", "a 4-3 decision"); "won 3-1" is a
/// game's score, and a story may tell of two games.
const VOTE_WORDS: &[&str] = &[
    "approved", "decision", "majority", "margin", "passed", "rejected", "ruled", "ruling", "split",
    "verdict", "vote", "voted", "votes",
];

/// Whether a folded word is an owner's ("company's", "workers'", "its").
fn is_possessive(w: &str) -> bool {
    w.ends_with("'s")
        || w.ends_with("’s")
        || w.ends_with("s'")
        || matches!(w, "its" | "their" | "his" | "her" | "our" | "my" | "your")
}

/// A count's noun past the names that modify it: "4.2 million Northway Bank customers" counts
/// customers, "3,000 Google employees" employees. The names are passed only when a plural
/// follows them (at most two), so "40 Britons" stays as it is.
fn past_names(
    folded: &[String],
    k: usize,
    low: Option<f64>,
    capital: impl Fn(usize) -> bool,
    gap_before: &impl Fn(usize) -> bool,
) -> usize {
    if low.is_none_or(|v| v < 2.0) || !capital(k) {
        return k;
    }
    let mut j = k;
    while j < k + 2 && capital(j) {
        j += 1;
        if gap_before(j) {
            return k;
        }
    }
    match folded.get(j) {
        Some(_) if !capital(j) && plural_head(folded, j - 1, low, gap_before) == j => j,
        _ => k,
    }
}

/// The head of the noun a count of two or more counts, from its first word `k`: a plural noun
/// right after it, up to twice ("48 confirmed cases", "50 measles cases", "23 regional jets",
/// "40 charter schools"), also past one word before it ("11 badly corroded cables"). After a
/// plural count a word ending in "-s" is no verb.
fn plural_head(
    folded: &[String],
    mut k: usize,
    low: Option<f64>,
    gap_before: &impl Fn(usize) -> bool,
) -> usize {
    if low.is_none_or(|v| v < 2.0) {
        return k;
    }
    let plural = |w: &str| {
        w.len() >= 4
            && w.ends_with('s')
            && !(w.ends_with("ss") || w.ends_with("us") || w.ends_with("is"))
            && w.chars().all(char::is_alphabetic)
            && !is_stopword(word_hash(w))
            && !NUMBER_FILLERS.contains(&w)
            && !TIME_WORDS.contains(&w)
    };
    // A word that may stand before a plural noun: "badly" and "corroded" of "11 badly corroded
    // cables".
    let modifier = |w: &str| {
        w.chars().all(char::is_alphabetic)
            && !is_stopword(word_hash(w))
            && !NUMBER_FILLERS.contains(&w)
            && !TIME_WORDS.contains(&w)
    };
    for _ in 0..2 {
        let next_plural = |j: usize| folded.get(j).is_some_and(|w| !gap_before(j) && plural(w));
        if next_plural(k + 1) {
            k += 1;
        } else if !plural(&folded[k])
            && folded
                .get(k + 1)
                .is_some_and(|w| !gap_before(k + 1) && modifier(w))
            && next_plural(k + 2)
        {
            k += 2;
        } else {
            break;
        }
    }
    k
}

/// How many words from a count its role words may be (see [`Figure::role`]): enough to pass
/// "may have had their".
const ROLE_REACH: usize = 5;

/// Speech verbs, which end the clause a reported count is in.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tell",
    "reported",
    "stated",
    "claimed",
    "added",
    "according",
    "estimated",
    "announced",
];

/// The role words of the count whose number takes words `first..after` (see [`Figure::role`]):
/// the nearest content word before, and the first after the counted noun, in its clause.
/// Names and stop words are no role ("Mercy Valley said about 1.2 million patients").
fn role_of(
    src: &Analysed,
    spans: &[(usize, usize)],
    folded: &[String],
    base: usize,
    first: usize,
    noun_at: usize,
    gap_before: impl Fn(usize) -> bool,
) -> Vec<(u64, Vec<f32>)> {
    let content = |k: usize| {
        let w = folded[k].as_str();
        let upper = src.text[base + spans[k].0..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        (!upper
            && w.chars().all(char::is_alphabetic)
            && !NUMBER_FILLERS.contains(&w)
            && !is_stopword(word_hash(w)))
        .then_some(w)
    };
    // A speech verb ends the clause the count is in ("the chain said about 1.2 million").
    let before = (0..first)
        .rev()
        .take(ROLE_REACH)
        .take_while(|&k| !gap_before(k + 1) && !SPEECH.contains(&folded[k].as_str()))
        .find_map(content);
    // The role comes after the counted noun.
    let later = (noun_at + 1..folded.len().min(spans.len()))
        .take(ROLE_REACH)
        .take_while(|&k| !gap_before(k))
        .find_map(content);
    let model = crate::similarity::model();
    [before, later]
        .into_iter()
        .flatten()
        .map(|w| {
            let mut v = vec![0.0; model.dim()];
            model.word_into(w, &mut v);
            (word_hash(stem(w)), v)
        })
        .collect()
}
