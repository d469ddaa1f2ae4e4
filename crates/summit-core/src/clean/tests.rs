//! Behaviour of the whole cleaner, on texts written for these tests.

// Tests slice the texts they wrote, at offsets they know.
#![allow(clippy::string_slice)]

use super::*;

fn kinds(c: &Cleaned) -> Vec<(ParagraphKind, &str)> {
    c.blocks.iter().map(|b| (b.kind, c.block_text(b))).collect()
}

fn reasons(input: &str, c: &Cleaned) -> Vec<(RemovalReason, String)> {
    c.removed
        .iter()
        .map(|r| (r.reason, input[r.span.start..r.span.end].to_owned()))
        .collect()
}

/// Every block maps back to the input, on character boundaries, covering its text; every
/// separator is exactly "\n\n"; removed spans are trimmed lines of the input.
fn check_offsets(input: &str, c: &Cleaned) {
    let mut prev_end = 0;
    for (n, b) in c.blocks.iter().enumerate() {
        if n > 0 {
            assert_eq!(&c.text[prev_end..b.span.start], "\n\n");
        } else {
            assert_eq!(b.span.start, 0);
        }
        prev_end = b.span.end;
        let src = c.map.to_source(b.span);
        assert!(input.is_char_boundary(src.start) && input.is_char_boundary(src.end));
        let block = c.block_text(b);
        assert!(!block.is_empty() && block.trim() == block, "{block:?}");
        assert!(!block.contains('\n') && !block.contains("  "), "{block:?}");
        // Each word of the block maps to source text that spells it, once whitespace,
        // invisible characters and repairs are accounted for: check the copies.
        let mut at = b.span.start;
        for word in block.split(' ') {
            let span = Span::new(at, at + word.len());
            let s = c.map.to_source(span);
            assert!(input.is_char_boundary(s.start) && input.is_char_boundary(s.end));
            assert!(s.start >= src.start && s.end <= src.end);
            at = span.end + 1;
        }
    }
    assert_eq!(prev_end, c.text.len());
    for r in &c.removed {
        let line = &input[r.span.start..r.span.end];
        assert!(
            !line.is_empty() && line.trim() == line && !line.contains('\n'),
            "{line:?}"
        );
    }
}

fn cleaned(input: &str) -> Cleaned {
    let c = clean(input);
    check_offsets(input, &c);
    c
}

#[test]
fn empty_and_blank_inputs_have_no_blocks() {
    for input in ["", "\n\n", " \t\u{A0}\u{200B}\r\n", "[ad_1]\n\n[ad_2]"] {
        let c = cleaned(input);
        assert!(c.blocks.is_empty(), "{input:?}");
        assert_eq!(c.title, None);
    }
}

#[test]
fn title_and_body_with_blank_lines() {
    let input =
        "Talks resume in Vienna\n\nThe talks resumed on Monday.\n\nBoth sides were upbeat.\n";
    let c = cleaned(input);
    assert_eq!(c.title.as_deref(), Some("Talks resume in Vienna"));
    assert_eq!(
        kinds(&c),
        [
            (ParagraphKind::Title, "Talks resume in Vienna"),
            (ParagraphKind::Body, "The talks resumed on Monday."),
            (ParagraphKind::Body, "Both sides were upbeat."),
        ]
    );
    assert_eq!(
        c.text,
        "Talks resume in Vienna\n\nThe talks resumed on Monday.\n\nBoth sides were upbeat."
    );
    assert!(c.removed.is_empty());
}

#[test]
fn a_headline_may_end_with_a_full_stop() {
    let input = "Ministers refuse to budge, and the talks stall.\n\n\n\n[ad_1]\n\nThe ministers met on Monday. They left early.\n";
    let c = cleaned(input);
    assert_eq!(
        c.title.as_deref(),
        Some("Ministers refuse to budge, and the talks stall.")
    );
    assert_eq!(
        reasons(input, &c),
        [(RemovalReason::Shortcode, "[ad_1]".to_owned())]
    );
}

#[test]
fn a_long_first_paragraph_is_not_a_title() {
    let input = "The ministers met on Monday. They agreed on nothing at all, and left early.\nThe next round is in May.\n";
    let c = cleaned(input);
    assert_eq!(c.title, None);
    assert_eq!(c.blocks[0].kind, ParagraphKind::Body);
}

#[test]
fn only_one_block_is_not_a_title() {
    let c = cleaned("Talks resume in Vienna");
    assert_eq!(c.title, None);
    assert_eq!(kinds(&c), [(ParagraphKind::Body, "Talks resume in Vienna")]);
}

