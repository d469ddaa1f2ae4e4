//! `summit eval quotes`: the quote stage against PolNeAR.
//!
//! Each article runs through the product's full pipeline ([`summit_core::Analyzer`]); its
//! quotes become attributions and are matched one-to-one with the gold ones by content
//! overlap. Definitions (also in docs/EVALUATION.md):
//!
//! - **Attribution.** Gold: one `Attribution` event (its content may be discontinuous).
//!   Predicted: the quotes that share one cue span form one attribution (a direct quotation
//!   split by its attribution, and the quoted paragraphs that continue it, are one
//!   attribution with a discontinuous content, as PolNeAR annotates them); a quote without
//!   a cue is an attribution of its own. A partial quote contributes its `clause` (the
//!   reported clause holding the quoted words, "Clinton a “disgrace”"), the other kinds
//!   their span.
//! - **Normalised content.** Each content interval loses, at both ends, whitespace,
//!   quotation marks and punctuation, and a leading complementizer "that": PolNeAR keeps
//!   the marks and "that" inside contents, summit's contract keeps them out; neither is
//!   part of what was said.
//! - **Overlap** = |P ∩ G| / max(|P|, |G|), counting code points of the normalised
//!   contents. A pair matches at threshold t when overlap ≥ t ("exact": overlap = 1).
//!   Matching is one-to-one, greedy by overlap, for each threshold.
//! - **Quotation-mark subset.** Gold attributions whose content holds a quotation mark
//!   (`“ ” " « » „ ‘`, or `’`/`'` not between two letters), and predicted attributions
//!   whose content came from quotation marks (direct, mixed, partial: summit's direct
//!   contents stop inside the marks); P, R and F1 are computed within the subset.
//! - **Speaker accuracy** on the pairs matched at 0.3: right when the predicted speaker
//!   span overlaps a gold Source span, or the predicted speaker's entity has a mention that
//!   overlaps it; when the gold has no source, right when none is predicted.
//! - **Cue accuracy** on the same pairs: the predicted cue span overlaps the gold Cue.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use summit_core::{Analyzer, Document};

use super::polnear::{self, GoldAttribution, Spans};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A PolNeAR split directory holding `text/` and `attributions/`.
    #[arg(long)]
    polnear: PathBuf,
    /// Only the first N articles.
    #[arg(long)]
    limit: Option<usize>,
    /// Print each article's unmatched gold and predicted attributions (at overlap 0.3).
    #[arg(long)]
    verbose: bool,
    /// Also report attributed beliefs, wishes and findings (`quotes::Options::attitudes`),
    /// which PolNeAR annotates as attributions and summit does not report by default.
    #[arg(long)]
    attitudes: bool,
    /// Write every gold and predicted attribution, with its match at 0.3 and its best
    /// overlap on the other side, as JSON Lines to this file (for error analysis).
    #[arg(long)]
    dump: Option<PathBuf>,
}

/// One attribution, either side, in code points.
#[derive(Clone, Debug, Default)]
struct Attr {
    content: Spans,
    /// Normalised content length.
    len: usize,
    source: Spans,
    cue: Spans,
    /// Code-point spans of every mention of the predicted speaker's entity.
    speaker_mentions: Spans,
    quoted: bool,
    label: String,
    /// Raw (unnormalised) content intervals, for the dump.
    raw: Spans,
    /// The predicted quote kinds, for the dump.
    kind: String,
}

#[derive(Debug, Default)]
struct Tally {
    pred: usize,
    gold: usize,
    tp: [usize; 3],
}

