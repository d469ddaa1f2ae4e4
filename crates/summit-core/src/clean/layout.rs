//! From kept lines to blocks: which lines form one paragraph, and what each block is
//! (title, standfirst, heading, body).
//!
//! Paragraphs are separated either by blank lines (then a single newline inside a block
//! is a soft wrap) or by single newlines (then each line is a paragraph); the document
//! decides which. Two guards keep either reading from going wrong: a line longer than a
//! hard-wrapped line ever is ([`LONG_LINE`]) is never joined to its neighbour, and a line
//! that begins in lower case after a line without a full stop always continues it.

use std::ops::Range;

use super::features::{
    ends_open, ends_sentence, first_significant, has_double_quotes, is_single_sentence,
    last_significant, letters, starts_lower, starts_upper_or_digit, words,
};
use super::normalise::Normalised;
use crate::{ParagraphKind, RemovalReason};

/// Lines longer than this (in bytes) are whole paragraphs, not hard-wrapped pieces.
const LONG_LINE: usize = 140;

/// Hard-wrapped text is rarely wrapped wider than this (in bytes).
const WRAP_WIDTH: usize = 100;

/// A block to emit: a run of kept lines (indices into the kept list) and its kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PlannedBlock {
    pub kept: Range<usize>,
    pub kind: ParagraphKind,
}

/// How a document separates its paragraphs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Paragraphs {
    /// Blank lines; a single newline inside a block is a soft wrap.
    BlankLines,
    /// Single newlines: each line is a paragraph.
    SingleNewlines,
    /// No blank lines, and lines of similar, short length: text hard-wrapped at a fixed
    /// width, where a paragraph ends at a finished sentence on a short line.
    HardWrapped,
}

/// What lies between two consecutive kept lines.
#[derive(Clone, Copy, Debug, Default)]
struct Gap {
    blank: bool,
    removed: bool,
    /// A removed dateline or byline (page furniture between a standfirst and the body).
    metadata: bool,
}

/// Groups the kept lines into blocks and gives each its kind.
pub(crate) fn plan(
    norm: &Normalised,
    removed: &[Option<RemovalReason>],
    kept: &[usize],
) -> Vec<PlannedBlock> {
    if kept.is_empty() {
        return Vec::new();
    }
    let text = |k: usize| norm.line_text(&norm.lines[kept[k]]);
    let gaps: Vec<Gap> = kept
        .windows(2)
        .map(|w| {
            let between = w[0] + 1..w[1] + 1;
            Gap {
                blank: norm.lines[between.clone()].iter().any(|l| l.blank_before),
                removed: w[1] > w[0] + 1,
                metadata: removed[w[0] + 1..w[1]].iter().any(|r| {
                    matches!(
                        r,
                        Some(RemovalReason::Dateline | RemovalReason::Boilerplate)
                    )
                }),
            }
        })
        .collect();
    let mode = paragraph_mode(&gaps, |k| text(k).len());

    let title = kept.len() >= 2 && is_title_line(text(0), text(1), gaps[0], mode);
    let mut blocks: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for (k, gap) in gaps.iter().enumerate() {
        let (a, b) = (text(k), text(k + 1));
        let join = !(k == 0 && title)
            && if gap.blank {
                false
            } else if gap.removed {
                continues(a, b)
            } else {
                joins(a, b, mode)
            };
        if !join {
            blocks.push(start..k + 1);
            start = k + 1;
        }
    }
    blocks.push(start..kept.len());

    let mut planned: Vec<PlannedBlock> = blocks
        .into_iter()
        .map(|kept| PlannedBlock {
            kept,
            kind: ParagraphKind::Body,
        })
        .collect();
    if title {
        planned[0].kind = ParagraphKind::Title;
        // A standfirst: the block after the headline, set off from the body by a dateline
        // or byline.
        if planned.len() >= 3 {
            let end = planned[1].kept.end;
            let block_text_words: usize =
                planned[1].kept.clone().map(|k| words(text(k), 200)).sum();
            if gaps[end - 1].metadata && block_text_words <= 120 {
                planned[1].kind = ParagraphKind::Standfirst;
            }
        }
    }
    // Headings: short title-like lines between body paragraphs.
    let mut seen_body = false;
    let count = planned.len();
    for (i, block) in planned.iter_mut().enumerate() {
        if block.kind != ParagraphKind::Body {
            continue;
        }
        let single = block.kept.len() == 1;
        if seen_body && single && i + 1 < count && is_heading(text(block.kept.start)) {
            block.kind = ParagraphKind::Heading;
        } else {
            seen_body = true;
        }
    }
    planned
}

