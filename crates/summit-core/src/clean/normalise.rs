//! Line scanning and in-line normalisation, in one pass over the input.
//!
//! Each line is rewritten into [`Normalised::text`]: runs of whitespace of any kind (tabs,
//! no-break and other Unicode spaces) become one space, leading and trailing whitespace
//! goes, invisible characters (zero-width spaces, soft hyphens, stray byte-order marks, C0
//! and C1 controls) are dropped, mojibake is repaired, HTML character references are
//! decoded and inline tags and comments are dropped. Quotation marks and apostrophes are
//! kept as they are.
//!
//! Every rewrite is recorded as an [`Op`], so that the cleaner can replay the kept lines
//! into its output with an exact map back to the input. Clean stretches of a line (the
//! common case) are one `Op` each: the scan moves over plain ASCII a byte at a time and
//! copies whole runs.

use std::ops::Range;

use super::markup::{self, TagKind};
use super::mojibake;
use crate::Span;

/// One piece of a normalised line: `text[dst]` came from the input's `src`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Op {
    pub dst: Range<usize>,
    pub src: Span,
    /// A verbatim copy (`text[dst] == input[src]`); otherwise a replacement.
    pub copy: bool,
}

/// Markup found on a line.
pub(crate) mod flags {
    /// The line held HTML tags or comments (now dropped).
    pub const MARKUP: u8 = 1;
    /// The line opens a `<script>`/`<style>` element it does not close.
    pub const RAW_OPEN: u8 = 2;
    /// The line closes a `<script>`/`<style>` element it did not open.
    pub const RAW_CLOSE: u8 = 4;
    /// The line opens an HTML comment it does not close.
    pub const COMMENT_OPEN: u8 = 8;
    /// The line held a `<figcaption>`.
    pub const CAPTION: u8 = 16;
}

/// One non-blank line of the input.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    /// The line's visible content in the input, trimmed.
    pub src: Span,
    /// The normalised text, in [`Normalised::text`]; empty for a line of markup only.
    pub norm: Range<usize>,
    /// Its pieces, in [`Normalised::ops`].
    pub ops: Range<usize>,
    /// Whether blank lines separate it from the previous non-blank line.
    pub blank_before: bool,
    /// [`flags`].
    pub flags: u8,
}

/// The input's non-blank lines, normalised.
#[derive(Debug, Default)]
pub(crate) struct Normalised {
    pub text: String,
    pub ops: Vec<Op>,
    pub lines: Vec<Line>,
    /// Mojibake sequences repaired.
    pub mojibake: usize,
}

