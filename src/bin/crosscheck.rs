//! The `crosscheck` command: `crosscheck analyze [--jsonl] [--pretty] FILE...` prints the report
//! as JSON, with offsets in Unicode code points. Bad input: a message on stderr, exit code 2.

use crosscheck::{analyze, check, offsets, Offsets, Options, Source};
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: crosscheck analyze [--jsonl] [--pretty] FILE...

Analyses news articles about one story and prints the report as JSON on stdout
(offsets in Unicode code points; schema: docs/report-schema.md).

  FILE       one source per file (id s1, s2, ... in argument order; name = file stem);
             '-' reads standard input
  --jsonl    each input line is one source: {\"id\": \"...\", \"name\": \"...\", \"text\": \"...\"}
  --pretty   indent the JSON";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("crosscheck: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("analyze") => {}
        Some("--help") | Some("-h") | Some("help") => {
            println!("{USAGE}");
            return Ok(());
        }
        Some("--version") | Some("-V") => {
            println!("crosscheck {}", env!("CARGO_PKG_VERSION"));
            return Ok(());
        }
        Some(other) => return Err(format!("unknown command {other:?}\n{USAGE}")),
        None => return Err(USAGE.to_string()),
    }
    let mut jsonl = false;
    let mut pretty = false;
    let mut files = Vec::new();
    for a in &args[1..] {
        match a.as_str() {
            "--jsonl" => jsonl = true,
            "--pretty" => pretty = true,
            "-" => files.push(a.clone()),
            f if f.starts_with("--") => return Err(format!("unknown option {f:?}\n{USAGE}")),
            f => files.push(f.to_string()),
        }
    }
    if files.is_empty() {
        return Err(format!("no input files\n{USAGE}"));
    }
    let mut sources = Vec::new();
    for file in &files {
        let text = read_text(file)?;
        if jsonl {
            sources.extend(parse_jsonl(file, &text)?);
        } else {
            let id = format!("s{}", sources.len() + 1);
            let name = if file == "-" {
                "stdin".to_string()
            } else {
                Path::new(file)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| id.clone())
            };
            sources.push(Source { id, name, text });
        }
    }
    let options = Options::default();
    check(&sources, &options).map_err(|e| e.to_string())?;
    let mut report = analyze(&sources, &options);
    let texts: Vec<&str> = sources.iter().map(|s| s.text.as_str()).collect();
    offsets::convert(&mut report, &texts, Offsets::Codepoints);
    let json = if pretty {
        serde_json::to_string_pretty(&report)
    } else {
        serde_json::to_string(&report)
    }
    .map_err(|e| format!("could not write the report: {e}"))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{json}").map_err(|e| format!("could not write to standard output: {e}"))
}

fn read_text(file: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    if file == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("standard input: cannot read: {e}"))?;
    } else {
        bytes = std::fs::read(file).map_err(|e| format!("{file}: cannot read: {e}"))?;
    }
    let name = if file == "-" { "standard input" } else { file };
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!("{name}:{line}: not valid UTF-8 (bad byte at offset {at})")
    })
}

fn parse_jsonl(file: &str, text: &str) -> Result<Vec<Source>, String> {
    let name = if file == "-" { "standard input" } else { file };
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{name}:{}", i + 1);
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{at}: not a JSON object: {e}"))?;
        let obj = value.as_object().ok_or_else(|| {
            format!("{at}: expected a JSON object {{\"id\", \"name\", \"text\"}}")
        })?;
        let field = |k: &str| -> Result<Option<String>, String> {
            match obj.get(k) {
                None | Some(serde_json::Value::Null) => Ok(None),
                Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
                Some(_) => Err(format!("{at}: \"{k}\" must be a string")),
            }
        };
        let id = field("id")?.ok_or_else(|| format!("{at}: missing \"id\""))?;
        let text = field("text")?.ok_or_else(|| format!("{at}: missing \"text\""))?;
        let name = field("name")?.unwrap_or_else(|| id.clone());
        out.push(Source { id, name, text });
    }
    Ok(out)
}
