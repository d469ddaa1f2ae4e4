//! The one conversion module between wire types (`pb`) and domain types (`summit_core`).
//!
//! Domain → wire never fails. Wire → domain (used by clients) checks what the wire cannot
//! promise: enum values the proto may one day add, offsets that must fit a `usize`, and
//! messages that must be present.

use summit_core::{
    Addressee, Clause, Cue, Document, Entity, EntityLabel, Mention, Paragraph, ParagraphKind,
    Quote, QuoteKind, RemovalReason, Removed, Span, Speaker,
};

use crate::pb;
use crate::{Error, Result};

// ---- domain → wire ----

fn offset(value: usize) -> u64 {
    // usize is at most 64 bits on every target Rust supports.
    value as u64
}

impl From<ParagraphKind> for pb::ParagraphKind {
    fn from(kind: ParagraphKind) -> Self {
        match kind {
            ParagraphKind::Title => pb::ParagraphKind::Title,
            ParagraphKind::Standfirst => pb::ParagraphKind::Standfirst,
            ParagraphKind::Heading => pb::ParagraphKind::Heading,
            ParagraphKind::Body => pb::ParagraphKind::Body,
        }
    }
}

impl From<RemovalReason> for pb::RemovalReason {
    fn from(reason: RemovalReason) -> Self {
        match reason {
            RemovalReason::Markup => pb::RemovalReason::Markup,
            RemovalReason::Shortcode => pb::RemovalReason::Shortcode,
            RemovalReason::Credit => pb::RemovalReason::Credit,
            RemovalReason::Caption => pb::RemovalReason::Caption,
            RemovalReason::Duplicate => pb::RemovalReason::Duplicate,
            RemovalReason::Dateline => pb::RemovalReason::Dateline,
            RemovalReason::Boilerplate => pb::RemovalReason::Boilerplate,
        }
    }
}

impl From<EntityLabel> for pb::EntityLabel {
    fn from(label: EntityLabel) -> Self {
        match label {
            EntityLabel::Person => pb::EntityLabel::Person,
            EntityLabel::Norp => pb::EntityLabel::Norp,
            EntityLabel::Fac => pb::EntityLabel::Fac,
            EntityLabel::Org => pb::EntityLabel::Org,
            EntityLabel::Gpe => pb::EntityLabel::Gpe,
            EntityLabel::Loc => pb::EntityLabel::Loc,
            EntityLabel::Event => pb::EntityLabel::Event,
            EntityLabel::Law => pb::EntityLabel::Law,
            EntityLabel::Date => pb::EntityLabel::Date,
            EntityLabel::Misc => pb::EntityLabel::Misc,
        }
    }
}

impl From<QuoteKind> for pb::QuoteKind {
    fn from(kind: QuoteKind) -> Self {
        match kind {
            QuoteKind::Direct => pb::QuoteKind::Direct,
            QuoteKind::Mixed => pb::QuoteKind::Mixed,
            QuoteKind::Indirect => pb::QuoteKind::Indirect,
            QuoteKind::Partial => pb::QuoteKind::Partial,
        }
    }
}

impl From<Document> for pb::Document {
    fn from(doc: Document) -> Self {
        pb::Document {
            id: doc.id,
            title: doc.title,
            published: doc.published,
            text: doc.text,
            paragraphs: doc.paragraphs.into_iter().map(Into::into).collect(),
            removed: doc.removed.into_iter().map(Into::into).collect(),
            entities: doc.entities.into_iter().map(Into::into).collect(),
            quotes: doc.quotes.into_iter().map(Into::into).collect(),
            warnings: doc.warnings,
        }
    }
}

impl From<Paragraph> for pb::Paragraph {
    fn from(p: Paragraph) -> Self {
        pb::Paragraph {
            kind: pb::ParagraphKind::from(p.kind).into(),
            start: offset(p.span.start),
            end: offset(p.span.end),
        }
    }
}

impl From<Removed> for pb::Removed {
    fn from(r: Removed) -> Self {
        pb::Removed {
            reason: pb::RemovalReason::from(r.reason).into(),
            start: offset(r.span.start),
            end: offset(r.span.end),
        }
    }
}

