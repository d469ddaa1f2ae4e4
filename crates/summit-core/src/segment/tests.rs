//! Behaviour of the whole segmenter on sentences written for these tests, and property
//! tests of its invariants.

use proptest::prelude::*;

use super::*;

fn seg(text: &str) -> Segmentation {
    let blocks = paragraphs(text);
    let s = segment(text, &blocks);
    s.check(text, &blocks).unwrap();
    s
}

fn toks(text: &str) -> Vec<&str> {
    seg(text).tokens.iter().map(|t| t.text(text)).collect()
}

fn sents(text: &str) -> Vec<&str> {
    seg(text)
        .sentences
        .iter()
        .map(|s| s.span.slice(text))
        .collect()
}

fn token(text: &str, s: &Segmentation, word: &str) -> Token {
    *s.tokens
        .iter()
        .find(|t| t.text(text) == word)
        .unwrap_or_else(|| panic!("no token {word:?}"))
}

// ---- tokens ------------------------------------------------------------------------

#[test]
fn punctuation_splits_off() {
    assert_eq!(
        toks("Hello, world; (really): yes!"),
        [
            "Hello", ",", "world", ";", "(", "really", ")", ":", "yes", "!"
        ]
    );
}

#[test]
fn every_quotation_mark_is_a_token() {
    assert_eq!(
        toks("“Go,” she said. ‘Now’ «vite» „jetzt“ ‚so‘ \"ok\""),
        [
            "“", "Go", ",", "”", "she", "said", ".", "‘", "Now", "’", "«", "vite", "»", "„",
            "jetzt", "“", "‚", "so", "‘", "\"", "ok", "\""
        ]
    );
    assert_eq!(
        toks("``Fine,'' he said."),
        ["``", "Fine", ",", "''", "he", "said", "."]
    );
    let text = "He said “yes” twice.";
    let s = seg(text);
    assert!(token(text, &s, "“").is_quote());
    assert!(!token(text, &s, "yes").is_quote());
}

#[test]
fn apostrophes_inside_words_stay() {
    assert_eq!(
        toks("Kendall-Taylor met O’Brien and O'Neill in Côte d'Ivoire."),
        [
            "Kendall-Taylor",
            "met",
            "O’Brien",
            "and",
            "O'Neill",
            "in",
            "Côte",
            "d'Ivoire",
            "."
        ]
    );
    assert_eq!(toks("rock ’n’ roll"), ["rock", "’n’", "roll"]);
    assert_eq!(toks("rock 'n' roll"), ["rock", "'n'", "roll"]);
}

#[test]
fn possessives_split() {
    assert_eq!(toks("Russia’s army"), ["Russia", "’s", "army"]);
    assert_eq!(toks("Russia's army"), ["Russia", "'s", "army"]);
    assert_eq!(toks("O’Neill’s plan"), ["O’Neill", "’s", "plan"]);
    assert_eq!(toks("the 1990's boom"), ["the", "1990", "'s", "boom"]);
    assert_eq!(toks("the U.S.'s role"), ["the", "U.S.", "'s", "role"]);
    let text = "the leaders’ views and the leaders' views";
    assert_eq!(
        toks(text),
        [
            "the", "leaders", "’", "views", "and", "the", "leaders", "'", "views"
        ]
    );
    let s = seg(text);
    let apostrophe = token(text, &s, "’");
    assert!(apostrophe.is_clitic() && apostrophe.is_quote());
    assert!(token(text, &s, "leaders").space_before());
    assert!(!token(text, &s, "leaders").space_after());
    let s2 = seg("Russia’s army");
    let clitic = s2.tokens[1];
    assert!(clitic.is_clitic() && !clitic.is_quote() && !clitic.space_before());
}

#[test]
fn closing_single_quote_after_a_word_is_a_quote() {
    let text = "'We will win,' he said. 'It is mine'";
    assert_eq!(
        toks(text),
        [
            "'", "We", "will", "win", ",", "'", "he", "said", ".", "'", "It", "is", "mine", "'"
        ]
    );
    let s = seg(text);
    let last = *s.tokens.last().unwrap();
    assert!(last.is_quote() && !last.is_clitic());
}

