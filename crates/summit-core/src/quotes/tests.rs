//! The quote stage on sentences written for these tests: each trap of issue 4 has its case.

// Tests slice the texts they wrote, at offsets they know.
#![allow(clippy::string_slice)]

use super::*;
use crate::{EntityLabel, Mention, Quote, QuoteKind};

/// An entity with a mention at every occurrence of each form in `text`.
fn ent(
    text: &str,
    id: &str,
    label: EntityLabel,
    name: &str,
    roles: &[&str],
    forms: &[&str],
) -> Entity {
    let mut mentions = Vec::new();
    for form in forms {
        for (at, _) in text.match_indices(form) {
            let before = text[..at].chars().next_back();
            let after = text[at + form.len()..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            mentions.push(Mention {
                span: Span::new(at, at + form.len()),
                text: (*form).to_owned(),
            });
        }
    }
    mentions.sort_by_key(|m| m.span.start);
    Entity {
        id: id.to_owned(),
        label,
        name: name.to_owned(),
        roles: roles.iter().map(|r| (*r).to_owned()).collect(),
        mentions,
    }
}

fn person(text: &str, id: &str, name: &str, roles: &[&str], forms: &[&str]) -> Entity {
    ent(text, id, EntityLabel::Person, name, roles, forms)
}

fn run_with(text: &str, entities: &[Entity], options: Options) -> Extracted {
    let (paras, seg) = lex::tests::rough(text);
    extract_text(text, &paras, &seg, entities, options)
}

fn run(text: &str, entities: &[Entity]) -> Vec<Quote> {
    run_with(text, entities, Options::default()).quotes
}

fn speaker_name(q: &Quote) -> Option<&str> {
    q.speaker.as_ref().and_then(|s| s.name.as_deref())
}

fn speaker_text(q: &Quote) -> Option<&str> {
    q.speaker.as_ref().map(|s| s.text.as_str())
}

fn cue(q: &Quote) -> Option<&str> {
    q.cue.as_ref().map(|c| c.text.as_str())
}

#[test]
fn direct_quote_with_inverted_cue_and_apposition() {
    let text = "“We will not yield,” said Anna Berg, director of the Baltic Institute.";
    let e = [person(text, "e1", "Anna Berg", &[], &["Anna Berg"])];
    let q = run(text, &e);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].kind, QuoteKind::Direct);
    assert_eq!(q[0].text, "We will not yield,");
    assert_eq!(cue(&q[0]), Some("said"));
    assert_eq!(speaker_name(&q[0]), Some("Anna Berg"));
    assert_eq!(q[0].speaker.as_ref().unwrap().entity.as_deref(), Some("e1"));
    assert!(q[0].confidence > 0.9);
}

#[test]
fn split_direct_quote_yields_both_parts_with_one_speaker() {
    let text = "“We will talk,” the foreign minister said. “But we will not bend.”";
    let q = run(text, &[]);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].text, "We will talk,");
    assert_eq!(q[1].text, "But we will not bend.");
    assert_eq!(speaker_text(&q[0]), Some("the foreign minister"));
    assert_eq!(speaker_text(&q[1]), Some("the foreign minister"));
    assert_eq!(cue(&q[1]), Some("said"));
    let text = "“If he thinks that is smart,” the narrator says, “what does he think of you?”";
    let q = run(text, &[]);
    assert_eq!(q.len(), 2);
    assert!(
        q.iter()
            .all(|q| q.kind == QuoteKind::Direct && cue(q) == Some("says"))
    );
}

#[test]
fn quoted_paragraph_without_cue_continues_the_previous_speaker() {
    let text = "“First we talk,” said Mark Lane.\n\n“Then we decide, and nobody else decides for us.”\n\nThe talks ended.";
    let e = [person(text, "e1", "Mark Lane", &[], &["Mark Lane"])];
    let q = run(text, &e);
    assert_eq!(q.len(), 2);
    assert_eq!(q[1].kind, QuoteKind::Direct);
    assert_eq!(speaker_name(&q[1]), Some("Mark Lane"));
}

#[test]
fn quotation_reopened_in_each_paragraph_is_one_speech() {
    let text = "“The first part of the speech runs on.\n\n“The last part,” said Olga Petrova.";
    let e = [person(text, "e1", "Olga Petrova", &[], &["Olga Petrova"])];
    let out = run_with(text, &e, Options::default());
    assert_eq!(out.quotes.len(), 2);
    assert!(
        out.quotes
            .iter()
            .all(|q| speaker_name(q) == Some("Olga Petrova")),
        "{:#?}",
        out.quotes
    );
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
}

