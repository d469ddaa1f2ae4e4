//! `summit analyze`: articles in, one document (or error line) per input out, in input
//! order, streamed chunk by chunk.

use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use rayon::prelude::*;
use summit_core::{Analyzer, Document, Limits, Options, quotes};

use crate::error::{Error, ErrorLine};
use crate::pretty;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files to analyse; `-` (or no file at all) reads standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// `jsonl`: one document per line (the contract); `pretty`: a summary for people.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Decode invalid UTF-8 as U+FFFD instead of refusing the input.
    #[arg(long)]
    lossy: bool,
    /// Refuse inputs larger than this many bytes (error kind `too_large`).
    #[arg(long, value_name = "N", default_value_t = Limits::DEFAULT_MAX_INPUT_BYTES, conflicts_with = "remote")]
    max_bytes: usize,
    /// Analyse on a running `summit serve` (http://host:port) instead of in this process;
    /// the server's limits apply.
    #[arg(long, value_name = "URL")]
    remote: Option<String>,
    /// Switch these rules of the entity stage off (comma-separated names, `all` for every
    /// rule; see `summit eval ner --without`), to measure what each brings.
    #[arg(
        long,
        value_name = "RULES",
        value_delimiter = ',',
        conflicts_with = "remote"
    )]
    without_entity_rules: Vec<String>,
    /// Also report attributed beliefs, wishes, intentions and findings ("Okafor fears
    /// that …", "the poll shows …") and noun-phrase contents ("denied the allegations") as
    /// indirect or mixed quotes. Works with `--remote` too.
    #[arg(long)]
    attitudes: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Jsonl,
    Pretty,
}

/// One input: where it comes from and the id its document carries.
#[derive(Debug)]
struct Input {
    id: String,
    path: Option<PathBuf>,
}

impl Input {
    fn read(&self) -> Result<Vec<u8>, Error> {
        let read = match &self.path {
            Some(path) => std::fs::read(path),
            None => {
                let mut bytes = Vec::new();
                io::stdin().lock().read_to_end(&mut bytes).map(|_| bytes)
            }
        };
        read.map_err(|source| Error::Read {
            path: self.id.clone(),
            source,
        })
    }
}

type Outcome = Result<Document, Error>;

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let inputs: Vec<Input> = if args.files.is_empty() {
        vec![Input {
            id: "-".into(),
            path: None,
        }]
    } else {
        args.files
            .iter()
            .map(|f| Input {
                id: f.display().to_string(),
                path: (f.as_os_str() != "-").then(|| f.clone()),
            })
            .collect()
    };
    let mut out = Output {
        writer: BufWriter::new(io::stdout().lock()),
        format: args.format,
        failed: false,
    };
    match &args.remote {
        None => {
            let analyzer = Analyzer::new(Options {
                limits: Limits {
                    max_input_bytes: args.max_bytes,
                },
                lossy_utf8: args.lossy,
            })
            .with_entity_options(crate::eval::ner::entity_options(
                &args.without_entity_rules,
                &[],
            )?)
            .with_quote_options(quotes::Options {
                attitudes: args.attitudes,
            })
            .with_fault_injection(summit_core::fault_marker_from_env());
            analyze_local(&analyzer, &inputs, &mut out)?;
        }
        Some(url) => analyze_remote(url, args.lossy, args.attitudes, &inputs, &mut out)?,
    }
    out.writer.flush()?;
    Ok(if out.failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Inputs analysed at once: enough to keep every core busy, few enough to bound memory
/// and to stream the output.
fn chunk_size() -> usize {
    rayon::current_num_threads().max(1) * 4
}

fn analyze_local(analyzer: &Analyzer, inputs: &[Input], out: &mut Output<'_>) -> io::Result<()> {
    for chunk in inputs.chunks(chunk_size()) {
        let outcomes: Vec<Outcome> = chunk
            .par_iter()
            .map(|input| {
                let bytes = input.read()?;
                Ok(analyzer.analyze(&input.id, &bytes)?)
            })
            .collect();
        for (input, outcome) in chunk.iter().zip(&outcomes) {
            out.write(&input.id, outcome)?;
        }
        out.writer.flush()?;
    }
    Ok(())
}

fn analyze_remote(
    url: &str,
    lossy: bool,
    attitudes: bool,
    inputs: &[Input],
    out: &mut Output<'_>,
) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let client = summit_grpc::client::Client::connect(url.to_owned())
            .await
            .with_context(|| format!("cannot connect to {url}"))?;
        for chunk in inputs.chunks(chunk_size()) {
            // Calls in flight together on the one connection, answers taken in input order.
            let calls: Vec<_> = chunk
                .iter()
                .map(|input| {
                    let bytes = input.read();
                    let mut client = client.clone();
                    let id = input.id.clone();
                    tokio::spawn(async move {
                        let bytes = bytes?;
                        Ok::<_, Error>(client.analyze(&id, bytes, lossy, attitudes).await?)
                    })
                })
                .collect();
            for (input, call) in chunk.iter().zip(calls) {
                let outcome = call.await?;
                out.write(&input.id, &outcome)?;
            }
            out.writer.flush()?;
        }
        Ok(())
    })
}

struct Output<'a> {
    writer: BufWriter<io::StdoutLock<'a>>,
    format: Format,
    failed: bool,
}

impl Output<'_> {
    fn write(&mut self, id: &str, outcome: &Outcome) -> io::Result<()> {
        if outcome.is_err() {
            self.failed = true;
        }
        match (self.format, outcome) {
            (Format::Jsonl, Ok(doc)) => serde_json::to_writer(&mut self.writer, doc)?,
            (Format::Jsonl, Err(e)) => {
                serde_json::to_writer(&mut self.writer, &ErrorLine::new(id, e))?
            }
            (Format::Pretty, Ok(doc)) => return pretty::document(&mut self.writer, doc),
            (Format::Pretty, Err(e)) => return pretty::error(&mut self.writer, id, e),
        }
        writeln!(self.writer)
    }
}
