//! Cheap surface features of a normalised line (single spaces, trimmed): its words, how it
//! starts and ends, whether it reads as a sentence.
//!
//! Every function here is linear in the line at worst and most look only at its ends, so
//! that classifying a long paragraph costs next to nothing.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

/// ASCII case-insensitive `starts_with`. Most calls fail on the first byte.
#[inline]
pub(crate) fn starts_with_ci(t: &str, prefix: &str) -> bool {
    let (t, p) = (t.as_bytes(), prefix.as_bytes());
    t.len() >= p.len() && t.iter().zip(p).all(|(a, b)| a.eq_ignore_ascii_case(b))
}

/// ASCII case-insensitive `ends_with`.
pub(crate) fn ends_with_ci(t: &str, suffix: &str) -> bool {
    let (t, s) = (t.as_bytes(), suffix.as_bytes());
    t.len() >= s.len() && t[t.len() - s.len()..].eq_ignore_ascii_case(s)
}

/// ASCII case-insensitive `contains` (`needle` in lower case): candidates are found with
/// a vectorised search for the needle's first byte in either case.
pub(crate) fn contains_ci(t: &str, needle: &str) -> bool {
    let (h, n) = (t.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return true;
    };
    if h.len() < n.len() {
        return false;
    }
    let last_start = h.len() - n.len();
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), &h[..=last_start])
        .any(|at| h[at..at + n.len()].eq_ignore_ascii_case(n))
}

/// Number of words (space-separated), counting no further than `cap`. Counts eight bytes
/// at a time and stops soon after the cap, so it is cheap on long lines.
pub(crate) fn words(t: &str, cap: usize) -> usize {
    if t.is_empty() {
        return 0;
    }
    let mut n = 1;
    for chunk in t.as_bytes().chunks(256) {
        n += count_spaces(chunk);
        if n >= cap {
            return cap;
        }
    }
    n
}

/// Number of spaces in `b`, eight bytes at a time.
fn count_spaces(b: &[u8]) -> usize {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let mut chunks = b.chunks_exact(8);
    let mut n = 0;
    for c in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(c);
        let v = u64::from_le_bytes(word) ^ 0x2020_2020_2020_2020;
        // High bit of each byte set exactly when the byte is zero (a space).
        let zero = !((((v & LOW7) + LOW7) | v) | LOW7);
        n += zero.count_ones() as usize;
    }
    n + chunks.remainder().iter().filter(|&&c| c == b' ').count()
}

/// A list of ASCII prefixes, matched ignoring case by one anchored automaton walk: most
/// lines are ruled out within their first bytes, whatever the length of the list.
#[derive(Debug)]
pub(crate) struct Prefixes(AhoCorasick);

impl Prefixes {
    pub(crate) fn new(list: &[&str]) -> Self {
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .start_kind(StartKind::Anchored)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(list)
            .expect("a list of literal prefixes is a valid automaton");
        Prefixes(automaton)
    }

    /// The longest listed prefix of `t`: its index in the list and its length.
    pub(crate) fn longest(&self, t: &str) -> Option<(usize, usize)> {
        let input = Input::new(t).anchored(Anchored::Yes);
        let m = self.0.try_find(input).ok()??;
        Some((m.pattern().as_usize(), m.end()))
    }

    /// Whether `t` starts with one of the prefixes.
    pub(crate) fn matches(&self, t: &str) -> bool {
        self.longest(t).is_some()
    }

    /// Whether `t` is exactly one of the entries.
    pub(crate) fn is_exactly(&self, t: &str) -> bool {
        self.longest(t).is_some_and(|(_, len)| len == t.len())
    }
}

/// Characters that close a sentence's trailing quotation or bracket.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '*')
}

/// Characters that open a line's leading quotation or bracket.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '„' | '«' | '‹' | '(' | '[' | '¿' | '¡'
    )
}

/// The last character before any closing quotation marks or brackets.
pub(crate) fn last_significant(t: &str) -> Option<char> {
    t.chars().rev().find(|&c| !is_closer(c))
}

