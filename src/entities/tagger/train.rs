//! Training the tagger on CoNLL files (native only): an averaged perceptron over hashed
//! features, greedy decoding with its own predicted history (and the same shortcut as tagging:
//! after O, a token that cannot start a name is O), sentences shuffled with a fixed seed each
//! epoch. The averaged weights, each row centred, are quantised linearly in steps of `unit`
//! perceptron updates (one scale for the model): rows that round to zero are dropped, the rest are
//! `i8` (a few dozen `i16`), written as the file [`super::Model`] reads.
//!
//! Training sees exactly what tagging sees: each CoNLL file is rebuilt into one text (as
//! `eval` builds it), segmented by `crate::segment`, and the gold tags are projected onto our
//! tokens (a CoNLL token split into several of ours gives B-X, I-X, …).

use super::features::{self, Lexicon, Scratch};
use super::{spans, tag_sentence, Model, Weights, CLASSES, HEADER, MAGIC};
use crate::entities::Tokens;
use crate::eval::{self, Coarse, Conll};
use crate::segment::{self, Segmented};
use crate::span::Span;
use std::fmt::Write as _;
use std::ops::Range;

/// Training settings.
#[derive(Clone, Debug)]
pub struct Config {
    /// Passes over the training data.
    pub epochs: usize,
    /// The weight table has `2^bits` rows.
    pub bits: u32,
    /// The weight of one quantisation step, in perceptron updates.
    pub unit: f32,
    /// Rows whose largest quantised weight is below this many units are dropped.
    pub min_weight: u32,
    /// Seed of the sentence shuffle.
    pub seed: u64,
    /// The lexicon has `2^lexicon_bits` bits.
    pub lexicon_bits: u32,
    /// Words written in lower case at least this often go into the lexicon.
    pub lexicon_min: usize,
    /// Bits of the word-vector codes (see `features::Projection`), 0 for none.
    pub codes: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            epochs: 15,
            bits: 18,
            unit: 2.0,
            min_weight: 1,
            seed: 2003,
            lexicon_bits: 18,
            lexicon_min: 1,
            codes: features::CODE_BITS,
        }
    }
}

/// One CoNLL file, segmented our way, with gold tags on our tokens.
pub struct Corpus {
    conll: Conll,
    seg: Segmented,
    /// A gold tag index per token of `seg`.
    gold: Vec<u8>,
}

impl Corpus {
    /// Reads a CoNLL file's contents.
    pub fn new(data: &str) -> Result<Corpus, String> {
        let conll = eval::read_conll(data)?;
        let seg = segment::segment(&conll.text);
        let gold = project(&conll, &seg);
        Ok(Corpus { conll, seg, gold })
    }

    /// How many sentences (ours) and tokens (ours).
    pub fn size(&self) -> (usize, usize) {
        (self.seg.sentences.len(), self.seg.tokens.len())
    }
}

/// Gold tags on our tokens: each of our tokens lies inside one CoNLL token (the text puts a space
/// between CoNLL tokens and our tokenizer never crosses a space).
fn project(c: &Conll, seg: &Segmented) -> Vec<u8> {
    // CoNLL tags in IOB2, per CoNLL token.
    let gold = c.gold();
    let mut conll_tags = vec![0u8; c.tokens.len()];
    let mut g = 0;
    for (k, tok) in c.tokens.iter().enumerate() {
        while g < gold.len() && gold[g].0.end <= tok.span.start {
            g += 1;
        }
        if let Some(&(span, ty)) = gold.get(g) {
            if span.contains(tok.span) {
                let b = 2 * ty as u8 + 1;
                conll_tags[k] = if span.start == tok.span.start {
                    b
                } else {
                    b + 1
                };
            }
        }
    }
    let mut out = Vec::with_capacity(seg.tokens.len());
    let mut k = 0;
    for t in &seg.tokens {
        while k + 1 < c.tokens.len() && c.tokens[k].span.end <= t.span.start {
            k += 1;
        }
        let mut tag = conll_tags[k];
        if tag % 2 == 1 && t.span.start > c.tokens[k].span.start {
            tag += 1; // a later piece of a split token continues the entity
        }
        out.push(tag);
    }
    // A sentence of ours may start inside an entity.
    for s in &seg.sentences {
        if out[s.tokens.start] != 0 && out[s.tokens.start] % 2 == 0 {
            out[s.tokens.start] -= 1;
        }
    }
    out
}