const THRESHOLDS: [f64; 3] = [0.3, 0.8, 1.0];

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut articles = polnear::load(&args.polnear)?;
    if let Some(n) = args.limit {
        articles.truncate(n);
    }
    anyhow::ensure!(
        !articles.is_empty(),
        "no articles under {}",
        args.polnear.display()
    );
    let analyzer = Analyzer::default().with_quote_options(summit_core::quotes::Options {
        attitudes: args.attitudes,
    });
    let mut all = Tally::default();
    let mut quoted = Tally::default();
    let (mut matched, mut speaker_ok, mut cue_ok) = (0usize, 0usize, 0usize);
    let (mut quoted_matched, mut quoted_speaker_ok) = (0usize, 0usize);
    let mut failures = 0usize;
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    let mut dump = match &args.dump {
        Some(p) => Some(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => None,
    };
    for art in &articles {
        let text = std::fs::read_to_string(&art.text_path)
            .with_context(|| format!("reading {}", art.text_path.display()))?;
        let cps = CodePoints::new(&text);
        let doc = match analyzer.analyze(&art.name, text.as_bytes()) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{}: {e}", art.name);
                failures += 1;
                Document::default()
            }
        };
        for q in &doc.quotes {
            *kinds.entry(q.kind.as_str().to_owned()).or_default() += 1;
        }
        let chars: Vec<char> = text.chars().collect();
        let gold: Vec<Attr> = art
            .attributions
            .iter()
            .map(|g| gold_attr(g, &chars))
            .filter(|a| a.len > 0)
            .collect();
        let pred = predicted(&doc, &cps, &chars);
        tally(&pred, &gold, &mut all, |_| true);
        tally(&pred, &gold, &mut quoted, |a| a.quoted);
        let pairs = matching(&pred, &gold, THRESHOLDS[0], |_| true);
        for &(pi, gi, _) in &pairs {
            matched += 1;
            let (p, g) = (&pred[pi], &gold[gi]);
            speaker_ok += usize::from(speaker_right(p, g));
            cue_ok += usize::from(intersects(&p.cue, &g.cue));
        }
        for (pi, gi, _) in matching(&pred, &gold, THRESHOLDS[1], |a| a.quoted) {
            quoted_matched += 1;
            quoted_speaker_ok += usize::from(speaker_right(&pred[pi], &gold[gi]));
        }
        if let Some(w) = dump.as_mut() {
            write_dump(w, art, &pred, &gold, &pairs)?;
        }
        if args.verbose {
            let pm: Vec<usize> = pairs.iter().map(|p| p.0).collect();
            let gm: Vec<usize> = pairs.iter().map(|p| p.1).collect();
            println!("## {} ({})", art.name, art.ann_path.display());
            for (i, g) in gold.iter().enumerate() {
                if !gm.contains(&i) {
                    println!("  FN {}", g.label);
                }
            }
            for (i, p) in pred.iter().enumerate() {
                if !pm.contains(&i) {
                    println!("  FP {}", p.label);
                }
            }
            for &(pi, gi, o) in &pairs {
                println!("  OK {o:.2} P {} | G {}", pred[pi].label, gold[gi].label);
            }
        }
    }
    println!(
        "PolNeAR {}: {} articles ({} failed), {} gold attributions, {} predicted",
        args.polnear.display(),
        articles.len(),
        failures,
        all.gold,
        all.pred
    );
    println!("predicted quotes by kind: {kinds:?}");
    println!();
    println!(
        "| subset | gold | pred | P@0.3 | R@0.3 | F1@0.3 | P@0.8 | R@0.8 | F1@0.8 | P exact | R exact | F1 exact |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (name, t) in [
        ("all attributions", &all),
        ("quotation-mark subset", &quoted),
    ] {
        let mut row = format!("| {name} | {} | {} |", t.gold, t.pred);
        for tp in t.tp {
            let (p, r, f) = prf(tp, t.pred, t.gold);
            row.push_str(&format!(" {p:.3} | {r:.3} | {f:.3} |"));
        }
        println!("{row}");
    }
    println!();
    let frac = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    println!(
        "speaker accuracy on matched (overlap ≥ 0.3): {:.3} ({speaker_ok}/{matched})",
        frac(speaker_ok, matched)
    );
    println!(
        "cue accuracy on matched (overlap ≥ 0.3): {:.3} ({cue_ok}/{matched})",
        frac(cue_ok, matched)
    );
    println!(
        "speaker accuracy on the quotation-mark subset matched at 0.8: {:.3} ({quoted_speaker_ok}/{quoted_matched})",
        frac(quoted_speaker_ok, quoted_matched)
    );
    Ok(if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// One JSON line per attribution, gold and predicted, for error analysis.
fn write_dump(
    w: &mut impl std::io::Write,
    art: &polnear::Article,
    pred: &[Attr],
    gold: &[Attr],
    pairs: &[(usize, usize, f64)],
) -> anyhow::Result<()> {
    for (side, mine, other) in [("gold", gold, pred), ("pred", pred, gold)] {
        for (i, a) in mine.iter().enumerate() {
            let partner = pairs.iter().find_map(|&(pi, gi, o)| {
                let (me, them) = if side == "gold" { (gi, pi) } else { (pi, gi) };
                (me == i).then_some((them, o))
            });
            let best = other
                .iter()
                .enumerate()
                .map(|(j, b)| (j, overlap(a, b)))
                .filter(|&(_, o)| o > 0.0)
                .max_by(|x, y| x.1.total_cmp(&y.1));
            let line = serde_json::json!({
                "doc": art.name,
                "text_path": art.text_path,
                "side": side,
                "i": i,
                "content": a.raw,
                "norm": a.content,
                "source": a.source,
                "cue": a.cue,
                "quoted": a.quoted,
                "kind": a.kind,
                "match": partner.map(|(j, o)| serde_json::json!([j, o])),
                "best": best.map(|(j, o)| serde_json::json!([j, o])),
            });
            writeln!(w, "{line}")?;
        }
    }
    Ok(())
}

fn prf(tp: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred == 0 {
        0.0
    } else {
        tp as f64 / pred as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        tp as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

fn tally(pred: &[Attr], gold: &[Attr], t: &mut Tally, keep: impl Fn(&Attr) -> bool + Copy) {
    t.pred += pred.iter().filter(|a| keep(a)).count();
    t.gold += gold.iter().filter(|a| keep(a)).count();
    for (k, &th) in THRESHOLDS.iter().enumerate() {
        t.tp[k] += matching(pred, gold, th, keep).len();
    }
}

/// One-to-one pairs (pred, gold, overlap) with overlap ≥ `threshold`, greedy by overlap.
fn matching(
    pred: &[Attr],
    gold: &[Attr],
    threshold: f64,
    keep: impl Fn(&Attr) -> bool,
) -> Vec<(usize, usize, f64)> {
    let mut cands = Vec::new();
    for (i, p) in pred.iter().enumerate() {
        if !keep(p) {
            continue;
        }
        for (j, g) in gold.iter().enumerate() {
            if !keep(g) {
                continue;
            }
            let o = overlap(p, g);
            if o >= threshold - 1e-9 && o > 0.0 {
                cands.push((i, j, o));
            }
        }
    }
    cands.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    let (mut pu, mut gu) = (vec![false; pred.len()], vec![false; gold.len()]);
    let mut out = Vec::new();
    for (i, j, o) in cands {
        if pu[i] || gu[j] {
            continue;
        }
        pu[i] = true;
        gu[j] = true;
        out.push((i, j, o));
    }
    out
}

fn overlap(p: &Attr, g: &Attr) -> f64 {
    let mut inter = 0;
    for &(a, b) in &p.content {
        for &(c, d) in &g.content {
            let (s, e) = (a.max(c), b.min(d));
            if s < e {
                inter += e - s;
            }
        }
    }
    inter as f64 / p.len.max(g.len) as f64
}

/// The predicted speaker is right when its span, or a mention of its entity, overlaps a
/// gold Source span; with no gold source, when none is predicted.
fn speaker_right(p: &Attr, g: &Attr) -> bool {
    if g.source.is_empty() {
        p.source.is_empty()
    } else {
        intersects(&p.source, &g.source) || intersects(&p.speaker_mentions, &g.source)
    }
}

fn intersects(a: &Spans, b: &Spans) -> bool {
    a.iter()
        .any(|&(s, e)| b.iter().any(|&(c, d)| s.max(c) < e.min(d)))
}

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201A}'
            | '\u{2039}'
            | '\u{203A}'
    )
}

