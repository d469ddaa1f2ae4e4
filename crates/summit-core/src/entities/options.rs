//! The rule stage's switches: every pass that may change what the tagger found (a span, a
//! coarse type, a mention added or dropped) can be turned off by name, so that what it brings
//! is measured on held-out text (`summit eval ner --without NAME`; figures in
//! `docs/EVALUATION.md`). The product runs with all of them on.

use std::fmt;

macro_rules! rules {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)*) => {
        /// One switchable pass of the rule stage.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Rule {
            $($(#[$doc])* $variant,)*
        }

        impl Rule {
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The rule's name on the command line.
            pub fn name(self) -> &'static str {
                match self {
                    $(Rule::$variant => $name,)*
                }
            }
        }
    };
}

rules! {
    /// A lone capitalised word opening a sentence and used in lower case elsewhere is dropped.
    CommonWord = "common-word",
    /// A lone LOC/MISC word the gazetteers do not know and the text uses in lower case is dropped.
    LoneUnknown = "lone-unknown",
    /// A quoted title-case phrase is one MISC name, whatever part of it the tagger took.
    QuotedPhrase = "quoted-phrase",
    /// A short number right after an ORG/MISC span joins it ("Nord Stream" + "2").
    NumberSuffix = "number-suffix",
    /// A tagger span on a hyphenated compound of names is split into the names.
    HyphenSplit = "hyphen-split",
    /// A possessive inside a tagger span ends one name.
    PossessiveSplit = "possessive-split",
    /// A tagger span made of two gazetteer names side by side is split into them.
    GazetteerParts = "gazetteer-parts",
    /// Titles and honorifics come off a PER span.
    TitleStrip = "title-strip",
    /// A non-PER span holding a title and a person's name gives the person.
    PersonInSpan = "person-in-span",
    /// A title ending a non-PER span comes off when the rest is a gazetteer name; a span
    /// of title words only is dropped.
    TitleEdges = "title-edges",
    /// A non-PER span that opens a multi-word title is cut before it.
    TitleContinuation = "title-continuation",
    /// What is left of a PER span after its titles, when it is a nationality, is NORP.
    DemonymFromPer = "demonym-from-per",
    /// A span of calendar words and numbers is left to the date rules.
    CalendarDrop = "calendar-drop",
    /// A portfolio inside a title ("Political Affairs") is no organisation.
    PortfolioDrop = "portfolio-drop",
    /// A lone head word ("Council") is no name.
    HeadOnlyDrop = "head-only-drop",
    /// A one-character non-ORG span is no name.
    SingleChar = "single-char",
    /// A LOC span that is a seat of government ("Kremlin", "White House") is ORG.
    SeatOrg = "seat-org",
    /// A name the gazetteers know only as an organisation, typed MISC by the tagger, is ORG.
    OrgLexicon = "org-lexicon",
    /// A country the tagger typed ORG is GPE.
    CountryGpe = "country-gpe",
    /// A leading "The" comes off a tagger span when the rest is a gazetteer name.
    TheName = "the-name",
    /// A LAW head word ("Protocol", "Treaty") retypes an ORG or LOC span; a FAC head
    /// ("Airport", "Pipeline") a MISC span, a structure head an ORG span.
    HeadType = "head-type",
    /// Multi-word gazetteer names replace tagger spans inside or across them.
    GazetteerOverride = "gazetteer-override",
    /// A mention followed by a head word takes it in ("NATO" + "Summit").
    ExtendHeads = "extend-heads",
    /// Hyphenated compounds of names that no mention covers give their names.
    Hyphenated = "hyphenated",
    /// Countries, organisations, seats, regions the tagger missed are added.
    GazetteerStrong = "gazetteer-strong",
    /// Multi-word names typed by a head word are added.
    HeadNames = "head-names",
    /// Cities, divisions, nationalities the tagger missed are added.
    GazetteerWeak = "gazetteer-weak",
    /// Acronyms defined in parentheses are added and take the expansion's type.
    Acronyms = "acronyms",
    /// Surnames and multi-word names repeated where the tagger missed them are added.
    Repeats = "repeats",
    /// A lone word that is a person's surname elsewhere in the text is a person.
    SurnameRetype = "surname-retype",
    /// One text, one type across the document: the majority of the mentions decides.
    UnifyLabels = "unify-labels",
    /// An entity's type is the gazetteer's when a mention has one.
    ClusterLexicon = "cluster-lexicon",
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Rule {
    type Err = String;

    fn from_str(s: &str) -> Result<Rule, String> {
        Rule::ALL
            .iter()
            .copied()
            .find(|r| r.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
                format!("unknown rule {s:?} (one of: {})", names.join(", "))
            })
    }
}

/// Which rules run; all of them by default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    off: u64,
}

impl Options {
    /// These options with `rule` switched off.
    pub fn without(mut self, rule: Rule) -> Options {
        self.off |= 1 << Rule::ALL.iter().position(|&r| r == rule).unwrap_or(63);
        self
    }

    /// These options with `rule` switched on.
    pub fn with(mut self, rule: Rule) -> Options {
        self.off &= !(1 << Rule::ALL.iter().position(|&r| r == rule).unwrap_or(63));
        self
    }

    /// Every rule off: the tagger's spans and coarse types, subdivided only.
    pub fn none() -> Options {
        Rule::ALL
            .iter()
            .fold(Options::default(), |o, &r| o.without(r))
    }

    pub fn on(&self, rule: Rule) -> bool {
        let bit = Rule::ALL.iter().position(|&r| r == rule).unwrap_or(63);
        self.off & (1 << bit) == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_switch_off() {
        for &r in Rule::ALL {
            assert_eq!(r.name().parse::<Rule>(), Ok(r));
            assert!(Options::default().on(r));
            assert!(!Options::default().without(r).on(r));
            assert!(!Options::none().on(r));
        }
        assert!(Rule::ALL.len() < 63);
        assert!("no-such-rule".parse::<Rule>().is_err());
    }
}
