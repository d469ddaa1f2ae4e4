//! Datelines: lines that hold nothing but a date, possibly with a weekday, a time, a time
//! zone and a `Published`/`Updated` label (`June 17, 2021`, `Thu 17 Jun 2021 10.52 BST`,
//! `Updated 10:52 AM ET, Thu June 17, 2021`, `Published On 17 Jun 2021`, `2021-06-17`).
//!
//! A line counts as a dateline only when every word in it is part of a date and it holds
//! at least one full date (day, month and year) that exists in the calendar; `Tuesday,
//! 1 March` (a fixture list) or `June 2021` are not datelines.

use chrono::NaiveDate;

/// How a date on a dateline was labelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DateLabel {
    /// No label.
    Plain,
    /// `Published`, `Posted`, `First published`.
    Published,
    /// `Updated`, `Last modified`.
    Updated,
}

/// A date found on a dateline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FoundDate {
    /// `None` when the line is clearly a date but an ambiguous one (`06/07/2021`).
    pub date: Option<NaiveDate>,
    pub label: DateLabel,
}

/// Lines longer than this are never datelines.
const MAX_DATELINE_BYTES: usize = 120;

/// Parses a normalised line as a dateline: `Some` with its dates (at least one) when the
/// line is nothing but dates.
pub(crate) fn parse_dateline(t: &str) -> Option<Vec<FoundDate>> {
    if t.len() > MAX_DATELINE_BYTES || !t.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut parser = Parser::default();
    for raw in t.split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '•' | '·')) {
        let token = raw.trim_end_matches(':');
        if token.is_empty() {
            continue;
        }
        parser.token(token)?;
    }
    parser.finish()
}

#[derive(Default)]
struct Parser {
    dates: Vec<FoundDate>,
    label: Option<DateLabel>,
    day: Option<u32>,
    month: Option<u32>,
    year: Option<i32>,
    /// Any part of a date seen since the last complete one.
    partial: bool,
    /// Anything but a place name seen yet.
    started: bool,
    /// Place names skipped (`GENEVA`, `NEW YORK`).
    places: usize,
}

impl Parser {
    fn token(&mut self, token: &str) -> Option<()> {
        // Lower-cased on the stack: no date word is longer than this.
        let mut buf = [0u8; 32];
        let lower = buf.get_mut(..token.len())?;
        lower.copy_from_slice(token.as_bytes());
        lower.make_ascii_lowercase();
        let lower = std::str::from_utf8(lower).ok()?;
        let word = lower.trim_end_matches('.');
        let place = !self.started && self.places < 4 && is_place(token);
        self.started = true;
        if word.is_empty() || matches!(word, "-" | "–" | "—" | "/" | "at" | "on" | "@" | "|") {
            return Some(());
        }
        match word {
            "published" | "posted" | "first" | "publication" | "created" | "released"
            | "issued" => {
                self.label = Some(DateLabel::Published);
                return Some(());
            }
            "updated" | "last" | "modified" | "edited" => {
                self.label = Some(DateLabel::Updated);
                return Some(());
            }
            "date" | "dated" | "time" => return Some(()),
            _ => {}
        }
        if weekday(word) || time_zone(word) || matches!(word, "am" | "pm" | "a.m" | "p.m") {
            return Some(());
        }
        if let Some(m) = month(word) {
            return self.set_month(m);
        }
        if is_time(word) {
            return Some(());
        }
        if let Some((y, m, d)) = numeric_date(word) {
            self.flush()?;
            let date = match (m, d) {
                (Some(m), Some(d)) => Some(NaiveDate::from_ymd_opt(y, m, d)?),
                _ => None,
            };
            self.dates.push(FoundDate {
                date,
                label: self.label.take().unwrap_or(DateLabel::Plain),
            });
            return Some(());
        }
        let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = word.strip_prefix(digits).unwrap_or_default();
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 4 {
            if place {
                // A leading place name in capitals (`GENEVA, June 17, 2021`).
                self.places += 1;
                self.started = false;
                return Some(());
            }
            return None;
        }
        if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
            return None;
        }
        let n: u32 = digits.parse().ok()?;
        if digits.len() == 4 && suffix.is_empty() {
            if !(1900..=2100).contains(&n) || self.year.is_some() {
                return None;
            }
            self.year = Some(n as i32);
        } else if (1..=31).contains(&n) && digits.len() <= 2 {
            if self.day.is_some() {
                return None;
            }
            self.day = Some(n);
        } else {
            return None;
        }
        self.partial = true;
        self.complete()
    }

    fn set_month(&mut self, m: u32) -> Option<()> {
        if self.month.is_some() {
            return None;
        }
        self.month = Some(m);
        self.partial = true;
        self.complete()
    }

    /// Records the date once day, month and year are all known.
    fn complete(&mut self) -> Option<()> {
        if let (Some(d), Some(m), Some(y)) = (self.day, self.month, self.year) {
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            self.dates.push(FoundDate {
                date: Some(date),
                label: self.label.take().unwrap_or(DateLabel::Plain),
            });
            self.day = None;
            self.month = None;
            self.year = None;
            self.partial = false;
        }
        Some(())
    }

    /// Fails when a date was left incomplete.
    fn flush(&self) -> Option<()> {
        (!self.partial).then_some(())
    }

    fn finish(self) -> Option<Vec<FoundDate>> {
        self.flush()?;
        (!self.dates.is_empty()).then_some(self.dates)
    }
}