/// Trims an interval of whitespace, marks and punctuation at both ends, and a leading "that".
fn normalise(chars: &[char], (mut s, mut e): (usize, usize)) -> Option<(usize, usize)> {
    e = e.min(chars.len());
    let edge = |c: char| {
        c.is_whitespace() || is_mark(c) || c.is_ascii_punctuation() || matches!(c, '—' | '–' | '…')
    };
    loop {
        while s < e && edge(chars[s]) {
            s += 1;
        }
        let that: Vec<char> = "that".chars().collect();
        if e >= s + 5
            && chars[s..s + 4]
                .iter()
                .zip(&that)
                .all(|(a, b)| a.to_ascii_lowercase() == *b)
            && (chars[s + 4].is_whitespace() || chars[s + 4] == ',')
        {
            s += 4;
            continue;
        }
        break;
    }
    while e > s && edge(chars[e - 1]) {
        e -= 1;
    }
    (s < e).then_some((s, e))
}

fn has_quote_mark(chars: &[char], spans: &Spans) -> bool {
    spans.iter().any(|&(s, e)| {
        (s..e.min(chars.len())).any(|i| {
            let c = chars[i];
            match c {
                '\u{2019}' | '\'' => {
                    let before = i > 0 && chars[i - 1].is_alphanumeric();
                    let after = i + 1 < chars.len() && chars[i + 1].is_alphanumeric();
                    (!before && after) || (before && !after && chars[i - 1] != 's')
                }
                _ => is_mark(c),
            }
        })
    })
}