#[test]
fn missing_opening_mark_is_inferred_and_warned() {
    let text = "Ivan Sokolov said of the deal: It is fair and it is final.” Then he left.";
    let out = run_with(text, &[], Options::default());
    assert_eq!(out.quotes.len(), 1);
    assert_eq!(out.quotes[0].kind, QuoteKind::Direct);
    assert_eq!(out.quotes[0].text, "It is fair and it is final.");
    assert_eq!(speaker_text(&out.quotes[0]), Some("Ivan Sokolov"));
    assert_eq!(out.warnings.len(), 1);
}

#[test]
fn closing_mark_typed_as_opening_at_paragraph_end() {
    let text = "The envoy told CNN that talks were the only way to “avoid further damage to our dialogue. “\n\nThe next paragraph.";
    let out = run_with(text, &[], Options::default());
    assert_eq!(out.quotes.len(), 1);
    let q = &out.quotes[0];
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert!(q.text.starts_with("talks were the only way"));
    assert!(q.text.ends_with("dialogue. “"));
    assert_eq!(q.addressee.as_ref().map(|a| a.text.as_str()), Some("CNN"));
    assert!(!out.warnings.is_empty());
}

#[test]
fn stray_space_before_the_closing_mark() {
    let text = "“We seek calm and focus on trade, ”said Mark Lane of the Trade Council.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].text, "We seek calm and focus on trade,");
    assert_eq!(
        speaker_text(&q[0]).map(|s| s.starts_with("Mark Lane")),
        Some(true)
    );
}

#[test]
fn mixed_quote_ends_before_the_authors_aside() {
    let text =
        "Anna Berg said that both sides are “close to a deal,” which surprised many observers.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].kind, QuoteKind::Mixed);
    assert_eq!(q[0].text, "both sides are “close to a deal,”");
}

#[test]
fn indirect_speech_with_addressee_and_bare_clause() {
    let text =
        "Peskov told CNN on Friday that relations were poor. Sokolov said the law had been broken.";
    let e = [
        person(text, "e1", "Dmitry Peskov", &[], &["Peskov"]),
        ent(text, "e2", EntityLabel::Org, "CNN", &[], &["CNN"]),
    ];
    let q = run(text, &e);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].kind, QuoteKind::Indirect);
    assert_eq!(q[0].text, "relations were poor");
    assert_eq!(speaker_name(&q[0]), Some("Dmitry Peskov"));
    let a = q[0].addressee.as_ref().unwrap();
    assert_eq!((a.text.as_str(), a.entity.as_deref()), ("CNN", Some("e2")));
    assert_eq!(q[1].text, "the law had been broken");
    assert_eq!(speaker_text(&q[1]), Some("Sokolov"));
}

#[test]
fn told_reporters_is_an_addressee() {
    let text = "“We will win,” the governor told reporters at a press conference.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1);
    assert_eq!(
        q[0].addressee.as_ref().map(|a| a.text.as_str()),
        Some("reporters")
    );
}

#[test]
fn told_names_the_addressee_never_the_speaker() {
    // A time adverbial after the addressee is not what was said.
    let text = "“It is a rigged game,” Vera Holm told Tom Reed of Radio Zorbia this week.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Direct);
    assert_eq!(q[0].text, "It is a rigged game,");
    assert_eq!(
        q[0].speaker.as_ref().map(|s| s.text.as_str()),
        Some("Vera Holm")
    );
    // After a quotation, the name following "told" is the addressee; the speaker is the
    // name in apposition before it.
    let text = "''We sell news,'' Jon Dale, the head of Zorbia Media, told The Daily Ledger.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].text, "We sell news,");
    assert_eq!(
        q[0].speaker.as_ref().map(|s| s.text.as_str()),
        Some("Jon Dale")
    );
    assert_eq!(
        q[0].addressee.as_ref().map(|a| a.text.as_str()),
        Some("The Daily Ledger")
    );
}

