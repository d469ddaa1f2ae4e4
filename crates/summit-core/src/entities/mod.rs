//! Named entities: recognition, typing, resolution and roles.
//!
//! ```text
//! tokens ─ tagger (CoNLL PER/LOC/ORG/MISC spans) ─ refine (titles off, OntoNotes types)
//!        ─ rules (gazetteer names, head words, acronyms, dates) ─ roles ─ resolve ─ Entity
//! ```
//!
//! * [`lexicon`]: the embedded gazetteers and word lists, also used by the tagger as features.
//! * `refine`: turns tagger spans into typed mentions: strips titles and honorifics, splits
//!   "the United States Anatoly Antonov", maps PER/LOC/ORG/MISC to PERSON, GPE, LOC, FAC, ORG,
//!   NORP, EVENT, LAW or MISC.
//! * `rules`: adds what the tagger missed when the evidence is strong (a known country, a
//!   name ending in "Treaty", an acronym defined in parentheses) and DATE mentions.
//! * `roles`: titles and descriptions given to people, before the name or in apposition.
//! * `resolve`: clusters mentions into entities and picks each one's canonical name.

mod dates;
mod fallback;
pub(crate) mod fxhash;
pub mod lexicon;
mod options;
mod refine;
mod resolve;
mod roles;
mod rules;
pub mod tagger;
mod tokens;

use std::ops::Range;

use crate::clean::Cleaned;
use crate::segment::Segmentation;
use crate::{Entity, EntityLabel, Span};

pub use options::{Options, Rule};
pub use tokens::DocView;

/// The four CoNLL-2003 types a statistical tagger predicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Coarse {
    Per,
    Loc,
    Org,
    Misc,
}

/// A tagger's span over the document's tokens (global token indices).
#[derive(Clone, Debug)]
pub(crate) struct Tagged {
    pub toks: Range<usize>,
    pub label: Coarse,
    /// How sure the tagger is, 0.5 to 1 (kept for callers that weigh spans).
    #[allow(dead_code)]
    pub confidence: f32,
}

/// Where a mention came from; later passes trust some more than others.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Origin {
    /// The statistical tagger (or its fallback).
    Tagger,
    /// A gazetteer phrase.
    Lexicon,
    /// A rule: head word, acronym definition, title split, date pattern.
    Rule,
}

/// A typed mention before resolution.
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    /// Token range in the document view.
    pub toks: Range<usize>,
    /// Byte span in the cleaned text.
    pub span: Span,
    pub label: EntityLabel,
    pub origin: Origin,
    /// What the gazetteers call the thing (`United States` for `U.S.`), when they know it.
    pub canonical: Option<String>,
    /// The label the gazetteers give it, when they know it.
    pub lexicon_label: Option<EntityLabel>,
    /// The tagger's confidence in the span it came from (1 for a rule's own span).
    pub confidence: f32,
}

/// Finds the entities of a cleaned document; spans are offsets into `cleaned.text`.
pub fn recognize(cleaned: &Cleaned, segmentation: &Segmentation) -> Vec<Entity> {
    recognize_with(cleaned, segmentation, Options::default())
}

/// [`recognize`] with some rules switched off (to measure what each brings).
pub fn recognize_with(
    cleaned: &Cleaned,
    segmentation: &Segmentation,
    options: Options,
) -> Vec<Entity> {
    let mut view = DocView::new(cleaned, segmentation);
    view.options = options;
    recognize_view(&view)
}

/// Finds the entities of a tokenised document.
pub fn recognize_view(view: &DocView<'_>) -> Vec<Entity> {
    if view.toks.is_empty() {
        return Vec::new();
    }
    let tagged = tag(view);
    let mut cands = refine::refine(view, &tagged);
    let links = rules::apply(view, &mut cands);
    dates::find(view, &mut cands);
    cands.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    let roles = roles::find(view, &cands);
    resolve::resolve(view, cands, &links, &roles)
}

/// The entities of a document given as tokens (see [`recognize_tokens`]).
#[derive(Clone, Debug)]
pub struct TokenEntities {
    /// The tokens joined: one space between the tokens of a sentence, a blank line between
    /// sentences. Mention spans are byte offsets into it.
    pub text: String,
    pub entities: Vec<Entity>,
    /// Byte span of every token, sentence by sentence.
    token_spans: Vec<Vec<Span>>,
    /// Where each sentence starts in `text` (strictly increasing).
    sent_starts: Vec<usize>,
}

