//! Gazetteers and word lists: countries, cities, divisions, regions, demonyms, organisations,
//! seats of government, titles, honorifics, given names and head words.
//!
//! The lists live in `crates/summit-core/data/lexicons/` (sources and licences in
//! `data/README.md`; `tools/build_lexicons.py` rebuilds the generated ones), are embedded in
//! the binary and parsed once per process into a token trie keyed by case-folded tokens.
//! Phrases are tokenised the way the segmenter tokenises text (PTB-style: `Russia` `'s`,
//! `U.S.` whole, hyphenated words whole), so a lookup takes the segmenter's tokens as they are.
//!
//! ```
//! use summit_core::entities::lexicon::{Lexicons, List};
//! let lex = Lexicons::shared();
//! assert!(lex.lists(&["United", "States"]).contains(List::Country));
//! assert_eq!(lex.canonical(&["U.S."], List::Country), Some("United States"));
//! let m = lex.longest_at(&["the", "North", "Atlantic", "Treaty", "Organization", "said"], 1).unwrap();
//! assert_eq!((m.start, m.end), (1, 5));
//! ```

use std::fmt;
use std::sync::OnceLock;

use super::fxhash::FxHashMap;

/// One word list. A phrase may belong to several (`Georgia`: country and US state).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum List {
    /// Sovereign states and dependencies, with their name variants (GPE).
    Country = 0,
    /// National capitals (GPE).
    Capital,
    /// Cities above a population threshold (GPE).
    City,
    /// First-order administrative divisions: US states, provinces, oblasts (GPE).
    Division,
    /// Continents, regions, seas, rivers, mountains, peninsulas (LOC).
    Location,
    /// Country demonyms and nationality adjectives: `Russian`, `Americans` (NORP).
    Demonym,
    /// Other nationalities, religious and political groups: `Muslims`, `Republicans` (NORP).
    Norp,
    /// International organisations, agencies, institutions, news organisations (ORG).
    Organization,
    /// Political parties (ORG).
    Party,
    /// Seats of government standing for an institution: `Kremlin`, `White House` (ORG).
    Seat,
    /// Titles and role nouns: `president`, `foreign minister`, `spokesperson`.
    Title,
    /// Words that open a title: `former`, `deputy`, `acting`.
    TitleModifier,
    /// Honorifics: `Mr.`, `Dr.`, `Sir`.
    Honorific,
    /// Given names.
    FirstName,
    /// Last words of event names: `Summit`, `War`, `Olympics`.
    EventHead,
    /// Last words of law and treaty names: `Treaty`, `Protocol`, `Act`.
    LawHead,
    /// Last words of facility names: `Airport`, `Pipeline`, `Bridge`.
    FacHead,
    /// Last words of organisation names: `Council`, `Ministry`, `Institution`.
    OrgHead,
    /// Other names: diseases, vaccines, languages, currencies (MISC).
    Misc,
}

impl List {
    /// Lists whose entries name something on their own, whatever surrounds them: a
    /// country, capital, region, organisation, party or seat of government (a city or a
    /// nationality may be part of a longer name).
    pub fn names_on_its_own(self) -> bool {
        matches!(
            self,
            List::Country
                | List::Capital
                | List::Location
                | List::Organization
                | List::Party
                | List::Seat
        )
    }

