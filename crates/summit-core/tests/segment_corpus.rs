//! Cleaning and segmentation over every article of `../shared/corpus/bbc` (read at run
//! time, never copied): the segmentation invariants hold on real text.

use std::fs;
use std::path::{Path, PathBuf};

use summit_core::{clean, segment};

fn corpus_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/bbc");
    let mut files = Vec::new();
    for dir in fs::read_dir(&root).unwrap_or_else(|e| panic!("{}: {e}", root.display())) {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        for f in fs::read_dir(&dir).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "txt") {
                files.push(f);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn bbc_corpus_segments_with_all_invariants() {
    let files = corpus_files();
    assert!(
        files.len() > 1000,
        "expected the BBC corpus, found {} files",
        files.len()
    );
    let (mut tokens, mut sentences) = (0usize, 0usize);
    for path in &files {
        let raw = fs::read(path).unwrap();
        let text = String::from_utf8_lossy(&raw);
        let cleaned = clean::clean(&text);
        let blocks = cleaned.block_spans();
        let seg = segment::segment(&cleaned.text, &blocks);
        if let Err(e) = seg.check(&cleaned.text, &blocks) {
            panic!("{}: {e}", path.display());
        }
        for s in &seg.sentences {
            let b = blocks[s.block];
            assert!(
                b.contains(s.span),
                "{}: sentence outside its block",
                path.display()
            );
        }
        // The raw text as paragraphs, without the cleaner, holds the invariants too.
        let blocks = segment::paragraphs(&text);
        let seg2 = segment::segment(&text, &blocks);
        if let Err(e) = seg2.check(&text, &blocks) {
            panic!("{} (uncleaned): {e}", path.display());
        }
        tokens += seg.tokens.len();
        sentences += seg.sentences.len();
    }
    assert!(tokens > sentences && sentences > files.len());
}