#[test]
fn contractions_follow_the_treebank() {
    assert_eq!(toks("I don’t know"), ["I", "do", "n’t", "know"]);
    assert_eq!(toks("I don't know"), ["I", "do", "n't", "know"]);
    assert_eq!(toks("we can't"), ["we", "ca", "n't"]);
    assert_eq!(toks("they won’t"), ["they", "wo", "n’t"]);
    assert_eq!(toks("DON'T"), ["DO", "N'T"]);
    assert_eq!(toks("I’ve seen it's"), ["I", "’ve", "seen", "it", "'s"]);
    assert_eq!(
        toks("I'm sure we'll go, you're right, she'd say"),
        [
            "I", "'m", "sure", "we", "'ll", "go", ",", "you", "'re", "right", ",", "she", "'d",
            "say"
        ]
    );
    let text = "It isn’t";
    let s = seg(text);
    assert!(token(text, &s, "n’t").is_clitic());
    assert_eq!(token(text, &s, "is").kind, TokenKind::Word);
}

#[test]
fn hyphenated_words_stay_whole() {
    assert_eq!(
        toks("the Biden-Putin talks, co-members, a 78-year-old man, 1996-08-22"),
        [
            "the",
            "Biden-Putin",
            "talks",
            ",",
            "co-members",
            ",",
            "a",
            "78-year-old",
            "man",
            ",",
            "1996-08-22"
        ]
    );
    assert_eq!(toks("pre- and post-war"), ["pre", "-", "and", "post-war"]);
    assert_eq!(toks("yes -- no — maybe"), ["yes", "--", "no", "—", "maybe"]);
}

#[test]
fn abbreviations_keep_their_dot() {
    for abbr in [
        "U.S.", "U.K.", "Mr.", "Mrs.", "Dr.", "St.", "Gen.", "Sen.", "Rep.", "Gov.", "Jan.",
        "Feb.", "Dec.", "Corp.", "Inc.", "Ltd.", "Co.", "vs.", "e.g.", "i.e.", "J.", "Ph.D.",
        "a.m.",
    ] {
        let text = format!("He met {abbr} people");
        let s = seg(&text);
        let t = token(&text, &s, abbr);
        assert!(t.is_abbreviation(), "{abbr}");
        assert_eq!(t.kind, TokenKind::Word, "{abbr}");
    }
    assert_eq!(toks("No. 10 Downing"), ["No.", "10", "Downing"]);
    assert_eq!(
        toks("It was a No. It was"),
        ["It", "was", "a", "No", ".", "It", "was"]
    );
    assert_eq!(toks("see p. 5"), ["see", "p.", "5"]);
    assert_eq!(toks("Mr.Biden"), ["Mr.", "Biden"]);
    assert_eq!(toks("it is gen. good"), ["it", "is", "gen", ".", "good"]);
}

#[test]
fn numbers() {
    assert_eq!(
        toks("3.5 and 1,000 and 2,500.75 and 1,000,000 and 15th and 10:30 and 24/7"),
        [
            "3.5",
            "and",
            "1,000",
            "and",
            "2,500.75",
            "and",
            "1,000,000",
            "and",
            "15th",
            "and",
            "10:30",
            "and",
            "24/7"
        ]
    );
    assert_eq!(
        toks("50% of $1m or £2.5bn"),
        ["50", "%", "of", "$", "1m", "or", "£", "2.5bn"]
    );
    assert_eq!(
        toks("In 2019,100 people"),
        ["In", "2019", ",", "100", "people"]
    );
    assert_eq!(toks("1,2,3"), ["1", ",", "2", ",", "3"]);
    assert_eq!(
        toks("it fell -3.5 and +2 or .5"),
        ["it", "fell", "-3.5", "and", "+2", "or", ".5"]
    );
    assert_eq!(toks("the '90s"), ["the", "'90s"]);
    assert_eq!(toks("a 3-1 win"), ["a", "3-1", "win"]);
    let text = "About 3.5 million";
    let s = seg(text);
    assert_eq!(token(text, &s, "3.5").kind, TokenKind::Number);
    assert_eq!(token(text, &s, "million").kind, TokenKind::Word);
}

