//! `summit eval ner`: PLACEHOLDER.

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A CoNLL-2003 file (`word POS chunk NER`, IOB1).
    #[arg(long)]
    conll: PathBuf,
    /// Also write `token gold predicted` lines here, for any conlleval to re-score.
    #[arg(long)]
    predictions: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet: {args:?}")
}