impl Normalised {
    #[expect(
        clippy::string_slice,
        reason = "the normaliser's lines start and end at char boundaries"
    )]
    pub fn line_text(&self, line: &Line) -> &str {
        &self.text[line.norm.clone()]
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Flags (high bit of each byte) the zero bytes of `v`. The lowest flag is exact; flags
/// above it may be spurious (borrows), which is all a search for the first one needs.
#[inline]
fn zero_bytes(v: u64) -> u64 {
    v.wrapping_sub(ONES) & !v & HIGHS
}

/// The first byte at or after `i` that a verbatim run cannot simply cover: a control
/// character, DEL, a non-ASCII byte, `&` or `<` (references and tags), or a space followed
/// by another or ending the line (whitespace to collapse or trim). Scans eight bytes at a
/// time.
#[inline]
fn next_special(b: &[u8], mut i: usize, end: usize) -> usize {
    const SPACES: u64 = ONES * 0x20;
    // Two overlapping loads: the second is the first shifted by one byte, so that a space
    // can be compared with the byte after it exactly, even at the end of the word.
    while i + 9 <= end {
        let mut chunk = [0u8; 8];
        chunk.copy_from_slice(&b[i..i + 8]);
        let w = u64::from_le_bytes(chunk);
        chunk.copy_from_slice(&b[i + 1..i + 9]);
        let next = u64::from_le_bytes(chunk);
        let mask = (w & HIGHS)
            | (w.wrapping_sub(SPACES) & !w & HIGHS)
            | zero_bytes(w ^ (ONES * 0x7F))
            | zero_bytes(w ^ (ONES * b'&' as u64))
            | zero_bytes(w ^ (ONES * b'<' as u64))
            | zero_bytes((w ^ SPACES) | (next ^ SPACES));
        if mask != 0 {
            return i + (mask.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < end {
        let c = b[i];
        if !(0x20..0x7F).contains(&c)
            || c == b'&'
            || c == b'<'
            || c == b' ' && (i + 1 == end || b[i + 1] == b' ')
        {
            return i;
        }
        i += 1;
    }
    end
}

/// What a non-ASCII character is to the normaliser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CharClass {
    Space,
    Invisible,
    /// Zero-width joiners and direction marks: meaningful inside Arabic, Indic or emoji
    /// sequences, noise next to ASCII or whitespace.
    Joiner,
    Visible,
}

fn char_class(c: char) -> CharClass {
    match c {
        '\u{85}'
        | '\u{A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => CharClass::Space,
        '\u{80}'..='\u{9F}'
        | '\u{AD}'
        | '\u{180E}'
        | '\u{200B}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{FFFE}'
        | '\u{FFFF}' => CharClass::Invisible,
        '\u{200C}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{61C}' => {
            CharClass::Joiner
        }
        _ => CharClass::Visible,
    }
}

/// Normalises every line of `input`.
pub(crate) fn normalise(input: &str) -> Normalised {
    let mut out = Normalised {
        text: String::with_capacity(input.len()),
        ops: Vec::with_capacity(input.len() / 256 + 16),
        lines: Vec::with_capacity(input.len() / 128 + 8),
        mojibake: 0,
    };
    let bytes = input.as_bytes();
    let mut pos = 0;
    let mut blank_before = false;
    loop {
        let (end, next) = match memchr::memchr2(b'\n', b'\r', &bytes[pos..]) {
            Some(k) => {
                let end = pos + k;
                let crlf = bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n');
                (end, end + if crlf { 2 } else { 1 })
            }
            None => (bytes.len(), bytes.len()),
        };
        match normalise_line(input, pos..end, &mut out) {
            Some(flags_and_span) => {
                let (src, norm, ops, flags) = flags_and_span;
                out.lines.push(Line {
                    src,
                    norm,
                    ops,
                    blank_before,
                    flags,
                });
                blank_before = false;
            }
            None => blank_before = !out.lines.is_empty(),
        }
        if end == bytes.len() {
            break;
        }
        pos = next;
    }
    out
}

/// The rewriting state for one line.
struct Cursor<'a> {
    input: &'a str,
    text: &'a mut String,
    ops: &'a mut Vec<Op>,
    /// First op of this line.
    first_op: usize,
    /// Start of the verbatim run being scanned.
    run: Option<usize>,
    /// Whitespace (and invisible characters inside it) waiting to become one space.
    space: Option<Span>,
    /// Whether visible text has been written for this line.
    emitted: bool,
}

impl Cursor<'_> {
    fn push(&mut self, s: &str, src: Span, copy: bool) {
        let dst = self.text.len();
        self.text.push_str(s);
        if copy
            && self.ops.len() > self.first_op
            && let Some(last) = self.ops.last_mut()
            && last.copy
            && last.src.end == src.start
        {
            last.src.end = src.end;
            last.dst.end = self.text.len();
            return;
        }
        self.ops.push(Op {
            dst: dst..self.text.len(),
            src,
            copy,
        });
    }

    #[expect(
        clippy::string_slice,
        reason = "runs start and end where the scan stands, which moves by ASCII bytes and whole characters"
    )]
    fn end_run(&mut self, at: usize) {
        if let Some(start) = self.run.take() {
            let input = self.input;
            self.push(&input[start..at], Span::new(start, at), true);
        }
    }

    fn flush_space(&mut self) {
        if let Some(space) = self.space.take()
            && self.emitted
        {
            if space.len() == 1 && self.input.as_bytes()[space.start] == b' ' {
                self.push(" ", space, true);
            } else {
                self.push(" ", space, false);
            }
        }
    }

    /// `input[start..stop]` is printable ASCII without `&`, `<` or two spaces in a row:
    /// one verbatim run, less a leading or trailing space.
    fn ascii_run(&mut self, start: usize, stop: usize) {
        let b = self.input.as_bytes();
        let mut s = start;
        let mut e = stop;
        if b[s] == b' ' {
            self.space(s, s + 1);
            s += 1;
            if s == e {
                return;
            }
        }
        let trailing = b[e - 1] == b' ';
        if trailing {
            e -= 1;
        }
        self.visible(s);
        if trailing {
            self.space(e, e + 1);
        }
    }

    /// A visible character at `at`: continues or starts a verbatim run.
    fn visible(&mut self, at: usize) {
        if self.run.is_none() {
            self.flush_space();
            self.run = Some(at);
            self.emitted = true;
        }
    }

    fn space(&mut self, start: usize, end: usize) {
        self.end_run(start);
        self.space = Some(match self.space {
            Some(s) => Span::new(s.start, end),
            None => Span::new(start, end),
        });
    }

    fn invisible(&mut self, start: usize, end: usize) {
        self.end_run(start);
        if let Some(s) = &mut self.space {
            s.end = end;
        }
    }

    /// `input[start..end]` stands for the character `c` (a character reference or a
    /// mojibake sequence).
    fn decoded(&mut self, c: char, start: usize, end: usize) {
        match char_class(c) {
            CharClass::Space => self.space(start, end),
            CharClass::Invisible | CharClass::Joiner => self.invisible(start, end),
            CharClass::Visible => {
                self.end_run(start);
                self.flush_space();
                let mut buf = [0u8; 4];
                self.push(c.encode_utf8(&mut buf), Span::new(start, end), false);
                self.emitted = true;
            }
        }
    }
}

