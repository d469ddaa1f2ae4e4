//! HTML left in scraped text: character references (`&nbsp;`, `&#8217;`), inline tags
//! (`<p>`, `</span>`), comments, script and style bodies, CSS and JavaScript lines, and CMS
//! shortcodes (`[ad_1]`, `[caption …]…[/caption]`).
//!
//! The in-line pieces (references, tags, complete comments) are handled by the normaliser
//! character by character; whole debris lines are recognised here.

/// A decoded character reference: the character and the bytes it replaces.
pub(crate) fn entity(s: &[u8]) -> Option<(char, usize)> {
    // s[0] == b'&'
    let end = s.iter().take(12).position(|&b| b == b';')?;
    let body = &s[1..end];
    let c = if let Some(num) = body.strip_prefix(b"#") {
        let (digits, radix) = match num.first() {
            Some(b'x' | b'X') => (&num[1..], 16),
            _ => (num, 10),
        };
        if digits.is_empty() || digits.len() > 7 {
            return None;
        }
        let text = std::str::from_utf8(digits).ok()?;
        let cp = u32::from_str_radix(text, radix).ok()?;
        if cp == 0 {
            return None;
        }
        char::from_u32(cp)?
    } else {
        named_entity(body)?
    };
    Some((c, end + 1))
}

fn named_entity(name: &[u8]) -> Option<char> {
    let c = match name {
        b"amp" | b"AMP" => '&',
        b"lt" | b"LT" => '<',
        b"gt" | b"GT" => '>',
        b"quot" | b"QUOT" => '"',
        b"apos" => '\'',
        b"nbsp" | b"NBSP" => '\u{A0}',
        b"ensp" => '\u{2002}',
        b"emsp" => '\u{2003}',
        b"thinsp" => '\u{2009}',
        b"shy" => '\u{AD}',
        b"zwsp" => '\u{200B}',
        b"zwnj" => '\u{200C}',
        b"zwj" => '\u{200D}',
        b"ndash" => '–',
        b"mdash" => '—',
        b"lsquo" => '‘',
        b"rsquo" => '’',
        b"sbquo" => '‚',
        b"ldquo" => '“',
        b"rdquo" => '”',
        b"bdquo" => '„',
        b"laquo" => '«',
        b"raquo" => '»',
        b"lsaquo" => '‹',
        b"rsaquo" => '›',
        b"hellip" => '…',
        b"bull" => '•',
        b"middot" => '·',
        b"copy" => '©',
        b"reg" => '®',
        b"trade" => '™',
        b"euro" => '€',
        b"pound" => '£',
        b"yen" => '¥',
        b"cent" => '¢',
        b"deg" => '°',
        b"times" => '×',
        b"frac12" => '½',
        b"eacute" => 'é',
        b"egrave" => 'è',
        b"ecirc" => 'ê',
        b"aacute" => 'á',
        b"agrave" => 'à',
        b"acirc" => 'â',
        b"iacute" => 'í',
        b"oacute" => 'ó',
        b"ocirc" => 'ô',
        b"uacute" => 'ú',
        b"ntilde" => 'ñ',
        b"ccedil" => 'ç',
        b"auml" => 'ä',
        b"ouml" => 'ö',
        b"uuml" => 'ü',
        b"szlig" => 'ß',
        _ => return None,
    };
    Some(c)
}

/// What an inline HTML tag does to the text around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TagKind {
    /// Inline formatting (`<a>`, `<span>`, `<em>`): dropped, words stay joined.
    Inline,
    /// Block structure (`<p>`, `<br>`, `<div>`): dropped, acts as a space.
    Block,
    /// A caption container (`<figcaption>`): its line is a caption.
    Caption,
    /// An element whose body is not text (`<script>`, `<style>`).
    Raw,
}

/// An HTML tag at the start of a string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tag {
    pub len: usize,
    pub kind: TagKind,
    pub closing: bool,
    /// `<br/>`-style.
    pub self_closing: bool,
    name: [u8; 10],
    name_len: usize,
}

impl Tag {
    /// The lower-case tag name.
    pub fn name(&self) -> &[u8] {
        &self.name[..self.name_len]
    }
}

/// Longest tag (with attributes) recognised; beyond that a `<` is text.
const MAX_TAG_BYTES: usize = 2048;

