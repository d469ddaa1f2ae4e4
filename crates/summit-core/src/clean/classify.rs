//! Which lines are page furniture rather than article: photo credits, captions, sharing
//! and navigation prompts, bylines and sign-offs.
//!
//! Each test looks at one normalised line on its own (the cleaner adds what depends on the
//! neighbours: a caption next to a credit, a repeated line). The tests are written for
//! classes of debris and guarded against prose: debris lines are short, or have a shape
//! prose never has (a trailing `|`, a credit in brackets at the end).

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::features::{
    Prefixes, contains_ci, ends_sentence, ends_with_ci, has_double_quotes, one_of, starts_with_ci,
    tokens, words,
};

/// Labels that open a credit line (`IMAGE SOURCE: …`, `Photo: Reuters`, `Credit: …`).
const CREDIT_LABELS: [&str; 40] = [
    "image source",
    "images source",
    "image credit",
    "image:",
    "images:",
    "image by ",
    "image courtesy",
    "photo source",
    "photo credit",
    "photo:",
    "photos:",
    "photo by ",
    "photos by ",
    "photo courtesy",
    "photograph:",
    "photographs:",
    "photograph by ",
    "photography:",
    "photography by ",
    "photo/",
    "picture:",
    "pictures:",
    "picture by ",
    "picture credit",
    "pic:",
    "pics:",
    "credit:",
    "credits:",
    "credit -",
    "illustration:",
    "illustration by ",
    "graphic:",
    "graphics:",
    "screenshot:",
    "screengrab:",
    "courtesy of ",
    "file photo:",
    "pool photo",
    "©",
    "(c) ",
];

fn has_credit_label(t: &str) -> bool {
    static LABELS: LazyLock<Prefixes> = LazyLock::new(|| Prefixes::new(&CREDIT_LABELS));
    LABELS.matches(t)
}

/// Words of agency-only credits (`Getty.`, `Bloomberg via Getty Images`, `ASSOCIATED
/// PRESS`, `REUTERS/Kevin Lamarque`). At least one must be an agency from [`AGENCIES`].
const CREDIT_WORDS: [&str; 24] = [
    "images",
    "image",
    "photo",
    "photos",
    "file",
    "via",
    "for",
    "by",
    "of",
    "and",
    "the",
    "handout",
    "courtesy",
    "staff",
    "press",
    "associated",
    "news",
    "agency",
    "media",
    "wire",
    "service",
    "photographer",
    "photography",
    "photographs",
];

/// News and photo agencies that appear in credits.
const AGENCIES: [&str; 54] = [
    "getty",
    "ap",
    "afp",
    "reuters",
    "epa",
    "efe",
    "epa-efe",
    "tass",
    "sputnik",
    "xinhua",
    "ria",
    "novosti",
    "shutterstock",
    "alamy",
    "bloomberg",
    "anadolu",
    "pool",
    "dpa",
    "ansa",
    "kyodo",
    "yonhap",
    "upi",
    "aap",
    "nurphoto",
    "zuma",
    "sopa",
    "imago",
    "sipa",
    "abaca",
    "corbis",
    "wenn",
    "rex",
    "pa",
    "kremlin",
    "instagram",
    "twitter",
    "facebook",
    "youtube",
    "flickr",
    "wikimedia",
    "commons",
    "ians",
    "pti",
    "ani",
    "vna",
    "kcna",
    "irna",
    "bernama",
    "antara",
    "wam",
    "sana",
    "mena",
    "tasnim",
    "cna",
];

/// Longest credit line, in words and bytes.
const MAX_CREDIT_WORDS: usize = 14;
const MAX_CREDIT_BYTES: usize = 200;

