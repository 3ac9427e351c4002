//! Alias resolution, as named data in tests/fixtures/aliases.json: names that must share one
//! key (one entity) and names that must not; and names one source must have (`found`, with
//! their label) or must not (`absent`) once the sources are analysed together.

use crosscheck::{analyze, Options, Source};
use serde_json::Value;

#[test]
fn alias_cases() {
    let cases: Vec<Value> = serde_json::from_str(include_str!("fixtures/aliases.json")).unwrap();
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let sources: Vec<Source> = case["sources"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .map(|(i, t)| Source::new(&format!("s{}", i + 1), "n", t.as_str().unwrap()))
            .collect();
        let report = analyze(&sources, &Options::default());
        let key_of = |text: &str| -> Option<String> {
            report
                .sources
                .iter()
                .flat_map(|s| &s.entities)
                .find(|e| e.text == text)
                .map(|e| e.key.clone())
        };
        for (field, want_same) in [("same", true), ("different", false)] {
            for pair in case
                .get(field)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let (a, b) = (pair[0].as_str().unwrap(), pair[1].as_str().unwrap());
                match (key_of(a), key_of(b)) {
                    (Some(ka), Some(kb)) if (ka == kb) != want_same => failures.push(format!(
                        "{name} ({}): {a:?} key {ka:?}, {b:?} key {kb:?}",
                        case["reason"]
                    )),
                    (Some(_), Some(_)) => {}
                    (ka, kb) => failures.push(format!(
                        "{name}: mention missing: {a:?} {ka:?}, {b:?} {kb:?}"
                    )),
                }
            }
        }
        // Per source (numbered from 1): names found with their label, and names not found.
        let in_source = |m: &Value| {
            let n = m["source"].as_u64().unwrap() as usize;
            let text = m["text"].as_str().unwrap().to_string();
            let e = report.sources[n - 1]
                .entities
                .iter()
                .find(|e| e.text == text);
            (n, text, e)
        };
        for m in case
            .get("found")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            match in_source(m) {
                // The key, when given, is the entity's name as every source's mention shows it.
                (_, _, Some(e))
                    if e.label.as_str() == m["label"]
                        && m.get("key").is_none_or(|k| k == e.key.as_str()) => {}
                (n, text, e) => failures.push(format!(
                    "{name} ({}): {text:?} in source {n} is {:?}, not {} {}",
                    case["reason"],
                    e.map(|e| (e.label.as_str(), e.key.as_str())),
                    m["label"],
                    m.get("key").map_or(String::new(), |k| format!("key {k}"))
                )),
            }
        }
        for m in case
            .get("absent")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let (n, text, Some(_)) = in_source(m) {
                failures.push(format!(
                    "{name} ({}): {text:?} should not be a name in source {n}",
                    case["reason"]
                ));
            }
        }
        // The cluster lists every surface form.
        for e in &report.comparison.entities {
            for s in &report.sources {
                for m in s
                    .entities
                    .iter()
                    .filter(|m| m.key == e.key && m.label.is_name())
                {
                    assert!(
                        e.names.contains(&m.text),
                        "{name}: {:?} not in names of {}",
                        m.text,
                        e.key
                    );
                }
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