    pub const ALL: [List; 19] = [
        List::Country,
        List::Capital,
        List::City,
        List::Division,
        List::Location,
        List::Demonym,
        List::Norp,
        List::Organization,
        List::Party,
        List::Seat,
        List::Title,
        List::TitleModifier,
        List::Honorific,
        List::FirstName,
        List::EventHead,
        List::LawHead,
        List::FacHead,
        List::OrgHead,
        List::Misc,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            List::Country => "country",
            List::Capital => "capital",
            List::City => "city",
            List::Division => "division",
            List::Location => "location",
            List::Demonym => "demonym",
            List::Norp => "norp",
            List::Organization => "organization",
            List::Party => "party",
            List::Seat => "seat",
            List::Title => "title",
            List::TitleModifier => "title_modifier",
            List::Honorific => "honorific",
            List::FirstName => "first_name",
            List::EventHead => "event_head",
            List::LawHead => "law_head",
            List::FacHead => "fac_head",
            List::OrgHead => "org_head",
            List::Misc => "misc",
        }
    }

    /// True for the lists whose phrases are places that are also governments (GPE).
    pub fn is_gpe(&self) -> bool {
        matches!(
            self,
            List::Country | List::Capital | List::City | List::Division
        )
    }
}

/// A set of [`List`]s, as a bit set.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct ListSet(u32);

impl ListSet {
    pub const EMPTY: ListSet = ListSet(0);

    pub fn contains(&self, list: List) -> bool {
        self.0 & (1 << list as u32) != 0
    }

    pub fn insert(&mut self, list: List) {
        self.0 |= 1 << list as u32;
    }

    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// The raw bits (bit `i` is `List::ALL[i]`), handy as a hashed feature.
    pub fn bits(&self) -> u32 {
        self.0
    }

    pub fn union(self, other: ListSet) -> ListSet {
        ListSet(self.0 | other.0)
    }

    pub fn iter(self) -> impl Iterator<Item = List> {
        List::ALL.into_iter().filter(move |l| self.contains(*l))
    }

    pub fn any_gpe(&self) -> bool {
        self.contains(List::Country)
            || self.contains(List::Capital)
            || self.contains(List::City)
            || self.contains(List::Division)
    }
}

impl fmt::Debug for ListSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set()
            .entries(self.iter().map(|l| l.as_str()))
            .finish()
    }
}

/// Index of an interned string in [`Lexicons`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NameId(u32);

/// One phrase's membership of one list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub list: List,
    /// The phrase as the list spells it (case and all).
    pub surface: NameId,
    /// The name of the thing the phrase names: `United States` for `U.S.`, `North Atlantic
    /// Treaty Organization` for `NATO`; for title and head words, the word itself; for
    /// demonyms, the demonym.
    pub canonical: NameId,
    /// The country a city, capital, division, demonym or seat belongs to.
    pub country: Option<NameId>,
    /// Population (cities), else 0.
    pub population: u32,
    /// Extra data: for [`List::Honorific`] the gender (`b'm'`, `b'f'`, `b'-'`).
    pub tag: u8,
}

/// A phrase found in a token sequence: tokens `start..end`.
#[derive(Clone, Copy, Debug)]
pub struct Match<'a> {
    pub start: usize,
    pub end: usize,
    pub entries: &'a [Entry],
}

impl Match<'_> {
    pub fn lists(&self) -> ListSet {
        let mut s = ListSet::EMPTY;
        for e in self.entries {
            s.insert(e.list);
        }
        s
    }

    /// The first entry of the given list.
    pub fn entry(&self, list: List) -> Option<&Entry> {
        self.entries.iter().find(|e| e.list == list)
    }
}

#[derive(Debug, Default)]
struct Node {
    entries: Vec<Entry>,
    lists: ListSet,
}

/// The loaded lexicons. Build once with [`Lexicons::shared`].
pub struct Lexicons {
    names: Vec<Box<str>>,
    name_ids: FxHashMap<Box<str>, u32>,
    /// Case-folded token → token id.
    tokens: FxHashMap<Box<str>, u32>,
    /// (node, token id) → child node. Node 0 is the root.
    edges: FxHashMap<(u32, u32), u32>,
    nodes: Vec<Node>,
    /// For each token id, the lists of phrases the token occurs in at any position.
    inside: Vec<ListSet>,
    max_len: usize,
}

impl fmt::Debug for Lexicons {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lexicons")
            .field(
                "phrases",
                &self.nodes.iter().filter(|n| !n.entries.is_empty()).count(),
            )
            .field("tokens", &self.tokens.len())
            .finish()
    }
}

