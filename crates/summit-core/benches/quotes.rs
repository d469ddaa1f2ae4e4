//! The quote stage's cost: the full pipeline on `../shared/corpus/bbc` with and without it.
//!
//! `cargo bench -p summit-core --bench quotes`. Stages are called directly (`clean::clean`,
//! `segment::segment`, `entities::recognize`, `quotes::extract`) so that the only
//! difference between the two runs is the quote stage. Throughput is in input bytes.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use summit_core::{clean, entities, quotes, segment};

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/bbc");
    let mut files = Vec::new();
    for d in std::fs::read_dir(&root)
        .expect("../shared/corpus/bbc")
        .flatten()
    {
        if let Ok(entries) = std::fs::read_dir(d.path()) {
            for e in entries.flatten() {
                let p = e.path();
                if p.extension().is_some_and(|x| x == "txt") {
                    files.push(p);
                }
            }
        }
    }
    files.sort();
    files
        .iter()
        .map(|p| String::from_utf8_lossy(&std::fs::read(p).expect("read")).into_owned())
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group("bbc");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("pipeline without quotes", |b| {
        b.iter(|| {
            for d in &docs {
                let cleaned = clean::clean(d);
                let seg = segment::segment(&cleaned.text, &cleaned.block_spans());
                let ents = entities::recognize(&cleaned, &seg);
                black_box((&seg, &ents));
            }
        })
    });
    g.bench_function("pipeline with quotes", |b| {
        b.iter(|| {
            for d in &docs {
                let cleaned = clean::clean(d);
                let seg = segment::segment(&cleaned.text, &cleaned.block_spans());
                let ents = entities::recognize(&cleaned, &seg);
                black_box(quotes::extract(&cleaned, &seg, &ents));
            }
        })
    });
    g.bench_function("quote stage alone", |b| {
        let prepared: Vec<_> = docs
            .iter()
            .map(|d| {
                let cleaned = clean::clean(d);
                let seg = segment::segment(&cleaned.text, &cleaned.block_spans());
                let ents = entities::recognize(&cleaned, &seg);
                (cleaned, seg, ents)
            })
            .collect();
        b.iter(|| {
            for (cleaned, seg, ents) in &prepared {
                black_box(quotes::extract(cleaned, seg, ents));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
