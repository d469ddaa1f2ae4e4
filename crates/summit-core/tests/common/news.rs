//! A proptest strategy for text shaped like news in many languages and scripts: headlines
//! and paragraphs of sentences built from capitalised names with diacritics and non-Latin
//! letters, long forms followed by their acronym in parentheses (and the reverse), initials,
//! hyphenated and apostrophised names, quotations in every language's marks with a cue,
//! right-to-left runs with bidi controls, combining marks and emoji sequences.
//!
//! Random bytes almost never build "Österreichische Plattform für Alleinerziehende (ÖPA)";
//! this strategy builds little else, so that byte-index bugs in code that reads names,
//! acronyms and quotation marks meet the characters that expose them.

use proptest::prelude::*;

/// Capital letters that open a name: ASCII, Latin with diacritics of one, two and three
/// bytes, letters whose case mapping changes length (`ß`'s capital is two letters,
/// `İ`'s lowercase two characters), Greek, Cyrillic, Armenian, Georgian (no case).
const CAPITALS: &[&str] = &[
    "A", "K", "M", "S", "Ö", "Ä", "Ü", "Ł", "Ż", "Ś", "Ç", "Ş", "İ", "Ğ", "É", "Ñ", "Å", "Ø", "Æ",
    "Þ", "Ð", "Č", "Ř", "Ő", "Ά", "Ω", "Σ", "Δ", "Ж", "Щ", "Ґ", "Є", "Ї", "Ա", "Ծ", "Გ", "Ǆ", "ǅ",
    "Ꭰ", "Ａ",
];

/// Letters inside words: ASCII, diacritics, `ß`, Greek final sigma, Cyrillic, and a few
/// combining marks (a letter followed by U+0301 is one visible character of two).
const LETTERS: &[&str] = &[
    "a", "e", "i", "o", "r", "n", "t", "ö", "ä", "ü", "ß", "ł", "ż", "ç", "ş", "ı", "ğ", "é", "ñ",
    "å", "ø", "ð", "þ", "ő", "ά", "ς", "ω", "ж", "щ", "ї", "ա", "ծ", "e\u{301}", "a\u{308}",
    "n\u{303}", "i\u{307}",
];

/// Words in scripts without case, and right-to-left words.
const UNCASED_WORDS: &[&str] = &[
    "北京",
    "外交部",
    "東京",
    "会談",
    "서울",
    "회담",
    "नई",
    "दिल्ली",
    "สมชาย",
    "თბილისი",
    "القاهرة",
    "وزير",
    "ירושלים",
    "שר",
    "تهران",
    "ግንቦት",
];

const LOWER_WORDS: &[&str] = &[
    "the", "talks", "minister", "für", "de", "la", "für", "und", "del", "of", "w", "и", "και",
    "ve", "và", "the", "on", "Monday", "in",
];

const CUES: &[&str] = &[
    "said",
    "told reporters",
    "sagte",
    "a déclaré",
    "declaró",
    "powiedział",
    "dedi",
    "δήλωσε",
    "заявил",
    "сказала",
    "قال",
    "אמר",
    "ने कहा",
    "表示",
    "と述べた",
    "말했다",
    "cho biết",
    "according to",
];

/// Opening and closing quotation marks of many languages, and unbalanced ones.
const MARKS: &[(&str, &str)] = &[
    ("“", "”"),
    ("‘", "’"),
    ("\"", "\""),
    ("'", "'"),
    ("«", "»"),
    ("« ", " »"),
    ("»", "«"),
    ("„", "“"),
    ("„", "”"),
    ("‚", "‘"),
    ("「", "」"),
    ("『", "』"),
    ("‹", "›"),
    ("”", "”"),
    ("“", ""),
    ("", "”"),
    ("《", "》"),
];

const EMOJI: &[&str] = &[
    "🤝",
    "🇨🇭",
    "👍🏽",
    "👩\u{200D}⚖\u{FE0F}",
    "🏳\u{FE0F}\u{200D}🌈",
    "1\u{FE0F}\u{20E3}",
];

const BIDI: &[&str] = &[
    "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}",
    "\u{2067}", "\u{2069}", "\u{061C}",
];

const PUNCT: &[&str] = &[
    ".", ",", ";", ":", "?", "!", "…", "。", "،", "؟", "।", " —", " –",
];

