//! Character classes for the tokenizer: a lookup table for ASCII bytes and range checks
//! (plus `unicode-ident`'s identifier tables) for everything else.

/// ASCII whitespace: `\t \n \x0B \x0C \r` and space (the ASCII part of `char::is_whitespace`).
pub(super) const WS: u8 = 1;
pub(super) const UPPER: u8 = 2;
pub(super) const LOWER: u8 = 4;
pub(super) const DIGIT: u8 = 8;
pub(super) const ALPHA: u8 = UPPER | LOWER;
pub(super) const ALNUM: u8 = ALPHA | DIGIT;
/// Characters of an e-mail address's local part: `[A-Za-z0-9._%+-]`.
pub(super) const EMAIL_LOCAL: u8 = 16;
/// Characters of a domain name: `[A-Za-z0-9.-]`.
pub(super) const DOMAIN: u8 = 32;
/// Characters of a social-media handle after `@`: `[A-Za-z0-9_]`.
pub(super) const HANDLE: u8 = 64;

/// Bytes that may continue a word past a run of ASCII letters and digits (`. - _ , : / &
/// ' @`), and every byte from 0x80 up: after a run ended by any other byte, the word is
/// plain and skips the general word scanner.
pub(super) const WORD_JOIN: u8 = 128;

/// Class bits of every byte. Bytes from 0x80 up have only [`WORD_JOIN`] (decode them).
pub(super) static ASCII: [u8; 256] = build_table();

const fn build_table() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut c = 0usize;
    while c < 128 {
        let b = c as u8;
        let mut bits = 0;
        if matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
            bits |= WS;
        }
        if b.is_ascii_uppercase() {
            bits |= UPPER;
        }
        if b.is_ascii_lowercase() {
            bits |= LOWER;
        }
        if b.is_ascii_digit() {
            bits |= DIGIT;
        }
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-') {
            bits |= EMAIL_LOCAL;
        }
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-') {
            bits |= DOMAIN;
        }
        if b.is_ascii_alphanumeric() || b == b'_' {
            bits |= HANDLE;
        }
        if matches!(
            b,
            b'.' | b'-' | b'_' | b',' | b':' | b'/' | b'&' | b'\'' | b'@'
        ) {
            bits |= WORD_JOIN;
        }
        t[c] = bits;
        c += 1;
    }
    while c < 256 {
        t[c] = WORD_JOIN;
        c += 1;
    }
    t
}

/// Length of the run of ASCII letters and digits at the start of `b`, eight bytes at a
/// time.
#[inline(always)]
pub(super) fn alnum_run(b: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut rest = b;
    while let Some(chunk) = rest.first_chunk::<8>() {
        let mask = alnum_mask(u64::from_le_bytes(*chunk));
        if mask != HIGH {
            let run = ((!mask & HIGH).trailing_zeros() / 8) as usize;
            return b.len() - rest.len() + run;
        }
        rest = &rest[8..];
    }
    let tail = rest
        .iter()
        .position(|&c| ASCII[c as usize] & ALNUM == 0)
        .unwrap_or(rest.len());
    b.len() - rest.len() + tail
}

/// The high bit of each byte of `x` set when that byte is an ASCII letter or digit
/// (per-byte range checks that cannot carry: the high bits are cleared first).
#[inline(always)]
fn alnum_mask(x: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const fn splat(b: u8) -> u64 {
        0x0101_0101_0101_0101 * b as u64
    }
    let ascii = !x & HIGH;
    let y = x & !HIGH;
    let lower = y | splat(0x20);
    let letters =
        lower.wrapping_add(splat(0x80 - b'a')) & !lower.wrapping_add(splat(0x80 - b'z' - 1));
    let digits = y.wrapping_add(splat(0x80 - b'0')) & !y.wrapping_add(splat(0x80 - b'9' - 1));
    (letters | digits) & ascii
}

#[inline(always)]
pub(super) fn has(b: u8, class: u8) -> bool {
    ASCII[b as usize] & class != 0
}

/// The character starting at byte `i` of `text`; U+FFFD past the end or when `i` is not
/// a char boundary (the scanners move by whole characters, so that is never meant).
#[inline]
pub(super) fn char_at(text: &str, i: usize) -> char {
    text.get(i..)
        .and_then(|rest| rest.chars().next())
        .unwrap_or('\u{FFFD}')
}

