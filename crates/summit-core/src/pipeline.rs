//! The analysis pipeline and the mapping of its results back onto the input.

use std::borrow::Cow;
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::OnceLock;

use rayon::prelude::*;

use crate::clean::{self, Cleaned};
use crate::input::{self, Decoded, Options};
use crate::text::OffsetMap;
use crate::{Document, Error, Paragraph, Result, Span, entities, quotes, segment};

/// Runs the pipeline. Cheap to share: it holds the options and a reference to the
/// embedded models, which load once per process.
#[derive(Debug, Clone, Default)]
pub struct Analyzer {
    options: Options,
    /// What the quote stage reports (statements only by default).
    quotes: quotes::Options,
    /// Which rules of the entity stage run (all by default).
    entities: entities::Options,
    /// Test-only: panic in the entity stage on any input whose text holds this marker, to
    /// prove that every surface contains a panic to its one document.
    fault_marker: Option<String>,
}

impl Analyzer {
    pub fn new(options: Options) -> Self {
        Analyzer {
            options,
            quotes: quotes::Options::default(),
            entities: entities::Options::default(),
            fault_marker: None,
        }
    }

    /// Test-only fault injection: the same analyzer, made to panic inside the entity stage
    /// on every input whose decoded text contains `marker` (an empty marker injects
    /// nothing). The surfaces' containment tests use it, through the `SUMMIT_FAULT_INJECT`
    /// environment variable that the CLI, the server and the Python module read.
    #[doc(hidden)]
    pub fn with_fault_injection(mut self, marker: Option<String>) -> Self {
        self.fault_marker = marker.filter(|m| !m.is_empty());
        self
    }

    /// The same analyzer with the quote stage's options (e.g. attitudes reported too).
    pub fn with_quote_options(mut self, quotes: quotes::Options) -> Self {
        self.quotes = quotes;
        self
    }

    /// The same analyzer with some rules of the entity stage switched off (to measure them).
    pub fn with_entity_options(mut self, entities: entities::Options) -> Self {
        self.entities = entities;
        self
    }

    /// A process-wide analyzer with the default options.
    pub fn shared() -> &'static Analyzer {
        static SHARED: OnceLock<Analyzer> = OnceLock::new();
        SHARED.get_or_init(Analyzer::default)
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Analyses one document. `input` is the article's bytes, normally UTF-8 text.
    ///
    /// A panic in any stage (a bug) is caught here and becomes [`Error::Internal`] for this
    /// document alone, so that a batch, a stream or a run goes on. The stages share no
    /// state that a panic could leave half-written: the models are immutable, and the
    /// tagger's per-thread buffers are cleared before each use.
    pub fn analyze(&self, id: &str, input: &[u8]) -> Result<Document> {
        let stage = Cell::new("decode");
        panic::catch_unwind(AssertUnwindSafe(|| self.run_stages(id, input, &stage)))
            .unwrap_or_else(|_| Err(Error::Internal { stage: stage.get() }))
    }

    fn run_stages(&self, id: &str, input: &[u8], stage: &Cell<&'static str>) -> Result<Document> {
        let decoded = input::decode(input, &self.options)?;
        stage.set("clean");
        let cleaned = clean::clean(&decoded.text);
        if cleaned.blocks.is_empty() {
            return Err(Error::NoText);
        }
        stage.set("segment");
        let segmentation = segment::segment(&cleaned.text, &cleaned.block_spans());
        stage.set("entities");
        if let Some(marker) = &self.fault_marker
            && decoded.text.contains(marker.as_str())
        {
            panic!("fault injected: the input holds the test marker");
        }
        let found = entities::recognize_with(&cleaned, &segmentation, self.entities);
        stage.set("quotes");
        let attributed = quotes::extract_with(&cleaned, &segmentation, &found, self.quotes);
        stage.set("assemble");
        Ok(assemble(id, input, &decoded, cleaned, found, attributed))
    }

