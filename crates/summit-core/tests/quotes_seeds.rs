//! The quote stage on the four sample articles in `../shared/seeds` (read at test time,
//! never copied into the repository).
//!
//! - `seeds_quote_snapshot` pins the full pipeline's quote output: kind, offsets, cue text,
//!   speaker name and words, addressee — and no quote prose.
//! - `seeds_attribution_with_gold_entities` runs the stage with entity lists built from the
//!   gold annotation (names, aliases, roles found in the cleaned text), so speaker
//!   resolution is measured independently of the entity stage, and checks the speakers.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use summit_core::{Entity, EntityLabel, Mention, QuoteKind, Span, clean, quotes, segment};

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    p.join("seeds").is_dir().then_some(p)
}

fn seed_files(shared: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(shared.join("seeds"))
        .expect("seeds")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn seeds_quote_snapshot() {
    let Some(shared) = shared() else {
        eprintln!("../shared/seeds not found: skipped");
        return;
    };
    let mut out = String::new();
    for path in seed_files(&shared) {
        let bytes = std::fs::read(&path).expect("read seed");
        let doc = summit_core::analyze(&path.file_name().unwrap().to_string_lossy(), &bytes)
            .expect("analysis");
        writeln!(out, "# {}", doc.id).unwrap();
        for q in &doc.quotes {
            let cue = q.cue.as_ref().map_or("-", |c| c.text.as_str());
            let speaker = q.speaker.as_ref().map_or("-".to_owned(), |s| {
                format!("{} <{}>", s.text, s.name.as_deref().unwrap_or("?"))
            });
            let addressee = q.addressee.as_ref().map_or("-", |a| a.text.as_str());
            writeln!(
                out,
                "{} {} {}..{} cue={cue} speaker={speaker} to={addressee} conf={:.2}",
                q.id,
                q.kind.as_str(),
                q.span.start,
                q.span.end,
                q.confidence
            )
            .unwrap();
            if let Some(c) = &q.clause {
                writeln!(out, "    clause {}..{}", c.span.start, c.span.end).unwrap();
            }
        }
        for w in &doc.warnings {
            if w.starts_with("quotation marks") {
                writeln!(out, "warning: {w}").unwrap();
            }
        }
    }
    insta::assert_snapshot!("seeds_quotes", out);
}

/// Entities built from the gold annotation: every occurrence of a name or alias in the
/// cleaned text, longest first, without overlaps.
fn gold_entities(text: &str, gold: &serde_json::Value) -> Vec<Entity> {
    let mut taken: Vec<Span> = Vec::new();
    let mut out = Vec::new();
    let mut forms: Vec<(String, usize)> = Vec::new();
    let ents = gold["entities"].as_array().cloned().unwrap_or_default();
    for (i, e) in ents.iter().enumerate() {
        forms.push((e["name"].as_str().unwrap_or("").to_owned(), i));
        for a in e["aliases"].as_array().into_iter().flatten() {
            forms.push((a.as_str().unwrap_or("").to_owned(), i));
        }
    }
    forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); ents.len()];
    for (form, i) in &forms {
        if form.is_empty() {
            continue;
        }
        for (at, _) in text.match_indices(form.as_str()) {
            let span = Span::new(at, at + form.len());
            let before = text[..at].chars().next_back();
            let after = text[span.end..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            if taken.iter().any(|t| t.overlaps(span)) {
                continue;
            }
            taken.push(span);
            mentions[*i].push(Mention {
                span,
                text: form.clone(),
            });
        }
    }
    for (i, e) in ents.iter().enumerate() {
        let mut ms = std::mem::take(&mut mentions[i]);
        if ms.is_empty() {
            continue;
        }
        ms.sort_by_key(|m| m.span.start);
        let label = match e["type"].as_str().unwrap_or("") {
            "PERSON" => EntityLabel::Person,
            "GPE" => EntityLabel::Gpe,
            "ORG" => EntityLabel::Org,
            "NORP" => EntityLabel::Norp,
            "LOC" => EntityLabel::Loc,
            "FAC" => EntityLabel::Fac,
            "EVENT" => EntityLabel::Event,
            "LAW" => EntityLabel::Law,
            _ => EntityLabel::Misc,
        };
        out.push(Entity {
            id: format!("e{}", out.len() + 1),
            label,
            name: e["name"].as_str().unwrap_or("").to_owned(),
            roles: e["roles"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|r| r.as_str().map(str::to_owned))
                .collect(),
            mentions: ms,
        });
    }
    out
}

fn norm(s: &str) -> String {
    s.trim_start_matches("the ")
        .trim_start_matches("The ")
        .to_lowercase()
}

#[test]
fn seeds_attribution_with_gold_entities() {
    let Some(shared) = shared() else {
        eprintln!("../shared not found: skipped");
        return;
    };
    let gold_text = std::fs::read_to_string(shared.join("gold/seeds.jsonl")).expect("gold");
    let golds: Vec<serde_json::Value> = gold_text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    let dump = std::env::var_os("SUMMIT_QUOTES_DUMP");
    let mut lines = String::new();
    let (mut checked, mut right) = (0, 0);
    for path in seed_files(&shared) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let gold = golds
            .iter()
            .find(|g| g["doc"] == name.as_str())
            .expect("gold doc");
        let text = std::fs::read_to_string(&path).expect("seed");
        let cleaned = clean::clean(&text);
        let seg = segment::segment(&cleaned.text, &cleaned.block_spans());
        let entities = gold_entities(&cleaned.text, gold);
        let found = quotes::extract(&cleaned, &seg, &entities);
        // Direct and mixed gold quotes found by their quoted words: is the speaker right?
        for g in gold["quotes"].as_array().into_iter().flatten() {
            let (Some(kind), Some(gtext)) = (g["kind"].as_str(), g["text"].as_str()) else {
                continue;
            };
            if !matches!(kind, "direct" | "mixed") || g["optional"] == true {
                continue;
            }
            let key: String = gtext
                .chars()
                .filter(|c| c.is_alphanumeric())
                .take(40)
                .collect();
            let Some(q) = found.quotes.iter().find(|q| {
                let t: String = q.text.chars().filter(|c| c.is_alphanumeric()).collect();
                t.contains(&key) || key.contains(t.as_str()) && t.len() > 20
            }) else {
                continue;
            };
            let want = g["speaker"].as_str().map(norm);
            let got = q.speaker.as_ref().and_then(|s| s.name.as_deref()).map(norm);
            checked += 1;
            if want.is_some() && want == got {
                right += 1;
            } else {
                eprintln!(
                    "speaker: want {want:?} got {got:?} for {:?}",
                    &gtext[..gtext.len().min(50)]
                );
            }
        }
        if dump.is_some() {
            let doc = serde_json::json!({
                "id": name,
                "text": cleaned.text,
                "entities": entities.iter().map(|e| serde_json::json!({"label": e.label.as_str(), "name": e.name, "mentions": e.mentions})).collect::<Vec<_>>(),
                "quotes": found.quotes,
            });
            lines.push_str(&doc.to_string());
            lines.push('\n');
        }
    }
    if let Some(path) = dump {
        std::fs::write(path, lines).expect("dump");
    }
    eprintln!("speakers right on direct and mixed quotes: {right}/{checked}");
    assert!(checked >= 30, "only {checked} gold quotes found");
    assert!(
        right as f64 >= 0.9 * checked as f64,
        "speaker accuracy {right}/{checked}"
    );
    let _ = QuoteKind::Direct;
}