#[test]
fn symbols() {
    let text = "Prices in €, © 2021 😀 👩‍💻 🇬🇧 ok";
    assert_eq!(
        toks(text),
        [
            "Prices",
            "in",
            "€",
            ",",
            "©",
            "2021",
            "😀",
            "👩‍💻",
            "🇬🇧",
            "ok"
        ]
    );
    let s = seg(text);
    assert_eq!(token(text, &s, "€").kind, TokenKind::Symbol);
    assert_eq!(token(text, &s, "👩‍💻").kind, TokenKind::Symbol);
    assert_eq!(token(text, &s, ",").kind, TokenKind::Punct);
    assert_eq!(
        toks("AT&T and R&D & more"),
        ["AT&T", "and", "R&D", "&", "more"]
    );
}

#[test]
fn ellipses_are_one_token() {
    assert_eq!(
        toks("Wait... what… now"),
        ["Wait", "...", "what", "…", "now"]
    );
    assert_eq!(
        toks("he is […] a rival"),
        ["he", "is", "[", "…", "]", "a", "rival"]
    );
    assert_eq!(toks("so.. then"), ["so", "..", "then"]);
}

#[test]
fn links_are_one_token() {
    let text = "See https://www.bbc.co.uk/news/world-123?a=1&b=(2). Or www.example.org, \
                mail jane.doe@example.co.uk or @POTUS about #G7Summit today.";
    assert_eq!(
        toks(text),
        [
            "See",
            "https://www.bbc.co.uk/news/world-123?a=1&b=(2)",
            ".",
            "Or",
            "www.example.org",
            ",",
            "mail",
            "jane.doe@example.co.uk",
            "or",
            "@POTUS",
            "about",
            "#G7Summit",
            "today",
            "."
        ]
    );
    let s = seg(text);
    assert!(token(text, &s, "@POTUS").is_link());
    assert!(token(text, &s, "jane.doe@example.co.uk").is_link());
    assert!(token(text, &s, "jane.doe@example.co.uk").space_before());
    assert_eq!(toks("(http://x.org/a)"), ["(", "http://x.org/a", ")"]);
    assert_eq!(
        toks("Mail John.Smith@bbc.com"),
        ["Mail", "John.Smith@bbc.com"]
    );
    assert_eq!(toks("at 5@home"), ["at", "5", "@", "home"]);
    assert_eq!(toks("#1 hit"), ["#", "1", "hit"]);
}

#[test]
fn letters_of_every_script() {
    assert_eq!(
        toks("Путин встретился с Байденом. 習近平は北京にいる。"),
        [
            "Путин",
            "встретился",
            "с",
            "Байденом",
            ".",
            "習近平は北京にいる",
            "。"
        ]
    );
    assert_eq!(
        toks("São Paulo, Zürich, नमस्ते"),
        ["São", "Paulo", ",", "Zürich", ",", "नमस्ते"]
    );
    // A combining accent stays with its letter.
    assert_eq!(toks("Cafe\u{301} noir"), ["Cafe\u{301}", "noir"]);
}

#[test]
fn flags_record_spacing() {
    let text = "He said “no.”";
    let s = seg(text);
    let flags: Vec<(bool, bool)> = s
        .tokens
        .iter()
        .map(|t| (t.space_before(), t.space_after()))
        .collect();
    assert_eq!(
        flags,
        [
            (true, true),
            (true, true),
            (true, false),
            (false, false),
            (false, false),
            (false, true)
        ]
    );
}

// ---- sentences ---------------------------------------------------------------------

#[test]
fn sentences_end_at_terminals() {
    assert_eq!(
        sents("The talks began. Were they useful? Yes! Then… Nothing."),
        [
            "The talks began.",
            "Were they useful?",
            "Yes!",
            "Then…",
            "Nothing."
        ]
    );
}

#[test]
fn titles_and_initials_do_not_end_sentences() {
    assert_eq!(
        sents("Mr. Biden met Gen. Milley and Dr. Fauci. J. Biden left for St. Petersburg."),
        [
            "Mr. Biden met Gen. Milley and Dr. Fauci.",
            "J. Biden left for St. Petersburg."
        ]
    );
    assert_eq!(
        sents("Sen. Smith and Rep. Jones met Gov. Lee on Jan. 6. They talked."),
        [
            "Sen. Smith and Rep. Jones met Gov. Lee on Jan. 6.",
            "They talked."
        ]
    );
    assert_eq!(
        sents("He lived at No. 10 for years."),
        ["He lived at No. 10 for years."]
    );
}

