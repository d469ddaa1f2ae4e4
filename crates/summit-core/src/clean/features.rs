//! Cheap surface features of a normalised line (single spaces, trimmed): its words, how it
//! starts and ends, whether it reads as a sentence.
//!
//! Every function here is linear in the line at worst and most look only at its ends, so
//! that classifying a long paragraph costs next to nothing.

/// ASCII case-insensitive `starts_with`.
pub(crate) fn starts_with_ci(t: &str, prefix: &str) -> bool {
    t.len() >= prefix.len() && t.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// ASCII case-insensitive `ends_with`.
pub(crate) fn ends_with_ci(t: &str, suffix: &str) -> bool {
    t.len() >= suffix.len()
        && t.as_bytes()[t.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// ASCII case-insensitive `contains`, for short lines.
pub(crate) fn contains_ci(t: &str, needle: &str) -> bool {
    let (h, n) = (t.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// Number of words (space-separated), counting no further than `cap`.
pub(crate) fn words(t: &str, cap: usize) -> usize {
    if t.is_empty() {
        return 0;
    }
    1 + memchr::memchr_iter(b' ', t.as_bytes())
        .take(cap.saturating_sub(1))
        .count()
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
    first_significant(t).is_some_and(char::is_lowercase)
        && !t
            .split(' ')
            .next()
            .is_some_and(|w| w.chars().any(char::is_uppercase))
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
pub(crate) fn is_single_sentence(t: &str) -> bool {
    let b = t.as_bytes();
    let mut i = 0;
    while let Some(k) = memchr::memchr3(b'.', b'?', b'!', &b[i..]) {
        let at = i + k;
        i = at + 1;
        // The mark, optional closing quotes, a space, then a capital or an opening quote.
        let mut j = at + 1;
        while let Some(c) = t[j..].chars().next().filter(|&c| is_closer(c)) {
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

/// Splits a short line into lower-case ASCII tokens of letters, digits, `-` and `&`, for
/// vocabulary checks. Non-ASCII letters end up inside tokens that match no vocabulary.
pub(crate) fn lower_tokens(t: &str) -> impl Iterator<Item = String> + '_ {
    t.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '&' || c == '\''))
        .filter(|w| !w.is_empty() && *w != "-")
        .map(str::to_ascii_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_insensitive_matching() {
        assert!(starts_with_ci("IMAGE SOURCE: x", "image source:"));
        assert!(!starts_with_ci("IMA", "image"));
        assert!(ends_with_ci("Getty IMAGES", "getty images"));
        assert!(contains_ci("by AP Photo/X", "ap photo"));
    }

    #[test]
    fn counts_words_up_to_a_cap() {
        assert_eq!(words("", 10), 0);
        assert_eq!(words("one", 10), 1);
        assert_eq!(words("one two three", 10), 3);
        assert_eq!(words("a b c d e f", 3), 3);
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
    fn tokens_are_lower_case() {
        let t: Vec<_> = lower_tokens("Bloomberg via Getty/Images.").collect();
        assert_eq!(t, ["bloomberg", "via", "getty", "images"]);
    }
}
