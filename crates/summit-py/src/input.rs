//! Python input to core bytes, and core byte offsets back to Python offsets.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

/// What the caller passed, as the bytes the core analyses.
#[derive(Debug)]
pub struct Input {
    bytes: Vec<u8>,
    /// A `str` (offsets become code-point indices) rather than `bytes` (byte offsets).
    is_str: bool,
}

impl Input {
    /// A `str` becomes its UTF-8 encoding; one holding lone surrogates (which UTF-8
    /// cannot encode) becomes its `surrogatepass` encoding, which the core refuses as
    /// invalid UTF-8 or, with `lossy=True`, replaces. `bytes` are taken as they are.
    pub fn extract(obj: &Bound<'_, PyAny>) -> PyResult<Self> {
        if let Ok(s) = obj.cast::<PyString>() {
            let bytes = match s.to_str() {
                Ok(text) => text.as_bytes().to_vec(),
                Err(_) => s
                    .call_method1("encode", ("utf-8", "surrogatepass"))?
                    .cast_into::<PyBytes>()?
                    .as_bytes()
                    .to_vec(),
            };
            Ok(Input {
                bytes,
                is_str: true,
            })
        } else if let Ok(b) = obj.cast::<PyBytes>() {
            Ok(Input {
                bytes: b.as_bytes().to_vec(),
                is_str: false,
            })
        } else {
            Err(PyTypeError::new_err(format!(
                "text must be str or bytes, not {}",
                obj.get_type().name()?
            )))
        }
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub fn offsets(&self) -> Offsets<'_> {
        Offsets::new(&self.bytes, self.is_str)
    }
}

/// Bytes between checkpoints of the code-point count.
const STRIDE: usize = 64;

/// Maps byte offsets of the input to the offsets Python callers index with: code points
/// for a `str`, bytes for `bytes`.
#[derive(Debug)]
pub struct Offsets<'a> {
    bytes: &'a [u8],
    /// Code points before byte `i * STRIDE`; empty when offsets map to themselves
    /// (`bytes` input, or ASCII text).
    checkpoints: Vec<usize>,
}

impl<'a> Offsets<'a> {
    fn new(bytes: &'a [u8], is_str: bool) -> Self {
        let mut checkpoints = Vec::new();
        if is_str && !bytes.is_ascii() {
            let mut count = 0;
            checkpoints.reserve(bytes.len() / STRIDE + 1);
            for block in bytes.chunks(STRIDE) {
                checkpoints.push(count);
                count += code_points(block);
            }
            checkpoints.push(count);
        }
        Offsets { bytes, checkpoints }
    }

    /// The Python offset of byte offset `byte` (a character boundary of the input).
    pub fn at(&self, byte: usize) -> usize {
        if self.checkpoints.is_empty() {
            return byte;
        }
        let byte = byte.min(self.bytes.len());
        let block = byte / STRIDE;
        self.checkpoints[block] + code_points(&self.bytes[block * STRIDE..byte])
    }
}

/// Code points starting in `bytes`: every byte but UTF-8 continuation bytes.
fn code_points(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}