/// Blank lines between most paragraphs, single newlines between long ones, or a
/// hard-wrapped text.
fn paragraph_mode(gaps: &[Gap], len: impl Fn(usize) -> usize) -> Paragraphs {
    let mut blank = 0usize;
    let mut single_long = 0usize;
    for (k, gap) in gaps.iter().enumerate() {
        if gap.blank {
            blank += 1;
        } else if !gap.removed && (len(k) > LONG_LINE || len(k + 1) > LONG_LINE) {
            single_long += 1;
        }
    }
    if blank > 0 && blank >= single_long {
        return Paragraphs::BlankLines;
    }
    // Hard-wrapped: no line longer than a wrap, and most lines close to the width.
    let lines = gaps.len() + 1;
    let lens = || (0..lines).map(&len);
    let widest = lens().max().unwrap_or(0);
    let near_width = lens().filter(|&l| l * 10 >= widest * 6).count();
    if blank == 0 && lines >= 4 && widest <= WRAP_WIDTH && near_width * 10 >= lines * 7 {
        Paragraphs::HardWrapped
    } else {
        Paragraphs::SingleNewlines
    }
}

/// Whether `b` continues the sentence `a` left open: `a` has no full stop and `b` starts
/// in lower case.
fn continues(a: &str, b: &str) -> bool {
    !ends_sentence(a) && starts_lower(b)
}

/// Whether `b` starts a list item.
fn is_list_item(b: &str) -> bool {
    let bytes = b.as_bytes();
    if matches!(bytes.first(), Some(b'-' | b'*')) && bytes.get(1) == Some(&b' ') {
        return true;
    }
    if b.starts_with("• ") || b.starts_with("– ") || b.starts_with("— ") {
        return true;
    }
    let digits = bytes.iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=3).contains(&digits)
        && matches!(bytes.get(digits), Some(b'.' | b')'))
        && bytes.get(digits + 1) == Some(&b' ')
}

/// Whether two adjacent lines (a single newline between them) belong to one paragraph.
fn joins(a: &str, b: &str, mode: Paragraphs) -> bool {
    if is_list_item(b) {
        return false;
    }
    if continues(a, b) {
        return true;
    }
    if a.len() > LONG_LINE || b.len() > LONG_LINE {
        return false;
    }
    // A finished sentence on a line longer than text is usually wrapped at: a paragraph.
    if a.len() > WRAP_WIDTH && ends_sentence(a) {
        return false;
    }
    match mode {
        Paragraphs::BlankLines => true,
        // Each line is a paragraph unless it stops mid-sentence and the next goes on in
        // lower case (checked above).
        Paragraphs::SingleNewlines => false,
        // A paragraph ends on a finished sentence that stops short of the width.
        Paragraphs::HardWrapped => !(ends_sentence(a) && a.len() * 10 < b.len().max(60) * 8),
    }
}

/// Whether a line reads as a headline: short, not a fragment of prose (it does not start
/// in lower case or end on a comma or colon), at most one sentence.
fn is_headline(t: &str) -> bool {
    if t.len() > 300 || letters(t, 2) < 2 {
        return false;
    }
    let n = words(t, 31);
    if n > 30 || starts_lower(t) || ends_open(t) {
        return false;
    }
    !ends_sentence(t) || (n <= 25 && is_single_sentence(t))
}

