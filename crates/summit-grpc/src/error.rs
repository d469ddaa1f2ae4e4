//! The crate's one error type, and the one mapping from core errors to gRPC statuses.

use std::net::SocketAddr;

use tonic::metadata::MetadataValue;
use tonic::{Code, Status};

/// The metadata key carrying the core error's kind (`empty`, `no_text`, `too_large`,
/// `invalid_utf8`, `binary` on an INVALID_ARGUMENT status; `internal` on an INTERNAL one).
pub const ERROR_KIND_KEY: &str = "summit-error-kind";

/// What went wrong serving or calling the service. Messages do not repeat their
/// `source()`: print the chain (`{:#}` with anyhow) for the whole story.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot listen on {addr}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("cannot start the server runtime: {0}")]
    Runtime(std::io::Error),
    #[error("cannot install the SIGINT/SIGTERM handlers: {0}")]
    Signal(std::io::Error),
    #[error("cannot build the reflection service")]
    Reflection(#[from] tonic_reflection::server::Error),
    #[error("gRPC transport failed")]
    Transport(#[from] tonic::transport::Error),
    /// The server refused the input or failed on it: the core's error, carried back over
    /// the wire.
    #[error("{message}")]
    Rejected { kind: String, message: String },
    /// Any other status from the server.
    #[error("the server answered {}: {}", .0.code(), .0.message())]
    Status(Status),
    #[error("the message has no {field}")]
    MissingField { field: &'static str },
    #[error("the message has an unknown {field} value {value}")]
    UnknownEnumValue { field: &'static str, value: i32 },
    #[error("offset {value} does not fit in this machine's address space")]
    OffsetOverflow { value: u64 },
}

impl Error {
    /// A stable, machine-readable name, as in the CLI's error lines. For a refused input it
    /// is the core's kind, so local and remote analysis report the same error.
    pub fn kind(&self) -> &str {
        match self {
            Error::Rejected { kind, .. } => kind,
            Error::Bind { .. } | Error::Runtime(_) | Error::Signal(_) => "server",
            Error::Reflection(_) => "server",
            Error::Transport(_) | Error::Status(_) => "rpc",
            Error::MissingField { .. }
            | Error::UnknownEnumValue { .. }
            | Error::OffsetOverflow { .. } => "protocol",
        }
    }
}

impl From<Status> for Error {
    /// Reads a status back into the error it stands for: an INVALID_ARGUMENT carrying
    /// [`ERROR_KIND_KEY`] is a refused input; anything else stays a status.
    fn from(status: Status) -> Self {
        let kind = status
            .metadata()
            .get(ERROR_KIND_KEY)
            .and_then(|v| v.to_str().ok());
        match (status.code(), kind) {
            (Code::InvalidArgument | Code::Internal, Some(kind)) => Error::Rejected {
                kind: kind.to_owned(),
                message: status.message().to_owned(),
            },
            _ => Error::Status(status),
        }
    }
}

/// The status for an input the core refused. Every variant is listed so that a new core
/// error cannot reach the wire without a decision about its code.
pub fn status_from_core(err: &summit_core::Error) -> Status {
    use summit_core::Error as Core;
    let code = match err {
        Core::Empty => Code::InvalidArgument,
        Core::NoText => Code::InvalidArgument,
        Core::TooLarge { .. } => Code::InvalidArgument,
        Core::InvalidUtf8 { .. } => Code::InvalidArgument,
        Core::Binary { .. } => Code::InvalidArgument,
        // A bug met on this input: the message names the stage, never the panic's text.
        Core::Internal { .. } => Code::Internal,
    };
    let mut status = Status::new(code, err.to_string());
    status
        .metadata_mut()
        .insert(ERROR_KIND_KEY, MetadataValue::from_static(err.kind()));
    status
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
