//! Why one input produced an error line instead of a document.

use serde::Serialize;

/// One input's failure. Fatal problems (bad flags, an unreachable server, a closed stdout)
/// are not here: they stop the command (`anyhow`, exit status 2).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {path}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Analysis(#[from] summit_core::Error),
    #[error(transparent)]
    Remote(#[from] summit_grpc::Error),
}

impl Error {
    /// The `kind` of the error line: the core's kind for refused input (also when the
    /// server refused it), `io` for an unreadable file.
    pub fn kind(&self) -> &str {
        match self {
            Error::Read { .. } => "io",
            Error::Analysis(e) => e.kind(),
            Error::Remote(e) => e.kind(),
        }
    }
}

/// `{"id": "…", "error": {"kind": "…", "message": "…"}}`: what stands in a document's place.
#[derive(Debug, Serialize)]
pub struct ErrorLine<'a> {
    pub id: &'a str,
    pub error: ErrorBody<'a>,
}

#[derive(Debug, Serialize)]
pub struct ErrorBody<'a> {
    pub kind: &'a str,
    pub message: String,
}

impl<'a> ErrorLine<'a> {
    pub fn new(id: &'a str, error: &'a Error) -> Self {
        ErrorLine {
            id,
            error: ErrorBody {
                kind: error.kind(),
                message: chain(error),
            },
        }
    }
}

/// The error's message followed by its sources', as `anyhow` prints them (`a: b: c`),
/// skipping a source whose text its parent already ends with.
pub fn chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut message = String::new();
    let mut next = Some(error);
    while let Some(cause) = next {
        let text = cause.to_string();
        if !message.ends_with(&text) {
            if !message.is_empty() {
                message.push_str(": ");
            }
            message.push_str(&text);
        }
        next = cause.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_lines_carry_the_cause() {
        let err = Error::Read {
            path: "missing.txt".into(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "not found"),
        };
        let line = serde_json::to_string(&ErrorLine::new("missing.txt", &err)).unwrap();
        assert_eq!(
            line,
            r#"{"id":"missing.txt","error":{"kind":"io","message":"cannot read missing.txt: not found"}}"#
        );
    }

    #[test]
    fn core_errors_keep_the_core_message() {
        let err = Error::from(summit_core::Error::Empty);
        let line = ErrorLine::new("x", &err);
        assert_eq!(line.error.kind, "empty");
        assert_eq!(line.error.message, summit_core::Error::Empty.to_string());
    }
}
