//! `summit analyze`: PLACEHOLDER (JSON Lines only).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files to analyse.
    files: Vec<PathBuf>,
    #[arg(long, default_value = "jsonl")]
    format: String,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let mut failed = false;
    for f in &args.files {
        let id = f.display().to_string();
        let bytes = std::fs::read(f)?;
        match summit_core::analyze(&id, &bytes) {
            Ok(doc) => serde_json::to_writer(&mut out, &doc)?,
            Err(e) => {
                failed = true;
                let line = serde_json::json!({"id": id, "error": {"kind": e.kind(), "message": e.to_string()}});
                serde_json::to_writer(&mut out, &line)?
            }
        }
        writeln!(out)?;
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
