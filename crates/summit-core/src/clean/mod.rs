//! Cleaning: from scraped article text to the article itself.
//!
//! [`clean`] works in three passes over the input's lines, each linear:
//!
//! 1. [`normalise`]: split into lines and rewrite each one (whitespace, invisible
//!    characters, mojibake, HTML references and inline tags), recording how every output
//!    byte maps back to the input.
//! 2. Classify each line: debris recognisable on its own ([`markup`], shortcodes,
//!    datelines from [`dates`], credits, captions and prompts from [`classify`]), then
//!    debris recognisable by its neighbours (captions next to credits, repeated lines).
//! 3. [`layout`]: group the kept lines into blocks (title, standfirst, headings, body) and
//!    write them out, separated by a blank line, through [`MappedText`] so that every
//!    byte of [`Cleaned::text`] maps back to the input.

mod classify;
mod dates;
mod features;
mod layout;
mod markup;
mod mojibake;
mod normalise;

use std::collections::HashSet;

use crate::text::{MappedText, OffsetMap};
use crate::{ParagraphKind, RemovalReason, Removed, Span};

use normalise::{Normalised, flags};

/// One kept block of the cleaned text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: ParagraphKind,
    /// Span in [`Cleaned::text`].
    pub span: Span,
}

/// The cleaner's output.
#[derive(Clone, Debug, Default)]
pub struct Cleaned {
    /// The kept blocks' text, separated by "\n\n".
    pub text: String,
    /// Maps [`Cleaned::text`] offsets back to the cleaner's input.
    pub map: OffsetMap,
    pub blocks: Vec<Block>,
    /// Dropped lines (trimmed), as spans of the cleaner's input, in input order.
    pub removed: Vec<Removed>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub warnings: Vec<String>,
}

impl Cleaned {
    pub fn block_spans(&self) -> Vec<Span> {
        self.blocks.iter().map(|b| b.span).collect()
    }

    /// The text of a block.
    pub fn block_text(&self, block: &Block) -> &str {
        block.span.slice(&self.text)
    }
}

/// How far (in lines) a comment or script element may run before its closing line; an
/// opener without a closer that near removes only its own line.
const MAX_MARKUP_LINES: usize = 300;

/// Longest line, in words, that a repeat of the first kept line (a reprinted headline)
/// may have.
const MAX_REPRINT_WORDS: usize = 40;

/// Cleans `text`.
#[expect(
    clippy::string_slice,
    reason = "the normaliser's ops copy or replace whole characters, so their spans are char boundaries"
)]
pub fn clean(text: &str) -> Cleaned {
    let norm = normalise::normalise(text);
    let mut dates = Vec::new();
    let mut removed = classify_alone(&norm, &mut dates);
    classify_in_context(&norm, &mut removed);

    let kept: Vec<usize> = (0..norm.lines.len())
        .filter(|&i| removed[i].is_none())
        .collect();
    let planned = layout::plan(&norm, &removed, &kept);

    let mut out = MappedText::with_capacity(text.len());
    let mut blocks = Vec::with_capacity(planned.len());
    for (n, block) in planned.iter().enumerate() {
        let lines = &kept[block.kept.clone()];
        if n > 0 {
            out.push_inserted("\n\n", norm.lines[lines[0]].src.start);
        }
        let start = out.len();
        for (j, &i) in lines.iter().enumerate() {
            let line = &norm.lines[i];
            if j > 0 {
                // A soft wrap: the line break and the whitespace around it become a space.
                let prev = &norm.lines[lines[j - 1]];
                out.push_replacement(" ", Span::new(prev.src.end, line.src.start));
            }
            for op in &norm.ops[line.ops.clone()] {
                let piece = &norm.text[op.dst.clone()];
                if op.copy {
                    out.push_copy(piece, op.src.start);
                } else {
                    out.push_replacement(piece, op.src);
                }
            }
        }
        blocks.push(Block {
            kind: block.kind,
            span: Span::new(start, out.len()),
        });
    }

    let title = blocks
        .first()
        .filter(|b| b.kind == ParagraphKind::Title)
        .map(|b| b.span.slice(&out.text).to_owned());
    // The publication date is the header's (a dateline before the body); a date after
    // the body starts (a correction's, an update's) counts only when the header has none.
    let body_start = planned
        .iter()
        .find(|b| b.kind == ParagraphKind::Body)
        .map_or(usize::MAX, |b| kept[b.kept.start]);
    let header: Vec<_> = dates
        .iter()
        .filter(|(line, _)| *line < body_start)
        .map(|(_, f)| *f)
        .collect();
    let later: Vec<_> = dates
        .iter()
        .filter(|(line, _)| *line >= body_start)
        .map(|(_, f)| *f)
        .collect();
    let published = dates::choose_published(&header)
        .or_else(|| dates::choose_published(&later))
        .map(|d| d.format("%Y-%m-%d").to_string());
    let removed = removed
        .iter()
        .zip(&norm.lines)
        .filter_map(|(r, line)| {
            r.map(|reason| Removed {
                reason,
                span: line.src,
            })
        })
        .collect();
    let mut warnings = Vec::new();
    match norm.mojibake {
        0 => {}
        1 => warnings.push("repaired 1 mojibake sequence".to_owned()),
        n => warnings.push(format!("repaired {n} mojibake sequences")),
    }
    Cleaned {
        text: out.text,
        map: out.map,
        blocks,
        removed,
        title,
        published,
        warnings,
    }
}

