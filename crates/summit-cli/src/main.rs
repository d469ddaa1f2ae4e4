//! The `summit` command.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod analyze;
mod eval;
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
    /// Score the engine against gold data.
    #[command(subcommand)]
    Eval(eval::Command),
    /// Build the models that ship inside summit-core.
    #[command(subcommand)]
    Train(train::Command),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => analyze::run(args),
        Command::Eval(cmd) => eval::run(cmd),
        Command::Train(cmd) => train::run(cmd),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("summit: {e:#}");
            ExitCode::from(2)
        }
    }
}
