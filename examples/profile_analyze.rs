//! Runs `analyze` on the example articles repeated to about 5.5 MB in 100 sources, for
//! profiling: `perf record -g target/release/examples/profile_analyze`. With
//! `CORPUS=target/bench/corpus/size-4.json` (written by `cargo bench --bench scale`) it runs on
//! one of the scale bench's corpora instead.
use crosscheck::{analyze, Options, Source};

fn main() {
    if std::env::args().nth(1).as_deref() == Some("first") {
        // The cost of loading the models: the first analysis of a tiny text, step by step.
        let t = std::time::Instant::now();
        let text = "Officials said 2,000 fighters crossed into Turkey on Monday, Reuters reported.";
        let seg = crosscheck::segment::segment(text);
        eprintln!("segment {:?}", t.elapsed());
        let m = crosscheck::entities::find(text, &seg);
        eprintln!("entities {:?}", t.elapsed());
        let c = crosscheck::claims::find(text, &seg, &m, &[]);
        eprintln!("claims {:?}", t.elapsed());
        let _ = analyze(
            &[Source::new("a", "a", text), Source::new("b", "b", text)],
            &Options::default(),
        );
        eprintln!("analyze {:?} ({} claims)", t.elapsed(), c.len());
        return;
    }
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
    let per_source = 5 * 1024 * 1024 / 100;
    // CORPUS=target/bench/corpus/size-4.json profiles one of the scale bench's corpora instead.
    let sources: Vec<Source> = match std::env::var("CORPUS") {
        Ok(path) => {
            let body: Vec<serde_json::Value> =
                serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            body.iter()
                .map(|s| {
                    Source::new(
                        s["id"].as_str().unwrap(),
                        s["name"].as_str().unwrap(),
                        s["text"].as_str().unwrap(),
                    )
                })
                .collect()
        }
        Err(_) => (0..100)
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
            .collect(),
    };
    let stage = std::env::args().nth(1).unwrap_or_else(|| "all".into());
    let segs: Vec<_> = sources
        .iter()
        .map(|s| crosscheck::segment::segment(&s.text))
        .collect();
    let cruft: Vec<_> = sources
        .iter()
        .map(|s| crosscheck::clean::boilerplate(&s.text))
        .collect();
    let t = std::time::Instant::now();
    match stage.as_str() {
        "prep" => {}
        "entities" => {
            // The fastest of five runs, as for the claims stage.
            let mut best = std::time::Duration::MAX;
            let mut n = 0;
            for _ in 0..5 {
                let t = std::time::Instant::now();
                n = sources
                    .iter()
                    .zip(&segs)
                    .map(|(s, g)| crosscheck::entities::find(&s.text, g).len())
                    .sum();
                best = best.min(t.elapsed());
            }
            eprintln!("{n} mentions in {} ms (fastest of 5)", best.as_millis());
        }
        "claims" => {
            let ms: Vec<_> = sources
                .iter()
                .zip(&segs)
                .map(|(s, g)| crosscheck::entities::find(&s.text, g))
                .collect();
            // The fastest of five runs: the least disturbed by other work on the machine.
            let mut best = std::time::Duration::MAX;
            let mut n = 0;
            for _ in 0..5 {
                let t = std::time::Instant::now();
                n = sources
                    .iter()
                    .zip(&segs)
                    .zip(&ms)
                    .zip(&cruft)
                    .map(|(((s, g), m), c)| crosscheck::claims::find(&s.text, g, m, c).len())
                    .sum();
                best = best.min(t.elapsed());
            }
            eprintln!("{n} claims in {} ms (fastest of 5)", best.as_millis());
        }
        "parts" => {
            // The claims stage piece by piece, summed over the sources.
            use crosscheck::claims::{attribution, certainty, checkworthy, Words};
            let ms: Vec<_> = sources
                .iter()
                .zip(&segs)
                .map(|(s, g)| crosscheck::entities::find(&s.text, g))
                .collect();
            let mut d = [std::time::Duration::ZERO; 5];
            for ((s, g), m) in sources.iter().zip(&segs).zip(&ms) {
                let t = std::time::Instant::now();
                let words = Words::new(&s.text, g);
                d[0] += t.elapsed();
                let t = std::time::Instant::now();
                let attrs = attribution::Attributions::new(&s.text, g, m);
                d[1] += t.elapsed();
                for i in 0..g.sentences.len() {
                    let t = std::time::Instant::now();
                    let a = attrs.find(i);
                    d[2] += t.elapsed();
                    let t = std::time::Instant::now();
                    let c = certainty::classify(&s.text, g, &words, i, &a);
                    d[3] += t.elapsed();
                    let t = std::time::Instant::now();
                    let span = g.sentences[i].span;
                    let es: Vec<usize> =
                        (0..m.len()).filter(|&k| span.contains(m[k].span)).collect();
                    let t2 = std::time::Instant::now();
                    std::hint::black_box(checkworthy::score(&s.text, g, &words, i, m, &es, &a, c));
                    d[4] += t2.elapsed();
                    let _ = t;
                }
            }
            for (name, d) in [
                "words",
                "attributions::new",
                "attribution find",
                "certainty",
                "checkworthy",
            ]
            .iter()
            .zip(d)
            {
                eprintln!("{name}: {} ms", d.as_millis());
            }
        }
        "compare" => {
            // The compare stage alone, as `benches/scale.rs` times it: the fastest of five.
            use crosscheck::entities::aliases::{self, SourceNames};
            let mut ms: Vec<_> = sources
                .iter()
                .zip(&segs)
                .map(|(s, g)| crosscheck::entities::find(&s.text, g))
                .collect();
            let mut names: Vec<SourceNames> = sources
                .iter()
                .zip(&segs)
                .zip(ms.iter_mut())
                .map(|((s, seg), m)| SourceNames {
                    text: &s.text,
                    seg,
                    mentions: m,
                })
                .collect();
            aliases::resolve(&mut names);
            let cs: Vec<_> = sources
                .iter()
                .zip(&segs)
                .zip(&ms)
                .zip(&cruft)
                .map(|(((s, g), m), c)| crosscheck::claims::find(&s.text, g, m, c))
                .collect();
            let analysed: Vec<crosscheck::compare::Analysed> = sources
                .iter()
                .zip(&ms)
                .zip(&cs)
                .map(|((s, m), c)| crosscheck::compare::Analysed {
                    id: &s.id,
                    name: &s.name,
                    text: &s.text,
                    mentions: m,
                    claims: c,
                })
                .collect();
            let runs = std::env::var("RUNS").map_or(5, |r| r.parse().unwrap_or(5));
            let mut best = std::time::Duration::MAX;
            let mut n = 0;
            let cpu = cpu_ms();
            for _ in 0..runs {
                let t = std::time::Instant::now();
                n = crosscheck::compare::compare(&analysed).claims.len();
                best = best.min(t.elapsed());
            }
            // CPU time as well: on a machine shared with other work, it varies less.
            let cpu = (cpu_ms() - cpu) / runs as f64;
            eprintln!(
                "{n} groups, compare in {} ms (fastest of {runs}), {cpu:.0} ms of CPU per run",
                best.as_millis()
            );
        }
        _ => {
            let r = analyze(&sources, &Options::default());
            eprintln!("{} groups", r.comparison.claims.len());
            // REPORT=FILE keeps the report, to check that a change leaves it as it was.
            if let Ok(path) = std::env::var("REPORT") {
                std::fs::write(path, serde_json::to_string_pretty(&r).unwrap()).unwrap();
            }
        }
    }
    eprintln!("{stage}: {} ms", t.elapsed().as_millis());
}

/// The CPU time this process has used, in ms (Linux; 0 elsewhere).
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name, which is in parentheses: utime and stime are the
    // 12th and 13th, in clock ticks (100 a second).
    let rest = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<f64> = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|x| x.parse().ok())
        .collect();
    f.iter().sum::<f64>() * 10.0
}
