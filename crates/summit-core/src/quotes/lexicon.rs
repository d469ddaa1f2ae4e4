//! The quote stage's word lists: reporting verbs with their inflections and frames, the
//! closed-class words that bound sources and contents, and nationality adjectives.
//!
//! The lists are data files under `quotes/data/`, embedded at build time and parsed once per
//! process. Lookups are by hash on the lower-cased word, written into a stack buffer: no
//! allocation per token.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

const CUES: &str = include_str!("data/cues.tsv");
const WORDS: &str = include_str!("data/words.tsv");
const DEMONYMS: &str = include_str!("data/demonyms.tsv");
const METONYMS: &str = include_str!("data/metonyms.tsv");

/// Word classes (bit flags), as `words.tsv` names them.
pub(crate) mod class {
    pub const DET: u32 = 1 << 0;
    pub const NUM: u32 = 1 << 1;
    pub const PRON: u32 = 1 << 2;
    pub const POSS: u32 = 1 << 3;
    pub const OBJ: u32 = 1 << 4;
    pub const PREP: u32 = 1 << 5;
    pub const CONJ: u32 = 1 << 6;
    pub const SUB: u32 = 1 << 7;
    pub const AUX: u32 = 1 << 8;
    pub const NEG: u32 = 1 << 9;
    pub const ADV: u32 = 1 << 10;
    pub const TIME: u32 = 1 << 11;
    pub const TITLE: u32 = 1 << 12;
    pub const SPEAKER: u32 = 1 << 13;
    pub const ARTIFACT: u32 = 1 << 14;
    pub const GROUP: u32 = 1 << 15;
    pub const MASC: u32 = 1 << 16;
    pub const FEM: u32 = 1 << 17;
    pub const PLURAL: u32 = 1 << 18;
    pub const SING: u32 = 1 << 19;
    pub const NEUT: u32 = 1 << 20;
    pub const FIRST: u32 = 1 << 21;
    pub const ROLE: u32 = 1 << 22;
    pub const VERB: u32 = 1 << 23;
    /// Set on nationality adjectives ("Russian") from `demonyms.tsv`.
    pub const DEMONYM: u32 = 1 << 24;
    /// Abbreviations that keep their period ("Mr.", "Gen.", "Inc.").
    pub const ABBREV: u32 = 1 << 25;

    /// Words that end a noun phrase when walking left from its head.
    pub const FUNCTION: u32 = PRON | OBJ | PREP | CONJ | SUB | AUX | NEG | VERB;

    pub(super) fn parse(name: &str) -> Option<u32> {
        Some(match name {
            "det" => DET,
            "num" => NUM,
            "pron" => PRON,
            "poss" => POSS,
            "obj" => OBJ,
            "prep" => PREP,
            "conj" => CONJ,
            "sub" => SUB,
            "aux" => AUX,
            "neg" => NEG,
            "adv" => ADV,
            "time" => TIME,
            "title" => TITLE,
            "speaker" => SPEAKER,
            "artifact" => ARTIFACT,
            "group" => GROUP,
            "masc" => MASC,
            "fem" => FEM,
            "plural" => PLURAL,
            "sing" => SING,
            "neut" => NEUT,
            "first" => FIRST,
            "role" => ROLE,
            "verb" => VERB,
            _ => return None,
        })
    }
}

/// How a reporting verb takes its content (bit flags), as `cues.tsv` names them.
pub(crate) mod frame {
    pub const CLAUSE: u16 = 1 << 0;
    pub const QUOTE: u16 = 1 << 1;
    pub const COLON: u16 = 1 << 2;
    pub const TELL: u16 = 1 << 3;
    pub const ADDR: u16 = 1 << 4;
    pub const AS: u16 = 1 << 5;
    pub const NAME: u16 = 1 << 6;
    pub const INF: u16 = 1 << 7;
    pub const ASK: u16 = 1 << 8;
    pub const NOUN: u16 = 1 << 9;
    pub const BARE: u16 = 1 << 10;
    pub const OBJ: u16 = 1 << 11;

    pub(super) fn parse(name: &str) -> Option<u16> {
        Some(match name {
            "clause" => CLAUSE,
            "quote" => QUOTE,
            "colon" => COLON,
            "tell" => TELL,
            "addr" => ADDR,
            "as" => AS,
            "name" => NAME,
            "inf" => INF,
            "ask" => ASK,
            "noun" => NOUN,
            "bare" => BARE,
            "obj" => OBJ,
            _ => return None,
        })
    }
}

