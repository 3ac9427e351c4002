//! Gazetteers: small lists of known names, kept as data files in `data/gazetteers/` and compiled
//! into the binary. Entries are matched by their folded key (`key::fold`).

use super::key::fold;
use super::Label;
use crate::hash::{fnv, FNV_OFFSET};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// The country a name or its people's adjective stands for, by the name's key (`key::name_key`):
/// "Turkish", "Turks" and "Türkiye" → the line of "Turkey" in `countries_peoples.txt`. The
/// comparison counts both as naming one place; the entity list keeps them apart.
pub fn country(key: &str) -> Option<u32> {
    static T: OnceLock<HashMap<String, u32>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = HashMap::new();
        let data = include_str!("../../data/gazetteers/countries_peoples.txt");
        let lines = data
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
        for (n, line) in lines.enumerate() {
            for name in line.split('|') {
                t.insert(super::key::name_key(name.trim()), n as u32);
            }
        }
        t
    })
    .get(key)
    .copied()
}

/// The lists a token sequence can match, as bit positions in [`Gazetteer::mark`]'s output.
pub mod list {
    /// Titles and roles (titles.txt).
    pub const TITLE: usize = 0;
    /// Organisations (organizations.txt).
    pub const ORG: usize = 1;
    /// Countries (countries.txt).
    pub const COUNTRY: usize = 2;
    /// Cities, states, provinces (cities.txt).
    pub const CITY: usize = 3;
    /// Non-political places (regions.txt).
    pub const REGION: usize = 4;
    /// Nationalities and groups (demonyms.txt).
    pub const DEMONYM: usize = 5;
    /// Given names (first_names.txt).
    pub const FIRST_NAME: usize = 6;
    /// Words that end organisation names (org_words.txt).
    pub const ORG_WORD: usize = 7;
    /// Common lower-case words (common_words.txt).
    pub const COMMON: usize = 8;
    /// How many lists.
    pub const COUNT: usize = 9;
}

/// Marks a sequence hash as a proper prefix of a longer entry.
const PREFIX: u16 = 1 << 15;

/// For maps whose keys are already hashes: uses them as they are.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Appends the folded form of one token to `out`, as `key::fold` would fold it, without
/// allocating for ASCII tokens.
pub fn fold_into(word: &str, out: &mut String) {
    if !word.is_ascii() {
        out.push_str(&fold(word));
        return;
    }
    let start = out.len();
    // Most words have nothing to drop or turn into a space: their folding is their lower case,
    // copied whole rather than a char at a time.
    if !word.bytes().any(|b| {
        matches!(
            b,
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | b'-' | b'_' | b'.' | b'`'
        )
    }) {
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        return;
    }
    let mut space = false;
    for b in word.bytes() {
        match b {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | b'-' | b'_' => space = out.len() > start,
            b'.' => {}
            _ => {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(match b {
                    b'`' => '\'',
                    _ => char::from(b.to_ascii_lowercase()),
                });
            }
        }
    }
}

/// The hash [`Gazetteer::mark`] wants with each folded token.
pub fn fold_hash(folded: &str) -> u64 {
    fnv(FNV_OFFSET, folded.as_bytes())
}

/// What a gazetteer entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A name with a known label (country → GPE, demonym → NORP, …).
    Name(Label),
    /// A title or role kept out of PERSON spans ("President", "Lt. Gen.").
    Title,
}

/// All gazetteers, folded, as one map from the hash of a folded name to the lists it is in.
pub struct Gazetteer {
    /// Every entry of every list as the FNV hash of its folded words: the lists it is in (bits)
    /// and whether it is the start of a longer entry (`PREFIX`).
    seqs: HashMap<u64, u16, BuildHasherDefault<IdHasher>>,
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
        let all: [(&'static str, usize); list::COUNT] = [
            (
                include_str!("../../data/gazetteers/titles.txt"),
                list::TITLE,
            ),
            (
                include_str!("../../data/gazetteers/organizations.txt"),
                list::ORG,
            ),
            (
                include_str!("../../data/gazetteers/countries.txt"),
                list::COUNTRY,
            ),
            (include_str!("../../data/gazetteers/cities.txt"), list::CITY),
            (
                include_str!("../../data/gazetteers/regions.txt"),
                list::REGION,
            ),
            (
                include_str!("../../data/gazetteers/demonyms.txt"),
                list::DEMONYM,
            ),
            (
                include_str!("../../data/gazetteers/first_names.txt"),
                list::FIRST_NAME,
            ),
            (
                include_str!("../../data/gazetteers/org_words.txt"),
                list::ORG_WORD,
            ),
            (
                include_str!("../../data/gazetteers/common_words.txt"),
                list::COMMON,
            ),
        ];
        let mut seqs: HashMap<u64, u16, BuildHasherDefault<IdHasher>> =
            HashMap::with_capacity_and_hasher(12_000, Default::default());
        let mut max_words = 1;
        let mut k = String::new();
        for (data, bit) in all {
            for entry in entries(data) {
                k.clear();
                fold_into(entry, &mut k);
                if bit <= list::DEMONYM {
                    // Names and titles: how many tokens a match can span.
                    max_words = max_words.max(k.split(' ').count() + entry.matches('.').count());
                }
                let mut h = FNV_OFFSET;
                for (n, w) in k.split(' ').enumerate() {
                    if n > 0 {
                        *seqs.entry(h).or_default() |= PREFIX;
                        h = fnv(h, b" ");
                    }
                    h = fnv(h, w.as_bytes());
                }
                *seqs.entry(h).or_default() |= 1 << bit;
            }
        }
        Gazetteer { seqs, max_words }
    }

