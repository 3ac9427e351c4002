//! Arbitrary bytes → several sources → `analyze`: no panic, and every span of every source is
//! in bounds, on char boundaries and slices back to its `text` in UTF-8, UTF-16 and code points.
//!
//! Input layout: the bytes are split at each 0xFF (which never occurs in UTF-8, so it does not
//! steal from the text), at most 8 sources; each part becomes text by `from_utf8_lossy`.
#![no_main]

use crosscheck::{analyze, offsets, Offsets, Options, Source};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// Calls `f(start, end, text)` for every `{start, end, text}` object under `v`.
fn spans(v: &Value, f: &mut dyn FnMut(usize, usize, &str)) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| spans(x, f)),
        Value::Object(o) => {
            if let (Some(s), Some(e), Some(t)) = (
                o.get("start").and_then(Value::as_u64),
                o.get("end").and_then(Value::as_u64),
                o.get("text").and_then(Value::as_str),
            ) {
                f(s as usize, e as usize, t);
            }
            o.values().for_each(|x| spans(x, f));
        }
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let texts: Vec<String> = data
        .split(|&b| b == 0xFF)
        .take(8)
        .map(|part| String::from_utf8_lossy(part).into_owned())
        .collect();
    let sources: Vec<Source> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Source::new(&format!("s{}", i + 1), "fuzz", t))
        .collect();
    let report = analyze(&sources, &Options::default());
    assert_eq!(report.sources.len(), sources.len());
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();

    // UTF-8 bytes.
    let v = serde_json::to_value(&report).unwrap();
    for (i, text) in refs.iter().enumerate() {
        spans(&v["sources"][i], &mut |s, e, t| {
            assert!(s <= e && e <= text.len(), "span {s}..{e} out of bounds");
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
            assert_eq!(&text[s..e], t);
        });
    }

    // UTF-16 code units.
    let mut r16 = report.clone();
    offsets::convert(&mut r16, &refs, Offsets::Utf16);
    let v = serde_json::to_value(&r16).unwrap();
    for (i, text) in refs.iter().enumerate() {
        let units: Vec<u16> = text.encode_utf16().collect();
        spans(&v["sources"][i], &mut |s, e, t| {
            assert!(
                s <= e && e <= units.len(),
                "utf16 span {s}..{e} out of bounds"
            );
            let want: Vec<u16> = t.encode_utf16().collect();
            assert_eq!(&units[s..e], &want[..], "utf16 span {s}..{e}");
        });
    }

    // Code points.
    let mut rcp = report;
    offsets::convert(&mut rcp, &refs, Offsets::Codepoints);
    let v = serde_json::to_value(&rcp).unwrap();
    for (i, text) in refs.iter().enumerate() {
        let chars: Vec<char> = text.chars().collect();
        spans(&v["sources"][i], &mut |s, e, t| {
            assert!(
                s <= e && e <= chars.len(),
                "code point span {s}..{e} out of bounds"
            );
            assert!(
                chars[s..e].iter().copied().eq(t.chars()),
                "code point span {s}..{e}"
            );
        });
    }
});