/// Whether a normalised line is a photo or image credit.
pub(crate) fn is_credit(t: &str) -> bool {
    let t = unwrap_brackets(t);
    if t.is_empty()
        || t.len() > MAX_CREDIT_BYTES
        || words(t, MAX_CREDIT_WORDS + 1) > MAX_CREDIT_WORDS
    {
        return false;
    }
    let credit = has_credit_label(t)
        || one_of(
            t.trim_end_matches('.'),
            &["photo", "image", "file photo", "handout", "pool", "file"],
        )
        || agency_credit(t);
    // A copyright notice (`© 2021 Example. All rights reserved.`) is boilerplate.
    credit && !contains_ci(t, "rights reserved")
}

/// A credit that names a photo, not just a source: labelled (`Photo: …`), slashed
/// (`AP Photo/Evan Vucci`, `Name/AFP`) or from a photo agency. A paragraph ending in
/// `[Reuters]` cites its source; one ending in `(Photo: Reuters)` is a caption.
fn is_photo_credit(t: &str) -> bool {
    let inner = unwrap_brackets(t);
    is_credit(inner)
        && (has_credit_label(inner)
            || inner.contains('/')
            || [
                "photo",
                "image",
                "getty",
                "pool",
                "handout",
                "shutterstock",
                "alamy",
                "file",
            ]
            .iter()
            .any(|w| contains_ci(inner, w)))
}

/// `Getty.`, `AP Photo/Evan Vucci`, `Mikhail Metzel/TASS via Getty Images`: names and
/// agencies only, at least one agency, and a slash or nothing but credit words.
fn agency_credit(t: &str) -> bool {
    let mut agency = false;
    let mut other_words = 0;
    for token in tokens(t) {
        if one_of(token, &AGENCIES) {
            agency = true;
        } else if one_of(token, &CREDIT_WORDS) {
        } else if token.chars().next().is_some_and(char::is_uppercase) {
            // A name (`Evan`, `Vucci`): allowed next to an agency and a slash.
            other_words += 1;
        } else {
            return false;
        }
    }
    if !(agency || contains_ci(t, "associated press")) {
        return false;
    }
    other_words == 0
        || (t.contains('/') || contains_ci(t, "getty images") || contains_ci(t, " via "))
            && other_words <= 5
}

/// Strips what wraps a credit or caption: brackets, a trailing `|` or period.
fn unwrap_brackets(t: &str) -> &str {
    let t = t.trim_end_matches(['|', ' ', '.']);
    let t = t
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .or_else(|| t.strip_prefix('[').and_then(|s| s.strip_suffix(']')))
        .unwrap_or(t);
    t.trim()
}

/// Position markers inside brackets in captions: `(L)`, `(R)`, `(C)`, `(L-R)`, `(left)`,
/// `(2nd R)`, `(front, centre)`.
fn is_position_marker(inner: &str) -> bool {
    let mut positional = false;
    for token in inner.split([' ', '-', ',', '/']) {
        if token.is_empty() {
            continue;
        }
        const POSITIONS: [&str; 17] = [
            "l",
            "r",
            "c",
            "left",
            "right",
            "centre",
            "center",
            "front",
            "back",
            "rear",
            "top",
            "bottom",
            "pictured",
            "above",
            "below",
            "foreground",
            "background",
        ];
        const CONNECTORS: [&str; 15] = [
            "to", "from", "row", "1st", "2nd", "3rd", "4th", "5th", "second", "third", "and",
            "far", "at", "in", "the",
        ];
        if one_of(token, &POSITIONS) {
            positional = true;
        } else if !one_of(token, &CONNECTORS) {
            return false;
        }
    }
    positional
}

/// Whether the line holds a caption position marker.
#[expect(
    clippy::string_slice,
    reason = "`open` indexes an ASCII `(` and `close` an ASCII `)`: both char boundaries"
)]
pub(crate) fn has_position_marker(t: &str) -> bool {
    let b = t.as_bytes();
    memchr::memchr_iter(b'(', b).any(|open| {
        let rest = &t[open + 1..];
        rest.find(')')
            .filter(|&close| close <= 24)
            .is_some_and(|close| is_position_marker(&rest[..close]))
    })
}

