//! The CLI contract: JSON on stdout with code-point offsets; bad input gives a message naming the
//! file (and line), exit code 2 and nothing on stdout. The golden file pins the whole report
//! for two small fixtures; regenerate it with `UPDATE_GOLDEN=1 cargo test --test cli` and review
//! the diff.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_crosscheck");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cli");

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        input.write_all(bytes).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

#[test]
fn golden_report() {
    let out = run(
        &[
            "analyze",
            "--pretty",
            &fixture("daily.txt"),
            &fixture("courier.txt"),
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = String::from_utf8(out.stdout).unwrap();
    let path = fixture("golden.json");
    if std::env::var("UPDATE_GOLDEN").is_ok() {
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read_to_string(&path).expect("golden.json (UPDATE_GOLDEN=1 to create)");
    assert!(got == want, "report differs from tests/fixtures/cli/golden.json; run UPDATE_GOLDEN=1 cargo test --test cli and review the diff");
}

#[test]
fn offsets_are_code_points_and_names_are_file_stems() {
    let out = run(
        &["analyze", &fixture("daily.txt"), &fixture("courier.txt")],
        None,
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["offsets"], "codepoints");
    assert_eq!(report["sources"][0]["id"], "s1");
    assert_eq!(report["sources"][0]["name"], "daily");
    assert_eq!(report["sources"][1]["name"], "courier");
    let text: Vec<char> = std::fs::read_to_string(fixture("daily.txt"))
        .unwrap()
        .chars()
        .collect();
    let mut checked = 0;
    for e in report["sources"][0]["entities"].as_array().unwrap() {
        let (s, t) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            text[s..t].iter().collect::<String>(),
            e["text"].as_str().unwrap()
        );
        checked += 1;
    }
    assert!(checked >= 5);
}

#[test]
fn example_articles_give_valid_json_with_exact_spans() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/examples");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .filter(|p| p.ends_with(".txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5);
    let mut args = vec!["analyze"];
    args.extend(files.iter().map(String::as_str));
    let out = run(&args, None);
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for (i, f) in files.iter().enumerate() {
        let text: Vec<char> = std::fs::read_to_string(f).unwrap().chars().collect();
        let n = check_spans(&report["sources"][i], &text);
        assert!(n > 50, "{f}: {n} spans");
    }
}

fn check_spans(v: &serde_json::Value, text: &[char]) -> usize {
    match v {
        serde_json::Value::Array(a) => a.iter().map(|x| check_spans(x, text)).sum(),
        serde_json::Value::Object(o) => {
            let mut n = 0;
            if let (Some(s), Some(e)) = (
                o.get("start").and_then(|x| x.as_u64()),
                o.get("end").and_then(|x| x.as_u64()),
            ) {
                assert_eq!(
                    text[s as usize..e as usize].iter().collect::<String>(),
                    o["text"].as_str().unwrap()
                );
                n += 1;
            }
            n + o.values().map(|x| check_spans(x, text)).sum::<usize>()
        }
        _ => 0,
    }
}

#[test]
fn stdin_and_jsonl() {
    let out = run(
        &["analyze", "-"],
        Some("Turkey said 5 people died.".as_bytes()),
    );
    assert!(out.status.success());
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["sources"][0]["name"], "stdin");

    let lines = "{\"id\": \"a\", \"name\": \"Alpha\", \"text\": \"Turkey said 5 people died.\"}\n\n{\"id\": \"b\", \"text\": \"Syria said 7.\"}\n";
    let out = run(&["analyze", "--jsonl", "-"], Some(lines.as_bytes()));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["sources"].as_array().unwrap().len(), 2);
    assert_eq!(r["sources"][0]["id"], "a");
    assert_eq!(r["sources"][0]["name"], "Alpha");
    assert_eq!(r["sources"][1]["name"], "b", "name defaults to the id");
}

/// A source's address and publication date go in with `--jsonl` and come out on its report,
/// as given; a report's sources (with their texts) written back as JSONL give the same report
/// byte for byte, so a report can be re-made from what it holds.
#[test]
fn jsonl_url_and_published_round_trip() {
    let sources = [
        serde_json::json!({"id": "a", "name": "Alpha", "text": "Turkey said 5 people died in Ankara on Monday.",
            "url": "https://alpha.example/news/1", "published": "2019-10-09"}),
        serde_json::json!({"id": "b", "name": "Beta", "text": "Five people died in Ankara, Turkey said.",
            "published": "2019-10-10T08:30:00Z"}),
        serde_json::json!({"id": "c", "name": "Gamma", "text": "Ankara: five dead.", "url": null}),
    ];
    let lines: String = sources.iter().map(|s| format!("{s}\n")).collect();
    let out = run(&["analyze", "--jsonl", "-"], Some(lines.as_bytes()));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for (i, s) in sources.iter().enumerate() {
        let got = &r["sources"][i];
        for k in ["url", "published"] {
            // Given: echoed as given; not given (or null): absent, not null or "".
            match s.get(k).filter(|v| !v.is_null()) {
                Some(v) => assert_eq!(&got[k], v, "source {i} {k}"),
                None => assert!(got.get(k).is_none(), "source {i} has {k} {:?}", got.get(k)),
            }
        }
    }
    assert_eq!(
        r["warnings"],
        serde_json::json!([]),
        "good addresses and dates need no warning"
    );
    // The report's sources, each with its text, as JSONL again: the same report.
    let again: String = r["sources"]
        .as_array()
        .unwrap()
        .iter()
        .zip(&sources)
        .map(|(rs, s)| {
            let mut o = serde_json::Map::new();
            for k in ["id", "name", "url", "published"] {
                if let Some(v) = rs.get(k) {
                    o.insert(k.into(), v.clone());
                }
            }
            o.insert("text".into(), s["text"].clone());
            format!("{}\n", serde_json::Value::Object(o))
        })
        .collect();
    let out2 = run(&["analyze", "--jsonl", "-"], Some(again.as_bytes()));
    assert!(out2.status.success());
    assert!(
        out2.stdout == out.stdout,
        "the report made again from its own sources differs"
    );
}