#[test]
fn us_in_the_middle_and_at_the_end() {
    assert_eq!(
        sents("U.S. officials met. The U.S. Senate agreed."),
        ["U.S. officials met.", "The U.S. Senate agreed."]
    );
    assert_eq!(
        sents("He flew to the U.S. The talks were held in Geneva."),
        ["He flew to the U.S.", "The talks were held in Geneva."]
    );
    assert_eq!(
        sents("Moscow blamed the U.S. “It is over,” he said."),
        ["Moscow blamed the U.S.", "“It is over,” he said."]
    );
    assert_eq!(
        sents("It was sold to Acme Inc. But the deal failed."),
        ["It was sold to Acme Inc.", "But the deal failed."]
    );
    assert_eq!(
        sents("They bought apples, pears etc. Nobody complained."),
        ["They bought apples, pears etc.", "Nobody complained."]
    );
    assert_eq!(sents("Ties with the U.S."), ["Ties with the U.S."]);
    assert_eq!(sents("The U.S.-Russia summit"), ["The U.S.-Russia summit"]);
    assert_eq!(
        sents("e.g. Moscow and i.e. Kyiv; Roe v. Wade."),
        ["e.g. Moscow and i.e. Kyiv; Roe v. Wade."]
    );
}

#[test]
fn decimals_do_not_end_sentences() {
    assert_eq!(
        sents("Growth was 3.5 per cent. It was 2.5bn in 2021."),
        ["Growth was 3.5 per cent.", "It was 2.5bn in 2021."]
    );
    assert_eq!(
        sents("Sales rose. 2021 was good."),
        ["Sales rose.", "2021 was good."]
    );
}

#[test]
fn closing_quotes_and_brackets_stay_with_the_sentence() {
    assert_eq!(
        sents("He said: “We are ready.” Then he left. (It rained.) She stayed."),
        [
            "He said: “We are ready.”",
            "Then he left.",
            "(It rained.)",
            "She stayed."
        ]
    );
    assert_eq!(
        sents("‘Is it over?’ Nobody knew. \"Go!\" They went."),
        ["‘Is it over?’", "Nobody knew.", "\"Go!\"", "They went."]
    );
    assert_eq!(
        sents("It ended.” The next day came."),
        ["It ended.”", "The next day came."]
    );
}

#[test]
fn questions_inside_quotes_before_attribution() {
    assert_eq!(
        sents("“Why?” he asked. “No!” she shouted."),
        ["“Why?” he asked.", "“No!” she shouted."]
    );
    assert_eq!(
        sents("“Why now?” Biden asked. “Because,” Putin replied."),
        ["“Why now?” Biden asked.", "“Because,” Putin replied."]
    );
    assert_eq!(
        sents("“Will it work?” Nobody knows."),
        ["“Will it work?”", "Nobody knows."]
    );
}

#[test]
fn lower_case_after_a_period_does_not_split() {
    assert_eq!(
        sents("He left at 5 p.m. yesterday."),
        ["He left at 5 p.m. yesterday."]
    );
    assert_eq!(sents("Wait... and then"), ["Wait... and then"]);
}

#[test]
fn stray_dots_and_missing_spaces() {
    assert_eq!(
        sents("It was in our calculations. . “Where is it?” he asked."),
        ["It was in our calculations. .", "“Where is it?” he asked."]
    );
    assert_eq!(
        sents("The talks ended.Next came lunch."),
        ["The talks ended.", "Next came lunch."]
    );
    assert_eq!(toks("ended.Next"), ["ended", ".", "Next"]);
    assert_eq!(sents("Visit bbc.com today."), ["Visit bbc.com today."]);
    assert_eq!(sents("Plan A.B was it."), ["Plan A.B was it."]);
    assert_eq!(
        sents("He said.“Yes,” she replied."),
        ["He said.", "“Yes,” she replied."]
    );
    assert_eq!(
        sents("It ended.”The end came."),
        ["It ended.”", "The end came."]
    );
}