macro_rules! lexicon_file {
    ($name:literal) => {
        ($name, include_str!(concat!("../../data/lexicons/", $name)))
    };
}

const FILES: [(&str, &str); 17] = [
    lexicon_file!("countries.tsv"),
    lexicon_file!("country_variants.tsv"),
    lexicon_file!("capitals.tsv"),
    lexicon_file!("cities.tsv"),
    lexicon_file!("divisions.tsv"),
    lexicon_file!("locations.tsv"),
    lexicon_file!("demonyms.tsv"),
    lexicon_file!("norp.tsv"),
    lexicon_file!("organizations.tsv"),
    lexicon_file!("parties.tsv"),
    lexicon_file!("seats.tsv"),
    lexicon_file!("titles.tsv"),
    lexicon_file!("honorifics.tsv"),
    lexicon_file!("first_names.tsv"),
    lexicon_file!("given_names.tsv"),
    lexicon_file!("heads.tsv"),
    lexicon_file!("misc.tsv"),
];

impl Lexicons {
    /// The process-wide lexicons, parsed from the embedded files on first use.
    pub fn shared() -> &'static Lexicons {
        static SHARED: OnceLock<Lexicons> = OnceLock::new();
        SHARED.get_or_init(Lexicons::load_embedded)
    }

    fn load_embedded() -> Lexicons {
        let mut lex = Lexicons {
            names: Vec::new(),
            name_ids: FxHashMap::default(),
            tokens: FxHashMap::default(),
            edges: FxHashMap::default(),
            nodes: vec![Node::default()],
            inside: Vec::new(),
            max_len: 0,
        };
        for (name, content) in FILES {
            lex.load_file(name, content);
        }
        lex
    }

    fn load_file(&mut self, name: &str, content: &str) {
        for line in content.lines() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let c0 = cols[0].trim();
            let c1 = cols.get(1).map_or("", |s| s.trim());
            let c2 = cols.get(2).map_or("", |s| s.trim());
            match name {
                "countries.tsv" | "country_variants.tsv" => {
                    for v in c1.split('|') {
                        self.add(v, List::Country, c0, None, 0, 0);
                    }
                }
                "capitals.tsv" => {
                    self.add(c0, List::Capital, c0, Some(c1), 0, 0);
                    self.add(c0, List::City, c0, Some(c1), 0, 0);
                }
                "cities.tsv" => {
                    let pop = c2.parse().unwrap_or(0);
                    self.add(c0, List::City, c0, Some(c1), pop, 0);
                }
                "divisions.tsv" => self.add(c0, List::Division, c0, Some(c1), 0, 0),
                "locations.tsv" => {
                    for v in c1.split('|') {
                        self.add(v, List::Location, c0, None, 0, 0);
                    }
                }
                "demonyms.tsv" => self.add(c0, List::Demonym, c0, Some(c1), 0, 0),
                "norp.tsv" => {
                    for v in c1.split('|') {
                        self.add(v, List::Norp, c0, None, 0, 0);
                    }
                }
                "organizations.tsv" => {
                    for v in c1.split('|') {
                        self.add(v, List::Organization, c0, None, 0, 0);
                    }
                }
                "parties.tsv" => self.add(c1, List::Party, c0, None, 0, 0),
                "seats.tsv" => {
                    for v in c1.split('|') {
                        self.add(v, List::Seat, c0, Some(c2), 0, 0);
                    }
                }
                "titles.tsv" => {
                    let list = if c1 == "modifier" {
                        List::TitleModifier
                    } else {
                        List::Title
                    };
                    self.add(c0, list, c0, None, 0, 0);
                }
                "honorifics.tsv" => {
                    let tag = c1.bytes().next().unwrap_or(b'-');
                    self.add(c0, List::Honorific, c0, None, 0, tag);
                }
                "first_names.tsv" | "given_names.tsv" => {
                    self.add(c0, List::FirstName, c0, None, 0, 0)
                }
                "misc.tsv" => {
                    for v in c1.split('|') {
                        self.add(v, List::Misc, c0, None, 0, 0);
                    }
                }
                "heads.tsv" => {
                    let list = match c1 {
                        "EVENT" => List::EventHead,
                        "LAW" => List::LawHead,
                        "FAC" => List::FacHead,
                        _ => List::OrgHead,
                    };
                    self.add(c0, list, c0, None, 0, 0);
                }
                _ => {}
            }
        }
    }

    fn intern_name(&mut self, s: &str) -> NameId {
        if let Some(&id) = self.name_ids.get(s) {
            return NameId(id);
        }
        let id = self.names.len() as u32;
        self.names.push(s.into());
        self.name_ids.insert(s.into(), id);
        NameId(id)
    }

    fn intern_token(&mut self, folded: &str) -> u32 {
        if let Some(&id) = self.tokens.get(folded) {
            return id;
        }
        let id = self.tokens.len() as u32;
        self.tokens.insert(folded.into(), id);
        self.inside.push(ListSet::EMPTY);
        id
    }

    fn add(
        &mut self,
        phrase: &str,
        list: List,
        canonical: &str,
        country: Option<&str>,
        population: u32,
        tag: u8,
    ) {
        let phrase = phrase.trim();
        if phrase.is_empty() {
            return;
        }
        let toks = tokenize_phrase(phrase);
        let mut node = 0u32;
        let mut folded = String::new();
        for t in &toks {
            fold_into(t, &mut folded);
            let tid = self.intern_token(&folded);
            self.inside[tid as usize].insert(list);
            node = match self.edges.get(&(node, tid)) {
                Some(&n) => n,
                None => {
                    let n = self.nodes.len() as u32;
                    self.nodes.push(Node::default());
                    self.edges.insert((node, tid), n);
                    n
                }
            };
        }
        self.max_len = self.max_len.max(toks.len());
        let surface = self.intern_name(phrase);
        let canonical = self.intern_name(canonical);
        let country = country
            .filter(|c| !c.is_empty())
            .map(|c| self.intern_name(c));
        let entry = Entry {
            list,
            surface,
            canonical,
            country,
            population,
            tag,
        };
        let n = &mut self.nodes[node as usize];
        if !n
            .entries
            .iter()
            .any(|e| e.list == list && e.surface == surface)
        {
            n.entries.push(entry);
            n.lists.insert(list);
        }
    }

    /// The text of an interned name.
    pub fn name(&self, id: NameId) -> &str {
        &self.names[id.0 as usize]
    }

    /// The longest phrase length, in tokens.
    pub fn max_phrase_len(&self) -> usize {
        self.max_len
    }

    /// The id of a token's case-folded form, without allocating for short ASCII tokens.
    fn token_id(&self, token: &str, buf: &mut String) -> Option<u32> {
        let bytes = token.as_bytes();
        if token.is_ascii() {
            if !bytes.iter().any(u8::is_ascii_uppercase) {
                return self.tokens.get(token).copied();
            }
            if bytes.len() <= 32 {
                let mut tmp = [0u8; 32];
                for (d, s) in tmp.iter_mut().zip(bytes) {
                    *d = s.to_ascii_lowercase();
                }
                let folded = std::str::from_utf8(&tmp[..bytes.len()]).ok()?;
                return self.tokens.get(folded).copied();
            }
        }
        fold_into(token, buf);
        self.tokens.get(buf.as_str()).copied()
    }

    fn child(&self, node: u32, token: &str, buf: &mut String) -> Option<u32> {
        let tid = self.token_id(token, buf)?;
        self.edges.get(&(node, tid)).copied()
    }

    fn node_of(&self, phrase: &[&str]) -> Option<u32> {
        let mut buf = String::new();
        let mut node = 0;
        for t in phrase {
            node = self.child(node, t, &mut buf)?;
        }
        Some(node)
    }

    /// Every list entry for exactly this token sequence (case-insensitive).
    pub fn lookup(&self, phrase: &[&str]) -> &[Entry] {
        if phrase.is_empty() {
            return &[];
        }
        match self.node_of(phrase) {
            Some(n) => &self.nodes[n as usize].entries,
            None => &[],
        }
    }

    /// The lists this exact token sequence belongs to (case-insensitive).
    pub fn lists(&self, phrase: &[&str]) -> ListSet {
        if phrase.is_empty() {
            return ListSet::EMPTY;
        }
        self.node_of(phrase)
            .map_or(ListSet::EMPTY, |n| self.nodes[n as usize].lists)
    }

    /// The lists of which `word` is a one-word phrase.
    pub fn word_lists(&self, word: &str) -> ListSet {
        self.lists(&[word])
    }

    /// The lists of which `word` is a one-word phrase, and whether any phrase starts with
    /// it: one hash lookup per token, for callers that scan every token.
    pub fn word_info(&self, word: &str) -> (ListSet, bool) {
        let mut buf = String::new();
        let Some(tid) = self.token_id(word, &mut buf) else {
            return (ListSet::EMPTY, false);
        };
        match self.edges.get(&(0, tid)) {
            Some(&n) => (self.nodes[n as usize].lists, true),
            None => (ListSet::EMPTY, false),
        }
    }

    /// The lists having some phrase that contains `word` at any position (`Atlantic` →
    /// organisation, location); a cheap per-token feature.
    pub fn inside_lists(&self, word: &str) -> ListSet {
        let mut buf = String::new();
        self.token_id(word, &mut buf)
            .map_or(ListSet::EMPTY, |t| self.inside[t as usize])
    }

    /// The canonical name of the thing `phrase` names in `list`.
    pub fn canonical(&self, phrase: &[&str], list: List) -> Option<&str> {
        self.lookup(phrase)
            .iter()
            .find(|e| e.list == list)
            .map(|e| self.name(e.canonical))
    }

    /// Every phrase starting at token `start`, shortest first.
    pub fn matches_at<'a>(&'a self, tokens: &[&str], start: usize) -> Vec<Match<'a>> {
        let mut out = Vec::new();
        let mut buf = String::new();
        let mut node = 0;
        for (end, t) in tokens.iter().enumerate().skip(start) {
            match self.child(node, t, &mut buf) {
                Some(n) => node = n,
                None => break,
            }
            let entries = &self.nodes[node as usize].entries;
            if !entries.is_empty() {
                out.push(Match {
                    start,
                    end: end + 1,
                    entries,
                });
            }
        }
        out
    }

    /// The longest phrase starting at token `start`, if any.
    pub fn longest_at<'a>(&'a self, tokens: &[&str], start: usize) -> Option<Match<'a>> {
        self.longest_at_where(tokens, start, |_| true)
    }

    /// The longest phrase starting at `start` having an entry that `keep` accepts.
    pub fn longest_at_where<'a>(
        &'a self,
        tokens: &[&str],
        start: usize,
        keep: impl Fn(&Entry) -> bool,
    ) -> Option<Match<'a>> {
        let mut buf = String::new();
        let mut node = 0;
        let mut best = None;
        for (end, t) in tokens.iter().enumerate().skip(start) {
            match self.child(node, t, &mut buf) {
                Some(n) => node = n,
                None => break,
            }
            let entries = &self.nodes[node as usize].entries;
            if entries.iter().any(&keep) {
                best = Some(Match {
                    start,
                    end: end + 1,
                    entries,
                });
            }
        }
        best
    }

    /// Leftmost-longest, non-overlapping phrases of a token sequence.
    pub fn scan<'a>(&'a self, tokens: &[&str]) -> Vec<Match<'a>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match self.longest_at(tokens, i) {
                Some(m) => {
                    i = m.end;
                    out.push(m);
                }
                None => i += 1,
            }
        }
        out
    }

    /// How the case of `surface` tokens fits the list's spelling of an entry.
    pub fn case_fit(&self, surface: &[&str], entry: &Entry) -> CaseFit {
        let stored = self.name(entry.surface);
        let toks = tokenize_phrase(stored);
        if toks.len() != surface.len() {
            return CaseFit::Folded;
        }
        let same = |a: &str, b: &str| {
            a == b
                || (a
                    .chars()
                    .map(norm_apostrophe)
                    .eq(b.chars().map(norm_apostrophe)))
        };
        if toks.iter().zip(surface).all(|(a, b)| same(a, b)) {
            return CaseFit::Exact;
        }
        let shouted = surface.iter().all(|t| !t.chars().any(char::is_lowercase));
        if shouted {
            return CaseFit::Shouted;
        }
        // Each surface token starts with the same case as the stored one.
        let initials_agree = toks.iter().zip(surface).all(|(a, b)| {
            a.chars().next().map(char::is_uppercase) == b.chars().next().map(char::is_uppercase)
        });
        if initials_agree {
            CaseFit::Initials
        } else {
            CaseFit::Folded
        }
    }
}

