//! A rule-based stand-in for the statistical tagger: capitalised word sequences, typed by the
//! gazetteers, head words and name cues. Used when no tagger model is built into the crate,
//! so that the rest of the entity stage always has spans to work on.

use std::sync::OnceLock;

use super::fxhash::FxHashSet;
use super::lexicon::{Lexicons, List};
use super::tokens::DocView;
use super::{Coarse, Tagged};

/// Longest capitalised run considered one name; longer runs are cut (a pathological document
/// of capitalised words stays linear).
const MAX_RUN: usize = 16;

/// Capitalised words that open sentences and headings without being names.
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "to",
    "of",
    "with",
    "without",
    "after",
    "before",
    "during",
    "since",
    "until",
    "while",
    "when",
    "where",
    "why",
    "how",
    "what",
    "who",
    "whom",
    "which",
    "whose",
    "if",
    "but",
    "and",
    "or",
    "nor",
    "so",
    "yet",
    "as",
    "although",
    "though",
    "because",
    "despite",
    "however",
    "meanwhile",
    "moreover",
    "furthermore",
    "therefore",
    "thus",
    "also",
    "still",
    "then",
    "now",
    "there",
    "here",
    "both",
    "all",
    "some",
    "many",
    "most",
    "more",
    "few",
    "several",
    "each",
    "every",
    "any",
    "no",
    "not",
    "one",
    "two",
    "three",
    "first",
    "last",
    "next",
    "such",
    "other",
    "another",
    "later",
    "earlier",
    "according",
    "following",
    "accordingly",
    "prior",
    "right",
    "even",
    "only",
    "just",
    "analysts",
    "officials",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "must",
    "do",
    "does",
    "did",
    "has",
    "have",
    "had",
    "said",
    "says",
    "summary",
    "mention",
    "time",
    "skeptical",
    "important",
    "various",
    "despite",
    "improving",
    "early",
    "intensified",
    "statements",
    "shortly",
    "keeping",
    "therefore",
    "administration",
    "image",
    "source",
    "photo",
    "update",
    "updated",
    "read",
    "watch",
    "see",
    "share",
    "click",
    "neither",
    "either",
    "whether",
    "unlike",
    "like",
    "among",
    "amid",
    "under",
    "over",
];

pub(crate) fn is_function_word(w: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let set = SET.get_or_init(|| FUNCTION_WORDS.iter().copied().collect());
    let b = w.as_bytes();
    if b.len() > 16 || !w.is_ascii() {
        return false;
    }
    let mut tmp = [0u8; 16];
    for (d, s) in tmp.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&tmp[..b.len()]).is_ok_and(|lw| set.contains(lw))
}

/// Month and weekday names: dates, not names.
pub(crate) fn is_calendar_word(t: &str) -> bool {
    matches!(
        t,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
    )
}

fn is_name_token(t: &str) -> bool {
    let mut chars = t.chars();
    if is_calendar_word(t) || t.starts_with("I'") || t.starts_with("I’") {
        return false;
    }
    match chars.next() {
        Some(c) if c.is_uppercase() => t.chars().any(char::is_alphabetic),
        // `G7`-like tokens start with a letter; digits after a name (`Nord Stream 2`) are
        // handled as run continuations.
        _ => false,
    }
}

fn is_connector(t: &str) -> bool {
    matches!(t, "of" | "for" | "on" | "the" | "de" | "and" | "a")
}