/// The precomputed static features of every sentence of a corpus.
struct Prepared {
    sentences: Vec<Sent>,
}

struct Sent {
    /// See `features::may_start`: after O, the others are O unscored, as in tagging.
    may_start: Vec<bool>,
    feats: Vec<u64>,
    starts: Vec<usize>,
    word_shape: Vec<(u64, u64)>,
    gold: Vec<u8>,
}

fn prepare(c: &Corpus, lex: &Lexicon) -> Prepared {
    let t = Tokens::new(&c.conll.text, &c.seg);
    let mut s = Scratch::default();
    let sentences = c
        .seg
        .sentences
        .iter()
        .map(|sen| {
            let r = sen.tokens.clone();
            features::sentence(&t, r.clone(), lex, &mut s);
            let (mut feats, mut starts) = (Vec::new(), Vec::new());
            for i in 0..r.len() {
                starts.push(feats.len());
                feats.extend_from_slice(s.own(i));
                features::context(&s, i, &mut feats);
            }
            starts.push(feats.len());
            Sent {
                may_start: (0..r.len()).map(|i| features::may_start(&s, i)).collect(),
                feats,
                starts,
                word_shape: (0..r.len()).map(|i| features::word_shape(&s, i)).collect(),
                gold: c.gold[r].to_vec(),
            }
        })
        .collect();
    Prepared { sentences }
}

/// Weights in training: current and summed for averaging.
struct Perceptron {
    bits: u32,
    w: Vec<f32>,
    /// Sum of `step * update`, for the lazy average `w - u / step`.
    u: Vec<f32>,
    step: f32,
}

struct Dense<'a> {
    bits: u32,
    w: &'a [f32],
    lex: &'a Lexicon,
}

impl Weights for Dense<'_> {
    #[inline]
    fn add(&self, feats: &[u64], scores: &mut [f32; CLASSES]) {
        for &h in feats {
            let r = (h >> (64 - self.bits)) as usize * CLASSES;
            for (s, w) in scores.iter_mut().zip(&self.w[r..r + CLASSES]) {
                *s += w;
            }
        }
    }

    fn lexicon(&self) -> &Lexicon {
        self.lex
    }
}

impl Perceptron {
    fn row(&self, h: u64) -> usize {
        (h >> (64 - self.bits)) as usize * CLASSES
    }

    fn update(&mut self, h: u64, gold: u8, pred: u8) {
        let r = self.row(h);
        self.w[r + gold as usize] += 1.0;
        self.u[r + gold as usize] += self.step;
        self.w[r + pred as usize] -= 1.0;
        self.u[r + pred as usize] -= self.step;
    }

    fn train_sentence(&mut self, s: &Sent, lex: &Lexicon) -> usize {
        let mut errors = 0;
        let (mut p1, mut p2) = (0u8, 0u8);
        for i in 0..s.gold.len() {
            if p1 == 0 && !s.may_start[i] {
                errors += usize::from(s.gold[i] != 0);
                self.step += 1.0;
                p2 = p1;
                continue;
            }
            let mut scores = [0f32; CLASSES];
            let dense = Dense {
                bits: self.bits,
                w: &self.w,
                lex,
            };
            let stat = &s.feats[s.starts[i]..s.starts[i + 1]];
            dense.add(stat, &mut scores);
            let (word, shape) = s.word_shape[i];
            let dyn_feats = features::dynamic(p1, p2, word, shape);
            dense.add(&dyn_feats, &mut scores);
            let pred = super::best_allowed(&scores, p1);
            let gold = s.gold[i];
            if pred != gold {
                errors += 1;
                for &h in stat.iter().chain(&dyn_feats) {
                    self.update(h, gold, pred);
                }
            }
            self.step += 1.0;
            p2 = p1;
            p1 = pred;
        }
        errors
    }

    /// The averaged weights, each row centred on its mean: a feature adds its row to every
    /// class, so a constant per row changes no decision, and centred rows quantise better.
    fn averaged(&self) -> Vec<f32> {
        let mut avg: Vec<f32> = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(w, u)| w - u / self.step)
            .collect();
        for row in avg.chunks_mut(CLASSES) {
            let mean = row.iter().sum::<f32>() / CLASSES as f32;
            row.iter_mut().for_each(|x| *x -= mean);
        }
        avg
    }
}

