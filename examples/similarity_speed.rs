//! How fast the similarity model embeds every sentence of a text, on one core:
//! `cargo run --release --example similarity_speed [FILE_OR_DIR...]` (default: the example
//! articles in www/examples, repeated to about 10 MB). Sentences come from the segmenter; only
//! the embedding is timed.
use crosscheck::similarity::model;
use std::time::Instant;

fn main() {
    let t = Instant::now();
    let m = model();
    println!(
        "model: {} pieces, {} dimensions, ready in {:?}",
        m.pieces(),
        m.dim(),
        t.elapsed()
    );

    let args: Vec<String> = std::env::args().skip(1).collect();
    let (paths, repeat) = if args.is_empty() {
        (
            vec![concat!(env!("CARGO_MANIFEST_DIR"), "/www/examples").to_string()],
            true,
        )
    } else {
        (args, false)
    };
    let mut files = Vec::new();
    for p in &paths {
        match std::fs::read_dir(p) {
            Ok(dir) => files.extend(dir.map(|e| e.unwrap().path())),
            Err(_) => files.push(p.into()),
        }
    }
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    let mut text = String::new();
    for f in &files {
        text.push_str(&std::fs::read_to_string(f).unwrap());
        text.push_str("\n\n");
    }
    if repeat {
        text = text.repeat((10_000_000 / text.len().max(1)).max(1));
    }
    let seg = crosscheck::segment::segment(&text);
    let sentences: Vec<&str> = seg.sentences.iter().map(|s| &text[s.span]).collect();
    let bytes: usize = sentences.iter().map(|s| s.len()).sum();

    let mut out = vec![0.0; m.dim()];
    for pass in ["first pass", "second pass"] {
        let t = Instant::now();
        let mut check = 0.0;
        for s in &sentences {
            m.embed_into(s, &mut out);
            check += out[0];
        }
        let secs = t.elapsed().as_secs_f64();
        println!(
            "{pass}: {} sentences, {:.1} MB in {:.3} s: {:.1} MB/s ({check:.3})",
            sentences.len(),
            bytes as f64 / 1e6,
            secs,
            bytes as f64 / 1e6 / secs
        );
    }
}