/// Present-tense verbs of photo descriptions, third person singular: `X shakes hands with
/// Y`, `X speaks during …`. Matched as whole words.
const PHOTO_VERBS: [&str; 32] = [
    "shakes",
    "meets",
    "speaks",
    "attends",
    "arrives",
    "waves",
    "gestures",
    "listens",
    "looks",
    "poses",
    "walks",
    "greets",
    "talks",
    "holds",
    "sits",
    "stands",
    "addresses",
    "delivers",
    "leaves",
    "gives",
    "visits",
    "reacts",
    "smiles",
    "signs",
    "chats",
    "embraces",
    "hugs",
    "inspects",
    "reviews",
    "takes",
    "prays",
    "pictured",
];

/// The same verbs in the plural (`X and Y meet in Geneva`): common words in prose too, so
/// they count only next to a credit line.
const PHOTO_VERBS_PLURAL: [&str; 22] = [
    "shake", "meet", "speak", "attend", "arrive", "wave", "gesture", "listen", "look", "pose",
    "walk", "greet", "talk", "hold", "sit", "stand", "react", "smile", "chat", "embrace", "hug",
    "seen",
];

/// Whether a short line reads like a photo description (a present-tense verb of the kind
/// captions use, not after `to` or a modal); with `plural`, the plural forms count too,
/// and then a lower-case past participle (`agreed`, `described`) rules the line out.
pub(crate) fn has_photo_verb(t: &str, plural: bool) -> bool {
    const NOT_AFTER: [&str; 11] = [
        "to", "will", "would", "could", "can", "may", "might", "should", "must", "did", "not",
    ];
    let mut prev = "";
    let mut found = false;
    let mut past = false;
    for w in t.split(' ') {
        let w = w.trim_end_matches([',', '.', ';']);
        if !one_of(prev, &NOT_AFTER)
            && (one_of(w, &PHOTO_VERBS) || plural && one_of(w, &PHOTO_VERBS_PLURAL))
        {
            found = true;
        }
        if w.len() > 4
            && w.ends_with("ed")
            && w.starts_with(|c: char| c.is_ascii_lowercase())
            && !one_of(
                w,
                &["pictured", "photographed", "seated", "dressed", "masked"],
            )
        {
            past = true;
        }
        prev = w;
    }
    found && !(plural && past)
}

/// Labels that open a caption: `Caption:`, `Pictured:`, AP's `FILE - In this …, file
/// photo, …`.
const CAPTION_LABELS: [&str; 28] = [
    "caption:",
    "photo caption",
    "image caption",
    "media caption",
    "video caption",
    "pictured:",
    "pictured above:",
    "above:",
    "top:",
    "main image:",
    "main picture:",
    "file photo -",
    "file photo –",
    "file -",
    "file –",
    "file:",
    "in this file photo",
    "in this photo",
    "in this handout photo",
    "in this image",
    "in this picture",
    "in this photograph",
    "in this undated",
    "in this still image",
    "in this video grab",
    "in this frame grab",
    "in this screengrab",
    "in this pool photo",
];

/// Longest line taken as a caption on its own features, in words.
const MAX_CAPTION_WORDS: usize = 60;

/// Whether a normalised line is a photo caption by its own shape: a caption label, a
/// credit at its end (`… in Moscow. (Photo: Reuters)`, `… 2021. REUTERS/Kevin Lamarque`),
/// a trailing `|`, or a position marker in a line that is not a quoted or finished
/// sentence (`Vladimir Putin (L) and Joe Biden`).
pub(crate) fn is_caption(t: &str, figcaption: bool) -> bool {
    if figcaption {
        return true;
    }
    if t.len() > 1000 || words(t, MAX_CAPTION_WORDS + 1) > MAX_CAPTION_WORDS {
        return false;
    }
    static LABELS: LazyLock<Prefixes> = LazyLock::new(|| Prefixes::new(&CAPTION_LABELS));
    if LABELS.matches(t) {
        return true;
    }
    if ends_with_credit(t) {
        return true;
    }
    if t.ends_with('|') {
        return !has_double_quotes(t);
    }
    has_position_marker(t)
        && !has_double_quotes(t)
        && (!ends_sentence(t) && words(t, 41) <= 40
            || has_photo_verb(t, false) && is_description(t))
}