#[test]
fn partial_quote_credited_to_the_speaker() {
    // A partial quote is the quoted words credited to the speaker, not what they name.
    let text = "Ivan Sokolov described the plan as “reckless” on Monday.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].kind, QuoteKind::Partial);
    assert_eq!(q[0].text, "reckless");
    assert_eq!(cue(&q[0]), Some("described"));
    let text = "Later she called the minister a “coward” and left the room.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Partial);
    assert_eq!(q[0].text, "coward");
    // Right after the verb or a preposition, the quoted words alone.
    let text = "Anna Berg warned of “grave consequences” for the region. The press dubbed it “the deal of the decade.”";
    let q = run(text, &[]);
    assert_eq!(q.len(), 2, "{q:#?}");
    assert_eq!(q[0].text, "grave consequences");
    assert_eq!(q[0].kind, QuoteKind::Partial);
    // A quoted word inside the object of a verb of saying: the word is credited.
    let text = "The envoy denied the “absurd” claims made by the opposition.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Partial, "{q:#?}");
    assert_eq!(q[0].text, "absurd");
    assert_eq!(
        q[0].speaker.as_ref().map(|s| s.text.as_str()),
        Some("The envoy")
    );
}

#[test]
fn scare_quotes_and_titles_are_not_quotes() {
    let text = "The so-called “reset” was discussed on “Meet the Press” last week.";
    assert!(run(text, &[]).is_empty());
}

#[test]
fn according_to_an_unnamed_source() {
    let text = "According to two sources familiar with the talks, the meeting will be delayed.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].kind, QuoteKind::Indirect);
    assert_eq!(q[0].text, "the meeting will be delayed");
    assert_eq!(cue(&q[0]), Some("According to"));
    let s = q[0].speaker.as_ref().unwrap();
    assert_eq!(s.text, "two sources familiar with the talks");
    assert!(s.entity.is_none() && s.name.is_none());
}

#[test]
fn unnamed_official_keeps_its_wording() {
    let text = "A senior official said on Monday that sanctions would follow.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1);
    assert_eq!(speaker_text(&q[0]), Some("A senior official"));
    assert_eq!(speaker_name(&q[0]), None);
}

#[test]
fn colon_introduction_after_a_prepositional_phrase() {
    let text = "Asked about the talks, he said of the minister: “He is tough and he is bright.”";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].kind, QuoteKind::Direct);
    assert_eq!(q[0].text, "He is tough and he is bright.");
}

#[test]
fn he_said_after_a_quote_continues_the_previous_speaker() {
    let text = "“We need firm limits on this,” said Mark Lane of the Atlantic Council.\n\n\
                For Ivan Sokolov, “it is important to keep an opponent in view,” he said.";
    let e = [
        person(text, "e1", "Mark Lane", &[], &["Mark Lane"]),
        person(
            text,
            "e2",
            "Ivan Sokolov",
            &["Russian President"],
            &["Ivan Sokolov"],
        ),
    ];
    let q = run(text, &e);
    assert_eq!(q.len(), 2);
    assert_eq!(speaker_text(&q[1]), Some("he"));
    assert_eq!(speaker_name(&q[1]), Some("Mark Lane"));
}

#[test]
fn pronoun_follows_the_narrative_and_gender() {
    let text = "Anna Berg said she was ready for the talks. Ivan Sokolov arrived on Monday and he \
                met her. She said that the talks were useful.";
    let e = [
        person(text, "e1", "Anna Berg", &[], &["Anna Berg"]),
        person(text, "e2", "Ivan Sokolov", &[], &["Ivan Sokolov"]),
    ];
    let q = run(text, &e);
    let last = q.last().unwrap();
    assert_eq!(last.text, "the talks were useful");
    assert_eq!(speaker_name(last), Some("Anna Berg"));
}

#[test]
fn role_descriptions_resolve_through_entity_roles() {
    let text = "Ivan Sokolov met Mark Lane and Jane Doe. The Russian leader said that the talks were \
                useful. The White House press secretary said the goal was stability. The Kremlin \
                spokesman said nothing had changed.";
    let e = [
        person(
            text,
            "e1",
            "Ivan Sokolov",
            &["Russian President"],
            &["Ivan Sokolov"],
        ),
        person(text, "e2", "Mark Lane", &["US President"], &["Mark Lane"]),
        person(
            text,
            "e3",
            "Jane Doe",
            &["White House press secretary"],
            &["Jane Doe"],
        ),
        person(text, "e4", "Petr Orlov", &["Kremlin spokesman"], &[]),
        ent(text, "e5", EntityLabel::Org, "Kremlin", &[], &["Kremlin"]),
    ];
    let q = run(text, &e);
    assert_eq!(q.len(), 3, "{q:#?}");
    assert_eq!(speaker_name(&q[0]), Some("Ivan Sokolov"));
    assert_eq!(speaker_text(&q[0]), Some("The Russian leader"));
    assert_eq!(speaker_name(&q[1]), Some("Jane Doe"));
    assert_eq!(speaker_name(&q[2]), Some("Petr Orlov"));
}

#[test]
fn unresolvable_role_is_no_guess() {
    let text = "The Chinese ambassador said the talks were useful.";
    let e = [person(
        text,
        "e1",
        "Ivan Sokolov",
        &["Russian President"],
        &[],
    )];
    let q = run(text, &e);
    assert_eq!(q.len(), 1);
    assert_eq!(speaker_name(&q[0]), None);
    assert!(q[0].confidence < 0.9);
}

#[test]
fn organisations_and_countries_speak() {
    let text = "The Kremlin said the talks would go ahead. Russia warned that it would respond.";
    let e = [
        ent(text, "e1", EntityLabel::Org, "Kremlin", &[], &["Kremlin"]),
        ent(text, "e2", EntityLabel::Gpe, "Russia", &[], &["Russia"]),
    ];
    let q = run(text, &e);
    assert_eq!(q.len(), 2);
    assert_eq!(speaker_name(&q[0]), Some("Kremlin"));
    assert_eq!(speaker_name(&q[1]), Some("Russia"));
}

