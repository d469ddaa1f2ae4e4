//! Abbreviations that keep their dot, and the words that tell whether a dot after an
//! abbreviation also ends the sentence.
//!
//! Lookups lower-case at most eight ASCII bytes into a stack buffer and `match` on them:
//! no allocation, no hashing.

/// What an abbreviation's dot means for the sentence around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// A title before a name (`Mr.`, `Gen.`, `St.`): never ends a sentence.
    Title,
    /// Only an abbreviation before a number (`No. 10`, `p. 5`, `Fig. 3`).
    BeforeNumber,
    /// Always followed by more of the sentence (`e.g.`, `i.e.`, `vs.`, `Roe v. Wade`).
    Never,
    /// May end a sentence (`U.S.`, `Inc.`, `Jan.`, an initial `J.`): it does when the
    /// next word is a common sentence opener (`The`, `He`, `But`…) or an opening quote.
    MayEnd,
    /// Usually ends a sentence when a capitalised word follows (`etc.`, `et al.`).
    LikelyEnd,
}

/// Longest abbreviation (`messrs`, `approx`) in bytes; longer words are never looked up.
pub(crate) const MAX_LEN: usize = 6;

/// Lower-cases `word` into `buf` when it is short ASCII letters; `None` otherwise.
fn lower<'b>(word: &str, buf: &'b mut [u8; 8]) -> Option<&'b [u8]> {
    let w = word.as_bytes();
    if w.is_empty() || w.len() > MAX_LEN.min(buf.len()) || !w.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    Some(&buf[..w.len()])
}

/// The class of `word` (without its dot) when it is a known abbreviation, as written:
/// titles, months and company suffixes must be capitalised (`Gen.` but not `gen.`).
pub(crate) fn lookup(word: &str) -> Option<AbbrevClass> {
    let mut buf = [0u8; 8];
    let lw = lower(word, &mut buf)?;
    let capitalised = word.as_bytes()[0].is_ascii_uppercase();
    use AbbrevClass::*;
    let (class, needs_capital) =
        match lw {
            b"mr" | b"mrs" | b"ms" | b"messrs" | b"mme" | b"mmes" | b"mlle" | b"dr" | b"drs"
            | b"prof" | b"profs" | b"st" | b"ste" | b"gen" | b"gens" | b"sen" | b"sens"
            | b"rep" | b"reps" | b"gov" | b"govs" | b"lt" | b"col" | b"maj" | b"capt" | b"cpt"
            | b"sgt" | b"cpl" | b"pvt" | b"adm" | b"cmdr" | b"cdr" | b"brig" | b"rev" | b"hon"
            | b"pres" | b"supt" | b"det" | b"insp" | b"amb" | b"atty" | b"fr" | b"mt" | b"ft"
            | b"mssrs" => (Title, true),
            b"inc" | b"ltd" | b"corp" | b"co" | b"bros" | b"jr" | b"sr" | b"plc" | b"llc"
            | b"jan" | b"feb" | b"mar" | b"apr" | b"jun" | b"jul" | b"aug" | b"sep" | b"sept"
            | b"oct" | b"nov" | b"dec" | b"ave" | b"blvd" | b"rd" | b"dept" | b"univ" | b"assn"
            | b"govt" | b"intl" | b"natl" | b"ala" | b"ariz" | b"ark" | b"calif" | b"colo"
            | b"conn" | b"fla" | b"kan" | b"md" | b"mich" | b"minn" | b"mont" | b"neb" | b"nev"
            | b"okla" | b"tenn" | b"tex" | b"vt" | b"wis" | b"wyo" => (MayEnd, true),
            b"etc" | b"al" => (LikelyEnd, false),
            b"vs" | b"v" | b"cf" | b"viz" | b"approx" | b"incl" | b"esp" | b"eg" | b"ie"
            | b"resp" => (Never, false),
            b"no" | b"nos" | b"art" | b"fig" | b"figs" | b"vol" | b"vols" | b"pp" | b"para"
            | b"ch" | b"sec" | b"ca" | b"nr" | b"tel" | b"op" => (BeforeNumber, false),
            _ => return None,
        };
    (!needs_capital || capitalised).then_some(class)
}

/// The class of an abbreviation token as the tokenizer emitted it (with its final dot):
/// a known abbreviation, a dotted acronym (`U.S.`, `e.g.`, `a.m.`, `Ph.D.`) or a single
/// letter (`J.` is an initial, `p.` before a page number).
pub(crate) fn class_of_token(token: &str) -> AbbrevClass {
    let word = token.strip_suffix('.').unwrap_or(token);
    if let Some(class) = lookup(word) {
        return class;
    }
    if word.contains('.') {
        return match word {
            "e.g" | "i.e" | "E.g" | "I.e" | "viz" => AbbrevClass::Never,
            _ => AbbrevClass::MayEnd,
        };
    }
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_uppercase() => AbbrevClass::MayEnd,
        _ => AbbrevClass::BeforeNumber,
    }
}