/// Whether the line ends with a credit after its description: in brackets (`(Photo:
/// Reuters)`, `[Photo/Xinhua]`, `(AP Photo/Evan Vucci)`), after a `|`, or after the
/// description's full stop (`… June 16, 2021. REUTERS/Kevin Lamarque`).
#[expect(
    clippy::string_slice,
    reason = "`o` indexes an ASCII bracket and `k` an ASCII space; `from` is moved onto a boundary first"
)]
fn ends_with_credit(t: &str) -> bool {
    let t = t.trim_end_matches(['|', ' ']);
    let t = t.strip_suffix('.').unwrap_or(t);
    let b = t.as_bytes();
    let open = match b.last() {
        Some(b')') => Some(memchr::memrchr(b'(', b)),
        Some(b']') => Some(memchr::memrchr(b'[', b)),
        _ => None,
    };
    if let Some(open) = open {
        return open
            .is_some_and(|o| o > 0 && b.len() - o <= MAX_CREDIT_BYTES && is_photo_credit(&t[o..]));
    }
    // A separator before the credit: the spaces nearest the end are the candidates (a
    // credit has at most `MAX_CREDIT_WORDS` words). Every credit that can follow one has a
    // `|` before it, or a label (`Photo:`, `Photo by`) or a slash in it.
    let mut from = b.len().saturating_sub(MAX_CREDIT_BYTES);
    while !t.is_char_boundary(from) {
        from += 1;
    }
    let end = &t[from..];
    if memchr::memchr3(b'|', b'/', b':', end.as_bytes()).is_none()
        && !contains_ci(end, "by ")
        && !end.contains('©')
    {
        return false;
    }
    for k in memchr::memrchr_iter(b' ', b).take(MAX_CREDIT_WORDS + 2) {
        let (before, tail) = (&t[..k], &t[k + 1..]);
        let pipe = before.ends_with(" |");
        let stop = before.ends_with('.')
            || ["-", "–", "—"]
                .iter()
                .any(|d| before.strip_suffix(d).is_some_and(|x| x.ends_with(' ')));
        // After a full stop or a dash only a labelled or slashed credit counts
        // (`Photo: AP`, `REUTERS/Name`): prose may end with `… - Reuters`.
        let strong = pipe || stop && (has_credit_label(tail) || tail.contains('/'));
        if strong && is_photo_credit(tail) {
            return true;
        }
    }
    false
}

/// Lines that are sharing, navigation or subscription prompts, as a whole (compared
/// without case and trailing punctuation).
const BOILERPLATE_LINES: [&str; 84] = [
    "advertisement",
    "advertisements",
    "advert",
    "ad",
    "sponsored",
    "sponsored content",
    "paid content",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this page",
    "share article",
    "share story",
    "share via",
    "tweet",
    "email",
    "e-mail",
    "print",
    "print this article",
    "comments",
    "comment",
    "view comments",
    "show comments",
    "leave a comment",
    "join the conversation",
    "read more",
    "read more here",
    "read the full story",
    "read full article",
    "see more",
    "show more",
    "load more",
    "more",
    "skip to content",
    "skip to main content",
    "skip advertisement",
    "continue reading",
    "continue reading the main story",
    "story continues below",
    "story continues below advertisement",
    "article continues below",
    "article continues after advertisement",
    "advertisement - scroll to continue",
    "scroll to continue with content",
    "listen to this article",
    "listen",
    "related",
    "related articles",
    "related stories",
    "related content",
    "related news",
    "related topics",
    "more on this story",
    "more stories",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended for you",
    "most read",
    "most popular",
    "trending",
    "trending now",
    "top stories",
    "latest news",
    "newsletter",
    "sign up",
    "sign in",
    "log in",
    "register",
    "subscribe",
    "subscribe now",
    "back to top",
    "loading",
    "play video",
    "watch video",
    "click to expand",
    "accept cookies",
    "follow us",
    "all rights reserved",
    "next article",
    "previous article",
    "image",
    "video",
];

