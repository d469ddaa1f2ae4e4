//! Immutable Python classes mirroring the document contract field for field.
//!
//! Offsets are Python offsets into the caller's input (see [`crate::input::Offsets`]);
//! `to_dict()` gives the JSON contract with those offsets.

use pyo3::PyClass;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::input::Offsets;

/// `repr()` of a Python string, for `__repr__`s that read like Python.
fn r(py: Python<'_>, s: &str) -> String {
    PyString::new(py, s)
        .repr()
        .map(|r| r.to_string())
        .unwrap_or_else(|_| format!("{s:?}"))
}

fn r_opt(py: Python<'_>, s: Option<&str>) -> String {
    s.map_or_else(|| "None".to_owned(), |s| r(py, s))
}

/// An `f32` as the `float` its shortest decimal form reads as: what the JSON contract
/// (and `json.loads` of it) holds, not the binary widening (`0.8`, not `0.800000011920929`).
fn float(value: f32) -> f64 {
    value.to_string().parse().unwrap_or(f64::from(value))
}

/// A tuple of pyclass objects.
fn tuple<'py, T, U>(py: Python<'py>, items: impl IntoIterator<Item = T>) -> PyResult<Py<PyTuple>>
where
    T: Into<PyClassInitializer<U>>,
    U: PyClass,
{
    let objects = items
        .into_iter()
        .map(|item| Bound::new(py, item))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(PyTuple::new(py, objects)?.unbind())
}

/// `[item.to_dict() for item in items]`.
fn dicts<'py, T: PyClass<Frozen = pyo3::pyclass::boolean_struct::True> + Sync + ToDict>(
    py: Python<'py>,
    items: &Py<PyTuple>,
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for item in items.bind(py).iter() {
        list.append(item.cast::<T>()?.get().to_dict(py)?)?;
    }
    Ok(list)
}

trait ToDict {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>>;
}

/// Everything summit found in one article.
#[derive(Debug)]
#[pyclass(frozen, module = "summit_core")]
pub struct Document {
    #[pyo3(get)]
    id: String,
    #[pyo3(get)]
    title: Option<String>,
    #[pyo3(get)]
    published: Option<String>,
    #[pyo3(get)]
    text: Py<PyString>,
    #[pyo3(get)]
    paragraphs: Py<PyTuple>,
    #[pyo3(get)]
    removed: Py<PyTuple>,
    #[pyo3(get)]
    entities: Py<PyTuple>,
    #[pyo3(get)]
    quotes: Py<PyTuple>,
    #[pyo3(get)]
    warnings: Py<PyTuple>,
}

impl Document {
    pub fn new(py: Python<'_>, doc: summit_core::Document, at: &Offsets<'_>) -> PyResult<Self> {
        Ok(Document {
            id: doc.id,
            title: doc.title,
            published: doc.published,
            text: PyString::new(py, &doc.text).unbind(),
            paragraphs: tuple(
                py,
                doc.paragraphs.into_iter().map(|p| Paragraph {
                    kind: p.kind.as_str(),
                    start: at.at(p.span.start),
                    end: at.at(p.span.end),
                }),
            )?,
            removed: tuple(
                py,
                doc.removed.into_iter().map(|r| Removed {
                    reason: r.reason.as_str(),
                    start: at.at(r.span.start),
                    end: at.at(r.span.end),
                }),
            )?,
            entities: tuple(
                py,
                doc.entities
                    .into_iter()
                    .map(|e| Entity::new(py, e, at))
                    .collect::<PyResult<Vec<_>>>()?,
            )?,
            quotes: tuple(
                py,
                doc.quotes
                    .into_iter()
                    .map(|q| Quote::new(py, q, at))
                    .collect::<PyResult<Vec<_>>>()?,
            )?,
            warnings: PyTuple::new(py, doc.warnings)?.unbind(),
        })
    }
}

impl ToDict for Document {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("id", &self.id)?;
        d.set_item("title", &self.title)?;
        d.set_item("published", &self.published)?;
        d.set_item("text", self.text.bind(py))?;
        d.set_item("paragraphs", dicts::<Paragraph>(py, &self.paragraphs)?)?;
        d.set_item("removed", dicts::<Removed>(py, &self.removed)?)?;
        d.set_item("entities", dicts::<Entity>(py, &self.entities)?)?;
        d.set_item("quotes", dicts::<Quote>(py, &self.quotes)?)?;
        d.set_item("warnings", PyList::new(py, self.warnings.bind(py).iter())?)?;
        Ok(d)
    }
}

#[pymethods]
impl Document {
    /// The document as the JSON contract's dict (offsets as this object holds them).
    #[pyo3(name = "to_dict")]
    fn py_to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.to_dict(py)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let len = |t: &Py<PyTuple>| t.bind(py).len();
        format!(
            "Document(id={}, title={}, published={}, paragraphs={}, removed={}, entities={}, quotes={}, warnings={})",
            r(py, &self.id),
            r_opt(py, self.title.as_deref()),
            r_opt(py, self.published.as_deref()),
            len(&self.paragraphs),
            len(&self.removed),
            len(&self.entities),
            len(&self.quotes),
            len(&self.warnings),
        )
    }
}

