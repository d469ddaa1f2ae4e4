//! CoNLL-style NER files and conlleval scoring.
//!
//! Reads CoNLL-2003 files (`word POS chunk NER`, IOB1, `-DOCSTART-` document breaks),
//! two-column `word tag` files (wikigold, re3d) and IOB2/BIOES/BILOU tags; scores entity
//! spans as `conlleval` does: exact-span micro precision, recall and F1, overall and per
//! type.

use std::collections::BTreeMap;
use std::ops::Range;

/// One sentence: tokens and their gold tags (the last column, as written).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConllSentence {
    pub tokens: Vec<String>,
    pub tags: Vec<String>,
}

/// One document (the text between two `-DOCSTART-` lines).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConllDocument {
    pub sentences: Vec<ConllSentence>,
}

/// Parses a CoNLL file. A file without `-DOCSTART-` lines is one document. Lines are
/// split on whitespace: the first field is the token, the last the tag; a line with a
/// single field is a token tagged `O`.
pub fn read(text: &str) -> Vec<ConllDocument> {
    let mut docs = vec![ConllDocument::default()];
    let mut sent = ConllSentence::default();
    let flush = |docs: &mut Vec<ConllDocument>, sent: &mut ConllSentence| {
        if !sent.tokens.is_empty()
            && let Some(d) = docs.last_mut()
        {
            d.sentences.push(std::mem::take(sent));
        }
    };
    for line in text.lines() {
        let mut fields = line.split_whitespace();
        let Some(first) = fields.next() else {
            flush(&mut docs, &mut sent);
            continue;
        };
        if first == "-DOCSTART-" {
            flush(&mut docs, &mut sent);
            if docs.last().is_some_and(|d| !d.sentences.is_empty()) {
                docs.push(ConllDocument::default());
            }
            continue;
        }
        let tag = fields.next_back().unwrap_or("O");
        sent.tokens.push(first.to_owned());
        sent.tags.push(tag.to_owned());
    }
    flush(&mut docs, &mut sent);
    docs.retain(|d| !d.sentences.is_empty());
    docs
}

/// Splits a tag into its prefix (`B`, `I`, `E`, `S`, `L`, `U`, or `O`) and type.
fn split_tag(tag: &str) -> (char, &str) {
    if tag == "O" || tag.is_empty() {
        return ('O', "");
    }
    match tag.split_once('-') {
        Some((p, t)) if p.len() == 1 => (p.chars().next().unwrap_or('O'), t),
        _ => ('I', tag),
    }
}

/// Entity spans of a tag sequence, with conlleval's chunk rules (so IOB1, IOB2, BIOES
/// and BILOU all read right). `ty` maps a type name to the caller's type; `None` drops
/// the entity (it counts as `O`).
pub fn spans<T: Copy + PartialEq>(
    tags: &[impl AsRef<str>],
    ty: impl Fn(&str) -> Option<T>,
) -> Vec<(Range<usize>, T)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, T)> = None;
    let mut prev = ('O', None::<T>);
    for (i, tag) in tags.iter().enumerate() {
        let (p, name) = split_tag(tag.as_ref());
        let t = if p == 'O' { None } else { ty(name) };
        let p = if t.is_none() { 'O' } else { p };
        // End of the open chunk?
        let ends = match (prev.0, p) {
            (_, 'O') => true,
            ('E' | 'L' | 'S' | 'U', _) => true,
            (_, 'B' | 'S' | 'U') => true,
            _ => prev.1 != t,
        };
        if ends && let Some((s, ot)) = open.take() {
            out.push((s..i, ot));
        }
        if let Some(t) = t
            && open.is_none()
        {
            open = Some((i, t));
        }
        prev = (p, t);
    }
    if let Some((s, t)) = open {
        out.push((s..tags.len(), t));
    }
    out
}

/// Counts for one type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub correct: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// conlleval figures: exact-span micro counts overall and per type.
#[derive(Clone, Debug, Default)]
pub struct Score {
    pub overall: Counts,
    pub by_type: BTreeMap<String, Counts>,
    pub tokens: usize,
    pub tokens_correct: usize,
}

