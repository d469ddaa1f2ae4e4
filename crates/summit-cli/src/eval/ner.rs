//! `summit eval ner`: conlleval figures of the entity tagger on a CoNLL-style file.
//!
//! Reads CoNLL-2003 files (IOB1 `word POS chunk NER`, `-DOCSTART-` breaks), two-column
//! `word tag` files (wikigold, re3d) and IOB2 files; tags each document as a whole, on the
//! file's own tokens, and prints exact-span micro precision, recall and F1, overall and per
//! type, as conlleval does.
//!
//! Two sources of predictions: `product` (default) scores the engine's entity output, the
//! tagger plus the entity stage's refinement, on the file's tokens (OntoNotes labels mapped
//! PERSON→PER, GPE/LOC/FAC→LOC, ORG→ORG, NORP/EVENT/LAW/MISC→MISC; DATE is not a CoNLL
//! entity); `tagger` scores the statistical tagger's own CoNLL types.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use summit_core::EntityLabel;
use summit_core::entities::tagger::conll::{self, Score};
use summit_core::entities::tagger::{ConllType, SentenceInput, Tagger, decode_bilou, with_inputs};
use summit_core::entities::{Options, Rule, recognize_tokens_with};

/// The CoNLL type of an OntoNotes-style label (`None`: not a CoNLL entity).
fn conll_of(label: EntityLabel) -> Option<ConllType> {
    match label {
        EntityLabel::Person => Some(ConllType::Per),
        EntityLabel::Gpe | EntityLabel::Loc | EntityLabel::Fac => Some(ConllType::Loc),
        EntityLabel::Org => Some(ConllType::Org),
        EntityLabel::Norp | EntityLabel::Event | EntityLabel::Law | EntityLabel::Misc => {
            Some(ConllType::Misc)
        }
        EntityLabel::Date => None,
    }
}

type Spans = Vec<(std::ops::Range<usize>, ConllType)>;

