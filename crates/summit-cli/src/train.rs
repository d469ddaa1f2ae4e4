//! `summit train`: PLACEHOLDER.

use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Train the named-entity model from ../shared/ner and the gazetteers.
    Ner,
}

pub fn run(cmd: Command) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet: {cmd:?}")
}
