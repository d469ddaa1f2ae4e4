//! NER tagger throughput on ../shared/corpus/bbc, in tokens per second.
//!
//! The articles are tokenised once, outside the measurement (a simple punctuation-
//! splitting tokenizer, close to the segmenter's CoNLL/PTB-style tokens); the measured
//! work is `Tagger::tag_document` on every article: features, both passes, decoding.
//!
//! `cargo bench -p summit-core --bench ner`

use std::path::{Path, PathBuf};

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use summit_core::entities::tagger::{SentenceInput, Tagger};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                files(&p, out);
            } else if p.extension().is_some_and(|x| x == "txt") {
                out.push(p);
            }
        }
    }
}

/// Splits words from surrounding punctuation; a sentence ends at `.`, `!` or `?`.
fn tokenize(text: &str) -> Vec<Vec<String>> {
    let mut sents = Vec::new();
    for line in text.lines() {
        let mut cur = Vec::new();
        for chunk in line.split_whitespace() {
            let start = chunk
                .find(|c: char| c.is_alphanumeric())
                .unwrap_or(chunk.len());
            let end = chunk
                .rfind(|c: char| c.is_alphanumeric())
                .map_or(start, |i| {
                    i + chunk[i..].chars().next().map_or(1, char::len_utf8)
                });
            for c in chunk[..start].chars() {
                cur.push(c.to_string());
            }
            if start < end {
                cur.push(chunk[start..end].to_string());
            }
            for c in chunk[end.max(start)..].chars() {
                cur.push(c.to_string());
                if matches!(c, '.' | '!' | '?') {
                    sents.push(std::mem::take(&mut cur));
                }
            }
        }
        if !cur.is_empty() {
            sents.push(cur);
        }
    }
    sents
}

/// CPU time of the benchmark thread (Linux `/proc/thread-self/schedstat`), so that the
/// figure means "tokens per second of one core" even on a shared, loaded machine.
struct ThreadCpu(WallTime);

fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}

impl Measurement for ThreadCpu {
    type Intermediate = u64;
    type Value = std::time::Duration;

    fn start(&self) -> u64 {
        thread_cpu_ns()
    }
    fn end(&self, start: u64) -> std::time::Duration {
        std::time::Duration::from_nanos(thread_cpu_ns().saturating_sub(start))
    }
    fn add(&self, a: &std::time::Duration, b: &std::time::Duration) -> std::time::Duration {
        *a + *b
    }
    fn zero(&self) -> std::time::Duration {
        std::time::Duration::ZERO
    }
    fn to_f64(&self, v: &std::time::Duration) -> f64 {
        v.as_nanos() as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        self.0.formatter()
    }
}

fn bench(c: &mut Criterion) {
    run(c, "ner");
    load(c, "ner_model");
}

fn load<M: Measurement>(c: &mut Criterion<M>, name: &str) {
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("model/ner.bin"))
        .expect("the model file");
    let mut group = c.benchmark_group(name);
    group.sample_size(20);
    group.bench_function("parse", |b| {
        b.iter(|| {
            summit_core::entities::tagger::Model::from_bytes(&bytes).map(|m| m.num_features())
        })
    });
    group.bench_function("load", |b| b.iter(|| Tagger::from_bytes(&bytes).is_ok()));
    group.finish();
}

fn bench_cpu(c: &mut Criterion<ThreadCpu>) {
    run(c, "ner_cpu_time");
    load(c, "ner_model_cpu_time");
}

fn run<M: Measurement>(c: &mut Criterion<M>, name: &str) {
    // $SUMMIT_SHARED (set by the Makefile) or ../shared beside the repository.
    let shared = std::env::var_os("SUMMIT_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let root = shared.join("corpus/bbc");
    let mut paths = Vec::new();
    files(&root, &mut paths);
    paths.sort();
    if paths.is_empty() {
        eprintln!("no corpus at {}: skipping", root.display());
        return;
    }
    let docs: Vec<Vec<Vec<String>>> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|t| tokenize(&t))
        .collect();
    let tokens: usize = docs.iter().flatten().map(Vec::len).sum();
    let tagger = Tagger::shared();
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("tag_bbc", |b| {
        b.iter(|| {
            let mut found = 0usize;
            for d in &docs {
                let refs: Vec<Vec<&str>> = d
                    .iter()
                    .map(|s| s.iter().map(String::as_str).collect())
                    .collect();
                let inputs: Vec<SentenceInput<'_>> = refs
                    .iter()
                    .enumerate()
                    .map(|(i, t)| SentenceInput {
                        tokens: t,
                        headline: i == 0,
                    })
                    .collect();
                found += tagger
                    .tag_document(&inputs)
                    .iter()
                    .map(Vec::len)
                    .sum::<usize>();
            }
            found
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(ThreadCpu(WallTime));
    targets = bench_cpu
}
criterion_main!(benches, cpu);
