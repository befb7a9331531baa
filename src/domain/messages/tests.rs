//! Native tests of the outreach rules, including every automatic check against the
//! annotated sample messages; over 600 lines because each check has its cases in both
//! languages.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use proptest::prelude::*;
use serde::Deserialize;

use super::checks::{
    failing, pronouns, run, summary, Check, Context, Draft, Level, Manual, Reason,
};
use super::model::{
    add_business_days, easter_sunday, is_business_day, is_national_holiday, Address, Channel,
    Purpose, Status, Voice,
};
use super::own::{own_templates, template_from, unfill};
use super::templates::{fill, pick, unfilled, BUILTINS, PLACEHOLDERS};
use super::words::{tokens, word_count};
use crate::domain::code::{Code, Coded};
use crate::domain::lang::Lang;
use crate::domain::record::{Message, Meta, Template};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[derive(Deserialize)]
struct Sample {
    id: String,
    lang: String,
    channel: String,
    purpose: String,
    context: SampleContext,
    body: String,
    expect: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct SampleContext {
    first_name: String,
    last_name: String,
    hook: String,
    introducer: String,
    occasion: String,
    my_email: String,
    my_phone: String,
    premium: bool,
}

fn level(s: &str) -> Level {
    match s {
        "pass" => Level::Pass,
        "warn" => Level::Warn,
        "fail" => Level::Fail,
        other => panic!("unknown level {other}"),
    }
}

#[test]
fn every_sample_message_gets_the_expected_result_per_check() {
    let samples: Vec<Sample> = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/messages.json"
    )))
    .unwrap();
    assert!(samples.len() >= 60, "{} samples", samples.len());
    let german = samples.iter().filter(|s| s.lang == "de").count();
    assert!(
        german >= 25 && samples.len() - german >= 25,
        "both languages well covered"
    );
    let mut problems = Vec::new();
    let mut checked = 0;
    for s in &samples {
        let draft = Draft {
            channel: Channel::from_key(&s.channel).unwrap(),
            purpose: Purpose::from_key(&s.purpose).unwrap(),
            lang: Lang::from_tag(&s.lang).unwrap(),
            body: &s.body,
        };
        let c = &s.context;
        let ctx = Context {
            first_name: c.first_name.clone(),
            last_name: c.last_name.clone(),
            hook: c.hook.clone(),
            introducer: c.introducer.clone(),
            occasion: c.occasion.clone(),
            my_email: c.my_email.clone(),
            my_phone: c.my_phone.clone(),
            premium: c.premium,
        };
        let outcomes = run(&draft, &ctx);
        for (key, want) in &s.expect {
            let Some(got) = outcomes.iter().find(|o| o.check.key() == key) else {
                problems.push(format!("{}: check {key} does not apply", s.id));
                continue;
            };
            checked += 1;
            if got.level != level(want) {
                problems.push(format!(
                    "{}: {key} expected {want}, got {:?} ({:?})",
                    s.id, got.level, got.reason
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(checked >= 100, "{checked} expectations");
}

// --- single checks with their reasons ----------------------------------------------------

fn draft(body: &str) -> Draft<'_> {
    Draft {
        channel: Channel::Email,
        purpose: Purpose::Interview,
        lang: Lang::En,
        body,
    }
}

#[test]
fn application_word_is_reported_as_written() {
    let d = Draft {
        lang: Lang::De,
        ..draft("Hallo Anna, meine Bewerbungsunterlagen schicke ich gern.")
    };
    let o = super::checks::check_no_application(&d);
    assert_eq!(
        o.reason,
        Reason::ApplicationWord("Bewerbungsunterlagen".into())
    );
    let o = super::checks::check_no_application(&draft("Not a job request."));
    assert_eq!(o.reason, Reason::OnlyNegated);
}

#[test]
fn pronouns_count_sie_only_capitalised() {
    assert_eq!(
        pronouns("Wie geht es Ihnen? Ich hoffe, sie sind gut.", Lang::De),
        (1, 1)
    );
    assert_eq!(
        pronouns("I'm sure you'll like your new role, I think.", Lang::En),
        (2, 2)
    );
    assert_eq!(
        pronouns("Wie geht es dir? Dein Team und deine Arbeit?", Lang::De),
        (3, 0)
    );
}

#[test]
fn length_reports_characters_against_the_limit() {
    let note = "x".repeat(201);
    let d = Draft {
        channel: Channel::LinkedInNote,
        ..draft(&note)
    };
    let o = super::checks::check_length(&d, &Context::default());
    assert_eq!(
        (o.level, o.reason),
        (
            Level::Fail,
            Reason::Chars {
                used: 201,
                limit: 200
            }
        )
    );
    let premium = Context {
        premium: true,
        ..Context::default()
    };
    let o = super::checks::check_length(&d, &premium);
    assert_eq!(
        (o.level, o.reason),
        (
            Level::Pass,
            Reason::Chars {
                used: 201,
                limit: 300
            }
        )
    );
    // Characters, not bytes: umlauts and emoji count once.
    let umlauts = "ä".repeat(200);
    let d = Draft {
        channel: Channel::LinkedInNote,
        ..draft(&umlauts)
    };
    assert_ne!(
        super::checks::check_length(&d, &Context::default()).level,
        Level::Fail
    );
}

#[test]
fn checks_follow_the_purpose() {
    let thanks = Draft {
        purpose: Purpose::ThankYou,
        ..draft("Hello Anna, thank you!")
    };
    let keys: Vec<&str> = run(&thanks, &Context::default())
        .iter()
        .map(|o| o.check.key())
        .collect();
    assert!(!keys.contains(&"small_ask") && !keys.contains(&"question") && !keys.contains(&"hook"));
    assert_eq!(
        run(&draft("x"), &Context::default()).len(),
        Check::ALL.len()
    );
}

#[test]
fn summary_counts_passing_checks_and_ticked_manual_ones() {
    let ctx = Context {
        first_name: "Anna".into(),
        ..Context::default()
    };
    let outcomes = run(
        &draft("Hello Anna, I would like to apply. Could we talk for 20 minutes?"),
        &ctx,
    );
    let (met, total) = summary(&outcomes, Purpose::Interview, &[]);
    assert_eq!(total, 11 + 6);
    let ticked = vec![
        "read_profile".to_string(),
        "common".into(),
        "unknown".into(),
    ];
    assert_eq!(summary(&outcomes, Purpose::Interview, &ticked).0, met + 2);
    let fails: Vec<Check> = failing(&outcomes).iter().map(|o| o.check).collect();
    assert!(fails.contains(&Check::NoApplication));
    // A thank-you has no manual checks.
    assert_eq!(
        Manual::ALL
            .iter()
            .filter(|m| m.applies(Purpose::ThankYou))
            .count(),
        0
    );
}

proptest! {
    #[test]
    fn checks_never_panic_on_any_text(body in ".{0,400}") {
        for &purpose in Purpose::ALL {
            for &channel in Channel::ALL {
                let d = Draft { channel, purpose, lang: Lang::De, body: &body };
                let outcomes = run(&d, &Context::default());
                prop_assert!(!outcomes.is_empty());
            }
        }
        let _ = unfilled(&body);
    }

    #[test]
    fn word_count_matches_whitespace_words_for_plain_text(words in proptest::collection::vec("[a-zA-Zäöü]{1,10}", 0..50)) {
        prop_assert_eq!(word_count(&words.join(" ")), words.len());
    }
}

#[test]
fn every_nasty_string_is_checked_without_panic() {
    let raw = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/blns.json"))
        .unwrap();
    let strings: Vec<String> = serde_json::from_str(&raw).unwrap();
    for s in strings {
        let _ = run(
            &draft(&s),
            &Context {
                first_name: s.clone(),
                hook: s.clone(),
                ..Context::default()
            },
        );
    }
}

#[test]
fn tokens_split_sentences_and_keep_apostrophes() {
    let t = tokens("I'm here. Not a job!\nNew line");
    let words: Vec<(&str, usize)> = t.iter().map(|t| (t.raw.as_str(), t.sentence)).collect();
    assert_eq!(
        words,
        [
            ("I'm", 0),
            ("here", 0),
            ("Not", 1),
            ("a", 1),
            ("job", 1),
            ("New", 2),
            ("line", 2)
        ]
    );
    assert_eq!(tokens("Müller’s")[0].folded, "mullers");
    assert_eq!(tokens("Müller’s")[0].raw, "Müller's");
}

// --- business days ------------------------------------------------------------------------

#[test]
fn business_days_skip_weekends() {
    // 2026-12-03 is a Thursday.
    assert!(is_business_day(day("2026-12-03")));
    assert!(!is_business_day(day("2026-12-05")));
    assert_eq!(add_business_days(day("2026-12-03"), 1), day("2026-12-04"));
    assert_eq!(
        add_business_days(day("2026-12-03"), 3),
        day("2026-12-08"),
        "Thu + 3 = Tue"
    );
    assert_eq!(
        add_business_days(day("2026-12-03"), 7),
        day("2026-12-14"),
        "Thu + 7 = Mon after next"
    );
    assert_eq!(
        add_business_days(day("2026-12-04"), 1),
        day("2026-12-07"),
        "Fri + 1 = Mon"
    );
    assert_eq!(
        add_business_days(day("2026-12-05"), 1),
        day("2026-12-07"),
        "Sat counts from Mon"
    );
    assert_eq!(
        add_business_days(day("2026-12-06"), 3),
        day("2026-12-09"),
        "Sun + 3 = Wed"
    );
    assert_eq!(add_business_days(day("2026-12-03"), 0), day("2026-12-03"));
    // Across the year end (New Year's Day is a holiday) and a leap day.
    assert_eq!(add_business_days(day("2026-12-31"), 3), day("2027-01-06"));
    assert_eq!(add_business_days(day("2028-02-28"), 2), day("2028-03-01"));
}

#[test]
fn easter_falls_on_the_known_sundays() {
    for (year, easter) in [
        (1961, "1961-04-02"),
        (2000, "2000-04-23"),
        (2008, "2008-03-23"),
        (2019, "2019-04-21"),
        (2024, "2024-03-31"),
        (2025, "2025-04-20"),
        (2026, "2026-04-05"),
        (2027, "2027-03-28"),
        (2038, "2038-04-25"),
        (2285, "2285-03-22"),
    ] {
        assert_eq!(easter_sunday(year), Some(day(easter)), "{year}");
    }
}

#[test]
fn national_holidays_are_not_business_days() {
    // 2027: Good Friday 26 Mar, Easter Monday 29 Mar, Ascension 6 May, Whit Monday 17 May.
    for holiday in [
        "2027-01-01",
        "2027-03-26",
        "2027-03-29",
        "2027-05-06",
        "2027-05-17",
        "2027-10-03",
        "2026-05-01",
        "2026-10-03",
        "2026-12-25",
    ] {
        assert!(is_national_holiday(day(holiday)), "{holiday}");
    }
    // State holidays and ordinary days are not.
    for ordinary in [
        "2027-01-06",
        "2027-03-25",
        "2027-05-27",
        "2027-10-31",
        "2026-12-24",
        "2026-12-28",
    ] {
        assert!(!is_national_holiday(day(ordinary)), "{ordinary}");
    }
    assert!(!is_business_day(day("2026-12-25")));
    // Sent on Tuesday 22 December 2026: Wed 23, Thu 24, then Mon 28 (Christmas Friday).
    assert_eq!(add_business_days(day("2026-12-22"), 3), day("2026-12-28"));
    // Sent on Thursday before Easter 2027: Tue 30 and Wed 31 March, then Thu 1 April.
    assert_eq!(add_business_days(day("2027-03-25"), 3), day("2027-04-01"));
}

proptest! {
    #[test]
    fn adding_business_days_counts_exactly_n_business_days(offset in 0i64..3000, n in 0u32..30) {
        let start = day("2024-01-01") + chrono::Duration::days(offset);
        let end = add_business_days(start, n);
        let counted = (1..=(end - start).num_days())
            .filter(|d| is_business_day(start + chrono::Duration::days(*d)))
            .count();
        prop_assert_eq!(counted, n as usize);
        prop_assert!(n == 0 || is_business_day(end));
    }
}

// --- templates and placeholders ------------------------------------------------------------

fn values() -> BTreeMap<&'static str, String> {
    BTreeMap::from([
        ("first_name", "Anna".to_string()),
        ("last_name", "Schmidt".to_string()),
        ("company", "Acme".to_string()),
        ("hook", "We met at the UX Camp in Hamburg".to_string()),
        ("other_name", "Peter Lang".to_string()),
        ("my_name", "Jonas".to_string()),
        ("my_intro", "I teach and move into research.".to_string()),
        ("my_email", "jonas@example.org".to_string()),
    ])
}

#[test]
fn fill_replaces_known_values_and_keeps_the_rest() {
    let v = values();
    assert_eq!(
        fill("Hi {first_name} at {company}!", &v),
        "Hi Anna at Acme!"
    );
    assert_eq!(fill("Via {introducer}.", &v), "Via {introducer}.");
    assert_eq!(
        fill("{ not a placeholder } { and {first_name}", &v),
        "{ not a placeholder } { and Anna"
    );
    assert_eq!(fill("trailing {", &v), "trailing {");
    let empty = BTreeMap::from([("hook", "   ".to_string())]);
    assert_eq!(
        fill("{hook}", &empty),
        "{hook}",
        "blank values count as missing"
    );
}

#[test]
fn unfilled_lists_each_placeholder_once() {
    assert_eq!(
        unfilled("Hi {first_name}, {hook}. {first_name}? {Bad} {x y} {}"),
        ["first_name", "hook"]
    );
    assert!(unfilled("No placeholders {at all").is_empty());
}

#[test]
fn every_purpose_and_voice_has_templates_that_pass_their_own_checks() {
    let voices = [
        Voice {
            lang: Lang::En,
            address: Address::Sie,
        },
        Voice {
            lang: Lang::De,
            address: Address::Sie,
        },
        Voice {
            lang: Lang::De,
            address: Address::Du,
        },
    ];
    for &purpose in Purpose::ALL {
        for voice in voices {
            for &channel in Channel::ALL {
                let t = pick(purpose, voice, channel)
                    .unwrap_or_else(|| panic!("{purpose:?} {voice:?}"));
                assert_eq!((t.purpose, t.voice.lang), (purpose, voice.lang));
                if voice.lang == Lang::De {
                    assert_eq!(t.voice.address, voice.address, "{}", t.id);
                }
            }
        }
    }
    let ctx = Context {
        first_name: "Anna".into(),
        last_name: "Schmidt".into(),
        hook: "UX Camp Hamburg".into(),
        my_email: "jonas@example.org".into(),
        ..Context::default()
    };
    for t in BUILTINS {
        for p in unfilled(t.body).iter().chain(unfilled(t.subject).iter()) {
            assert!(
                PLACEHOLDERS.contains(&p.as_str()),
                "{}: unknown placeholder {p}",
                t.id
            );
        }
        let body = fill(t.body, &values());
        assert!(
            unfilled(&body).is_empty(),
            "{}: {:?}",
            t.id,
            unfilled(&body)
        );
        let channel = if t.short {
            Channel::LinkedInNote
        } else {
            Channel::Email
        };
        let d = Draft {
            channel,
            purpose: t.purpose,
            lang: t.voice.lang,
            body: &body,
        };
        let outcomes = run(&d, &ctx);
        let bad: Vec<String> = outcomes
            .iter()
            .filter(|o| o.level == Level::Fail)
            .map(|o| format!("{:?} {:?}", o.check, o.reason))
            .collect();
        assert!(
            bad.is_empty(),
            "{} fails its own checks: {bad:?}\n{body}",
            t.id
        );
        if t.short {
            assert!(
                body.chars().count() <= 200,
                "{} is {} characters",
                t.id,
                body.chars().count()
            );
        }
    }
}

#[test]
fn statuses_after_sent_close_the_outreach() {
    assert!(!Status::Sent.is_closed() && !Status::Draft.is_closed());
    assert!(Status::Replied.is_closed() && Status::NoReply.is_closed());
    assert!(Status::MeetingAgreed.is_closed() && Status::Declined.is_closed());
}

#[test]
fn a_contacts_preferred_channel_picks_the_messages_channel() {
    use crate::domain::record::PreferredChannel as P;
    assert_eq!(
        Channel::for_preferred(Some(P::LinkedIn)),
        Channel::LinkedInMessage
    );
    assert_eq!(Channel::for_preferred(Some(P::Xing)), Channel::XingMessage);
    for p in [P::Email, P::Phone, P::Message, P::InPerson] {
        assert_eq!(Channel::for_preferred(Some(p)), Channel::Email);
    }
    assert_eq!(Channel::for_preferred(None), Channel::Email);
}

// --- own templates --------------------------------------------------------------------------

fn anna_values() -> BTreeMap<&'static str, String> {
    BTreeMap::from([
        ("first_name", "Anna".to_string()),
        ("last_name", "Schmidt".to_string()),
        ("company", "Acme Design".to_string()),
        ("hook", "your talk on diary studies".to_string()),
        ("introducer", "".to_string()),
        ("my_name", "Jo Weber".to_string()),
        ("my_email", "jo@example.org".to_string()),
        ("role", "X".to_string()),
    ])
}

#[test]
fn unfill_turns_details_back_into_placeholders() {
    let text = "Dear Anna Schmidt,\n\nyour talk on diary studies at Acme Design stayed with me. \
                Anna, could we talk for 20 minutes?\n\nJo Weber\njo@example.org";
    assert_eq!(
        unfill(text, &anna_values()),
        "Dear {first_name} {last_name},\n\n{hook} at {company} stayed with me. \
         {first_name}, could we talk for 20 minutes?\n\n{my_name}\n{my_email}"
    );
}

#[test]
fn unfill_replaces_whole_words_only_and_skips_tiny_or_empty_values() {
    let values = BTreeMap::from([
        ("first_name", "Ann".to_string()),
        ("role", "X".to_string()),
        ("company", String::new()),
    ]);
    // "Anna" and "announce" contain "Ann" but are other words; "X" is too short to trust.
    assert_eq!(
        unfill("Hi Ann! Anna will announce X at Ann's.", &values),
        "Hi {first_name}! Anna will announce X at {first_name}'s."
    );
    // Umlauts count as letters: "Jörg" is not inside "Jörgen".
    let values = BTreeMap::from([("first_name", "Jörg".to_string())]);
    assert_eq!(unfill("Jörgen, Jörg.", &values), "Jörgen, {first_name}.");
}

#[test]
fn unfill_prefers_the_longer_value_and_never_touches_a_placeholder_again() {
    // The company is named after the person: the whole name becomes {company}.
    let values = BTreeMap::from([
        ("last_name", "Meyer".to_string()),
        ("company", "Meyer & Partner".to_string()),
        // A value that is part of a placeholder's own name stays outside of it.
        ("my_name", "name".to_string()),
    ]);
    assert_eq!(
        unfill("Frau Meyer bei Meyer & Partner, name", &values),
        "Frau {last_name} bei {company}, {my_name}"
    );
}

#[test]
fn a_template_from_a_message_fills_for_the_next_recipient() {
    let message = Message {
        meta: Meta::new("m1", chrono::DateTime::UNIX_EPOCH),
        contact_id: Some("c1".into()),
        channel: Channel::Email.into(),
        purpose: Purpose::Reconnect.into(),
        lang: Lang::En.into(),
        subject: " Hello from Jo Weber ".into(),
        body: "Dear Anna,\nit has been a while since your talk on diary studies.\nJo Weber\n"
            .into(),
        status: Status::Sent.into(),
        sent: None,
        address: Address::Sie.into(),
        recipient_name: String::new(),
        recipient_company: String::new(),
        manual: Vec::new(),
        closed: None,
        template_id: None,
    };
    let t = template_from(
        Meta::new("t1", chrono::DateTime::UNIX_EPOCH),
        "  My reconnect ",
        &message,
        &anna_values(),
    );
    assert_eq!(
        t.purpose,
        Coded::Known(crate::domain::record::TemplatePurpose::Message)
    );
    assert_eq!(t.name, "My reconnect");
    assert_eq!(t.message_purpose, Some(Purpose::Reconnect.into()));
    assert_eq!(t.subject, "Hello from {my_name}");
    assert_eq!(
        t.body,
        "Dear {first_name},\nit has been a while since {hook}.\n{my_name}"
    );
    let bo = BTreeMap::from([
        ("first_name", "Bo".to_string()),
        ("my_name", "Jo Weber".to_string()),
    ]);
    let filled = fill(&t.body, &bo);
    assert_eq!(
        filled,
        "Dear Bo,\nit has been a while since {hook}.\nJo Weber"
    );
    assert_eq!(unfilled(&filled), ["hook"]);
}

#[test]
fn own_templates_list_the_purpose_first_then_by_name() {
    let tpl = |id: &str, purpose: &str, name: &str, for_purpose: &str| Template {
        meta: Meta::new(id, chrono::DateTime::UNIX_EPOCH),
        purpose: purpose.into(),
        name: name.into(),
        lang: "en".into(),
        subject: String::new(),
        body: "Hi {first_name}".into(),
        message_purpose: (!for_purpose.is_empty()).then(|| for_purpose.into()),
    };
    let all = vec![
        tpl("1", "message", "zebra ask", "informational_interview"),
        tpl("2", "message", "Alpha reconnect", "reconnect"),
        tpl("3", "interview", "Interview plan", ""),
        tpl("4", "message", "beta ask", "informational_interview"),
        tpl("5", "message", "any", ""),
    ];
    let names = |p| {
        own_templates(&all, p)
            .iter()
            .map(|t| t.name.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(Purpose::Interview),
        ["beta ask", "zebra ask", "Alpha reconnect", "any"]
    );
    assert_eq!(
        names(Purpose::Reconnect),
        ["Alpha reconnect", "any", "beta ask", "zebra ask"]
    );
}

proptest! {
    #[test]
    fn unfill_then_fill_gives_the_text_back(
        first in "[A-ZÄÖÜ][a-zäöüß]{2,8}",
        company in "[A-Z][a-z]{2,8}( [A-Z][a-z]{2,8})?",
        filler in proptest::collection::vec("[a-z]{1,8}|[,.!?]|\\n", 0..30),
    ) {
        let values = BTreeMap::from([("first_name", first.clone()), ("company", company.clone())]);
        // Text made of the values and lower-case filler words between them.
        let mut text = format!("Dear {first}, ");
        for (i, word) in filler.iter().enumerate() {
            text.push_str(word);
            text.push(' ');
            if i % 7 == 3 { text.push_str(&company); text.push(' '); }
        }
        let template = unfill(&text, &values);
        prop_assert!(!template.contains(&first) || company.contains(&first));
        prop_assert_eq!(fill(&template, &values), text);
    }
}