#[test]
fn participles_and_coordinated_cues_share_the_subject() {
    let text = "Mark Lane said the talks failed, adding that new ones would start soon. He was \
                vague on dates but said that both sides would meet again.";
    let e = [person(text, "e1", "Mark Lane", &[], &["Mark Lane"])];
    let q = run(text, &e);
    assert_eq!(q.len(), 3, "{q:#?}");
    assert_eq!(q[0].text, "the talks failed");
    assert_eq!(cue(&q[1]), Some("adding"));
    assert_eq!(q[1].text, "new ones would start soon");
    assert!(q.iter().all(|q| speaker_name(q) == Some("Mark Lane")));
}

#[test]
fn every_reporting_verb_inflection_is_a_cue() {
    for verb in [
        "says",
        "said",
        "tells",
        "warned",
        "insists",
        "claimed",
        "argued",
        "acknowledged",
        "explained",
        "reiterated",
        "stressed",
        "emphasised",
        "emphasized",
        "remarked",
        "hinted",
        "announced",
        "revealed",
        "confirmed",
        "denied",
        "replied",
        "wrote",
        "tweeted",
        "pointed out",
        "went on to say",
    ] {
        let text = format!("The minister {verb} that the talks were useful.");
        let q = run(&text, &[]);
        assert_eq!(q.len(), 1, "{verb}");
        assert_eq!(cue(&q[0]), Some(verb));
    }
}

#[test]
fn apostrophes_make_no_quotes() {
    let text = "The leaders’ views on rock ’n’ roll in the ’90s and Russia’s position were clear.";
    let out = run_with(text, &[], Options::default());
    assert!(out.quotes.is_empty());
    assert!(out.warnings.is_empty());
}

#[test]
fn nested_quotes_stay_inside_their_quotation() {
    let text = "“He told me ‘never again’ twice,” she said.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].text, "He told me ‘never again’ twice,");
}

#[test]
fn broken_marks_never_fail() {
    for text in [
        "He said \"yes. \" \" “ ” ‘ ’ ' « » „ ‚ ‹ ›",
        "”",
        "“",
        "said",
        "“said” said “said”",
        "\"\"\"\"\"",
        ", said",
        "According to",
        "“A,” he said, “B,” he said, “C",
    ] {
        let _ = run(text, &[]);
    }
}

#[test]
fn pathological_documents_stay_linear() {
    // 100,000 quotation marks.
    let text = "“a” said b. ".repeat(25_000);
    let q = run(&text, &[]);
    assert!(!q.is_empty());
    // A megabyte-long quotation without its closing mark.
    let text = format!("He said: “{}", "word ".repeat(200_000));
    let out = run_with(&text, &[], Options::default());
    assert_eq!(out.quotes.len(), 1);
    assert!(!out.warnings.is_empty());
    // A million "said".
    let text = "said ".repeat(1_000_000);
    let _ = run(&text, &[]);
    // Nouns of saying inside one another's contents, 100,000 times.
    let text = "Lind's claim that ".repeat(100_000);
    let _ = run(&text, &[]);
}

#[test]
fn transcript_turns_and_nested_marks_of_another_kind() {
    let text = "Title line\n\nThe interview ran on Sunday.\n\n\"HOST: Will the envoy attend the talks tomorrow in Geneva, sir?\n\n\"GUEST: Well, look, he thinks this is an episode of “Shark Tank.” It is not, and he will not attend.\"";
    let q = run(text, &[]);
    assert_eq!(q.len(), 2, "{q:#?}");
    assert_eq!(speaker_text(&q[0]), Some("HOST"));
    assert_eq!(speaker_text(&q[1]), Some("GUEST"));
    assert!(q[1].text.ends_with("he will not attend."));
    assert_eq!(cue(&q[1]), Some(":"));
}

#[test]
fn dash_signature_and_inverted_colon() {
    let text = "“We will not give up on this city.” ― Maria Lopez\n\nSaid Ellis: “I do not see any interest in reform.”";
    let q = run(text, &[]);
    assert_eq!(q.len(), 2, "{q:#?}");
    assert_eq!(speaker_text(&q[0]), Some("Maria Lopez"));
    assert_eq!(speaker_text(&q[1]), Some("Ellis"));
    assert_eq!(q[1].text, "I do not see any interest in reform.");
}

