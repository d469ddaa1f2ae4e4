//! `summit eval quotes`: PLACEHOLDER.

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A PolNeAR split directory holding `text/` and `attributions/`.
    #[arg(long)]
    polnear: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet: {args:?}")
}
