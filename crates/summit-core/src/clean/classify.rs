//! Which lines are page furniture rather than article: photo credits, captions, sharing
//! and navigation prompts, bylines and sign-offs.
//!
//! Each test looks at one normalised line on its own (the cleaner adds what depends on the
//! neighbours: a caption next to a credit, a repeated line). The tests are written for
//! classes of debris and guarded against prose: debris lines are short, or have a shape
//! prose never has (a trailing `|`, a credit in brackets at the end).

use super::features::{
    contains_ci, ends_sentence, ends_with_ci, has_double_quotes, lower_tokens, starts_with_ci,
    words,
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
const AGENCIES: [&str; 44] = [
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
];

/// Longest credit line, in words.
const MAX_CREDIT_WORDS: usize = 14;

/// Whether a normalised line is a photo or image credit.
pub(crate) fn is_credit(t: &str) -> bool {
    let t = unwrap_brackets(t);
    if t.is_empty() || t.len() > 200 || words(t, MAX_CREDIT_WORDS + 1) > MAX_CREDIT_WORDS {
        return false;
    }
    if contains_ci(t, "rights reserved") {
        // A copyright notice (boilerplate), not a photo credit.
        return false;
    }
    if CREDIT_LABELS.iter().any(|l| starts_with_ci(t, l)) {
        return true;
    }
    if matches!(
        t.to_ascii_lowercase().trim_end_matches('.'),
        "photo" | "image" | "file photo" | "handout" | "pool" | "file"
    ) {
        return true;
    }
    agency_credit(t)
}

/// A credit that names a photo, not just a source: labelled (`Photo: …`), slashed
/// (`AP Photo/Evan Vucci`, `Name/AFP`) or from a photo agency. A paragraph ending in
/// `[Reuters]` cites its source; one ending in `(Photo: Reuters)` is a caption.
fn is_photo_credit(t: &str) -> bool {
    let inner = unwrap_brackets(t);
    is_credit(inner)
        && (CREDIT_LABELS.iter().any(|l| starts_with_ci(inner, l))
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
    let mut agency = contains_ci(t, "associated press");
    let mut other_words = 0;
    for (token, raw) in lower_tokens(t).zip(raw_tokens(t)) {
        if AGENCIES.contains(&token.as_str()) {
            agency = true;
        } else if CREDIT_WORDS.contains(&token.as_str()) {
        } else if raw.chars().next().is_some_and(char::is_uppercase) {
            // A name (`Evan`, `Vucci`): allowed next to an agency and a slash.
            other_words += 1;
        } else {
            return false;
        }
    }
    if !agency {
        return false;
    }
    other_words == 0
        || (t.contains('/') || contains_ci(t, "getty images") || contains_ci(t, " via "))
            && other_words <= 5
}

/// The raw tokens matching [`lower_tokens`], to see their case.
fn raw_tokens(t: &str) -> impl Iterator<Item = &str> {
    t.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '&' || c == '\''))
        .filter(|w| !w.is_empty() && *w != "-")
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
        match token.to_ascii_lowercase().as_str() {
            "l" | "r" | "c" | "left" | "right" | "centre" | "center" | "front" | "back"
            | "rear" | "top" | "bottom" | "pictured" | "above" | "below" | "foreground"
            | "background" => positional = true,
            "to" | "from" | "row" | "1st" | "2nd" | "3rd" | "4th" | "5th" | "second" | "third"
            | "and" | "far" | "at" | "in" | "the" => {}
            _ => return false,
        }
    }
    positional
}

/// Whether the line holds a caption position marker.
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
/// captions use); with `plural`, the plural forms count too.
pub(crate) fn has_photo_verb(t: &str, plural: bool) -> bool {
    t.split(' ').any(|w| {
        let w = w.trim_end_matches([',', '.', ';']).to_ascii_lowercase();
        PHOTO_VERBS.contains(&w.as_str()) || plural && PHOTO_VERBS_PLURAL.contains(&w.as_str())
    })
}

