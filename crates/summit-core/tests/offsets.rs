//! Every span in a [`Document`] is a byte range of the input on character boundaries, and
//! every span's `text` is that slice: over all of `../shared/seeds`, the BBC corpus and
//! the PolNeAR texts, and over generated debris-rich inputs, on which `analyze` must also
//! never panic.

use std::fs;
use std::path::{Path, PathBuf};

use proptest::prelude::*;

mod common;
use common::check_document;

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent", dir.display());
        None
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
            Err(e) => {
                prop_assert!(!e.to_string().is_empty() && !e.kind().is_empty());
                prop_assert_ne!(e.kind(), "internal", "the engine failed: {}", e);
            }
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