/// Parses a known HTML tag at the start of `s` (which starts with `<`).
pub(crate) fn tag(s: &[u8]) -> Option<Tag> {
    let closing = s.get(1) == Some(&b'/');
    let name_start = if closing { 2 } else { 1 };
    let mut i = name_start;
    while i < s.len() && i - name_start < 10 && s[i].is_ascii_alphanumeric() {
        i += 1;
    }
    let name_len = i - name_start;
    if name_len == 0 || !s[name_start].is_ascii_alphabetic() {
        return None;
    }
    if !matches!(s.get(i), Some(b'>' | b' ' | b'/' | b'\t')) {
        return None;
    }
    let mut name = [0u8; 10];
    for (d, b) in name.iter_mut().zip(&s[name_start..i]) {
        *d = b.to_ascii_lowercase();
    }
    let kind = tag_kind(&name[..name_len])?;
    let rest = &s[i..s.len().min(i + MAX_TAG_BYTES)];
    let close = memchr::memchr2(b'>', b'<', rest)?;
    if rest[close] != b'>' {
        return None;
    }
    let len = i + close + 1;
    Some(Tag {
        len,
        kind,
        closing,
        self_closing: len >= 2 && s[len - 2] == b'/',
        name,
        name_len,
    })
}

fn tag_kind(name: &[u8]) -> Option<TagKind> {
    let kind = match name {
        b"a" | b"span" | b"b" | b"i" | b"u" | b"em" | b"strong" | b"small" | b"sup" | b"sub"
        | b"mark" | b"time" | b"abbr" | b"cite" | b"font" | b"ins" | b"del" | b"s" | b"strike"
        | b"code" | b"label" | b"wbr" | b"q" | b"big" | b"tt" => TagKind::Inline,
        b"p" | b"div" | b"br" | b"hr" | b"li" | b"ul" | b"ol" | b"h1" | b"h2" | b"h3" | b"h4"
        | b"h5" | b"h6" | b"tr" | b"td" | b"th" | b"table" | b"thead" | b"tbody" | b"tfoot"
        | b"section" | b"article" | b"header" | b"footer" | b"blockquote" | b"figure" | b"nav"
        | b"aside" | b"main" | b"dl" | b"dt" | b"dd" | b"pre" | b"form" | b"img" | b"iframe"
        | b"video" | b"audio" | b"source" | b"picture" | b"center" | b"address" | b"details"
        | b"summary" | b"button" | b"input" | b"meta" | b"link" | b"html" | b"head" | b"body"
        | b"title" | b"embed" | b"object" | b"param" | b"path" | b"g" => TagKind::Block,
        b"figcaption" | b"caption" => TagKind::Caption,
        b"script" | b"style" | b"noscript" | b"template" | b"svg" => TagKind::Raw,
        _ => return None,
    };
    Some(kind)
}

/// Position of the end of the closing tag `</name>` in `s`, searched case-insensitively.
pub(crate) fn find_closing(s: &[u8], name: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(k) = memchr::memmem::find(&s[from..], b"</") {
        let at = from + k + 2;
        let candidate = &s[at..];
        if candidate.len() >= name.len()
            && candidate[..name.len()].eq_ignore_ascii_case(name)
            && let Some(gt) = memchr::memchr(b'>', &candidate[name.len()..])
        {
            return Some(at + name.len() + gt + 1);
        }
        from = at;
    }
    None
}

/// How a line relates to a comment spanning several lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CommentLine {
    /// A whole comment (`<!-- … -->`, or `!-- … -->` whose `<` the scraper ate).
    Whole,
    /// Opens a comment that this line does not close.
    Opens,
    /// Closes a comment opened earlier (`… -->`).
    Closes,
}

/// Classifies a normalised line as a comment line.
pub(crate) fn comment_line(t: &str) -> Option<CommentLine> {
    let opens = t.starts_with("<!--") || t.starts_with("!--") || t.starts_with("<!");
    let closes = t.ends_with("-->");
    match (opens, closes) {
        (true, true) => Some(CommentLine::Whole),
        (true, false) if t.starts_with("<!--") || t.starts_with("!--") => Some(CommentLine::Opens),
        // `<!DOCTYPE html>`, `<![CDATA[ … ]]>` and kin.
        (true, false) => t.ends_with('>').then_some(CommentLine::Whole),
        (false, true) => Some(CommentLine::Closes),
        (false, false) => None,
    }
}