#[test]
fn headline_names_its_speaker_before_a_colon() {
    let text = "Vera Holm: Zorbia ‘will not back down’ on tariffs\n\n\
                The trade minister spoke on Monday. Holm said talks would resume.";
    let holm = person(text, "e1", "Vera Holm", &[], &["Vera Holm", "Holm"]);
    let q = run(text, &[holm]);
    let head = q
        .iter()
        .find(|q| q.span.start < 50)
        .expect("headline quote");
    assert_eq!(head.kind, QuoteKind::Mixed, "{q:#?}");
    assert_eq!(head.text, "Zorbia ‘will not back down’ on tariffs");
    assert_eq!(cue(head), Some(":"));
    assert_eq!(speaker_name(head), Some("Vera Holm"));
    // A profile's title is no statement; a label is no speaker; a name the body never
    // repeats is not trusted.
    for text in [
        "Arno Lind: The quiet diplomat of Zorbia\n\nArno Lind has served for decades.",
        "Analysis: Zorbia will not back down\n\nThe Analysis unit of the ministry agreed.",
        "Lind: We will not back down\n\nThe talks went on into the night.",
    ] {
        let q = run(text, &[]);
        assert!(q.iter().all(|q| q.span.start > 40), "{text}: {q:#?}");
    }
}

#[test]
fn a_dash_ends_the_content_unless_a_quotation_follows() {
    let text =
        "Mara Voss said the tariffs were “a costly mistake” -- a view few in the cabinet share.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].text, "the tariffs were “a costly mistake”");
    let text = "Mara Voss said the new envoy was -- “in every way” -- the right choice.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(
        q[0].text,
        "the new envoy was -- “in every way” -- the right choice"
    );
}

#[test]
fn a_continuing_quotation_may_open_with_but_or_run_into_the_next_sentence() {
    let text = "“We are not done,” Lena Marsh said outside the hall. But “the vote is close. \
                It helps.”\n\n\"If we win, we stay,\" she said. \"If we lose, we go home.\" \
                Asked about the timing, she smiled.";
    let q = run(text, &[]);
    let texts: Vec<&str> = q.iter().map(|q| q.text.as_str()).collect();
    assert!(texts.contains(&"the vote is close. It helps."), "{q:#?}");
    assert!(texts.contains(&"If we lose, we go home."), "{q:#?}");
    for q in q.iter().filter(|q| q.kind == QuoteKind::Direct) {
        assert_eq!(cue(q), Some("said"), "{q:#?}");
        assert!(
            matches!(speaker_text(q), Some("Lena Marsh" | "she")),
            "{q:#?}"
        );
    }
}

#[test]
fn appositions_and_numbers_in_the_source() {
    // A chain of appositives before the cue: the name is the speaker, and the words after
    // the cue open the content (not an inverted source).
    let text = "Jean Varga, the foreign minister of Zorbia, a member of the council, said \
                Borduria's latest “provocation cannot go unanswered.”";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Mixed);
    assert_eq!(speaker_text(&q[0]), Some("Jean Varga"));
    assert!(q[0].text.starts_with("Borduria's latest"), "{q:#?}");
    // A number modifying an inverted source.
    let text = "“The rationales do not hold,” said 9/11 widow Terry Strand.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Direct);
    assert_eq!(speaker_text(&q[0]), Some("9/11 widow Terry Strand"));
}

#[test]
fn a_quotation_after_the_verb_and_a_place_with_commas() {
    let text = "Lind walked onto the stage, chanting “Win! Win!” as the crowd cheered.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Direct);
    assert_eq!(q[0].text, "Win! Win!");
    assert_eq!(speaker_text(&q[0]), Some("Lind"));
    let text = "Lind told a town hall in Salem, New Hampshire on Monday that the plan is “dead,” \
                compared to last year.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert!(q[0].text.starts_with("the plan is “dead,”"), "{q:#?}");
}

#[test]
fn split_quotation_around_a_cue_with_an_adverbial() {
    let text =
        "\"Lind says he is with the workers,\" Trumka said in March, \"but it is just hot air.\"";
    let q = run(text, &[]);
    let texts: Vec<&str> = q.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Lind says he is with the workers,",
            "but it is just hot air."
        ],
        "{q:#?}"
    );
    assert!(
        q.iter().all(|q| speaker_text(q) == Some("Trumka")),
        "{q:#?}"
    );
    // A source-less attribution nested in the paragraph does not take the continuation.
    let text = "“It was very nice,” the tycoon told Reuters when asked if he had met Lind. \
                “He was very charming.”";
    let q = run(text, &[]);
    let last = q
        .iter()
        .find(|q| q.text == "He was very charming.")
        .expect("continuation");
    assert_eq!(speaker_text(last), Some("the tycoon"), "{q:#?}");
    assert_eq!(cue(last), Some("told"));
}

#[test]
fn an_opening_mark_inside_another_quotation_opens_no_region() {
    // Found by `cargo fuzz`: a quotation mark opening inside an unclosed '' quotation,
    // right after a cue, was taken for the start of a region of its own.
    for text in [
        "''said that “s”“d",
        "''He said: “a” “b",
        "''Lind continued:\n\n“x”“y",
    ] {
        let out = run_with(text, &[], Options::default());
        for q in &out.quotes {
            assert_eq!(q.span.slice(text), q.text, "{text:?}");
        }
    }
}