impl TokenEntities {
    /// The sentence and token range a span covers (every token it overlaps), or `None`
    /// when it lies within one sentence's tokens nowhere.
    pub fn locate(&self, span: Span) -> Option<(usize, Range<usize>)> {
        // Sentences are laid out in order: the last one starting at or before `span`.
        let k = self
            .sent_starts
            .partition_point(|&s| s <= span.start)
            .checked_sub(1)?;
        let toks = &self.token_spans[k];
        let a = toks.partition_point(|t| t.end <= span.start);
        let b = toks.partition_point(|t| t.start < span.end);
        (a < b).then_some((k, a..b))
    }
}

/// Finds the entities of a document that the caller has already tokenised: one slice of
/// tokens per sentence, in order (a headline flag per sentence, as the tagger takes it).
/// Tokens are used exactly as given, so every mention covers whole tokens
/// ([`TokenEntities::locate`] maps a mention back to them); evaluation on CoNLL-style files
/// scores the file's own tokens this way.
pub fn recognize_tokens(sentences: &[tagger::SentenceInput<'_>]) -> TokenEntities {
    recognize_tokens_with(sentences, Options::default())
}

/// [`recognize_tokens`] with some rules switched off (to measure what each brings).
pub fn recognize_tokens_with(
    sentences: &[tagger::SentenceInput<'_>],
    options: Options,
) -> TokenEntities {
    let mut text = String::new();
    let mut token_spans: Vec<Vec<Span>> = Vec::with_capacity(sentences.len());
    let mut sent_starts = Vec::with_capacity(sentences.len());
    for (k, s) in sentences.iter().enumerate() {
        if k > 0 {
            text.push_str("\n\n");
        }
        sent_starts.push(text.len());
        let mut spans = Vec::with_capacity(s.tokens.len());
        for (i, t) in s.tokens.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            spans.push(Span::new(text.len(), text.len() + t.len()));
            text.push_str(t);
        }
        token_spans.push(spans);
    }
    let headline: Vec<bool> = sentences.iter().map(|s| s.headline).collect();
    let entities = {
        let mut view = DocView::from_token_spans(&text, &token_spans, &headline);
        view.options = options;
        recognize_view(&view)
    };
    TokenEntities {
        text,
        entities,
        token_spans,
        sent_starts,
    }
}

/// The statistical tagger's spans, or the rule-based fallback's when no model is built in.
fn tag(view: &DocView<'_>) -> Vec<Tagged> {
    let Ok(tagger) = tagger::Tagger::embedded() else {
        return fallback::tag(view);
    };
    let words: Vec<Vec<&str>> = view.sents.iter().map(|r| view.words(r.clone())).collect();
    let input: Vec<tagger::SentenceInput<'_>> = words
        .iter()
        .zip(&view.headline)
        .map(|(w, &headline)| tagger::SentenceInput {
            tokens: w,
            headline,
        })
        .collect();
    let tagged = tagger.tag_document(&input);
    let mut out = Vec::with_capacity(tagged.iter().map(Vec::len).sum());
    for (sent, spans) in view.sents.iter().zip(tagged) {
        for s in spans {
            if s.tokens.end > sent.len() {
                continue;
            }
            out.push(Tagged {
                toks: sent.start + s.tokens.start..sent.start + s.tokens.end,
                label: match s.label {
                    tagger::ConllType::Per => Coarse::Per,
                    tagger::ConllType::Loc => Coarse::Loc,
                    tagger::ConllType::Org => Coarse::Org,
                    tagger::ConllType::Misc => Coarse::Misc,
                },
                confidence: s.confidence,
            });
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod test_util {
    use super::*;

    /// Entities of a text written for the test: blocks on blank lines.
    pub fn entities(text: &str) -> Vec<Entity> {
        let view = DocView::from_text(text);
        recognize_view(&view)
    }

    pub fn find<'e>(es: &'e [Entity], name: &str) -> Option<&'e Entity> {
        es.iter()
            .find(|e| e.name == name || e.mentions.iter().any(|m| m.text == name))
    }

    pub fn describe(es: &[Entity]) -> String {
        es.iter()
            .map(|e| {
                format!(
                    "{} {} {:?} {:?}",
                    e.label.as_str(),
                    e.name,
                    e.mentions
                        .iter()
                        .map(|m| m.text.as_str())
                        .collect::<Vec<_>>(),
                    e.roles
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[cfg(test)]
mod token_input_tests {
    use super::*;

    #[test]
    fn given_tokens_are_kept_and_every_mention_maps_back_to_them() {
        let s1 = ["ZORBIA", "TALKS", "RESUME"];
        let s2 = [
            "Foreign", "Minister", "Vera", "Holm", "flew", "to", "Geneva", "on", "Monday", ".",
        ];
        let s3 = ["Holm", "met", "NATO", "officials", "."];
        let inputs = [
            tagger::SentenceInput {
                tokens: &s1,
                headline: true,
            },
            tagger::SentenceInput {
                tokens: &s2,
                headline: false,
            },
            tagger::SentenceInput {
                tokens: &s3,
                headline: false,
            },
        ];
        let sents: [&[&str]; 3] = [&s1, &s2, &s3];
        for options in [Options::default(), Options::none()] {
            let found = recognize_tokens_with(&inputs, options);
            let mut located = Vec::new();
            for e in &found.entities {
                for m in &e.mentions {
                    assert_eq!(m.span.slice(&found.text), m.text);
                    let (k, r) = found.locate(m.span).expect("a mention lies on tokens");
                    located.push((k, sents[k][r].join(" "), e.label));
                }
            }
            let has = |k: usize, text: &str| located.iter().any(|(s, t, _)| *s == k && t == text);
            assert!(has(1, "Vera Holm"), "{located:?}");
            assert!(has(1, "Geneva"), "{located:?}");
            assert!(has(2, "Holm"), "{located:?}");
            assert!(has(2, "NATO"), "{located:?}");
        }
        // Outside every sentence's tokens (the blank line between two sentences).
        let found = recognize_tokens(&inputs);
        let gap = found.text.find("\n\n").expect("sentences are blocks");
        assert_eq!(found.locate(Span::new(gap, gap + 1)), None);
    }
}

#[cfg(test)]
#[allow(clippy::string_slice)] // tests slice the texts they wrote
mod tests {
    use super::test_util::{describe, entities, find};
    use super::*;

    fn label_of(text: &str, name: &str) -> Option<EntityLabel> {
        let es = entities(text);
        find(&es, name).map(|e| e.label)
    }

    #[test]
    fn every_ontonotes_label_is_produced() {
        let text = "Russian President Vladimir Putin flew to Geneva on Wednesday, June 16, 2021, \
                    for the G7 Summit at the Palais des Nations.\n\n\
                    The New START Treaty expires in 2026, NATO said, and the Black Sea stays tense.";
        let es = entities(text);
        let d = describe(&es);
        assert_eq!(
            label_of(text, "Vladimir Putin"),
            Some(EntityLabel::Person),
            "{d}"
        );
        assert_eq!(label_of(text, "Russian"), Some(EntityLabel::Norp), "{d}");
        assert_eq!(label_of(text, "Geneva"), Some(EntityLabel::Gpe), "{d}");
        assert_eq!(label_of(text, "G7 Summit"), Some(EntityLabel::Event), "{d}");
        assert_eq!(
            label_of(text, "New START Treaty"),
            Some(EntityLabel::Law),
            "{d}"
        );
        assert_eq!(label_of(text, "NATO"), Some(EntityLabel::Org), "{d}");
        assert_eq!(label_of(text, "Black Sea"), Some(EntityLabel::Loc), "{d}");
        assert_eq!(label_of(text, "Wednesday"), Some(EntityLabel::Date), "{d}");
        assert_eq!(
            label_of(text, "June 16, 2021"),
            Some(EntityLabel::Date),
            "{d}"
        );
    }

    #[test]
    fn facilities_and_seats() {
        let text = "Protesters gathered outside the Zorbograd Airport while the Kremlin and the \
                    White House traded statements about the Druzhba Pipeline.";
        let es = entities(text);
        let d = describe(&es);
        assert_eq!(
            label_of(text, "Zorbograd Airport"),
            Some(EntityLabel::Fac),
            "{d}"
        );
        assert_eq!(
            label_of(text, "Druzhba Pipeline"),
            Some(EntityLabel::Fac),
            "{d}"
        );
        assert_eq!(label_of(text, "Kremlin"), Some(EntityLabel::Org), "{d}");
        assert_eq!(label_of(text, "White House"), Some(EntityLabel::Org), "{d}");
    }

    #[test]
    fn hyphenated_compounds_name_their_parts() {
        let text = "Vladimir Putin and Joe Biden met. The Biden-Putin talks eased US-Russia ties, \
                    said a then-Russian official.";
        let es = entities(text);
        let d = describe(&es);
        let biden = find(&es, "Joe Biden").unwrap();
        assert!(biden.mentions.iter().any(|m| m.text == "Biden"), "{d}");
        let us = find(&es, "US").unwrap();
        assert_eq!(us.label, EntityLabel::Gpe, "{d}");
        assert!(
            es.iter()
                .all(|e| e.mentions.iter().all(|m| !m.text.contains('-'))),
            "{d}"
        );
    }

    #[test]
    fn spans_slice_the_text_and_ids_are_ordered() {
        let text = "“Russia’s army,” said Mr. Biden of the U.S. (America) on Monday.\n\n\
                    Sergei Lavrov (Russia) replied to NATO’s chief.";
        let view = DocView::from_text(text);
        let es = recognize_view(&view);
        for (k, e) in es.iter().enumerate() {
            assert_eq!(e.id, format!("e{}", k + 1));
            for m in &e.mentions {
                assert_eq!(&text[m.span.start..m.span.end], m.text);
            }
        }
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let long_caps: String = (0..20_000).map(|i| format!("Zq{} ", i % 977)).collect();
        let repeated: String = (0..5_000)
            .map(|i| format!("John Smith{} met Smith{} and Smith. ", i % 40, i % 40))
            .collect();
        for text in [
            "",
            " ",
            "(",
            "’s",
            "- -- --- (ZZ) ()",
            "U.S.-",
            "-US",
            "A (B) C (DEF) (GHI",
            "Mr.",
            "President",
            "then-",
            "\u{feff}Ünïcödé Ñame and 東京 met 🙂 in Zürich-Genève.",
            long_caps.as_str(),
            repeated.as_str(),
        ] {
            let view = DocView::from_text(text);
            let es = recognize_view(&view);
            for e in &es {
                for m in &e.mentions {
                    assert_eq!(&text[m.span.start..m.span.end], m.text);
                }
            }
        }
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn any_text_gives_slicing_mentions(
            words in proptest::collection::vec(
                prop_oneof![
                    "[A-Z][a-z]{0,8}",
                    "[a-z]{1,8}",
                    "[A-Z]{2,4}",
                    Just("the".to_owned()),
                    Just("of".to_owned()),
                    Just("(".to_owned()),
                    Just(")".to_owned()),
                    Just("’s".to_owned()),
                    Just("-".to_owned()),
                    Just("Mr.".to_owned()),
                    Just("President".to_owned()),
                    Just("Russia".to_owned()),
                    Just("United States".to_owned()),
                    Just("\n\n".to_owned()),
                    "\\PC{1,3}",
                ],
                0..60,
            )
        ) {
            let text = words.join(" ");
            let view = DocView::from_text(&text);
            let es = recognize_view(&view);
            for (k, e) in es.iter().enumerate() {
                prop_assert_eq!(&e.id, &format!("e{}", k + 1));
                prop_assert!(!e.mentions.is_empty());
                for m in &e.mentions {
                    prop_assert_eq!(text.get(m.span.start..m.span.end), Some(m.text.as_str()));
                }
            }
        }
    }
}

#[cfg(test)]
mod article_tests {
    use super::test_util::{describe, entities, find};
    use crate::EntityLabel;

    #[test]
    fn surnames_the_tagger_missed_and_shouted_datelines() {
        let es = entities(
            "ISTANBUL (Reuters) - U.S. State Department spokesman Ned Price said Sergei Lavrov \
             erred in Istanbul. Sergey Lavrov later called Price.",
        );
        let d = describe(&es);
        let price = find(&es, "Ned Price").expect(&d);
        assert_eq!(price.mentions.len(), 2, "{d}");
        assert_eq!(find(&es, "Sergei Lavrov").unwrap().mentions.len(), 2, "{d}");
        assert_eq!(find(&es, "ISTANBUL").unwrap().name, "Istanbul", "{d}");
    }

    #[test]
    fn title_words_and_quoted_names_stay_whole() {
        let es = entities(
            "Kremlin Press Secretary Dmitry Peskov rejected the so-called “Zorbian Moment” \
             that National Security Adviser Jake Sullivan had proposed.",
        );
        let d = describe(&es);
        assert!(
            find(&es, "Kremlin").is_some_and(|e| e.label == EntityLabel::Org),
            "{d}"
        );
        assert!(find(&es, "Kremlin Press").is_none(), "{d}");
        assert!(find(&es, "National Security").is_none(), "{d}");
        assert!(find(&es, "Zorbian").is_none(), "{d}");
        assert!(find(&es, "Jake Sullivan").is_some(), "{d}");
    }

    #[test]
    fn possessor_and_title_roles() {
        let es = entities(
            "Chinese President Xi Jinping called Ukraine's President Volodymyr Zelenskyy, \
             and U.N. Secretary-General Antonio Guterres welcomed it.",
        );
        let d = describe(&es);
        assert_eq!(
            find(&es, "Xi Jinping").unwrap().roles,
            vec!["Chinese President"],
            "{d}"
        );
        assert!(
            find(&es, "Volodymyr Zelenskyy")
                .unwrap()
                .roles
                .iter()
                .any(|r| r == "Ukraine's President"),
            "{d}"
        );
        assert_eq!(
            find(&es, "Antonio Guterres").unwrap().roles,
            vec!["U.N. Secretary-General"],
            "{d}"
        );
    }
}