/// Pass 2a: debris that a line shows on its own. Collects the datelines' dates.
fn classify_alone(
    norm: &Normalised,
    dates: &mut Vec<(usize, dates::FoundDate)>,
) -> Vec<Option<RemovalReason>> {
    let lines = &norm.lines;
    let mut removed: Vec<Option<RemovalReason>> = vec![None; lines.len()];
    let mut raw_close = CloserSearch::default();
    let mut comment_close = CloserSearch::default();
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        let t = norm.line_text(line);
        // A comment or script element running over several lines: remove up to its
        // closing line.
        let opens_raw = line.flags & flags::RAW_OPEN != 0;
        let opens_comment = line.flags & flags::COMMENT_OPEN != 0
            || matches!(markup::comment_line(t), Some(markup::CommentLine::Opens));
        let closer = if opens_raw {
            raw_close.find(i, lines.len(), |j| lines[j].flags & flags::RAW_CLOSE != 0)
        } else if opens_comment {
            comment_close.find(i, lines.len(), |j| {
                memchr::memmem::find(norm.line_text(&lines[j]).as_bytes(), b"-->").is_some()
            })
        } else {
            None
        };
        if let Some(j) = closer {
            removed[i..=j].fill(Some(RemovalReason::Markup));
            i = j + 1;
            continue;
        }
        let mut found = Vec::new();
        removed[i] = classify_line(t, line.flags, &mut found);
        dates.extend(found.into_iter().map(|f| (i, f)));
        i += 1;
    }
    removed
}

/// The debris class of one line on its own, if any.
fn classify_line(
    t: &str,
    line_flags: u8,
    dates: &mut Vec<dates::FoundDate>,
) -> Option<RemovalReason> {
    if t.is_empty() || line_flags & (flags::RAW_OPEN | flags::COMMENT_OPEN) != 0 {
        return Some(RemovalReason::Markup);
    }
    if markup::comment_line(t).is_some() || markup::is_code(t) {
        return Some(RemovalReason::Markup);
    }
    if markup::is_shortcode_line(t) {
        return Some(RemovalReason::Shortcode);
    }
    if let Some(found) = dates::parse_dateline(t) {
        dates.extend(found);
        return Some(RemovalReason::Dateline);
    }
    if classify::is_credit(t) {
        return Some(RemovalReason::Credit);
    }
    if classify::is_caption(t, line_flags & flags::CAPTION != 0) {
        return Some(RemovalReason::Caption);
    }
    if classify::is_boilerplate(t) || markup::is_separator(t) {
        // A byline may carry the date: `By Jane Doe | June 17, 2021`.
        if let Some(found) = classify::byline_tail(t).and_then(dates::parse_dateline) {
            dates.extend(found);
        }
        return Some(RemovalReason::Boilerplate);
    }
    None
}