    /// Analyses many documents in parallel (rayon's global pool). One result per input,
    /// in input order: a bad document yields its own error and never a missing row.
    pub fn analyze_batch<I, T>(&self, inputs: &[(I, T)]) -> Vec<Result<Document>>
    where
        I: AsRef<str> + Sync,
        T: AsRef<[u8]> + Sync,
    {
        inputs
            .par_iter()
            .map(|(id, bytes)| self.analyze(id.as_ref(), bytes.as_ref()))
            .collect()
    }
}

/// The environment variable through which tests make every surface's analyzer panic on a
/// chosen input (see [`Analyzer::with_fault_injection`]).
#[doc(hidden)]
pub const FAULT_INJECT_ENV: &str = "SUMMIT_FAULT_INJECT";

/// The fault-injection marker the surfaces pass to [`Analyzer::with_fault_injection`]: the
/// value of `SUMMIT_FAULT_INJECT`, when set and not empty. Test-only; unset in production.
#[doc(hidden)]
pub fn fault_marker_from_env() -> Option<String> {
    std::env::var(FAULT_INJECT_ENV)
        .ok()
        .filter(|m| !m.is_empty())
}

/// Builds the document, moving every span from cleaned-text offsets to input offsets and
/// taking each span's `text` from the input.
fn assemble(
    id: &str,
    input: &[u8],
    decoded: &Decoded<'_>,
    cleaned: Cleaned,
    mut found: Vec<crate::Entity>,
    attributed: quotes::Extracted,
) -> Document {
    let to_input = SpanMapper {
        input,
        clean: &cleaned.map,
        decoded: &decoded.map,
    };
    let paragraphs = cleaned
        .blocks
        .iter()
        .map(|b| Paragraph {
            kind: b.kind,
            span: to_input.span(b.span),
        })
        .collect();
    let mut removed = cleaned.removed;
    for r in &mut removed {
        r.span = decoded.map.to_source(r.span);
    }
    for e in &mut found {
        for m in &mut e.mentions {
            m.span = to_input.span(m.span);
            m.text = to_input.text(m.span);
        }
    }
    let mut quotes = attributed.quotes;
    for q in &mut quotes {
        q.span = to_input.span(q.span);
        q.text = to_input.text(q.span);
        if let Some(c) = &mut q.cue {
            c.span = to_input.span(c.span);
            c.text = to_input.text(c.span);
        }
        if let Some(c) = &mut q.clause {
            c.span = to_input.span(c.span);
            c.text = to_input.text(c.span);
        }
        if let Some(s) = &mut q.speaker {
            s.span = to_input.span(s.span);
            s.text = to_input.text(s.span);
        }
        if let Some(a) = &mut q.addressee {
            a.span = to_input.span(a.span);
            a.text = to_input.text(a.span);
        }
    }
    let mut warnings = cleaned.warnings;
    if decoded.replaced_invalid {
        warnings.insert(
            0,
            "invalid UTF-8 sequences were replaced with U+FFFD".to_owned(),
        );
    }
    warnings.extend(attributed.warnings);
    Document {
        id: id.to_owned(),
        title: cleaned.title,
        published: cleaned.published,
        text: cleaned.text,
        paragraphs,
        removed,
        entities: found,
        quotes,
        warnings,
    }
}

/// Cleaned-text span → input span, through both offset maps.
struct SpanMapper<'a> {
    input: &'a [u8],
    clean: &'a OffsetMap,
    decoded: &'a OffsetMap,
}

impl SpanMapper<'_> {
    fn span(&self, clean_span: Span) -> Span {
        self.decoded.to_source(self.clean.to_source(clean_span))
    }

    fn text(&self, input_span: Span) -> String {
        match String::from_utf8_lossy(&self.input[input_span.start..input_span.end]) {
            Cow::Borrowed(s) => s.to_owned(),
            Cow::Owned(s) => s,
        }
    }
}
