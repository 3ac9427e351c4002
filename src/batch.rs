//! Many stories in one JSONL file (`crosscheck batch`): each line is one source with a `story`
//! field; the output is one line per story, `{"story": ..., "report": {...}}`, the report with
//! code-point offsets exactly as `crosscheck analyze --jsonl` prints it for that story's
//! sources (in input order).
//!
//! Lines of one story need not be next to each other. A first pass reads every line, reports
//! the bad ones and records where each story's lines are; then stories are read back one at a
//! time and analysed on all cores, a bounded number in flight, so memory follows the largest
//! story and not the file. Stories come out in the order of their first line, whatever the
//! number of threads.

use crate::{analyze, check, offsets, Error, Offsets, Options, Source};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::panic::AssertUnwindSafe;
use std::sync::{mpsc, Condvar, Mutex};

/// A source from one JSON object: `id` and `text` (strings) required, `name`, `url` and
/// `published` optional (a string or null); other fields are ignored. The error says which
/// field is wrong.
pub fn source_from_json(obj: &Map<String, Value>) -> Result<Source, String> {
    let id = field(obj, "id")?.ok_or("missing \"id\"")?;
    let text = field(obj, "text")?.ok_or("missing \"text\"")?;
    let name = field(obj, "name")?.unwrap_or(id);
    let url = field(obj, "url")?;
    let published = field(obj, "published")?;
    Ok(Source::new(id, name, text).with_meta(url, published))
}

fn field<'a>(obj: &'a Map<String, Value>, key: &str) -> Result<Option<&'a str>, String> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(format!("\"{key}\" must be a string")),
    }
}

/// One input line → its story and its source, or why the line is unusable.
pub fn parse_line(line: &str) -> Result<(String, Source), String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("not a JSON object: {e}"))?;
    let Value::Object(obj) = value else {
        return Err("expected a JSON object {\"story\", \"id\", \"name\", \"text\"}".into());
    };
    let story = match obj.get("story") {
        Some(Value::String(s)) => s.clone(),
        None | Some(Value::Null) => return Err("missing \"story\"".into()),
        Some(_) => return Err("\"story\" must be a string".into()),
    };
    Ok((story, source_from_json(&obj)?))
}

/// One output line (without the newline): `{"story":...,"report":{...}}`, the report with
/// code-point offsets. Fails only as [`check`] does (no sources, or over the limits).
pub fn story_line(story: &str, sources: &[Source], options: &Options) -> Result<String, Error> {
    check(sources, options)?;
    let mut report = analyze(sources, options);
    let texts: Vec<&str> = sources.iter().map(|s| s.text.as_str()).collect();
    offsets::convert(&mut report, &texts, Offsets::Codepoints);
    #[derive(serde::Serialize)]
    struct Line<'a> {
        story: &'a str,
        report: &'a crate::Report,
    }
    // Serialising the report's plain types cannot fail.
    Ok(serde_json::to_string(&Line {
        story,
        report: &report,
    })
    .unwrap_or_default())
}

/// What a run did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Stories written.
    pub stories: usize,
    /// Sources in the stories written.
    pub sources: usize,
    /// Lines skipped (each with a message).
    pub bad_lines: usize,
    /// Stories skipped as a whole because [`check`] refused them (each with a message).
    pub bad_stories: usize,
}

/// Where one story's lines are in the file.
struct Story {
    name: String,
    /// (byte offset, length, line number from 1) of each line, in file order.
    lines: Vec<(u64, usize, usize)>,
}

/// Input that can be read again from any line: a file, or bytes in memory.
pub trait Input: Read + Seek + Send {}
impl<T: Read + Seek + Send> Input for T {}

