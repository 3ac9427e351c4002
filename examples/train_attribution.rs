//! Learns the attribution cue lexicon and candidate weights from PolNeAR, or evaluates the
//! compiled-in ones. The weights depend on the lexicon, so rebuild between the two steps:
//!
//! ```text
//! cargo run --release --example train_attribution -- lexicon ../shared/data/polnear/train
//! cargo run --release --example train_attribution -- weights ../shared/data/polnear/train
//! cargo run --release --example train_attribution -- eval ../shared/data/polnear/dev
//! ```

use crosscheck::claims::attribution_eval::{eval_attribution, train_lexicon, train_weights};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let write = |out: &str, text: String| {
        std::fs::write(out, &text).map_err(|e| format!("cannot write {out}: {e}"))?;
        println!("wrote {out} ({} lines)", text.lines().count());
        Ok(())
    };
    let result = match (args.first().map(String::as_str), args.get(1)) {
        (Some("lexicon"), Some(dir)) => train_lexicon(Path::new(dir)).and_then(|t| {
            write(
                args.get(2)
                    .map_or("src/claims/attribution_cues.txt", String::as_str),
                t,
            )
        }),
        (Some("weights"), Some(dir)) => train_weights(Path::new(dir)).and_then(|t| {
            write(
                args.get(2)
                    .map_or("src/claims/attribution_weights.txt", String::as_str),
                t,
            )
        }),
        (Some("eval"), Some(dir)) => eval_attribution(Path::new(dir)).map(|e| print!("{e}")),
        _ => Err("usage: train_attribution lexicon|weights DIR [OUT] | eval DIR".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
