//! Trains the pair model from news sentence pairs, or prints its cross-validation only.
//!
//! ```text
//! cargo run --release --example train_pairs -- train DATA [OUT]   # DATA = ../shared/data; OUT default data/model/pairs.txt
//! ```

use crosscheck::compare::{pairs_eval, pairs_train};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("train") if args.len() >= 2 => train(&args[1], args.get(2).map(String::as_str)),
        _ => Err("usage: train_pairs train DATA [OUT]".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_pairs: {e}");
            ExitCode::from(2)
        }
    }
}

/// Pairs of each ECB+ training topic.
const ECB_PER_TOPIC: usize = 300;

fn train(data: &str, out: Option<&str>) -> Result<(), String> {
    let out = out.unwrap_or("data/model/pairs.txt");
    let dir = Path::new(data);
    let (mut pairs, _) = pairs_eval::read_pairs(&dir.join("msrp/msr_paraphrase_train.txt"))?;
    pairs.extend(pairs_eval::read_pairs(&dir.join("stsb/sts-train.csv"))?.0);
    let topics = pairs_eval::ecb_topics(
        &dir.join("ecbplus"),
        Some(pairs_eval::ECB_TRAIN),
        ECB_PER_TOPIC,
    )?;
    let t = pairs_train::train(&pairs, &topics);
    std::fs::write(out, &t.model).map_err(|e| format!("cannot write {out}: {e}"))?;
    print!("{}", t.report);
    println!("wrote {out} ({} bytes)", t.model.len());
    Ok(())
}
