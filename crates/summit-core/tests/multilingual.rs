//! Text in many languages and scripts through the whole pipeline: the sentences that once
//! panicked, the multilingual smoke corpus in `tests/multilingual/`, and generated news-like
//! text (`common::news`). Every document must come out, and every span must slice the input.

use std::fs;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use summit_core::{Analyzer, Document, Error};

mod common;
use common::check_document;

fn analyze(text: &str) -> Document {
    summit_core::analyze("test", text.as_bytes())
        .unwrap_or_else(|e| panic!("{e} ({}) on {text:?}", e.kind()))
}

/// The mention texts of the entity that has a mention `text`.
fn mentions_of_entity_with(doc: &Document, text: &str) -> Vec<String> {
    doc.entities
        .iter()
        .find(|e| e.mentions.iter().any(|m| m.text == text))
        .map(|e| e.mentions.iter().map(|m| m.text.clone()).collect())
        .unwrap_or_default()
}

#[test]
fn an_accented_acronym_after_its_long_form_links_to_it() {
    // Panicked in the entity stage: `acr[..1]` sliced inside the two-byte `Ö`.
    let text =
        "Die Österreichische Plattform für Alleinerziehende (ÖPA) hat den Aufruf unterstützt.";
    let doc = analyze(text);
    check_document(text, &doc);
    let linked = mentions_of_entity_with(&doc, "ÖPA");
    assert!(
        linked
            .iter()
            .any(|m| m.starts_with("Österreichische Plattform")),
        "ÖPA is not one entity with its long form: {:?}",
        doc.entities
    );
}

#[test]
fn an_accented_acronym_of_a_two_word_long_form_analyses() {
    let text = "Der Österreichischer Skiverband (ÖSV) hat am Montag in Wien getagt.";
    let doc = analyze(text);
    check_document(text, &doc);
    assert!(
        doc.entities
            .iter()
            .any(|e| e.mentions.iter().any(|m| m.text == "ÖSV")),
        "ÖSV is not an entity: {:?}",
        doc.entities
    );
}

#[test]
fn acronyms_whose_capitals_change_length_analyse() {
    // `ß` has a two-letter capital, `İ` a two-character lowercase: an acronym counted or
    // compared in bytes would misread both.
    for text in [
        "Die Straße Ölförderung Gesellschaft (SSÖG) meldete Gewinne.",
        "İzmir İhracatçılar Birliği (İİB) açıklama yaptı.",
        "Ǆemal Ǆafić (ǄǄ) said the talks were over.",
        "Ελληνικός Οργανισμός Ενέργειας (ΕΟΕ) announced the deal.",
    ] {
        let doc = analyze(text);
        check_document(text, &doc);
    }
}

fn smoke_corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/multilingual");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_text_of_the_multilingual_smoke_corpus_analyses() {
    let files = smoke_corpus();
    assert!(files.len() >= 15, "only {} languages", files.len());
    for path in &files {
        let text = fs::read_to_string(path).unwrap();
        let doc = summit_core::analyze(&path.display().to_string(), text.as_bytes())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        check_document(&text, &doc);
        assert!(doc.title.is_some(), "{}: no headline", path.display());
        assert!(
            doc.text.split("\n\n").count() >= 2,
            "{}: body lost",
            path.display()
        );
    }
}

#[test]
fn a_batch_of_the_smoke_corpus_gives_one_document_per_text() {
    let inputs: Vec<(String, Vec<u8>)> = smoke_corpus()
        .iter()
        .map(|p| (p.display().to_string(), fs::read(p).unwrap()))
        .collect();
    let results = Analyzer::default().analyze_batch(&inputs);
    assert_eq!(results.len(), inputs.len());
    for ((id, _), result) in inputs.iter().zip(&results) {
        assert_eq!(&result.as_ref().expect("analysed").id, id);
    }
}

#[test]
fn a_panic_in_a_stage_is_an_internal_error_for_that_document_alone() {
    let analyzer = Analyzer::default().with_fault_injection(Some("BOOM-MARKER".into()));
    let mut inputs: Vec<(String, Vec<u8>)> = (0..50)
        .map(|i| {
            (
                format!("doc-{i}"),
                format!("Story {i}\n\nThe minister spoke on day {i}.").into_bytes(),
            )
        })
        .collect();
    inputs[17].1 = b"Story\n\nThe text holds BOOM-MARKER somewhere.".to_vec();
    let results = analyzer.analyze_batch(&inputs);
    assert_eq!(results.len(), 50);
    for (i, result) in results.iter().enumerate() {
        match (i, result) {
            (17, Err(e)) => {
                assert_eq!(*e, Error::Internal { stage: "entities" });
                assert_eq!(e.kind(), "internal");
                assert!(
                    !e.to_string().contains("BOOM"),
                    "the message quotes the input"
                );
            }
            (17, Ok(_)) => panic!("the injected fault did not fire"),
            (_, Ok(doc)) => assert_eq!(doc.id, format!("doc-{i}")),
            (_, Err(e)) => panic!("doc-{i} failed: {e}"),
        }
    }
    // Without the marker, the same analyzer is healthy afterwards on the same thread.
    assert!(
        analyzer
            .analyze("after", b"Talks\n\nThe talks went on.")
            .is_ok()
    );
}

#[test]
fn error_kinds_are_listed_once() {
    let every_variant = [
        Error::Empty,
        Error::NoText,
        Error::TooLarge { len: 2, limit: 1 },
        Error::InvalidUtf8 { offset: 0 },
        Error::Binary {
            offset: 0,
            reason: "NUL byte",
        },
        Error::Internal { stage: "clean" },
    ];
    let kinds: Vec<&str> = every_variant.iter().map(Error::kind).collect();
    assert_eq!(kinds, Error::KINDS);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn news_shaped_text_in_any_script_analyses_with_exact_offsets(text in common::news::article()) {
        match summit_core::analyze("generated", text.as_bytes()) {
            Ok(doc) => check_document(&text, &doc),
            Err(e) => prop_assert!(
                matches!(e, Error::NoText),
                "{} ({}) on {:?}", e, e.kind(), text
            ),
        }
    }
}
