//! summit-grpc: the `summit.v1.Analyzer` gRPC service over summit-core.
//!
//! An adapter and nothing more: [`service`] runs the core off the async executor,
//! [`convert`] turns domain types into wire types and back, [`error`] maps the core's
//! errors to gRPC statuses, [`server`] puts the service behind a listener with health,
//! reflection, message-size limits and graceful shutdown, and [`client`] is the thin
//! client that `summit analyze --remote` uses.

pub mod client;
pub mod convert;
pub mod error;
pub mod server;
pub mod service;

pub use error::{Error, Result};
pub use server::ServerConfig;
pub use service::AnalyzerService;

/// The generated `summit.v1` messages and stubs.
#[allow(missing_debug_implementations, clippy::all, clippy::pedantic)]
pub mod pb {
    tonic::include_proto!("summit.v1");

    /// The encoded file descriptor set of `summit.v1`, served by gRPC reflection.
    pub const FILE_DESCRIPTOR_SET: &[u8] =
        include_bytes!(concat!(env!("OUT_DIR"), "/summit_v1_descriptor.bin"));
}