/// Whether a normalised line is CSS or JavaScript rather than text.
pub(crate) fn is_code(t: &str) -> bool {
    let b = t.as_bytes();
    let Some(&last) = b.last() else {
        return false;
    };
    // Prose never ends with an opening brace.
    if last == b'{' {
        return true;
    }
    if !b.iter().any(u8::is_ascii_alphanumeric) {
        // `}`, `});`, `]]>`: punctuation that belongs to code.
        return b
            .iter()
            .any(|c| matches!(c, b'{' | b'}' | b';' | b'<' | b'>' | b'='));
    }
    if !matches!(last, b';' | b'}' | b')') {
        return false;
    }
    if is_css_declaration(t) {
        return true;
    }
    const JS: [&str; 16] = [
        "(){",
        "() {",
        "();",
        "||",
        "&&",
        "=>",
        "function(",
        "function (",
        "function ",
        "window.",
        "document.",
        "var ",
        ".push(",
        " = {",
        " = [",
        "});",
    ];
    if last == b')' {
        // `gtag('js', new Date())` and the like: require two signs of code.
        return JS.iter().filter(|p| t.contains(*p)).count() >= 2;
    }
    JS.iter().any(|p| t.contains(p))
}

/// `width:100%;`, `-webkit-border-radius: 50px;`, `font-family: Helvetica, Arial;`.
#[expect(clippy::string_slice, reason = "`colon` indexes an ASCII `:`")]
fn is_css_declaration(t: &str) -> bool {
    if t.len() > 120 || !t.ends_with(';') {
        return false;
    }
    let Some(colon) = t.find(':') else {
        return false;
    };
    let property = t[..colon].trim_end();
    !property.is_empty()
        && property.len() <= 40
        && property
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'-')
        && !t[colon + 1..].contains(": ")
}

/// Whether a normalised line consists of CMS shortcodes only: `[ad_1]`, `[/embed]`,
/// `[gallery ids="1,2"]`, or a `[caption …]…[/caption]` pair with whatever it wraps.
#[expect(
    clippy::string_slice,
    reason = "`open` is where `[/` starts and the line ends with an ASCII `]`"
)]
pub(crate) fn is_shortcode_line(t: &str) -> bool {
    let b = t.as_bytes();
    if b.first() != Some(&b'[') || b.last() != Some(&b']') {
        return false;
    }
    // `[name …] … [/name]`: a wrapping shortcode and its content.
    if let Some(name) = shortcode_at(b).map(|(name, _)| name)
        && let Some(open) = t.rfind("[/")
        && open > 0
        && t[open + 2..t.len() - 1].eq_ignore_ascii_case(name)
    {
        return true;
    }
    let mut rest = b;
    while !rest.is_empty() {
        let Some((_, len)) = shortcode_at(rest) else {
            return false;
        };
        rest = &rest[len..];
        while let [b' ', tail @ ..] = rest {
            rest = tail;
        }
    }
    true
}

/// A shortcode at the start of `b`: its name and length. Names are lower-case (the CMS
/// convention), so `[Applause]` in a transcript is text, and so is a bracketed
/// interpolation such as `[their]` (which never stands alone on a line anyway).
fn shortcode_at(b: &[u8]) -> Option<(&str, usize)> {
    if b.first() != Some(&b'[') {
        return None;
    }
    let start = if b.get(1) == Some(&b'/') { 2 } else { 1 };
    let mut i = start;
    while i < b.len()
        && (b[i].is_ascii_lowercase() || b[i].is_ascii_digit() || b[i] == b'_' || b[i] == b'-')
    {
        i += 1;
    }
    if i == start || !b[start].is_ascii_lowercase() {
        return None;
    }
    let name = std::str::from_utf8(&b[start..i]).ok()?;
    match b.get(i)? {
        b']' => Some((name, i + 1)),
        b' ' if start == 1 => {
            // Attributes, up to the closing bracket, with no nested bracket.
            let close = memchr::memchr2(b']', b'[', &b[i..])?;
            (b[i + close] == b']').then_some((name, i + close + 1))
        }
        _ => None,
    }
}