/// A word of a place name in a dateline: capitals (`GENEVA`, `D.C.`, `N'DJAMENA`).
fn is_place(token: &str) -> bool {
    token.bytes().filter(u8::is_ascii_uppercase).count() >= 2
        && token
            .bytes()
            .all(|b| b.is_ascii_uppercase() || matches!(b, b'.' | b'-' | b'\''))
}

fn weekday(w: &str) -> bool {
    matches!(
        w,
        "mon"
            | "monday"
            | "tue"
            | "tues"
            | "tuesday"
            | "wed"
            | "wednesday"
            | "thu"
            | "thur"
            | "thurs"
            | "thursday"
            | "fri"
            | "friday"
            | "sat"
            | "saturday"
            | "sun"
            | "sunday"
    )
}

fn month(w: &str) -> Option<u32> {
    let m = match w {
        "jan" | "january" => 1,
        "feb" | "february" => 2,
        "mar" | "march" => 3,
        "apr" | "april" => 4,
        "may" => 5,
        "jun" | "june" => 6,
        "jul" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        _ => return None,
    };
    Some(m)
}

fn time_zone(w: &str) -> bool {
    const ZONES: [&str; 30] = [
        "gmt", "utc", "bst", "cet", "cest", "eet", "eest", "wet", "west", "est", "edt", "et",
        "cst", "cdt", "ct", "mst", "mdt", "mt", "pst", "pdt", "pt", "msk", "ist", "jst", "kst",
        "aest", "aedt", "hkt", "sgt", "z",
    ];
    if ZONES.contains(&w) {
        return true;
    }
    // `+03:00`, `+0300`, `gmt+3`, `utc-05:00`.
    let offset = w
        .strip_prefix("gmt")
        .or_else(|| w.strip_prefix("utc"))
        .unwrap_or(w);
    offset.strip_prefix(['+', '-']).is_some_and(|digits| {
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit() || b == b':')
    })
}

/// `10:52`, `10:52:07`, `9:05am`, `10.52` (hour ≤ 23, minutes ≤ 59).
fn is_time(w: &str) -> bool {
    let w = w
        .strip_suffix("am")
        .or_else(|| w.strip_suffix("pm"))
        .or_else(|| w.strip_suffix("a.m"))
        .or_else(|| w.strip_suffix("p.m"))
        .unwrap_or(w);
    let sep = if w.contains(':') { ':' } else { '.' };
    let mut parts = w.split(sep);
    let (Some(h), Some(m)) = (parts.next(), parts.next()) else {
        return false;
    };
    let s = parts.next();
    if parts.next().is_some() || (sep == '.' && s.is_some()) {
        return false;
    }
    let num = |p: &str, max: u32| {
        (1..=2).contains(&p.len())
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| n <= max)
    };
    num(h, 23) && m.len() == 2 && num(m, 59) && s.is_none_or(|s| s.len() == 2 && num(s, 59))
}