fn pick(items: &'static [&'static str]) -> impl Strategy<Value = String> + Clone {
    prop::sample::select(items).prop_map(str::to_owned)
}

/// A capitalised word: a capital and one to eight letters.
fn capitalised() -> impl Strategy<Value = String> + Clone {
    (pick(CAPITALS), prop::collection::vec(pick(LETTERS), 1..8))
        .prop_map(|(first, rest)| first + &rest.concat())
}

/// A long form of two to four capitalised words (with a lowercase joiner sometimes).
fn long_form() -> impl Strategy<Value = Vec<String>> + Clone {
    prop::collection::vec(
        prop_oneof![4 => capitalised(), 1 => pick(LOWER_WORDS)],
        2..5,
    )
}

/// The initials of a long form in capitals, as an acronym is written (`ß` gives `SS`).
fn acronym_of(words: &[String]) -> String {
    words
        .iter()
        .filter_map(|w| w.chars().next())
        .filter(|c| !c.is_lowercase())
        .flat_map(char::to_uppercase)
        .collect()
}

/// A person's or organisation's name in one of the shapes news gives it.
fn name() -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        (capitalised(), capitalised()).prop_map(|(a, b)| format!("{a} {b}")),
        // Initials: "Ö. Ł. Name", "J.-P. Name".
        (pick(CAPITALS), pick(CAPITALS), capitalised())
            .prop_map(|(a, b, c)| format!("{a}. {b}. {c}")),
        (pick(CAPITALS), pick(CAPITALS), capitalised())
            .prop_map(|(a, b, c)| format!("{a}.-{b}. {c}")),
        // Hyphenated and apostrophised.
        (capitalised(), capitalised(), capitalised()).prop_map(|(a, b, c)| format!("{a} {b}-{c}")),
        (capitalised(), capitalised()).prop_map(|(a, b)| format!("{a} O’{b}")),
        (capitalised(), capitalised()).prop_map(|(a, b)| format!("Al-{a} d'{b}")),
        // Long form and acronym, both orders.
        long_form().prop_map(|w| format!("{} ({})", w.join(" "), acronym_of(&w))),
        long_form().prop_map(|w| format!("{} ({})", acronym_of(&w), w.join(" "))),
        pick(UNCASED_WORDS),
    ]
}

/// A run of ordinary words between the names.
fn filler() -> impl Strategy<Value = String> + Clone {
    prop::collection::vec(
        prop_oneof![
            6 => pick(LOWER_WORDS),
            2 => pick(UNCASED_WORDS),
            1 => pick(EMOJI),
            1 => pick(BIDI),
            1 => "[0-9]{1,4}",
        ],
        0..6,
    )
    .prop_map(|w| w.join(" "))
}

/// A quotation with its marks.
fn quotation() -> impl Strategy<Value = String> + Clone {
    (prop::sample::select(MARKS), filler(), name(), filler())
        .prop_map(|((open, close), a, n, b)| format!("{open}{a} {n} {b}{close}"))
}

/// One sentence: a name, words, perhaps a quotation with a cue before or after it.
fn sentence() -> impl Strategy<Value = String> {
    prop_oneof![
        (name(), filler(), name(), pick(PUNCT)).prop_map(|(a, f, b, p)| format!("{a} {f} {b}{p}")),
        (quotation(), pick(CUES), name(), pick(PUNCT))
            .prop_map(|(q, c, n, p)| format!("{q}, {c} {n}{p}")),
        (name(), pick(CUES), quotation()).prop_map(|(n, c, q)| format!("{n} {c}: {q}")),
        (name(), pick(CUES), filler(), quotation(), pick(PUNCT))
            .prop_map(|(n, c, f, q, p)| format!("{n} {c} {f} {q}{p}")),
        (pick(BIDI), pick(UNCASED_WORDS), quotation(), pick(BIDI))
            .prop_map(|(a, w, q, b)| format!("{a}{w} {q}{b}")),
    ]
}

/// A whole article: a headline, then paragraphs of sentences separated by blank lines.
pub fn article() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(name(), 1..4),
        prop::collection::vec(prop::collection::vec(sentence(), 1..5), 1..5),
    )
        .prop_map(|(headline, paragraphs)| {
            let mut text = headline.join(" ");
            for p in paragraphs {
                text.push_str("\n\n");
                text.push_str(&p.join(" "));
            }
            text.push('\n');
            text
        })
}
