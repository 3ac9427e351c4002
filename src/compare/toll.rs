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
    Displaced,
    Rescued,
    /// The people on board a plane, ship, train or bus.
    Aboard,
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
    for (k, word) in folded.iter().enumerate().skip(end).take(AFTER) {
        if gap_before(k) || ends_stretch(word) {
            break;
        }
        if let Some(t) = toll_at(folded, k) {
            return Some(t);
        }
    }
    for k in (first.saturating_sub(BEFORE)..first).rev() {
        if gap_before(k + 1) || ends_stretch(&folded[k]) {
            break;
        }
        if let Some(t) = toll_at(folded, k) {
            return Some(t);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toll(sentence: &str, number: &str) -> Option<Toll> {
        let folded: Vec<String> = sentence
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect();
        let raw: Vec<&str> = sentence.split_whitespace().collect();
        let k = folded.iter().position(|w| w == number).expect("the number");
        of_number(&folded, k, k + 1, |k| {
            k > 0 && raw[k - 1].ends_with([',', ';', ':', '.'])
        })
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
    fn a_count_of_something_else_is_no_toll() {
        // Reason: pages, votes and residents are counted too; only a toll word makes a toll.
        assert_eq!(toll("a 48-page indictment was filed", "48-page"), None);
        assert_eq!(
            toll("about 3,000 residents left their homes", "3,000"),
            None
        );
    }
}
