//! The exception hierarchy: `SummitError(ValueError)` and one subclass per core error,
//! each with a `kind` class attribute equal to the core's `Error::kind()`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::{PyTypeInfo, create_exception};

create_exception!(
    summit_core,
    SummitError,
    PyValueError,
    "An input summit cannot analyse. `kind` names the reason in a stable, machine-readable way."
);
create_exception!(
    summit_core,
    EmptyInputError,
    SummitError,
    "The input is empty (zero bytes or an empty string)."
);
create_exception!(
    summit_core,
    NoTextError,
    SummitError,
    "The input holds only whitespace, invisible characters or scraping debris."
);
create_exception!(
    summit_core,
    InputTooLargeError,
    SummitError,
    "The input is larger than the size limit (`max_bytes`, in UTF-8 bytes)."
);
create_exception!(
    summit_core,
    InvalidUtf8Error,
    SummitError,
    "The input is not valid UTF-8 (pass `lossy=True` to replace invalid sequences)."
);
create_exception!(
    summit_core,
    BinaryInputError,
    SummitError,
    "The input looks like binary data rather than text."
);

create_exception!(
    summit_core,
    InternalError,
    SummitError,
    "summit failed on this input (a bug in the engine, contained to this one input; please report it)."
);

/// The exception for a core error. Every variant is listed: a new core error does not
/// build until it has its class.
pub fn to_py_err(err: &summit_core::Error) -> PyErr {
    use summit_core::Error as Core;
    let message = err.to_string();
    match err {
        Core::Empty => EmptyInputError::new_err(message),
        Core::NoText => NoTextError::new_err(message),
        Core::TooLarge { .. } => InputTooLargeError::new_err(message),
        Core::InvalidUtf8 { .. } => InvalidUtf8Error::new_err(message),
        Core::Binary { .. } => BinaryInputError::new_err(message),
        Core::Internal { .. } => InternalError::new_err(message),
    }
}

fn add<T: PyTypeInfo>(m: &Bound<'_, PyModule>, kind: &str) -> PyResult<()> {
    let class = m.py().get_type::<T>();
    class.setattr("kind", kind)?;
    m.add(class.name()?, class)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    // The base class's kind is never raised as such; subclasses override it.
    add::<SummitError>(m, "error")?;
    add::<EmptyInputError>(m, summit_core::Error::Empty.kind())?;
    add::<NoTextError>(m, summit_core::Error::NoText.kind())?;
    let too_large = summit_core::Error::TooLarge { len: 0, limit: 0 };
    add::<InputTooLargeError>(m, too_large.kind())?;
    let invalid = summit_core::Error::InvalidUtf8 { offset: 0 };
    add::<InvalidUtf8Error>(m, invalid.kind())?;
    let binary = summit_core::Error::Binary {
        offset: 0,
        reason: "",
    };
    add::<BinaryInputError>(m, binary.kind())?;
    let internal = summit_core::Error::Internal { stage: "" };
    add::<InternalError>(m, internal.kind())?;
    Ok(())
}
