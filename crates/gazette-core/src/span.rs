use std::fmt;
use std::ops::{Index, Range};

use serde::{Deserialize, Serialize};

/// Half-open byte range `start..end` into the original article text.
///
/// **Invariant:** `start <= end`. Spans produced by gazette stages also lie on char boundaries
/// of the text they were computed from; [`Span::get`] checks that for spans of unknown origin.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    start: u32,
    end: u32,
}

impl Span {
    /// Creates a span. Panics if `start > end` or an offset does not fit in `u32`
    /// (articles are limited to 4 GiB).
    #[inline]
    #[track_caller]
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} > end {end}");
        let start = u32::try_from(start).expect("span offset exceeds u32");
        let end = u32::try_from(end).expect("span offset exceeds u32");
        Span { start, end }
    }

    /// Creates a span, or `None` if `start > end` or an offset exceeds `u32::MAX`.
    #[inline]
    pub fn try_new(start: usize, end: usize) -> Option<Span> {
        if start > end {
            return None;
        }
        Some(Span { start: u32::try_from(start).ok()?, end: u32::try_from(end).ok()? })
    }

    /// Start byte offset.
    #[inline]
    pub fn start(self) -> usize {
        self.start as usize
    }

    /// End byte offset (exclusive).
    #[inline]
    pub fn end(self) -> usize {
        self.end as usize
    }

    /// Length in bytes.
    #[inline]
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True if the span is empty.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The span as a `Range<usize>`.
    #[inline]
    pub fn range(self) -> Range<usize> {
        self.start()..self.end()
    }

    /// True if `other` lies inside `self`.
    #[inline]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True if the spans share at least one byte.
    #[inline]
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// The span moved right by `delta` bytes.
    #[inline]
    pub fn shift(self, delta: usize) -> Span {
        Span::new(self.start() + delta, self.end() + delta)
    }

    /// The text of the span, or `None` if it is out of bounds or not on char boundaries.
    #[inline]
    pub fn get(self, text: &str) -> Option<&str> {
        text.get(self.range())
    }
}

impl Index<Span> for str {
    type Output = str;
    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

impl Index<Span> for String {
    type Output = str;
    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(s: Span) -> Range<usize> {
        s.range()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_basics() {
        let s = Span::new(2, 5);
        assert_eq!(s.len(), 3);
        assert!(s.contains(Span::new(3, 5)));
        assert!(!s.contains(Span::new(3, 6)));
        assert!(s.overlaps(Span::new(4, 9)));
        assert!(!s.overlaps(Span::new(5, 9)));
        assert_eq!(s.cover(Span::new(7, 9)), Span::new(2, 9));
        assert_eq!(s.shift(10), Span::new(12, 15));
        assert_eq!(Span::try_new(3, 2), None);
        assert_eq!(Span::new(0, 2).get("Münch"), None, "not on a char boundary");
        assert_eq!(Span::new(0, 3).get("Mün"), Some("Mü"));
    }
}
