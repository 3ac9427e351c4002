//! The Python module `crosscheck`: the core's analysis on a list of dicts, the report with
//! code-point offsets (Python `text[start:end]`), the same bytes as the command line.

use crosscheck::{analyze as analyze_core, batch, check, offsets, Offsets, Options, Source};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

/// The sources from a Python list (any iterable) of dicts: "id" and "text" strings required,
/// "name", "url" and "published" strings or None; other keys are ignored.
fn sources(items: &Bound<'_, PyAny>) -> PyResult<Vec<Source>> {
    if items.is_instance_of::<PyString>() || items.is_instance_of::<PyDict>() {
        return Err(PyValueError::new_err(
            "expected a list of sources, each a dict {\"id\", \"name\", \"text\"}",
        ));
    }
    let mut out = Vec::new();
    for (i, item) in items.try_iter()?.enumerate() {
        let item = item?;
        let n = i + 1;
        let dict = item.cast::<PyDict>().map_err(|_| {
            PyValueError::new_err(format!(
                "source {n}: expected a dict {{\"id\", \"name\", \"text\"}}"
            ))
        })?;
        let field = |key: &str| -> PyResult<Option<String>> {
            match dict.get_item(key)? {
                None => Ok(None),
                Some(v) if v.is_none() => Ok(None),
                Some(v) => v.extract::<String>().map(Some).map_err(|_| {
                    PyValueError::new_err(format!("source {n}: \"{key}\" must be a string"))
                }),
            }
        };
        let missing = |key: &str| PyValueError::new_err(format!("source {n}: missing \"{key}\""));
        let id = field("id")?.ok_or_else(|| missing("id"))?;
        let text = field("text")?.ok_or_else(|| missing("text"))?;
        let name = field("name")?.unwrap_or_else(|| id.clone());
        let url = field("url")?;
        let published = field("published")?;
        out.push(Source::new(&id, &name, &text).with_meta(url.as_deref(), published.as_deref()));
    }
    Ok(out)
}

/// The report as JSON with code-point offsets, or the core's message.
fn report_json(sources: &[Source]) -> Result<String, String> {
    let options = Options::default();
    check(sources, &options).map_err(|e| e.to_string())?;
    let mut report = analyze_core(sources, &options);
    let texts: Vec<&str> = sources.iter().map(|s| s.text.as_str()).collect();
    offsets::convert(&mut report, &texts, Offsets::Codepoints);
    serde_json::to_string(&report).map_err(|e| format!("could not write the report: {e}"))
}

/// analyze_json(sources) -> str
///
/// The report as a JSON string, byte for byte what `crosscheck analyze --jsonl` prints for
/// the same sources (without its newline). `sources` is a list of dicts with "id" and "text"
/// (strings) and optionally "name", "url", "published". Raises ValueError on bad input.
#[pyfunction]
fn analyze_json(py: Python<'_>, sources: &Bound<'_, PyAny>) -> PyResult<String> {
    let sources = self::sources(sources)?;
    py.detach(|| report_json(&sources))
        .map_err(PyValueError::new_err)
}

/// analyze(sources) -> dict
///
/// The report as a dict (json.loads of analyze_json): offsets are code points, so
/// `text[start:end]` is the span's text. Raises ValueError on bad input.
#[pyfunction]
fn analyze<'py>(py: Python<'py>, sources: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let json = analyze_json(py, sources)?;
    py.import("json")?.call_method1("loads", (json,))
}

/// batch_line(story, sources) -> str
///
/// One line of `crosscheck batch` output (without its newline): {"story": ..., "report":
/// {...}}, byte for byte. Raises ValueError on bad input.
#[pyfunction]
fn batch_line(py: Python<'_>, story: &str, sources: &Bound<'_, PyAny>) -> PyResult<String> {
    let sources = self::sources(sources)?;
    let story = story.to_string();
    py.detach(|| batch::story_line(&story, &sources, &Options::default()))
        .map_err(|e| PyValueError::new_err(e.to_string()))
}

/// parse_line(line) -> (story, source)
///
/// One line of `crosscheck batch` input read as the command reads it: its story and its
/// source as a dict ("id", "name", "text", "url", "published"). Raises ValueError with the
/// command's message for a line it would skip.
#[pyfunction]
fn parse_line<'py>(py: Python<'py>, line: &str) -> PyResult<(String, Bound<'py, PyDict>)> {
    let (story, source) = batch::parse_line(line).map_err(PyValueError::new_err)?;
    let dict = PyDict::new(py);
    dict.set_item("id", source.id)?;
    dict.set_item("name", source.name)?;
    dict.set_item("text", source.text)?;
    dict.set_item("url", source.url)?;
    dict.set_item("published", source.published)?;
    Ok((story, dict))
}

/// Compare news articles about one story: entities, claims, and what each source says.
#[pymodule]
#[pyo3(name = "crosscheck")]
fn crosscheck_python(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
    m.add_function(wrap_pyfunction!(batch_line, m)?)?;
    m.add_function(wrap_pyfunction!(parse_line, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
