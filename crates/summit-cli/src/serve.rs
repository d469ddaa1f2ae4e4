//! `summit serve`: the gRPC server of the summit-grpc crate, under the `summit` command.

use std::process::ExitCode;

pub type Args = summit_grpc::ServerConfig;

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    summit_grpc::server::run(args)?;
    Ok(ExitCode::SUCCESS)
}