impl From<Entity> for pb::Entity {
    fn from(e: Entity) -> Self {
        pb::Entity {
            id: e.id,
            label: pb::EntityLabel::from(e.label).into(),
            name: e.name,
            roles: e.roles,
            mentions: e.mentions.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<Mention> for pb::Mention {
    fn from(m: Mention) -> Self {
        pb::Mention {
            start: offset(m.span.start),
            end: offset(m.span.end),
            text: m.text,
        }
    }
}

impl From<Quote> for pb::Quote {
    fn from(q: Quote) -> Self {
        pb::Quote {
            id: q.id,
            kind: pb::QuoteKind::from(q.kind).into(),
            text: q.text,
            start: offset(q.span.start),
            end: offset(q.span.end),
            cue: q.cue.map(Into::into),
            clause: q.clause.map(Into::into),
            speaker: q.speaker.map(Into::into),
            addressee: q.addressee.map(Into::into),
            confidence: q.confidence,
        }
    }
}

impl From<Cue> for pb::Cue {
    fn from(c: Cue) -> Self {
        pb::Cue {
            text: c.text,
            start: offset(c.span.start),
            end: offset(c.span.end),
        }
    }
}

impl From<Clause> for pb::Clause {
    fn from(c: Clause) -> Self {
        pb::Clause {
            text: c.text,
            start: offset(c.span.start),
            end: offset(c.span.end),
        }
    }
}

impl From<Speaker> for pb::Speaker {
    fn from(s: Speaker) -> Self {
        pb::Speaker {
            entity: s.entity,
            name: s.name,
            text: s.text,
            start: offset(s.span.start),
            end: offset(s.span.end),
        }
    }
}

impl From<Addressee> for pb::Addressee {
    fn from(a: Addressee) -> Self {
        pb::Addressee {
            entity: a.entity,
            text: a.text,
            start: offset(a.span.start),
            end: offset(a.span.end),
        }
    }
}

/// The batch row for an input the core refused.
pub fn analyze_error(id: String, err: &summit_core::Error) -> pb::AnalyzeError {
    pb::AnalyzeError {
        id,
        kind: err.kind().to_owned(),
        message: err.to_string(),
    }
}

// ---- wire → domain ----

fn span(start: u64, end: u64) -> Result<Span> {
    let start = usize::try_from(start).map_err(|_| Error::OffsetOverflow { value: start })?;
    let end = usize::try_from(end).map_err(|_| Error::OffsetOverflow { value: end })?;
    Ok(Span { start, end })
}

fn unknown(field: &'static str, value: i32) -> Error {
    Error::UnknownEnumValue { field, value }
}

impl TryFrom<pb::ParagraphKind> for ParagraphKind {
    type Error = Error;
    fn try_from(kind: pb::ParagraphKind) -> Result<Self> {
        Ok(match kind {
            pb::ParagraphKind::Title => ParagraphKind::Title,
            pb::ParagraphKind::Standfirst => ParagraphKind::Standfirst,
            pb::ParagraphKind::Heading => ParagraphKind::Heading,
            pb::ParagraphKind::Body => ParagraphKind::Body,
            pb::ParagraphKind::Unspecified => return Err(unknown("paragraph kind", 0)),
        })
    }
}

impl TryFrom<pb::RemovalReason> for RemovalReason {
    type Error = Error;
    fn try_from(reason: pb::RemovalReason) -> Result<Self> {
        Ok(match reason {
            pb::RemovalReason::Markup => RemovalReason::Markup,
            pb::RemovalReason::Shortcode => RemovalReason::Shortcode,
            pb::RemovalReason::Credit => RemovalReason::Credit,
            pb::RemovalReason::Caption => RemovalReason::Caption,
            pb::RemovalReason::Duplicate => RemovalReason::Duplicate,
            pb::RemovalReason::Dateline => RemovalReason::Dateline,
            pb::RemovalReason::Boilerplate => RemovalReason::Boilerplate,
            pb::RemovalReason::Unspecified => return Err(unknown("removal reason", 0)),
        })
    }
}

impl TryFrom<pb::EntityLabel> for EntityLabel {
    type Error = Error;
    fn try_from(label: pb::EntityLabel) -> Result<Self> {
        Ok(match label {
            pb::EntityLabel::Person => EntityLabel::Person,
            pb::EntityLabel::Norp => EntityLabel::Norp,
            pb::EntityLabel::Fac => EntityLabel::Fac,
            pb::EntityLabel::Org => EntityLabel::Org,
            pb::EntityLabel::Gpe => EntityLabel::Gpe,
            pb::EntityLabel::Loc => EntityLabel::Loc,
            pb::EntityLabel::Event => EntityLabel::Event,
            pb::EntityLabel::Law => EntityLabel::Law,
            pb::EntityLabel::Date => EntityLabel::Date,
            pb::EntityLabel::Misc => EntityLabel::Misc,
            pb::EntityLabel::Unspecified => return Err(unknown("entity label", 0)),
        })
    }
}

impl TryFrom<pb::QuoteKind> for QuoteKind {
    type Error = Error;
    fn try_from(kind: pb::QuoteKind) -> Result<Self> {
        Ok(match kind {
            pb::QuoteKind::Direct => QuoteKind::Direct,
            pb::QuoteKind::Mixed => QuoteKind::Mixed,
            pb::QuoteKind::Indirect => QuoteKind::Indirect,
            pb::QuoteKind::Partial => QuoteKind::Partial,
            pb::QuoteKind::Unspecified => return Err(unknown("quote kind", 0)),
        })
    }
}

/// An `i32` enum field → its domain enum, through the generated wire enum.
fn wire_enum<W, D>(field: &'static str, value: i32) -> Result<D>
where
    W: TryFrom<i32>,
    D: TryFrom<W, Error = Error>,
{
    W::try_from(value)
        .map_err(|_| unknown(field, value))
        .and_then(D::try_from)
}

impl TryFrom<pb::Document> for Document {
    type Error = Error;
    fn try_from(doc: pb::Document) -> Result<Self> {
        Ok(Document {
            id: doc.id,
            title: doc.title,
            published: doc.published,
            text: doc.text,
            paragraphs: doc
                .paragraphs
                .into_iter()
                .map(TryInto::try_into)
                .collect::<Result<_>>()?,
            removed: doc
                .removed
                .into_iter()
                .map(TryInto::try_into)
                .collect::<Result<_>>()?,
            entities: doc
                .entities
                .into_iter()
                .map(TryInto::try_into)
                .collect::<Result<_>>()?,
            quotes: doc
                .quotes
                .into_iter()
                .map(TryInto::try_into)
                .collect::<Result<_>>()?,
            warnings: doc.warnings,
        })
    }
}

impl TryFrom<pb::Paragraph> for Paragraph {
    type Error = Error;
    fn try_from(p: pb::Paragraph) -> Result<Self> {
        Ok(Paragraph {
            kind: wire_enum::<pb::ParagraphKind, _>("paragraph kind", p.kind)?,
            span: span(p.start, p.end)?,
        })
    }
}

impl TryFrom<pb::Removed> for Removed {
    type Error = Error;
    fn try_from(r: pb::Removed) -> Result<Self> {
        Ok(Removed {
            reason: wire_enum::<pb::RemovalReason, _>("removal reason", r.reason)?,
            span: span(r.start, r.end)?,
        })
    }
}

impl TryFrom<pb::Entity> for Entity {
    type Error = Error;
    fn try_from(e: pb::Entity) -> Result<Self> {
        Ok(Entity {
            id: e.id,
            label: wire_enum::<pb::EntityLabel, _>("entity label", e.label)?,
            name: e.name,
            roles: e.roles,
            mentions: e
                .mentions
                .into_iter()
                .map(TryInto::try_into)
                .collect::<Result<_>>()?,
        })
    }
}

impl TryFrom<pb::Mention> for Mention {
    type Error = Error;
    fn try_from(m: pb::Mention) -> Result<Self> {
        Ok(Mention {
            span: span(m.start, m.end)?,
            text: m.text,
        })
    }
}

impl TryFrom<pb::Quote> for Quote {
    type Error = Error;
    fn try_from(q: pb::Quote) -> Result<Self> {
        Ok(Quote {
            id: q.id,
            kind: wire_enum::<pb::QuoteKind, _>("quote kind", q.kind)?,
            text: q.text,
            span: span(q.start, q.end)?,
            cue: q.cue.map(TryInto::try_into).transpose()?,
            clause: q.clause.map(TryInto::try_into).transpose()?,
            speaker: q.speaker.map(TryInto::try_into).transpose()?,
            addressee: q.addressee.map(TryInto::try_into).transpose()?,
            confidence: q.confidence,
        })
    }
}

impl TryFrom<pb::Cue> for Cue {
    type Error = Error;
    fn try_from(c: pb::Cue) -> Result<Self> {
        Ok(Cue {
            text: c.text,
            span: span(c.start, c.end)?,
        })
    }
}

impl TryFrom<pb::Clause> for Clause {
    type Error = Error;
    fn try_from(c: pb::Clause) -> Result<Self> {
        Ok(Clause {
            text: c.text,
            span: span(c.start, c.end)?,
        })
    }
}

impl TryFrom<pb::Speaker> for Speaker {
    type Error = Error;
    fn try_from(s: pb::Speaker) -> Result<Self> {
        Ok(Speaker {
            entity: s.entity,
            name: s.name,
            text: s.text,
            span: span(s.start, s.end)?,
        })
    }
}

impl TryFrom<pb::Addressee> for Addressee {
    type Error = Error;
    fn try_from(a: pb::Addressee) -> Result<Self> {
        Ok(Addressee {
            entity: a.entity,
            text: a.text,
            span: span(a.start, a.end)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        let span = Span::new(4, 9);
        Document {
            id: "doc".into(),
            title: Some("Title".into()),
            published: None,
            text: "Title\n\nBody.".into(),
            paragraphs: vec![Paragraph {
                kind: ParagraphKind::Standfirst,
                span,
            }],
            removed: vec![Removed {
                reason: RemovalReason::Caption,
                span,
            }],
            entities: vec![Entity {
                id: "e1".into(),
                label: EntityLabel::Law,
                name: "New START".into(),
                roles: vec!["treaty".into()],
                mentions: vec![Mention {
                    span,
                    text: "START".into(),
                }],
            }],
            quotes: vec![Quote {
                id: "q1".into(),
                kind: QuoteKind::Mixed,
                text: "words".into(),
                span,
                cue: Some(Cue {
                    text: "said".into(),
                    span,
                }),
                clause: Some(Clause {
                    text: "them words".into(),
                    span,
                }),
                speaker: Some(Speaker {
                    entity: None,
                    name: None,
                    text: "an official".into(),
                    span,
                }),
                addressee: Some(Addressee {
                    entity: Some("e1".into()),
                    text: "Reuters".into(),
                    span,
                }),
                confidence: 0.7,
            }],
            warnings: vec!["unbalanced quotation marks".into()],
        }
    }

    #[test]
    fn documents_survive_the_wire() {
        let doc = sample();
        let wire = pb::Document::from(doc.clone());
        assert_eq!(Document::try_from(wire).unwrap(), doc);
    }

    #[test]
    fn every_enum_value_round_trips() {
        for label in EntityLabel::ALL {
            let wire: pb::EntityLabel = label.into();
            assert_eq!(EntityLabel::try_from(wire).unwrap(), label);
        }
    }

    #[test]
    fn unspecified_enums_are_refused() {
        let mut wire = pb::Document::from(sample());
        wire.paragraphs[0].kind = 0;
        assert!(matches!(
            Document::try_from(wire.clone()),
            Err(Error::UnknownEnumValue { value: 0, .. })
        ));
        wire.paragraphs[0].kind = 99;
        assert!(matches!(
            Document::try_from(wire),
            Err(Error::UnknownEnumValue { value: 99, .. })
        ));
    }
}