impl Score {
    /// Adds one sentence's gold and predicted spans.
    pub fn add<T: Copy + PartialEq + AsRef<str>>(
        &mut self,
        gold: &[(Range<usize>, T)],
        predicted: &[(Range<usize>, T)],
    ) {
        for (r, t) in gold {
            self.overall.gold += 1;
            self.by_type.entry(t.as_ref().to_owned()).or_default().gold += 1;
            if predicted.iter().any(|(pr, pt)| pr == r && pt == t) {
                self.overall.correct += 1;
                self.by_type
                    .entry(t.as_ref().to_owned())
                    .or_default()
                    .correct += 1;
            }
        }
        for (_, t) in predicted {
            self.overall.predicted += 1;
            self.by_type
                .entry(t.as_ref().to_owned())
                .or_default()
                .predicted += 1;
        }
    }

    /// Adds token-level agreement (for the accuracy line).
    pub fn add_tokens(&mut self, n: usize, correct: usize) {
        self.tokens += n;
        self.tokens_correct += correct;
    }

    /// A conlleval-like report.
    pub fn report(&self) -> String {
        let mut s = format!(
            "processed {} tokens with {} phrases; found: {} phrases; correct: {}.\n",
            self.tokens, self.overall.gold, self.overall.predicted, self.overall.correct
        );
        s += &format!(
            "accuracy: {:6.2}%; precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}\n",
            100.0 * ratio(self.tokens_correct, self.tokens),
            100.0 * self.overall.precision(),
            100.0 * self.overall.recall(),
            100.0 * self.overall.f1()
        );
        for (t, c) in &self.by_type {
            s += &format!(
                "{:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {}\n",
                t,
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1(),
                c.predicted
            );
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ty(s: &str) -> Option<&'static str> {
        ["PER", "LOC", "ORG", "MISC"].into_iter().find(|t| *t == s)
    }

    #[test]
    fn reads_conll2003_with_documents() {
        let text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\n\
                    Peter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\n\
                    Rome NNP I-NP I-LOC\n";
        let docs = read(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[1].tokens, ["Peter", "Blackburn"]);
        assert_eq!(docs[1].sentences[0].tags, ["I-LOC"]);
    }

    #[test]
    fn reads_two_column_files_as_one_document() {
        let docs = read("The\tB-Organisation\nUN\tI-Organisation\nsaid\tO\n\nHi O\n");
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[0].tags[1], "I-Organisation");
    }

    #[test]
    fn iob1_iob2_and_bilou_chunks() {
        // IOB1: I-X I-X is one chunk; B-X after I-X starts a new one.
        let iob1 = ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"];
        assert_eq!(
            spans(&iob1, ty),
            vec![(0..2, "PER"), (2..3, "PER"), (4..5, "LOC"), (5..6, "ORG")]
        );
        let iob2 = ["B-PER", "I-PER", "B-PER", "O", "I-LOC"];
        assert_eq!(
            spans(&iob2, ty),
            vec![(0..2, "PER"), (2..3, "PER"), (4..5, "LOC")]
        );
        let bilou = ["B-ORG", "L-ORG", "U-ORG", "B-LOC", "I-LOC", "L-LOC"];
        assert_eq!(
            spans(&bilou, ty),
            vec![(0..2, "ORG"), (2..3, "ORG"), (3..6, "LOC")]
        );
        // Unknown types are O.
        assert_eq!(spans(&["B-Temporal", "I-Temporal"], ty), vec![]);
    }

    #[test]
    fn conlleval_figures_on_a_hand_example() {
        // Gold: PER(0..2), LOC(3..4), ORG(5..7). Predicted: PER(0..2) right, LOC(3..4)
        // typed ORG, ORG(5..6) boundary wrong, MISC(8..9) spurious.
        let gold = vec![(0..2, "PER"), (3..4, "LOC"), (5..7, "ORG")];
        let pred = vec![(0..2, "PER"), (3..4, "ORG"), (5..6, "ORG"), (8..9, "MISC")];
        let mut s = Score::default();
        s.add(&gold, &pred);
        assert_eq!(
            s.overall,
            Counts {
                correct: 1,
                predicted: 4,
                gold: 3
            }
        );
        assert!((s.overall.precision() - 0.25).abs() < 1e-12);
        assert!((s.overall.recall() - 1.0 / 3.0).abs() < 1e-12);
        let f1 = 2.0 * 0.25 * (1.0 / 3.0) / (0.25 + 1.0 / 3.0);
        assert!((s.overall.f1() - f1).abs() < 1e-12);
        assert_eq!(s.by_type["ORG"].predicted, 2);
        assert_eq!(s.by_type["ORG"].correct, 0);
        assert_eq!(s.by_type["PER"].f1(), 1.0);
        assert_eq!(s.by_type["MISC"].gold, 0);
        assert!(s.report().contains("FB1:  28.57"));
    }
}