/// Separators between tokens: `char::is_whitespace` plus ZERO WIDTH SPACE, which marks a
/// word break without showing one. Tokens never contain a separator and cover every
/// other character.
#[inline]
pub fn is_separator(ch: char) -> bool {
    ch.is_whitespace() || ch == '\u{200B}'
}

/// Invisible or combining characters that belong to whatever they follow: combining
/// marks, joiners, variation selectors, emoji skin-tone modifiers and tag characters, soft
/// hyphen, word joiner.
#[inline]
pub(super) fn is_extend(ch: char) -> bool {
    matches!(ch as u32,
        0x00AD | 0x0300..=0x036F | 0x0483..=0x0489 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x200C | 0x200D | 0x2060 | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F
        | 0xFEFF | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0xE0100..=0xE01EF)
}

/// A non-ASCII character that can start a word: a letter or digit of any script.
#[inline]
pub(super) fn is_word_start(ch: char) -> bool {
    ch.is_alphanumeric() || unicode_ident::is_xid_start(ch)
}

/// A non-ASCII character that continues a word: letters, digits, combining marks and
/// the other identifier-continue characters of any script, and invisible extenders.
#[inline]
pub(super) fn is_word_continue(ch: char) -> bool {
    ch.is_alphanumeric() || unicode_ident::is_xid_continue(ch) || is_extend(ch)
}

/// Quotation marks, each its own token (ASCII `"`, `'` and `` ` `` are handled by byte).
#[inline]
pub(super) fn is_quote_char(ch: char) -> bool {
    matches!(
        ch,
        '"' | '\''
            | '`'
            | '\u{AB}'
            | '\u{BB}'
            | '\u{2018}'..='\u{201F}'
            | '\u{2039}'
            | '\u{203A}'
            | '\u{300C}'..='\u{300F}'
            | '\u{301D}'..='\u{301F}'
            | '\u{FF02}'
            | '\u{FF07}'
    )
}

/// Quotation marks whose glyph opens a quotation in English typography (and `„ ‚` of
/// German and Polish, `« ‹` of French). A closing glyph after a terminal is a closer.
#[inline]
pub(super) fn is_opening_quote_glyph(ch: char) -> bool {
    matches!(
        ch,
        '\u{201C}'
            | '\u{2018}'
            | '\u{201E}'
            | '\u{201A}'
            | '\u{AB}'
            | '\u{2039}'
            | '\u{300C}'
            | '\u{300E}'
            | '\u{301D}'
            | '`'
    )
}

/// Apostrophes that may sit inside a word (`O’Brien`, `don't`).
#[inline]
pub(super) fn is_apostrophe(ch: char) -> bool {
    matches!(ch, '\'' | '\u{2019}' | '\u{2018}')
}

#[inline]
pub(super) fn is_opening_bracket(ch: char) -> bool {
    matches!(
        ch,
        '(' | '['
            | '{'
            | '\u{FF08}'
            | '\u{FF3B}'
            | '\u{FF5B}'
            | '\u{3008}'
            | '\u{300A}'
            | '\u{3010}'
            | '\u{3014}'
            | '\u{3016}'
            | '\u{3018}'
            | '\u{301A}'
    )
}

#[inline]
pub(super) fn is_closing_bracket(ch: char) -> bool {
    matches!(
        ch,
        ')' | ']'
            | '}'
            | '\u{FF09}'
            | '\u{FF3D}'
            | '\u{FF5D}'
            | '\u{3009}'
            | '\u{300B}'
            | '\u{3011}'
            | '\u{3015}'
            | '\u{3017}'
            | '\u{3019}'
            | '\u{301B}'
    )
}

/// Hyphens that join the parts of a compound word like `-` does.
#[inline]
pub(super) fn is_joining_hyphen(ch: char) -> bool {
    matches!(ch, '-' | '\u{2010}' | '\u{2011}')
}

/// Sentence-final punctuation of CJK and other scripts (fullwidth `。！？`, `‼`, `⁇`…);
/// these end a sentence even without a following space.
#[inline]
pub(super) fn is_fullwidth_terminal(ch: char) -> bool {
    matches!(
        ch,
        '\u{3002}' | '\u{FF01}' | '\u{FF1F}' | '\u{FF61}' | '\u{203C}' | '\u{2047}'..='\u{2049}'
    )
}