/// Labels that open a caption: `Caption:`, `Pictured:`, AP's `FILE - In this …, file
/// photo, …`.
const CAPTION_LABELS: [&str; 26] = [
    "caption:",
    "photo caption:",
    "image caption:",
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
    if CAPTION_LABELS.iter().any(|l| starts_with_ci(t, l)) {
        return true;
    }
    if ends_with_credit(t) {
        return true;
    }
    let quoted = has_double_quotes(t);
    if t.ends_with('|') && !quoted {
        return true;
    }
    has_position_marker(t)
        && !quoted
        && (!ends_sentence(t) && words(t, 41) <= 40
            || has_photo_verb(t, false) && is_description(t))
}

/// Whether the line ends with a credit after its description: in brackets (`(Photo:
/// Reuters)`, `[Photo/Xinhua]`, `(AP Photo/Evan Vucci)`), after a `|`, or after the
/// description's full stop (`… June 16, 2021. REUTERS/Kevin Lamarque`).
fn ends_with_credit(t: &str) -> bool {
    let t = t.trim_end_matches(['|', ' ']);
    let t = t.strip_suffix('.').unwrap_or(t);
    let bracketed = match t.as_bytes().last() {
        Some(b')') => t.rfind('('),
        Some(b']') => t.rfind('['),
        _ => None,
    };
    if let Some(open) = bracketed {
        return open > 0 && is_photo_credit(&t[open..]);
    }
    for sep in [" | ", ". ", " - ", " – ", " — "] {
        if let Some(at) = t.rfind(sep) {
            let tail = &t[at + sep.len()..];
            // After a full stop or a dash only a labelled or slashed credit counts
            // (`Photo: AP`, `REUTERS/Name`): prose may end with `… - Reuters`.
            let strong = sep == " | "
                || CREDIT_LABELS.iter().any(|l| starts_with_ci(tail, l))
                || tail.contains('/') && is_credit(tail);
            if strong && is_photo_credit(tail) {
                return true;
            }
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
const BOILERPLATE_PREFIXES: [(&str, usize); 64] = [
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
    ("h/t", 15),
    ("hat tip:", 15),
];

/// Phrases of player, browser and social-widget notices.
const NOTICE_PHRASES: [&str; 9] = [
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
    if n <= 8 {
        let lower = bare.to_ascii_lowercase();
        if BOILERPLATE_LINES.contains(&lower.as_str()) {
            return true;
        }
    }
    if BOILERPLATE_PREFIXES
        .iter()
        .any(|&(p, max)| n <= max && starts_with_ci(t, p))
    {
        return true;
    }
    if n <= 25 && contains_ci(t, "all rights reserved") {
        return true;
    }
    if n <= 25 && NOTICE_PHRASES.iter().any(|p| contains_ci(t, p)) {
        return true;
    }
    if n <= 15 && is_follow_prompt(t) {
        return true;
    }
    is_byline(t)
}

/// `By Jane Smith`, `By JANE SMITH and John Doe, Reuters`, `Written by Jane Smith`:
/// a credit for the writer, names only.
pub(crate) fn is_byline(t: &str) -> bool {
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
    let Some(rest) = rest else {
        return false;
    };
    // A date or place after a separator does not matter.
    let names = rest
        .split(['|', '•', '·'])
        .next()
        .unwrap_or(rest)
        .split(" - ")
        .next()
        .unwrap_or(rest)
        .trim();
    let n = words(names, 11);
    if n == 0 || n > 10 || ends_sentence(names) && !ends_with_initial(names) {
        return false;
    }
    names.split([' ', ',']).filter(|w| !w.is_empty()).all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            || matches!(
                w,
                "and"
                    | "&"
                    | "in"
                    | "for"
                    | "of"
                    | "de"
                    | "da"
                    | "van"
                    | "von"
                    | "al"
                    | "bin"
                    | "el"
                    | "la"
                    | "le"
                    | "and/or"
            )
    })
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
    (n <= 40 && !ends_sentence(t)) || (n <= 50 && has_photo_verb(t, true) && is_description(t))
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
        ] {
            assert!(!is_boilerplate(t), "{t}");
        }
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
