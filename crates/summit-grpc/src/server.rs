//! The server: the analyzer service with health and reflection, explicit message-size
//! limits, and graceful shutdown on SIGINT/SIGTERM.

use std::future::Future;
use std::net::SocketAddr;

use summit_core::Limits;
use tokio::net::TcpListener;
use tonic::transport::Server;
use tonic::transport::server::TcpIncoming;

use crate::pb::analyzer_server::AnalyzerServer;
use crate::{AnalyzerService, Error, Result, pb};

/// Room above the input limit for a request's framing and id, and for a document that
/// repeats parts of its input (the cleaned text, mention and quote texts).
const MESSAGE_HEADROOM_BYTES: usize = 1024 * 1024;

/// How to run the server (the flags of `summit serve` and `summit-grpc`).
#[derive(Clone, Debug, clap::Args)]
pub struct ServerConfig {
    /// Address to listen on; port 0 picks a free port (the bound address is printed).
    #[arg(long, default_value = "127.0.0.1:50051")]
    pub addr: SocketAddr,
    /// Refuse inputs larger than this many bytes (INVALID_ARGUMENT, kind `too_large`).
    #[arg(long, default_value_t = Limits::DEFAULT_MAX_INPUT_BYTES)]
    pub max_bytes: usize,
    /// Largest gRPC message received or sent, in bytes [default: twice --max-bytes plus
    /// 1 MiB: a whole input, and a document repeating much of it].
    #[arg(long)]
    pub max_message_bytes: Option<usize>,
    /// Test-only: analyses of inputs holding this marker panic (from `SUMMIT_FAULT_INJECT`).
    #[arg(skip = summit_core::fault_marker_from_env())]
    #[doc(hidden)]
    pub fault_marker: Option<String>,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            addr: SocketAddr::from(([127, 0, 0, 1], 50051)),
            max_bytes: Limits::DEFAULT_MAX_INPUT_BYTES,
            max_message_bytes: None,
            fault_marker: None,
        }
    }
}

impl ServerConfig {
    pub fn limits(&self) -> Limits {
        Limits {
            max_input_bytes: self.max_bytes,
        }
    }

    pub fn max_message_bytes(&self) -> usize {
        self.max_message_bytes
            .unwrap_or_else(|| default_max_message_bytes(self.max_bytes))
    }
}

/// The message-size limit that fits an input of `max_input_bytes` and its document.
pub fn default_max_message_bytes(max_input_bytes: usize) -> usize {
    max_input_bytes
        .saturating_mul(2)
        .saturating_add(MESSAGE_HEADROOM_BYTES)
}

/// Binds `config.addr`.
pub async fn bind(config: &ServerConfig) -> Result<TcpListener> {
    TcpListener::bind(config.addr)
        .await
        .map_err(|source| Error::Bind {
            addr: config.addr,
            source,
        })
}

/// Serves on `listener` until `shutdown` completes, then stops accepting, lets the calls
/// in flight finish and returns.
pub async fn serve(
    listener: TcpListener,
    config: &ServerConfig,
    shutdown: impl Future<Output = ()>,
) -> Result<()> {
    let max_message = config.max_message_bytes();
    let analyzer = AnalyzerServer::new(AnalyzerService::with_fault_injection(
        config.limits(),
        config.fault_marker.clone(),
    ))
    .max_decoding_message_size(max_message)
    .max_encoding_message_size(max_message);

    let (health, health_service) = tonic_health::server::health_reporter();
    health
        .set_serving::<AnalyzerServer<AnalyzerService>>()
        .await;

    let reflection = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1()?;

    let shutdown = async move {
        shutdown.await;
        // Tell health checkers first, so that load balancers stop sending work.
        health
            .set_not_serving::<AnalyzerServer<AnalyzerService>>()
            .await;
    };

    Server::builder()
        .add_service(health_service)
        .add_service(reflection)
        .add_service(analyzer)
        .serve_with_incoming_shutdown(TcpIncoming::from(listener), shutdown)
        .await?;
    Ok(())
}

/// Replaces the default panic message with one line naming the place only. The core turns a
/// panic into an `internal` error for its one document; the default hook would also print
/// the panic's text, which may quote the article (and a server's stderr is its log).
pub fn quiet_panics(program: &'static str) {
    std::panic::set_hook(Box::new(move |info| match info.location() {
        Some(at) => eprintln!(
            "{program}: internal error at {}:{} (a bug; please report it)",
            at.file(),
            at.line()
        ),
        None => eprintln!("{program}: internal error (a bug; please report it)"),
    }));
}

/// Installs the SIGINT and SIGTERM handlers and returns a future that completes on the
/// first of them. Call it from inside the runtime, before announcing the address, so that a
/// signal sent as soon as a caller sees the address is not lost.
pub fn shutdown_signal() -> Result<impl Future<Output = ()>> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut terminate = signal(SignalKind::terminate()).map_err(Error::Signal)?;
        let mut interrupt = signal(SignalKind::interrupt()).map_err(Error::Signal)?;
        Ok(async move {
            tokio::select! {
                _ = terminate.recv() => {}
                _ = interrupt.recv() => {}
            }
        })
    }
    #[cfg(not(unix))]
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
    })
}

/// Runs the server on its own runtime until SIGINT or SIGTERM: what `summit serve` and the
/// `summit-grpc` binary do. Prints the bound address on stderr once it accepts calls.
pub fn run(config: ServerConfig) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(Error::Runtime)?;
    runtime.block_on(async {
        let signal = shutdown_signal()?;
        let listener = bind(&config).await?;
        let addr = listener.local_addr().map_err(|source| Error::Bind {
            addr: config.addr,
            source,
        })?;
        eprintln!(
            "summit: serving summit.v1.Analyzer on {addr} (max input {} bytes, max message {} bytes)",
            config.max_bytes,
            config.max_message_bytes()
        );
        serve(listener, &config, async {
            signal.await;
            eprintln!("summit: shutting down");
        })
        .await?;
        eprintln!("summit: stopped");
        Ok(())
    })
}