/// What a cue attributes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueClass {
    /// Statements: said, told, warned.
    Speech,
    /// Written statements: wrote, tweeted.
    Writing,
    /// Beliefs, wishes and intentions: believes, wants, plans.
    Attitude,
    /// Findings of reports and studies: shows, found.
    Evidence,
}

/// The inflection of a reporting verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    Base,
    ThirdSingular,
    Past,
    PastParticiple,
    Ing,
}

/// One reporting verb.
#[derive(Clone, Debug)]
pub(crate) struct CueVerb {
    pub lemma: Box<str>,
    pub frames: u16,
    pub class: CueClass,
}

impl CueVerb {
    pub fn has(&self, frame: u16) -> bool {
        self.frames & frame != 0
    }
}

/// A surface form of a reporting verb: which verb, which inflection, and for phrasal
/// verbs the words that must follow the head word ("pointed" + "out").
#[derive(Clone, Debug)]
pub(crate) struct CueForm {
    pub verb: u16,
    pub form: Form,
    pub tail: Box<[Box<str>]>,
}

/// Everything known about one lower-cased word.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordEntry {
    pub class: u32,
    /// Reporting-verb readings, single words first, then phrasal ones (longest tail first).
    pub cues: Vec<CueForm>,
    /// For nationality adjectives and country names: index into [`Lexicon::countries`].
    pub country: Option<u16>,
}

/// A multiply-rotate hash over 8-byte words (as rustc's FxHash): short keys, a static
/// table, no need for DoS resistance.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ w).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(K);
        }
        self.0 = h;
    }
    fn write_u8(&mut self, i: u8) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(K);
    }
}

pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// The loaded word lists.
#[derive(Debug)]
pub(crate) struct Lexicon {
    words: FnvMap<Box<str>, WordEntry>,
    /// The longest key, in bytes: longer words are not looked up.
    max_len: usize,
    /// The same words for the per-token lookup: open addressing on keys packed into a
    /// u128 (lower-case bytes, at most 16), no hashing of strings, no comparisons of slices.
    packed: Packed,
    pub verbs: Vec<CueVerb>,
    /// Country names, each with its nationality adjectives and other names, lower case.
    pub countries: Vec<Country>,
    /// Lower-cased multiword country names and metonyms ("white house", "united states")
    /// → country index; single words are in the word table.
    pub country_phrases: FnvMap<Box<str>, u16>,
}

#[derive(Clone, Debug)]
pub(crate) struct Country {
    /// Lower-case names, adjectives and metonyms that stand for the country.
    pub keys: Vec<Box<str>>,
}

