//! Where the GIL is released, and whether a batch may use the thread pool.
//!
//! Like huggingface/tokenizers: one switch, `SUMMIT_PARALLELISM=false`, keeps batches on
//! the calling thread; and after `os.fork()` in a process whose pool already ran, the
//! child (which inherits the pool's state but not its threads) stays sequential instead
//! of deadlocking.

use std::sync::atomic::{AtomicBool, Ordering};

use pyo3::prelude::*;
use pyo3::pyfunction;
use summit_core::{Analyzer, Document};

static POOL_USED: AtomicBool = AtomicBool::new(false);
static POOL_UNUSABLE: AtomicBool = AtomicBool::new(false);

/// Runs `f` with the GIL released: every call into the core goes through here.
pub fn release_gil<T, F>(py: Python<'_>, f: F) -> T
where
    F: FnOnce() -> T + Send,
    T: Send,
{
    py.detach(f)
}

fn parallelism_enabled() -> bool {
    if POOL_UNUSABLE.load(Ordering::Relaxed) {
        return false;
    }
    match std::env::var("SUMMIT_PARALLELISM") {
        Ok(v) => !matches!(
            v.to_ascii_lowercase().as_str(),
            "0" | "false" | "off" | "no"
        ),
        Err(_) => true,
    }
}

/// One result per input, in order; on the thread pool when parallelism is enabled.
pub fn analyze_batch(
    analyzer: &Analyzer,
    inputs: &[(&str, &[u8])],
) -> Vec<summit_core::Result<Document>> {
    if inputs.len() > 1 && parallelism_enabled() {
        POOL_USED.store(true, Ordering::Relaxed);
        analyzer.analyze_batch(inputs)
    } else {
        inputs
            .iter()
            .map(|(id, bytes)| analyzer.analyze(id, bytes))
            .collect()
    }
}

/// Registered with `os.register_at_fork(after_in_child=…)` by the package.
#[pyfunction]
pub fn _after_fork_in_child() {
    if POOL_USED.load(Ordering::Relaxed) {
        POOL_UNUSABLE.store(true, Ordering::Relaxed);
    }
}
