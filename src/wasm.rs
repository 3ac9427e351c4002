//! The wasm binding, and the only file that knows about JS. `analyze(sources)` takes an array
//! of `{id, name, text}` (each optionally with `url` and `published`, echoed on its report) and
//! returns the report with UTF-16 offsets (JS `text.slice`).

use crate::{offsets, Offsets, Options, Source};
use wasm_bindgen::prelude::*;

/// Analyses and compares the sources; throws an Error with a clear message on a bad argument.
#[wasm_bindgen]
pub fn analyze(sources: JsValue) -> Result<JsValue, JsError> {
    if !js_sys::Array::is_array(&sources) {
        return Err(JsError::new(
            "analyze expects an array of {id, name, text} objects",
        ));
    }
    let sources: Vec<Source> = serde_wasm_bindgen::from_value(sources).map_err(|e| {
        JsError::new(&format!(
            "analyze expects an array of {{id, name, text}} objects (url and published optional), each with string fields: {e}"
        ))
    })?;
    let options = Options::default();
    crate::check(&sources, &options).map_err(|e| JsError::new(&e.to_string()))?;
    let mut report = crate::analyze(&sources, &options);
    let texts: Vec<&str> = sources.iter().map(|s| s.text.as_str()).collect();
    offsets::convert(&mut report, &texts, Offsets::Utf16);
    // One JSON string parsed by the engine costs a fraction of building the report's objects
    // field by field across the boundary.
    let json = serde_json::to_string(&report)
        .map_err(|e| JsError::new(&format!("could not build the report: {e}")))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("could not read the report"))
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// This build of the engine: the version and a hash of its code and models (`build.rs`). Two
/// builds that can give different reports have different names.
#[wasm_bindgen]
pub fn engine() -> String {
    env!("CROSSCHECK_ENGINE").to_string()
}
