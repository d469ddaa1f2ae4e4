//! Throughput of cleaning and segmentation on the BBC corpus (`../shared/corpus/bbc`,
//! read at run time): `clean` and `clean+segment` per raw input byte, `segment` per
//! cleaned byte.
//!
//! `cargo bench -p summit-core --bench clean_segment`
//!
//! Two groups run the same three benchmarks: `bbc` with criterion's wall-clock time, and
//! `bbc-cpu` with the benchmark thread's own CPU time (Linux `/proc/thread-self/schedstat`,
//! which the kernel updates at every scheduler tick and context switch). On a shared
//! machine the wall-clock figure includes the time other processes held the core; the
//! CPU-time figure does not, and is the one comparable across runs. Where schedstat is
//! unavailable, `bbc-cpu` falls back to wall-clock time.

use std::fs;
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use summit_core::{Span, clean, segment};

fn load_corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/bbc");
    let mut paths = Vec::new();
    for dir in fs::read_dir(&root).unwrap_or_else(|e| panic!("{}: {e}", root.display())) {
        let dir = dir.unwrap().path();
        if dir.is_dir() {
            for f in fs::read_dir(&dir).unwrap() {
                let f = f.unwrap().path();
                if f.extension().is_some_and(|e| e == "txt") {
                    paths.push(f);
                }
            }
        }
    }
    paths.sort();
    paths
        .iter()
        .map(|p| String::from_utf8_lossy(&fs::read(p).unwrap()).into_owned())
        .collect()
}

fn bench<M: Measurement>(c: &mut Criterion<M>, group: &str) {
    let docs = load_corpus();
    let raw_bytes: usize = docs.iter().map(String::len).sum();
    let cleaned: Vec<(String, Vec<Span>)> = docs
        .iter()
        .map(|d| {
            let c = clean::clean(d);
            let blocks = c.block_spans();
            (c.text, blocks)
        })
        .collect();
    let clean_bytes: usize = cleaned.iter().map(|(t, _)| t.len()).sum();
    let tokens: usize = cleaned
        .iter()
        .map(|(t, b)| segment::segment(t, b).tokens.len())
        .sum();
    eprintln!(
        "corpus: {} files, {raw_bytes} bytes raw, {clean_bytes} bytes cleaned, {tokens} tokens",
        docs.len()
    );

    let mut g = c.benchmark_group(group);
    g.sample_size(30);

    g.throughput(Throughput::Bytes(raw_bytes as u64));
    g.bench_function("clean", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(clean::clean(black_box(d)));
            }
        })
    });

    g.throughput(Throughput::Bytes(clean_bytes as u64));
    g.bench_function("segment", |b| {
        b.iter(|| {
            for (text, blocks) in &cleaned {
                black_box(segment::segment(black_box(text), blocks));
            }
        })
    });

    g.throughput(Throughput::Bytes(raw_bytes as u64));
    g.bench_function("clean+segment", |b| {
        b.iter(|| {
            for d in &docs {
                let c = clean::clean(black_box(d));
                black_box(segment::segment(&c.text, &c.block_spans()));
            }
        })
    });
    g.finish();
}

fn wall(c: &mut Criterion) {
    bench(c, "bbc");
}

fn cpu(c: &mut Criterion<ThreadCpuTime>) {
    bench(c, "bbc-cpu");
}

/// CPU time of the calling thread, in nanoseconds, from `/proc/thread-self/schedstat`
/// (its first field); `None` where that file does not exist.
fn thread_cpu_ns() -> Option<u64> {
    let s = fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Criterion measurement of the benchmark thread's CPU time (wall-clock time where the
/// kernel does not report it).
struct ThreadCpuTime;

enum Start {
    Cpu(u64),
    Wall(Instant),
}

impl Measurement for ThreadCpuTime {
    type Intermediate = Start;
    type Value = u64;

    fn start(&self) -> Start {
        match thread_cpu_ns() {
            Some(ns) => Start::Cpu(ns),
            None => Start::Wall(Instant::now()),
        }
    }
    fn end(&self, i: Start) -> u64 {
        match i {
            Start::Cpu(ns) => thread_cpu_ns().map_or(0, |now| now.saturating_sub(ns)),
            Start::Wall(t) => t.elapsed().as_nanos() as u64,
        }
    }
    fn add(&self, v1: &u64, v2: &u64) -> u64 {
        v1 + v2
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        WallTime.formatter()
    }
}

criterion_group!(wall_clock, wall);
criterion_group! {
    name = cpu_time;
    config = Criterion::default().with_measurement(ThreadCpuTime);
    targets = cpu
}
criterion_main!(wall_clock, cpu_time);