/// `2021-06-17`, `2021-06-17T10:52:00Z`, `2021/06/17`, `17.06.2021`, `17/06/2021`,
/// `06/17/2021`: year, and month and day when they are unambiguous.
fn numeric_date(w: &str) -> Option<(i32, Option<u32>, Option<u32>)> {
    let w = w.split_once('t').map_or(w, |(d, _)| d);
    let sep = w.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = w.split(sep).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(a) && all_digits(b) && all_digits(c)) {
        return None;
    }
    let n = |p: &str| p.parse::<u32>().ok();
    let year_ok = |y: u32| (1900..=2100).contains(&y);
    if a.len() == 4 && b.len() <= 2 && c.len() <= 2 {
        let y = n(a)?;
        return year_ok(y).then_some((y as i32, n(b), n(c)));
    }
    if c.len() == 4 && a.len() <= 2 && b.len() <= 2 {
        let (y, x, z) = (n(c)?, n(a)?, n(b)?);
        if !year_ok(y) {
            return None;
        }
        // Day first unless that is impossible; both readings possible: ambiguous.
        return Some(match (x > 12, z > 12) {
            (true, false) => (y as i32, Some(z), Some(x)),
            (false, true) => (y as i32, Some(x), Some(z)),
            (false, false) if x == z => (y as i32, Some(x), Some(z)),
            (false, false) => (y as i32, None, None),
            (true, true) => return None,
        });
    }
    None
}

/// Picks the publication date among a document's datelines: a date labelled `Published`,
/// else the first unlabelled one, else the first of any kind.
pub(crate) fn choose_published(found: &[FoundDate]) -> Option<NaiveDate> {
    let pick = |label: DateLabel| {
        found
            .iter()
            .filter(|f| f.label == label)
            .find_map(|f| f.date)
    };
    pick(DateLabel::Published)
        .or_else(|| pick(DateLabel::Plain))
        .or_else(|| found.iter().find_map(|f| f.date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_ordinals_with_letters_of_other_scripts_are_no_time_zones() {
        assert!(!time_zone("+é"));
        assert!(!time_zone("gmt-"));
        assert!(time_zone("utc+03:00"));
    }

    fn date(t: &str) -> Option<String> {
        let found = parse_dateline(t)?;
        Some(choose_published(&found)?.format("%Y-%m-%d").to_string())
    }

    #[test]
    fn common_forms() {
        assert_eq!(date("June 17, 2021").as_deref(), Some("2021-06-17"));
        assert_eq!(date("17 June 2021").as_deref(), Some("2021-06-17"));
        assert_eq!(date("Jun. 17, 2021").as_deref(), Some("2021-06-17"));
        assert_eq!(date("June 17th, 2021").as_deref(), Some("2021-06-17"));
        assert_eq!(
            date("Thursday, June 17, 2021").as_deref(),
            Some("2021-06-17")
        );
        assert_eq!(
            date("Thu 17 Jun 2021 10.52 BST").as_deref(),
            Some("2021-06-17")
        );
        assert_eq!(
            date("Updated 10:52 AM ET, Thu June 17, 2021").as_deref(),
            Some("2021-06-17")
        );
        assert_eq!(
            date("Published On 17 Jun 2021").as_deref(),
            Some("2021-06-17")
        );
        assert_eq!(
            date("Published: 17/06/2021 | 14:05").as_deref(),
            Some("2021-06-17")
        );
        assert_eq!(date("2021-06-17").as_deref(), Some("2021-06-17"));
        assert_eq!(date("2021-06-17T10:52:00Z").as_deref(), Some("2021-06-17"));
        assert_eq!(date("17.06.2021").as_deref(), Some("2021-06-17"));
        assert_eq!(date("06/17/2021").as_deref(), Some("2021-06-17"));
        assert_eq!(
            date("June 17, 2021 at 9:05 p.m. GMT+3").as_deref(),
            Some("2021-06-17")
        );
    }

    #[test]
    fn prefers_the_publication_date() {
        assert_eq!(
            date("Updated: 18 June 2021 | Published: 17 June 2021").as_deref(),
            Some("2021-06-17")
        );
        assert_eq!(
            date("Last updated 18 June 2021, 17 June 2021").as_deref(),
            Some("2021-06-17")
        );
    }

    #[test]
    fn ambiguous_numeric_dates_are_datelines_without_a_date() {
        let found = parse_dateline("06/07/2021").unwrap();
        assert_eq!(found[0].date, None);
        assert_eq!(choose_published(&found), None);
    }

    #[test]
    fn not_datelines() {
        for t in [
            "Tuesday, 1 March",
            "June 2021",
            "2021",
            "9:05 p.m.",
            "2000 GMT",
            "On June 17, 2021, the leaders met.",
            "June 17, 2021: the day it ended",
            "February 30, 2021",
            "17 June 2021 17 July",
            "Meeting in Geneva",
            "GENEVA",
            "June 17, 2021 GENEVA",
            "US AND RUSSIA 2021",
            "",
        ] {
            assert_eq!(parse_dateline(t), None, "{t}");
        }
    }
}
