//! Text that was derived from a source text, with an exact map back to the source.
//!
//! The cleaner rewrites the input (drops debris, normalises whitespace, repairs mojibake)
//! and the later stages work on the result. Every span they report must still point into
//! the caller's input, so each derived text carries an [`OffsetMap`]: a sorted list of
//! pieces, each saying which source bytes produced which derived bytes.

use crate::Span;

/// How one run of derived bytes came from the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    /// Start of the run in the derived text.
    dst: usize,
    /// Length of the run in the derived text.
    dst_len: usize,
    /// Start of the source bytes it came from.
    src: usize,
    /// Length of those source bytes.
    src_len: usize,
    /// A verbatim copy maps byte for byte (`dst_len == src_len`); any other run (a
    /// replacement or an insertion) is atomic and maps as a whole onto
    /// `src..src + src_len`.
    copy: bool,
}

impl Piece {
    fn is_copy(&self) -> bool {
        self.copy
    }
    fn dst_end(&self) -> usize {
        self.dst + self.dst_len
    }
}

/// Maps byte offsets of a derived text back to byte offsets of its source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
}

impl OffsetMap {
    /// The map of a text that is its source shifted by `offset` bytes (for example after a
    /// byte-order mark), `len` bytes long.
    pub fn shifted(offset: usize, len: usize) -> Self {
        let mut map = OffsetMap::default();
        if len > 0 {
            map.pieces.push(Piece {
                dst: 0,
                dst_len: len,
                src: offset,
                src_len: len,
                copy: true,
            });
        }
        map
    }

    /// Index of the piece holding derived byte `pos`, or of the last piece before it.
    fn piece_at(&self, pos: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.dst <= pos);
        i.checked_sub(1).map(|i| &self.pieces[i])
    }

    /// The source offset where derived offset `pos` starts.
    fn start_of(&self, pos: usize) -> usize {
        match self.piece_at(pos) {
            None => self.pieces.first().map_or(0, |p| p.src),
            Some(p) if p.is_copy() => p.src + (pos - p.dst).min(p.src_len),
            Some(p) if pos < p.dst_end() => p.src,
            Some(p) => p.src + p.src_len,
        }
    }

    /// The source offset where a derived span ending at `end` (exclusive) ends.
    fn end_of(&self, end: usize) -> usize {
        if end == 0 {
            return self.start_of(0);
        }
        match self.piece_at(end - 1) {
            None => self.pieces.first().map_or(0, |p| p.src),
            Some(p) if p.is_copy() => p.src + (end - p.dst).min(p.src_len),
            Some(p) => p.src + p.src_len,
        }
    }

    /// Maps a span of the derived text to the span of source bytes that produced it.
    ///
    /// Spans that start and end on character boundaries of the derived text map to spans
    /// on character boundaries of the source (copies are whole characters, replacements
    /// are atomic).
    pub fn to_source(&self, span: Span) -> Span {
        let start = self.start_of(span.start);
        if span.is_empty() {
            return Span::new(start, start);
        }
        let end = self.end_of(span.end).max(start);
        Span::new(start, end)
    }
}

/// A text under construction together with its map back to the source.
#[derive(Clone, Debug, Default)]
pub struct MappedText {
    pub text: String,
    pub map: OffsetMap,
}

impl MappedText {
    pub fn with_capacity(bytes: usize) -> Self {
        MappedText {
            text: String::with_capacity(bytes),
            map: OffsetMap::default(),
        }
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Appends `s`, which is the source text at `src..src + s.len()`, verbatim.
    pub fn push_copy(&mut self, s: &str, src: usize) {
        if s.is_empty() {
            return;
        }
        let dst = self.text.len();
        self.text.push_str(s);
        if let Some(last) = self.map.pieces.last_mut()
            && last.is_copy()
            && last.dst_end() == dst
            && last.src + last.src_len == src
        {
            last.dst_len += s.len();
            last.src_len += s.len();
            return;
        }
        self.map.pieces.push(Piece {
            dst,
            dst_len: s.len(),
            src,
            src_len: s.len(),
            copy: true,
        });
    }

    /// Appends `s` as the replacement of the source bytes `src` (which may differ in
    /// length: a repaired mojibake sequence, a normalised space, a straightened quote).
    /// When `s` equals the source bytes, prefer [`MappedText::push_copy`].
    pub fn push_replacement(&mut self, s: &str, src: Span) {
        if s.is_empty() {
            return;
        }
        let dst = self.text.len();
        self.text.push_str(s);
        self.map.pieces.push(Piece {
            dst,
            dst_len: s.len(),
            src: src.start,
            src_len: src.len(),
            copy: false,
        });
    }

    /// Appends `s`, which has no source (a paragraph separator), anchored at source offset
    /// `at`.
    pub fn push_inserted(&mut self, s: &str, at: usize) {
        if s.is_empty() {
            return;
        }
        let dst = self.text.len();
        self.text.push_str(s);
        self.map.pieces.push(Piece {
            dst,
            dst_len: s.len(),
            src: at,
            src_len: 0,
            copy: false,
        });
    }
}

#[cfg(test)]
#[allow(clippy::string_slice)] // tests slice the texts they wrote
mod tests {
    use super::*;

