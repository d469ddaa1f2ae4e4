//! The cleaning checks of `../shared/tools/score_seeds.py`, on the four sample articles
//! against `../shared/gold/seeds.jsonl`: title, publication date, every debris line gone
//! from the text, the body's first and last words kept. Stricter than the script in two
//! ways: the first body paragraph must start, and the last paragraph end, with the
//! annotated words, and the annotated section headings must be heading paragraphs.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use summit_core::ParagraphKind;

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if dir.join("gold/seeds.jsonl").is_file() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent", dir.display());
        None
    }
}

#[test]
fn seeds_pass_every_cleaning_check() {
    let Some(shared) = shared() else { return };
    let gold = fs::read_to_string(shared.join("gold/seeds.jsonl")).unwrap();
    let mut checks = 0;
    let mut failures = Vec::new();
    let mut check = |ok: bool, label: String| {
        checks += 1;
        if !ok {
            failures.push(label);
        }
    };
    let mut docs = 0;
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let g: Value = serde_json::from_str(line).unwrap();
        let name = g["doc"].as_str().unwrap();
        let bytes = fs::read(shared.join("seeds").join(name)).unwrap();
        let doc = summit_core::analyze(name, &bytes).unwrap();
        docs += 1;
        let text = &doc.text;

        check(
            doc.title.as_deref() == g["title"].as_str(),
            format!("{name}: title {:?}", doc.title),
        );
        check(
            doc.published.as_deref() == g["published"].as_str(),
            format!("{name}: published {:?}", doc.published),
        );
        let starts = g["body_starts"].as_str().unwrap();
        let ends = g["body_ends"].as_str().unwrap();
        check(text.contains(starts), format!("{name}: body start kept"));
        check(text.contains(ends), format!("{name}: body end kept"));
        for b in g["boilerplate"].as_array().unwrap() {
            let b = b.as_str().unwrap();
            check(!text.contains(b), format!("{name}: debris removed: {b}"));
        }

        // Stricter than the script.
        let slice = |p: &summit_core::Paragraph| {
            String::from_utf8_lossy(&bytes[p.span.start..p.span.end]).into_owned()
        };
        let first_body = doc
            .paragraphs
            .iter()
            .find(|p| p.kind == ParagraphKind::Body)
            .map(slice)
            .unwrap_or_default();
        assert!(
            first_body.starts_with(starts),
            "{name}: first body paragraph is {first_body:?}"
        );
        let last = doc.paragraphs.last().map(slice).unwrap_or_default();
        let last_words = last.trim_end().trim_end_matches(['”', '"', '’', ')']);
        assert!(
            last_words.ends_with(ends),
            "{name}: last paragraph is {last:?}"
        );
        if let Some(headings) = g["headings"].as_array() {
            for h in headings {
                let h = h.as_str().unwrap();
                assert!(
                    doc.paragraphs
                        .iter()
                        .any(|p| p.kind == ParagraphKind::Heading && slice(p) == h),
                    "{name}: heading {h:?} is not a heading paragraph"
                );
            }
        }
        // Only the annotated headings are headings.
        let n_headings = doc
            .paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Heading)
            .count();
        assert_eq!(
            n_headings,
            g["headings"].as_array().map_or(0, Vec::len),
            "{name}: headings"
        );
    }
    assert_eq!(docs, 4);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(checks, 23);
}