/// Markup at `b[i]` (a `<`): a comment, a tag, or a script or style element with its
/// body. Returns where it ends and whether it is inline (dropped without leaving a space).
///
/// An unclosed comment or element runs to the end of the line (the line is flagged, and
/// the cleaner drops the lines up to the closing one), so every search for a closing
/// sequence either moves the scan past it or ends the line: the scan stays linear.
fn markup_at(b: &[u8], i: usize, end: usize, flags: &mut u8) -> Option<(usize, bool)> {
    let rest = &b[i..end];
    if rest.starts_with(b"<!--") {
        *flags |= flags::MARKUP;
        let stop = match memchr::memmem::find(&rest[4..], b"-->") {
            Some(k) => i + 4 + k + 3,
            None => {
                *flags |= flags::COMMENT_OPEN;
                end
            }
        };
        return Some((stop, false));
    }
    let tag = markup::tag(rest)?;
    *flags |= flags::MARKUP;
    let mut stop = i + tag.len;
    match tag.kind {
        TagKind::Raw if !tag.closing && !tag.self_closing => {
            match markup::find_closing(&b[stop..end], tag.name()) {
                Some(k) => stop += k,
                None => {
                    *flags |= flags::RAW_OPEN;
                    stop = end;
                }
            }
        }
        TagKind::Raw if tag.closing && *flags & flags::RAW_OPEN == 0 => *flags |= flags::RAW_CLOSE,
        TagKind::Caption => *flags |= flags::CAPTION,
        _ => {}
    }
    Some((stop, tag.kind == TagKind::Inline))
}

type LineParts = (Span, Range<usize>, Range<usize>, u8);

