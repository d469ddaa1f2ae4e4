//! Every article of `../shared/corpus/bbc` (1,698 files, read at test time) goes through the
//! full pipeline without an error or a panic, and every quote span slices the input to its
//! text. A third of these articles have an odd number of quotation marks.

use std::path::{Path, PathBuf};

fn bbc_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/bbc");
    let mut files = Vec::new();
    let Ok(dirs) = std::fs::read_dir(&root) else {
        return files;
    };
    for d in dirs.flatten() {
        if let Ok(entries) = std::fs::read_dir(d.path()) {
            files.extend(
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "txt")),
            );
        }
    }
    files.sort();
    files
}

#[test]
fn every_bbc_article_analyses_and_its_quotes_slice_the_input() {
    let files = bbc_files();
    if files.is_empty() {
        eprintln!("../shared/corpus/bbc not found: skipped");
        return;
    }
    let mut quotes = 0;
    for path in &files {
        let bytes = std::fs::read(path).expect("read");
        let id = path.to_string_lossy();
        let doc = summit_core::analyze(&id, &bytes).unwrap_or_else(|e| panic!("{id}: {e}"));
        let input = String::from_utf8_lossy(&bytes);
        for q in &doc.quotes {
            assert_eq!(&input[q.span.start..q.span.end], q.text, "{id} {}", q.id);
            for (span, text) in [
                q.cue.as_ref().map(|c| (c.span, &c.text)),
                q.clause.as_ref().map(|c| (c.span, &c.text)),
                q.speaker.as_ref().map(|s| (s.span, &s.text)),
                q.addressee.as_ref().map(|a| (a.span, &a.text)),
            ]
            .into_iter()
            .flatten()
            {
                assert_eq!(&input[span.start..span.end], text.as_str(), "{id} {}", q.id);
            }
            assert!((0.0..=1.0).contains(&q.confidence));
        }
        quotes += doc.quotes.len();
    }
    assert_eq!(files.len(), 1698, "the corpus changed");
    assert!(quotes > 1000, "only {quotes} quotes in the BBC corpus");
}
