//! Arbitrary bytes into `summit_core::Analyzer`, strict and lossy: it must never panic,
//! and every span of an `Ok` document must lie on character boundaries of the input with
//! its `text` equal to that slice.

#![no_main]

use libfuzzer_sys::fuzz_target;
use summit_core::{Analyzer, Document, Error, Limits, Options, Span};

fuzz_target!(|data: &[u8]| {
    for lossy_utf8 in [false, true] {
        let analyzer = Analyzer::new(Options {
            limits: Limits::default(),
            lossy_utf8,
        });
        match analyzer.analyze("fuzz", data) {
            Ok(doc) => check_spans(data, &doc, lossy_utf8),
            // libfuzzer-sys's panic hook aborts at the panic itself; this catches a stage
            // that reports a contained failure some other way.
            Err(e @ Error::Internal { .. }) => panic!("{e}"),
            Err(_) => {}
        }
    }
});

/// `boundary[i]`: whether byte offset `i` starts a character (or the input's end). Invalid
/// sequences, which lossy decoding replaces as a whole, count as one character each.
fn boundaries(input: &[u8]) -> Vec<bool> {
    let mut boundary = vec![false; input.len() + 1];
    let mut at = 0;
    for chunk in input.utf8_chunks() {
        for (i, _) in chunk.valid().char_indices() {
            boundary[at + i] = true;
        }
        at += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            boundary[at] = true;
            at += chunk.invalid().len();
        }
    }
    boundary[input.len()] = true;
    boundary
}

fn check_spans(input: &[u8], doc: &Document, lossy: bool) {
    if !lossy {
        assert!(
            std::str::from_utf8(input).is_ok(),
            "strict decoding accepted invalid UTF-8"
        );
    }
    let boundary = boundaries(input);
    let on_boundaries = |what: &str, s: Span| {
        assert!(
            s.start <= s.end && s.end <= input.len(),
            "{what} {s:?} out of bounds"
        );
        assert!(
            boundary[s.start] && boundary[s.end],
            "{what} {s:?} splits a character"
        );
    };
    let slices_to = |what: &str, s: Span, text: &str| {
        on_boundaries(what, s);
        assert_eq!(
            String::from_utf8_lossy(&input[s.start..s.end]),
            text,
            "{what} {s:?}: text is not the input slice"
        );
    };
    for p in &doc.paragraphs {
        on_boundaries("paragraph", p.span);
    }
    for r in &doc.removed {
        on_boundaries("removed", r.span);
    }
    for e in &doc.entities {
        for m in &e.mentions {
            slices_to("mention", m.span, &m.text);
        }
    }
    for q in &doc.quotes {
        slices_to("quote", q.span, &q.text);
        if let Some(c) = &q.cue {
            slices_to("cue", c.span, &c.text);
        }
        if let Some(c) = &q.clause {
            slices_to("clause", c.span, &c.text);
        }
        if let Some(s) = &q.speaker {
            slices_to("speaker", s.span, &s.text);
        }
        if let Some(a) = &q.addressee {
            slices_to("addressee", a.span, &a.text);
        }
        assert!(
            (0.0..=1.0).contains(&q.confidence),
            "confidence {}",
            q.confidence
        );
    }
}
