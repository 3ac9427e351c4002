//! Tolls: counts of people that news reports give for one event, whatever words carry them.
//! "Four people died", "six were killed" and "the death toll rose to 5" count one thing, the
//! dead; "20 were injured" counts another, "98 were rescued" another, "142 passengers on board"
//! another. Outlets word them differently and give different figures, and a reader wants those
//! figures compared: within a story, two claims that give one toll are one claim, agreeing or in
//! dispute. Arrests are no toll: a story tells of many ("36 detained in Izmir", "two arrested
//! in Konya"), each its own count.

/// What a count of people counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Toll {
    Dead,
    Injured,
    Missing,
    /// Those who fell ill ("four infants became ill", "sickened 12 people").
    Ill,
    Displaced,
    Rescued,
    /// The people on board a plane, ship, train or bus.
    Aboard,
}

impl Toll {
    /// A count of the harmed (the dead, the injured, the missing, the sickened): what one
    /// event did to people, which outlets count in their own words. Not the rescued, the
    /// displaced or those on board.
    pub fn harms(self) -> bool {
        matches!(self, Toll::Dead | Toll::Injured | Toll::Missing | Toll::Ill)
    }
}

/// The words that name each toll, folded (lower case), in the forms news text uses.
const WORDS: &[(&str, Toll)] = &[
    ("dead", Toll::Dead),
    ("die", Toll::Dead),
    ("died", Toll::Dead),
    ("dies", Toll::Dead),
    ("dying", Toll::Dead),
    ("death", Toll::Dead),
    ("deaths", Toll::Dead),
    ("kill", Toll::Dead),
    ("killed", Toll::Dead),
    ("kills", Toll::Dead),
    ("killing", Toll::Dead),
    ("fatalities", Toll::Dead),
    ("perished", Toll::Dead),
    ("lives", Toll::Dead),
    ("bodies", Toll::Dead),
    ("injured", Toll::Injured),
    ("injuring", Toll::Injured),
    ("injuries", Toll::Injured),
    ("wounded", Toll::Injured),
    ("wounding", Toll::Injured),
    ("hurt", Toll::Injured),
    ("hospitalised", Toll::Injured),
    ("hospitalized", Toll::Injured),
    ("treated", Toll::Injured),
    ("missing", Toll::Missing),
    ("unaccounted", Toll::Missing),
    ("ill", Toll::Ill),
    ("sick", Toll::Ill),
    ("sickened", Toll::Ill),
    ("sickening", Toll::Ill),
    ("illnesses", Toll::Ill),
    ("evacuated", Toll::Displaced),
    ("evacuees", Toll::Displaced),
    ("displaced", Toll::Displaced),
    ("homeless", Toll::Displaced),
    ("fled", Toll::Displaced),
    ("rescued", Toll::Rescued),
    ("survived", Toll::Rescued),
    ("survivors", Toll::Rescued),
    ("aboard", Toll::Aboard),
    ("onboard", Toll::Aboard),
    ("carrying", Toll::Aboard),
];

/// Words before "homes" ("from their homes", "leave their homes") that make those who left
/// them the displaced.
const LEFT_HOME: &[&str] = &[
    "abandon",
    "abandoned",
    "flee",
    "fled",
    "fleeing",
    "from",
    "leave",
    "leaving",
    "left",
];

/// How far from a number its toll word may be, after it ("four people were killed") and
/// before it ("killing at least 40", "the death toll rose to 45").
const AFTER: usize = 5;
const BEFORE: usize = 4;