#[test]
fn soft_wraps_join_in_blank_line_documents() {
    let input = "Envoys meet\n\nThe envoys met on Monday\nand talked for hours.\n\nNothing was\r\nagreed.\n";
    let c = cleaned(input);
    assert_eq!(
        c.text,
        "Envoys meet\n\nThe envoys met on Monday and talked for hours.\n\nNothing was agreed."
    );
    // The joining space maps to the line break it replaces.
    let at = c.text.find("Monday and").unwrap() + "Monday".len();
    let s = c.map.to_source(Span::new(at, at + 1));
    assert_eq!(&input[s.start..s.end], "\n");
    let at = c.text.find("was agreed").unwrap() + "was".len();
    let s = c.map.to_source(Span::new(at, at + 1));
    assert_eq!(&input[s.start..s.end], "\r\n");
}

#[test]
fn single_newline_documents_have_one_paragraph_per_line() {
    let long_a = "The envoys met on Monday in a villa by the lake, and talked for hours about trade, security and the fate of their ambassadors.";
    let long_b = "Both sides said afterwards that the atmosphere had been constructive, though neither would say whether a second meeting was planned.";
    let long_c = "Analysts expect little from the process until the elections are over, and perhaps not even then, given the record of the past decade.";
    let input = format!("{long_a}\n{long_b}\nWhat comes next\n{long_c}\n");
    let c = cleaned(&input);
    assert_eq!(
        kinds(&c),
        [
            (ParagraphKind::Body, long_a),
            (ParagraphKind::Body, long_b),
            (ParagraphKind::Heading, "What comes next"),
            (ParagraphKind::Body, long_c),
        ]
    );
}

#[test]
fn long_lines_are_paragraphs_even_between_blank_lines() {
    let long_a = "The envoys met on Monday in a villa by the lake, and talked for hours about trade, security and the fate of their ambassadors.";
    let long_b = "Both sides said afterwards that the atmosphere had been constructive, though neither would say whether a second meeting was planned.";
    let input = format!("Envoys meet\n\n{long_a}\n{long_b}\n\nThe end.\n");
    let c = cleaned(&input);
    assert_eq!(c.blocks.len(), 4);
}

#[test]
fn crlf_documents() {
    let input = "Envoys meet\r\n\r\nThe envoys met.\r\n\r\nThey left.\r\n";
    let c = cleaned(input);
    assert_eq!(c.text, "Envoys meet\n\nThe envoys met.\n\nThey left.");
    assert_eq!(c.title.as_deref(), Some("Envoys meet"));
}

#[test]
fn whitespace_and_invisible_characters_are_normalised() {
    let input = "Envoys\u{A0}meet\n\n\tThe\u{2009}envoys  met\u{200B} on\u{AD} Monday.\u{FEFF}  \n";
    let c = cleaned(input);
    assert_eq!(c.text, "Envoys meet\n\nThe envoys met on Monday.");
}

#[test]
fn quotation_marks_are_kept_as_they_are() {
    let body = "“We will see,” she said. ‘Maybe’, he said, «peut-être» and \"perhaps\"; it’s the leaders’ call.";
    let input = format!("Envoys meet\n\n{body}\n");
    let c = cleaned(&input);
    assert_eq!(c.block_text(&c.blocks[1]), body);
}

#[test]
fn mojibake_is_repaired_with_a_warning() {
    let input = "Envoys meet\n\nThe envoysâ€™ talks were â€œconstructiveâ€\u{9d}, said PeÃ±a.\n";
    let c = cleaned(input);
    assert_eq!(
        c.block_text(&c.blocks[1]),
        "The envoys’ talks were “constructive”, said Peña."
    );
    assert_eq!(c.warnings, ["repaired 4 mojibake sequences"]);
    // A repaired character maps to the whole sequence it replaces.
    let at = c.text.find('’').unwrap();
    let s = c.map.to_source(Span::new(at, at + '’'.len_utf8()));
    assert_eq!(&input[s.start..s.end], "â€™");
}

#[test]
fn markup_remnants_are_removed() {
    let input = "!-- Site tag (tag.js) -->\n<script async src=\"https://example.com/t.js\"></script>\n<script>\n  window.q = window.q || [];\n  function t(){q.push(arguments);}\n</script>\n<!-- begin\nwidget -->\nEnvoys meet\n\n<div class=\"story\">The envoys met.</div>\n.promo {\n   width:100%;\n   }\n\nThey left.\n";
    let c = cleaned(input);
    assert_eq!(c.text, "Envoys meet\n\nThe envoys met.\n\nThey left.");
    assert!(c.removed.iter().all(|r| r.reason == RemovalReason::Markup));
    assert_eq!(c.removed.len(), 11);
}