/// An address or a date an export cannot use is kept, with a warning saying which source; a
/// non-string value is refused like any other bad field.
#[test]
fn jsonl_bad_url_or_date_warns_and_non_string_is_refused() {
    let lines = "{\"id\": \"a\", \"text\": \"Turkey said 5 people died.\", \"url\": \"javascript:alert(1)\", \"published\": \"last Monday\"}\n";
    let out = run(&["analyze", "--jsonl", "-"], Some(lines.as_bytes()));
    assert!(out.status.success());
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["sources"][0]["url"], "javascript:alert(1)");
    assert_eq!(r["sources"][0]["published"], "last Monday");
    let warnings = r["warnings"].to_string();
    assert!(
        warnings.contains("source a: url") && warnings.contains("not an http(s) address"),
        "{warnings}"
    );
    assert!(
        warnings.contains("source a: published") && warnings.contains("ISO 8601"),
        "{warnings}"
    );
    let out = run(
        &["analyze", "--jsonl", "-"],
        Some("{\"id\": \"a\", \"text\": \"x y z w.\", \"published\": 2019}\n".as_bytes()),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(":1:") && err.contains("\"published\" must be a string"),
        "{err}"
    );
}

/// (name, args, stdin, words the message must contain, reason)
#[test]
fn bad_input_exits_2_with_a_clear_message_and_no_output() {
    let missing = fixture("no-such-file.txt");
    let dir = std::env::temp_dir().join(format!("crosscheck-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad_utf8 = dir.join("latin1.txt");
    std::fs::write(&bad_utf8, b"Caf\xe9 in Ankara\nsecond line").unwrap();
    let bad_utf8 = bad_utf8.display().to_string();
    let jsonl_bad = dir.join("bad.jsonl");
    std::fs::write(
        &jsonl_bad,
        "{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"text\": \n",
    )
    .unwrap();
    let jsonl_bad = jsonl_bad.display().to_string();
    let jsonl_missing = dir.join("missing.jsonl");
    std::fs::write(&jsonl_missing, "{\"id\": \"a\"}\n").unwrap();
    let jsonl_missing = jsonl_missing.display().to_string();
    let cases: Vec<(&str, Vec<&str>, Vec<&str>, &str)> = vec![
        (
            "missing_file",
            vec!["analyze", &missing],
            vec![&missing, "cannot read"],
            "an unreadable file is named",
        ),
        (
            "invalid_utf8",
            vec!["analyze", &bad_utf8],
            vec![&bad_utf8, ":1:", "UTF-8"],
            "invalid UTF-8 names file and line",
        ),
        (
            "malformed_jsonl",
            vec!["analyze", "--jsonl", &jsonl_bad],
            vec![&jsonl_bad, ":2:", "JSON"],
            "a broken line is named by number",
        ),
        (
            "jsonl_without_text",
            vec!["analyze", "--jsonl", &jsonl_missing],
            vec![":1:", "missing \"text\""],
            "a missing field is named",
        ),
        (
            "no_files",
            vec!["analyze"],
            vec!["no input files"],
            "nothing to analyse",
        ),
        (
            "unknown_command",
            vec!["frobnicate"],
            vec!["unknown command"],
            "a typo in the command",
        ),
        (
            "unknown_option",
            vec!["analyze", "--fast", "x"],
            vec!["unknown option"],
            "a typo in an option",
        ),
    ];
    for (name, args, words, reason) in cases {
        let out = run(&args, None);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{name} ({reason}): exit code; stderr: {err}"
        );
        assert!(out.stdout.is_empty(), "{name}: printed to stdout");
        for w in words {
            assert!(err.contains(w), "{name} ({reason}): {w:?} not in {err:?}");
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// Over `Options::max_total_bytes` (20 MiB) in total, across files: refused before analysis,
/// exit 2, a message naming the limit, nothing on stdout.
#[test]
fn input_over_the_size_limit_exits_2_naming_the_limit() {
    let limit = crosscheck::Options::default().max_total_bytes;
    let dir = std::env::temp_dir().join(format!("crosscheck-cli-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Two files, each under the limit, together over it.
    let line = "Turkey said 2,000 fighters crossed the border on Monday, officials said.\n";
    let half = line.repeat(limit / 2 / line.len() + 1000);
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    std::fs::write(&a, &half).unwrap();
    std::fs::write(&b, &half).unwrap();
    assert!(half.len() < limit && 2 * half.len() > limit);
    let started = std::time::Instant::now();
    let out = run(
        &[
            "analyze",
            &a.display().to_string(),
            &b.display().to_string(),
        ],
        None,
    );
    std::fs::remove_dir_all(&dir).ok();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "exit code; stderr: {err}");
    assert!(out.stdout.is_empty(), "printed to stdout");
    let named = format!("limit of {:.1} MB", limit as f64 / 1e6);
    assert!(err.contains(&named), "{named:?} not in {err:?}");
    assert!(err.contains("fewer or shorter"), "no advice in {err:?}");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "refusing took {:?}: was the input analysed?",
        started.elapsed()
    );
}
