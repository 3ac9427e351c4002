//! Gazetteers: small lists of known names, kept as data files in `data/gazetteers/` and compiled
//! into the binary. Entries are matched by their folded key (`key::fold`).

use super::key::fold;
use super::Label;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// What a gazetteer entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A name with a known label (country → GPE, demonym → NORP, …).
    Name(Label),
    /// A title or role kept out of PERSON spans ("President", "Lt. Gen.").
    Title,
}

/// All gazetteers, folded.
pub struct Gazetteer {
    names: HashMap<String, Kind>,
    org_words: HashSet<String>,
    first_names: HashSet<String>,
    common_words: HashSet<String>,
    /// The most tokens-worth of words in one entry, to bound lookups.
    pub max_words: usize,
}

fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut names = HashMap::new();
        let mut max_words = 1;
        // Later lists do not override earlier ones: an organisation's name wins over a place.
        let lists: [(&'static str, Kind); 6] = [
            (
                include_str!("../../data/gazetteers/titles.txt"),
                Kind::Title,
            ),
            (
                include_str!("../../data/gazetteers/organizations.txt"),
                Kind::Name(Label::Org),
            ),
            (
                include_str!("../../data/gazetteers/countries.txt"),
                Kind::Name(Label::Gpe),
            ),
            (
                include_str!("../../data/gazetteers/cities.txt"),
                Kind::Name(Label::Gpe),
            ),
            (
                include_str!("../../data/gazetteers/regions.txt"),
                Kind::Name(Label::Loc),
            ),
            (
                include_str!("../../data/gazetteers/demonyms.txt"),
                Kind::Name(Label::Norp),
            ),
        ];
        for (data, kind) in lists {
            for entry in entries(data) {
                let k = fold(entry);
                max_words = max_words.max(k.split(' ').count() + entry.matches('.').count());
                names.entry(k).or_insert(kind);
            }
        }
        let set = |data: &'static str| entries(data).map(fold).collect::<HashSet<String>>();
        Gazetteer {
            names,
            org_words: set(include_str!("../../data/gazetteers/org_words.txt")),
            first_names: set(include_str!("../../data/gazetteers/first_names.txt")),
            common_words: set(include_str!("../../data/gazetteers/common_words.txt")),
            max_words,
        }
    }

    /// The gazetteers, loaded once.
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(Gazetteer::load)
    }

    /// The kind of a known name or title, by folded key.
    pub fn lookup(&self, folded: &str) -> Option<Kind> {
        self.names.get(folded).copied()
    }

    /// True for words that end organisation names ("Foundation", "Ministry").
    pub fn is_org_word(&self, folded: &str) -> bool {
        self.org_words.contains(folded)
    }

    /// True for common given names.
    pub fn is_first_name(&self, folded: &str) -> bool {
        self.first_names.contains(folded)
    }

    /// True for common words that are capitalised only at the start of a sentence.
    pub fn is_common_word(&self, folded: &str) -> bool {
        self.common_words.contains(folded)
    }
}