impl Lexicon {
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }

    /// The entry for `word`, looked up case-insensitively (ASCII), with ’ read as '.
    pub fn word(&self, word: &str) -> Option<&WordEntry> {
        if word.len() > self.max_len + 2 {
            return None;
        }
        if word.is_ascii() {
            return self.packed.get(pack_lower(word.as_bytes())?);
        }
        let mut buf = [0u8; 32];
        let key = lower_key(word, &mut buf)?;
        self.packed.get(pack_lower(key.as_bytes())?)
    }

    /// The country a lower-case phrase stands for ("white house", "russian").
    pub fn country_of(&self, lower: &str) -> Option<u16> {
        if let Some(&c) = self.country_phrases.get(lower) {
            return Some(c);
        }
        self.words.get(lower).and_then(|e| e.country)
    }

    fn load() -> Lexicon {
        let mut lex = Lexicon {
            words: FnvMap::default(),
            max_len: 0,
            packed: Packed::default(),
            verbs: Vec::new(),
            countries: Vec::new(),
            country_phrases: FnvMap::default(),
        };
        for line in data_lines(WORDS) {
            let mut cols = line.split('\t');
            let (Some(word), Some(classes)) = (cols.next(), cols.next()) else {
                continue;
            };
            let mut bits = 0;
            for c in classes.split(',') {
                bits |= class::parse(c.trim()).unwrap_or(0);
            }
            let word = word.trim().to_lowercase();
            if word.ends_with('.') {
                bits |= class::ABBREV;
            }
            lex.words.entry(word.into()).or_default().class |= bits;
        }
        for line in data_lines(CUES) {
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            if cols.len() < 4 {
                continue;
            }
            let frames = cols[2]
                .split(',')
                .filter_map(|f| frame::parse(f.trim()))
                .fold(0, |a, b| a | b);
            let class = match cols[3] {
                "writing" => CueClass::Writing,
                "attitude" => CueClass::Attitude,
                "evidence" => CueClass::Evidence,
                _ => CueClass::Speech,
            };
            let verb = lex.verbs.len() as u16;
            lex.verbs.push(CueVerb {
                lemma: cols[0].into(),
                frames,
                class,
            });
            let forms: Vec<String> = if cols[1] == "-" {
                inflect(cols[0]).into_iter().collect()
            } else {
                cols[1].split(',').map(|s| s.trim().to_owned()).collect()
            };
            let all = [
                (cols[0].to_owned(), Form::Base),
                (forms[0].clone(), Form::ThirdSingular),
                (forms[1].clone(), Form::Past),
                (forms[2].clone(), Form::PastParticiple),
                (forms[3].clone(), Form::Ing),
            ];
            for (i, (surface, form)) in all.iter().enumerate() {
                // A past participle spelt like the past tense is the same reading.
                if i == 3 && all[2].0 == *surface {
                    continue;
                }
                let mut words = surface.split(' ');
                let head = words.next().unwrap_or_default().to_lowercase();
                let tail: Box<[Box<str>]> = words.map(Box::from).collect();
                let entry = lex.words.entry(head.into()).or_default();
                if entry
                    .cues
                    .iter()
                    .any(|c| c.verb == verb && c.form == *form && c.tail == tail)
                {
                    continue;
                }
                entry.cues.push(CueForm {
                    verb,
                    form: *form,
                    tail,
                });
                // Phrasal readings are tried before single words, longest first.
                entry.cues.sort_by_key(|c| std::cmp::Reverse(c.tail.len()));
            }
        }
        let mut by_name: FnvMap<String, u16> = FnvMap::default();
        for line in data_lines(DEMONYMS) {
            let mut cols = line.split('\t');
            let (Some(adjs), Some(names)) = (cols.next(), cols.next()) else {
                continue;
            };
            let idx = lex.countries.len() as u16;
            let mut keys: Vec<Box<str>> = Vec::new();
            for a in adjs.split('|') {
                let a = a.trim().to_lowercase();
                if a.is_empty() {
                    continue;
                }
                lex.add_country_key(&a, idx, true);
                keys.push(a.into());
            }
            for n in names.split('|') {
                let n = n.trim().to_lowercase();
                if n.is_empty() {
                    continue;
                }
                by_name.entry(n.clone()).or_insert(idx);
                lex.add_country_key(&n, idx, false);
                let undotted = n.replace('.', "");
                if undotted != n {
                    lex.add_country_key(&undotted, idx, false);
                }
                keys.push(n.into());
            }
            lex.countries.push(Country { keys });
        }
        // "U.S." and "US" spell the same country.
        if let Some(&us) = by_name.get("united states") {
            lex.add_country_key("u.s.", us, false);
            lex.add_country_key("america", us, false);
            lex.countries[us as usize].keys.push("america".into());
        }
        if let Some(&uk) = by_name.get("united kingdom") {
            lex.add_country_key("u.k.", uk, false);
            lex.add_country_key("britain", uk, false);
            lex.countries[uk as usize].keys.push("britain".into());
        }
        for line in data_lines(METONYMS) {
            let mut cols = line.split('\t');
            let (Some(name), Some(country)) = (cols.next(), cols.next()) else {
                continue;
            };
            let Some(&idx) = by_name.get(&country.trim().to_lowercase()) else {
                continue;
            };
            let name = name.trim().to_lowercase();
            lex.add_country_key(&name, idx, false);
            lex.countries[idx as usize].keys.push(name.into());
        }
        lex.max_len = lex.words.keys().map(|k| k.len()).max().unwrap_or(0);
        lex.packed = Packed::build(&lex.words);
        lex
    }

    fn add_country_key(&mut self, key: &str, idx: u16, demonym: bool) {
        if key.contains(' ') {
            self.country_phrases.entry(key.into()).or_insert(idx);
        } else {
            let e = self.words.entry(key.into()).or_default();
            e.country.get_or_insert(idx);
            if demonym {
                e.class |= class::DEMONYM;
            }
        }
    }
}

