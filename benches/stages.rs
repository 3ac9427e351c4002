//! Throughput of each pipeline stage and end to end, native release build:
//! `cargo bench --bench stages` (or `scripts/bench.sh`). The corpus is the example articles
//! repeated to about 5 MB, in 100 sources.

use crosscheck::{analyze, claims, clean, entities, segment, Options, Source};
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
}
