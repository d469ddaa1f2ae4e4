//! Repairing mojibake: UTF-8 text that was decoded as Windows-1252 (or Latin-1) on its way
//! into the scrape, so that `’` reads `â€™`, `é` reads `Ã©` and `Путин` reads `ÐŸÑƒÑ‚Ð¸Ð½`.
//!
//! The repair is ftfy's: a run that starts with a character whose Windows-1252 byte is a
//! UTF-8 lead byte and continues with characters whose bytes are continuation bytes is
//! re-encoded as Windows-1252 and decoded as UTF-8. It is accepted only when the bytes form
//! one valid UTF-8 character from a block that such accidents produce (Latin letters,
//! Greek, Cyrillic, Hebrew, Arabic, punctuation, symbols, CJK, emoji), so that legitimate
//! text such as `CAFÉ”` or `Straße…` is left alone. Text encoded twice (`Ã¢â‚¬â„¢`) is
//! repaired in one step.

/// The Windows-1252 byte of `c` when it is a UTF-8 continuation byte (`0x80..=0xBF`).
///
/// Characters `U+0080..=U+00BF` map to their own value: besides Windows-1252's `U+00A0..`
/// this accepts text decoded as Latin-1, where `0x80..=0x9F` became C1 controls (the
/// WHATWG Windows-1252 decoder also maps its five undefined bytes to C1 controls).
pub(crate) fn continuation_byte(c: char) -> Option<u8> {
    let b = match c {
        '\u{80}'..='\u{BF}' => c as u8,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    };
    Some(b)
}

/// Whether `c`, read as a Windows-1252 byte, starts a multi-byte UTF-8 sequence.
#[inline]
pub(crate) fn is_lead(c: char) -> bool {
    ('\u{C2}'..='\u{F4}').contains(&c)
}