#[test]
fn html_comments_without_a_closer_remove_only_their_line() {
    let input = "Envoys meet\n\n<!-- unclosed\nThe envoys met.\n\nThey left.\n";
    let c = cleaned(input);
    assert_eq!(c.text, "Envoys meet\n\nThe envoys met.\n\nThey left.");
}

#[test]
fn shortcodes_are_removed() {
    let input = "Envoys meet\n\n[ad_1]\nThe envoys met.\n[caption id=\"x\"] A villa by a lake [/caption]\n\nThey left.\n\n[/embed]\n";
    let c = cleaned(input);
    assert_eq!(c.text, "Envoys meet\n\nThe envoys met.\n\nThey left.");
    assert!(
        c.removed
            .iter()
            .all(|r| r.reason == RemovalReason::Shortcode)
    );
}

#[test]
fn bracketed_words_in_prose_stay() {
    let input = "Envoys meet\n\nShe said relations had “deteriorated to [their] lowest point”.\n\n[Laughter]\n\nThey left.\n";
    let c = cleaned(input);
    assert!(c.text.contains("[their]"));
    assert!(c.text.contains("[Laughter]"));
}

#[test]
fn credits_and_captions_are_removed() {
    let input = "Envoys meet in Vienna\n\nA summary of the talks so far.\n\nMay 3, 2021\nEnvoys meet in Vienna\n\nPHOTO SOURCE: JANE DOE / AP PHOTO\nMinister Jane Doe (L) and envoy John Roe\n\nThe envoys met on Monday.\n\nMinister Jane Doe (R) shakes hands with envoy John Roe in Oslo last year. (Photo: Reuters)\nMinister Jane Doe (R) shakes hands with envoy John Roe in Oslo last year. (Photo: Reuters)\n\nThey left.\n";
    let c = cleaned(input);
    assert_eq!(c.title.as_deref(), Some("Envoys meet in Vienna"));
    assert_eq!(c.published.as_deref(), Some("2021-05-03"));
    assert_eq!(
        kinds(&c),
        [
            (ParagraphKind::Title, "Envoys meet in Vienna"),
            (ParagraphKind::Standfirst, "A summary of the talks so far."),
            (ParagraphKind::Body, "The envoys met on Monday."),
            (ParagraphKind::Body, "They left."),
        ]
    );
    let r: Vec<RemovalReason> = c.removed.iter().map(|r| r.reason).collect();
    assert_eq!(
        r,
        [
            RemovalReason::Dateline,
            RemovalReason::Duplicate,
            RemovalReason::Credit,
            RemovalReason::Caption,
            RemovalReason::Caption,
            RemovalReason::Caption,
        ]
    );
}

#[test]
fn a_caption_first_is_not_a_title() {
    let long = "The ministers met on Monday in Vienna and agreed, after many hours of talks, to meet again in the spring. Neither side gave details.";
    let input = format!(
        "Minister Jane Doe and envoy John Roe meet in Oslo in May, 2020. (photo: AFP) |\n{long}\nNext steps\n{long} Again.\n"
    );
    let c = cleaned(&input);
    assert_eq!(c.title, None);
    assert_eq!(c.removed[0].reason, RemovalReason::Caption);
    assert_eq!(c.blocks[1].kind, ParagraphKind::Heading);
}

#[test]
fn captions_next_to_credits() {
    let input = "Envoys meet\n\nThe envoys met on Monday.\n\nThe two envoys meet in the garden of the villa\nPhoto: Jane Doe/AFP\n\nThey left.\n";
    let c = cleaned(input);
    assert_eq!(
        c.text,
        "Envoys meet\n\nThe envoys met on Monday.\n\nThey left."
    );
    assert_eq!(c.removed[0].reason, RemovalReason::Caption);
    assert_eq!(c.removed[1].reason, RemovalReason::Credit);
}

#[test]
fn prose_next_to_a_credit_stays() {
    let input = "Envoys meet\n\nPhoto: Reuters\nThe envoys met on Monday and talked for hours.\n\nThey left.\n";
    let c = cleaned(input);
    assert_eq!(
        c.text,
        "Envoys meet\n\nThe envoys met on Monday and talked for hours.\n\nThey left."
    );
}

#[test]
fn boilerplate_is_removed() {
    let input = "Envoys meet\n\nBy Jane Doe\n\nThe envoys met.\n\nAdvertisement\n\nRead more: Why the envoys matter\n\nThey left.\n\nShare this article\n\nFollow us on Twitter\n\n© 2021 Example News. All rights reserved.\n\n***\n";
    let c = cleaned(input);
    assert_eq!(c.text, "Envoys meet\n\nThe envoys met.\n\nThey left.");
    assert!(
        c.removed
            .iter()
            .all(|r| r.reason == RemovalReason::Boilerplate)
    );
    assert_eq!(c.removed.len(), 7);
}

