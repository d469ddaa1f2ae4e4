//! Every span in a [`Document`] is a byte range of the input on character boundaries, and
//! every span's `text` is that slice: over all of `../shared/seeds`, the BBC corpus and
//! the PolNeAR texts, and over generated debris-rich inputs, on which `analyze` must also
//! never panic.

use std::fs;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use summit_core::{Document, Span};

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent", dir.display());
        None
    }
}

/// Checks one span against the input; returns its slice.
fn slice<'a>(input: &'a str, span: Span, what: &str) -> &'a str {
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

fn check_text(input: &str, span: Span, text: &str, what: &str) {
    assert_eq!(
        slice(input, span, what),
        text,
        "{what}: text differs from the input slice"
    );
}

/// The document invariants, for an input that is valid UTF-8.
fn check_document(input: &str, doc: &Document) {
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

fn check_file(path: &Path) {
    let bytes = fs::read(path).unwrap();
    let input = std::str::from_utf8(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc = summit_core::analyze(&path.display().to_string(), &bytes)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    check_document(input, &doc);
}

fn check_dir(dir: &Path) -> usize {
    let mut n = 0;
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            n += check_dir(&path);
        } else if path.extension().is_some_and(|x| x == "txt") {
            check_file(&path);
            n += 1;
        }
    }
    n
}

#[test]
fn spans_slice_the_input_on_every_shared_text() {
    let Some(shared) = shared() else { return };
    assert_eq!(check_dir(&shared.join("seeds")), 4);
    assert!(check_dir(&shared.join("corpus/bbc")) > 1000);
    let polnear = shared.join("quotes/polnear/data");
    let n = check_dir(&polnear.join("train/text")) + check_dir(&polnear.join("dev/text"));
    assert!(n > 500, "only {n} PolNeAR texts");
}

/// Pieces of scraped text: words, every kind of quotation mark, whitespace and invisible
/// characters, mojibake, shortcodes, markup, credits, dates and line breaks.
fn fragment() -> impl Strategy<Value = String> {
    let fixed = prop_oneof![
        Just("Putin"),
        Just("talks"),
        Just("said"),
        Just("the"),
        Just("Geneva."),
        Just(" "),
        Just(" "),
        Just(" "),
        Just("“"),
        Just("”"),
        Just("‘"),
        Just("’"),
        Just("«"),
        Just("»"),
        Just("\""),
        Just("'"),
        Just("\t"),
        Just("\u{A0}"),
        Just("\u{2009}"),
        Just("\u{200B}"),
        Just("\u{200D}"),
        Just("\u{AD}"),
        Just("\u{FEFF}"),
        Just("\u{85}"),
        Just("\u{7}"),
        Just("â€™"),
        Just("â€œ"),
        Just("â€"),
        Just("Ã©"),
        Just("Ã"),
        Just("Â "),
        Just("ðŸ˜"),
        Just("Ã¢â‚¬â„¢"),
        Just("[ad_1]"),
        Just("[/caption]"),
        Just("<!-- "),
        Just(" -->"),
        Just("!-- tag -->"),
        Just("<p>"),
        Just("</span>"),
        Just("<script>"),
        Just("</script>"),
        Just("&nbsp;"),
        Just("&#8217;"),
        Just("&amp"),
        Just("&"),
        Just("<"),
        Just("(Photo: Reuters)"),
        Just("IMAGE SOURCE: AP PHOTO"),
        Just("(L)"),
        Just(" |"),
        Just("June 17, 2021"),
        Just("Share this article"),
        Just("By Jane Doe"),
        Just("{"),
        Just("width:100%;"),
        Just("\n"),
        Just("\n\n"),
        Just("\r\n"),
        Just("\r"),
        Just("\n \t\n"),
    ]
    .prop_map(str::to_owned);
    prop_oneof![
        8 => fixed,
        1 => any::<char>().prop_map(String::from),
        1 => "[a-zA-Z .,]{0,12}",
    ]
}

fn debris_text() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..80).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn generated_debris_never_breaks_the_invariants(input in debris_text()) {
        match summit_core::analyze("generated", input.as_bytes()) {
            Ok(doc) => check_document(&input, &doc),
            Err(e) => prop_assert!(!e.to_string().is_empty() && !e.kind().is_empty()),
        }
    }

    #[test]
    fn cleaning_alone_maps_every_block_back(input in debris_text()) {
        let c = summit_core::clean::clean(&input);
        let mut prev = 0;
        for b in &c.blocks {
            let s = c.map.to_source(b.span);
            prop_assert!(s.end <= input.len());
            prop_assert!(input.is_char_boundary(s.start) && input.is_char_boundary(s.end));
            prop_assert!(s.start >= prev);
            prev = s.end;
            let text = c.block_text(b);
            prop_assert!(!text.is_empty() && !text.contains('\n') && !text.contains("  "));
            prop_assert_eq!(text.trim(), text);
        }
        for r in &c.removed {
            prop_assert!(input.is_char_boundary(r.span.start) && input.is_char_boundary(r.span.end));
        }
    }
}