/// How many bytes a UTF-8 sequence starting with `lead` has.
fn sequence_len(lead: u8) -> usize {
    match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// Decodes one mojibake sequence at the start of `s` (one level): the character it stood
/// for and the bytes of `s` it takes.
fn decode_one(s: &str) -> Option<(char, usize)> {
    let mut chars = s.char_indices();
    let (_, lead) = chars.next()?;
    if !is_lead(lead) {
        return None;
    }
    let lead = lead as u8;
    let need = sequence_len(lead);
    let mut bytes = [lead, 0, 0, 0];
    // `need >= 2`: the loop runs at least once and sets `consumed`.
    let mut consumed = 0;
    for slot in bytes.iter_mut().take(need).skip(1) {
        let (at, c) = chars.next()?;
        *slot = continuation_byte(c)?;
        consumed = at + c.len_utf8();
    }
    let decoded = std::str::from_utf8(&bytes[..need]).ok()?;
    let c = decoded.chars().next()?;
    Some((c, consumed))
}

/// Whether a character decoded from a mojibake sequence is one that such accidents
/// plausibly produce. `lead` is the sequence's first byte.
fn plausible(lead: u8, c: char) -> bool {
    let cp = c as u32;
    match lead {
        // Latin-1 supplement (but not C1 controls) and Latin Extended-A.
        0xC2 => cp >= 0xA0,
        0xC3..=0xC5 => true,
        // Greek, Cyrillic, Hebrew, Arabic.
        0xCE..=0xD3 | 0xD7..=0xDB => true,
        // Latin Extended-B, IPA, combining marks, Armenian, Syriac, NKo: what `CAFÉ”`,
        // `Straße…` or `×½` would decode to. Not mojibake.
        0xC6..=0xCD | 0xD4..=0xD6 | 0xDC..=0xDF => false,
        // Three bytes: anything but private use.
        0xE0..=0xEF => !(0xE000..=0xF8FF).contains(&cp),
        // Four bytes: anything but the private-use planes.
        _ => cp < 0xF0000,
    }
}

/// Repairs the mojibake sequence at the start of `s`, which starts with a character for
/// which [`is_lead`] holds. Returns the repaired character and the bytes of `s` it
/// replaces, or `None` when `s` does not start with plausible mojibake.
pub(crate) fn repair(s: &str) -> Option<(char, usize)> {
    let first = s.chars().next()?;
    let (c1, n1) = match decode_one(s) {
        Some(d) => d,
        None => return repair_partial(s, first),
    };
    // Encoded twice: the first level decodes to another lead character followed by
    // sequences that decode to continuation characters.
    if is_lead(c1)
        && let Some(twice) = repair_second_level(s, c1, n1)
    {
        return Some(twice);
    }
    plausible(first as u8, c1).then_some((c1, n1))
}

fn repair_second_level(s: &str, c1: char, n1: usize) -> Option<(char, usize)> {
    let lead = c1 as u8;
    let need = sequence_len(lead);
    let mut bytes = [lead, 0, 0, 0];
    let mut consumed = n1;
    for slot in bytes.iter_mut().take(need).skip(1) {
        let (c, n) = decode_one(s.get(consumed..)?)?;
        *slot = continuation_byte(c)?;
        consumed += n;
    }
    let c = std::str::from_utf8(&bytes[..need]).ok()?.chars().next()?;
    plausible(lead, c).then_some((c, consumed))
}

/// Sequences that lost a byte on the way: `â€` whose third byte was one of Windows-1252's
/// undefined bytes and was dropped (almost always `0x9D`, the end of `”`), and `Â` before a
/// plain space (a no-break space whose second byte became a space).
fn repair_partial(s: &str, first: char) -> Option<(char, usize)> {
    let mut chars = s.chars();
    chars.next();
    let second = chars.next();
    match (first, second) {
        ('â', Some('€')) => Some(('\u{201D}', first.len_utf8() + '€'.len_utf8())),
        ('Â', Some(' ')) => Some(('\u{A0}', first.len_utf8() + 1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> Option<(char, usize)> {
        repair(s)
    }

    #[test]
    fn table_agrees_with_windows_1252() {
        // Every byte 0x80..=0xBF decodes, in Windows-1252, to a character that maps back to
        // it.
        for b in 0x80u8..=0xBF {
            let bytes = [b];
            let (decoded, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
            let c = decoded.chars().next().unwrap();
            assert_eq!(continuation_byte(c), Some(b), "byte {b:#x} ({c:?})");
        }
        // And so does the Latin-1 reading of 0x80..=0x9F.
        for b in 0x80u8..=0x9F {
            assert_eq!(continuation_byte(char::from(b)), Some(b));
        }
        assert_eq!(continuation_byte('a'), None);
        assert_eq!(continuation_byte('é'), None);
    }

    #[test]
    fn repairs_punctuation_and_letters() {
        assert_eq!(fix("â€™s"), Some(('’', "â€™".len())));
        assert_eq!(fix("â€œHi"), Some(('“', "â€œ".len())));
        assert_eq!(fix("â€\u{9d} and"), Some(('”', "â€\u{9d}".len())));
        assert_eq!(fix("â€“"), Some(('–', "â€“".len())));
        assert_eq!(fix("Ã©t"), Some(('é', "Ã©".len())));
        assert_eq!(fix("Ã±a"), Some(('ñ', "Ã±".len())));
        assert_eq!(fix("Â£5"), Some(('£', "Â£".len())));
    }

    #[test]
    fn repairs_latin1_readings_with_c1_controls() {
        assert_eq!(fix("â\u{80}\u{99}s"), Some(('’', "â\u{80}\u{99}".len())));
    }

    #[test]
    fn repairs_cyrillic_and_emoji() {
        assert_eq!(fix("ÐŸÑƒ"), Some(('П', "ÐŸ".len())));
        // U+1F600 = F0 9F 98 80.
        assert_eq!(fix("ðŸ˜€!"), Some(('😀', "ðŸ˜€".len())));
    }

    #[test]
    fn repairs_double_encoding_in_one_step() {
        let s = "Ã¢â‚¬â„¢s";
        assert_eq!(fix(s), Some(('’', s.len() - 1)));
    }

    #[test]
    fn repairs_a_lost_closing_byte() {
        assert_eq!(fix("â€ said"), Some(('”', "â€".len())));
        assert_eq!(fix("Â rest"), Some(('\u{A0}', "Â ".len())));
    }

    #[test]
    fn leaves_legitimate_text_alone() {
        assert_eq!(fix("é"), None);
        assert_eq!(fix("été"), None);
        assert_eq!(fix("É”"), None, "É” would decode to an IPA letter");
        assert_eq!(fix("ß…"), None, "ß… would decode to an NKo letter");
        assert_eq!(fix("ô"), None);
        assert_eq!(fix("Â"), None);
        assert_eq!(fix("Ãx"), None);
    }

    #[test]
    fn rejects_c1_controls_and_private_use() {
        // C2 80 is U+0080, a control.
        assert_eq!(fix("Â\u{80}"), None);
        // EE 80 80 is U+E000, private use.
        assert_eq!(fix("î\u{80}\u{80}"), None);
    }

    #[test]
    fn never_reads_past_a_short_input() {
        for s in ["â", "â€", "Ã", "ð", "ðŸ", "ðŸ˜", "Ã¢", "Ã¢â‚"] {
            let _ = fix(s);
        }
    }
}