#[test]
fn datelines_set_the_publication_date() {
    for (line, date) in [
        ("June 17, 2021", "2021-06-17"),
        ("Published: Thursday 17 June 2021 10:52 BST", "2021-06-17"),
        ("Updated 9:05 AM ET, Thu June 17, 2021", "2021-06-17"),
        ("2021-06-17", "2021-06-17"),
    ] {
        let input = format!("Envoys meet\n\n{line}\n\nThe envoys met.\n");
        let c = cleaned(&input);
        assert_eq!(c.published.as_deref(), Some(date), "{line}");
        assert_eq!(c.removed[0].reason, RemovalReason::Dateline);
        assert_eq!(c.text, "Envoys meet\n\nThe envoys met.");
    }
}

#[test]
fn dates_in_prose_are_not_datelines() {
    let input =
        "Envoys meet\n\nOn June 17, 2021, the envoys met.\n\nTuesday, 1 March\n\nThey left.\n";
    let c = cleaned(input);
    assert_eq!(c.published, None);
    assert!(c.removed.is_empty());
}

#[test]
fn repeated_prose_far_apart_stays() {
    let para = "It takes 1,237 delegates to win the nomination.";
    let input = format!(
        "Results tonight\n\n{para}\n\nOhio votes.\n\n{para}\n\nWinners meet\n\nMore votes.\n\nWinners meet\n"
    );
    let c = cleaned(&input);
    assert!(c.removed.is_empty(), "{:?}", c.removed);
}

#[test]
fn consecutive_repeats_are_duplicates() {
    let input =
        "Envoys meet\n\nThe envoys met on Monday.\nThe envoys met on Monday.\n\nThey left.\n";
    let c = cleaned(input);
    assert_eq!(
        c.text,
        "Envoys meet\n\nThe envoys met on Monday.\n\nThey left."
    );
    assert_eq!(c.removed[0].reason, RemovalReason::Duplicate);
}

#[test]
fn headings_between_body_paragraphs() {
    let input = "Envoys meet\n\nThe envoys met.\n\nWhat comes next\n\nThey left.\n\nThe end\n";
    let c = cleaned(input);
    assert_eq!(
        kinds(&c),
        [
            (ParagraphKind::Title, "Envoys meet"),
            (ParagraphKind::Body, "The envoys met."),
            (ParagraphKind::Heading, "What comes next"),
            (ParagraphKind::Body, "They left."),
            (ParagraphKind::Body, "The end"),
        ]
    );
}

#[test]
fn lists_stay_one_item_per_block() {
    let input = "Envoys meet\n\nThey agreed to:\n - Cut tariffs \n - Meet again\n";
    let c = cleaned(input);
    assert_eq!(
        c.text,
        "Envoys meet\n\nThey agreed to:\n\n- Cut tariffs\n\n- Meet again"
    );
}

#[test]
fn offsets_of_every_kept_block() {
    let input = "\u{FEFF}Envoys\tmeet\n\n[ad_1]\n\u{A0}The envoysâ€™ talks\u{200B} began\nat dawn.\r\n\r\nThey   left.";
    let c = cleaned(input);
    assert_eq!(
        c.text,
        "Envoys meet\n\nThe envoys’ talks began at dawn.\n\nThey left."
    );
    let spans: Vec<&str> = c
        .blocks
        .iter()
        .map(|b| {
            let s = c.map.to_source(b.span);
            &input[s.start..s.end]
        })
        .collect();
    assert_eq!(
        spans,
        [
            "Envoys\tmeet",
            "The envoysâ€™ talks\u{200B} began\nat dawn.",
            "They   left."
        ]
    );
}

#[test]
fn pathological_inputs_stay_linear() {
    // Smoke tests of shapes that would be quadratic in a naive cleaner; timing is for the
    // benchmarks, these only have to finish.
    let long_line = "word ".repeat(200_000);
    assert_eq!(clean(&long_line).blocks.len(), 1);
    let blank_lines = "\n".repeat(1_000_000) + "Text.";
    assert_eq!(clean(&blank_lines).blocks.len(), 1);
    let ads = "[ad_1]\n".repeat(100_000) + "Text.";
    assert_eq!(clean(&ads).removed.len(), 100_000);
    let captions = "Envoys meet\n\n".to_owned()
        + &"Jane Doe (L) and John Roe (Photo: AFP)\n".repeat(50_000)
        + "Text.";
    assert_eq!(clean(&captions).blocks.len(), 2);
    let openers = "<!-- open\n".repeat(50_000) + "Text.";
    assert_eq!(clean(&openers).blocks.len(), 1);
    let scripts = "<script>\n".repeat(50_000) + "Text.";
    assert_eq!(clean(&scripts).blocks.len(), 1);
}

