//! The cleaner on clean news text must not remove prose.
//!
//! - BBC (`../shared/corpus/bbc`): plain articles, first line the headline. Nothing may
//!   be removed, and the headline is the title.
//! - PolNeAR (`../shared/quotes/polnear/data/{train,dev}/text`): news text annotated with
//!   attributions. What the cleaner removes (photo credits such as `Getty.`, CSS left in
//!   the page) must not overlap any annotated span, and must not read like prose.
//!
//! Run with `--nocapture` to see every removed line.

use std::fs;
use std::path::{Path, PathBuf};

use summit_core::{Document, ParagraphKind};

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent", dir.display());
        None
    }
}

fn text_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

fn analyze(path: &Path) -> (Vec<u8>, Document) {
    let bytes = fs::read(path).unwrap();
    let doc = summit_core::analyze(&path.display().to_string(), &bytes)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (bytes, doc)
}

/// Whether a removed line reads like a sentence of prose: long, ending with a full stop,
/// mostly words.
fn looks_like_prose(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let wordy = words
        .iter()
        .filter(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || ",.’'\"“”".contains(c))
        })
        .count();
    words.len() >= 12
        && !line.starts_with('(')
        && wordy * 10 >= words.len() * 8
        && line
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with(['.', '!', '?'])
}

#[test]
fn bbc_articles_lose_nothing_and_keep_their_headlines() {
    let Some(shared) = shared() else { return };
    let root = shared.join("corpus/bbc");
    let mut count = 0;
    let mut wrong_titles = Vec::new();
    for section in ["business", "entertainment", "politics", "sport", "tech"] {
        let dir = root.join(section);
        if !dir.is_dir() {
            continue;
        }
        for path in text_files(&dir) {
            let (bytes, doc) = analyze(&path);
            count += 1;
            if let Some(r) = doc.removed.first() {
                panic!(
                    "{}: removed {:?} {:?}",
                    path.display(),
                    r.reason,
                    String::from_utf8_lossy(&bytes[r.span.start..r.span.end])
                );
            }
            let text = String::from_utf8_lossy(&bytes);
            let headline = text.lines().next().unwrap_or("").trim();
            // Character references in a headline (`&#163;1.8m`) are decoded in the title.
            if doc.title.as_deref() != Some(headline)
                && !(headline.contains('&') && doc.title.is_some())
            {
                wrong_titles.push(format!(
                    "{}: {:?} vs {:?}",
                    path.display(),
                    doc.title,
                    headline
                ));
            }
            assert!(
                doc.paragraphs
                    .iter()
                    .skip(1)
                    .all(|p| p.kind != ParagraphKind::Title)
            );
        }
    }
    assert!(count > 1000, "only {count} BBC articles found");
    for w in &wrong_titles {
        eprintln!("title: {w}");
    }
    assert!(
        wrong_titles.is_empty(),
        "{} wrong titles",
        wrong_titles.len()
    );
}

/// An annotated span of a PolNeAR text, as a byte range.
struct Annotation {
    /// The annotators marked it `Discard`: page debris, removing it is right.
    discard: bool,
    start: usize,
    end: usize,
}

/// The annotated spans of a PolNeAR text (attribution sources, cues and contents, and
/// discarded debris), from every annotator's file.
fn polnear_spans(ann_dir: &Path, stem: &str, text: &str) -> Vec<Annotation> {
    // Code-point offset → byte offset.
    let mut byte_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_at.push(text.len());
    let mut spans = Vec::new();
    for entry in fs::read_dir(ann_dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let Some((base, _annotator)) = name.rsplit_once('_') else {
            continue;
        };
        if base != stem {
            continue;
        }
        for line in fs::read_to_string(&path).unwrap().lines() {
            let mut fields = line.split('\t');
            let (Some(id), Some(info)) = (fields.next(), fields.next()) else {
                continue;
            };
            if !id.starts_with('T') {
                continue;
            }
            let Some((kind, ranges)) = info.split_once(' ') else {
                continue;
            };
            if !matches!(kind, "Source" | "Cue" | "Content" | "Discard") {
                continue;
            }
            for range in ranges.split(';') {
                let mut ends = range.split(' ').filter_map(|n| n.parse::<usize>().ok());
                if let (Some(s), Some(e)) = (ends.next(), ends.next()) {
                    let clamp = |i: usize| byte_at[i.min(byte_at.len() - 1)];
                    spans.push(Annotation {
                        discard: kind == "Discard",
                        start: clamp(s),
                        end: clamp(e),
                    });
                }
            }
        }
    }
    spans
}

#[test]
fn polnear_removals_touch_no_annotation_and_no_prose() {
    let Some(shared) = shared() else { return };
    let mut docs = 0;
    let mut removed = 0;
    let mut problems = Vec::new();
    for split in ["train", "dev"] {
        let base = shared.join("quotes/polnear/data").join(split);
        let ann_dir = base.join("attributions");
        for path in text_files(&base.join("text")) {
            let (bytes, doc) = analyze(&path);
            docs += 1;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            let spans = if doc.removed.is_empty() {
                Vec::new()
            } else {
                polnear_spans(&ann_dir, &stem, &text)
            };
            for r in &doc.removed {
                removed += 1;
                let line = &text[r.span.start..r.span.end];
                eprintln!("{stem}: {:?} {line:?}", r.reason);
                if let Some(a) = spans
                    .iter()
                    .find(|a| !a.discard && a.start < r.span.end && r.span.start < a.end)
                {
                    problems.push(format!(
                        "{stem}: removed ({:?}) {line:?} overlaps annotation {:?}",
                        r.reason,
                        &text[a.start..a.end]
                    ));
                }
                // Debris the annotators discarded, or a video player's notice (which they
                // discarded elsewhere but not in every file).
                let confirmed = spans
                    .iter()
                    .any(|a| a.discard && a.start < r.span.end && r.span.start < a.end)
                    || line.contains("video is restricted");
                if !confirmed && looks_like_prose(line) {
                    problems.push(format!("{stem}: removed prose {line:?}"));
                }
            }
        }
    }
    eprintln!("{docs} PolNeAR texts, {removed} lines removed");
    assert!(docs > 500, "only {docs} PolNeAR texts found");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