/// Tags a whole corpus with `w` and scores it against its gold entities (tagger alone, no
/// post-rules), by character span.
pub fn tagger_scores<W: Weights + ?Sized>(w: &W, c: &Corpus) -> eval::Scores {
    let t = Tokens::new(&c.conll.text, &c.seg);
    let mut s = Scratch::default();
    let mut tags = Vec::new();
    let mut predicted: Vec<(Span, Coarse)> = Vec::new();
    for sen in &c.seg.sentences {
        let r: Range<usize> = sen.tokens.clone();
        tag_sentence(w, &t, r.clone(), &mut s, &mut tags);
        for (tr, ty) in spans(&tags) {
            let span = t.span(r.start + tr.start, r.start + tr.end);
            predicted.push((span, Coarse::ALL[ty]));
        }
    }
    eval::score(&c.conll.gold(), &predicted)
}

/// Trains on `train`, reporting dev F1 (tagger alone) per epoch through `log`; returns the
/// model file.
pub fn train(
    cfg: &Config,
    train: &Corpus,
    dev: &Corpus,
    log: &mut dyn FnMut(&str),
) -> Result<Vec<u8>, String> {
    if !(12..=24).contains(&cfg.bits) {
        return Err("--bits must be between 12 and 24".into());
    }
    let (ns, nt) = train.size();
    let (ds, dt) = dev.size();
    log(&format!(
        "train: {ns} sentences, {nt} tokens; dev: {ds} sentences, {dt} tokens (our segmentation)"
    ));
    let mut lex = lexicon(train, cfg.lexicon_bits, cfg.lexicon_min);
    let (projection, quantised) = projection(train, cfg.codes.min(features::CODE_BITS));
    lex.projection = projection;
    log(&format!(
        "lexicon: {} of 2^{} bits set by lower-case words of the training text",
        lex.count(),
        cfg.lexicon_bits
    ));
    let prep = prepare(train, &lex);
    let nfeat: usize = prep.sentences.iter().map(|s| s.feats.len()).sum();
    log(&format!(
        "features v{}: {:.1} per token from the text, 4 from the previous tags; table 2^{} rows x {CLASSES} classes",
        features::VERSION,
        nfeat as f64 / nt.max(1) as f64,
        cfg.bits
    ));
    let size = (1usize << cfg.bits) * CLASSES;
    let mut p = Perceptron {
        bits: cfg.bits,
        w: vec![0.0; size],
        u: vec![0.0; size],
        step: 1.0,
    };
    let mut order: Vec<usize> = (0..prep.sentences.len()).collect();
    let mut rng = cfg.seed.max(1);
    for epoch in 1..=cfg.epochs {
        // Fisher-Yates with xorshift64: the same order for the same seed.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let errors: usize = order
            .iter()
            .map(|&k| p.train_sentence(&prep.sentences[k], &lex))
            .sum();
        let avg = p.averaged();
        let s = tagger_scores(
            &Dense {
                bits: cfg.bits,
                w: &avg,
                lex: &lex,
            },
            dev,
        );
        log(&format!(
            "epoch {epoch:>2}: {:>5.2}% train tokens wrong; dev F1 PER/LOC/ORG {:.2}, all {:.2}",
            100.0 * errors as f64 / nt.max(1) as f64,
            s.per_loc_org().prf().2,
            s.all().prf().2
        ));
    }
    let avg = p.averaged();
    let touched = avg
        .chunks(CLASSES)
        .filter(|r| r.iter().any(|&x| x != 0.0))
        .count();
    let bytes = quantise(&avg, &lex, &quantised, cfg);
    let model = Model::parse(&bytes)?;
    let kept = model
        .rows
        .iter()
        .filter(|r| r.iter().any(|&x| x != 0))
        .count();
    let s = tagger_scores(&model, dev);
    let mut line = String::new();
    let _ = write!(
        line,
        "model: {touched} rows with weights, {kept} kept (max |w| >= {} x {}); {} bytes; quantised dev F1 PER/LOC/ORG {:.2}, all {:.2}",
        cfg.min_weight,
        cfg.unit,
        bytes.len(),
        s.per_loc_org().prf().2,
        s.all().prf().2
    );
    log(&line);
    Ok(bytes)
}

