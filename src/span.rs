//! Byte spans into a source text.

use serde::Serialize;
use std::ops::Index;

/// A half-open range `start..end` of UTF-8 **byte** offsets into one source's original text.
///
/// Inside the core every span is in bytes; `offsets` converts them once, at the edge.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True when `other` lies inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl Index<Span> for str {
    type Output = str;
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

impl Index<Span> for String {
    type Output = str;
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}
