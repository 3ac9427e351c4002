//! The `crosscheck` command: `crosscheck analyze [--jsonl] [--pretty] FILE...` prints the report
//! as JSON, with offsets in Unicode code points; `crosscheck batch FILE` one report per story.
//! Bad input: a message on stderr, exit code 2.

use crosscheck::{analyze, check, offsets, Offsets, Options, Source};
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: crosscheck analyze [--jsonl] [--pretty] FILE...

Analyses news articles about one story and prints the report as JSON on stdout
(offsets in Unicode code points; schema: docs/report-schema.md).

  FILE       one source per file (id s1, s2, ... in argument order; name = file stem);
             '-' reads standard input
  --jsonl    each input line is one source: {\"id\": \"...\", \"name\": \"...\", \"text\": \"...\"},
             optionally with \"url\" and \"published\" (ISO 8601 date), echoed in the report
  --pretty   indent the JSON

  crosscheck batch [--threads N] FILE
      many stories in one JSONL file: each line is one source as for --jsonl plus a
      \"story\" field (lines of a story need not be together); prints one line per story,
      {\"story\": ..., \"report\": {...}}, in the order of each story's first line, the report
      as analyze --jsonl prints it for the story's sources; N stories at once (default: all
      cores). A bad line gets a message (\"line N: ...\") on stderr and is skipped, and so is
      a story over the limits; the rest is written, and the exit code is 1

Also:
  crosscheck eval-ner [--min-f1 X] [--mistakes] FILE...
      scores names on CoNLL-2003 files (PER/LOC/ORG/MISC, exact match); exits 1 when the
      PER/LOC/ORG micro F1 is below X; --mistakes lists every wrong and missed entity
  crosscheck train-ner --train FILE --dev FILE --out FILE [--epochs N] [--bits N] [--min-weight N]
                       [--codes N]
      trains the name tagger (see scripts/train-ner.sh); --codes 0 leaves out the word-vector
      codes (default 16 bits)
  crosscheck bench-entities [--mb N] [--cold] FILE...
      entity extraction speed on the files repeated to about N MB (default 5); --cold forgets
      the words met before each file
  crosscheck eval-checkworthy [--min-map X] DIR
      ranks the lines of CLEF-2019 CheckThat! Task 1 transcripts (*.tsv in DIR) by the scores
      of their claims; prints MAP, R-precision and P@10; exits 1 when MAP is below X
  crosscheck eval-attribution [--min-source-f1 X] DIR
      scores attribution on PolNeAR (DIR/text, DIR/attributions): source and cue spans,
      overlap and exact match; exits 1 when the source overlap F1 is below X
  crosscheck eval-pairs [--min-f1 X] [--min-spearman Y] [--split train|dev] [--by-event] FILE|DIR
      runs each sentence pair of an MSRP or STS-B file through the whole pipeline as two
      sources; prints F1 of \"the two share a claim group\" against the paraphrase label (MSRP)
      and Spearman's correlation of the pair's similarity with the score (STS-B: the news genre
      and all); exits 1 when F1 is below X or the news (else overall) Spearman below Y.
      DIR: ECB+ topic folders (--split picks the usual topics), each topic analysed whole as
      one story, or with --by-event the documents of each of its two events (a topic's ecb
      and ecbplus documents tell of two events of one kind) as a story of their own: sentence
      pairs from two documents of a story, F1 of \"same group\" for \"they share a
      statement\" (the sentences, or a clause of one and the other or its clause, share most
      of their events and a participant)
  crosscheck eval-fnc [--min-score X] BODIES STANCES
      runs each headline and body of Fake News Challenge (FNC-1) files through the pipeline
      as two sources and reads unrelated/agree/discuss/disagree off the report; prints the
      confusion table and FNC-1's relative score; exits 1 when it is below X (a share, 0-1)
  crosscheck eval-coref [--min-f1 X] [--topics LIST | --split train|dev] [--mistakes] DIR
      one entity across sources on ECB+ (DIR/<topic>/*.xml): each topic's documents analysed
      together; pairs of named gold mentions in different documents, same entity or not;
      prints pairwise precision, recall and F1; every topic folder in DIR unless --topics
      (\"1,3,6-11\") or --split (the usual ECB+ train or dev topics) selects; --mistakes lists
      false merges, missed joins and gold names with no system mention; exits 1 when F1 is below X";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) if message == BELOW_TARGET => ExitCode::from(1),
        Err(message) => {
            eprintln!("crosscheck: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("analyze") => {}
        #[cfg(not(target_arch = "wasm32"))]
        Some("batch") => return batch(&args[1..]),
        #[cfg(not(target_arch = "wasm32"))]
        Some("eval-ner") => return ner::eval(&args[1..]),
        #[cfg(not(target_arch = "wasm32"))]
        Some("train-ner") => return ner::train(&args[1..]),
        #[cfg(not(target_arch = "wasm32"))]
        Some("bench-entities") => return ner::bench(&args[1..]),
        #[cfg(not(target_arch = "wasm32"))]
        Some("eval-checkworthy") => return evals::checkworthy(&args[1..]),
        #[cfg(not(target_arch = "wasm32"))]
        Some("eval-attribution") => return evals::attribution(&args[1..]),
        #[cfg(not(target_arch = "wasm32"))]
        Some("eval-pairs") => return evals::pairs(&args[1..]),
        #[cfg(not(target_arch = "wasm32"))]
        Some("eval-fnc") => return evals::fnc(&args[1..]),
        #[cfg(not(target_arch = "wasm32"))]
        Some("eval-coref") => return evals::coref(&args[1..]),
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
            sources.push(Source::new(&id, &name, &text));
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
    // The process ends here: freeing the report piece by piece (millions of small strings on
    // a long text) would be work for nothing.
    std::mem::forget(report);
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
        let url = field("url")?;
        let published = field("published")?;
        out.push(Source::new(&id, &name, &text).with_meta(url.as_deref(), published.as_deref()));
    }
    Ok(out)
}

/// `crosscheck batch`: one report per story (`crosscheck::batch`). Skipped lines or stories:
/// exit code 1, after the rest is written.
#[cfg(not(target_arch = "wasm32"))]
fn batch(args: &[String]) -> Result<(), String> {
    let mut threads = std::thread::available_parallelism().map_or(1, usize::from);
    let mut file = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--threads" => {
                i += 1;
                threads = args
                    .get(i)
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--threads needs a number above 0")?;
            }
            f if f.starts_with("--") => return Err(format!("unknown option {f:?}\n{USAGE}")),
            f if file.is_none() => file = Some(f.to_string()),
            _ => return Err(format!("batch reads one file\n{USAGE}")),
        }
        i += 1;
    }
    let file = file.ok_or_else(|| format!("no input file\n{USAGE}"))?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut messages = std::io::stderr().lock();
    let open = || -> std::io::Result<Box<dyn crosscheck::batch::Input>> {
        Ok(Box::new(std::fs::File::open(&file)?))
    };
    let summary = crosscheck::batch::run(&open, threads, &mut out, &mut messages)
        .map_err(|e| format!("{file}: {e}"))?;
    drop(out);
    let skipped = summary.bad_lines + summary.bad_stories;
    if skipped > 0 {
        eprintln!(
            "crosscheck: {file}: {} stories written; {} lines and {} stories skipped",
            summary.stories, summary.bad_lines, summary.bad_stories
        );
        return Err(BELOW_TARGET.to_string());
    }
    Ok(())
}

/// The error that means "measured, but below the required figure" (or, for `batch`, "some
/// input skipped"): exit code 1, no further message.
const BELOW_TARGET: &str = "\0below target";

/// Names: evaluation, training and speed of the tagger (native only).
#[cfg(not(target_arch = "wasm32"))]
mod ner {
    use super::read_text;
    use crosscheck::entities::tagger::train;
    use crosscheck::{entities, eval, segment};
    use std::time::Instant;

    /// Returned when `--min-f1` is not met: exit code 1, no further message.
    use super::BELOW_TARGET;

    fn value<'a>(args: &'a [String], i: &mut usize, name: &str) -> Result<&'a str, String> {
        *i += 1;
        args.get(*i)
            .map(String::as_str)
            .ok_or_else(|| format!("{name} needs a value"))
    }

    fn number<T: std::str::FromStr>(s: &str, name: &str) -> Result<T, String> {
        s.parse().map_err(|_| format!("{name}: bad value {s:?}"))
    }

    pub fn eval(args: &[String]) -> Result<(), String> {
        let mut min_f1: Option<f64> = None;
        let mut show = false;
        let mut files = Vec::new();
        let mut i = 0;
        while i < args.len() {
            match args[i].as_str() {
                "--min-f1" => min_f1 = Some(number(value(args, &mut i, "--min-f1")?, "--min-f1")?),
                "--mistakes" => show = true,
                f if f.starts_with("--") => return Err(format!("unknown option {f:?}")),
                f => files.push(f.to_string()),
            }
            i += 1;
        }
        if files.is_empty() {
            return Err("usage: crosscheck eval-ner [--min-f1 X] FILE...".into());
        }
        let mut total = eval::Scores::default();
        for file in &files {
            let data = read_text(file)?;
            let s = eval::evaluate(&data).map_err(|e| format!("{file}: {e}"))?;
            if show {
                for m in eval::mistakes(&data)? {
                    println!("{m}");
                }
            }
            if files.len() > 1 {
                println!("{file}\n{s}\n");
            }
            for (t, c) in total.by_type.iter_mut().zip(s.by_type) {
                t.tp += c.tp;
                t.fp += c.fp;
                t.fn_ += c.fn_;
            }
        }
        println!("{total}");
        let f1 = total.per_loc_org().prf().2;
        match min_f1 {
            Some(min) if f1 < min => {
                eprintln!("crosscheck: PER/LOC/ORG F1 {f1:.2} is below --min-f1 {min}");
                Err(BELOW_TARGET.into())
            }
            _ => Ok(()),
        }
    }

    pub fn train(args: &[String]) -> Result<(), String> {
        let mut cfg = train::Config::default();
        let (mut train_file, mut dev_file, mut out) = (None, None, None);
        let mut i = 0;
        while i < args.len() {
            let a = args[i].as_str();
            match a {
                "--train" => train_file = Some(value(args, &mut i, a)?.to_string()),
                "--dev" => dev_file = Some(value(args, &mut i, a)?.to_string()),
                "--out" => out = Some(value(args, &mut i, a)?.to_string()),
                "--epochs" => cfg.epochs = number(value(args, &mut i, a)?, a)?,
                "--bits" => cfg.bits = number(value(args, &mut i, a)?, a)?,
                "--min-weight" => cfg.min_weight = number(value(args, &mut i, a)?, a)?,
                "--lexicon-bits" => cfg.lexicon_bits = number(value(args, &mut i, a)?, a)?,
                "--unit" => cfg.unit = number(value(args, &mut i, a)?, a)?,
                "--seed" => cfg.seed = number(value(args, &mut i, a)?, a)?,
                "--codes" => cfg.codes = number(value(args, &mut i, a)?, a)?,
                _ => return Err(format!("unknown argument {a:?}")),
            }
            i += 1;
        }
        let (Some(train_file), Some(dev_file), Some(out)) = (train_file, dev_file, out) else {
            return Err("usage: crosscheck train-ner --train FILE --dev FILE --out FILE".into());
        };
        let started = Instant::now();
        let corpus = |f: &str| train::Corpus::new(&read_text(f)?).map_err(|e| format!("{f}: {e}"));
        let (tr, dev) = (corpus(&train_file)?, corpus(&dev_file)?);
        println!("{cfg:?}");
        let bytes = train::train(&cfg, &tr, &dev, &mut |line| println!("{line}"))?;
        std::fs::write(&out, &bytes).map_err(|e| format!("{out}: cannot write: {e}"))?;
        println!(
            "wrote {out} ({} bytes) in {:.1} s",
            bytes.len(),
            started.elapsed().as_secs_f64()
        );
        Ok(())
    }

    pub fn bench(args: &[String]) -> Result<(), String> {
        let mut mb = 5.0f64;
        let mut cold = false;
        let mut files = Vec::new();
        let mut i = 0;
        while i < args.len() {
            match args[i].as_str() {
                "--mb" => mb = number(value(args, &mut i, "--mb")?, "--mb")?,
                "--cold" => cold = true,
                f if f.starts_with("--") => return Err(format!("unknown option {f:?}")),
                f => files.push(f.to_string()),
            }
            i += 1;
        }
        if files.is_empty() {
            return Err("usage: crosscheck bench-entities [--mb N] [--cold] FILE...".into());
        }
        let mut texts = Vec::new();
        for f in &files {
            texts.push(read_text(f)?);
        }
        let one: usize = texts.iter().map(String::len).sum::<usize>().max(1);
        let rounds = ((mb * 1e6) / one as f64).ceil().max(1.0) as usize;
        // Model and gazetteers load on first use: time that apart.
        let load = Instant::now();
        let _ = entities::tagger::Model::get();
        let _ = entities::gazetteer::Gazetteer::get();
        let load = load.elapsed();
        let run = |with_segmentation: bool| {
            let segs: Vec<_> = texts.iter().map(|t| segment::segment(t)).collect();
            let started = Instant::now();
            let (mut mentions, mut bytes) = (0, 0);
            for _ in 0..rounds {
                for (t, seg) in texts.iter().zip(&segs) {
                    if cold {
                        entities::names::forget();
                    }
                    mentions += if with_segmentation {
                        entities::find(t, &segment::segment(t)).len()
                    } else {
                        entities::find(t, seg).len()
                    };
                    bytes += t.len();
                }
            }
            (
                bytes as f64 / 1e6,
                started.elapsed().as_secs_f64(),
                mentions,
            )
        };
        let (mb, secs, mentions) = run(false);
        println!(
            "entities{}: {mb:.1} MB in {secs:.3} s = {:.1} MB/s ({mentions} mentions)",
            if cold {
                " (each text as unseen words)"
            } else {
                ""
            },
            mb / secs
        );
        let (mb, secs, _) = run(true);
        println!(
            "segmentation and entities: {:.1} MB/s; model and gazetteer load {:.1} ms",
            mb / secs,
            load.as_secs_f64() * 1e3
        );
        Ok(())
    }
}

/// The claim evaluations (check-worthiness on CLEF-2019, attribution on PolNeAR) and one entity
/// across sources on ECB+ (native only).
#[cfg(not(target_arch = "wasm32"))]
mod evals {
    use super::BELOW_TARGET;
    use std::path::Path;

    /// `[--FLAG X] DIR` → (threshold, dir).
    fn args_of(args: &[String], flag: &str) -> Result<(Option<f64>, String), String> {
        let mut min = None;
        let mut dir = None;
        let mut i = 0;
        while i < args.len() {
            if args[i] == flag {
                let v = args
                    .get(i + 1)
                    .ok_or_else(|| format!("{flag} needs a number"))?;
                min = Some(
                    v.parse::<f64>()
                        .map_err(|_| format!("{flag}: {v:?} is not a number"))?,
                );
                i += 2;
            } else if args[i].starts_with("--") {
                return Err(format!("unknown option {:?}", args[i]));
            } else if dir.is_none() {
                dir = Some(args[i].clone());
                i += 1;
            } else {
                return Err(format!("one directory only, not also {:?}", args[i]));
            }
        }
        Ok((min, dir.ok_or("no directory given")?))
    }

    fn gate(name: &str, value: f64, min: Option<f64>) -> Result<(), String> {
        match min {
            Some(m) if value < m => {
                eprintln!("crosscheck: {name} {value:.3} is below the required {m}");
                Err(BELOW_TARGET.into())
            }
            _ => Ok(()),
        }
    }

    pub fn checkworthy(args: &[String]) -> Result<(), String> {
        let (min, dir) = args_of(args, "--min-map")?;
        let eval = crosscheck::claims::checkworthy_eval::eval_checkworthy(Path::new(&dir))?;
        print!("{}", eval.report());
        gate("MAP", eval.map(), min)
    }

    pub fn pairs(args: &[String]) -> Result<(), String> {
        let (mut min_f1, mut min_spearman, mut file) = (None, None, None);
        let mut topics: Option<Vec<u32>> = None;
        let mut stories = crosscheck::compare::pairs_eval::Stories::Whole;
        let mut i = 0;
        while i < args.len() {
            let number = |i: usize| -> Result<f64, String> {
                let v = args
                    .get(i + 1)
                    .ok_or_else(|| format!("{} needs a number", args[i]))?;
                v.parse::<f64>()
                    .map_err(|_| format!("{}: {v:?} is not a number", args[i]))
            };
            match args[i].as_str() {
                "--min-f1" => min_f1 = Some(number(i)?),
                "--min-spearman" => min_spearman = Some(number(i)?),
                "--by-event" => {
                    stories = crosscheck::compare::pairs_eval::Stories::ByEvent;
                    i += 1;
                    continue;
                }
                "--split" => {
                    topics = Some(match args.get(i + 1).map(String::as_str) {
                        Some("train") => crosscheck::eval::ecbplus::TRAIN.to_vec(),
                        Some("dev") => crosscheck::eval::ecbplus::DEV.to_vec(),
                        _ => return Err("--split takes train or dev".into()),
                    })
                }
                f if f.starts_with("--") => return Err(format!("unknown option {f:?}")),
                f if file.is_none() => {
                    file = Some(f.to_string());
                    i += 1;
                    continue;
                }
                f => return Err(format!("one file only, not also {f:?}")),
            }
            i += 2;
        }
        let file = file.ok_or("no file given")?;
        let eval = crosscheck::compare::pairs_eval::eval_pairs(
            Path::new(&file),
            topics.as_deref(),
            stories,
        )?;
        print!("{eval}");
        gate("F1 of same group", eval.f1(), min_f1)?;
        gate(
            "Spearman",
            eval.spearman_news.unwrap_or(eval.spearman),
            min_spearman,
        )
    }

    pub fn fnc(args: &[String]) -> Result<(), String> {
        let mut min = None;
        let mut files = Vec::new();
        let mut i = 0;
        while i < args.len() {
            match args[i].as_str() {
                "--min-score" => {
                    let v = args.get(i + 1).ok_or("--min-score needs a number")?;
                    min = Some(
                        v.parse::<f64>()
                            .map_err(|_| format!("--min-score: {v:?} is not a number"))?,
                    );
                    i += 2;
                }
                f if f.starts_with("--") => return Err(format!("unknown option {f:?}")),
                f => {
                    files.push(f.to_string());
                    i += 1;
                }
            }
        }
        let [bodies, stances] = &files[..] else {
            return Err("give two files: the bodies CSV, then the stances CSV".into());
        };
        let eval = crosscheck::compare::fnc_eval::eval_fnc(Path::new(bodies), Path::new(stances))?;
        print!("{eval}");
        gate("FNC-1 relative score", eval.relative(), min)
    }

    pub fn attribution(args: &[String]) -> Result<(), String> {
        let (min, dir) = args_of(args, "--min-source-f1")?;
        let eval = crosscheck::claims::attribution_eval::eval_attribution(Path::new(&dir))?;
        print!("{}", eval.report());
        gate("source F1 (overlap)", eval.all.source_overlap.f1(), min)
    }

    pub fn coref(args: &[String]) -> Result<(), String> {
        use crosscheck::eval::coref;
        let usage = "usage: crosscheck eval-coref [--min-f1 X] [--topics LIST | --split train|dev] [--mistakes] DIR";
        let (mut min, mut topics, mut mistakes, mut dir) = (None, None, false, None);
        let mut i = 0;
        while i < args.len() {
            let a = args[i].as_str();
            let mut value = || {
                i += 1;
                args.get(i).ok_or_else(|| format!("{a} needs a value"))
            };
            match a {
                "--min-f1" => {
                    let v = value()?;
                    min = Some(
                        v.parse::<f64>()
                            .map_err(|_| format!("--min-f1: {v:?} is not a number"))?,
                    );
                }
                "--topics" if topics.is_none() => topics = Some(coref::parse_topics(value()?)?),
                "--split" if topics.is_none() => {
                    let split = match value()?.as_str() {
                        "train" => coref::TRAIN,
                        "dev" => coref::DEV,
                        other => return Err(format!("--split: {other:?} is not train or dev")),
                    };
                    topics = Some(split.iter().map(u32::to_string).collect());
                }
                "--topics" | "--split" => return Err("give --topics or --split once".into()),
                "--mistakes" => mistakes = true,
                f if f.starts_with("--") => return Err(format!("unknown option {f:?}\n{usage}")),
                d if dir.is_none() => dir = Some(d.to_string()),
                d => return Err(format!("one directory only, not also {d:?}")),
            }
            i += 1;
        }
        let dir = dir.ok_or_else(|| format!("no directory given\n{usage}"))?;
        let eval = coref::eval_coref(Path::new(&dir), topics.as_deref())?;
        if mistakes {
            print!("{}", eval.mistakes());
        }
        println!("{}", eval.report());
        gate("pairwise F1", eval.pairs().f1(), min)
    }
}
