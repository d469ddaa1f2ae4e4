//! `summit-grpc`: the summit.v1.Analyzer server on its own (`summit serve` runs the same).

use std::process::ExitCode;

use clap::Parser;

/// Serve summit.v1.Analyzer over gRPC, with health and reflection, until SIGINT/SIGTERM.
#[derive(Debug, Parser)]
#[command(name = "summit-grpc", version)]
struct Cli {
    #[command(flatten)]
    config: summit_grpc::ServerConfig,
}

fn main() -> ExitCode {
    summit_grpc::server::quiet_panics("summit-grpc");
    let cli = Cli::parse();
    match summit_grpc::server::run(cli.config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("summit-grpc: {e}");
            ExitCode::FAILURE
        }
    }
}