    #[test]
    fn copies_map_byte_for_byte() {
        let src = "  Hello, world.";
        let mut t = MappedText::default();
        t.push_copy(&src[2..7], 2);
        t.push_copy(&src[7..], 7);
        assert_eq!(t.text, "Hello, world.");
        assert_eq!(t.map.pieces.len(), 1, "adjacent copies merge");
        let s = t.map.to_source(Span::new(7, 12));
        assert_eq!(&src[s.start..s.end], "world");
    }

    #[test]
    fn replacements_are_atomic() {
        // "Itâ€™s" (mojibake) repaired to "It’s".
        let src = "It\u{e2}\u{20ac}\u{2122}s ok";
        let mut t = MappedText::default();
        t.push_copy("It", 0);
        let moj = Span::new(2, 2 + "\u{e2}\u{20ac}\u{2122}".len());
        t.push_replacement("\u{2019}", moj);
        t.push_copy(&src[moj.end..], moj.end);
        assert_eq!(t.text, "It\u{2019}s ok");
        let whole = t.map.to_source(Span::new(0, "It\u{2019}s".len()));
        assert_eq!(&src[whole.start..whole.end], "It\u{e2}\u{20ac}\u{2122}s");
        let apostrophe = t.map.to_source(Span::new(2, 5));
        assert_eq!(apostrophe, moj);
        let after = t.map.to_source(Span::new(5, 6));
        assert_eq!(&src[after.start..after.end], "s");
    }

    #[test]
    fn same_length_replacements_stay_atomic() {
        // "…" (3 bytes) spelt out as "..." (3 bytes): a span over the first dot must not
        // map into the middle of the source character.
        let src = "Wait\u{2026}";
        let mut t = MappedText::default();
        t.push_copy("Wait", 0);
        t.push_replacement("...", Span::new(4, 7));
        assert_eq!(t.map.to_source(Span::new(4, 5)), Span::new(4, 7));
        assert_eq!(&src[4..7], "\u{2026}");
    }

    #[test]
    fn same_length_replacements_do_not_merge_with_copies() {
        // A tab normalised to a space, between copies.
        let src = "a\tb";
        let mut t = MappedText::default();
        t.push_copy("a", 0);
        t.push_replacement(" ", Span::new(1, 2));
        t.push_copy("b", 2);
        assert_eq!(t.text, "a b");
        let s = t.map.to_source(Span::new(0, 3));
        assert_eq!(&src[s.start..s.end], "a\tb");
    }

    #[test]
    fn inserted_text_maps_to_a_point() {
        let src = "One.\n\n\n\nTwo.";
        let mut t = MappedText::default();
        t.push_copy("One.", 0);
        t.push_inserted("\n\n", 4);
        t.push_copy("Two.", 8);
        assert_eq!(t.text, "One.\n\nTwo.");
        assert_eq!(t.map.to_source(Span::new(4, 6)), Span::new(4, 4));
        let s = t.map.to_source(Span::new(0, 10));
        assert_eq!(&src[s.start..s.end], src);
        let two = t.map.to_source(Span::new(6, 10));
        assert_eq!(&src[two.start..two.end], "Two.");
    }

    #[test]
    fn shifted_map_skips_a_prefix() {
        let map = OffsetMap::shifted(3, 5);
        assert_eq!(map.to_source(Span::new(1, 4)), Span::new(4, 7));
    }
}