#[test]
fn blocks_end_sentences_and_headlines_are_one() {
    let text = "Biden and Putin meet in Geneva\n\nThe talks began. They ended\n\nA third";
    let s = seg(text);
    let got: Vec<(&str, usize)> = s
        .sentences
        .iter()
        .map(|x| (x.span.slice(text), x.block))
        .collect();
    assert_eq!(
        got,
        [
            ("Biden and Putin meet in Geneva", 0),
            ("The talks began.", 1),
            ("They ended", 1),
            ("A third", 2)
        ]
    );
    assert_eq!(s.sentences[1].end, SentenceEnd::Punctuation);
    assert_eq!(s.sentences[2].end, SentenceEnd::BlockEnd);
}

#[test]
fn line_breaks_inside_a_block() {
    let text = "June 17, 2021\nPHOTO: AP / Jane Doe\nThe leaders met in Geneva and\nPresident Biden spoke, \nthen left. Mr.\nPutin stayed";
    assert_eq!(
        sents(text),
        [
            "June 17, 2021",
            "PHOTO: AP / Jane Doe",
            "The leaders met in Geneva and\nPresident Biden spoke, \nthen left.",
            "Mr.\nPutin stayed"
        ]
    );
    let s = seg(text);
    assert_eq!(s.sentences[0].end, SentenceEnd::LineBreak);
    assert!(token(text, &s, "PHOTO").newline_before());
    assert!(!token(text, &s, "AP").newline_before());
}

#[test]
fn numbered_list_items_are_not_sentences_of_their_own() {
    assert_eq!(
        sents("1. The first point. 2. The second."),
        ["1. The first point.", "2. The second."]
    );
}

#[test]
fn fullwidth_terminals() {
    assert_eq!(sents("你好。再见！"), ["你好。", "再见！"]);
}

#[test]
fn very_long_sentences_are_cut() {
    let mut text = String::new();
    for i in 0..2500 {
        text.push_str(if i % 700 == 699 { "word, " } else { "word " });
    }
    let s = seg(&text);
    assert!(s.sentences.len() >= 3);
    assert!(
        s.sentences
            .iter()
            .all(|x| x.tokens.len() <= MAX_SENTENCE_TOKENS)
    );
    assert_eq!(s.sentences[0].end, SentenceEnd::LengthLimit);
    // The first cut goes after the comma in the second half of the window.
    let first = s.sentence_tokens(0);
    assert_eq!(first.last().unwrap().text(&text), ",");
    assert_eq!(first.len(), 701);
}

#[test]
fn pathological_inputs_stay_linear_and_valid() {
    let n = 1 << 20;
    for text in [
        "a".repeat(n),
        ".".repeat(n),
        "\"".repeat(n),
        "’".repeat(n / 3),
        "a.".repeat(n / 2),
        "ab.Cd".repeat(n / 5),
        "1,000".repeat(n / 5),
        "x@y".repeat(n / 3),
        "@".repeat(n),
        "'s".repeat(n / 2),
        "U.S. ".repeat(n / 5),
        ". ".repeat(n / 2),
        "?”".repeat(n / 4),
        "\u{301}".repeat(n / 2),
        "😀\u{200D}".repeat(n / 7),
        "http://".repeat(n / 7),
    ] {
        let blocks = [Span::new(0, text.len())];
        let s = segment(&text, &blocks);
        s.check(&text, &blocks).unwrap();
    }
}

/// The sizes the engine promises to handle in linear time: an 8 MB line without spaces,
/// 8 MB of dots, a million quotation marks. A quadratic step would not finish.
#[test]
fn eight_megabyte_inputs() {
    let mb8 = 8 << 20;
    let soup = "ab.Cd-ef'gh,1,000:“x”U.S.’s@#…";
    for text in [
        "x".repeat(mb8),
        ".".repeat(mb8),
        "\"".repeat(1_000_000),
        "“".repeat(1_000_000),
        "a.".repeat(mb8 / 2),
        soup.repeat(mb8 / soup.len()),
    ] {
        let blocks = [Span::new(0, text.len())];
        let s = segment(&text, &blocks);
        s.check(&text, &blocks).unwrap();
        assert!(!s.tokens.is_empty());
    }
}