/// Prefixes of prompt lines, each with the longest line (in words) it may start.
const BOILERPLATE_PREFIXES: [(&str, usize); 74] = [
    ("share this ", 8),
    ("share on ", 8),
    ("share via ", 8),
    ("share with ", 8),
    ("click here", 25),
    ("click to ", 15),
    ("tap here", 20),
    ("read more:", 30),
    ("read more »", 30),
    ("read more at ", 15),
    ("read more about ", 20),
    ("read more on ", 20),
    ("read more from ", 20),
    ("read more here", 20),
    ("read also:", 30),
    ("also read:", 30),
    ("also read -", 30),
    ("read also -", 30),
    ("see also:", 30),
    ("related:", 30),
    ("related article:", 30),
    ("related story:", 30),
    ("related coverage:", 30),
    ("related reading:", 30),
    ("recommended:", 30),
    ("more:", 30),
    ("more from ", 12),
    ("more on this", 12),
    ("watch:", 30),
    ("watch live", 12),
    ("watch the video", 15),
    ("video:", 30),
    ("listen:", 30),
    ("subscribe to ", 25),
    ("subscribe for ", 25),
    ("subscribe now", 25),
    ("sign up for ", 25),
    ("sign up to ", 25),
    ("sign up now", 25),
    ("follow us ", 15),
    ("follow @", 10),
    ("like us on ", 12),
    ("find us on ", 12),
    ("join us on ", 12),
    ("download our app", 20),
    ("download the app", 20),
    ("get the app", 20),
    ("copyright ©", 30),
    ("copyright (c)", 30),
    ("© 1", 30),
    ("© 2", 30),
    ("reporting by ", 40),
    ("additional reporting by ", 40),
    ("(reporting by ", 40),
    ("editing by ", 25),
    ("writing by ", 25),
    ("compiled by ", 25),
    ("our standards:", 20),
    ("this article was originally published", 40),
    ("this story was originally published", 40),
    ("this article originally appeared", 40),
    ("tags:", 40),
    ("topics:", 20),
    ("categories:", 20),
    ("category:", 10),
    ("filed under", 20),
    ("keywords:", 30),
    ("h/t", 15),
    ("source:", 6),
    ("sources:", 6),
    ("translated by ", 12),
    ("translation by ", 12),
    ("edited by ", 12),
    ("hat tip:", 15),
];

/// Phrases of copyright, player, browser and social-widget notices.
const NOTICE_PHRASES: [&str; 12] = [
    "all rights reserved",
    "may not be published, broadcast",
    "contributed to this report",
    "video is restricted",
    "video is unavailable",
    "video is not available",
    "your browser does not support",
    "enable javascript",
    "javascript is disabled",
    "like the page:",
    "like us on facebook",
    "this content is not available",
];

/// Words that introduce a link or a page element when a separator follows them:
/// `Read more: …`, `Also read | …`, `Related - …`, `Advertisement - continue reading`.
const LINK_PROMPTS: [&str; 14] = [
    "read more",
    "also read",
    "read also",
    "see also",
    "related",
    "recommended",
    "watch",
    "listen",
    "more",
    "must read",
    "don't miss",
    "don’t miss",
    "advertisement",
    "sponsored",
];

/// A [`LINK_PROMPTS`] word followed by `:`, `|`, a dash or an arrow.
#[expect(
    clippy::string_slice,
    reason = "an anchored match of a whole UTF-8 prefix (ASCII case folding only) ends on a char boundary"
)]
fn is_link_prompt(t: &str) -> bool {
    static PROMPTS: LazyLock<Prefixes> = LazyLock::new(|| Prefixes::new(&LINK_PROMPTS));
    PROMPTS.longest(t).is_some_and(|(_, len)| {
        t[len..]
            .trim_start_matches(' ')
            .starts_with([':', '|', '-', '–', '—', '»', '>', '›'])
    })
}

