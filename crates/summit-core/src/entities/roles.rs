//! Roles: the titles and descriptions an article gives a person, as written.
//!
//! * pre-nominal: "Kremlin spokesperson Dmitry Peskov", "Former Russian diplomat Vladimir
//!   Frolov", "Russia's foreign minister Sergey Lavrov" (→ "foreign minister");
//! * appositive: "Alex Rodzianka, director of the … in Moscow," ("Putin, 68," gives none);
//! * relative: "X, who is/was the …", each coordinated description a role of its own.

use std::ops::Range;

use super::Cand;
use super::lexicon::{Lexicons, List, ListSet};
use super::refine::is_possessive;
use super::tokens::DocView;
use crate::EntityLabel;

/// Longest role phrase, in tokens.
const MAX_ROLE: usize = 16;

const COPULAS: &[&str] = &["is", "was", "became", "remains", "serves", "served"];
const ADVERBS: &[&str] = &[
    "currently",
    "now",
    "also",
    "previously",
    "formerly",
    "still",
    "then",
    "later",
    "once",
    "as",
];
const STOPS: &[&str] = &[
    ",", ".", ";", ":", "!", "?", ")", "(", "“", "”", "\"", "‘", "’", "—", "–", "said", "says",
    "told", "who", "which", "that", "when", "where", "whose", "has", "have", "had", "will",
    "would",
];

fn title_lists(lex: &Lexicons, words: &[&str], i: usize) -> (ListSet, usize) {
    match lex.longest_at(words, i) {
        Some(m) => (m.lists(), m.end - i),
        None => (ListSet::EMPTY, 1),
    }
}

/// (person mention token range, role) pairs.
pub(crate) fn find(view: &DocView<'_>, cands: &[Cand]) -> Vec<(Range<usize>, String)> {
    let lex = Lexicons::shared();
    let mut owner: Vec<Option<EntityLabel>> = vec![None; view.toks.len()];
    for c in cands {
        for i in c.toks.clone() {
            if let Some(x) = owner.get_mut(i) {
                *x = Some(c.label);
            }
        }
    }
    let mut out = Vec::new();
    for c in cands.iter().filter(|c| c.label == EntityLabel::Person) {
        for r in prenominal(view, lex, &owner, c.toks.start) {
            out.push((c.toks.clone(), r));
        }
        for r in postnominal(view, lex, &owner, c.toks.end) {
            out.push((c.toks.clone(), r));
        }
    }
    out
}

fn is_titleish_word(lex: &Lexicons, w: &str) -> bool {
    let l = lex.word_lists(w);
    l.contains(List::Title) || l.contains(List::TitleModifier)
}

fn prenominal(
    view: &DocView<'_>,
    lex: &Lexicons,
    owner: &[Option<EntityLabel>],
    s: usize,
) -> Vec<String> {
    let Some(t) = view.toks.get(s) else {
        return Vec::new();
    };
    let sent = view.sents[t.sent].clone();
    let mut j = s;
    let mut has_head = false;
    while j > sent.start && s - j < MAX_ROLE {
        let k = j - 1;
        let w = view.toks[k].text;
        if matches!(
            owner[k],
            Some(EntityLabel::Person) | Some(EntityLabel::Date)
        ) {
            break;
        }
        // A parenthesised acronym inside a title: "United States (US) President".
        if w == ")" && k >= sent.start + 2 && view.toks[k - 2].text == "(" {
            j = k - 2;
            continue;
        }
        let l = view.lists(k);
        let cap = w.chars().next().is_some_and(char::is_uppercase);
        let ok = l.contains(List::Title)
            || l.contains(List::TitleModifier)
            || l.contains(List::Honorific)
            || owner[k].is_some()
            || (cap && !super::fallback::is_function_word(w))
            || (matches!(w, "of" | "for" | "to" | "the" | "on" | "at") && j < s)
            || w.starts_with("then-")
            || w.starts_with("ex-")
            || is_titleish_word(lex, w.trim_end_matches('-'));
        // A lower-case title word may continue a title: "press secretary", "foreign policy aide".
        let lower_ok = !cap
            && (matches!(
                w,
                "foreign"
                    | "policy"
                    | "security"
                    | "press"
                    | "defense"
                    | "defence"
                    | "national"
                    | "state"
                    | "affairs"
                    | "prime"
                    | "vice"
                    | "general"
                    | "interior"
                    | "finance"
                    | "justice"
                    | "military"
                    | "intelligence"
                    | "opposition"
                    | "party"
                    | "trade"
                    | "energy"
                    | "health"
                    | "economy"
                    | "economic"
                    | "political"
            ));
        if !(ok || lower_ok) {
            break;
        }
        if l.contains(List::Title) && !l.contains(List::Honorific) {
            has_head = true;
        }
        j = k;
    }
    // No leading connectors or honorifics; the role is the title itself.
    let mut a = j;
    while a < s
        && (matches!(
            view.toks[a].text,
            "of" | "for" | "to" | "the" | "on" | "at" | "The"
        ) || lex.word_lists(view.toks[a].text).contains(List::Honorific))
    {
        a += 1;
    }
    // Honorifics right before the name are not roles ("Mr.").
    let mut b = s;
    while b > a
        && lex
            .word_lists(view.toks[b - 1].text)
            .contains(List::Honorific)
    {
        b -= 1;
    }
    if a >= b || !has_head {
        return Vec::new();
    }
    // The last word before the name must be a title word or the end of one ("Secretary of
    // State", "Chief of … Forces", "Ambassador to the United States").
    let words = view.words(a..b);
    let mut heads = false;
    let mut i = 0;
    while i < words.len() {
        let (l, n) = title_lists(lex, &words, i);
        if l.contains(List::Title) {
            heads = true;
        }
        i += n;
    }
    if !heads {
        return Vec::new();
    }
    let mut roles = vec![render(view, a..b)];
    // "Ukraine's President": the possessor says whose title it is; keep that form too.
    if a >= sent.start + 2 && is_possessive(view.toks[a - 1].text) {
        let mut p = a - 1;
        while p > sent.start
            && matches!(
                owner[p - 1],
                Some(EntityLabel::Gpe | EntityLabel::Org | EntityLabel::Norp)
            )
        {
            p -= 1;
        }
        if p < a - 1 {
            roles.push(render(view, p..b));
        }
    }
    roles
}

