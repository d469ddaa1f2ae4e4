//! The `summit` command.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod analyze;
mod error;
mod eval;
mod pretty;
mod serve;
mod train;

#[derive(Debug, Parser)]
#[command(
    name = "summit",
    version,
    about = "Structured facts from news text: clean text, entities, quotes"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Analyse articles and print one document per input.
    Analyze(analyze::Args),
    /// Serve summit.v1.Analyzer over gRPC (with health and reflection) until SIGINT/SIGTERM.
    Serve(serve::Args),
    /// Score the engine against gold data.
    #[command(subcommand)]
    Eval(eval::Command),
    /// Build the models that ship inside summit-core.
    #[command(subcommand)]
    Train(train::Command),
}

fn main() -> ExitCode {
    summit_grpc::server::quiet_panics("summit");
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => analyze::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Eval(cmd) => eval::run(cmd),
        Command::Train(cmd) => train::run(cmd),
    };
    match result {
        Ok(code) => code,
        // A reader that went away (`summit analyze … | head`) is not an error.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("summit: {}", error::chain(e.as_ref()));
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
