//! The wasm API in a JS engine (Node, and headless Chromium with WASM_BINDGEN_USE_BROWSER=1):
//! offsets are UTF-16 code units, so JS `text.slice(start, end)` gives back every `text`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Reflect, JSON};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("field")
}

fn sources(texts: &[&str]) -> JsValue {
    let arr = Array::new();
    for (i, t) in texts.iter().enumerate() {
        let o = js_sys::Object::new();
        Reflect::set(&o, &"id".into(), &format!("s{}", i + 1).into()).unwrap();
        Reflect::set(&o, &"name".into(), &format!("source {}", i + 1).into()).unwrap();
        Reflect::set(&o, &"text".into(), &(*t).into()).unwrap();
        arr.push(&o);
    }
    arr.into()
}

/// Every object with start/end must have text == JS text.slice(start, end); returns how many.
fn check_spans(v: &JsValue, text: &JsString) -> usize {
    let mut n = 0;
    if Array::is_array(v) {
        for item in Array::from(v).iter() {
            n += check_spans(&item, text);
        }
    } else if v.is_object() {
        let start = get(v, "start");
        if let (Some(s), Some(e)) = (start.as_f64(), get(v, "end").as_f64()) {
            let got = text.slice(s as u32, e as u32);
            assert_eq!(JsValue::from(got), get(v, "text"), "span {s}..{e}");
            n += 1;
        }
        for key in js_sys::Object::keys(&js_sys::Object::from(v.clone())).iter() {
            n += check_spans(&get(v, &key.as_string().unwrap()), text);
        }
    }
    n
}

// Astral-plane emoji and dotted capital I make UTF-16, code-point and byte offsets all differ.
const TRICKY: &str = "Officials met Erdoğan 😀 in İstanbul on October 9, 2019. \
    “Some 2,000 fighters 👨‍👩‍👧 crossed into Turkey,” the official said. 東京 and القاهرة reported 40k.";

#[wasm_bindgen_test]
fn utf16_offsets_slice_back_exactly() {
    let report = crosscheck::wasm::analyze(sources(&[TRICKY])).expect("report");
    assert_eq!(
        get(&report, "offsets").as_string().as_deref(),
        Some("utf16")
    );
    let text = JsString::from(TRICKY);
    let source = Array::from(&get(&report, "sources")).get(0);
    let n = check_spans(&source, &text);
    assert!(n >= 5, "only {n} spans checked");
    // İstanbul comes after the emoji: its UTF-16 start must equal JS indexOf.
    let ents = Array::from(&get(&source, "entities"));
    let ist = ents
        .iter()
        .find(|e| get(e, "text").as_string().as_deref() == Some("İstanbul"))
        .expect("İstanbul found");
    assert_eq!(
        get(&ist, "start").as_f64(),
        Some(text.index_of("İstanbul", 0) as f64)
    );
}

#[wasm_bindgen_test]
fn several_sources_compare() {
    let report = crosscheck::wasm::analyze(sources(&[
        "Turkey arrested 20 suspects on Monday, officials said.",
        "Officials said Turkey arrested 20 suspects 😀 on Monday.",
    ]))
    .expect("report");
    let clusters = Array::from(&get(&get(&report, "comparison"), "entities"));
    let turkey = clusters
        .iter()
        .find(|c| get(c, "key").as_string().as_deref() == Some("turkey"))
        .expect("turkey cluster");
    let counts = get(&turkey, "sources");
    assert_eq!(get(&counts, "s1").as_f64(), Some(1.0));
    assert_eq!(get(&counts, "s2").as_f64(), Some(1.0));
    let groups = Array::from(&get(&get(&report, "comparison"), "claims"));
    let first = groups.get(0);
    assert_eq!(
        get(&first, "status").as_string().as_deref(),
        Some("corroborated")
    );
}

#[wasm_bindgen_test]
fn bad_arguments_throw_clear_errors() {
    for bad in [
        JsValue::from_str("text"),
        JsValue::NULL,
        JSON::parse(r#"[{"id": 1, "text": "x"}]"#).unwrap(),
        JSON::parse(r#"[{"id": "a"}]"#).unwrap(),
        Array::new().into(),
    ] {
        let err = crosscheck::wasm::analyze(bad).expect_err("an error");
        let err: JsValue = err.into();
        let message = get(&err, "message").as_string().unwrap_or_default();
        assert!(
            message.contains("analyze expects") || message.contains("no sources"),
            "unclear message: {message}"
        );
    }
}