/// Normalises `input[range]` (one line, without its terminator) into `out`. Returns the
/// line's trimmed source span, normalised range, ops and flags, or `None` for a blank line.
#[expect(
    clippy::string_slice,
    reason = "`i` moves by ASCII bytes and whole characters, so it is always a char boundary"
)]
fn normalise_line(input: &str, range: Range<usize>, out: &mut Normalised) -> Option<LineParts> {
    let b = input.as_bytes();
    let end = range.end;
    let norm_start = out.text.len();
    let first_op = out.ops.len();
    let mut flags = 0u8;
    let mut markup_span: Option<Span> = None;
    let mut mojibake = 0;
    let mut cur = Cursor {
        input,
        text: &mut out.text,
        ops: &mut out.ops,
        first_op,
        run: None,
        space: None,
        emitted: false,
    };
    let mut i = range.start;
    while i < end {
        let stop = next_special(b, i, end);
        if stop > i {
            cur.ascii_run(i, stop);
            i = stop;
            if i == end {
                break;
            }
        }
        let c = b[i];
        match c {
            b' ' | b'\t' | 0x0B | 0x0C | b'\r' => {
                let mut j = i + 1;
                while j < end && matches!(b[j], b' ' | b'\t') {
                    j += 1;
                }
                cur.space(i, j);
                i = j;
            }
            0x00..=0x1F | 0x7F => {
                cur.invisible(i, i + 1);
                i += 1;
            }
            b'&' => match markup::entity(&b[i..end]) {
                Some((ch, n)) => {
                    cur.decoded(ch, i, i + n);
                    i += n;
                }
                None => {
                    cur.visible(i);
                    i += 1;
                }
            },
            b'<' => match markup_at(b, i, end, &mut flags) {
                Some((stop, inline)) => {
                    if inline {
                        cur.invisible(i, stop);
                    } else {
                        cur.space(i, stop);
                    }
                    let here = Span::new(i, stop);
                    markup_span = Some(markup_span.map_or(here, |s| s.cover(here)));
                    i = stop;
                }
                None => {
                    cur.visible(i);
                    i += 1;
                }
            },
            _ => {
                // Non-ASCII: `i` is on a character boundary (the scan moves by ASCII bytes
                // and whole characters).
                let Some(ch) = input.get(i..end).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                let n = ch.len_utf8();
                match char_class(ch) {
                    CharClass::Space => cur.space(i, i + n),
                    CharClass::Invisible => cur.invisible(i, i + n),
                    CharClass::Joiner => {
                        let ascii_before = i == range.start || b[i - 1] < 0x80;
                        let ascii_after = i + n >= end || b[i + n] < 0x80;
                        if ascii_before || ascii_after {
                            cur.invisible(i, i + n);
                        } else {
                            cur.visible(i);
                        }
                    }
                    CharClass::Visible => {
                        if mojibake::is_lead(ch)
                            && let Some((fixed, len)) = mojibake::repair(&input[i..end])
                        {
                            mojibake += 1;
                            cur.decoded(fixed, i, i + len);
                            i += len;
                            continue;
                        }
                        cur.visible(i);
                    }
                }
                i += n;
            }
        }
    }
    cur.end_run(end);
    let emitted = cur.emitted;
    out.mojibake += mojibake;
    let ops = first_op..out.ops.len();
    if emitted {
        let src = Span::new(out.ops[first_op].src.start, out.ops[ops.end - 1].src.end);
        Some((src, norm_start..out.text.len(), ops, flags))
    } else {
        // A line of markup only is a line (to be removed); any other empty line is blank.
        markup_span.map(|s| (s, norm_start..norm_start, ops, flags))
    }
}

#[cfg(test)]
#[allow(clippy::string_slice)] // tests slice the texts they wrote
mod tests {
    use super::*;

    fn lines(input: &str) -> Vec<String> {
        let n = normalise(input);
        n.lines.iter().map(|l| n.line_text(l).to_owned()).collect()
    }