/// The toll word `k` of `folded` names: "board" only in "on board" (not "the board voted").
fn toll_at(folded: &[String], k: usize) -> Option<Toll> {
    let word = folded[k].as_str();
    if word == "board" {
        return (k > 0 && folded[k - 1] == "on").then_some(Toll::Aboard);
    }
    if word == "homes" || word == "home" {
        // "forcing 1,500 from homes", "2,000 residents to leave their homes": the displaced;
        // "destroyed 43 homes" counts houses.
        let before = |n: usize| k.checked_sub(n).map(|i| folded[i].as_str());
        let left = |w: Option<&str>| w.is_some_and(|w| LEFT_HOME.contains(&w));
        let displaced = left(before(1))
            || (matches!(before(1), Some("their" | "his" | "her")) && left(before(2)));
        return displaced.then_some(Toll::Displaced);
    }
    WORDS.iter().find(|(w, _)| *w == word).map(|&(_, t)| t)
}

/// Words that end the stretch a number's toll is looked for in: the next clause counts
/// something else ("four died and 20 were injured").
fn ends_stretch(word: &str) -> bool {
    matches!(word, "and" | "but" | "while" | "whereas" | "or")
}

/// The toll that the number over words `first..end` of a sentence counts, if any. `folded`
/// are the sentence's words in lower case; `gap_before(k)` says whether punctuation that ends
/// a clause (, ; : .) stands between word `k - 1` and word `k`. Words after the number are read
/// first (they say what it counts), then the few before it.
pub fn of_number(
    folded: &[String],
    first: usize,
    end: usize,
    gap_before: impl Fn(usize) -> bool,
) -> Option<Toll> {
    // "two nurses were among the dead", "Among the dead were two nurses": a part of the toll,
    // not the toll.
    let among = |k: usize| folded[k.saturating_sub(3)..k].iter().any(|w| w == "among");
    // "Two of the injured were in critical condition", "three of those killed": some of them.
    let part_of = folded.get(end).is_some_and(|w| w == "of")
        && folded
            .get(end + 1)
            .is_some_and(|w| matches!(w.as_str(), "the" | "those" | "them" | "these"));
    if part_of {
        return None;
    }
    for (k, word) in folded.iter().enumerate().skip(end).take(AFTER) {
        if gap_before(k) || ends_stretch(word) {
            break;
        }
        if let Some(t) = toll_at(folded, k) {
            return (!among(k)).then_some(t);
        }
    }
    for k in (first.saturating_sub(BEFORE)..first).rev() {
        if gap_before(k + 1) || ends_stretch(&folded[k]) {
            break;
        }
        if let Some(t) = toll_at(folded, k) {
            return (!among(k)).then_some(t);
        }
    }
    None
}

/// Words that open a toll of none: "no one was injured", "nobody was hurt", "none died".
const NONE: &[&str] = &["no", "nobody", "none", "noone"];

/// Words that may stand between a word of none and its toll word: "no immediate reports of
/// injuries", "no one has been killed", "there were no confirmed deaths". Any other word (a
/// number, "serious", "word on") makes it something else: "no one was seriously hurt" leaves
/// the lightly hurt, "no word on injuries" knows of none.
const NONE_FILLERS: &[&str] = &[
    "apparent",
    "been",
    "confirmed",
    "has",
    "had",
    "have",
    "immediate",
    "is",
    "known",
    "of",
    "one",
    "other",
    "people",
    "person",
    "report",
    "reported",
    "reports",
    "was",
    "were",
];

/// How many words may stand between a word of none and its toll word.
const NONE_REACH: usize = 4;

