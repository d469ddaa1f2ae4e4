//! Turning the caller's bytes into text: limits, binary detection, UTF-8 decoding.

use std::borrow::Cow;

use crate::text::{MappedText, OffsetMap};
use crate::{Error, Result, Span};

/// Explicit bounds on what one document may cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Inputs larger than this are refused with [`Error::TooLarge`]. The default, 8 MiB,
    /// is a hundred times a long news article; the engine is linear in the input, so the
    /// bound is about memory per document, not time.
    pub max_input_bytes: usize,
}

impl Limits {
    pub const DEFAULT_MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: Self::DEFAULT_MAX_INPUT_BYTES,
        }
    }
}

/// How to read the input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub limits: Limits,
    /// Decode invalid UTF-8 as U+FFFD instead of refusing the input. Spans keep pointing at
    /// the original bytes; the `text` of a span that covers an invalid sequence then holds
    /// U+FFFD where the input held the invalid bytes.
    pub lossy_utf8: bool,
}

/// The input as text, with the map from the text back to the input bytes.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub map: OffsetMap,
    /// Whether invalid byte sequences were replaced (lossy decoding only).
    pub replaced_invalid: bool,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Share of control characters (or, when decoding lossily, replaced bytes) in the first
/// [`SNIFF_BYTES`] above which the input counts as binary.
const BINARY_CONTROL_SHARE: f64 = 0.10;
const SNIFF_BYTES: usize = 64 * 1024;

/// Checks the limits and decodes `bytes` as UTF-8 (dropping a byte-order mark).
pub fn decode<'a>(bytes: &'a [u8], options: &Options) -> Result<Decoded<'a>> {
    if bytes.is_empty() {
        return Err(Error::Empty);
    }
    let limit = options.limits.max_input_bytes;
    if bytes.len() > limit {
        return Err(Error::TooLarge {
            len: bytes.len(),
            limit,
        });
    }
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(Error::Binary {
            offset,
            reason: "NUL byte",
        });
    }
    let bom = if bytes.starts_with(UTF8_BOM) {
        UTF8_BOM.len()
    } else {
        0
    };
    let body = &bytes[bom..];
    let decoded = match std::str::from_utf8(body) {
        Ok(text) => Decoded {
            text: Cow::Borrowed(text),
            map: OffsetMap::shifted(bom, text.len()),
            replaced_invalid: false,
        },
        Err(e) if !options.lossy_utf8 => {
            sniff_binary(body, bom)?;
            return Err(Error::InvalidUtf8 {
                offset: bom + e.valid_up_to(),
            });
        }
        Err(_) => decode_lossy(body, bom),
    };
    sniff_binary(decoded.text.as_bytes(), bom)?;
    Ok(decoded)
}

fn decode_lossy(body: &[u8], bom: usize) -> Decoded<'static> {
    let mut out = MappedText::with_capacity(body.len() + 16);
    let mut at = bom;
    for chunk in body.utf8_chunks() {
        out.push_copy(chunk.valid(), at);
        at += chunk.valid().len();
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            out.push_replacement("\u{FFFD}", Span::new(at, at + invalid.len()));
            at += invalid.len();
        }
    }
    Decoded {
        text: Cow::Owned(out.text),
        map: out.map,
        replaced_invalid: true,
    }
}

/// Refuses text that is mostly control characters or replacement characters: a binary
/// file that happened to decode.
fn sniff_binary(bytes: &[u8], base: usize) -> Result<()> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let mut suspicious = 0usize;
    let mut chars = 0usize;
    let mut first = None;
    for (i, c) in String::from_utf8_lossy(head).char_indices() {
        chars += 1;
        let bad =
            (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}')) || c == '\u{FFFD}';
        if bad {
            suspicious += 1;
            first.get_or_insert(i);
        }
    }
    if chars >= 8 && suspicious as f64 > chars as f64 * BINARY_CONTROL_SHARE {
        return Err(Error::Binary {
            offset: base + first.unwrap_or(0),
            reason: "mostly control characters or undecodable bytes",
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strict() -> Options {
        Options::default()
    }

    #[test]
    fn empty_input_is_an_error() {
        assert_eq!(decode(b"", &strict()).unwrap_err(), Error::Empty);
    }

    #[test]
    fn over_limit_is_an_error_with_both_sizes() {
        let opts = Options {
            limits: Limits { max_input_bytes: 4 },
            ..Options::default()
        };
        assert_eq!(
            decode(b"hello", &opts).unwrap_err(),
            Error::TooLarge { len: 5, limit: 4 }
        );
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let err = decode(b"PK\x03\x04\x00\x00", &strict()).unwrap_err();
        assert_eq!(err.kind(), "binary");
    }

    #[test]
    fn invalid_utf8_reports_the_offset() {
        let err = decode(b"caf\xe9 au lait", &strict()).unwrap_err();
        assert_eq!(err, Error::InvalidUtf8 { offset: 3 });
    }

    #[test]
    fn lossy_decoding_maps_back_to_the_invalid_bytes() {
        let raw = b"caf\xe9 au lait";
        let opts = Options {
            lossy_utf8: true,
            ..Options::default()
        };
        let d = decode(raw, &opts).unwrap();
        assert_eq!(d.text, "caf\u{FFFD} au lait");
        assert!(d.replaced_invalid);
        let au = d.text.find("au").unwrap();
        let s = d.map.to_source(Span::new(au, au + 2));
        assert_eq!(&raw[s.start..s.end], b"au");
        let bad = d.map.to_source(Span::new(3, 6));
        assert_eq!(bad, Span::new(3, 4));
    }

    #[test]
    fn bom_is_skipped_but_offsets_count_it() {
        let raw = "\u{FEFF}Hello".as_bytes();
        let d = decode(raw, &strict()).unwrap();
        assert_eq!(d.text, "Hello");
        assert_eq!(d.map.to_source(Span::new(0, 5)), Span::new(3, 8));
    }

    #[test]
    fn control_character_soup_is_binary() {
        let raw: Vec<u8> = (1u8..32).cycle().take(400).collect();
        assert_eq!(decode(&raw, &strict()).unwrap_err().kind(), "binary");
    }

    #[test]
    fn ordinary_text_with_tabs_is_text() {
        assert!(decode(b"\t\tIndented line\r\nNext line\x0c", &strict()).is_ok());
    }
}