/// Renders a role: the text as written, without parenthesised asides.
fn render(view: &DocView<'_>, r: Range<usize>) -> String {
    let mut out = String::new();
    let mut depth = 0;
    let mut last_end = None;
    for i in r {
        let t = &view.toks[i];
        match t.text {
            "(" => {
                depth += 1;
                continue;
            }
            ")" => {
                depth -= 1;
                continue;
            }
            _ if depth > 0 => continue,
            _ => {}
        }
        if let Some(e) = last_end {
            if e < t.span.start || !is_possessive(t.text) {
                out.push(' ');
            }
        }
        out.push_str(t.text);
        last_end = Some(t.span.end);
    }
    out
}

fn postnominal(
    view: &DocView<'_>,
    lex: &Lexicons,
    owner: &[Option<EntityLabel>],
    e: usize,
) -> Vec<String> {
    let mut out = Vec::new();
    let Some(t) = view.toks.get(e) else {
        return out;
    };
    if t.text != "," {
        return out;
    }
    let sent = view.sents[t.sent].clone();
    let mut i = e + 1;
    if i < sent.end && view.toks[i].text == "who" {
        // "who, under Trump, was the senior director … and is currently a senior fellow …"
        let mut k = i + 1;
        let limit = (k + 10).min(sent.end);
        while k < limit && !COPULAS.contains(&view.toks[k].text) {
            k += 1;
        }
        if k >= limit {
            return out;
        }
        i = k + 1;
        loop {
            while i < sent.end && ADVERBS.contains(&view.toks[i].text) {
                i += 1;
            }
            let Some((role, next)) = description(view, lex, owner, i, sent.end, true) else {
                break;
            };
            out.push(role);
            // "… and is currently a …"
            let mut k = next;
            if k < sent.end && view.toks[k].text == "and" {
                k += 1;
                while k < sent.end
                    && (COPULAS.contains(&view.toks[k].text)
                        || ADVERBS.contains(&view.toks[k].text))
                {
                    k += 1;
                }
                i = k;
                continue;
            }
            break;
        }
        return out;
    }
    if let Some((role, next)) = description(view, lex, owner, i, sent.end, false) {
        // An apposition closes with a comma, a period or the sentence end.
        if next >= sent.end || matches!(view.toks[next].text, "," | "." | ";" | ")" | "–" | "—")
        {
            out.push(role);
        }
    }
    out
}

