//! What the comparison knows of one claim: its words, names, numbers, dates, negation, who it
//! cites, and its meaning as a vector. Built once per claim; pairs are scored from these.

use super::text::{
    fold_word, is_negation, is_numeral, is_stopword, stem, word_hash, word_weight, words_of,
};
use super::Analysed;
use crate::claims::{AttributionKind, Certainty, Claim};
use crate::entities::{key::fold, Label, Mention};
use crate::hash::{fnv, FnvMap, FNV_OFFSET};
use std::collections::BTreeSet;

/// Words before a counted noun that are not the noun ("2,000 foreign fighters").
const NUMBER_FILLERS: &[&str] = &[
    "of",
    "the",
    "more",
    "other",
    "foreign",
    "new",
    "armed",
    "suspected",
    "alleged",
    "local",
    "former",
    "additional",
    "further",
    "young",
    "senior",
    "top",
    "leading",
    "known",
    "people",
    "persons",
    "were",
    "have",
    "had",
    "been",
    "are",
];

/// A number stated in a claim, and what it counts.
#[derive(Clone, Debug)]
pub struct Figure {
    /// Its label (CARDINAL, MONEY, …).
    pub label: Label,
    /// Low end of its value, `None` when open.
    pub low: Option<f64>,
    /// High end of its value, `None` when open.
    pub high: Option<f64>,
    /// Its unit ("%", "USD", "km").
    pub unit: Option<&'static str>,
    /// The stem hash of the counted noun or verb that follows ("fighter", "page", "kill"), or 0.
    pub noun: u64,
    /// The text, for a person to read.
    pub text: String,
}

/// What the comparison needs of one claim.
#[derive(Clone, Debug)]
pub struct ClaimInfo {
    /// Index of its source.
    pub source: usize,
    /// Index of the claim in its source's claims.
    pub claim: usize,
    /// The claim's sentence in its source's text.
    pub span: crate::span::Span,
    /// Every word, folded and stemmed, as hashes, in order.
    pub words: Vec<u64>,
    /// Content words (not stop words, numerals or inside a name): stem hashes, sorted, unique.
    pub content: Vec<u64>,
    /// The weight of each content word, in the order of `content`: how much it tells.
    pub content_weight: Vec<f32>,
    /// Keys of the names in it, hashed, sorted, unique.
    pub names: Vec<u64>,
    /// The weight of each name, in the order of `names` (see [`Context`]).
    pub name_weight: Vec<f32>,
    /// Its numbers with what they count.
    pub figures: Vec<Figure>,
    /// ISO dates it gives.
    pub dates: BTreeSet<String>,
    /// It has a negation word.
    pub negated: bool,
    /// How firmly it is stated.
    pub certainty: Certainty,
    /// Named source keys and outlet keys: members sharing one are one origin.
    pub cites: Vec<String>,
    /// Hashes of its word 5-grams, sorted, unique: copied text shares most of them.
    pub shingles: Vec<u64>,
    /// Hashes of its lower-case character trigrams, sorted, unique.
    pub trigrams: Vec<u32>,
    /// It was weighed among enough claims to tell the story's topic (see [`Context`]).
    pub in_context: bool,
    /// Its meaning, L2-normalised (empty when there is no model).
    pub vector: Vec<f32>,
    /// Each content word's vector, in the order of `content`, `dim` numbers each.
    pub word_vectors: Vec<f32>,
}