/// Quantises averaged weights linearly in units of `cfg.unit`: rows that round to all zeros are
/// dropped, rows within ±127 units are `i8`, the rest `i16`. Encodes the model file.
fn quantise(avg: &[f32], lex: &Lexicon, projection: &Quantised, cfg: &Config) -> Vec<u8> {
    let unit = cfg.unit;
    let (mut index, mut heavy_index) = (Vec::new(), Vec::new());
    let mut cols: Vec<Vec<u8>> = vec![Vec::new(); CLASSES];
    let mut heavy: Vec<u8> = Vec::new();
    for (r, row) in avg.chunks(CLASSES).enumerate() {
        let q: Vec<i32> = row.iter().map(|&x| (x / unit).round() as i32).collect();
        let max = q.iter().map(|x| x.unsigned_abs()).max().unwrap_or(0);
        if max < cfg.min_weight.max(1) {
            continue;
        }
        if max <= 127 {
            index.push(r);
            for (c, &v) in q.iter().enumerate() {
                cols[c].push(v as i8 as u8);
            }
        } else {
            heavy_index.push(r);
            for &v in &q {
                heavy.extend_from_slice(&(v.clamp(-32767, 32767) as i16).to_le_bytes());
            }
        }
    }
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.push(cfg.bits as u8);
    out.push(CLASSES as u8);
    out.extend_from_slice(&features::VERSION.to_le_bytes());
    out.extend_from_slice(&unit.to_le_bytes());
    out.push(lex.bits() as u8);
    debug_assert_eq!(out.len(), HEADER);
    out.extend_from_slice(&(index.len() as u32).to_le_bytes());
    put_gaps(&mut out, &index);
    cols.iter().for_each(|col| out.extend_from_slice(col));
    out.extend_from_slice(&(heavy_index.len() as u32).to_le_bytes());
    put_gaps(&mut out, &heavy_index);
    out.extend_from_slice(&heavy);
    let ones: Vec<usize> = lex.ones().into_iter().map(|k| k as usize).collect();
    out.extend_from_slice(&(ones.len() as u32).to_le_bytes());
    put_gaps(&mut out, &ones);
    out.extend_from_slice(&(projection.rows.len() as u32).to_le_bytes());
    out.extend_from_slice(&(projection.dim as u32).to_le_bytes());
    for (scale, row) in &projection.rows {
        out.extend_from_slice(&scale.to_bits().to_le_bytes());
        out.extend(row.iter().map(|&q| q as u8));
    }
    out
}

/// Ascending indexes as LEB128 gaps, the first from 0.
fn put_gaps(out: &mut Vec<u8>, index: &[usize]) {
    let mut at = 0;
    for &i in index {
        let mut g = (i - at) as u32;
        at = i;
        while g >= 0x80 {
            out.push(g as u8 | 0x80);
            g >>= 7;
        }
        out.push(g as u8);
    }
}

/// Every word written in lower case in the training text, outside headlines in capitals.
fn lexicon(c: &Corpus, bits: u32, min: usize) -> Lexicon {
    let mut lex = Lexicon::new(bits);
    let t = Tokens::new(&c.conll.text, &c.seg);
    let mut counts: std::collections::HashMap<&str, usize> = Default::default();
    for s in &c.seg.sentences {
        if features::is_all_caps(&t, s.tokens.clone()) {
            continue;
        }
        for k in s.tokens.clone() {
            if t.text(k).chars().next().is_some_and(char::is_lowercase) {
                *counts.entry(t.lower(k)).or_default() += 1;
            }
        }
    }
    for (w, n) in counts {
        if n >= min {
            lex.insert(w);
        }
    }
    lex
}

/// The projection as stored: each row's scale and `i8` codes.
#[derive(Default)]
struct Quantised {
    dim: usize,
    rows: Vec<(f32, Vec<i8>)>,
}