#[test]
fn a_noun_of_saying_attributes_its_that_clause_to_the_possessor() {
    let text =
        "Analysts dismissed Lind's claim that there have been “thousands of attacks” this year.";
    let lind = person(text, "e1", "Arno Lind", &[], &["Lind"]);
    let q = run(text, &[lind]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Mixed);
    // The time adverbial after the quoted words dates the claim (see `content_span`).
    assert_eq!(q[0].text, "there have been “thousands of attacks”");
    assert_eq!(cue(&q[0]), Some("claim"));
    assert_eq!(speaker_name(&q[0]), Some("Arno Lind"));
    // No possessor, no attribution: "the claim that …" is the writer's.
    let q = run("The claim that taxes will fall is false.", &[]);
    assert!(q.is_empty(), "{q:#?}");
}

fn clause(q: &Quote) -> Option<&str> {
    q.clause.as_ref().map(|c| c.text.as_str())
}

#[test]
fn a_naming_verb_gives_each_quoted_phrase_the_clause_it_names() {
    let text = "Ruth Okafor called Mr. Lind a “disgrace” on Tuesday.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Partial);
    assert_eq!(q[0].text, "disgrace");
    assert_eq!(clause(&q[0]), Some("Mr. Lind a “disgrace”"));
    assert_eq!(speaker_text(&q[0]), Some("Ruth Okafor"));
    // Several phrases: one partial quote each, one clause for all.
    let text = "Okafor called the senator a “liar” and a “bully.”";
    let q = run(text, &[]);
    assert_eq!(q.len(), 2, "{q:#?}");
    assert_eq!(q[0].text, "liar");
    assert_eq!(q[1].text, "bully.");
    assert_eq!(clause(&q[0]), clause(&q[1]));
    assert_eq!(clause(&q[0]), Some("the senator a “liar” and a “bully.”"));
    // Other kinds carry no clause: their text is the clause.
    let q = run("Okafor said the plan was “dead.”", &[]);
    assert_eq!(q[0].kind, QuoteKind::Mixed);
    assert_eq!(clause(&q[0]), None);
}

#[test]
fn the_naming_clause_starts_where_the_reported_part_does() {
    // "liken X to": what X was likened to.
    let text = "Pavel Brodsky likened the rules to “a blank cheque” - a phrase that stuck.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(clause(&q[0]), Some("“a blank cheque”"));
    // "what he called …": the free relative is the reported thing.
    let text = "The envoy condemned what he called a “brazen breach” of the accord.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(
        clause(&q[0]),
        Some("what he called a “brazen breach” of the accord")
    );
    // A quantified object, and a noun that could be a cue inside it.
    let text = "The fact-checkers rated 30% of Labour claims as “false” last year.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(cue(&q[0]), Some("rated"));
    assert_eq!(clause(&q[0]), Some("30% of Labour claims as “false”"));
}

#[test]
fn a_fronted_phrase_or_an_apposition_is_no_content_of_a_naming_verb() {
    let text = "At a dinner in Leeds, Okafor called half of his voters “hopeless.”";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Partial);
    assert_eq!(speaker_text(&q[0]), Some("Okafor"));
    assert_eq!(clause(&q[0]), Some("half of his voters “hopeless.”"));
    // The name before "called" is its subject, never a source inverted after it.
    let text =
        "Mara Lind, an adviser to the campaign, called the minister's remarks “a wake-up call.”";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(speaker_text(&q[0]), Some("Mara Lind"));
}

#[test]
fn contractions_indefinite_subjects_and_gerund_subjects_open_content() {
    // The real segmenter splits the clitic off "He’s".
    let text = "He’s claiming that the count was rigged.";
    let paras = [Span::new(0, text.len())];
    let seg = crate::segment::segment(text, &paras);
    let q = extract_text(text, &paras, &seg, &[], Options::default()).quotes;
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Indirect);
    assert_eq!(speaker_text(&q[0]), Some("He"));
    let text = "Okafor said anybody who complains about the sound “is having a bad night.”";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Mixed);
    assert!(q[0].text.starts_with("anybody who"), "{q:#?}");
    let text = "Okafor said voting fraud is “a big problem” but “nobody talks about it.”";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Mixed);
    assert!(q[0].text.ends_with("nobody talks about it.”"), "{q:#?}");
}

#[test]
fn speakers_with_a_setting_reading_cues_and_gerunds_that_introduce_quotations() {
    let text = "“Who pays?” a narrator in the campaign ad asks.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(speaker_text(&q[0]), Some("a narrator in the campaign ad"));
    let q = run("“We are staying,” the letter reads.", &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(cue(&q[0]), Some("reads"));
    let q = run(
        "As Ellen Roth, a tax lawyer, put it, “Who pays the bill?”",
        &[],
    );
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(cue(&q[0]), Some("put it"));
    assert_eq!(speaker_text(&q[0]), Some("Ellen Roth"));
    let text = "The spot shows footage of Okafor asking, “Why am I not ahead?”";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Direct);
    assert_eq!(speaker_text(&q[0]), Some("Okafor"));
    // Without a quotation, a gerund after "of" reports nothing.
    assert!(run("They spoke of Okafor saying little.", &[]).is_empty());
}

