//! The `summit` command. PLACEHOLDER: only `analyze FILE…` in JSON Lines.

use std::io::Write;
use std::process::ExitCode;

fn main() -> anyhow::Result<ExitCode> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let files: Vec<&String> = args.iter().skip(1).filter(|a| !a.starts_with("--") && *a != "jsonl").collect();
    let mut out = std::io::stdout().lock();
    let mut failed = false;
    for f in files {
        let bytes = std::fs::read(f)?;
        match summit_core::analyze(f, &bytes) {
            Ok(doc) => serde_json::to_writer(&mut out, &doc)?,
            Err(e) => {
                failed = true;
                serde_json::to_writer(&mut out, &serde_json::json!({"id": f, "error": {"kind": e.kind(), "message": e.to_string()}}))?
            }
        }
        writeln!(out)?;
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