    /// Replays the ops of every line and checks that copies are verbatim and that each
    /// line's span covers exactly its ops.
    fn check_ops(input: &str) {
        let n = normalise(input);
        for l in &n.lines {
            for op in &n.ops[l.ops.clone()] {
                if op.copy {
                    assert_eq!(&n.text[op.dst.clone()], &input[op.src.start..op.src.end]);
                }
                assert!(l.src.contains(op.src));
                assert!(input.is_char_boundary(op.src.start) && input.is_char_boundary(op.src.end));
            }
        }
    }

    #[test]
    fn collapses_whitespace_of_every_kind() {
        let input = "  Talks\t\tresumed \u{A0} in\u{2009}Geneva.  \n";
        assert_eq!(lines(input), ["Talks resumed in Geneva."]);
        check_ops(input);
    }

    #[test]
    fn clean_lines_are_one_op() {
        let input = "A plain line, with single spaces.";
        let n = normalise(input);
        assert_eq!(n.ops.len(), 1);
        assert_eq!(n.lines[0].src, Span::new(0, input.len()));
    }

    #[test]
    fn drops_invisible_characters() {
        let input = "Pu\u{200B}tin\u{AD}s \u{FEFF}talks\u{7}\u{85}ended";
        assert_eq!(lines(input), ["Putins talks ended"]);
        check_ops(input);
    }

    #[test]
    fn keeps_joiners_inside_scripts_that_need_them() {
        let input = "می\u{200C}خواهم and Bi\u{200D}den";
        assert_eq!(lines(input), ["می\u{200C}خواهم and Biden"]);
    }

    #[test]
    fn keeps_quotation_marks() {
        let input = "He said “no” and ‘never’, «non» and \"nein\" — it’s over.";
        assert_eq!(lines(input), [input]);
    }

    #[test]
    fn repairs_mojibake_and_counts_it() {
        let input = "Itâ€™s the â€œresetâ€\u{9d} of PeÃ±a";
        let n = normalise(input);
        assert_eq!(n.line_text(&n.lines[0]), "It’s the “reset” of Peña");
        assert_eq!(n.mojibake, 4);
        check_ops(input);
    }

    #[test]
    fn decodes_references_and_drops_tags() {
        let input = "<p>Trade&nbsp;talks &amp; more<br/>news &#8217;here</p> <span>x</span>";
        assert_eq!(lines(input), ["Trade talks & more news ’here x"]);
        check_ops(input);
    }

    #[test]
    fn drops_inline_comments_and_script_bodies() {
        let input = "Before<!-- a comment -->after <script>var x = 1;</script>end";
        assert_eq!(lines(input), ["Before after end"]);
        let n = normalise("<script>var x = 1;\nx++;\n</script>");
        assert_eq!(n.lines.len(), 3);
        assert_eq!(n.lines[0].flags & flags::RAW_OPEN, flags::RAW_OPEN);
        assert_eq!(n.lines[2].flags & flags::RAW_CLOSE, flags::RAW_CLOSE);
        assert_eq!(n.line_text(&n.lines[0]), "");
    }

    #[test]
    fn markup_only_lines_are_lines_and_blank_lines_are_not() {
        let n = normalise("One\n\n \t\u{A0}\n\u{200B}\n<div class=\"x\"></div>\nTwo");
        assert_eq!(n.lines.len(), 3);
        assert!(n.lines[1].blank_before);
        assert_eq!(n.lines[1].flags & flags::MARKUP, flags::MARKUP);
        assert!(!n.lines[2].blank_before);
    }

    #[test]
    fn line_endings() {
        let input = "One\r\nTwo\rThree\n\r\nFour";
        assert_eq!(lines(input), ["One", "Two", "Three", "Four"]);
        let n = normalise(input);
        assert!(!n.lines[1].blank_before);
        assert!(n.lines[3].blank_before);
        assert_eq!(n.lines[1].src, Span::new(5, 8));
    }

    #[test]
    fn unclosed_openers_stay_linear() {
        let input = "<!-- ".repeat(20_000) + &"<script>".repeat(20_000);
        let n = normalise(&input);
        assert_eq!(n.lines.len(), 1);
    }
}
