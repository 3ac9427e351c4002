//! Throughput of each pipeline stage and end to end, native release build:
//! `cargo bench --bench stages`. The corpus is the example articles repeated to about 5 MB, in
//! 100 sources. `scripts/bench.sh` runs `benches/scale.rs` instead: per stage at several sizes.

use crosscheck::{analyze, claims, clean, compare, entities, segment, Options, Source};
use std::time::{Duration, Instant};

/// Runs `f` three times and keeps the fastest.
fn best<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best: Option<(Duration, T)> = None;
    for _ in 0..3 {
        let t = Instant::now();
        let out = f();
        let d = t.elapsed();
        if best.as_ref().is_none_or(|(b, _)| d < *b) {
            best = Some((d, out));
        }
    }
    best.unwrap()
}

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/examples");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let articles: Vec<String> = files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let target = 5 * 1024 * 1024;
    let per_source = target / 100;
    let sources: Vec<Source> = (0..100)
        .map(|i| {
            let mut text = String::new();
            let mut k = i;
            while text.len() < per_source {
                text.push_str(&articles[k % articles.len()]);
                text.push_str("\n\n");
                k += 1;
            }
            Source::new(&format!("s{i}"), &format!("source {i}"), &text)
        })
        .collect();
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    let mb = bytes as f64 / 1e6;
    let rate = |d: Duration| mb / d.as_secs_f64();

    let (t_clean, cruft) = best(|| {
        sources
            .iter()
            .map(|s| clean::boilerplate(&s.text))
            .collect::<Vec<_>>()
    });
    let (t_segment, segs) = best(|| {
        sources
            .iter()
            .map(|s| segment::segment(&s.text))
            .collect::<Vec<_>>()
    });
    let (t_entities, mentions) = best(|| {
        sources
            .iter()
            .zip(&segs)
            .map(|(s, seg)| entities::find(&s.text, seg))
            .collect::<Vec<_>>()
    });
    let (t_claims, _) = best(|| {
        sources
            .iter()
            .zip(&segs)
            .zip(&mentions)
            .zip(&cruft)
            .map(|(((s, seg), m), b)| claims::find(&s.text, seg, m, b))
            .collect::<Vec<_>>()
    });
    let (t_all, _) = best(|| analyze(&sources, &Options::default()));

    println!("corpus: {mb:.1} MB in {} sources", sources.len());
    println!("{:<12} {:>9} {:>10}", "stage", "ms", "MB/s");
    for (name, d) in [
        ("clean", t_clean),
        ("segment", t_segment),
        ("entities", t_entities),
        ("claims", t_claims),
        ("end to end", t_all),
    ] {
        println!(
            "{name:<12} {:>9.1} {:>10.1}",
            d.as_secs_f64() * 1e3,
            rate(d)
        );
    }
    println!(
        "claims / entities time: {:.0}% (budget: at most 50%)",
        100.0 * t_claims.as_secs_f64() / t_entities.as_secs_f64()
    );
    compare_100_by_50(&articles);
}

/// The comparison stage alone on 100 sources of 50 claims each, drawn from the example
/// sentences in a fixed pseudo-random order, so that many claims recur across sources as in a
/// real story (budget: 200 ms).
fn compare_100_by_50(articles: &[String]) {
    let sentences: Vec<String> = articles
        .iter()
        .flat_map(|a| {
            let seg = segment::segment(a);
            seg.sentences
                .iter()
                .map(|s| a[s.span.start..s.span.end].to_string())
                .collect::<Vec<_>>()
        })
        .filter(|s| s.split_whitespace().count() >= 8)
        .collect();
    let mut state: u64 = 2024;
    let mut next = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let sources: Vec<Source> = (0..100)
        .map(|i| {
            // A number of its own in every claim, so that no two are exact copies and every
            // pair goes through the similarity test.
            let text: Vec<String> = (0..50)
                .map(|k| {
                    let s = sentences[next() % sentences.len()].trim_end_matches(['.', '”', '"']);
                    format!("{s}, near checkpoint {}.", i * 50 + k + 1000)
                })
                .collect();
            Source::new(&format!("s{i}"), &format!("source {i}"), &text.join("\n\n"))
        })
        .collect();
    let stages: Vec<_> = sources
        .iter()
        .map(|s| {
            let seg = segment::segment(&s.text);
            let cruft = clean::boilerplate(&s.text);
            let mentions = entities::find(&s.text, &seg);
            let found = claims::find(&s.text, &seg, &mentions, &cruft);
            (mentions, found)
        })
        .collect();
    let analysed: Vec<compare::Analysed> = sources
        .iter()
        .zip(&stages)
        .map(|(s, (m, c))| compare::Analysed {
            id: &s.id,
            name: &s.name,
            text: &s.text,
            mentions: m,
            claims: c,
        })
        .collect();
    let claims: usize = stages.iter().map(|(_, c)| c.len()).sum();
    let (t, comparison) = best(|| compare::compare(&analysed));
    println!(
        "compare: 100 sources, {claims} claims, {} groups in {:.1} ms (budget: 200 ms)",
        comparison.claims.len(),
        t.as_secs_f64() * 1e3
    );
}