/// Tags a document with capitalised runs.
pub(crate) fn tag(view: &DocView<'_>) -> Vec<Tagged> {
    let lex = Lexicons::shared();
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    for sent in &view.sents {
        let mut i = sent.start;
        while i < sent.end {
            if !is_name_token(view.toks[i].text) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            while end < sent.end && end - start < MAX_RUN {
                if view.line_break_before(end) {
                    break;
                }
                let t = view.toks[end].text;
                if is_name_token(t) {
                    end += 1;
                } else if t.chars().all(|c| c.is_ascii_digit()) && t.len() < 3 {
                    // "Nord Stream 2"
                    end += 1;
                    break;
                } else if (is_connector(t)
                    && joins_complement(lex, view.toks[end - 1].text)
                    && end + 1 < sent.end
                    && (is_name_token(view.toks[end + 1].text)
                        || (is_connector(view.toks[end + 1].text)
                            && end + 2 < sent.end
                            && is_name_token(view.toks[end + 2].text)))
                    && !(t == "and" || t == "a"))
                    || ((t == "a" || t == "the")
                        && end > start
                        && matches!(view.toks[end - 1].text, "for" | "of"))
                {
                    end += 1;
                } else {
                    break;
                }
            }
            // Runs never end on a connector.
            while end > start + 1 && is_connector(view.toks[end - 1].text) {
                end -= 1;
            }
            let mut s = start;
            // Sentence-initial function or common words are not names.
            while s < end && is_function_word(view.toks[s].text) {
                s += 1;
            }
            if s < end
                && view.sentence_initial(s)
                && end - s == 1
                && view.seen_lower(view.toks[s].text)
                && lex.lists(&[view.toks[s].text]).is_empty()
            {
                s += 1;
            }
            if s < end {
                runs.push(s..end);
            }
            i = end.max(i + 1);
        }
    }
    // Surnames of multi-word person-like runs, to type single words consistently.
    let mut out = Vec::with_capacity(runs.len());
    for r in runs {
        let words = view.words(r.clone());
        // A run that is two or more gazetteer names side by side ("National Security
        // Council Russia") is those names.
        let found = lex.scan(&words);
        let strong =
            |m: &super::lexicon::Match<'_>| m.entries.iter().any(|e| e.list.names_on_its_own());
        if found.len() >= 2
            && found.iter().all(strong)
            && found.iter().map(|m| m.end - m.start).sum::<usize>() == words.len()
        {
            for m in found {
                let sub = r.start + m.start..r.start + m.end;
                let label = guess(lex, &words[m.start..m.end]);
                out.push(Tagged {
                    toks: sub,
                    label,
                    confidence: 0.5,
                });
            }
            continue;
        }
        let label = guess(lex, &words);
        out.push(Tagged {
            toks: r,
            label,
            confidence: 0.5,
        });
    }
    out
}

/// Whether a name may continue with "of …", "for …", "on …" after this word: titles
/// ("Secretary of State"), organisation heads ("Council on Foreign Relations") and
/// geographic words ("Sea of Azov").
fn joins_complement(lex: &Lexicons, w: &str) -> bool {
    let l = lex.word_lists(w);
    l.contains(List::Title)
        || l.contains(List::OrgHead)
        || l.contains(List::EventHead)
        || l.contains(List::LawHead)
        || matches!(
            w,
            "Sea"
                | "Gulf"
                | "Strait"
                | "Bay"
                | "Isle"
                | "Republic"
                | "Kingdom"
                | "State"
                | "States"
                | "Staff"
                | "Affairs"
                | "Commerce"
                | "Board"
                | "House"
                | "Bank"
                | "Institute"
                | "Center"
                | "Centre"
                | "University"
                | "Church"
                | "Court"
        )
}

fn guess(lex: &Lexicons, words: &[&str]) -> Coarse {
    let lists = lex.lists(words);
    if lists.contains(List::Seat)
        || lists.contains(List::Organization)
        || lists.contains(List::Party)
    {
        return Coarse::Org;
    }
    if lists.any_gpe() || lists.contains(List::Location) {
        return Coarse::Loc;
    }
    if lists.contains(List::Demonym) || lists.contains(List::Norp) {
        return Coarse::Misc;
    }
    let last = words[words.len() - 1];
    let last_lists = lex.word_lists(last);
    if words.len() == 1
        && super::refine::looks_like_demonym(last)
        && !last_lists.contains(List::FirstName)
    {
        return Coarse::Misc;
    }
    if last_lists.contains(List::EventHead) || last_lists.contains(List::LawHead) {
        return Coarse::Misc;
    }
    if last_lists.contains(List::FacHead) {
        return Coarse::Loc;
    }
    if words.len() > 1 && (last_lists.contains(List::OrgHead) || words.contains(&"of")) {
        return Coarse::Org;
    }
    if words
        .iter()
        .all(|w| w.len() > 1 && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()))
    {
        return Coarse::Org;
    }
    Coarse::Per
}