/// The engine's entities on the file's own tokens ([`recognize_tokens`]), every mention
/// mapped back to the tokens it covers.
fn product_spans(inputs: &[SentenceInput<'_>], options: Options) -> Vec<Spans> {
    let found = recognize_tokens_with(inputs, options);
    let mut out: Vec<Spans> = vec![Vec::new(); inputs.len()];
    for e in &found.entities {
        let Some(ty) = conll_of(e.label) else {
            continue;
        };
        for m in &e.mentions {
            if let Some((k, r)) = found.locate(m.span) {
                out[k].push((r, ty));
            }
        }
    }
    for s in &mut out {
        s.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
        // Overlapping mentions (parts of one hyphenated token): keep the first.
        let mut kept: Spans = Vec::with_capacity(s.len());
        for (r, t) in s.drain(..) {
            if kept.last().is_none_or(|(p, _)| p.end <= r.start) {
                kept.push((r, t));
            }
        }
        *s = kept;
    }
    out
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A CoNLL file: `word POS chunk NER` (IOB1), or `word tag` (IOB1/IOB2).
    #[arg(long)]
    conll: PathBuf,
    /// Also write `token gold predicted` lines here (IOB2, a blank line between
    /// sentences), for any conlleval to re-score.
    #[arg(long)]
    predictions: Option<PathBuf>,
    /// A model file to use instead of the embedded one.
    #[arg(long)]
    model: Option<PathBuf>,
    /// What to score: `product` (tagger + refinement, OntoNotes labels mapped to CoNLL)
    /// or `tagger` (the statistical tagger's own CoNLL types).
    #[arg(long, default_value = "product")]
    source: String,
    /// How to read the file's type names: `conll` (PER, LOC, ORG, MISC) or `re3d`
    /// (Person→PER, Organisation→ORG, Location→LOC, Nationality→MISC, rest O).
    #[arg(long, default_value = "conll")]
    types: String,
    /// Product only: switch these rules of the entity stage off (comma-separated names,
    /// `all` for every rule), to measure what each brings.
    #[arg(long, value_delimiter = ',')]
    without: Vec<String>,
    /// Product only: switch these rules back on after `--without`.
    #[arg(long, value_delimiter = ',')]
    with: Vec<String>,
}

/// The entity stage's options with the rules named in `without` off (`all`: every rule),
/// then those in `with` on again.
pub fn entity_options(without: &[String], with: &[String]) -> anyhow::Result<Options> {
    let mut o = Options::default();
    for name in without {
        o = if name == "all" {
            Options::none()
        } else {
            o.without(name.parse::<Rule>().map_err(anyhow::Error::msg)?)
        };
    }
    for name in with {
        o = o.with(name.parse::<Rule>().map_err(anyhow::Error::msg)?);
    }
    Ok(o)
}

/// IOB2 tags of spans over `n` tokens.
fn iob2(n: usize, spans: &[(std::ops::Range<usize>, ConllType)]) -> Vec<String> {
    let mut tags = vec!["O".to_owned(); n];
    for (r, t) in spans {
        for i in r.clone() {
            if i < n {
                let p = if i == r.start { "B" } else { "I" };
                tags[i] = format!("{p}-{}", t.as_str());
            }
        }
    }
    tags
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let ty: fn(&str) -> Option<ConllType> = match args.types.as_str() {
        "conll" => ConllType::parse,
        "re3d" => ConllType::from_re3d,
        other => anyhow::bail!("unknown --types {other:?} (conll, re3d)"),
    };
    let product = match args.source.as_str() {
        "product" => true,
        "tagger" => false,
        other => anyhow::bail!("unknown --source {other:?} (product, tagger)"),
    };
    let opts = entity_options(&args.without, &args.with)?;
    if !product && opts != Options::default() {
        anyhow::bail!("--without and --with switch rules of the product (--source product)");
    }
    if product && args.model.is_some() {
        anyhow::bail!("--model scores the tagger alone: add --source tagger");
    }
    let text = std::fs::read_to_string(&args.conll)
        .with_context(|| format!("reading {}", args.conll.display()))?;
    let docs = conll::read(&text);
    let t0 = Instant::now();
    let loaded;
    let tagger = match &args.model {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
            loaded = Tagger::from_bytes(&bytes)?;
            &loaded
        }
        None => Tagger::embedded().map_err(|e| anyhow::anyhow!("{e}"))?,
    };
    let load_ms = t0.elapsed().as_secs_f64() * 1000.0;
    let mut score = Score::default();
    let mut out = String::new();
    let t1 = Instant::now();
    for doc in &docs {
        let sentences = doc.sentences.iter().map(|s| (&s.tokens[..], false));
        let predicted: Vec<Spans> = with_inputs(sentences, |inputs| {
            if product {
                product_spans(inputs, opts)
            } else {
                tagger
                    .tag_labels(inputs)
                    .iter()
                    .map(|l| decode_bilou(l))
                    .collect()
            }
        });
        for (s, pred) in doc.sentences.iter().zip(predicted) {
            let gold = conll::spans(&s.tags, ty);
            let g: Vec<_> = gold.iter().map(|(r, t)| (r.clone(), t.as_str())).collect();
            let p: Vec<_> = pred.iter().map(|(r, t)| (r.clone(), t.as_str())).collect();
            score.add(&g, &p);
            let gold_tags = iob2(s.tokens.len(), &gold);
            let pred_tags = iob2(s.tokens.len(), &pred);
            let ok = gold_tags
                .iter()
                .zip(&pred_tags)
                .filter(|(a, b)| a == b)
                .count();
            score.add_tokens(s.tokens.len(), ok);
            if args.predictions.is_some() {
                for ((tok, g), p) in s.tokens.iter().zip(&gold_tags).zip(&pred_tags) {
                    let _ = writeln!(out, "{tok} {g} {p}");
                }
                out.push('\n');
            }
        }
    }
    let secs = t1.elapsed().as_secs_f64();
    if let Some(p) = &args.predictions {
        std::fs::write(p, out).with_context(|| format!("writing {}", p.display()))?;
    }
    println!("{} ({})", args.conll.display(), args.source);
    print!("{}", score.report());
    eprintln!(
        "model load {load_ms:.1} ms; tagged {} tokens in {:.3} s ({:.0} tokens/s, with feature set-up per document)",
        score.tokens,
        secs,
        score.tokens as f64 / secs.max(1e-9)
    );
    Ok(ExitCode::SUCCESS)
}
