//! Throughput of cleaning and segmentation on the BBC corpus (`../shared/corpus/bbc`,
//! read at run time): `clean` and `clean+segment` per raw input byte, `segment` per
//! cleaned byte.
//!
//! `cargo bench -p summit-core --bench clean_segment`

use std::fs;
use std::hint::black_box;
use std::path::Path;

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

fn bench(c: &mut Criterion) {
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
    eprintln!(
        "corpus: {} files, {raw_bytes} bytes raw, {clean_bytes} bytes cleaned",
        docs.len()
    );

    let mut g = c.benchmark_group("bbc");
    g.sample_size(20);

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

criterion_group!(benches, bench);
criterion_main!(benches);
