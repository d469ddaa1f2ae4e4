//! Reading PolNeAR: article texts and BRAT standoff attribution files.
//!
//! A split directory holds `text/NAME.txt` and `attributions/NAME_XXXX.ann`, one `.ann` per
//! annotator (`XXXX`). `T` lines are text-bound annotations (`Source`, `Cue`, `Content`,
//! `Attribution`, `Discard`, …) with offsets in Unicode code points, possibly discontinuous
//! (`start end;start end`); `E` lines link them into attribution events
//! (`Attribution:T4 Content:T3 Cue:T2 Source:T1`). A `T` line's text can run over several
//! lines (discontinuous spans across paragraphs): continuation lines are skipped.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

/// A set of code-point intervals `[start, end)`.
pub type Spans = Vec<(usize, usize)>;

/// One gold attribution.
#[derive(Clone, Debug, Default)]
pub struct GoldAttribution {
    pub content: Spans,
    pub cue: Spans,
    pub source: Spans,
}

/// One article with the attributions of one annotator.
#[derive(Debug)]
pub struct Article {
    pub name: String,
    pub text_path: PathBuf,
    /// The annotator's file used.
    pub ann_path: PathBuf,
    pub attributions: Vec<GoldAttribution>,
}

/// The articles of a split, in name order; for articles with several annotators' files,
/// the first file by name.
pub fn load(dir: &Path) -> anyhow::Result<Vec<Article>> {
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    let mut anns: HashMap<String, PathBuf> = HashMap::new();
    let mut ann_files: Vec<PathBuf> = std::fs::read_dir(&ann_dir)
        .with_context(|| format!("reading {}", ann_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ann"))
        .collect();
    ann_files.sort();
    for p in ann_files {
        let stem = p
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        // NAME_XXXX: strip the annotator suffix.
        let article = match stem.rsplit_once('_') {
            Some((a, who)) if who.len() == 4 && who.chars().all(|c| c.is_ascii_hexdigit()) => {
                a.to_owned()
            }
            _ => stem.clone(),
        };
        anns.entry(article).or_insert(p);
    }
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&text_dir)
        .with_context(|| format!("reading {}", text_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    let mut out = Vec::new();
    for t in texts {
        let name = t
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let Some(ann) = anns.get(&name) else {
            continue;
        };
        let src =
            std::fs::read_to_string(ann).with_context(|| format!("reading {}", ann.display()))?;
        out.push(Article {
            name,
            text_path: t,
            ann_path: ann.clone(),
            attributions: parse_ann(&src),
        });
    }
    Ok(out)
}

/// Parses a BRAT `.ann` file into attribution events.
pub fn parse_ann(src: &str) -> Vec<GoldAttribution> {
    let mut spans: HashMap<&str, (&str, Spans)> = HashMap::new();
    let mut events: Vec<Vec<(&str, &str)>> = Vec::new();
    for line in src.lines() {
        let mut cols = line.splitn(3, '\t');
        let (Some(id), Some(mid)) = (cols.next(), cols.next()) else {
            continue;
        };
        let is_id = |p: char| {
            id.starts_with(p) && id[1..].chars().all(|c| c.is_ascii_digit()) && id.len() > 1
        };
        if is_id('T') {
            let Some((ty, offs)) = mid.split_once(' ') else {
                continue;
            };
            let mut ranges = Vec::new();
            for part in offs.split(';') {
                let mut n = part
                    .split_whitespace()
                    .filter_map(|x| x.parse::<usize>().ok());
                if let (Some(a), Some(b)) = (n.next(), n.next()) {
                    if a < b {
                        ranges.push((a, b));
                    }
                }
            }
            spans.insert(id, (ty, ranges));
        } else if is_id('E') {
            let roles = mid
                .split_whitespace()
                .filter_map(|p| p.split_once(':'))
                .collect();
            events.push(roles);
        }
    }
    let mut out = Vec::new();
    for roles in events {
        let mut a = GoldAttribution::default();
        for (role, tid) in roles {
            let Some((_, ranges)) = spans.get(tid) else {
                continue;
            };
            let dst = match role.trim_end_matches(|c: char| c.is_ascii_digit()) {
                "Content" => &mut a.content,
                "Cue" => &mut a.cue,
                "Source" => &mut a.source,
                _ => continue,
            };
            dst.extend(ranges.iter().copied());
        }
        if !a.content.is_empty() {
            a.content.sort_unstable();
            out.push(a);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_discontinuous_spans_and_events() {
        let ann = "T1\tSource 0 5\tAlice\nT2\tCue 6 10\tsaid\nT3\tContent 12 20;30 41\tone\ntwo\n\
                   T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n\
                   #1\tAnnotatorNotes T3\tsome note\nT5\tDiscard 50 60\tx\n";
        let a = parse_ann(ann);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].content, vec![(12, 20), (30, 41)]);
        assert_eq!(a[0].cue, vec![(6, 10)]);
        assert_eq!(a[0].source, vec![(0, 5)]);
    }
}
