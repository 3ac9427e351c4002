//! The clauses of a claim's sentence, without its attribution. News sentences pack several
//! statements into one ("Leading members of ISIS are plotting a resurgence after taking refuge
//! in Turkey, the head of Iraqi intelligence told CNN"); another outlet states one of them alone
//! ("ISIS commanders flee to Turkey"). Compared whole, the two share little; compared clause by
//! clause, the shared statement shows.
//!
//! A clause ends at a semicolon, colon or dash, at a quotation mark next to punctuation, at the
//! attribution (its source, cue and outlet), and before a word that opens a new clause: a
//! subordinator ("after", "because", "while") anywhere, a coordinator, relative or participle
//! ("and", "but", "which", "who", "forcing") after a comma, and "and" before a verb in "-ed"
//! ("offered a raise and called the strike reckless").

use super::text::{fold_word, words_of};
use crate::span::Span;

/// Words that open a clause wherever they stand.
const OPENERS: &[&str] = &[
    "after",
    "before",
    "because",
    "while",
    "whereas",
    "although",
    "though",
    "since",
    "until",
    "unless",
    "despite",
    "following",
    "amid",
    "when",
    // "said a car was leaking but that the air was safe": two statements.
    "but",
];

/// Words that open a clause after a comma.
const AFTER_COMMA: &[&str] = &[
    "and",
    "but",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "as",
    "adding",
    "saying",
    "if",
    "so",
    "yet",
    "or",
    "including",
];

/// The fewest words a clause has; a shorter piece stays with the clause before it.
const MIN_WORDS: usize = 5;

/// The fewest words of a piece the attribution cuts off on its own ("Twelve cars derailed, the
/// office said").
const MIN_ALONE: usize = 3;

/// The most clauses taken from one sentence (the rest stay in the last).
const MAX_CLAUSES: usize = 6;

/// Words after "the" that, after a comma, open a noun phrase saying what the sentence before
/// was ("…, the latest in a string of legal fights"; "…, the first such ruling"): a comment on
/// the statement, not part of it.
fn ranks(word: &str) -> bool {
    matches!(
        word,
        "first" | "second" | "third" | "last" | "latest" | "best" | "worst" | "most" | "least"
    ) || (word.len() > 5 && word.ends_with("est") && !word.ends_with("rest"))
}

/// True for a word that makes the opener after it tell when ("two years after a shortage",
/// "hours after auditors said", "shortly before"): the time and what follows are one phrase,
/// and the words before it no clause of their own ("The recall comes").
fn time_before(word: &str) -> bool {
    let w = word.to_lowercase();
    let unit = w.strip_suffix('s').unwrap_or(&w);
    matches!(
        unit,
        "year"
            | "month"
            | "week"
            | "day"
            | "hour"
            | "minute"
            | "decade"
            | "moment"
            | "shortly"
            | "soon"
            | "just"
            | "long"
            | "right"
            | "only"
    )
}

/// True for a lower-case word in "-ing" that opens a clause after a comma ("…, forcing 1,200
/// people to leave").
fn participle(word: &str) -> bool {
    word.len() > 5 && word.ends_with("ing") && word.starts_with(|c: char| c.is_ascii_lowercase())
}

/// True for a lower-case word in "-ed" that, after "and", opens a second statement of the
/// subject ("had offered a 3% raise and called the strike reckless").
fn past_verb(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ed") && word.starts_with(|c: char| c.is_ascii_lowercase())
}