#[test]
fn a_name_and_a_colon_introduce_a_quotation_in_the_body() {
    let text = "Title\n\nThe rivals differ. Okafor: “Our goal is to win.” Lind: “We aim to last.”\n\nPollsters agree - Ada Brook: “Call voters late.”\n\nFrom the report: “Longer surveys were more accurate.”";
    let q = run(text, &[]);
    let who: Vec<_> = q.iter().map(|q| (speaker_text(q), cue(q))).collect();
    assert_eq!(
        who,
        [
            (Some("Okafor"), Some(":")),
            (Some("Lind"), Some(":")),
            (Some("Ada Brook"), Some(":")),
            (Some("the report"), Some(":")),
        ],
        "{q:#?}"
    );
    assert!(q.iter().all(|q| q.kind == QuoteKind::Direct));
    // A label or a time is no speaker.
    let text = "Title\n\nUpdate: “Nothing new.”\n\nTuesday: “Calm.”";
    assert!(run(text, &[]).is_empty());
}

#[test]
fn an_adverbial_after_the_cue_leaves_the_quotation_before_it_the_content() {
    let text = "“I cannot believe how civil it is,” Okafor said 30 minutes into the debate.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Direct);
    assert_eq!(q[0].text, "I cannot believe how civil it is,");
}

#[test]
fn addressees_with_a_show_and_infinitives_after_an_adverbial() {
    let text = "Lind told NBC’s “Morning Show” that nobody would win.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Indirect);
    assert_eq!(q[0].text, "nobody would win");
    assert_eq!(
        q[0].addressee.as_ref().map(|a| a.text.as_str()),
        Some("NBC’s “Morning Show”")
    );
    let text = "Okafor tells his supporters at a rally to “go and vote” and then “stay.”";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Mixed);
    assert_eq!(q[0].text, "to “go and vote” and then “stay.”");
}

#[test]
fn a_horizontal_bar_is_a_dash_and_a_content_of_marks_alone_is_dropped() {
    let text = "When Lind noted that Okafor paid nothing ― as in past years ― Okafor boasted, “That makes me smart.”";
    let q = run(text, &[]);
    assert_eq!(q.len(), 2, "{q:#?}");
    assert_eq!(q[0].text, "Okafor paid nothing");
    assert_eq!(q[1].text, "That makes me smart.");
    assert_eq!(speaker_text(&q[1]), Some("Okafor"));
    for q in run(
        "Okafor is describing as “unhinged” a rival’s post. She said ”.",
        &[],
    ) {
        assert!(q.text.chars().any(char::is_alphanumeric), "{q:#?}");
    }
}

#[test]
fn a_headline_credits_its_quotation_to_its_subject() {
    let text = "Okafor Sees ‘Personal Insult’ if Voters Stay Home.\n\nAda Okafor spoke on Monday.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Mixed);
    assert_eq!(q[0].text, "‘Personal Insult’ if Voters Stay Home");
    assert_eq!(speaker_text(&q[0]), Some("Okafor"));
    let text = "A lesson from Mara Lind: ‘Be the voice people hear.’\n\nLind spoke to students.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Direct);
    assert_eq!(speaker_text(&q[0]), Some("Mara Lind"));
    // A quoted title with no subject and verb before it is no attribution.
    let text = "‘Resetting’ the relations.\n\nThe talks went on.";
    assert!(run(text, &[]).is_empty());
}

#[test]
fn a_quotation_joined_after_the_attribution_shares_it() {
    let text =
        "Okafor is “smart as a whip,” Lind wrote in an email to a colleague, and “never wrong.”";
    let q = run(text, &[]);
    assert_eq!(q.len(), 2, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Mixed);
    assert_eq!(q[1].text, "never wrong.");
    assert!(q.iter().all(|q| speaker_text(q) == Some("Lind")), "{q:#?}");
    assert_eq!(cue(&q[1]), Some("wrote"));
}

#[test]
fn adverbials_and_subordinate_clauses_at_the_edges_of_content() {
    // A time adverbial after the cue is not content.
    let q = run("Okafor said this weekend he would stay.", &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].text, "he would stay");
    // A fronted phrase before a parenthetical cue is not content.
    let text = "During his years in office, Okafor said, most voters came to trust “the plan.”";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert!(q[0].text.starts_with("most voters"), "{q:#?}");
    // A subordinate clause after a naming clause's quotation is the writer's.
    let text = "Lind described Okafor as a “disgrace” after she attacked the police.";
    let q = run(text, &[]);
    assert_eq!(clause(&q[0]), Some("Okafor as a “disgrace”"));
    // The show an addressee hosts, and a date before "that".
    let text = "Lind told NBC’s “Morning Show” on Friday that the count was fair.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].text, "the count was fair");
    // Past a second preposition, a quotation after the cue names something else.
    let text = "Ada Brook sings to Okafor in a preview clip of “The Show.”";
    assert!(run(text, &[]).is_empty());
}