/// A description starting at `i`: optional determiner, then modifiers/nationality/title words
/// with a title head among the first words, then its complement, up to a stop word.
/// Returns the role and the token after it.
fn description(
    view: &DocView<'_>,
    lex: &Lexicons,
    owner: &[Option<EntityLabel>],
    mut i: usize,
    end: usize,
    relative: bool,
) -> Option<(String, usize)> {
    while i < end && matches!(view.toks[i].text, "the" | "a" | "an" | "The" | "A" | "An") {
        i += 1;
    }
    let start = i;
    let words: Vec<&str> = view.words(start..end.min(start + MAX_ROLE));
    // A title head within the first four words, preceded only by modifiers, nationalities,
    // places and organisations.
    let mut k = 0;
    let mut head = None;
    while k < words.len() && k < 5 {
        let (l, n) = title_lists(lex, &words, k);
        if l.contains(List::Title) {
            head = Some(k + n);
            break;
        }
        let w = words[k];
        let ok = l.contains(List::TitleModifier)
            || l.contains(List::Demonym)
            || owner[start + k].is_some()
            || is_possessive(w)
            || w.chars().next().is_some_and(char::is_uppercase)
            || matches!(
                w,
                "foreign" | "policy" | "press" | "national" | "security" | "senior"
            );
        if !ok {
            return None;
        }
        k += n;
    }
    let head = head?;
    // A person before the title only as a possessor: "Putin's spokesman".
    let person_ok = (start..start + head).all(|k| {
        owner[k] != Some(EntityLabel::Person)
            || (k + 1..start + head)
                .find(|&x| owner[x] != Some(EntityLabel::Person))
                .is_some_and(|x| is_possessive(view.toks[x].text))
    });
    if !person_ok {
        return None;
    }
    let mut j = head;
    while j < words.len() {
        let w = words[j];
        if STOPS.contains(&w) || owner[start + j] == Some(EntityLabel::Person) && !relative {
            break;
        }
        if w == "and" {
            // "and is currently …" starts another description; "Russia and Europe Affairs"
            // continues this one.
            let next = words.get(j + 1).copied().unwrap_or("");
            if COPULAS.contains(&next) || ADVERBS.contains(&next) || next.is_empty() {
                break;
            }
        }
        j += 1;
    }
    if j == words.len() && start + j < end {
        // Too long to be a description.
        return None;
    }
    Some((render(view, start..start + j), start + j))
}

#[cfg(test)]
mod tests {
    use crate::entities::test_util::{entities, find};

    fn roles(text: &str, name: &str) -> Vec<String> {
        let es = entities(text);
        find(&es, name).map(|e| e.roles.clone()).unwrap_or_default()
    }

    #[test]
    fn prenominal_titles() {
        assert_eq!(
            roles(
                "The talks were led by Kremlin spokesperson Dmitry Peskov yesterday.",
                "Dmitry Peskov"
            ),
            vec!["Kremlin spokesperson"]
        );
        assert_eq!(
            roles(
                "Former Zorbian diplomat Ivan Petrov told us.",
                "Ivan Petrov"
            ),
            vec!["Former Zorbian diplomat"]
        );
        assert_eq!(
            roles(
                "Then Russia’s foreign minister Sergey Lavrov spoke.",
                "Sergey Lavrov"
            ),
            vec!["foreign minister", "Russia’s foreign minister"]
        );
        assert_eq!(
            roles(
                "He met Chief of General Staff of the Russian Armed Forces Valery Gerasimov there.",
                "Valery Gerasimov"
            ),
            vec!["Chief of General Staff of the Russian Armed Forces"]
        );
    }

    #[test]
    fn appositive_and_relative_roles() {
        assert_eq!(
            roles(
                "Trade will suffer, said Alex Rodzianka, director of the United States Chamber of Commerce in Moscow.",
                "Alex Rodzianka"
            ),
            vec!["director of the United States Chamber of Commerce in Moscow"]
        );
        assert!(
            roles(
                "Officials fear that Vladimir Putin, 68, will tire.",
                "Vladimir Putin"
            )
            .is_empty()
        );
        assert_eq!(
            roles(
                "“No,” said Mary Smith, who, under Obama, was the senior director for Asia at the State Department and is currently a senior fellow at the Brookings Institution.",
                "Mary Smith"
            ),
            vec![
                "senior director for Asia at the State Department",
                "senior fellow at the Brookings Institution"
            ]
        );
    }

    #[test]
    fn possessive_appositions_and_counterparts() {
        assert_eq!(
            roles(
                "Vladimir Putin waited. Dmitry Peskov, Putin’s spokesman, said nothing.",
                "Dmitry Peskov"
            ),
            vec!["Putin’s spokesman"]
        );
        assert_eq!(
            roles(
                "Joe Biden met his Russian counterpart Vladimir Putin.",
                "Vladimir Putin"
            ),
            vec!["Russian counterpart"]
        );
    }

    #[test]
    fn adverbs_are_not_roles() {
        assert!(roles("Later, Joe Biden, meanwhile, left.", "Joe Biden").is_empty());
    }
}
