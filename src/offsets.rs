//! Byte offsets → UTF-16 code units or Unicode code points, in one place.
//!
//! The core counts in UTF-8 bytes. The CLI reports code points (Python `text[start:end]`), the
//! wasm API UTF-16 code units (JS `text.slice(start, end)`). `convert` rewrites every offset of
//! a report once, at the edge.

use crate::report::{Offsets, Report};

/// Bytes between checkpoints: a conversion counts at most this many bytes.
const STEP: usize = 64;

/// Converts byte offsets of one text to another unit in O(STEP) per offset.
pub struct Converter<'a> {
    text: &'a str,
    unit: Offsets,
    /// Units before byte `k * STEP` (rounded down to a char boundary).
    checkpoints: Vec<(usize, usize)>,
}

fn units(c: char, unit: Offsets) -> usize {
    match unit {
        Offsets::Utf8 => c.len_utf8(),
        Offsets::Utf16 => c.len_utf16(),
        Offsets::Codepoints => 1,
    }
}

impl<'a> Converter<'a> {
    /// A converter for `text` into `unit`.
    pub fn new(text: &'a str, unit: Offsets) -> Converter<'a> {
        let mut checkpoints = Vec::with_capacity(text.len() / STEP + 1);
        let mut count = 0;
        let mut next = 0;
        for (b, c) in text.char_indices() {
            if b >= next {
                checkpoints.push((b, count));
                next = b + STEP;
            }
            count += units(c, unit);
        }
        checkpoints.push((text.len(), count));
        Converter {
            text,
            unit,
            checkpoints,
        }
    }

    /// The offset in the target unit of byte offset `byte` (clamped to the text, and rounded
    /// down to a char boundary).
    pub fn convert(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let k = match self.checkpoints.binary_search_by(|&(b, _)| b.cmp(&byte)) {
            Ok(k) => return self.checkpoints[k].1,
            Err(k) => k.saturating_sub(1),
        };
        let (b0, mut count) = self.checkpoints[k];
        for (b, c) in self.text[b0..].char_indices() {
            if b0 + b + c.len_utf8() > byte {
                break;
            }
            count += units(c, self.unit);
        }
        count
    }
}

/// Rewrites every offset of `report` (in bytes) into `unit`; `texts[i]` is source `i`'s text.
pub fn convert(report: &mut Report, texts: &[&str], unit: Offsets) {
    if report.offsets != Offsets::Utf8 || unit == Offsets::Utf8 {
        return;
    }
    for (source, text) in report.sources.iter_mut().zip(texts) {
        let conv = Converter::new(text, unit);
        source.for_each_offset(&mut |x| *x = conv.convert(*x));
    }
    report.offsets = unit;
}

/// UTF-16 offset → byte offset (for callers that come from JS), clamped and rounded down to a
/// char boundary.
pub fn utf16_to_byte(text: &str, utf16: usize) -> usize {
    let mut count = 0;
    for (b, c) in text.char_indices() {
        if count + c.len_utf16() > utf16 {
            return b;
        }
        count += c.len_utf16();
    }
    text.len()
}
