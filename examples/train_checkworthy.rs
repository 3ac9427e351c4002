//! Trains the check-worthiness model or evaluates the compiled-in one on CLEF-2019 Task 1 files.
//!
//! ```text
//! cargo run --release --example train_checkworthy -- train DIR [OUT]   # writes OUT (default data/model/checkworthy.txt)
//! cargo run --release --example train_checkworthy -- eval DIR
//! cargo run --release --example train_checkworthy -- cv DIR          # leave-one-transcript-out over all of DIR
//! cargo run --release --example train_checkworthy -- explain < TEXT   # each claim's score and weights
//! ```

use crosscheck::claims::{checkworthy_eval, checkworthy_train};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("train") if args.len() >= 2 => {
            let out = args
                .get(2)
                .map_or("data/model/checkworthy.txt", String::as_str);
            checkworthy_train::train(Path::new(&args[1])).and_then(|t| {
                std::fs::write(out, &t.model).map_err(|e| format!("cannot write {out}: {e}"))?;
                print!("{}", t.report);
                println!("wrote {out} ({} bytes)", t.model.len());
                Ok(())
            })
        }
        Some("eval") if args.len() == 2 => {
            checkworthy_eval::eval_checkworthy(Path::new(&args[1])).map(|e| print!("{e}"))
        }
        Some("cv") if args.len() == 2 => {
            checkworthy_train::cross_validate(Path::new(&args[1])).map(|c| print!("{c}"))
        }
        Some("explain") => {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
                .map_err(|e| e.to_string())
                .map(|_| print!("{}", checkworthy_train::explain(&text)))
        }
        _ => Err(
            "usage: train_checkworthy train DIR [OUT] | eval DIR | cv DIR | explain < TEXT".into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_checkworthy: {e}");
            ExitCode::from(2)
        }
    }
}