/// How the letter case of a text phrase fits a lexicon phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CaseFit {
    /// Differs in case in some way that the other variants do not describe.
    Folded,
    /// Every word starts with the same case; other letters differ (`Nato` for `NATO`).
    Initials,
    /// The text is in capitals (a shouting headline): `RUSSIA`.
    Shouted,
    /// Identical.
    Exact,
}

#[inline]
fn norm_apostrophe(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '`' | '\u{b4}' => '\'',
        c => c,
    }
}

/// Case-folds a token into `buf` (lower case, typographic apostrophes as `'`).
pub fn fold_into(token: &str, buf: &mut String) {
    buf.clear();
    if token.is_ascii() {
        for b in token.bytes() {
            buf.push(b.to_ascii_lowercase() as char);
        }
    } else {
        for c in token.chars() {
            let c = norm_apostrophe(c);
            if c.is_uppercase() {
                buf.extend(c.to_lowercase());
            } else {
                buf.push(c);
            }
        }
    }
}

/// Splits a lexicon phrase the way the segmenter splits text: on spaces, with commas and a
/// possessive `'s` as tokens of their own.
pub fn tokenize_phrase(phrase: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for w in phrase.split_whitespace() {
        let (w, comma) = match w.strip_suffix(',') {
            Some(rest) if !rest.is_empty() => (rest, true),
            _ => (w, false),
        };
        let split = ["'s", "\u{2019}s"].iter().find_map(|s| {
            w.strip_suffix(s)
                .filter(|r| !r.is_empty())
                .and_then(|r| w.split_at_checked(r.len()))
        });
        match split {
            Some((head, possessive)) => {
                out.push(head);
                out.push(possessive);
            }
            None => out.push(w),
        }
        if comma {
            out.push(",");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_possessive_after_a_multibyte_letter_splits_on_its_boundary() {
        assert_eq!(tokenize_phrase("Łódź’s mayor"), ["Łódź", "’s", "mayor"]);
        assert_eq!(tokenize_phrase("Ö's"), ["Ö", "'s"]);
    }

    #[test]
    fn country_variants_share_a_canonical_name() {
        let lex = Lexicons::shared();
        for v in [
            &["US"][..],
            &["U.S."],
            &["USA"],
            &["America"],
            &["United", "States"],
        ] {
            assert_eq!(
                lex.canonical(v, List::Country),
                Some("United States"),
                "{v:?}"
            );
        }
        for v in [&["UK"][..], &["U.K."], &["Britain"], &["Great", "Britain"]] {
            assert_eq!(
                lex.canonical(v, List::Country),
                Some("United Kingdom"),
                "{v:?}"
            );
        }
    }

    #[test]
    fn organisations_map_acronyms_to_expansions() {
        let lex = Lexicons::shared();
        let nato = lex.canonical(&["NATO"], List::Organization);
        assert!(nato.is_some());
        assert_eq!(
            nato,
            lex.canonical(
                &["North", "Atlantic", "Treaty", "Organization"],
                List::Organization
            )
        );
        assert_eq!(
            lex.canonical(&["UN"], List::Organization),
            Some("United Nations")
        );
    }

    #[test]
    fn demonyms_point_at_their_country() {
        let lex = Lexicons::shared();
        let e = lex
            .lookup(&["Russian"])
            .iter()
            .find(|e| e.list == List::Demonym)
            .copied()
            .unwrap();
        assert_eq!(e.country.map(|c| lex.name(c)), Some("Russia"));
        assert!(lex.lists(&["Ukrainians"]).contains(List::Demonym));
    }

    #[test]
    fn lists_cover_places_titles_and_heads() {
        let lex = Lexicons::shared();
        assert!(lex.lists(&["Geneva"]).contains(List::City));
        assert!(lex.lists(&["Moscow"]).contains(List::Capital));
        assert!(lex.lists(&["Texas"]).contains(List::Division));
        assert!(lex.lists(&["Black", "Sea"]).contains(List::Location));
        assert!(lex.lists(&["Kremlin"]).contains(List::Seat));
        assert!(lex.lists(&["foreign", "minister"]).contains(List::Title));
        assert!(lex.lists(&["Former"]).contains(List::TitleModifier));
        assert!(lex.lists(&["Mr."]).contains(List::Honorific));
        assert!(lex.lists(&["Treaty"]).contains(List::LawHead));
        assert!(lex.lists(&["Summit"]).contains(List::EventHead));
        assert!(lex.lists(&["Pipeline"]).contains(List::FacHead));
        assert!(lex.lists(&["Sergei"]).contains(List::FirstName));
        assert!(lex.lists(&["John"]).contains(List::FirstName));
        assert!(lex.lists(&["Republicans"]).contains(List::Norp));
    }

    #[test]
    fn possessives_tokenise_like_the_segmenter() {
        assert_eq!(
            tokenize_phrase("People's Republic of China"),
            vec!["People", "'s", "Republic", "of", "China"]
        );
        let lex = Lexicons::shared();
        assert!(
            lex.lists(&["People", "\u{2019}s", "Republic", "of", "China"])
                .contains(List::Country)
        );
    }

    #[test]
    fn scan_is_leftmost_longest() {
        let lex = Lexicons::shared();
        let toks = [
            "talks", "in", "the", "South", "China", "Sea", "and", "China",
        ];
        let found: Vec<(usize, usize)> = lex.scan(&toks).iter().map(|m| (m.start, m.end)).collect();
        assert!(found.contains(&(3, 6)));
        assert!(found.contains(&(7, 8)));
    }

    #[test]
    fn case_fit_tells_acronyms_from_words() {
        let lex = Lexicons::shared();
        let e = *lex
            .lookup(&["US"])
            .iter()
            .find(|e| e.list == List::Country)
            .unwrap();
        assert_eq!(lex.case_fit(&["US"], &e), CaseFit::Exact);
        assert_eq!(lex.case_fit(&["us"], &e), CaseFit::Folded);
        let e = *lex
            .lookup(&["Russia"])
            .iter()
            .find(|e| e.list == List::Country)
            .unwrap();
        assert_eq!(lex.case_fit(&["RUSSIA"], &e), CaseFit::Shouted);
    }

    #[test]
    fn empty_and_unknown_lookups_are_empty() {
        let lex = Lexicons::shared();
        assert!(lex.lookup(&[]).is_empty());
        assert!(lex.lists(&["qwxz"]).is_empty());
        assert!(lex.matches_at(&["qwxz"], 0).is_empty());
        assert!(lex.matches_at(&["Russia"], 5).is_empty());
    }
}
