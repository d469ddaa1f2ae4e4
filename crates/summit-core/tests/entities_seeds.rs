//! Pins the entity output on the sample articles in `../shared/seeds`: for each entity its
//! id, label, canonical name, roles, and the count and input offsets of its mentions. No
//! article text is stored (names and roles only); review changes like code.

use std::path::PathBuf;

use serde_json::{Value, json};

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds")
}

fn summary(doc: &summit_core::Document) -> Value {
    let entities: Vec<Value> = doc
        .entities
        .iter()
        .map(|e| {
            json!({
                "id": e.id,
                "label": e.label.as_str(),
                "name": e.name,
                "roles": e.roles,
                "mentions": e.mentions.len(),
                "offsets": e.mentions.iter().map(|m| format!("{}..{}", m.span.start, m.span.end)).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!(entities)
}

#[test]
fn seeds_entities_snapshot() {
    let dir = seeds_dir();
    let Ok(read) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: {} not found", dir.display());
        return;
    };
    let mut files: Vec<PathBuf> = read
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let doc = summit_core::analyze(&name, &bytes).unwrap();
        // Every mention slices the input to its text.
        for e in &doc.entities {
            for m in &e.mentions {
                assert_eq!(
                    String::from_utf8_lossy(&bytes[m.span.start..m.span.end]),
                    m.text,
                    "{name}: {} mention",
                    e.name
                );
            }
        }
        insta::assert_json_snapshot!(format!("entities_{name}"), summary(&doc));
    }
}

#[test]
fn seeds_entities_resolve_the_traps() {
    let dir = seeds_dir();
    let Ok(read) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: {} not found", dir.display());
        return;
    };
    let mut all = Vec::new();
    for entry in read.filter_map(Result::ok) {
        let bytes = std::fs::read(entry.path()).unwrap();
        all.push(summit_core::analyze("seed", &bytes).unwrap());
    }
    let find = |name: &str| {
        all.iter()
            .flat_map(|d| d.entities.iter())
            .find(|e| e.name == name)
            .cloned()
    };
    // Titles are not names; the person keeps the title as a role.
    let putin = find("Vladimir Putin").expect("Vladimir Putin");
    assert_eq!(putin.label, summit_core::EntityLabel::Person);
    assert!(putin.roles.iter().any(|r| r == "Russian President"));
    // Two Sullivans stay two people.
    assert!(find("Jake Sullivan").is_some() && find("John Sullivan").is_some());
    // The country before a person is not part of an organisation.
    assert_eq!(
        find("Anatoly Antonov").map(|e| e.label),
        Some(summit_core::EntityLabel::Person)
    );
}