/// The clauses of `text[span]`, leaving out the `skip` spans (the attribution), as spans of
/// `text`. Empty when the sentence is one clause: the sentence itself stands for it.
pub fn clauses(text: &str, span: Span, skip: &[Span]) -> Vec<Span> {
    let Some(sentence) = text.get(span.start..span.end) else {
        return Vec::new();
    };
    let words = words_of(sentence);
    // The pieces between breaks, each marked when the attribution came right before it;
    // skipped words are dropped.
    let mut pieces: Vec<(bool, Vec<(usize, usize)>)> = vec![(false, Vec::new())];
    let mut folded = String::new();
    let mut prev_end = 0;
    let mut prev_skipped = false;
    // Inside a relative clause set off by a comma ("Inflation, which hit 3.9 percent last
    // month, remains …"): the next comma closes it, and the piece before it (the noun it
    // tells of) joins it when short.
    let mut relative = false;
    let mut describing = false;
    // Whether an apposition was left out: the sentence without it is a clause of its own.
    let mut left_out = false;
    for (i, &(a, b)) in words.iter().enumerate() {
        let at = Span::new(span.start + a, span.start + b);
        if skip.iter().any(|s| s.overlaps(at)) {
            prev_skipped = true;
            prev_end = b;
            describing = false;
            continue;
        }
        let gap = &sentence[prev_end..a];
        folded.clear();
        fold_word(&sentence[a..b], &mut folded);
        // A quotation mark ends a clause where punctuation meets it (“…,” or: “…); inside a
        // clause it marks a word or two ("the “right” to").
        let quote = gap.contains(['“', '”', '"']) && gap.contains([',', ':', ';', '.']);
        let comma = gap.contains(',');
        // An apposition saying what the noun before is ("…, a flammable gas used in
        // plastics"): background another outlet gives in its own words or not at all, left
        // out of the clauses like a relative that describes the speaker.
        let opens_apposition = comma && matches!(folded.as_str(), "a" | "an");
        let opens_relative = comma
            && (matches!(folded.as_str(), "which" | "who" | "whom" | "whose") || opens_apposition);
        let closes_relative = relative && comma;
        relative = opens_relative || (relative && !comma);
        // A relative right after the attribution's source tells who the speaker is ("Mercy
        // Valley, which runs nine hospitals, said …"): background, not what is said, and
        // compared it would join the claim to any sentence describing the speaker.
        describing =
            opens_apposition || (opens_relative && prev_skipped) || (describing && relative);
        if describing {
            left_out = true;
            prev_end = b;
            prev_skipped = false;
            continue;
        }
        let breaks = prev_skipped
            || quote
            || closes_relative
            || gap.contains([';', ':', '—', '–'])
            || gap.contains(" - ")
            || (OPENERS.contains(&folded.as_str())
                && !(i > 0 && !comma && time_before(&sentence[words[i - 1].0..words[i - 1].1])))
            || (folded == "and"
                && words
                    .get(i + 1)
                    .is_some_and(|&(c, d)| past_verb(&sentence[c..d])))
            || (gap.contains(',')
                && (AFTER_COMMA.contains(&folded.as_str())
                    || participle(&sentence[a..b])
                    || (folded == "the"
                        && words
                            .get(i + 1)
                            .is_some_and(|&(c, d)| ranks(&sentence[c..d].to_lowercase())))));
        if breaks && pieces.last().is_some_and(|p| !p.1.is_empty()) {
            pieces.push((prev_skipped, Vec::new()));
        } else if prev_skipped {
            if let Some(p) = pieces.last_mut() {
                p.0 = true;
            }
        }
        if let Some(p) = pieces.last_mut() {
            p.1.push((a, b));
        }
        prev_end = b;
        prev_skipped = false;
    }
    pieces.retain(|p| !p.1.is_empty());
    // Short pieces join the clause before them (the first joins the next), except across the
    // attribution: a few words after it ("on Monday") are left out, and a few before it stand
    // alone.
    let mut merged: Vec<Vec<(usize, usize)>> = Vec::new();
    // A short piece after the attribution that is all the sentence says ("Meridian, which runs
    // the port, says | it offered 4 percent"): the statement, not a time or place.
    let mut said: Option<Vec<(usize, usize)>> = None;
    for (after_skip, p) in pieces {
        if after_skip && p.len() < MIN_WORDS {
            if p.len() >= MIN_ALONE {
                said = Some(p);
            }
            continue;
        }
        match merged.last_mut() {
            Some(last) if !after_skip && (p.len() < MIN_WORDS || last.len() < MIN_WORDS) => {
                last.extend(p)
            }
            _ => merged.push(p),
        }
    }
    if merged.is_empty() {
        merged.extend(said);
    }
    while merged.len() > MAX_CLAUSES {
        if let Some(last) = merged.pop() {
            if let Some(before) = merged.last_mut() {
                before.extend(last);
            }
        }
    }
    if merged.len() < 2 && skip.is_empty() && !left_out {
        return Vec::new();
    }
    let out: Vec<Span> = merged
        .iter()
        .filter(|p| p.len() >= MIN_ALONE)
        .filter_map(|p| {
            let (a, _) = *p.first()?;
            let (_, b) = *p.last()?;
            Some(Span::new(span.start + a, span.start + b))
        })
        .collect();
    // One clause that is the whole sentence tells nothing new.
    if out.len() == 1 && out[0].len() + 2 >= span.len() {
        return Vec::new();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str, skip: &[&str]) -> Vec<String> {
        let skip: Vec<Span> = skip
            .iter()
            .map(|s| {
                let a = text.find(s).expect("in text");
                Span::new(a, a + s.len())
            })
            .collect();
        clauses(text, Span::new(0, text.len()), &skip)
            .iter()
            .map(|&s| text[s].to_string())
            .collect()
    }

    #[test]
    fn a_subordinate_clause_and_the_attribution_come_apart() {
        // Reason: the statement another outlet shares may be the clause after "after"; the
        // attribution is who says it, not what is said.
        let text = "Leading members of the group are plotting a resurgence after taking refuge \
                    in the country, the head of military intelligence told CNN on Monday.";
        assert_eq!(
            split(text, &["the head of military intelligence", "told", "CNN"]),
            [
                "Leading members of the group are plotting a resurgence",
                "after taking refuge in the country",
            ]
        );
    }

    #[test]
    fn a_short_statement_before_the_attribution_stands_alone() {
        // Reason: "Twelve cars derailed" is the count another outlet disputes; the attribution
        // cuts it off from the clause that follows.
        let text = "Twelve cars derailed, the county office said, and two of them were tank cars.";
        assert_eq!(
            split(text, &["the county office", "said"]),
            ["Twelve cars derailed", "and two of them were tank cars"]
        );
    }

    #[test]
    fn and_before_a_verb_opens_a_second_statement() {
        // Reason: "had offered a 3% raise and called the strike reckless" packs the offer
        // another outlet states alone ("Harlow has offered 3 per cent") with a second statement.
        let text = "Harlow Freight said it had offered a 3% raise and called the strike reckless \
                    and costly.";
        assert_eq!(
            split(text, &["Harlow Freight", "said"]),
            [
                "it had offered a 3% raise",
                "and called the strike reckless and costly"
            ]
        );
    }

    #[test]
    fn when_opens_a_clause_without_a_comma() {
        // Reason: "its engine caught fire shortly after take-off" is what another outlet
        // states alone; "when" after a statement opens another as "after" does.
        let text = "The flight was forced to return to Tallinn on Saturday when its engine \
                    caught fire over the sea.";
        assert_eq!(
            split(text, &[]),
            [
                "The flight was forced to return to Tallinn on Saturday",
                "when its engine caught fire over the sea",
            ]
        );
    }

    #[test]
    fn a_participle_after_a_comma_opens_a_clause() {
        // Reason: "forcing 1,200 residents to leave" is the statement other outlets make alone.
        let text = "A freight train derailed near the town on Sunday night, forcing about 1,200 \
                    residents to leave their homes.";
        assert_eq!(
            split(text, &[]),
            [
                "A freight train derailed near the town on Sunday night",
                "forcing about 1,200 residents to leave their homes",
            ]
        );
    }

    #[test]
    fn a_short_statement_after_the_attribution_is_its_clause() {
        // Reason: with the speaker and its description left out, "it offered 4 percent" is all
        // the sentence says; a few words after the attribution are dropped only when a clause
        // of their own is left ("…, the official said on Monday").
        let text = "Harlow Freight, which runs the rail yard, says it offered 4 percent.";
        assert_eq!(
            split(text, &["Harlow Freight", "says"]),
            ["it offered 4 percent"]
        );
    }

    #[test]
    fn and_splits_after_a_comma_only() {
        // Reason: "fled and hid" is one clause; ", and they returned" starts another.
        let text = "Many of the leaders fled and hid in the city, and others have returned to \
                    their country.";
        assert_eq!(
            split(text, &[]),
            [
                "Many of the leaders fled and hid in the city",
                "and others have returned to their country",
            ]
        );
    }

    #[test]
    fn a_ranking_after_a_comma_opens_a_clause() {
        // Reason: "the latest in a string of legal fights" says what the ruling was; another
        // outlet states the ruling alone, and the comment would only dilute it.
        let text = "A federal court has halted a law requiring voters to present a passport, \
                    the latest in a string of legal fights over voting rules.";
        assert_eq!(
            split(text, &[]),
            [
                "A federal court has halted a law requiring voters to present a passport",
                "the latest in a string of legal fights over voting rules",
            ]
        );
        // Not a comma: "the latest figures" is part of its clause.
        assert!(split("Officials released the latest figures on Monday.", &[]).is_empty());
    }

    #[test]
    fn a_relative_clause_set_off_by_commas_ends_at_the_second() {
        // Reason: "Inflation, which hit 3.9 percent last month" is the figure another outlet
        // gives alone ("Inflation was 3.8 percent in October"); run on into "remains far above
        // the target", it is a statement of two things.
        let text = "Inflation, which hit 3.9 percent last month, remains far above the 2 percent \
                    target, the governor said.";
        assert_eq!(
            split(text, &["the governor", "said"]),
            [
                "Inflation, which hit 3.9 percent last month",
                "remains far above the 2 percent target",
            ]
        );
    }

    #[test]
    fn a_relative_telling_who_the_speaker_is_is_no_clause() {
        // Reason: "which runs nine hospitals across central Ohio" says who Mercy Valley is, not
        // what it said; as a clause it joined the claim to a headline about an Ohio hospital
        // chain instead of the outlets' figures of the patients.
        let text = "Mercy Valley, which runs nine hospitals across central Ohio, said the attack \
                    compromised data on roughly 1.4 million patients, including names and medical histories.";
        assert_eq!(
            split(text, &["Mercy Valley", "said"]),
            [
                "the attack compromised data on roughly 1.4 million patients",
                "including names and medical histories",
            ]
        );
    }

    #[test]
    fn an_apposition_is_left_out_and_a_but_opens_a_clause() {
        // Reason: "One tanker is leaking vinyl chloride" is what another outlet states alone
        // ("crews detected a leak of vinyl chloride from one tank car but that the air was
        // safe"); the air is a statement of its own, and what the gas is, background that
        // would join the claim to any sentence describing the gas.
        assert_eq!(
            split(
                "One tanker is leaking vinyl chloride, a gas that can cause dizziness and cancer.",
                &[]
            ),
            ["One tanker is leaking vinyl chloride"]
        );
        // Inside the sentence it cannot be left out of a clause's span: the sentence stands.
        assert!(split(
            "Vinyl chloride, a flammable gas, leaked from one of the cars.",
            &[]
        )
        .is_empty());
        assert_eq!(
            split(
                "She said crews found a small leak of vinyl chloride from one car but that the air \
                 in town remained safe.",
                &["She", "said"]
            ),
            [
                "crews found a small leak of vinyl chloride from one car",
                "but that the air in town remained safe",
            ]
        );
        // An apposition after the source says who speaks, not what is said.
        assert_eq!(
            split(
                "Acme, a maker of rail cars based in Ohio, said the wheels had been checked in May.",
                &["Acme", "said"]
            ),
            ["the wheels had been checked in May"]
        );
    }

    #[test]
    fn a_time_before_an_opener_tells_when() {
        // Reason: "The recall comes two years after a shortage …" was cut at "after", and its
        // first piece, "The recall comes two years", joined "The plant was cited … two years
        // ago" in another outlet by the time alone. A time and its "after" are one phrase.
        assert!(split(
            "The recall comes two years after a shortage of infant formula left parents searching.",
            &[]
        )
        .is_empty());
        // Without a time before it, "after" still opens a clause.
        assert_eq!(
            split(
                "The company recalled the cans after inspectors found bacteria at the plant.",
                &[]
            ),
            [
                "The company recalled the cans",
                "after inspectors found bacteria at the plant"
            ]
        );
    }

    #[test]
    fn a_one_clause_sentence_has_no_clauses() {
        // Reason: the sentence stands for itself; a copy would only cost time.
        assert!(split("Police arrested five men in the city on Friday.", &[]).is_empty());
        // Short pieces do not make clauses of their own.
        assert!(split("He left, and wept.", &[]).is_empty());
    }

    #[test]
    fn quotes_and_semicolons_end_clauses() {
        // Reason: a quote inside a sentence is a statement of its own.
        let text = "The minister spoke at length about it; she said: “the border is closed to \
                    all traffic now,” and the press wrote that down.";
        assert_eq!(
            split(text, &["she", "said"]),
            [
                "The minister spoke at length about it",
                "the border is closed to all traffic now",
                "and the press wrote that down",
            ]
        );
    }
}