/// Pass 2b: debris recognisable by its neighbours. A repeat of the headline (the first
/// kept line), of the line just before, or of a line already removed is a duplicate; a
/// short fragment or photo description next to a credit is a caption.
fn classify_in_context(norm: &Normalised, removed: &mut [Option<RemovalReason>]) {
    let lines = &norm.lines;
    let text = |i: usize| norm.line_text(&lines[i]);
    let mut first_kept: Option<usize> = None;
    let mut removed_texts: HashSet<&str> = HashSet::new();
    for i in 0..lines.len() {
        let t = text(i);
        if removed[i].is_none() {
            let reprint = first_kept.is_some_and(|f| {
                text(f) == t && features::words(t, MAX_REPRINT_WORDS + 1) <= MAX_REPRINT_WORDS
            });
            let repeat = i > 0 && text(i - 1) == t;
            let seen_debris = !removed_texts.is_empty() && removed_texts.contains(t);
            if features::words(t, 2) >= 2 && (reprint || repeat || seen_debris) {
                removed[i] = Some(RemovalReason::Duplicate);
            } else if caption_by_credit(norm, removed, i) {
                removed[i] = Some(RemovalReason::Caption);
            } else if first_kept.is_some() && byline_by_dateline(norm, removed, i) {
                removed[i] = Some(RemovalReason::Boilerplate);
            } else if first_kept.is_none() {
                first_kept = Some(i);
            }
        }
        if removed[i].is_some() && !t.is_empty() {
            removed_texts.insert(t);
        }
    }
}

/// Whether line `i` is the caption of a photo credited on the line before or after it.
fn caption_by_credit(norm: &Normalised, removed: &[Option<RemovalReason>], i: usize) -> bool {
    let lines = &norm.lines;
    let t = norm.line_text(&lines[i]);
    let credit = |j: usize| removed[j] == Some(RemovalReason::Credit);
    let after = i > 0 && credit(i - 1) && !lines[i].blank_before;
    let before = i + 1 < lines.len() && credit(i + 1) && !lines[i + 1].blank_before;
    (after || before) && classify::caption_near_credit(t)
}

/// Whether line `i` is a byline without `By`, set next to a dateline.
fn byline_by_dateline(norm: &Normalised, removed: &[Option<RemovalReason>], i: usize) -> bool {
    let lines = &norm.lines;
    let dateline = |j: usize| removed[j] == Some(RemovalReason::Dateline);
    let after = i > 0 && dateline(i - 1) && !lines[i].blank_before;
    let before = i + 1 < lines.len() && dateline(i + 1) && !lines[i + 1].blank_before;
    (after || before) && classify::is_unlabelled_byline(norm.line_text(&lines[i]))
}

/// Finds the line that closes a multi-line comment or element, at most
/// [`MAX_MARKUP_LINES`] ahead, remembering how far it has looked so that many unclosed
/// openers cost one scan.
#[derive(Debug, Default)]
struct CloserSearch {
    /// Lines before this index have been searched and hold no closer (past the last one
    /// found).
    searched_to: usize,
}

impl CloserSearch {
    fn find(
        &mut self,
        opener: usize,
        count: usize,
        is_closer: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let from = (opener + 1).max(self.searched_to);
        let to = (opener + 1 + MAX_MARKUP_LINES).min(count);
        for j in from..to {
            if is_closer(j) {
                self.searched_to = j + 1;
                return Some(j);
            }
        }
        self.searched_to = self.searched_to.max(to);
        None
    }
}

#[cfg(test)]
mod tests;
