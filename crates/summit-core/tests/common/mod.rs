//! What every integration test checks of a document: each span lies on character
//! boundaries of the input and each span's `text` is that slice (the offsets contract),
//! paragraphs and removals are in order, and the cleaned text has one block per paragraph.

#![allow(dead_code)] // each test crate uses a part

pub mod news;

use summit_core::{Document, Span};

/// Checks one span against the input; returns its slice.
pub fn slice<'a>(input: &'a str, span: Span, what: &str) -> &'a str {
    assert!(
        span.start <= span.end && span.end <= input.len(),
        "{what}: {span:?} out of bounds ({} bytes)",
        input.len()
    );
    assert!(
        input.is_char_boundary(span.start) && input.is_char_boundary(span.end),
        "{what}: {span:?} not on character boundaries"
    );
    &input[span.start..span.end]
}

pub fn check_text(input: &str, span: Span, text: &str, what: &str) {
    assert_eq!(
        slice(input, span, what),
        text,
        "{what}: text differs from the input slice"
    );
}

/// The document invariants, for an input that is valid UTF-8.
pub fn check_document(input: &str, doc: &Document) {
    let mut prev: Option<Span> = None;
    for p in &doc.paragraphs {
        let s = slice(input, p.span, "paragraph");
        assert!(!s.trim().is_empty(), "empty paragraph {:?}", p.span);
        if let Some(prev) = prev {
            assert!(
                prev.end <= p.span.start,
                "paragraphs out of order or overlapping"
            );
        }
        prev = Some(p.span);
    }
    // One paragraph per block of the text, blocks separated by one blank line.
    if doc.paragraphs.is_empty() {
        assert!(doc.text.is_empty());
    } else {
        assert_eq!(doc.text.split("\n\n").count(), doc.paragraphs.len());
        assert!(
            doc.text
                .split("\n\n")
                .all(|b| !b.is_empty() && !b.contains('\n'))
        );
    }
    let mut prev_removed = 0;
    for r in &doc.removed {
        let s = slice(input, r.span, "removed");
        assert!(
            !s.is_empty() && !s.contains('\n'),
            "removed {s:?} is not one line"
        );
        assert!(r.span.start >= prev_removed, "removed spans out of order");
        prev_removed = r.span.end;
    }
    for e in &doc.entities {
        for m in &e.mentions {
            check_text(input, m.span, &m.text, "mention");
        }
    }
    for q in &doc.quotes {
        check_text(input, q.span, &q.text, "quote");
        if let Some(c) = &q.cue {
            check_text(input, c.span, &c.text, "cue");
        }
        if let Some(c) = &q.clause {
            check_text(input, c.span, &c.text, "clause");
        }
        if let Some(s) = &q.speaker {
            check_text(input, s.span, &s.text, "speaker");
        }
        if let Some(a) = &q.addressee {
            check_text(input, a.span, &a.text, "addressee");
        }
    }
    if let Some(title) = &doc.title {
        assert!(doc.text.starts_with(title.as_str()));
    }
}
