//! The tag set: CoNLL entity types in BILOU encoding, and what may follow what.

use std::ops::Range;

/// The four CoNLL-2003 entity types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ConllType {
    /// People.
    Per,
    /// Locations: countries, cities, regions, natural places.
    Loc,
    /// Organisations: companies, institutions, teams, parties.
    Org,
    /// Other names: nationalities, events, products, works.
    Misc,
}

impl ConllType {
    pub const ALL: [ConllType; 4] = [
        ConllType::Per,
        ConllType::Loc,
        ConllType::Org,
        ConllType::Misc,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            ConllType::Per => "PER",
            ConllType::Loc => "LOC",
            ConllType::Org => "ORG",
            ConllType::Misc => "MISC",
        }
    }

    /// Parses `PER`, `LOC`, `ORG`, `MISC` (the CoNLL spelling).
    pub fn parse(s: &str) -> Option<ConllType> {
        match s {
            "PER" => Some(ConllType::Per),
            "LOC" => Some(ConllType::Loc),
            "ORG" => Some(ConllType::Org),
            "MISC" => Some(ConllType::Misc),
            _ => None,
        }
    }

    /// re3d's types (Person, Organisation, Location, Nationality); re3d's other types
    /// (Temporal, Weapon, …) are no CoNLL name.
    pub fn from_re3d(s: &str) -> Option<ConllType> {
        match s {
            "Person" => Some(ConllType::Per),
            "Organisation" => Some(ConllType::Org),
            "Location" => Some(ConllType::Loc),
            "Nationality" => Some(ConllType::Misc),
            _ => None,
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// Number of BILOU labels: `O` and B/I/L/U for each of the four types.
pub const NUM_LABELS: usize = 17;

/// Position of a token in its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Position {
    Begin,
    Inside,
    Last,
    Unit,
}

/// A BILOU label as a small index: 0 is `O`, then `1 + 4·type + position`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Label(pub u8);

impl Label {
    pub const O: Label = Label(0);

    pub fn new(ty: ConllType, pos: Position) -> Label {
        let p = match pos {
            Position::Begin => 0,
            Position::Inside => 1,
            Position::Last => 2,
            Position::Unit => 3,
        };
        Label((1 + 4 * ty.index() + p) as u8)
    }

    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    pub fn from_index(i: usize) -> Label {
        debug_assert!(i < NUM_LABELS);
        Label(i as u8)
    }

    pub fn entity_type(self) -> Option<ConllType> {
        if self.0 == 0 || usize::from(self.0) >= NUM_LABELS {
            None
        } else {
            Some(ConllType::ALL[usize::from(self.0 - 1) / 4])
        }
    }

    pub fn position(self) -> Option<Position> {
        if self.0 == 0 || usize::from(self.0) >= NUM_LABELS {
            return None;
        }
        Some(match (self.0 - 1) % 4 {
            0 => Position::Begin,
            1 => Position::Inside,
            2 => Position::Last,
            _ => Position::Unit,
        })
    }

    /// Whether a sentence may start with this label.
    pub fn can_start(self) -> bool {
        matches!(
            self.position(),
            None | Some(Position::Begin | Position::Unit)
        )
    }

    /// Whether a sentence may end with this label.
    pub fn can_end(self) -> bool {
        matches!(
            self.position(),
            None | Some(Position::Last | Position::Unit)
        )
    }

    /// Whether `next` may follow `self`.
    pub fn can_precede(self, next: Label) -> bool {
        match self.position() {
            Some(Position::Begin | Position::Inside) => {
                next.entity_type() == self.entity_type()
                    && matches!(next.position(), Some(Position::Inside | Position::Last))
            }
            _ => next.can_start(),
        }
    }

    pub fn name(self) -> String {
        match (self.entity_type(), self.position()) {
            (Some(t), Some(p)) => {
                let p = match p {
                    Position::Begin => "B",
                    Position::Inside => "I",
                    Position::Last => "L",
                    Position::Unit => "U",
                };
                format!("{p}-{}", t.as_str())
            }
            _ => "O".to_owned(),
        }
    }
}

/// Encodes entity spans over `n` tokens as BILOU labels. Overlapping spans keep the first.
pub fn encode_bilou(n: usize, spans: &[(Range<usize>, ConllType)]) -> Vec<Label> {
    let mut labels = vec![Label::O; n];
    for (r, ty) in spans {
        if r.start >= r.end || r.end > n || labels[r.clone()].iter().any(|l| *l != Label::O) {
            continue;
        }
        if r.len() == 1 {
            labels[r.start] = Label::new(*ty, Position::Unit);
        } else {
            labels[r.start] = Label::new(*ty, Position::Begin);
            for l in &mut labels[r.start + 1..r.end - 1] {
                *l = Label::new(*ty, Position::Inside);
            }
            labels[r.end - 1] = Label::new(*ty, Position::Last);
        }
    }
    labels
}

/// Reads entity spans from BILOU labels. Tolerant of invalid sequences (which the
/// decoder never produces): a broken entity ends where its run of the same type ends.
pub fn decode_bilou(labels: &[Label]) -> Vec<(Range<usize>, ConllType)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, ConllType)> = None;
    for (i, l) in labels.iter().enumerate() {
        let ty = l.entity_type();
        let pos = l.position();
        if let Some((s, t)) = open {
            let continues = ty == Some(t) && matches!(pos, Some(Position::Inside | Position::Last));
            if !continues {
                spans.push((s..i, t));
                open = None;
            }
        }
        match (ty, pos) {
            (Some(t), Some(Position::Unit)) if open.is_none() => {
                spans.push((i..i + 1, t));
            }
            (Some(t), Some(Position::Last)) => {
                let (s, _) = open.take().unwrap_or((i, t));
                spans.push((s..i + 1, t));
            }
            (Some(t), Some(Position::Begin | Position::Inside)) if open.is_none() => {
                open = Some((i, t));
            }
            _ => {}
        }
    }
    if let Some((s, t)) = open {
        spans.push((s..labels.len(), t));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_indices_round_trip() {
        for i in 0..NUM_LABELS {
            let l = Label::from_index(i);
            match (l.entity_type(), l.position()) {
                (Some(t), Some(p)) => assert_eq!(Label::new(t, p), l),
                _ => assert_eq!(l, Label::O),
            }
        }
        assert_eq!(Label::new(ConllType::Misc, Position::Unit).index(), 16);
    }

    #[test]
    fn transitions_follow_bilou() {
        let b = Label::new(ConllType::Per, Position::Begin);
        let i = Label::new(ConllType::Per, Position::Inside);
        let l = Label::new(ConllType::Per, Position::Last);
        let u = Label::new(ConllType::Loc, Position::Unit);
        let lo = Label::new(ConllType::Loc, Position::Last);
        assert!(b.can_precede(i) && b.can_precede(l) && i.can_precede(l));
        assert!(!b.can_precede(Label::O) && !b.can_precede(u) && !b.can_precede(lo));
        assert!(l.can_precede(u) && u.can_precede(Label::O) && Label::O.can_precede(b));
        assert!(!Label::O.can_precede(i) && !l.can_precede(lo));
        assert!(b.can_start() && !i.can_start() && l.can_end() && !b.can_end());
    }

    #[test]
    fn encode_decode_round_trip() {
        let spans = vec![
            (0..2, ConllType::Per),
            (3..4, ConllType::Loc),
            (4..7, ConllType::Org),
        ];
        let labels = encode_bilou(8, &spans);
        assert_eq!(
            labels.iter().map(|l| l.name()).collect::<Vec<_>>(),
            [
                "B-PER", "L-PER", "O", "U-LOC", "B-ORG", "I-ORG", "L-ORG", "O"
            ]
        );
        assert_eq!(decode_bilou(&labels), spans);
    }

    #[test]
    fn decode_tolerates_broken_sequences() {
        let i = Label::new(ConllType::Org, Position::Inside);
        let b = Label::new(ConllType::Org, Position::Begin);
        assert_eq!(decode_bilou(&[i, i]), vec![(0..2, ConllType::Org)]);
        assert_eq!(decode_bilou(&[b]), vec![(0..1, ConllType::Org)]);
    }
}