#[test]
fn odd_blocks_are_clipped_not_a_panic() {
    let text = "Zürich. Genève";
    let blocks = [
        Span { start: 2, end: 5 },
        Span { start: 3, end: 100 },
        Span { start: 9, end: 4 },
        Span { start: 50, end: 60 },
    ];
    let s = segment(text, &blocks);
    s.check(text, &blocks).unwrap();
    // Block 0 starts inside "ü" and moves to the next character.
    assert_eq!(s.tokens[0].text(text), "ri");
    assert!(s.sentences.iter().all(|x| x.block == 0 || x.block == 1));
    assert!(segment(text, &[]).tokens.is_empty());
}

#[test]
fn helpers() {
    let text = "One two. Three four.";
    let s = seg(text);
    assert_eq!(s.sentence_of_token(0), Some(0));
    assert_eq!(s.sentence_of_token(4), Some(1));
    assert_eq!(s.sentence_of_token(99), None);
    assert_eq!(s.tokens_within(Span::new(4, 20)), 1..6);
    assert_eq!(
        paragraphs("  A b\n\n\n\n C \n\n \n"),
        [Span::new(2, 5), Span::new(10, 11)]
    );
}

// ---- properties --------------------------------------------------------------------

/// Pieces of scraped news text, debris included, to glue into test documents.
const PIECES: &[&str] = &[
    "U.S.",
    "Mr.",
    "J.",
    "St.",
    "e.g.",
    "Inc.",
    "No.",
    "Putin",
    "Biden-Putin",
    "O’Brien",
    "Russia’s",
    "leaders’",
    "don't",
    "can’t",
    "it's",
    "’n’",
    "'90s",
    "3.5",
    "1,000",
    "2,500.75",
    "$1m",
    "50%",
    "10:30",
    "1996-08-22",
    "...",
    "…",
    "[…]",
    ".",
    ". .",
    "?",
    "!",
    "?!",
    ",",
    ";",
    ":",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "\"",
    "'",
    "``",
    "''",
    "(",
    ")",
    "-",
    "--",
    "—",
    "http://x.org/a(b)",
    "www.bbc.co.uk",
    "a@b.co",
    "@user",
    "#tag",
    "#",
    "@",
    "The",
    "he",
    "said",
    "asked",
    "Why",
    "end.Next",
    "😀",
    "👩‍💻",
    "🇺🇸",
    "\u{301}",
    "\u{200D}",
    "\u{200B}",
    "\u{AD}",
    "Путин",
    "北京",
    "。",
    "！",
    "\u{A0}",
    "\t",
    "\n",
    "\n\n",
    " ",
    "  ",
    "\u{2028}",
    "−5",
    "£",
    "€",
    "&",
    "AT&T",
    "a.m.",
    "Ph.D.",
    "\u{FEFF}",
    "\u{7}",
    "ß",
    "İ",
    "ǅ",
];

fn debris_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(PIECES),
            prop::sample::select(&["", " ", " ", "\n\n"][..]),
        ),
        0..80,
    )
    .prop_map(|parts| parts.into_iter().flat_map(|(a, b)| [a, b]).collect())
}

fn assert_valid(text: &str) {
    let blocks = paragraphs(text);
    let s = segment(text, &blocks);
    if let Err(e) = s.check(text, &blocks) {
        panic!("{e} in {text:?}");
    }
    // The whole text as one block, too.
    let whole = [Span::new(0, text.len())];
    let s = segment(text, &whole);
    if let Err(e) = s.check(text, &whole) {
        panic!("{e} in {text:?} (one block)");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn invariants_hold_on_arbitrary_strings(text in any::<String>()) {
        assert_valid(&text);
    }

    #[test]
    fn invariants_hold_on_debris(text in debris_text()) {
        assert_valid(&text);
    }

    #[test]
    fn invariants_hold_on_ascii_soup(text in "[ -~\n]{0,200}") {
        assert_valid(&text);
    }

    #[test]
    fn invariants_hold_for_arbitrary_blocks(
        text in debris_text(),
        cuts in prop::collection::vec((0usize..400, 0usize..400), 0..6),
    ) {
        let blocks: Vec<Span> = cuts.into_iter().map(|(start, end)| Span { start, end }).collect();
        let s = segment(&text, &blocks);
        if let Err(e) = s.check(&text, &blocks) {
            panic!("{e} in {text:?} with {blocks:?}");
        }
    }
}