#[test]
fn with_attitudes_naming_verbs_keep_their_clause_and_objects_end_at_their_comma() {
    let opts = Options { attitudes: true };
    let text = "Okafor condemned the test as “reckless” on Friday.";
    let q = run_with(text, &[], opts).quotes;
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Partial);
    assert_eq!(clause(&q[0]), Some("the test as “reckless”"));
    let text = "Announcing the pick, the union called Okafor a “champion” of workers.";
    let q = run_with(text, &[], opts).quotes;
    assert!(
        q.iter().all(|q| !q.text.contains("the union")),
        "an object content runs over its comma: {q:#?}"
    );
    assert!(
        q.iter()
            .any(|q| q.kind == QuoteKind::Partial && q.text == "champion")
    );
}

#[test]
fn inverted_sources_with_a_relative_clause_a_conjunction_or_a_determiner() {
    let text =
        "“It will be hard to do quickly,” said a data expert who has worked for two campaigns.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Direct);
    assert_eq!(speaker_text(&q[0]), Some("a data expert"));
    let q = run("But, said Okafor, “I will not fight.”", &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(speaker_text(&q[0]), Some("Okafor"));
    assert_eq!(q[0].text, "I will not fight.");
    let q = run("Yet another said, “The race is open.”", &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(speaker_text(&q[0]), Some("another"));
    let text = "It is a reminder, Lind said, that “winning is not everything.”";
    let q = run(text, &[]);
    assert_eq!(q.len(), 2, "{q:#?}");
    assert_eq!(q[1].text, "winning is not everything.");
    assert_eq!(cue(&q[0]), cue(&q[1]));
}

#[test]
fn named_objects_with_relative_clauses_dates_and_money() {
    let text = "The day after the vote, Governor Lind called the long lines “unacceptable.”";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Partial);
    assert_eq!(clause(&q[0]), Some("the long lines “unacceptable.”"));
    let text = "Okafor called the attack that killed five officers “an assault on us all.”";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(
        clause(&q[0]),
        Some("the attack that killed five officers “an assault on us all.”")
    );
    let text = "Lind called the $1.6 billion plan to rebuild 9/11 sites “a disgrace.”";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].text, "a disgrace.");
    let text = "Okafor called what she witnessed “terrible.”";
    let q = run(text, &[]);
    assert_eq!(clause(&q[0]), Some("what she witnessed “terrible.”"));
}

#[test]
fn asides_between_cue_and_content_and_before_a_quotation() {
    let q = run(
        "Said Ada Brook, who grew up nearby, “We were all proud.”",
        &[],
    );
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(speaker_text(&q[0]), Some("Ada Brook"));
    assert_eq!(q[0].text, "We were all proud.");
    let text = "Okafor said, among other things, that the firm has “a huge problem.”";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].text, "the firm has “a huge problem.”");
    let text = "A defensive Lind said his critics “seem to want bluster.”";
    let q = run(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Mixed);
    assert_eq!(q[0].text, "his critics “seem to want bluster.”");
    let text = "The two nations, Okafor said, now have a “golden opportunity” to grow.";
    let q = run(text, &[]);
    assert_eq!(q.len(), 2, "{q:#?}");
    assert!(q[1].text.starts_with("now have"), "{q:#?}");
}

#[test]
fn a_question_put_to_a_name_is_no_statement_and_the_name_stays_the_subject() {
    let text = "“It is a start,” said Dr. Ana Reis, an analyst.\n\nBruno Lind, asked whether he trusted his rival, paused. “I trust the process,” he said.";
    let people = [
        person(text, "e1", "Ana Reis", &[], &["Ana Reis"]),
        person(text, "e2", "Bruno Lind", &[], &["Bruno Lind"]),
    ];
    let q = run(text, &people);
    assert_eq!(q.len(), 2, "{q:#?}");
    assert!(q.iter().all(|q| cue(q) == Some("said")), "{q:#?}");
    assert_eq!(speaker_name(&q[1]), Some("Bruno Lind"), "{q:#?}");
    // A fronted adverb before a comma is not the subject.
    let text = "“We sympathise,” said Bruno Lind.\n\nFurthermore, “we will act,” he said.";
    let people = [person(text, "e2", "Bruno Lind", &[], &["Bruno Lind"])];
    let q = run(text, &people);
    assert_eq!(speaker_name(&q[1]), Some("Bruno Lind"), "{q:#?}");
}