/// One kept block of the article.
#[derive(Debug)]
#[pyclass(frozen, module = "summit_core")]
pub struct Paragraph {
    #[pyo3(get)]
    kind: &'static str,
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
}

impl ToDict for Paragraph {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("kind", self.kind)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        Ok(d)
    }
}

#[pymethods]
impl Paragraph {
    #[pyo3(name = "to_dict")]
    fn py_to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.to_dict(py)
    }

    fn __repr__(&self) -> String {
        format!(
            "Paragraph(kind='{}', start={}, end={})",
            self.kind, self.start, self.end
        )
    }
}

/// A stretch of the input the cleaner dropped, and why.
#[derive(Debug)]
#[pyclass(frozen, module = "summit_core")]
pub struct Removed {
    #[pyo3(get)]
    reason: &'static str,
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
}

impl ToDict for Removed {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("reason", self.reason)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        Ok(d)
    }
}

#[pymethods]
impl Removed {
    #[pyo3(name = "to_dict")]
    fn py_to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.to_dict(py)
    }

    fn __repr__(&self) -> String {
        format!(
            "Removed(reason='{}', start={}, end={})",
            self.reason, self.start, self.end
        )
    }
}

/// A named entity with every mention.
#[derive(Debug)]
#[pyclass(frozen, module = "summit_core")]
pub struct Entity {
    #[pyo3(get)]
    id: String,
    #[pyo3(get)]
    label: &'static str,
    #[pyo3(get)]
    name: String,
    #[pyo3(get)]
    roles: Py<PyTuple>,
    #[pyo3(get)]
    mentions: Py<PyTuple>,
}

impl Entity {
    fn new(py: Python<'_>, e: summit_core::Entity, at: &Offsets<'_>) -> PyResult<Self> {
        Ok(Entity {
            id: e.id,
            label: e.label.as_str(),
            name: e.name,
            roles: PyTuple::new(py, e.roles)?.unbind(),
            mentions: tuple(
                py,
                e.mentions.into_iter().map(|m| Mention {
                    start: at.at(m.span.start),
                    end: at.at(m.span.end),
                    text: m.text,
                }),
            )?,
        })
    }
}

impl ToDict for Entity {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("id", &self.id)?;
        d.set_item("label", self.label)?;
        d.set_item("name", &self.name)?;
        d.set_item("roles", PyList::new(py, self.roles.bind(py).iter())?)?;
        d.set_item("mentions", dicts::<Mention>(py, &self.mentions)?)?;
        Ok(d)
    }
}

#[pymethods]
impl Entity {
    #[pyo3(name = "to_dict")]
    fn py_to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.to_dict(py)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Entity(id={}, label='{}', name={}, roles={}, mentions={})",
            r(py, &self.id),
            self.label,
            r(py, &self.name),
            self.roles.bind(py).len(),
            self.mentions.bind(py).len(),
        )
    }
}

/// One mention of an entity.
#[derive(Debug)]
#[pyclass(frozen, module = "summit_core")]
pub struct Mention {
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get)]
    text: String,
}

impl ToDict for Mention {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("text", &self.text)?;
        Ok(d)
    }
}

#[pymethods]
impl Mention {
    #[pyo3(name = "to_dict")]
    fn py_to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.to_dict(py)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Mention(start={}, end={}, text={})",
            self.start,
            self.end,
            r(py, &self.text)
        )
    }
}

/// An attributed statement.
#[derive(Debug)]
#[pyclass(frozen, module = "summit_core")]
pub struct Quote {
    #[pyo3(get)]
    id: String,
    #[pyo3(get)]
    kind: &'static str,
    #[pyo3(get)]
    text: String,
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get)]
    cue: Option<Py<Cue>>,
    #[pyo3(get)]
    clause: Option<Py<Clause>>,
    #[pyo3(get)]
    speaker: Option<Py<Speaker>>,
    #[pyo3(get)]
    addressee: Option<Py<Addressee>>,
    #[pyo3(get)]
    confidence: f64,
}

impl Quote {
    fn new(py: Python<'_>, q: summit_core::Quote, at: &Offsets<'_>) -> PyResult<Self> {
        Ok(Quote {
            id: q.id,
            kind: q.kind.as_str(),
            text: q.text,
            start: at.at(q.span.start),
            end: at.at(q.span.end),
            cue: q
                .cue
                .map(|c| Py::new(py, Cue::new(c.text, c.span, at)))
                .transpose()?,
            clause: q
                .clause
                .map(|c| Py::new(py, Clause::new(c.text, c.span, at)))
                .transpose()?,
            speaker: q
                .speaker
                .map(|s| {
                    Py::new(
                        py,
                        Speaker {
                            entity: s.entity,
                            name: s.name,
                            text: s.text,
                            start: at.at(s.span.start),
                            end: at.at(s.span.end),
                        },
                    )
                })
                .transpose()?,
            addressee: q
                .addressee
                .map(|a| {
                    Py::new(
                        py,
                        Addressee {
                            entity: a.entity,
                            text: a.text,
                            start: at.at(a.span.start),
                            end: at.at(a.span.end),
                        },
                    )
                })
                .transpose()?,
            confidence: float(q.confidence),
        })
    }
}

