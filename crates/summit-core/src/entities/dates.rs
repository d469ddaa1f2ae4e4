//! DATE mentions by rule: weekdays, "June 16", "June 17, 2021", "16 June 2021", "March 2011",
//! years, and relative expressions ("last week", "earlier this month", "the weekend").

use super::tokens::DocView;
use super::{Cand, Origin};
use crate::EntityLabel;

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const RELATIVE_HEADS: &[&str] = &[
    "week", "month", "year", "weekend", "decade", "century", "spring", "summer", "autumn", "fall",
    "winter", "morning", "evening",
];
const RELATIVE_OPENERS: &[&str] = &["last", "next", "this", "past", "coming"];
const DEICTIC: &[&str] = &[
    "today",
    "yesterday",
    "tomorrow",
    "Today",
    "Yesterday",
    "Tomorrow",
];

fn is_day(s: &str) -> bool {
    let d = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = s.strip_prefix(d).unwrap_or_default();
    !d.is_empty()
        && d.len() <= 2
        && d.chars().all(|c| c.is_ascii_digit())
        && d.parse::<u32>().is_ok_and(|n| (1..=31).contains(&n))
        && matches!(suffix, "" | "st" | "nd" | "rd" | "th")
}

fn is_year(s: &str) -> bool {
    s.len() == 4
        && s.chars().all(|c| c.is_ascii_digit())
        && s.parse::<u32>().is_ok_and(|n| (1800..=2100).contains(&n))
}

fn is_month(s: &str) -> bool {
    MONTHS.contains(&s)
}

/// Appends DATE mentions for tokens no other mention covers.
pub(crate) fn find(view: &DocView<'_>, cands: &mut Vec<Cand>) {
    let mut covered = vec![false; view.toks.len()];
    for c in cands.iter() {
        for i in c.toks.clone() {
            if let Some(x) = covered.get_mut(i) {
                *x = true;
            }
        }
    }
    for sent in &view.sents {
        let mut i = sent.start;
        while i < sent.end {
            let len = match_at(view, i, sent.end);
            if len > 0 && !(i..i + len).any(|k| covered[k]) {
                let r = i..i + len;
                cands.push(Cand {
                    span: view.span(r.clone()),
                    toks: r,
                    label: EntityLabel::Date,
                    origin: Origin::Rule,
                    canonical: None,
                    lexicon_label: None,
                    confidence: 1.0,
                });
                i += len;
            } else {
                i += 1;
            }
        }
    }
}

/// Length in tokens of a date expression starting at `i`, or 0.
fn match_at(view: &DocView<'_>, i: usize, end: usize) -> usize {
    let t = |k: usize| if k < end { view.toks[k].text } else { "" };
    let w = t(i);
    // Fast reject: dates start with a capital, a digit or one of a few lower-case words.
    match w.as_bytes().first() {
        Some(b) if b.is_ascii_uppercase() || b.is_ascii_digit() => {}
        Some(b't' | b'l' | b'n' | b'p' | b'c' | b'e' | b'y') => {}
        _ => return 0,
    }
    if is_month(w) {
        // "May" alone is a verb more often than a month.
        if is_day(t(i + 1)) {
            if t(i + 2) == "," && is_year(t(i + 3)) {
                return 4;
            }
            if is_year(t(i + 2)) {
                return 3;
            }
            return 2;
        }
        if is_year(t(i + 1)) {
            return 2;
        }
        if t(i + 1) == "," && is_year(t(i + 2)) {
            return 3;
        }
        return usize::from(w != "May" && w != "March");
    }
    if is_day(w) && is_month(t(i + 1)) {
        return if is_year(t(i + 2)) { 3 } else { 2 };
    }
    if WEEKDAYS.contains(&w) {
        return 1;
    }
    if DEICTIC.contains(&w) {
        return 1;
    }
    if is_year(w) {
        // Not a count ("2024 people"): the next word is not a plural noun we can see; keep
        // it simple and accept years after prepositions or at a clause edge.
        let prev = if i > view.sents[view.toks[i].sent].start {
            view.toks[i - 1].text
        } else {
            ""
        };
        let next = t(i + 1);
        let ok_prev = matches!(
            prev,
            "in" | "In"
                | "since"
                | "Since"
                | "until"
                | "by"
                | "from"
                | "to"
                | "of"
                | "before"
                | "after"
                | "during"
                | "the"
                | "early"
                | "late"
                | "mid"
                | ","
                | "("
                | "and"
        );
        let ok_next = next.is_empty() || next.chars().all(|c| !c.is_alphanumeric());
        return usize::from(ok_prev || ok_next);
    }
    let lw = w.to_ascii_lowercase();
    if RELATIVE_OPENERS.contains(&lw.as_str()) && RELATIVE_HEADS.contains(&t(i + 1)) {
        return 2;
    }
    if (lw == "earlier" || lw == "later")
        && t(i + 1) == "this"
        && RELATIVE_HEADS.contains(&t(i + 2))
    {
        return 3;
    }
    if lw == "the" && t(i + 1) == "weekend" {
        return 2;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_number_with_a_non_ascii_suffix_is_no_day() {
        assert!(!is_day("1é"));
        assert!(!is_day("Ö"));
        assert!(is_day("21st"));
    }

    fn dates(text: &str) -> Vec<String> {
        let v = DocView::from_text(text);
        let mut c = Vec::new();
        find(&v, &mut c);
        c.iter()
            .map(|c| v.slice(c.toks.clone()).to_owned())
            .collect()
    }

    #[test]
    fn dates_by_pattern() {
        assert_eq!(dates("They met on June 16 in Zurich."), vec!["June 16"]);
        assert_eq!(dates("Published June 17, 2021."), vec!["June 17, 2021"]);
        assert_eq!(dates("On 16 June 2021 it rained."), vec!["16 June 2021"]);
        assert_eq!(dates("The deal of 2015 holds."), vec!["2015"]);
        assert_eq!(
            dates("He spoke last week and on Monday."),
            vec!["last week", "Monday"]
        );
        assert_eq!(
            dates("It happened earlier this month."),
            vec!["earlier this month"]
        );
        assert_eq!(dates("in March 2011 they met"), vec!["March 2011"]);
        assert!(dates("She may come. 300 people came.").is_empty());
    }
}