/// Non-ASCII punctuation (an approximation of categories P*: general punctuation, CJK and
/// fullwidth punctuation, and the punctuation of the major scripts). Everything else
/// that is neither a word character nor a separator is a symbol.
#[inline]
pub(super) fn is_punct(ch: char) -> bool {
    matches!(ch as u32,
        0xA1 | 0xA7 | 0xAB | 0xB6 | 0xB7 | 0xBB | 0xBF | 0x037E | 0x0387 | 0x055A..=0x055F
        | 0x0589 | 0x058A | 0x05BE | 0x05C0 | 0x05C3 | 0x05C6 | 0x05F3 | 0x05F4
        | 0x060C | 0x060D | 0x061B | 0x061D..=0x061F | 0x066A..=0x066D | 0x06D4
        | 0x0964 | 0x0965 | 0x0970 | 0x0E4F | 0x0E5A | 0x0E5B | 0x10FB | 0x1360..=0x1368
        | 0x2010..=0x2027 | 0x2030..=0x205E | 0x2E00..=0x2E5D | 0x3001..=0x3003
        | 0x3008..=0x3011 | 0x3014..=0x301F | 0x30FB | 0xFE10..=0xFE19 | 0xFE30..=0xFE52
        | 0xFE54..=0xFE61 | 0xFE63 | 0xFE68 | 0xFE6A | 0xFE6B | 0xFF01..=0xFF03
        | 0xFF05..=0xFF0A | 0xFF0C..=0xFF0F | 0xFF1A | 0xFF1B | 0xFF1F | 0xFF20
        | 0xFF3B..=0xFF3D | 0xFF3F | 0xFF5B | 0xFF5D | 0xFF5F..=0xFF65)
}

/// Regional indicator symbols: two of them spell a flag.
#[inline]
pub(super) fn is_regional_indicator(ch: char) -> bool {
    matches!(ch as u32, 0x1F1E6..=0x1F1FF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_character_asked_for_inside_another_is_the_replacement_character() {
        let text = "Öl";
        assert_eq!(char_at(text, 0), 'Ö');
        assert_eq!(char_at(text, 1), '\u{FFFD}');
        assert_eq!(char_at(text, 2), 'l');
        assert_eq!(char_at(text, 3), '\u{FFFD}');
    }

    #[test]
    fn table_matches_std() {
        for b in 0u8..128 {
            assert_eq!(has(b, WS), (b as char).is_whitespace(), "{b:#x}");
            assert_eq!(has(b, ALNUM), b.is_ascii_alphanumeric(), "{b:#x}");
        }
        for b in 128u16..256 {
            assert_eq!(ASCII[b as usize], WORD_JOIN);
        }
    }

    #[test]
    fn alnum_run_matches_the_table() {
        let mut all: Vec<u8> = (0u8..=255).collect();
        all.extend(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
        for start in 0..all.len() {
            for len in 0..20.min(all.len() - start) {
                let b = &all[start..start + len];
                let slow = b.iter().take_while(|&&c| has(c, ALNUM)).count();
                assert_eq!(alnum_run(b), slow, "{b:?}");
            }
        }
        assert_eq!(alnum_run(b"Seventeen-year-old"), 9);
        assert_eq!(alnum_run(b"abcdefghABCDEFGH0123\xc3\xa9"), 20);
    }

    #[test]
    fn letters_of_all_scripts_are_word_characters() {
        for ch in ['é', 'Ж', 'ж', '北', 'ア', '한', 'ب', 'א', 'क', 'ß'] {
            assert!(is_word_start(ch), "{ch}");
            assert!(is_word_continue(ch), "{ch}");
        }
        // Devanagari virama and a combining acute accent continue a word.
        assert!(is_word_continue('\u{094D}'));
        assert!(is_word_continue('\u{0301}'));
        assert!(!is_word_start('\u{0301}'));
        for ch in ['€', '£', '😀', '©', '°', '…', '“', '—'] {
            assert!(!is_word_continue(ch), "{ch}");
        }
    }

    #[test]
    fn separators() {
        for ch in [' ', '\u{A0}', '\u{2009}', '\u{3000}', '\u{200B}', '\n'] {
            assert!(is_separator(ch), "{ch:?}");
        }
        assert!(!is_separator('\u{200D}'));
        assert!(!is_separator('\u{AD}'));
    }
}