/// The first character after any opening quotation marks or brackets.
pub(crate) fn first_significant(t: &str) -> Option<char> {
    t.chars().find(|&c| !is_opener(c))
}

/// Whether the line ends like a sentence (`.`, `!`, `?`, `…`, possibly inside quotes).
pub(crate) fn ends_sentence(t: &str) -> bool {
    matches!(last_significant(t), Some('.' | '!' | '?' | '…'))
}

/// Whether the line ends with punctuation that continues into what follows.
pub(crate) fn ends_open(t: &str) -> bool {
    matches!(
        t.chars().next_back(),
        Some(',' | ';' | ':' | '-' | '–' | '—')
    )
}

/// Whether the line begins like a continuation of the previous one: its first word is in
/// lower case (`and then`, not `iTunes` or `eBay`).
pub(crate) fn starts_lower(t: &str) -> bool {
    first_significant(t).is_some_and(is_lowercase_in_practice)
        && !t
            .split(' ')
            .next()
            .is_some_and(|w| w.chars().any(char::is_uppercase))
}

/// A lowercase letter of a script that writes capitals at the start of a sentence or a
/// name. Georgian's Mkhedruli letters are lowercase in Unicode (their capitals, Mtavruli,
/// exist since Unicode 11), but Georgian prose never capitalises: a line in it is as
/// uncased as one in Arabic or Chinese.
pub(crate) fn is_lowercase_in_practice(c: char) -> bool {
    c.is_lowercase() && !('\u{10D0}'..='\u{10FF}').contains(&c)
}

/// Whether the line begins with a capital letter or a digit (after opening quotes).
pub(crate) fn starts_upper_or_digit(t: &str) -> bool {
    first_significant(t).is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether the line holds double quotation marks of any kind (single marks double as
/// apostrophes and do not count).
pub(crate) fn has_double_quotes(t: &str) -> bool {
    let b = t.as_bytes();
    memchr::memchr(b'"', b).is_some()
        || memchr::memchr2(0xE2, 0xC2, b).is_some()
            && t.chars()
                .any(|c| matches!(c, '“' | '”' | '„' | '«' | '»' | '‟'))
}

/// Number of alphabetic characters, counting no further than `cap`.
pub(crate) fn letters(t: &str, cap: usize) -> usize {
    t.chars().filter(|c| c.is_alphabetic()).take(cap).count()
}

/// Whether the line reads as one sentence at most: no `. X`, `? X` or `! X` boundary
/// inside it, where the word before the mark is not an abbreviation or an initial.
#[expect(
    clippy::string_slice,
    reason = "`at` indexes an ASCII mark and `j` moves from `at + 1` by whole characters"
)]
pub(crate) fn is_single_sentence(t: &str) -> bool {
    let b = t.as_bytes();
    let mut i = 0;
    while let Some(k) = memchr::memchr3(b'.', b'?', b'!', &b[i..]) {
        let at = i + k;
        i = at + 1;
        // The mark, optional closing quotes, a space, then a capital or an opening quote.
        let mut j = at + 1;
        while let Some(c) = t
            .get(j..)
            .and_then(|rest| rest.chars().next())
            .filter(|&c| is_closer(c))
        {
            j += c.len_utf8();
        }
        if b.get(j) != Some(&b' ') {
            continue;
        }
        let Some(next) = first_significant(&t[j + 1..]) else {
            continue;
        };
        if !next.is_uppercase() {
            continue;
        }
        if b[at] == b'.' && is_abbreviation(&t[..at]) {
            continue;
        }
        return false;
    }
    true
}

/// Whether the word ending at the end of `before` (just before a period) is an
/// abbreviation or an initial: `Mr`, `U.S`, `J`, `St`, `Gen`.
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(' ').next().unwrap_or(before);
    let word = word.trim_start_matches(is_opener);
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters <= 1 || word.contains('.') {
        return true;
    }
    const ABBREVIATIONS: [&str; 24] = [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt",
        "Capt", "Jr", "Sr", "No", "vs", "Mt", "Ft", "Inc", "Co", "Corp", "Ltd",
    ];
    ABBREVIATIONS.contains(&word)
}