impl ClaimInfo {
    /// The information of claim `c` of source `s`.
    #[inline(never)] // per claim: see `crate::analyze` on wasm tiering
    pub fn new(s: usize, c: usize, src: &Analysed, claim: &Claim) -> ClaimInfo {
        let covered: Vec<&Mention> = claim.entities.iter().map(|&k| &src.mentions[k]).collect();
        let mut names = Vec::new();
        let mut dates = BTreeSet::new();
        for m in &covered {
            if m.label.is_name() {
                if !m.key.is_empty() {
                    names.push(word_hash(&m.key));
                }
            } else if let Some(iso) = &m.iso {
                dates.insert(iso.clone());
            }
        }
        names.sort_unstable();
        names.dedup();
        let text = &src.text[claim.span];
        let base = claim.span.start;
        let spans = words_of(text);
        let mut words = Vec::with_capacity(spans.len());
        let mut content = Vec::new();
        let mut folded_words: Vec<String> = Vec::with_capacity(spans.len());
        let mut negated = false;
        let mut w = String::new();
        let mut first_cover = 0;
        for &(a, b) in &spans {
            w.clear();
            fold_word(&text[a..b], &mut w);
            let stem_hash = word_hash(stem(&w));
            words.push(stem_hash);
            negated |= is_negation(&w);
            // A word that starts inside a name is the name ("Erdoğan’s").
            while first_cover < covered.len() && covered[first_cover].span.end <= base + a {
                first_cover += 1;
            }
            let inside = covered[first_cover..]
                .iter()
                .take_while(|m| m.span.start <= base + a)
                .any(|m| base + a < m.span.end && m.label.is_name());
            if !inside && w.len() >= 2 && !is_stopword(word_hash(&w)) && !is_numeral(&w) {
                content.push((stem_hash, words.len() - 1));
            }
            folded_words.push(std::mem::take(&mut w));
        }
        content.sort_unstable();
        content.dedup_by_key(|c| c.0);
        // Each content word's vector, and its weight: the length of its vector, which the
        // model made grow with how much a word tells (see `crate::similarity`).
        let model = crate::similarity::model();
        let dim = model.dim();
        let mut word_vectors = vec![0f32; dim * content.len()];
        let mut content_weight = Vec::with_capacity(content.len());
        for (k, &(_, i)) in content.iter().enumerate() {
            let (a, b) = spans[i];
            let v = &mut word_vectors[k * dim..(k + 1) * dim];
            model.word_into(&text[a..b], v);
            let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            content_weight.push(if dim > 0 { norm } else { word_weight(&folded_words[i]) });
        }
        let content: Vec<u64> = content.into_iter().map(|c| c.0).collect();
        let figures = figures(src, &covered, &spans, &folded_words, base);
        let shingles = shingles(&words);
        let name_weight = vec![1.0; names.len()];
        ClaimInfo {
            source: s,
            claim: c,
            span: claim.span,
            words,
            content,
            content_weight,
            names,
            name_weight,
            figures,
            dates,
            negated,
            certainty: claim.certainty,
            cites: cites(src, claim),
            shingles,
            trigrams: trigrams(text),
            in_context: false,
            vector: model.embed(text),
            word_vectors,
        }
    }
}

/// How common each content word and name is among the claims compared. A word most claims have
/// is the story's topic ("ISIS", "Turkey" in a story on ISIS in Turkey) and tells little about
/// whether two claims are one; a rare one tells much. Over fewer than [`CONTEXT_MIN`] claims (a
/// pair compared alone) every word keeps its own weight.
///
/// Whether a pair was weighed in a context is itself a feature of the pair model: two sentences
/// given alone to compare are likelier to say one thing than two sentences drawn from the
/// articles of one story, and the model learns both rates (from paraphrase pairs and from
/// whole ECB+ topics).
pub struct Context {
    df: FnvMap<u64, u32>,
    n: u32,
}

/// The fewest claims that make a context.
pub const CONTEXT_MIN: usize = 10;

impl Context {
    /// The context of these claims.
    pub fn new(infos: &[ClaimInfo]) -> Context {
        let mut df: FnvMap<u64, u32> = FnvMap::default();
        if infos.len() >= CONTEXT_MIN {
            for x in infos {
                for &h in x.content.iter().chain(&x.names) {
                    *df.entry(h).or_default() += 1;
                }
            }
        }
        Context {
            df,
            n: infos.len() as u32,
        }
    }

