//! The core's one error type: why a document could not be analysed.

use thiserror::Error;

/// Why an input could not be analysed. Each variant but [`Error::Internal`] says what was
/// wrong with the input; `Internal` is a bug in the engine, contained to the one document
/// that met it (the analyzer catches a panic in any stage and reports it here).
/// Not `#[non_exhaustive]`: the gRPC and Python surfaces map every variant explicitly, so a
/// new variant must fail their build until it has a status code and an exception class.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Error {
    /// Zero bytes.
    #[error("the input is empty")]
    Empty,
    /// Only whitespace, invisible characters or scraping debris: nothing to analyse.
    #[error("the input holds no text: only whitespace, invisible characters or debris")]
    NoText,
    /// Larger than the configured limit ([`crate::Limits::max_input_bytes`]).
    #[error("the input is {len} bytes, over the limit of {limit} bytes")]
    TooLarge { len: usize, limit: usize },
    /// Not valid UTF-8 (and lossy decoding was not asked for).
    #[error("the input is not valid UTF-8: invalid byte sequence at byte {offset}")]
    InvalidUtf8 { offset: usize },
    /// Looks like binary data rather than text (NUL bytes or mostly control characters).
    #[error("the input looks like binary data, not text ({reason} near byte {offset})")]
    Binary { offset: usize, reason: &'static str },
    /// The engine failed on this input (a bug: a panic in one of its stages). The message
    /// names the stage only: never the panic's text, which may quote the article.
    #[error(
        "internal error in the {stage} stage: summit could not analyse this input (a bug; please report it)"
    )]
    Internal { stage: &'static str },
}

impl Error {
    /// A stable, machine-readable name for the variant (used in JSON error lines and as
    /// the Python exception's `kind`).
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Empty => "empty",
            Error::NoText => "no_text",
            Error::TooLarge { .. } => "too_large",
            Error::InvalidUtf8 { .. } => "invalid_utf8",
            Error::Binary { .. } => "binary",
            Error::Internal { .. } => "internal",
        }
    }
}

impl Error {
    /// Every kind [`Error::kind`] can return, in a stable order (for surfaces that list them,
    /// and for tests that keep their own lists in step).
    pub const KINDS: [&'static str; 6] = [
        "empty",
        "no_text",
        "too_large",
        "invalid_utf8",
        "binary",
        "internal",
    ];
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