/// [`NOTICE_PHRASES`], found in one scan, ignoring case.
static NOTICES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(NOTICE_PHRASES)
        .expect("the notice phrases form a valid automaton")
});

/// `Follow Jane Doe on Twitter @janedoe`: a prompt to follow the writer or the outlet.
fn is_follow_prompt(t: &str) -> bool {
    starts_with_ci(t, "follow ")
        && (t.contains('@')
            || [
                "on twitter",
                "on facebook",
                "on instagram",
                "on linkedin",
                "on x",
            ]
            .iter()
            .any(|p| ends_with_ci(t.trim_end_matches('.'), p)))
}

/// Whether a normalised line is a sharing, navigation or subscription prompt, a
/// copyright notice, a byline or a sign-off.
pub(crate) fn is_boilerplate(t: &str) -> bool {
    if t.len() > 400 {
        return false;
    }
    let n = words(t, 41);
    let bare = t.trim_end_matches(|c: char| {
        matches!(c, '.' | ':' | '!' | '»' | '›' | '>' | '→' | ' ' | '|' | '…')
    });
    static LINES: LazyLock<Prefixes> = LazyLock::new(|| Prefixes::new(&BOILERPLATE_LINES));
    if n <= 8 && LINES.is_exactly(bare) {
        return true;
    }
    static PREFIXES: LazyLock<Prefixes> =
        LazyLock::new(|| Prefixes::new(&BOILERPLATE_PREFIXES.map(|(p, _)| p)));
    if PREFIXES
        .longest(t)
        .is_some_and(|(i, _)| n <= BOILERPLATE_PREFIXES[i].1)
    {
        return true;
    }
    if n <= 25 && NOTICES.is_match(t) {
        return true;
    }
    if n <= 15 && is_follow_prompt(t) {
        return true;
    }
    if n <= 30 && is_link_prompt(t) {
        return true;
    }
    is_byline(t)
}

/// `By Jane Smith`, `By JANE SMITH and John Doe, Reuters`, `Written by Jane Smith`:
/// a credit for the writer, names only.
pub(crate) fn is_byline(t: &str) -> bool {
    byline_parts(t).is_some()
}

/// A byline's names and what follows them.
fn byline_parts(t: &str) -> Option<(&str, Option<&str>)> {
    let rest = [
        "By ",
        "BY ",
        "Written by ",
        "Posted by ",
        "Reported by ",
        "Story by ",
        "Words by ",
    ]
    .iter()
    .find_map(|p| t.strip_prefix(p))
    .or_else(|| {
        ["Author:", "Authors:", "Author -"]
            .iter()
            .find_map(|p| t.strip_prefix(p))
            .map(str::trim_start)
    });
    let (names, tail) = byline_split(rest?);
    let n = words(names, 11);
    if n == 0 || n > 10 || ends_sentence(names) && !ends_with_initial(names) {
        return None;
    }
    names_only(names).then_some((names, tail))
}

/// Whether a line holds only capitalised names and the words that join them (`Jane Doe
/// and John Roe`, `Jane Doe in Geneva`, `Ana de la Cruz`).
fn names_only(names: &str) -> bool {
    const JOINERS: [&str; 15] = [
        "and", "&", "in", "for", "of", "de", "da", "van", "von", "al", "bin", "el", "la", "le",
        "and/or",
    ];
    names
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .all(|w| w.chars().next().is_some_and(char::is_uppercase) || JOINERS.contains(&w))
}

/// A line of names only, next to a dateline, is a byline without `By` (`Jane Doe in
/// Geneva`): two to six words, at least two of them capitalised, no closing punctuation.
pub(crate) fn is_unlabelled_byline(t: &str) -> bool {
    let n = words(t, 7);
    (2..=6).contains(&n)
        && !ends_sentence(t)
        && names_only(t)
        && t.split(' ')
            .filter(|w| w.starts_with(char::is_uppercase))
            .count()
            >= 2
}

