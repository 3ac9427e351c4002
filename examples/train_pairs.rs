//! Trains the pair model from news sentence pairs, or prints its cross-validation only.
//!
//! ```text
//! cargo run --release --example train_pairs -- train DATA [OUT]   # DATA = ../shared/data; OUT default data/model/pairs.txt
//! cargo run --release --example train_pairs -- stability DATA      # how much refits disagree
//! ```

use crosscheck::compare::{pairs_eval, pairs_train};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("train") if args.len() >= 2 => train(&args[1], args.get(2).map(String::as_str)),
        Some("dump") if args.len() == 3 => dump(&args[1], &args[2]),
        Some("ablate") if args.len() >= 2 => ablate(&args[1], &args[2..]),
        Some("stability") if args.len() == 2 => stability(&args[1]),
        _ => Err(
            "usage: train_pairs train DATA [OUT] | dump DATA OUT.tsv | ablate DATA [FEATURE,...]... | stability DATA"
                .into(),
        ),
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

/// The training pairs of `data`: MSRP and STS-B train, and the ECB+ training topics.
fn read(data: &str) -> Result<(Vec<pairs_eval::Pair>, Vec<pairs_eval::EcbTopic>), String> {
    let dir = Path::new(data);
    let (mut pairs, _) = pairs_eval::read_pairs(&dir.join("msrp/msr_paraphrase_train.txt"))?;
    pairs.extend(pairs_eval::read_pairs(&dir.join("stsb/sts-train.csv"))?.0);
    let topics = pairs_eval::ecb_topics(
        &dir.join("ecbplus"),
        Some(crosscheck::eval::ecbplus::TRAIN),
        ECB_PER_TOPIC,
        pairs_eval::Stories::Whole,
    )?;
    Ok((pairs, topics))
}

/// Cross-validates the chosen setting with each group of features left out in turn.
fn ablate(data: &str, groups: &[String]) -> Result<(), String> {
    let (pairs, topics) = read(data)?;
    print!("{}", pairs_train::ablate(&pairs, &topics, groups));
    Ok(())
}

/// How much refits on slightly different pairs disagree, for one forest and for bags of them.
fn stability(data: &str) -> Result<(), String> {
    let (pairs, topics) = read(data)?;
    for bags in [1, pairs_train::SETTING.bags] {
        print!("{}", pairs_train::stability(&pairs, &topics, bags));
    }
    Ok(())
}

fn dump(data: &str, out: &str) -> Result<(), String> {
    let (pairs, topics) = read(data)?;
    let (examples, _) = pairs_train::examples(&pairs, &topics);
    std::fs::write(out, pairs_train::dump(&examples)).map_err(|e| format!("{out}: {e}"))
}

fn train(data: &str, out: Option<&str>) -> Result<(), String> {
    let out = out.unwrap_or("data/model/pairs.txt");
    let (pairs, topics) = read(data)?;
    let t = pairs_train::train(&pairs, &topics);
    std::fs::write(out, &t.model).map_err(|e| format!("cannot write {out}: {e}"))?;
    print!("{}", t.report);
    println!("wrote {out} ({} bytes)", t.model.len());
    Ok(())
}
