//! Every span in a report slices back to its `text`, in every unit: UTF-8 bytes (the core),
//! Unicode code points (the CLI) and UTF-16 code units (the wasm API), on text with emoji,
//! combining marks, CJK, right-to-left scripts and CRLF line ends.

use crosscheck::offsets::{self, Converter};
use crosscheck::{analyze, Offsets, Options, Source};
use serde_json::Value;

/// (name, text): each stresses a different way units diverge.
const TEXTS: &[(&str, &str)] = &[
    ("emoji", "Officials 😀 said 2,000 fighters 👨‍👩‍👧 crossed into Turkey on Monday. 🇹🇷 Erdoğan denied it."),
    ("combining_marks", "Police in Şanlıurfa (S\u{0327}anlıurfa) and Ko\u{0308}ln said 40 people were held, officials said."),
    ("cjk", "東京 officials said 300 people fled. 北京 reported about 47 percent turnout in Beijing."),
    ("rtl", "Al Arabiya said القاهرة hosted 12 ministers. \u{202B}مرحبا\u{202C} Turkey confirmed the talks on Friday."),
    ("crlf", "Turkey arrests 20 suspects\r\n\r\nPolice said on Monday that 20 ISIS suspects were held in Istanbul.\r\nLeave a Reply\r\n"),
    // A resolved source points at a name before it: its span crosses the emoji too.
    ("resolved_pronoun", "İbrahim Kalın 😀 met reporters in Ankara on Monday. “The border is closed,” he said 👨‍👩‍👧 on Tuesday."),
    ("control_chars", "Turkey\u{0000} said\u{0007} 5 people \u{200B}died in\u{FEFF} Ankara, police said."),
];

/// Converts an offset in `unit` back to bytes, by walking the text.
fn to_byte(text: &str, unit: Offsets, x: usize) -> usize {
    let mut count = 0;
    for (b, c) in text.char_indices() {
        if count >= x {
            return b;
        }
        count += match unit {
            Offsets::Utf8 => c.len_utf8(),
            Offsets::Utf16 => c.len_utf16(),
            Offsets::Codepoints => 1,
        };
    }
    text.len()
}

/// Checks every {start, end, text} in `v`; returns how many.
fn check(v: &Value, text: &str, unit: Offsets, name: &str) -> usize {
    match v {
        Value::Array(a) => a.iter().map(|x| check(x, text, unit, name)).sum(),
        Value::Object(o) => {
            let mut n = 0;
            if let (Some(s), Some(e)) = (
                o.get("start").and_then(Value::as_u64),
                o.get("end").and_then(Value::as_u64),
            ) {
                let (s, e) = (
                    to_byte(text, unit, s as usize),
                    to_byte(text, unit, e as usize),
                );
                assert!(
                    text.is_char_boundary(s) && text.is_char_boundary(e),
                    "{name}: not on a char boundary"
                );
                assert_eq!(
                    &text[s..e],
                    o["text"].as_str().unwrap(),
                    "{name} ({unit:?})"
                );
                n += 1;
            }
            n + o
                .values()
                .map(|x| check(x, text, unit, name))
                .sum::<usize>()
        }
        _ => 0,
    }
}

#[test]
fn spans_slice_back_in_every_unit() {
    for (name, text) in TEXTS {
        let sources = [Source::new("s1", name, text)];
        for unit in [Offsets::Utf8, Offsets::Codepoints, Offsets::Utf16] {
            let mut report = analyze(&sources, &Options::default());
            offsets::convert(&mut report, &[text], unit);
            assert_eq!(report.offsets, unit);
            let json = serde_json::to_value(&report).unwrap();
            let n = check(&json["sources"][0], text, unit, name);
            assert!(n >= 3, "{name}: only {n} spans");
        }
    }
}

#[test]
fn converter_matches_a_plain_count() {
    let text = "aé😀\u{0301}東\r\nz";
    for unit in [Offsets::Codepoints, Offsets::Utf16] {
        let conv = Converter::new(text, unit);
        for (b, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            let want: usize = text[..b]
                .chars()
                .map(|c| {
                    if unit == Offsets::Utf16 {
                        c.len_utf16()
                    } else {
                        1
                    }
                })
                .sum();
            assert_eq!(conv.convert(b), want, "{unit:?} at byte {b}");
        }
    }
    // Inside a surrogate pair rounds down to the emoji's start.
    assert_eq!(offsets::utf16_to_byte(text, 3), "aé".len());
    assert_eq!(offsets::utf16_to_byte(text, 4), "aé😀".len());
}

#[test]
fn every_byte_converts_as_a_plain_count_of_whole_chars() {
    // Offsets inside a char round down to its start; checkpoints fall inside chars too.
    let text = "Ünïcödé 😀 Turkey said 5. 東京\r\n".repeat(20);
    for unit in [Offsets::Utf8, Offsets::Codepoints, Offsets::Utf16] {
        let conv = Converter::new(&text, unit);
        for b in 0..=text.len() + 2 {
            let want: usize = text
                .char_indices()
                .filter(|&(i, c)| i + c.len_utf8() <= b)
                .map(|(_, c)| match unit {
                    Offsets::Utf8 => c.len_utf8(),
                    Offsets::Utf16 => c.len_utf16(),
                    Offsets::Codepoints => 1,
                })
                .sum();
            assert_eq!(conv.convert(b), want, "{unit:?} at byte {b}");
        }
    }
}

#[test]
fn long_texts_convert_across_checkpoints() {
    let text = "Ünïcödé 😀 Turkey said 5. ".repeat(200);
    let conv = Converter::new(&text, Offsets::Utf16);
    let b = text.rfind("Turkey").unwrap();
    assert_eq!(conv.convert(b), text[..b].encode_utf16().count());
}

#[test]
fn same_input_gives_identical_json() {
    let sources: Vec<Source> = TEXTS.iter().map(|(n, t)| Source::new(n, n, t)).collect();
    let a = serde_json::to_string(&analyze(&sources, &Options::default())).unwrap();
    let b = serde_json::to_string(&analyze(&sources, &Options::default())).unwrap();
    assert_eq!(a, b);
}