fn optional_dict<'py, T: PyClass<Frozen = pyo3::pyclass::boolean_struct::True> + Sync + ToDict>(
    py: Python<'py>,
    item: &Option<Py<T>>,
) -> PyResult<Option<Bound<'py, PyDict>>> {
    item.as_ref().map(|i| i.get().to_dict(py)).transpose()
}

impl ToDict for Quote {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("id", &self.id)?;
        d.set_item("kind", self.kind)?;
        d.set_item("text", &self.text)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("cue", optional_dict(py, &self.cue)?)?;
        d.set_item("clause", optional_dict(py, &self.clause)?)?;
        d.set_item("speaker", optional_dict(py, &self.speaker)?)?;
        d.set_item("addressee", optional_dict(py, &self.addressee)?)?;
        d.set_item("confidence", self.confidence)?;
        Ok(d)
    }
}

#[pymethods]
impl Quote {
    #[pyo3(name = "to_dict")]
    fn py_to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.to_dict(py)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let speaker = self.speaker.as_ref().map(|s| s.get().text.as_str());
        format!(
            "Quote(id={}, kind='{}', speaker={}, confidence={}, text={})",
            r(py, &self.id),
            self.kind,
            r_opt(py, speaker),
            self.confidence,
            r(py, &self.text),
        )
    }
}

/// A quote's part that is a stretch of the input and nothing more: its words and their
/// offsets. One definition for each such class, so that they stay alike.
macro_rules! excerpt_class {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug)]
        #[pyclass(frozen, module = "summit_core")]
        pub struct $name {
            #[pyo3(get)]
            text: String,
            #[pyo3(get)]
            start: usize,
            #[pyo3(get)]
            end: usize,
        }

        impl $name {
            fn new(text: String, span: summit_core::Span, at: &Offsets<'_>) -> Self {
                $name {
                    text,
                    start: at.at(span.start),
                    end: at.at(span.end),
                }
            }
        }

        impl ToDict for $name {
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                let d = PyDict::new(py);
                d.set_item("text", &self.text)?;
                d.set_item("start", self.start)?;
                d.set_item("end", self.end)?;
                Ok(d)
            }
        }

        #[pymethods]
        impl $name {
            #[pyo3(name = "to_dict")]
            fn py_to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                self.to_dict(py)
            }

            fn __repr__(&self, py: Python<'_>) -> String {
                format!(
                    "{}(text={}, start={}, end={})",
                    stringify!($name),
                    r(py, &self.text),
                    self.start,
                    self.end
                )
            }
        }
    };
}

excerpt_class!(
    /// The reporting expression of a quote ("said", "told", "according to").
    Cue
);

excerpt_class!(
    /// For a partial quote, the reported clause that holds the quoted words.
    Clause
);

/// Who said it.
#[derive(Debug)]
#[pyclass(frozen, module = "summit_core")]
pub struct Speaker {
    #[pyo3(get)]
    entity: Option<String>,
    #[pyo3(get)]
    name: Option<String>,
    #[pyo3(get)]
    text: String,
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
}

impl ToDict for Speaker {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("entity", &self.entity)?;
        d.set_item("name", &self.name)?;
        d.set_item("text", &self.text)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        Ok(d)
    }
}

#[pymethods]
impl Speaker {
    #[pyo3(name = "to_dict")]
    fn py_to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.to_dict(py)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Speaker(entity={}, name={}, text={}, start={}, end={})",
            r_opt(py, self.entity.as_deref()),
            r_opt(py, self.name.as_deref()),
            r(py, &self.text),
            self.start,
            self.end
        )
    }
}

/// Whom it was said to ("told Reuters").
#[derive(Debug)]
#[pyclass(frozen, module = "summit_core")]
pub struct Addressee {
    #[pyo3(get)]
    entity: Option<String>,
    #[pyo3(get)]
    text: String,
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
}

impl ToDict for Addressee {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("entity", &self.entity)?;
        d.set_item("text", &self.text)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        Ok(d)
    }
}

#[pymethods]
impl Addressee {
    #[pyo3(name = "to_dict")]
    fn py_to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.to_dict(py)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Addressee(entity={}, text={}, start={}, end={})",
            r_opt(py, self.entity.as_deref()),
            r(py, &self.text),
            self.start,
            self.end
        )
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Document>()?;
    m.add_class::<Paragraph>()?;
    m.add_class::<Removed>()?;
    m.add_class::<Entity>()?;
    m.add_class::<Mention>()?;
    m.add_class::<Quote>()?;
    m.add_class::<Cue>()?;
    m.add_class::<Clause>()?;
    m.add_class::<Speaker>()?;
    m.add_class::<Addressee>()?;
    Ok(())
}
