//! `crosscheck batch`: one line per story, `{"story":...,"report":...}`, the report byte for
//! byte what `crosscheck analyze --jsonl` prints for that story's sources; stories in the order
//! of their first line whatever the threads; a bad line is reported with its number and
//! skipped, and nothing else is lost.

use serde_json::{json, Value};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_crosscheck");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn text(name: &str) -> String {
    std::fs::read_to_string(format!("{FIXTURES}/{name}")).unwrap()
}

/// One input line.
fn line(story: &str, id: &str, text: &str) -> String {
    json!({"story": story, "id": id, "name": format!("outlet {id}"), "text": text}).to_string()
}

/// A file in the test's own temporary folder.
fn file(test: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("crosscheck-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{test}.jsonl"));
    std::fs::write(&path, contents).unwrap();
    path
}

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn batch(path: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["batch"];
    args.extend_from_slice(extra);
    args.push(path.to_str().unwrap());
    run(&args, "")
}

/// What `analyze --jsonl` prints for these lines (without the story field, which it ignores).
fn analyze_jsonl(lines: &[&String]) -> String {
    let input: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let out = run(&["analyze", "--jsonl", "-"], &input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .trim_end()
        .to_string()
}

/// Two stories, their lines interleaved; the second has non-ASCII text.
fn two_stories() -> (Vec<String>, Vec<String>) {
    let derail = vec![
        line("derailment", "w", &text("derailment/wire.txt")),
        line("derailment", "l", &text("derailment/local.txt")),
        line("derailment", "n", &text("derailment/national.txt")),
    ];
    let other = vec![
        line("bridge", "d", &text("cli/daily.txt")),
        line(
            "bridge",
            "c",
            &format!("Zoë Müller 🚆 said on Monday: {}", text("cli/courier.txt")),
        ),
    ];
    (derail, other)
}

#[test]
fn interleaved_stories_come_out_in_first_line_order_each_as_analyze_prints_it() {
    // Reason: a story's lines need not be together, and its report must be exactly the one
    // `analyze --jsonl` gives for its sources in input order (code-point offsets included).
    let (d, b) = two_stories();
    let input = [&d[0], &b[0], &d[1], &b[1], &d[2]]
        .iter()
        .map(|l| format!("{l}\n"))
        .collect::<String>();
    let out = batch(&file("interleaved", &input), &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
    let got = String::from_utf8(out.stdout).unwrap();
    let want = format!(
        "{{\"story\":\"derailment\",\"report\":{}}}\n{{\"story\":\"bridge\",\"report\":{}}}\n",
        analyze_jsonl(&d.iter().collect::<Vec<_>>()),
        analyze_jsonl(&b.iter().collect::<Vec<_>>()),
    );
    assert!(
        got == want,
        "batch output differs from analyze --jsonl per story"
    );
    let bridge: Value = serde_json::from_str(got.lines().nth(1).unwrap()).unwrap();
    assert_eq!(bridge["report"]["offsets"], "codepoints");
    assert_eq!(bridge["report"]["sources"].as_array().unwrap().len(), 2);
}

#[test]
fn the_same_bytes_on_one_thread_or_many() {
    // Reason: output order must never depend on which story finished first.
    let (d, b) = two_stories();
    let mut input = String::new();
    for i in 0..6 {
        // Six stories of one or two sources, interleaved.
        input += &format!("{}\n", d[i % 3].replace("derailment", &format!("d{i}")));
        input += &format!("{}\n", b[i % 2].replace("bridge", &format!("b{}", i / 2)));
    }
    let path = file("threads", &input);
    let one = batch(&path, &["--threads", "1"]);
    assert!(one.status.success());
    assert_eq!(String::from_utf8_lossy(&one.stdout).lines().count(), 9);
    for threads in ["2", "3", "8"] {
        let many = batch(&path, &["--threads", threads]);
        assert!(many.status.success());
        assert!(
            one.stdout == many.stdout,
            "--threads {threads} differs from one thread"
        );
    }
}

#[test]
fn a_bad_line_is_reported_with_its_number_and_skipped_and_nothing_else_lost() {
    // Reason: one broken record in a large file must not cost the other stories (or the other
    // sources of its own story), and the user must be able to find it.
    let (d, b) = two_stories();
    let bad = [
        "{not json".to_string(),
        r#"{"story": "derailment", "id": "x"}"#.to_string(),
        r#"{"story": 7, "id": "y", "text": "A text."}"#.to_string(),
        r#"["story", "id", "text"]"#.to_string(),
        r#"{"id": "z", "text": "No story."}"#.to_string(),
    ];
    let lines = [
        &d[0], &bad[0], &b[0], &d[1], &bad[1], &bad[2], &b[1], &bad[3], &d[2], &bad[4],
    ];
    let input: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let out = batch(&file("bad", &input), &[]);
    assert_eq!(out.status.code(), Some(1), "skipped lines give exit code 1");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (n, what) in [
        (2, "not a JSON object"),
        (5, "missing \"text\""),
        (6, "\"story\" must be a string"),
        (8, "expected a JSON object"),
        (10, "missing \"story\""),
    ] {
        assert!(
            stderr.contains(&format!("line {n}: {what}")),
            "no message for line {n} ({what}) in:\n{stderr}"
        );
    }
    let good: String = [&d[0], &b[0], &d[1], &b[1], &d[2]]
        .iter()
        .map(|l| format!("{l}\n"))
        .collect();
    let clean = batch(&file("bad-removed", &good), &[]);
    assert!(clean.status.success());
    assert!(out.stdout == clean.stdout, "the good lines' output changed");
}

#[test]
fn a_story_over_the_limits_is_skipped_with_a_message_and_the_others_written() {
    // Reason: `check` refuses more than 1000 sources; that story alone is lost, and said so.
    let mut input = String::new();
    for i in 0..1001 {
        input += &format!("{}\n", line("huge", &format!("h{i}"), "One short text."));
    }
    let (d, _) = two_stories();
    input += &format!("{}\n", d[0]);
    let out = batch(&file("huge", &input), &[]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("story \"huge\" (first line 1): skipped: 1001 sources"),
        "{stderr}"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1);
    assert!(stdout.starts_with("{\"story\":\"derailment\","));
}

#[test]
fn empty_input_writes_nothing_and_succeeds() {
    // Reason: an empty file (or blank lines only) is no error; there is simply no story.
    for (name, contents) in [("empty", ""), ("blank", "\n  \n\r\n")] {
        let out = batch(&file(name, contents), &[]);
        assert!(out.status.success(), "{name}");
        assert!(out.stdout.is_empty() && out.stderr.is_empty(), "{name}");
    }
}

#[test]
fn crlf_lines_and_a_missing_last_newline_are_read() {
    // Reason: files from other systems end lines with \r\n, and the last line may lack one.
    let (d, _) = two_stories();
    let unix = batch(&file("unix", &format!("{}\n{}\n", d[0], d[1])), &[]);
    let dos = batch(&file("dos", &format!("{}\r\n{}", d[0], d[1])), &[]);
    assert!(unix.status.success() && dos.status.success());
    assert!(unix.stdout == dos.stdout);
}

#[test]
fn a_missing_file_is_an_error_with_its_name() {
    // Reason: a fatal error (nothing read) is exit code 2, unlike skipped lines (1).
    let out = run(&["batch", "/nonexistent/stories.jsonl"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/stories.jsonl"));
    assert!(out.stdout.is_empty());
}

#[test]
fn story_line_is_the_library_form_of_one_output_line() {
    // Reason: the Python package and Spark write lines through this function; it must agree
    // with the command.
    let (d, _) = two_stories();
    let out = batch(&file("library", &format!("{}\n", d[0])), &[]);
    let sources: Vec<_> = d[..1]
        .iter()
        .map(|l| crosscheck::batch::parse_line(l).unwrap().1)
        .collect();
    let line = crosscheck::batch::story_line("derailment", &sources, &Default::default()).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), format!("{line}\n"));
}