/// An open-addressing table from packed lower-case words to entries.
#[derive(Debug, Default)]
struct Packed {
    keys: Vec<u128>,
    entries: Vec<WordEntry>,
    /// Entry index + 1 per slot (0: empty).
    slots: Vec<u32>,
    mask: usize,
}

impl Packed {
    fn build(words: &FnvMap<Box<str>, WordEntry>) -> Packed {
        let n = words.len().max(1);
        let cap = (n * 2).next_power_of_two();
        let mut t = Packed {
            keys: vec![0; cap],
            entries: Vec::with_capacity(n),
            slots: vec![0; cap],
            mask: cap - 1,
        };
        let mut sorted: Vec<(&Box<str>, &WordEntry)> = words.iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(b.0));
        for (k, e) in sorted {
            // Keys longer than 16 bytes cannot be packed; none of the lists has one.
            let Some(key) = pack_lower(k.as_bytes()) else {
                continue;
            };
            let mut i = slot(key) & t.mask;
            while t.slots[i] != 0 {
                i = (i + 1) & t.mask;
            }
            t.entries.push(e.clone());
            t.keys[i] = key;
            t.slots[i] = t.entries.len() as u32;
        }
        t
    }

    #[inline]
    fn get(&self, key: u128) -> Option<&WordEntry> {
        if self.slots.is_empty() {
            return None;
        }
        let mut i = slot(key) & self.mask;
        loop {
            let s = self.slots[i];
            if s == 0 {
                return None;
            }
            if self.keys[i] == key {
                return self.entries.get(s as usize - 1);
            }
            i = (i + 1) & self.mask;
        }
    }
}

#[inline]
fn slot(key: u128) -> usize {
    let x = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize
}

/// Packs up to 16 bytes, ASCII letters lower-cased, into a u128 (little-endian, so that
/// distinct words of distinct lengths differ: no key ends in a zero byte).
#[inline]
fn pack_lower(bytes: &[u8]) -> Option<u128> {
    if bytes.is_empty() || bytes.len() > 16 {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..bytes.len()].copy_from_slice(bytes);
    let x = u128::from_le_bytes(buf);
    // Lower-case the ASCII capitals of all 16 bytes at once: a byte's high bit marks
    // "≥ 'A'" and "> 'Z'" after the additions; non-ASCII bytes (high bit set) are left as
    // they are.
    const LOW7: u128 = 0x7f7f_7f7f_7f7f_7f7f_7f7f_7f7f_7f7f_7f7f;
    const HIGH: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
    const ONES: u128 = 0x0101_0101_0101_0101_0101_0101_0101_0101;
    let low = x & LOW7;
    let ge_a = low + ONES * (0x80 - 0x41);
    let gt_z = low + ONES * (0x80 - 0x5b);
    let upper = ge_a & !gt_z & !x & HIGH;
    Some(x | (upper >> 2))
}

fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Lower-cases `word` into `buf` (ASCII letters; ’ becomes '); `None` when it does not fit.
pub(crate) fn lower_key<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.is_ascii() {
        if bytes.len() > buf.len() {
            return None;
        }
        for (d, s) in buf.iter_mut().zip(bytes) {
            *d = s.to_ascii_lowercase();
        }
        return std::str::from_utf8(&buf[..bytes.len()]).ok();
    }
    let mut n = 0;
    for c in word.chars() {
        let mut tmp = [0u8; 4];
        let bytes: &[u8] = match c {
            '\u{2019}' | '\u{2018}' => b"'",
            c if c.is_ascii() => {
                tmp[0] = c.to_ascii_lowercase() as u8;
                &tmp[..1]
            }
            c => c.encode_utf8(&mut tmp).as_bytes(),
        };
        if n + bytes.len() > buf.len() {
            return None;
        }
        buf[n..n + bytes.len()].copy_from_slice(bytes);
        n += bytes.len();
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// The regular inflections of a (possibly phrasal) verb: 3rd singular, past, past
/// participle, -ing. The first word inflects; the rest follows unchanged.
fn inflect(lemma: &str) -> [String; 4] {
    let (head, rest) = match lemma.split_once(' ') {
        Some((h, r)) => (h, format!(" {r}")),
        None => (lemma, String::new()),
    };
    let b = head.as_bytes();
    let last = b.last().copied().unwrap_or(b'x');
    let before_last = if b.len() >= 2 { b[b.len() - 2] } else { b'x' };
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let third = if head.ends_with('s')
        || head.ends_with('x')
        || head.ends_with('z')
        || head.ends_with("ch")
        || head.ends_with("sh")
        || head.ends_with('o')
    {
        format!("{head}es")
    } else if last == b'y' && !vowel(before_last) {
        format!("{}ies", head.strip_suffix('y').unwrap_or(head))
    } else {
        format!("{head}s")
    };
    let past = if last == b'e' {
        format!("{head}d")
    } else if last == b'y' && !vowel(before_last) {
        format!("{}ied", head.strip_suffix('y').unwrap_or(head))
    } else {
        format!("{head}ed")
    };
    let ing = if let Some(stem) = head.strip_suffix("ie") {
        format!("{stem}ying")
    } else if last == b'e' && !matches!(before_last, b'e' | b'y' | b'o') {
        format!("{}ing", head.strip_suffix('e').unwrap_or(head))
    } else {
        format!("{head}ing")
    };
    [
        format!("{third}{rest}"),
        format!("{past}{rest}"),
        format!("{past}{rest}"),
        format!("{ing}{rest}"),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_keys_lower_case_ascii_capitals_only() {
        assert_eq!(pack_lower(b"SaId"), pack_lower(b"said"));
        assert_eq!(pack_lower(b"AZaz@[`{"), pack_lower(b"azaz@[`{"));
        assert_ne!(pack_lower(b"said"), pack_lower(b"saidx"));
        assert_eq!(
            pack_lower("Élysée".as_bytes()),
            pack_lower("Élysée".as_bytes())
        );
        assert!(pack_lower(b"seventeen-letters").is_none());
    }

    #[test]
    fn regular_inflections() {
        assert_eq!(inflect("note"), ["notes", "noted", "noted", "noting"]);
        assert_eq!(inflect("deny"), ["denies", "denied", "denied", "denying"]);
        assert_eq!(
            inflect("stress"),
            ["stresses", "stressed", "stressed", "stressing"]
        );
        assert_eq!(inflect("agree"), ["agrees", "agreed", "agreed", "agreeing"]);
        assert_eq!(
            inflect("point out"),
            ["points out", "pointed out", "pointed out", "pointing out"]
        );
        assert_eq!(inflect("reply")[3], "replying");
    }

    #[test]
    fn every_inflection_of_a_reporting_verb_is_a_cue() {
        let lex = Lexicon::get();
        for w in [
            "say",
            "says",
            "said",
            "saying",
            "Told",
            "TELLS",
            "emphasised",
            "emphasizes",
            "acknowledging",
            "reiterated",
            "tweeted",
            "wrote",
            "written",
        ] {
            let e = lex.word(w).unwrap_or_else(|| panic!("{w} missing"));
            assert!(!e.cues.is_empty(), "{w} is no cue");
        }
        let went = lex.word("went").unwrap();
        assert_eq!(
            &*went.cues[0].tail,
            &["on".into(), "to".into(), "say".into()][..]
        );
        let pointed = lex.word("pointed").unwrap();
        assert_eq!(&*pointed.cues[0].tail, &["out".into()][..]);
    }

    fn is(e: &WordEntry, c: u32) -> bool {
        e.class & c != 0
    }

    #[test]
    fn word_classes_and_countries() {
        let lex = Lexicon::get();
        assert!(is(lex.word("He").unwrap(), class::PRON | class::MASC));
        assert!(is(lex.word("officials").unwrap(), class::SPEAKER));
        assert!(is(lex.word("didn’t").unwrap(), class::NEG));
        let russian = lex.word("Russian").unwrap();
        assert!(is(russian, class::DEMONYM));
        assert_eq!(lex.country_of("kremlin"), russian.country);
        assert_eq!(lex.country_of("white house"), lex.country_of("american"));
        assert_eq!(lex.country_of("us"), lex.country_of("american"));
    }
}