/// Whether the first kept line is the title, given the second and what separates them.
fn is_title_line(first: &str, second: &str, gap: Gap, mode: Paragraphs) -> bool {
    if !is_headline(first) {
        return false;
    }
    if gap.blank {
        return true;
    }
    if continues(first, second) {
        return false;
    }
    // A headline that ends like a sentence must be set off from what follows; otherwise
    // it is the first paragraph.
    if ends_sentence(first) && !gap.removed {
        return false;
    }
    if gap.removed || second.len() > LONG_LINE {
        return true;
    }
    match mode {
        Paragraphs::SingleNewlines => true,
        Paragraphs::HardWrapped => first.len() * 10 < second.len() * 7,
        // A short first line followed, after a single newline, by another short one:
        // a headline over a hard-wrapped body, or the first two lines of a wrapped
        // paragraph. A headline is title-cased or clearly shorter.
        Paragraphs::BlankLines => title_cased(first) || first.len() * 10 < second.len() * 7,
    }
}

/// Most words capitalised, as in `Leaders Meet In Geneva`.
fn title_cased(t: &str) -> bool {
    let (mut caps, mut total) = (0, 0);
    for w in t.split(' ').take(30) {
        if let Some(c) = first_significant(w) {
            total += 1;
            if c.is_uppercase() || c.is_ascii_digit() {
                caps += 1;
            }
        }
    }
    total >= 2 && caps * 10 >= total * 7
}

/// Whether a one-line block between body paragraphs is a section heading: a few words,
/// capitalised, no quotation, no closing punctuation but a question mark.
fn is_heading(t: &str) -> bool {
    if t.len() > 100 || words(t, 11) > 10 || letters(t, 3) < 3 {
        return false;
    }
    starts_upper_or_digit(t)
        && !has_double_quotes(t)
        && !matches!(
            last_significant(t),
            Some('.' | ',' | ';' | ':' | '!' | '…' | '-' | '–' | '—')
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items() {
        assert!(is_list_item("- Reduced tax rates"));
        assert!(is_list_item("• Item"));
        assert!(is_list_item("2. Second"));
        assert!(!is_list_item("2.5% growth"));
        assert!(!is_list_item("-5 degrees"));
    }

    #[test]
    fn joining_rules() {
        let wrapped = "The talks between the two delegations went on for";
        assert!(joins(
            wrapped,
            "hours without a break.",
            Paragraphs::SingleNewlines
        ));
        assert!(joins(
            wrapped,
            "Tuesday and Wednesday.",
            Paragraphs::BlankLines
        ));
        assert!(!joins(
            wrapped,
            "Tuesday and Wednesday.",
            Paragraphs::SingleNewlines
        ));
        assert!(joins(
            wrapped,
            "Tuesday and Wednesday.",
            Paragraphs::HardWrapped
        ));
        assert!(!joins(
            "They left on Monday.",
            "The next round is in May, officials said on Tuesday.",
            Paragraphs::HardWrapped
        ));
        assert!(!joins(
            "Various challenges",
            "The talks began.",
            Paragraphs::SingleNewlines
        ));
        let long = "x".repeat(200);
        assert!(!joins(&long, "The talks began.", Paragraphs::BlankLines));
        assert!(!joins("Items:", "- one", Paragraphs::BlankLines));
    }

    #[test]
    fn headlines() {
        assert!(is_headline("“Resetting” Russia-US relations"));
        assert!(is_headline(
            "Leaders are unwilling to compromise, and nobody is surprised."
        ));
        assert!(is_headline("$1m payoff for former boss"));
        assert!(!is_headline("The talks began. Both sides said little."));
        assert!(!is_headline("and then they left"));
        assert!(!is_headline("He said:"));
    }

    #[test]
    fn headings() {
        assert!(is_heading("Various challenges"));
        assert!(is_heading("What happens next?"));
        assert!(!is_heading("The talks began."));
        assert!(!is_heading("“We will see” he said"));
        assert!(!is_heading("and a lower-case start"));
        assert!(!is_heading(
            "A heading that goes on for far too many words to be one at all"
        ));
    }
}