/// The word-vector projection (see `features::Projection`) of the training text's distinct
/// lower-case words: their mean and top principal directions, by block power iteration from a
/// fixed start, quantised to `i8` per row. Returns it as tagging will read it, and as stored.
fn projection(c: &Corpus, k: usize) -> (features::Projection, Quantised) {
    let dim = crate::similarity::model().dim();
    let t = Tokens::new(&c.conll.text, &c.seg);
    let mut words: Vec<&str> = (0..c.seg.tokens.len())
        .map(|k| t.lower(k))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    words.sort_unstable();
    words.dedup();
    let mut vectors: Vec<f32> = Vec::with_capacity(words.len() * dim);
    let mut v = vec![0f32; dim];
    for w in &words {
        if features::Projection::vector(w, &mut v).is_some() {
            vectors.extend_from_slice(&v);
        }
    }
    let n = vectors.len() / dim.max(1);
    if k == 0 || n < 2 * k {
        return (features::Projection::default(), Quantised::default());
    }
    let mut mean = vec![0f64; dim];
    for x in vectors.chunks_exact(dim) {
        mean.iter_mut()
            .zip(x)
            .for_each(|(m, &a)| *m += f64::from(a));
    }
    mean.iter_mut().for_each(|m| *m /= n as f64);
    let mut cov = vec![0f64; dim * dim];
    let mut y = vec![0f64; dim];
    for x in vectors.chunks_exact(dim) {
        y.iter_mut()
            .zip(x)
            .zip(&mean)
            .for_each(|((y, &a), m)| *y = f64::from(a) - m);
        for i in 0..dim {
            let yi = y[i];
            for (c, &yj) in cov[i * dim..(i + 1) * dim].iter_mut().zip(&y) {
                *c += yi * yj;
            }
        }
    }
    // Block power iteration: q ← orthonormalised cov · q.
    let mut state = 2003u64;
    let mut q: Vec<f64> = (0..k * dim)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f64 / (1u64 << 53) as f64 - 0.5
        })
        .collect();
    for _ in 0..300 {
        let mut z = vec![0f64; k * dim];
        for (zr, qr) in z.chunks_exact_mut(dim).zip(q.chunks_exact(dim)) {
            for (i, zi) in zr.iter_mut().enumerate() {
                *zi = cov[i * dim..(i + 1) * dim]
                    .iter()
                    .zip(qr)
                    .map(|(a, b)| a * b)
                    .sum();
            }
        }
        for r in 0..k {
            let (done, rest) = z.split_at_mut(r * dim);
            let zr = &mut rest[..dim];
            for p in done.chunks_exact(dim) {
                let d: f64 = zr.iter().zip(p).map(|(a, b)| a * b).sum();
                zr.iter_mut().zip(p).for_each(|(a, b)| *a -= d * b);
            }
            let norm = zr.iter().map(|a| a * a).sum::<f64>().sqrt().max(1e-300);
            zr.iter_mut().for_each(|a| *a /= norm);
        }
        q = z;
    }
    let mut stored = Quantised {
        dim,
        rows: Vec::new(),
    };
    let mut rows = Vec::with_capacity((k + 1) * dim);
    for row in std::iter::once(&mean[..]).chain(q.chunks_exact(dim)) {
        let max = row.iter().fold(0f64, |m, a| m.max(a.abs()));
        let scale = (max / 127.0).max(1e-12) as f32;
        let codes: Vec<i8> = row
            .iter()
            .map(|&a| (a / f64::from(scale)).round().clamp(-127.0, 127.0) as i8)
            .collect();
        rows.extend(codes.iter().map(|&c| f32::from(i16::from(c)) * scale));
        stored.rows.push((scale, codes));
    }
    (features::Projection::new(rows), stored)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A few sentences in CoNLL's format: names of each type, seen more than once.
    const CONLL: &str = "Maria NNP B-PER\nLund NNP I-PER\nvisited VBD O\nOslo NNP B-LOC\n. . O\n\n\
Acme NNP B-ORG\nCorp NNP I-ORG\nhired VBD O\nMaria NNP B-PER\nLund NNP I-PER\n. . O\n\n\
The DT O\nNorwegian JJ B-MISC\nteam NN O\nflew VBD O\nto TO O\nOslo NNP B-LOC\n. . O\n\n";

    #[test]
    fn a_trained_model_reads_back_as_it_was_written() {
        // Why: the file is written by `quantise` and read by `Model::parse`; a layout the two
        // disagree on would tag with other weights than those trained, or not parse at all.
        let c = Corpus::new(CONLL).unwrap();
        let cfg = Config {
            epochs: 5,
            bits: 12,
            unit: 0.01,
            lexicon_bits: 10,
            ..Config::default()
        };
        let bytes = train(&cfg, &c, &c, &mut |_| {}).unwrap();
        let model = Model::parse(&bytes).unwrap();
        assert_eq!(model.bits, 12);
        // A unit this small makes some weights `i16` rows, so both kinds are written and read.
        assert!(!model.heavy.is_empty());
        assert!(
            model
                .rows
                .iter()
                .filter(|r| r.iter().any(|&w| w != 0))
                .count()
                > 100
        );
        assert!(model.lexicon.has_word("visited"));
        // What it learnt from the weights as written: the training names, back.
        let s = tagger_scores(&model, &c);
        assert!(s.all().prf().2 > 90.0, "F1 {}", s.all().prf().2);
        // A file cut short is refused, not read as another model.
        assert!(Model::parse(&bytes[..bytes.len() - 1]).is_err());
    }
}