#[test]
fn the_header_dateline_wins_over_later_dates() {
    let input = "Envoys meet\n\nMay 3, 2021\n\nThe envoys met.\n\nCorrection: the venue was misnamed.\n\nMay 4, 2021\n";
    assert_eq!(cleaned(input).published.as_deref(), Some("2021-05-03"));
    let input =
        "Envoys meet\n\nThe envoys met.\n\nCorrection: the venue was misnamed.\n\nMay 4, 2021\n";
    assert_eq!(cleaned(input).published.as_deref(), Some("2021-05-04"));
}

#[test]
fn an_article_laid_out_like_a_wire_story() {
    let input = "\
Envoys agree to meet again in spring

By Jane Doe and John Roe

GENEVA, March 3, 2022

Minister Ann Smith (L) and envoy Bo Lee (R) arrive at the villa in Geneva, Switzerland March 3, 2022. REUTERS/Jane Doe

GENEVA, March 3 (Wire) - The two envoys agreed on Thursday to meet again in the spring, officials said.

Advertisement - Continue reading below

“We have a lot of work to do,” Smith told reporters after the talks.

Also read | Why the talks matter

Reporting by Jane Doe; Editing by John Roe

Our Standards: The Wire Trust Principles.
";
    let c = cleaned(input);
    assert_eq!(
        c.title.as_deref(),
        Some("Envoys agree to meet again in spring")
    );
    assert_eq!(c.published.as_deref(), Some("2022-03-03"));
    assert_eq!(
        c.text,
        "Envoys agree to meet again in spring\n\n\
         GENEVA, March 3 (Wire) - The two envoys agreed on Thursday to meet again in the spring, officials said.\n\n\
         “We have a lot of work to do,” Smith told reporters after the talks."
    );
}

#[test]
fn an_article_laid_out_like_a_newspaper_site() {
    let input = "\
Envoys agree to meet again in spring
The talks in Geneva ended without a deal, but both sides promised more
Jane Doe in Geneva
Thu 3 Mar 2022 10.52 GMT
Share on Facebook
Share on Twitter
The envoys shake hands in the garden of the villa. Photograph: Bo Lee/AP
The two envoys agreed on Thursday to meet again in the spring, after talks that officials on both sides described as frank and, at times, difficult.
Image source, Getty Images
Image caption, The villa by the lake where the envoys met
What comes next
Neither side would say where the next round would be held, though diplomats said a venue in Vienna was the likeliest choice for the spring.
Topics: Diplomacy, Europe
";
    let c = cleaned(input);
    assert_eq!(c.published.as_deref(), Some("2022-03-03"));
    let r: Vec<String> = reasons(input, &c)
        .into_iter()
        .map(|(r, l)| format!("{}: {l}", r.as_str()))
        .collect();
    assert_eq!(
        r,
        [
            "boilerplate: Jane Doe in Geneva",
            "dateline: Thu 3 Mar 2022 10.52 GMT",
            "boilerplate: Share on Facebook",
            "boilerplate: Share on Twitter",
            "caption: The envoys shake hands in the garden of the villa. Photograph: Bo Lee/AP",
            "credit: Image source, Getty Images",
            "caption: Image caption, The villa by the lake where the envoys met",
            "boilerplate: Topics: Diplomacy, Europe",
        ]
    );
    let k: Vec<ParagraphKind> = c.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        k,
        [
            ParagraphKind::Title,
            ParagraphKind::Standfirst,
            ParagraphKind::Body,
            ParagraphKind::Heading,
            ParagraphKind::Body,
        ]
    );
}

#[test]
fn hard_wrapped_text_without_blank_lines() {
    let input = "Envoys agree to meet again
The two envoys agreed on Thursday to meet again in the
spring, after talks that officials on both sides described
as frank and, at times, difficult.
Diplomats said a venue in Vienna was the likeliest choice
for the next round, though nothing had been decided.
";
    let c = cleaned(input);
    assert_eq!(c.title.as_deref(), Some("Envoys agree to meet again"));
    assert_eq!(c.blocks.len(), 3, "{:?}", kinds(&c));
    assert!(c.block_text(&c.blocks[1]).ends_with("at times, difficult."));
}
