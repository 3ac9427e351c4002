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
    /// Units of the chars that start before byte `k * STEP`.
    checkpoints: Vec<usize>,
}

/// The units of the chars that start in `bytes`, counted by their bytes rather than decoded: a
/// char starts at every byte but a continuation byte (0b10xx_xxxx), and one of four bytes (first
/// byte 0b1111_0xxx) is two UTF-16 units.
fn units(bytes: &[u8], unit: Offsets) -> usize {
    let starts = || bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
    match unit {
        Offsets::Utf8 => bytes.len(),
        Offsets::Utf16 => starts() + bytes.iter().filter(|&&b| b >= 0xF0).count(),
        Offsets::Codepoints => starts(),
    }
}

impl<'a> Converter<'a> {
    /// A converter for `text` into `unit`.
    pub fn new(text: &'a str, unit: Offsets) -> Converter<'a> {
        let mut checkpoints = Vec::with_capacity(text.len() / STEP + 2);
        let mut count = 0;
        for chunk in text.as_bytes().chunks(STEP) {
            checkpoints.push(count);
            count += units(chunk, unit);
        }
        checkpoints.push(count);
        Converter {
            text,
            unit,
            checkpoints,
        }
    }

    /// The offset in the target unit of byte offset `byte` (clamped to the text, and rounded
    /// down to a char boundary).
    pub fn convert(&self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        let k = byte / STEP;
        let before = self.checkpoints.get(k).copied().unwrap_or(0);
        before + units(&self.text.as_bytes()[k * STEP..byte], self.unit)
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