    /// How much a word or name in `df` of the `n` claims counts: 1 for a word one claim has,
    /// falling to 0 for one that all have (`ln(n / df) / ln(n)`).
    pub fn factor(&self, h: u64) -> f32 {
        if (self.n as usize) < CONTEXT_MIN {
            return 1.0;
        }
        let df = self.df.get(&h).copied().unwrap_or(1).max(1) as f32;
        let n = self.n as f32;
        ((n / df).ln() / n.ln()).clamp(0.0, 1.0)
    }

    /// Scales each claim's word and name weights by how much they tell here.
    pub fn weigh(&self, infos: &mut [ClaimInfo]) {
        if (self.n as usize) < CONTEXT_MIN {
            return;
        }
        for x in infos {
            x.in_context = true;
            for (w, h) in x.content_weight.iter_mut().zip(&x.content) {
                *w *= self.factor(*h);
            }
            for (w, h) in x.name_weight.iter_mut().zip(&x.names) {
                *w *= self.factor(*h);
            }
        }
    }
}

/// Each number with what it counts: the first content word after it ("2,000 fighters",
/// "40 died").
fn figures(
    src: &Analysed,
    covered: &[&Mention],
    spans: &[(usize, usize)],
    folded: &[String],
    base: usize,
) -> Vec<Figure> {
    let mut out = Vec::new();
    for m in covered
        .iter()
        .filter(|m| m.label.is_numeric() && m.label != Label::Ordinal)
    {
        let Some(v) = &m.value else { continue };
        let after = spans
            .iter()
            .position(|&(a, _)| base + a >= m.span.end)
            .unwrap_or(spans.len());
        let noun = folded[after..]
            .iter()
            .take(4)
            .find(|w| !NUMBER_FILLERS.contains(&w.as_str()) && w.chars().all(char::is_alphabetic))
            .map(|w| word_hash(stem(w)))
            .unwrap_or(0);
        out.push(Figure {
            label: m.label,
            low: v.low,
            high: v.high,
            unit: v.unit,
            noun,
            text: src.text[m.span].to_string(),
        });
    }
    out
}

/// Who a claim cites: the names inside its attribution's source, and the outlet it came via.
fn cites(src: &Analysed, claim: &Claim) -> Vec<String> {
    let mut cites = Vec::new();
    let a = &claim.attribution;
    if a.kind == AttributionKind::Named {
        for span in [a.source, a.via].into_iter().flatten() {
            // Mentions are sorted by span: only those starting inside `span` can be in it.
            let first = src.mentions.partition_point(|m| m.span.start < span.start);
            for m in src.mentions[first..]
                .iter()
                .take_while(|m| m.span.start < span.end)
                .filter(|m| m.label.is_name() && span.contains(m.span))
            {
                cites.push(m.key.clone());
            }
        }
    }
    if let Some(via) = a.via {
        cites.push(crate::entities::key::name_key(&src.text[via]));
    }
    cites.sort();
    cites.dedup();
    cites
}

/// Hashes of the word 5-grams, sorted and unique.
fn shingles(words: &[u64]) -> Vec<u64> {
    let mut out: Vec<u64> = words
        .windows(5)
        .map(|w| {
            w.iter().fold(FNV_OFFSET, |h, &x| {
                (h.rotate_left(23) ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15)
            })
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Hashes of the folded character trigrams of the text's letters and digits, sorted, unique.
fn trigrams(text: &str) -> Vec<u32> {
    let folded = fold(text);
    let chars: Vec<char> = folded
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut out: Vec<u32> = chars
        .windows(3)
        .filter(|w| w.iter().filter(|c| **c != ' ').count() >= 2)
        .map(|w| {
            let mut buf = [0u8; 12];
            let mut n = 0;
            for c in w {
                n += c.encode_utf8(&mut buf[n..]).len();
            }
            fnv(FNV_OFFSET, &buf[..n]) as u32
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// How many items two sorted, unique lists share.
pub fn shared<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}
