//! The entity stage on small texts, as named data in tests/fixtures/entities.json (names) and
//! tests/fixtures/numbers.json (numbers and dates): each case
//! lists mentions that must be found with their label and values (and key, when given), and
//! texts that must not be.

use crosscheck::entities::{self, Mention};
use crosscheck::segment::segment;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
struct Case {
    name: String,
    reason: String,
    text: String,
    expect: Vec<Value>,
    #[serde(default)]
    absent: Vec<String>,
}

fn find(text: &str) -> Vec<Mention> {
    entities::find(text, &segment(text))
}

fn num(v: Option<f64>) -> Value {
    v.map_or(Value::Null, |x| serde_json::json!(x))
}

#[test]
fn entity_cases() {
    let mut cases: Vec<Case> =
        serde_json::from_str(include_str!("fixtures/entities.json")).unwrap();
    cases.extend(serde_json::from_str::<Vec<Case>>(include_str!("fixtures/numbers.json")).unwrap());
    let mut failures = Vec::new();
    for case in &cases {
        let found = find(&case.text);
        let show = || {
            found
                .iter()
                .map(|m| format!("{}:{}", m.label.as_str(), &case.text[m.span]))
                .collect::<Vec<_>>()
        };
        for want in &case.expect {
            let text = want["text"].as_str().unwrap();
            let Some(m) = found.iter().find(|m| &case.text[m.span] == text) else {
                failures.push(format!(
                    "{} ({}): {text:?} not found in {:?}",
                    case.name,
                    case.reason,
                    show()
                ));
                continue;
            };
            if m.label.as_str() != want["label"] {
                failures.push(format!(
                    "{}: {text:?} is {} not {}",
                    case.name,
                    m.label.as_str(),
                    want["label"]
                ));
            }
            let v = m.value.as_ref();
            // "value": null asks for no value at all ("a day" as a rate).
            if want.get("value").is_some_and(Value::is_null) && v.is_some() {
                failures.push(format!("{}: {text:?} has a value", case.name));
            }
            for (field, got) in [
                ("low", v.map(|v| num(v.low))),
                ("high", v.map(|v| num(v.high))),
            ] {
                if let Some(w) = want.get(field) {
                    let got = got.unwrap_or(Value::String("no value".into()));
                    if got.as_f64() != w.as_f64() || got.is_null() != w.is_null() {
                        failures.push(format!("{}: {text:?} {field} {got} not {w}", case.name));
                    }
                }
            }
            if let Some(u) = want.get("unit") {
                if v.and_then(|v| v.unit) != u.as_str() {
                    failures.push(format!(
                        "{}: {text:?} unit {:?} not {u}",
                        case.name,
                        v.and_then(|v| v.unit)
                    ));
                }
            }
            if let Some(key) = want.get("key") {
                if key.as_str() != Some(m.key.as_str()) {
                    failures.push(format!("{}: {text:?} key {:?} not {key}", case.name, m.key));
                }
            }
            if let Some(iso) = want.get("iso") {
                if m.iso.as_deref() != iso.as_str() {
                    failures.push(format!("{}: {text:?} iso {:?} not {iso}", case.name, m.iso));
                }
            }
        }
        for text in &case.absent {
            if found.iter().any(|m| &case.text[m.span] == text) {
                failures.push(format!(
                    "{} ({}): {text:?} should not be an entity",
                    case.name, case.reason
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn keys_fold_case_and_diacritics() {
    use crosscheck::entities::key::name_key;
    assert_eq!(name_key("Erdoğan"), name_key("Erdogan"));
    assert_eq!(name_key("İzmir"), "izmir");
    assert_eq!(name_key("Şanlıurfa"), "sanliurfa");
    assert_eq!(name_key("the Islamic State"), "islamic state");
    assert_eq!(name_key("Turkey’s"), "turkey");
    assert_eq!(name_key("U.S."), name_key("US"));
    assert_ne!(name_key("Syria"), name_key("Serbia"));
}

#[test]
fn mentions_are_sorted_and_disjoint() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/examples/001_f719dfeaf8b1054e.txt"
    ))
    .unwrap();
    let found = find(&text);
    assert!(found.len() > 30);
    for w in found.windows(2) {
        assert!(
            w[0].span.end <= w[1].span.start,
            "{:?} overlaps {:?}",
            w[0],
            w[1]
        );
    }
}
