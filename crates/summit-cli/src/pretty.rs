//! `--format pretty`: a document as a summary for people reading a terminal.

use std::collections::BTreeMap;
use std::io::{self, Write};

use summit_core::{Document, EntityLabel, Quote};

use crate::error::Error;

const RULE_WIDTH: usize = 78;
const QUOTE_WIDTH: usize = 160;
const CLAUSE_WIDTH: usize = 60;

fn heading(w: &mut impl Write, id: &str) -> io::Result<()> {
    let title = format!("── {id} ");
    let fill = RULE_WIDTH.saturating_sub(title.chars().count());
    writeln!(w, "{title}{}", "─".repeat(fill))
}

pub fn error(w: &mut impl Write, id: &str, err: &Error) -> io::Result<()> {
    heading(w, id)?;
    writeln!(w, "error ({}): {err}", err.kind())?;
    writeln!(w)
}

pub fn document(w: &mut impl Write, doc: &Document) -> io::Result<()> {
    heading(w, &doc.id)?;
    let title = doc.title.as_deref().map(|t| shorten(t, QUOTE_WIDTH));
    writeln!(w, "Title       {}", title.as_deref().unwrap_or("—"))?;
    writeln!(w, "Published   {}", doc.published.as_deref().unwrap_or("—"))?;
    writeln!(
        w,
        "Paragraphs  {}{}",
        doc.paragraphs.len(),
        breakdown(doc.paragraphs.iter().map(|p| p.kind.as_str()))
    )?;
    writeln!(
        w,
        "Removed     {}{}",
        doc.removed.len(),
        breakdown(doc.removed.iter().map(|r| r.reason.as_str()))
    )?;

    writeln!(w, "\nEntities ({})", doc.entities.len())?;
    for label in EntityLabel::ALL {
        let mut entities: Vec<_> = doc.entities.iter().filter(|e| e.label == label).collect();
        if entities.is_empty() {
            continue;
        }
        entities.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
        writeln!(w, "  {}", label.as_str())?;
        for e in entities {
            write!(w, "    {} ×{}", e.name, e.mentions.len())?;
            if !e.roles.is_empty() {
                write!(w, " — {}", e.roles.join("; "))?;
            }
            writeln!(w)?;
        }
    }

    writeln!(w, "\nQuotes ({})", doc.quotes.len())?;
    for q in &doc.quotes {
        quote(w, q)?;
    }

    if !doc.warnings.is_empty() {
        writeln!(w, "\nWarnings")?;
        for warning in &doc.warnings {
            writeln!(w, "  - {warning}")?;
        }
    }
    writeln!(w)
}

fn quote(w: &mut impl Write, q: &Quote) -> io::Result<()> {
    let speaker = match &q.speaker {
        None => "(unattributed)".to_owned(),
        Some(s) => match (&s.name, &s.entity) {
            (Some(name), Some(entity)) if *name != s.text => {
                format!("{name} [{entity}] as “{}”", s.text)
            }
            (Some(name), Some(entity)) => format!("{name} [{entity}]"),
            _ => format!("“{}”", s.text),
        },
    };
    write!(w, "  {:<4} {:<8} {speaker}", q.id, q.kind.as_str())?;
    if let Some(cue) = &q.cue {
        write!(w, ", cue “{}”", cue.text)?;
    }
    if let Some(clause) = &q.clause {
        write!(w, ", clause “{}”", shorten(&clause.text, CLAUSE_WIDTH))?;
    }
    if let Some(a) = &q.addressee {
        write!(w, ", to “{}”", a.text)?;
    }
    writeln!(w, " ({:.2})", q.confidence)?;
    writeln!(w, "      {}", shorten(&q.text, QUOTE_WIDTH))
}

/// ` (3 body, 1 title)`: counts per name, most frequent first; empty when there is nothing.
fn breakdown<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut counts = BTreeMap::<&str, usize>::new();
    for name in names {
        *counts.entry(name).or_default() += 1;
    }
    if counts.is_empty() {
        return String::new();
    }
    let mut counts: Vec<_> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let parts: Vec<String> = counts.iter().map(|(n, c)| format!("{c} {n}")).collect();
    format!(" ({})", parts.join(", "))
}

/// `text` on one line, cut at a character boundary with an ellipsis past `width` characters.
fn shorten(text: &str, width: usize) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(width) {
        None => one_line,
        Some((cut, _)) => format!("{}…", &one_line[..cut]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breakdown_counts_most_frequent_first() {
        let names = ["body", "title", "body", "heading", "body"];
        assert_eq!(
            breakdown(names.into_iter()),
            " (3 body, 1 heading, 1 title)"
        );
        assert_eq!(breakdown(std::iter::empty()), "");
    }

    #[test]
    fn shorten_cuts_on_character_boundaries() {
        assert_eq!(shorten("«Привет»  мир", 3), "«Пр…");
        assert_eq!(shorten("short\ntext", 40), "short text");
    }
}