/// Whether a line holds nothing but punctuation and symbols used as separators
/// (`***`, `___.`, `— — —`): page furniture. Lines with quotation marks are kept (a
/// paragraph that is only a closing quotation mark still matters to quote extraction).
pub(crate) fn is_separator(t: &str) -> bool {
    !t.chars().any(|c| {
        c.is_alphanumeric() || matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '\'')
    }) && !t.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_references() {
        assert_eq!(entity(b"&amp; more"), Some(('&', 5)));
        assert_eq!(entity(b"&nbsp;x"), Some(('\u{A0}', 6)));
        assert_eq!(entity(b"&#8217;s"), Some(('’', 7)));
        assert_eq!(entity(b"&#x201C;"), Some(('“', 8)));
        assert_eq!(entity(b"&rsquo;"), Some(('’', 7)));
    }

    #[test]
    fn leaves_ampersands_in_text() {
        assert_eq!(entity(b"& Co"), None);
        assert_eq!(entity(b"&T said;"), None);
        assert_eq!(entity(b"&unknown;"), None);
        assert_eq!(entity(b"&#0;"), None);
        assert_eq!(entity(b"&#xD800;"), None);
        assert_eq!(entity(b"&#99999999;"), None);
        assert_eq!(entity(b"&"), None);
    }

    #[test]
    fn parses_known_tags_only() {
        let t = tag(b"<p class=\"lead\">Text").unwrap();
        assert_eq!((t.len, t.kind, t.closing), (16, TagKind::Block, false));
        let t = tag(b"</span> after").unwrap();
        assert_eq!((t.len, t.kind, t.closing), (7, TagKind::Inline, true));
        let t = tag(b"<br/>").unwrap();
        assert!(t.self_closing);
        assert_eq!(tag(b"<script async src=\"x\">").unwrap().kind, TagKind::Raw);
        assert_eq!(tag(b"< 5 and > 3"), None);
        assert_eq!(tag(b"<foo>"), None);
        assert_eq!(tag(b"<p unterminated"), None);
        assert_eq!(tag(b"<p <b>"), None);
        assert_eq!(tag(b"<"), None);
    }

    #[test]
    fn finds_closing_tags_in_any_case() {
        assert_eq!(find_closing(b"var x;</SCRIPT> tail", b"script"), Some(15));
        assert_eq!(find_closing(b"a </b> </script", b"script"), None);
    }

    #[test]
    fn recognises_comment_lines() {
        assert_eq!(
            comment_line("!-- Site tag (tag.js) -->"),
            Some(CommentLine::Whole)
        );
        assert_eq!(comment_line("<!-- begin widget"), Some(CommentLine::Opens));
        assert_eq!(comment_line("end widget -->"), Some(CommentLine::Closes));
        assert_eq!(comment_line("<!DOCTYPE html>"), Some(CommentLine::Whole));
        assert_eq!(comment_line("The talks went on."), None);
    }

    #[test]
    fn recognises_code() {
        assert!(is_code(".promo-box {"));
        assert!(is_code("width:100%;"));
        assert!(is_code("-moz-border-radius: 50px;"));
        assert!(is_code("font-family:Helvetica, Arial, sans-serif;"));
        assert!(is_code("}"));
        assert!(is_code("});"));
        assert!(is_code("window.dataLayer = window.dataLayer || [];"));
        assert!(is_code("function track(){queue.push(arguments);}"));
        assert!(!is_code("The ministers met; nothing was agreed."));
        assert!(!is_code("He said: no deal;"));
        assert!(!is_code("Exports rose (by 3%)"));
        assert!(!is_code("Trade and investment (FDI) talks resumed."));
        assert!(!is_code(""));
    }

    #[test]
    fn recognises_shortcode_lines() {
        assert!(is_shortcode_line("[ad_1]"));
        assert!(is_shortcode_line("[/embed]"));
        assert!(is_shortcode_line("[ad_2] [ad_3]"));
        assert!(is_shortcode_line("[gallery ids=\"1,2,3\"]"));
        assert!(is_shortcode_line(
            "[caption id=\"a1\" width=\"600\"] Two leaders in a park [/caption]"
        ));
        assert!(!is_shortcode_line("[Applause]"));
        assert!(!is_shortcode_line("[1]"));
        assert!(!is_shortcode_line("[their] relations"));
        assert!(!is_shortcode_line(
            "[ad_1] and then the talks began [their words]"
        ));
        assert!(!is_shortcode_line("["));
    }

    #[test]
    fn recognises_separators() {
        assert!(is_separator("***"));
        assert!(is_separator("___."));
        assert!(is_separator("— — —"));
        assert!(!is_separator("”"));
        assert!(!is_separator("A."));
        assert!(!is_separator("2020"));
    }
}