/// Splits what follows `By` into the names and what comes after them (a date, a place):
/// at `|`, `•`, `·`, ` - ` or ` on `.
#[expect(
    clippy::string_slice,
    reason = "`at` is where a `find` match starts, a char boundary"
)]
fn byline_split(rest: &str) -> (&str, Option<&str>) {
    let cut = [
        rest.find(['|', '•', '·']),
        rest.find(" - "),
        rest.find(" on "),
    ]
    .into_iter()
    .flatten()
    .min();
    match cut {
        Some(at) => {
            let tail = rest[at..].trim_start_matches(['|', '•', '·', ' ', '-']);
            let tail = tail.strip_prefix("on ").unwrap_or(tail);
            (rest[..at].trim(), Some(tail.trim()))
        }
        None => (rest.trim(), None),
    }
}

/// For a byline, what follows the names (`By Jane Doe | June 17, 2021` → `June 17,
/// 2021`), where a date may be.
pub(crate) fn byline_tail(t: &str) -> Option<&str> {
    byline_parts(t)?.1
}

fn ends_with_initial(t: &str) -> bool {
    t.rsplit(' ')
        .next()
        .is_some_and(|w| w.len() == 2 && w.ends_with('.'))
}

/// Whether a line right after (or before) a credit line, with no blank line between,
/// reads as that photo's caption: a short, unquoted fragment, or a short present-tense
/// description.
pub(crate) fn caption_near_credit(t: &str) -> bool {
    if t.len() > 600 || has_double_quotes(t) || ends_with_ci(t, ":") {
        return false;
    }
    let n = words(t, 51);
    (n <= 40 && !ends_sentence(t)) || (n <= 30 && has_photo_verb(t, true) && is_description(t))
}

