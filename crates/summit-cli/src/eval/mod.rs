//! `summit eval`: scoring against gold data, following the conventions of ../shared/README.md.

use std::process::ExitCode;

pub(crate) mod ner;
mod polnear;
mod quotes;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Named entities against CoNLL-2003-style IOB files (conlleval figures).
    Ner(ner::Args),
    /// Attributions against PolNeAR (BRAT standoff).
    Quotes(quotes::Args),
}

pub fn run(cmd: Command) -> anyhow::Result<ExitCode> {
    match cmd {
        Command::Ner(args) => ner::run(args),
        Command::Quotes(args) => quotes::run(args),
    }
}