/// The tolls a sentence gives as none ("No one was injured", "There were no reports of
/// injuries", "nobody was killed or hurt"): each the dead or the injured, with its first and
/// last word. Outlets say a derailment or a fire harmed no one in many words, and a reader
/// wants that told against "two people were hurt". `folded` and `gap_before` as for
/// [`of_number`].
pub fn of_none(folded: &[String], gap_before: impl Fn(usize) -> bool) -> Vec<(Toll, usize, usize)> {
    let mut out = Vec::new();
    for (k, word) in folded.iter().enumerate() {
        if !NONE.contains(&word.as_str()) {
            continue;
        }
        let mut found = None;
        for j in k + 1..folded.len().min(k + 2 + NONE_REACH) {
            if gap_before(j) {
                break;
            }
            let w = folded[j].as_str();
            match (toll_at(folded, j), found) {
                // "bodies" and "treated" count what was found or done, not the harmed.
                (Some(t @ (Toll::Dead | Toll::Injured | Toll::Ill)), _)
                    if w != "bodies" && w != "treated" =>
                {
                    if !out.iter().any(|&(u, _, _)| u == t) {
                        out.push((t, k, j));
                    }
                    found = Some(j);
                }
                (_, Some(_)) if w == "or" || w == "nor" => {}
                (_, None) if NONE_FILLERS.contains(&w) => {}
                _ => break,
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence's words as written and folded (bare, lower case).
    fn words(sentence: &str) -> (Vec<&str>, Vec<String>) {
        let raw: Vec<&str> = sentence.split_whitespace().collect();
        let folded = raw
            .iter()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect();
        (raw, folded)
    }

    /// Whether punctuation that ends a clause comes before word `k`.
    fn gap(raw: &[&str], k: usize) -> bool {
        k > 0 && raw[k - 1].ends_with([',', ';', ':', '.'])
    }

    fn toll(sentence: &str, number: &str) -> Option<Toll> {
        let (raw, folded) = words(sentence);
        let k = folded.iter().position(|w| w == number).expect("the number");
        of_number(&folded, k, k + 1, |k| gap(&raw, k))
    }

    #[test]
    fn a_toll_word_after_or_before_the_number() {
        // Reason: outlets put the toll word on either side of the figure.
        assert_eq!(
            toll("Four people died on Saturday", "four"),
            Some(Toll::Dead)
        );
        assert_eq!(toll("Six people were killed", "six"), Some(Toll::Dead));
        assert_eq!(toll("The blast killed 12 people", "12"), Some(Toll::Dead));
        assert_eq!(toll("The death toll rose to 45", "45"), Some(Toll::Dead));
        assert_eq!(toll("at least 20 were injured", "20"), Some(Toll::Injured));
        assert_eq!(
            toll("Rescuers pulled 98 survivors", "98"),
            Some(Toll::Rescued)
        );
        assert_eq!(
            toll("Almost 100 people survived", "100"),
            Some(Toll::Rescued)
        );
    }

    #[test]
    fn the_people_on_board_are_a_toll() {
        // Reason: a crash or a sinking is reported with how many were on board, and outlets
        // that give 142 and 146 disagree; "treated for injuries" counts the injured.
        assert_eq!(
            toll("an emergency landing with 142 passengers on board", "142"),
            Some(Toll::Aboard)
        );
        assert_eq!(
            toll("The plane, carrying 146 passengers and five crew", "146"),
            Some(Toll::Aboard)
        );
        assert_eq!(
            toll("the ferry sank with 300 people aboard", "300"),
            Some(Toll::Aboard)
        );
        assert_eq!(
            toll("Four passengers were treated for injuries", "four"),
            Some(Toll::Injured)
        );
        assert_eq!(toll("the board voted 5 to 2", "5"), None);
        assert_eq!(toll("5 board members resigned", "5"), None);
    }

    #[test]
    fn the_next_clause_counts_something_else() {
        // Reason: "four died and 20 were injured" gives two tolls, one per number; "the
        // blast killed 12 and injured 30" too.
        assert_eq!(
            toll("Four died and 20 were injured", "four"),
            Some(Toll::Dead)
        );
        assert_eq!(
            toll("Four died and 20 were injured", "20"),
            Some(Toll::Injured)
        );
        assert_eq!(toll("It killed 12 and injured 30", "12"), Some(Toll::Dead));
        assert_eq!(
            toll("It killed 12 and injured 30", "30"),
            Some(Toll::Injured)
        );
        assert_eq!(toll("Police said, 3,000 were there", "3,000"), None);
    }

    #[test]
    fn those_who_fell_ill_are_a_toll() {
        // Reason: "four infants who became ill" and "five babies had fallen ill" count one
        // thing in other words, which the outlets dispute; "sickened 12" too.
        assert_eq!(toll("four infants who became ill", "four"), Some(Toll::Ill));
        assert_eq!(toll("five babies had fallen ill", "five"), Some(Toll::Ill));
        assert_eq!(
            toll("the outbreak sickened 12 people", "12"),
            Some(Toll::Ill)
        );
        assert_eq!(toll("four babies got sick", "four"), Some(Toll::Ill));
        assert_eq!(toll("four babies were born", "four"), None);
    }

    #[test]
    fn a_part_of_the_toll_is_no_toll() {
        // Reason: "four doctors and two nurses were among the dead" was set against the 27
        // killed as a toll of two; those among the dead are some of them.
        assert_eq!(
            toll("four doctors and two nurses were among the dead", "two"),
            None
        );
        assert_eq!(toll("Among the dead were two nurses", "two"), None);
        // Reason: "Two of the injured were in critical condition" (wire) was set against the
        // 12 (paper) and 14 injured as a toll of two: "the injured" were counted elsewhere.
        assert_eq!(
            toll("Two of the injured were in critical condition", "two"),
            None
        );
        assert_eq!(toll("three of those killed were children", "three"), None);
        assert_eq!(toll("Two nurses were killed", "two"), Some(Toll::Dead));
    }

    fn none(sentence: &str) -> Vec<Toll> {
        let (raw, folded) = words(sentence);
        of_none(&folded, |k| gap(&raw, k))
            .into_iter()
            .map(|(t, _, _)| t)
            .collect()
    }

    #[test]
    fn a_toll_of_none_in_any_words() {
        // Reason: "No one was injured", "nobody was hurt" and "There are no reports of injuries"
        // give one toll, none, which a report of two injured disputes.
        assert_eq!(none("No one was injured, officials said."), [Toll::Injured]);
        assert_eq!(none("She said nobody was hurt."), [Toll::Injured]);
        assert_eq!(none("There are no reports of injuries."), [Toll::Injured]);
        assert_eq!(
            none("There were no immediate reports of deaths."),
            [Toll::Dead]
        );
        assert_eq!(
            none("No one was killed or injured in the blast."),
            [Toll::Dead, Toll::Injured]
        );
    }

    #[test]
    fn a_limited_or_unknown_toll_is_not_none() {
        // Reason: "no one was seriously hurt" leaves the lightly hurt; "no word on injuries"
        // knows of none; "no bodies" were found, not "no dead"; a count is a count.
        assert!(none("No one was seriously injured.").is_empty());
        assert!(none("There was no word on injuries.").is_empty());
        assert!(none("No bodies have been found.").is_empty());
        assert!(none("No one knows how many people died.").is_empty());
        assert!(none("There was no damage, and two were injured.").is_empty());
    }

    #[test]
    fn those_forced_from_their_homes_are_the_displaced() {
        // Reason: "forcing 1,500 from homes", "1,500 residents to leave their homes" and
        // "2,000 people were evacuated" count one toll that outlets dispute; homes destroyed
        // are houses.
        assert_eq!(
            toll("forcing 1,500 from homes", "1,500"),
            Some(Toll::Displaced)
        );
        assert_eq!(
            toll(
                "forcing about 1,500 residents to leave their homes",
                "1,500"
            ),
            Some(Toll::Displaced)
        );
        assert_eq!(toll("the fire destroyed 43 homes", "43"), None);
        assert_eq!(toll("prices of 400 homes rose", "400"), None);
    }

    #[test]
    fn a_count_of_something_else_is_no_toll() {
        // Reason: pages, votes and residents are counted too; only a toll word makes a toll.
        assert_eq!(toll("a 48-page indictment was filed", "48-page"), None);
        assert_eq!(
            toll("about 3,000 residents live near the plant", "3,000"),
            None
        );
    }
}