/// Splits a short line into tokens of letters, digits, `-`, `&` and `'`, for vocabulary
/// checks.
pub(crate) fn tokens(t: &str) -> impl Iterator<Item = &str> {
    t.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '&' || c == '\''))
        .filter(|w| !w.is_empty() && *w != "-")
}

/// Whether `word` is one of `list` (lower case), ignoring ASCII case.
pub(crate) fn one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn georgian_lines_do_not_start_lowercase() {
        assert!(!starts_lower("თბილისში მინისტრები შეხვდნენ"));
        assert!(starts_lower("the talks went on"));
        assert!(!starts_lower("Талки"));
    }

    #[test]
    fn case_insensitive_matching() {
        assert!(starts_with_ci("IMAGE SOURCE: x", "image source:"));
        assert!(!starts_with_ci("IMA", "image"));
        assert!(ends_with_ci("Getty IMAGES", "getty images"));
        assert!(contains_ci("by AP Photo/X", "ap photo"));
        assert!(!contains_ci("by AP", "ap photo"));
        assert!(ends_with_ci("café on twitter", "on twitter"));
        assert!(!ends_with_ci("é", "xx"));
    }

    #[test]
    fn counts_words_up_to_a_cap() {
        assert_eq!(words("", 10), 0);
        assert_eq!(words("one", 10), 1);
        assert_eq!(words("one two three", 10), 3);
        assert_eq!(words("a b c d e f", 3), 3);
        let long = "word ".repeat(100);
        assert_eq!(words(long.trim_end(), 1000), 100);
        assert_eq!(count_spaces(b"  a  b c d e f g  "), 11);
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("It ended."));
        assert!(ends_sentence("He asked “why?”"));
        assert!(ends_sentence("They came (and went.)"));
        assert!(!ends_sentence("Various challenges"));
        assert!(!ends_sentence("Talks in Geneva |"));
        assert!(ends_open("He said:"));
    }

    #[test]
    fn starts() {
        assert!(starts_lower("and then"));
        assert!(starts_lower("“and then"));
        assert!(!starts_lower("iTunes now sells it"));
        assert!(starts_upper_or_digit("“Resetting” ties"));
        assert!(starts_upper_or_digit("2021 was"));
        assert!(!starts_upper_or_digit("$1m payoff"));
    }

    #[test]
    fn double_quotes() {
        assert!(has_double_quotes("He said “no”"));
        assert!(has_double_quotes("He said \"no\""));
        assert!(has_double_quotes("«non»"));
        assert!(!has_double_quotes("Putin’s ‘red lines’ and café"));
    }

    #[test]
    fn single_sentences() {
        assert!(is_single_sentence(
            "Putin is unwilling to talk, and nobody minds."
        ));
        assert!(is_single_sentence(
            "Mr. Biden meets J. Smith in the U.S. today."
        ));
        assert!(is_single_sentence(
            "Obama on Climate Change: The Trends Are 'Terrifying.'"
        ));
        assert!(!is_single_sentence("Talks began. Both sides said little."));
        assert!(!is_single_sentence("Was it worth it? Nobody knows."));
        assert!(!is_single_sentence("It was over.” Then he left."));
        assert!(is_single_sentence("Sales rose 3.5% in May."));
    }

    #[test]
    fn prefix_sets() {
        let set = Prefixes::new(&["photo:", "Credit", "photo: ap"]);
        assert!(set.matches("PHOTO: x"));
        assert!(set.matches("credit"));
        assert!(!set.matches("Pictures"));
        assert!(!set.matches(""));
        assert!(!set.matches("a photo: x"));
        assert_eq!(set.longest("Photo: AP/x"), Some((2, 9)));
        assert!(set.is_exactly("credit"));
        assert!(!set.is_exactly("credits"));
    }

    #[test]
    fn tokens_and_vocabularies() {
        let t: Vec<_> = tokens("Bloomberg via Getty/Images.").collect();
        assert_eq!(t, ["Bloomberg", "via", "Getty", "Images"]);
        assert!(one_of("GETTY", &["ap", "getty"]));
        assert!(!one_of("gett", &["ap", "getty"]));
    }
}
