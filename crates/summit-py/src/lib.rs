//! `summit_core._summit_core`: the Python binding of summit-core.
//!
//! Conversion and error mapping only; every decision about text lives in the core.
//! [`input`] turns `str`/`bytes` into the core's bytes and back into Python offsets,
//! [`types`] holds the immutable Python classes mirroring the document contract,
//! [`errors`] the exception hierarchy, and [`parallel`] the one place where the GIL is
//! released and where a batch decides whether it may run on the thread pool.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

mod errors;
mod input;
mod parallel;
mod types;

use summit_core::{Analyzer, Limits, Options, quotes};

use crate::errors::to_py_err;
use crate::input::Input;
use crate::types::Document;

fn analyzer(lossy: bool, max_bytes: Option<usize>, attitudes: bool) -> Analyzer {
    Analyzer::new(Options {
        limits: Limits {
            max_input_bytes: max_bytes.unwrap_or(Limits::DEFAULT_MAX_INPUT_BYTES),
        },
        lossy_utf8: lossy,
    })
    .with_quote_options(quotes::Options { attitudes })
    .with_fault_injection(summit_core::fault_marker_from_env())
}

/// Analyses one article.
///
/// `text` is a `str` (offsets are then code-point indices into it) or `bytes` (byte
/// offsets). `attitudes=True` also reports attributed beliefs, wishes, intentions and
/// findings ("Okafor fears that …") as quotes. Raises a `SummitError` subclass when the
/// input cannot be analysed.
#[pyfunction]
#[pyo3(signature = (text, id = None, *, lossy = false, max_bytes = None, attitudes = false))]
fn analyze(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    id: Option<String>,
    lossy: bool,
    max_bytes: Option<usize>,
    attitudes: bool,
) -> PyResult<Document> {
    let input = Input::extract(text)?;
    let id = id.unwrap_or_default();
    let analyzer = analyzer(lossy, max_bytes, attitudes);
    let result = parallel::release_gil(py, || analyzer.analyze(&id, input.bytes()));
    match result {
        Ok(doc) => Document::new(py, doc, &input.offsets()),
        Err(e) => Err(to_py_err(&e)),
    }
}

/// Analyses many articles in parallel, without the GIL.
///
/// Returns one entry per input, in input order: the `Document`, or the `SummitError`
/// (not raised) for an input that cannot be analysed.
#[pyfunction]
#[pyo3(signature = (texts, ids = None, *, lossy = false, max_bytes = None, attitudes = false))]
fn analyze_batch(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    ids: Option<Vec<String>>,
    lossy: bool,
    max_bytes: Option<usize>,
    attitudes: bool,
) -> PyResult<Vec<Py<PyAny>>> {
    if texts.is_instance_of::<PyString>() || texts.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err(
            "texts must be an iterable of str or bytes, not a single text: use analyze()",
        ));
    }
    let inputs = texts
        .try_iter()?
        .map(|text| Input::extract(&text?))
        .collect::<PyResult<Vec<_>>>()?;
    let ids = match ids {
        Some(ids) if ids.len() != inputs.len() => {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "got {} texts but {} ids",
                inputs.len(),
                ids.len()
            )));
        }
        Some(ids) => ids,
        None => vec![String::new(); inputs.len()],
    };
    let pairs: Vec<(&str, &[u8])> = ids
        .iter()
        .map(String::as_str)
        .zip(inputs.iter().map(Input::bytes))
        .collect();
    let analyzer = analyzer(lossy, max_bytes, attitudes);
    let results = parallel::release_gil(py, || parallel::analyze_batch(&analyzer, &pairs));
    results
        .into_iter()
        .zip(&inputs)
        .map(|(result, input)| match result {
            Ok(doc) => Ok(Py::new(py, Document::new(py, doc, &input.offsets())?)?.into_any()),
            Err(e) => Ok(to_py_err(&e).into_value(py).into_any()),
        })
        .collect()
}

#[pymodule]
fn _summit_core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_batch, m)?)?;
    m.add_function(wrap_pyfunction!(parallel::_after_fork_in_child, m)?)?;
    types::register(m)?;
    errors::register(m)?;
    Ok(())
}
