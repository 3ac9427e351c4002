//! Properties over arbitrary text: analysis never panics, every span is in bounds, on char
//! boundaries and slices back to its `text`, and output is deterministic.
#![cfg(not(target_arch = "wasm32"))]

use crosscheck::{analyze, offsets, Offsets, Options, Source};
use proptest::prelude::*;

/// Text built from pieces that exercise the recognisers, mixed with arbitrary characters.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Turkey".to_string()),
        Just("Erdoğan".to_string()),
        Just("İstanbul".to_string()),
        Just(" said ".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("U.S.".to_string()),
        Just("Lt. Gen. ".to_string()),
        Just("some 2,000".to_string()),
        Just("$81 million".to_string()),
        Just("tens of thousands".to_string()),
        Just("October 9, 2019".to_string()),
        Just("6/14-6/15".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("Leave a Reply\n".to_string()),
        Just("😀".to_string()),
        Just("e\u{0301}".to_string()),
        Just("’s".to_string()),
        Just("al-".to_string()),
        Just(" ".to_string()),
        "\\PC{0,8}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn check(text: &str, report: &crosscheck::Report) {
    let v = serde_json::to_value(report).unwrap();
    fn walk(v: &serde_json::Value, text: &str) {
        match v {
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, text)),
            serde_json::Value::Object(o) => {
                if let (Some(s), Some(e)) = (
                    o.get("start").and_then(|x| x.as_u64()),
                    o.get("end").and_then(|x| x.as_u64()),
                ) {
                    let (s, e) = (s as usize, e as usize);
                    assert!(s <= e && e <= text.len(), "out of bounds");
                    assert!(
                        text.is_char_boundary(s) && text.is_char_boundary(e),
                        "not a char boundary"
                    );
                    assert_eq!(&text[s..e], o["text"].as_str().unwrap());
                }
                o.values().for_each(|x| walk(x, text));
            }
            _ => {}
        }
    }
    walk(&v["sources"][0], text);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn spans_slice_back_for_any_text(text in newsy_text()) {
        let sources = [Source::new("s1", "a", &text), Source::new("s2", "b", &text)];
        let report = analyze(&sources, &Options::default());
        check(&text, &report);
        let mut cp = report.clone();
        offsets::convert(&mut cp, &[&text, &text], Offsets::Codepoints);
        for (e, b) in cp.sources[0].entities.iter().zip(&report.sources[0].entities) {
            prop_assert_eq!(e.start, text[..b.start].chars().count());
        }
        let again = serde_json::to_string(&analyze(&sources, &Options::default())).unwrap();
        prop_assert_eq!(serde_json::to_string(&report).unwrap(), again);
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,300}") {
        let report = analyze(&[Source::new("s1", "a", &text)], &Options::default());
        check(&text, &report);
    }
}