    /// The gazetteers, loaded once.
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(Gazetteer::load)
    }

    /// The kind of a known name or title, by folded key: the first of titles, organisations,
    /// countries, cities, regions, demonyms that has it.
    pub fn lookup(&self, folded: &str) -> Option<Kind> {
        self.kind(fold_hash(folded))
    }

    fn has(&self, folded: &str, l: usize) -> bool {
        self.bits(fold_hash(folded)) & (1 << l) != 0
    }

    /// True for words that end organisation names ("Foundation", "Ministry").
    pub fn is_org_word(&self, folded: &str) -> bool {
        self.has(folded, list::ORG_WORD)
    }

    /// True for common given names.
    pub fn is_first_name(&self, folded: &str) -> bool {
        self.has(folded, list::FIRST_NAME)
    }

    /// True for common words that are capitalised only at the start of a sentence.
    pub fn is_common_word(&self, folded: &str) -> bool {
        self.has(folded, list::COMMON)
    }

    /// The lists a folded name is in (bit `l` for list `l`, see [`list`]), by its
    /// [`fold_hash`]; bit 15 when it begins a longer entry.
    pub fn bits(&self, hash: u64) -> u16 {
        self.seqs.get(&hash).copied().unwrap_or(0)
    }

    /// The kind of a known name or title by the [`fold_hash`] of its folded key: as
    /// [`Gazetteer::lookup`], the first of titles, organisations, countries, cities, regions,
    /// demonyms.
    pub fn kind(&self, hash: u64) -> Option<Kind> {
        let b = self.bits(hash);
        let has = |l: usize| b & (1 << l) != 0;
        Some(if has(list::TITLE) {
            Kind::Title
        } else if has(list::ORG) {
            Kind::Name(Label::Org)
        } else if has(list::COUNTRY) || has(list::CITY) {
            Kind::Name(Label::Gpe)
        } else if has(list::REGION) {
            Kind::Name(Label::Loc)
        } else if has(list::DEMONYM) {
            Kind::Name(Label::Norp)
        } else {
            return None;
        })
    }

    /// Marks every token of one sentence that is inside a gazetteer match, per list: bit
    /// `2 * l` when the token begins a match of list `l` (see [`list`]), bit `2 * l + 1` when
    /// it continues one. Matches are found left to right, longest first, per list. Tokens are
    /// folded as `key::fold` folds entries (see [`fold_into`]): `word(k)` tells whether token
    /// `k` folds to nothing (a period), the [`fold_hash`] of its folded form and the
    /// [`Gazetteer::bits`] of that; `raw(k)` is its text; `spaced(k)` is true when white space
    /// precedes it: tokens are joined by a space only there ("Lt. Gen." matches the tokens `Lt`
    /// `.` `Gen`, "AT&T" the tokens `AT` `&` `T`).
    pub fn mark<'w>(
        &self,
        n: usize,
        word: impl Fn(usize) -> (bool, u64, u16),
        raw: impl Fn(usize) -> &'w str,
        spaced: impl Fn(usize) -> bool,
        out: &mut Vec<u32>,
    ) {
        out.clear();
        out.resize(n, 0);
        let mut covered = [0usize; list::COUNT];
        let mut buf = String::new();
        for p in 0..n {
            let (empty, mut h, mut bits) = word(p);
            if empty || bits == 0 {
                continue;
            }
            let mut q = p;
            let mut longest = [0usize; list::COUNT];
            let mut any = false;
            loop {
                if bits & !PREFIX != 0 {
                    any = true;
                    for (l, end) in longest.iter_mut().enumerate() {
                        if bits & (1 << l) != 0 {
                            *end = q + 1;
                        }
                    }
                }
                if bits & PREFIX == 0 {
                    break;
                }
                // The next token with letters, across attached periods.
                q += 1;
                while q < n && word(q).0 {
                    q += 1;
                }
                if q >= n {
                    break;
                }
                if spaced(q) {
                    h = fnv(h, b" ");
                }
                buf.clear();
                fold_into(raw(q), &mut buf);
                h = fnv(h, buf.as_bytes());
                bits = self.bits(h);
            }
            if !any {
                continue;
            }
            for l in 0..list::COUNT {
                if longest[l] > p && covered[l] <= p {
                    out[p] |= 1 << (2 * l);
                    for x in &mut out[p + 1..longest[l]] {
                        *x |= 1 << (2 * l + 1);
                    }
                    covered[l] = longest[l];
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        let g = Gazetteer::get();
        let k = |n: &str| g.lookup(&fold(n));
        assert_eq!(k("Turkey"), Some(Kind::Name(Label::Gpe)));
        assert_eq!(k("Euphrates"), Some(Kind::Name(Label::Loc)));
        assert_eq!(k("Kurdish"), Some(Kind::Name(Label::Norp)));
        assert_eq!(k("Islamic State"), Some(Kind::Name(Label::Org)));
        assert_eq!(k("Lt. Gen."), Some(Kind::Title));
        assert_eq!(k("Nowhere Land"), None);
        // A prefix of an entry is not an entry.
        assert_eq!(k("Islamic"), None);
        assert!(g.is_org_word("foundation"));
        assert!(g.is_common_word("however"));
        assert!(!g.is_first_name("however"));
    }

    #[test]
    fn fold_into_agrees_with_fold() {
        for w in [
            "U.S.",
            "al-Baghdadi",
            "AT&T",
            "Lt",
            "x_y",
            "`quote",
            "--",
            "Erdoğan",
            "MİT",
        ] {
            let mut s = String::new();
            fold_into(w, &mut s);
            assert_eq!(s, fold(w), "{w}");
        }
    }
}