/// Reads the input `open` gives (called once for the first pass and once per worker, so the
/// caller chooses where it comes from: a file, bytes in memory), writes one line per story to `out` in the order of each story's first line,
/// and a message per skipped line or story to `messages` ("line N: ..."). `threads` stories
/// are analysed at once (at least 1). Fails only when reading or writing fails.
pub fn run(
    open: &(dyn Fn() -> io::Result<Box<dyn Input>> + Sync),
    threads: usize,
    out: &mut dyn Write,
    messages: &mut dyn Write,
) -> io::Result<Summary> {
    let options = Options::default();
    let mut summary = Summary::default();
    let stories = index(open()?, messages, &mut summary)?;
    let threads = threads.max(1).min(stories.len().max(1));
    // With several stories at once, each story runs on one thread (no nested threads).
    let one_thread_each = threads > 1;
    let window = threads * 2;
    // The next story to hand out and the next to write: a worker waits while it is `window`
    // ahead, so at most `window` stories are in memory.
    let state = Mutex::new((0usize, 0usize));
    let turn = Condvar::new();
    let (done_tx, done_rx) = mpsc::channel::<(usize, io::Result<StoryResult>)>();
    std::thread::scope(|scope| -> io::Result<()> {
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let (state, turn, stories, options) = (&state, &turn, &stories, &options);
            scope.spawn(move || {
                crate::set_one_thread(one_thread_each);
                let mut file = None;
                loop {
                    let i = {
                        let mut s = state.lock().unwrap_or_else(|e| e.into_inner());
                        while s.0 < stories.len() && s.0 >= s.1 + window {
                            s = turn.wait(s).unwrap_or_else(|e| e.into_inner());
                        }
                        if s.0 >= stories.len() {
                            break;
                        }
                        s.0 += 1;
                        s.0 - 1
                    };
                    // Analysis never panics; were it to, that story is skipped, not the run.
                    let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
                        let f = match &mut file {
                            Some(f) => f,
                            None => file.insert(open()?),
                        };
                        one_story(f, &stories[i], options)
                    }))
                    .unwrap_or_else(|_| {
                        Ok(StoryResult {
                            line: Err(format!(
                                "story {:?}: skipped: the analysis failed",
                                stories[i].name
                            )),
                            sources: 0,
                            messages: Vec::new(),
                        })
                    });
                    if done_tx.send((i, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let mut pending = BTreeMap::new();
        let mut next = 0;
        let mut failure = None;
        for (i, result) in done_rx {
            pending.insert(i, result);
            while let Some(result) = pending.remove(&next) {
                if failure.is_none() {
                    if let Err(e) = write_story(result, out, messages, &mut summary) {
                        failure = Some(e);
                    }
                }
                next += 1;
                let mut s = state.lock().unwrap_or_else(|e| e.into_inner());
                s.1 = next;
                if failure.is_some() {
                    // Stop handing out stories.
                    s.0 = stories.len();
                }
                turn.notify_all();
            }
        }
        failure.map_or(Ok(()), Err)
    })?;
    out.flush()?;
    Ok(summary)
}

/// One story's output line and the messages of lines skipped on the way.
struct StoryResult {
    line: Result<String, String>,
    sources: usize,
    messages: Vec<String>,
}

fn write_story(
    result: io::Result<StoryResult>,
    out: &mut dyn Write,
    messages: &mut dyn Write,
    summary: &mut Summary,
) -> io::Result<()> {
    let r = result?;
    summary.bad_lines += r.messages.len();
    for m in &r.messages {
        writeln!(messages, "{m}")?;
    }
    match r.line {
        Ok(line) => {
            summary.stories += 1;
            summary.sources += r.sources;
            writeln!(out, "{line}")
        }
        Err(message) => {
            summary.bad_stories += 1;
            writeln!(messages, "{message}")
        }
    }
}

/// Reads one story's lines back and analyses them.
fn one_story(
    file: &mut Box<dyn Input>,
    story: &Story,
    options: &Options,
) -> io::Result<StoryResult> {
    let mut sources = Vec::with_capacity(story.lines.len());
    let mut messages = Vec::new();
    let mut bytes = Vec::new();
    for &(at, len, number) in &story.lines {
        file.seek(SeekFrom::Start(at))?;
        bytes.resize(len, 0);
        file.read_exact(&mut bytes)?;
        // The first pass accepted this line; it can only fail if the file changed since.
        match std::str::from_utf8(&bytes)
            .map_err(|_| "not valid UTF-8".to_string())
            .and_then(parse_line)
        {
            Ok((_, source)) => sources.push(source),
            Err(e) => messages.push(format!("line {number}: {e} (the file changed while read)")),
        }
    }
    let first = story.lines.first().map_or(0, |l| l.2);
    let line = story_line(&story.name, &sources, options)
        .map_err(|e| format!("story {:?} (first line {first}): skipped: {e}", story.name));
    Ok(StoryResult {
        line,
        sources: sources.len(),
        messages,
    })
}

/// The first pass: every line parsed, bad ones reported, each story's lines recorded in the
/// order of the story's first line.
fn index(
    input: Box<dyn Input>,
    messages: &mut dyn Write,
    summary: &mut Summary,
) -> io::Result<Vec<Story>> {
    let mut reader = BufReader::with_capacity(1 << 20, input);
    let mut stories: Vec<Story> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut buf = Vec::new();
    let mut at = 0u64;
    let mut number = 0;
    loop {
        buf.clear();
        let read = reader.read_until(b'\n', &mut buf)?;
        if read == 0 {
            break;
        }
        number += 1;
        let start = at;
        at += read as u64;
        let mut line = &buf[..];
        while let [rest @ .., b'\n' | b'\r'] = line {
            line = rest;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let parsed = std::str::from_utf8(line)
            .map_err(|e| {
                format!(
                    "not valid UTF-8 (bad byte at column {})",
                    e.valid_up_to() + 1
                )
            })
            .and_then(parse_line);
        match parsed {
            Ok((name, _)) => {
                let k = match by_name.get(&name) {
                    Some(&k) => k,
                    None => {
                        by_name.insert(name.clone(), stories.len());
                        stories.push(Story {
                            name,
                            lines: Vec::new(),
                        });
                        stories.len() - 1
                    }
                };
                stories[k].lines.push((start, line.len(), number));
            }
            Err(e) => {
                summary.bad_lines += 1;
                writeln!(messages, "line {number}: {e}")?;
            }
        }
    }
    Ok(stories)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_names_what_is_wrong() {
        assert_eq!(
            parse_line("[1]").unwrap_err(),
            "expected a JSON object {\"story\", \"id\", \"name\", \"text\"}"
        );
        assert_eq!(
            parse_line(r#"{"id":"a","text":"x"}"#).unwrap_err(),
            "missing \"story\""
        );
        assert_eq!(
            parse_line(r#"{"story":1,"id":"a","text":"x"}"#).unwrap_err(),
            "\"story\" must be a string"
        );
        assert_eq!(
            parse_line(r#"{"story":"s","id":"a"}"#).unwrap_err(),
            "missing \"text\""
        );
        assert_eq!(
            parse_line(r#"{"story":"s","id":"a","text":"x","url":3}"#).unwrap_err(),
            "\"url\" must be a string"
        );
        assert!(parse_line("{")
            .unwrap_err()
            .starts_with("not a JSON object"));
        let (story, source) = parse_line(r#"{"story":"s","id":"a","text":"x"}"#).unwrap();
        assert_eq!((story.as_str(), source.name.as_str()), ("s", "a"));
    }
}