fn finish(mut a: Attr, raw: &Spans, chars: &[char]) -> Attr {
    a.raw = raw.clone();
    a.quoted = has_quote_mark(chars, raw);
    a.content = raw.iter().filter_map(|&r| normalise(chars, r)).collect();
    a.len = a.content.iter().map(|(s, e)| e - s).sum();
    let first = raw.first().copied().unwrap_or_default();
    let snippet: String = chars[first.0.min(chars.len())..first.1.min(chars.len())]
        .iter()
        .take(90)
        .collect();
    a.label = snippet.replace('\n', " ");
    a
}

fn gold_attr(g: &GoldAttribution, chars: &[char]) -> Attr {
    let a = Attr {
        source: g.source.clone(),
        cue: g.cue.clone(),
        ..Attr::default()
    };
    let mut a = finish(a, &g.content, chars);
    let src: String = g
        .source
        .first()
        .map(|&(s, e)| {
            chars[s.min(chars.len())..e.min(chars.len())]
                .iter()
                .collect()
        })
        .unwrap_or_default();
    let cue: String = g
        .cue
        .first()
        .map(|&(s, e)| {
            chars[s.min(chars.len())..e.min(chars.len())]
                .iter()
                .collect()
        })
        .unwrap_or_default();
    a.label = format!("[{src}] <{cue}> {}", a.label);
    a
}

/// The document's quotes grouped into attributions by cue span.
fn predicted(doc: &Document, cps: &CodePoints, chars: &[char]) -> Vec<Attr> {
    // (cue span, member quotes)
    type Group = (Option<(usize, usize)>, Vec<usize>);
    let mut groups: Vec<Group> = Vec::new();
    for (i, q) in doc.quotes.iter().enumerate() {
        let cue = q.cue.as_ref().map(|c| (c.span.start, c.span.end));
        match groups.iter_mut().find(|(c, _)| c.is_some() && *c == cue) {
            Some((_, members)) => members.push(i),
            None => groups.push((cue, vec![i])),
        }
    }
    let mut out = Vec::new();
    for (cue, members) in groups {
        let first = &doc.quotes[members[0]];
        // A partial quote's content is the clause holding it (PolNeAR's "called X
        // “Y”"); the partial quotes of one clause share it.
        let mut raw: Spans = members
            .iter()
            .map(|&i| {
                let q = &doc.quotes[i];
                let s = q.clause.as_ref().map_or(q.span, |c| c.span);
                cps.span(s.start, s.end)
            })
            .collect();
        raw.dedup();
        let speaker_mentions = first
            .speaker
            .as_ref()
            .and_then(|s| s.entity.as_ref())
            .and_then(|id| doc.entities.iter().find(|e| &e.id == id))
            .map(|e| {
                e.mentions
                    .iter()
                    .map(|m| cps.span(m.span.start, m.span.end))
                    .collect()
            })
            .unwrap_or_default();
        let a = Attr {
            source: first
                .speaker
                .as_ref()
                .map(|s| vec![cps.span(s.span.start, s.span.end)])
                .unwrap_or_default(),
            cue: cue.map(|(s, e)| vec![cps.span(s, e)]).unwrap_or_default(),
            speaker_mentions,
            ..Attr::default()
        };
        let mut a = finish(a, &raw, chars);
        // summit's direct and partial contents stop inside the marks: what came from
        // quotation marks is what is not indirect.
        a.quoted = members
            .iter()
            .any(|&i| doc.quotes[i].kind != summit_core::QuoteKind::Indirect);
        a.kind = members
            .iter()
            .map(|&i| doc.quotes[i].kind.as_str())
            .collect::<Vec<_>>()
            .join(",");
        let who = first.speaker.as_ref().map_or("-", |s| s.text.as_str());
        a.label = format!("[{who}] ({}) {}", first.kind.as_str(), a.label);
        out.push(a);
    }
    out
}

/// Byte offset → code-point offset.
struct CodePoints {
    /// Code-point index of each byte offset that starts a character (and of the end).
    index: Vec<u32>,
}

impl CodePoints {
    fn new(text: &str) -> Self {
        let mut index = vec![0u32; text.len() + 1];
        let mut n = 0u32;
        for (b, c) in text.char_indices() {
            for k in 0..c.len_utf8() {
                index[b + k] = n;
            }
            n += 1;
        }
        index[text.len()] = n;
        CodePoints { index }
    }

    fn span(&self, start: usize, end: usize) -> (usize, usize) {
        let at = |b: usize| self.index[b.min(self.index.len() - 1)] as usize;
        (at(start), at(end))
    }
}