/// A present-tense description is one sentence with no past-tense reporting in it.
fn is_description(t: &str) -> bool {
    super::features::is_single_sentence(t)
        && !t.split(' ').any(|w| {
            matches!(
                w.trim_end_matches([',', '.']),
                "said" | "says" | "told" | "was" | "were" | "had"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits() {
        for t in [
            "IMAGE SOURCE: JANE DOE / AP PHOTO",
            "Photo: Reuters",
            "(Photo: Reuters)",
            "[Photo/Xinhua]",
            "Credit: Jane Doe",
            "Getty Images",
            "Getty.",
            "Getty/Instagram.",
            "ASSOCIATED PRESS.",
            "Bloomberg via Getty Images.",
            "AP Photo/Evan Vucci",
            "REUTERS/Kevin Lamarque",
            "Mikhail Metzel/TASS via Getty Images",
            "© Reuters",
            "Photograph: Jane Doe/The Guardian",
            "File photo",
        ] {
            assert!(is_credit(t), "{t}");
        }
        for t in [
            "Getty Images cut 100 jobs on Tuesday.",
            "Reuters reported the talks had stalled.",
            "Netflix.",
            "Photographers waited outside the villa for hours as the two leaders met.",
            "Washington, D.C.",
        ] {
            assert!(!is_credit(t), "{t}");
        }
    }

    #[test]
    fn captions_by_their_own_shape() {
        for t in [
            "The two presidents (L) and their delegations",
            "Minister Jane Doe (R) shakes hands with envoy John Roe in Paris.",
            "Minister Jane Doe (L) speaks with envoy John Roe.",
            "The ministers shake hands in Vienna on Monday. (Photo: Reuters)",
            "The ministers at the talks in Hanoi (Photo: VNA)",
            "The ministers meet in Oslo in May, 2020. (photo: AFP) |",
            "Leaders pose for a photo in Rome |",
            "Minister Jane Doe speaks in Berlin, Germany June 16, 2021. REUTERS/John Roe",
            "FILE - In this June 1, 2020, file photo, a minister speaks in Oslo.",
            "Caption: the summit venue",
            "The envoys (left to right) at the table",
        ] {
            assert!(is_caption(t, false), "{t}");
        }
        for t in [
            "Sen. Jane Doe (R) said Tuesday that the bill would pass.",
            "“We shake hands (L) when we agree,” she said",
            "The talks (in Geneva) ended without a deal.",
            "He told Reuters the deal was close.",
            "Russia said the talks would go on - Reuters",
            "Putin said on Monday. Reuters reported it too.",
            "In a telling sign, Sen. Jane Doe (R), a sponsor of the bill, reversed herself.",
            "TALKS COLLAPSE The envoys left Vienna after the talks failed. [Reuters]",
            "Follow the money, she said.",
            "Sources said the talks had stalled and would resume in May.",
        ] {
            assert!(!is_caption(t, false), "{t}");
        }
    }

    #[test]
    fn captions_next_to_credits() {
        assert!(caption_near_credit("Minister Jane Doe and envoy John Roe"));
        assert!(caption_near_credit("The envoys meet in Vienna."));
        assert!(!caption_near_credit("The envoys met in Vienna on Monday."));
        assert!(!caption_near_credit("“We meet again,” she said"));
        assert!(!caption_near_credit(
            "The summit began on Monday and ended early."
        ));
    }

    #[test]
    fn prompts_and_notices() {
        for t in [
            "Share this article",
            "Share on Facebook",
            "Read more: Why the summit matters",
            "READ MORE:",
            "Advertisement",
            "ADVERTISEMENT",
            "Subscribe",
            "Subscribe to our newsletter",
            "Follow us on Twitter",
            "© 2021 Example News. All rights reserved.",
            "Click here to read the full report",
            "Reporting by Jane Doe; Editing by John Roe",
            "By Jane Doe",
            "By JANE DOE and John Roe, Reuters",
            "By Jane Doe | June 17, 2021",
            "Related: Leaders meet in Geneva",
            "Follow Jane Doe on Twitter @janedoe.",
            "Posted by Jane Doe on June 17, 2021",
            "Source: VNA",
            "Translated by Jane Doe",
            "Also read | Why the summit matters",
            "ADVERTISEMENT - CONTINUE READING BELOW",
            "Jane Doe in Vienna contributed to this report.",
            "h/t: The Example",
            "We Are Sorry, This video is restricted from playing",
        ] {
            assert!(is_boilerplate(t), "{t}");
        }
        for t in [
            "Share boost for feud-hit firm",
            "Shares in the firm rose 5%.",
            "By 2025, 40% of homes will be online, says a study.",
            "By the time he was 40, he had retired.",
            "By contrast Netcraft managed to view the site.",
            "More than health care, the climate matters to him.",
            "Subscribers complained about the price rise on Tuesday, the firm said.",
            "Click-through rates fell.",
            "Related party transactions were disclosed in the annual report.",
            "Advertisements for the drug were banned.",
            "More than 100 people attended.",
            "Watch out for the details, she said.",
        ] {
            assert!(!is_boilerplate(t), "{t}");
        }
    }

    #[test]
    fn unlabelled_bylines() {
        assert!(is_unlabelled_byline("Jane Doe in Geneva"));
        assert!(is_unlabelled_byline("Jane Doe and John Roe"));
        assert!(!is_unlabelled_byline("Jane"));
        assert!(!is_unlabelled_byline("Various challenges"));
        assert!(!is_unlabelled_byline("Talks End."));
    }

    #[test]
    fn position_markers() {
        assert!(has_position_marker("A (L) and B (R)"));
        assert!(has_position_marker("A (2nd R) and B"));
        assert!(has_position_marker("A (left) and B"));
        assert!(!has_position_marker("Sen. A (R-Texas) said"));
        assert!(!has_position_marker("A (US) and B"));
        assert!(!has_position_marker("A (FDI) and B ("));
    }
}