/// Capitalised words that commonly open a sentence and rarely follow `U.S.` or an
/// initial inside one: `…talks with the U.S. The summit…` ends a sentence, `…the U.S.
/// Senate…` and `J. Biden` do not.
pub(crate) fn is_sentence_opener(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "My"
            | "Your"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Here"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "Nor"
            | "In"
            | "On"
            | "At"
            | "By"
            | "For"
            | "From"
            | "With"
            | "Without"
            | "After"
            | "Before"
            | "During"
            | "Since"
            | "Until"
            | "When"
            | "While"
            | "Where"
            | "What"
            | "Why"
            | "How"
            | "Who"
            | "Whom"
            | "Whose"
            | "Which"
            | "If"
            | "As"
            | "Although"
            | "Though"
            | "Because"
            | "However"
            | "Meanwhile"
            | "Moreover"
            | "Furthermore"
            | "Nevertheless"
            | "Nonetheless"
            | "Still"
            | "Also"
            | "Then"
            | "Now"
            | "Today"
            | "Yesterday"
            | "Tomorrow"
            | "Last"
            | "Earlier"
            | "Later"
            | "Instead"
            | "Indeed"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "Both"
            | "Each"
            | "Every"
            | "Few"
            | "Several"
            | "No"
            | "Not"
            | "None"
            | "One"
            | "Another"
            | "Other"
            | "Such"
            | "Asked"
            | "Speaking"
            | "According"
            | "Despite"
            | "Under"
            | "Over"
            | "Among"
            | "Amid"
            | "Against"
            | "Through"
            | "Like"
            | "Unlike"
            | "Even"
            | "Only"
            | "Just"
            | "Is"
            | "Are"
            | "Was"
            | "Were"
            | "Will"
            | "Would"
            | "Can"
            | "Could"
            | "Should"
            | "Do"
            | "Does"
            | "Did"
            | "Has"
            | "Have"
            | "Had"
            | "Let"
            | "To"
            | "Of"
            | "Yes"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
            | "Thus"
            | "Hence"
            | "Therefore"
            | "Otherwise"
            | "Overall"
            | "Similarly"
            | "Finally"
            | "First"
            | "Second"
            | "Third"
            | "Nothing"
            | "Everyone"
            | "Nobody"
            | "Someone"
    )
}

/// Reporting verbs that, after a quoted question or exclamation and a capitalised name,
/// show that the quote's sentence goes on: `“Why?” Biden asked.`
pub(crate) fn is_reporting_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "asked"
            | "asks"
            | "told"
            | "tells"
            | "added"
            | "adds"
            | "replied"
            | "replies"
            | "wrote"
            | "writes"
            | "shouted"
            | "insisted"
            | "insists"
            | "explained"
            | "continued"
            | "wondered"
            | "demanded"
            | "exclaimed"
            | "cried"
            | "noted"
            | "argued"
            | "responded"
            | "quipped"
            | "joked"
            | "laughed"
            | "snapped"
            | "declared"
            | "warned"
            | "urged"
    )
}

/// Pronouns that may stand, capitalised, between a quoted question and its reporting
/// verb (`“Why?” He asked.`, a common slip in scraped text).
pub(crate) fn is_subject_pronoun(word: &str) -> bool {
    matches!(word, "He" | "She" | "They" | "We" | "I")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_need_a_capital() {
        assert_eq!(lookup("Gen"), Some(AbbrevClass::Title));
        assert_eq!(lookup("GEN"), Some(AbbrevClass::Title));
        assert_eq!(lookup("gen"), None);
        assert_eq!(lookup("St"), Some(AbbrevClass::Title));
        assert_eq!(lookup("Inc"), Some(AbbrevClass::MayEnd));
        assert_eq!(lookup("etc"), Some(AbbrevClass::LikelyEnd));
        assert_eq!(lookup("vs"), Some(AbbrevClass::Never));
        assert_eq!(lookup("No"), Some(AbbrevClass::BeforeNumber));
        assert_eq!(lookup("Biden"), None);
        assert_eq!(lookup("Präsident"), None);
        assert_eq!(lookup("Mississippi"), None);
        assert_eq!(lookup(""), None);
    }

    #[test]
    fn token_classes() {
        assert_eq!(class_of_token("U.S."), AbbrevClass::MayEnd);
        assert_eq!(class_of_token("e.g."), AbbrevClass::Never);
        assert_eq!(class_of_token("a.m."), AbbrevClass::MayEnd);
        assert_eq!(class_of_token("J."), AbbrevClass::MayEnd);
        assert_eq!(class_of_token("Ж."), AbbrevClass::MayEnd);
        assert_eq!(class_of_token("p."), AbbrevClass::BeforeNumber);
        assert_eq!(class_of_token("Mr."), AbbrevClass::Title);
        assert_eq!(class_of_token("v."), AbbrevClass::Never);
    }
}
