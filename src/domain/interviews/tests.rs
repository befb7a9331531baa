//! Native tests of the interview rules (library, plan budget, templates, conducting,
//! wrap-up, Markdown); over 600 lines because every rule has its edge cases here.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use proptest::prelude::*;

use super::library::{self, builtin, entries, Family, Filter, BUILTINS, CLOSING_ID};
use super::markdown::{escape, file_name, to_markdown};
use super::plan::{
    add_item, asked_count, clock_text, contains, current_index, elapsed_seconds, item_of,
    move_down, move_item, move_up, new_plan, own_item, prep_progress, slot_minutes, stage,
    step_done, Budget, ItemState, PrepStep, Stage,
};
use super::template::{
    builtin_lines, decode, encode, instantiate, own_templates, Line, BUILTIN_TEMPLATES,
};
use super::wrap_up::{split_name, summary, wrap_up, Choices, Conversation, REPORT_BACK_DAYS};
use crate::domain::code::{Code, Coded};
use crate::domain::contacts::draft::new_contact;
use crate::domain::lang::Lang;
use crate::domain::record::{
    validate, FollowUpKind, InteractionKind, InterviewPlan, Meta, PlanItem, Question,
    SuggestedPerson, Template,
};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn plan() -> InterviewPlan {
    let mut p = new_plan(Meta::new("p1", at("2026-11-01T10:00:00Z")), Lang::En);
    p.meta.revision = 1;
    p
}

fn item(text: &str, minutes: u32) -> PlanItem {
    own_item(text, minutes)
}

fn texts(items: &[PlanItem]) -> Vec<&str> {
    items.iter().map(|i| i.text.as_str()).collect()
}

fn question(id: &str, text: &str, family: &str, archived: bool) -> Question {
    let mut meta = Meta::new(id, at("2026-11-01T10:00:00Z"));
    meta.revision = 1;
    Question {
        meta,
        text: text.into(),
        family: family.into(),
        minutes: 4,
        hint: String::new(),
        archived,
    }
}

// --- library -------------------------------------------------------------------------

#[test]
fn library_has_at_least_forty_questions_across_every_family() {
    assert!(
        BUILTINS.len() >= 40,
        "{} built-in questions",
        BUILTINS.len()
    );
    for &family in Family::ALL {
        let n = BUILTINS.iter().filter(|b| b.family == family).count();
        let least = if family == Family::Closing { 1 } else { 3 };
        assert!(n >= least, "{family:?} has {n}");
    }
}

#[test]
fn built_in_questions_are_complete_and_distinct() {
    let mut ids = HashSet::new();
    let mut en = HashSet::new();
    let mut de = HashSet::new();
    for b in BUILTINS {
        assert!(b.id.starts_with("builtin-") && library::is_builtin(b.id));
        assert!(ids.insert(b.id), "duplicate id {}", b.id);
        assert!(en.insert(b.en), "duplicate text {}", b.en);
        assert!(de.insert(b.de), "duplicate text {}", b.de);
        assert!((1..=5).contains(&b.minutes), "{}", b.id);
        for text in [b.en, b.de, b.hint_en, b.hint_de] {
            assert!(!text.trim().is_empty() && text.len() < 200, "{}", b.id);
        }
        // Questions end in a question mark in both languages.
        assert!(b.en.ends_with('?') && b.de.ends_with('?'), "{}", b.id);
        assert!(crate::domain::record::is_valid_id(b.id));
    }
    assert_eq!(builtin(CLOSING_ID).unwrap().family, Family::Closing);
}

#[test]
fn family_keys_round_trip() {
    for &f in Family::ALL {
        assert_eq!(Family::from_key(f.key()), Some(f));
    }
    assert_eq!(Family::from_key("gossip"), None);
}

#[test]
fn entries_merge_own_questions_and_hidden_built_ins() {
    let stored = vec![
        question("builtin-day-tools", "", "", true),
        question(
            "q2",
            "Wie viel Zeit verbringen Sie in Meetings?",
            "daily_work",
            false,
        ),
        question("q1", "Are you happy?", "unknown-family", false),
        question("q3", "Old question", "advice", true),
    ];
    let list = entries(&stored, Lang::De);
    assert_eq!(list.len(), BUILTINS.len() + 3);
    let tools = list.iter().find(|e| e.id == "builtin-day-tools").unwrap();
    assert!(tools.hidden && !tools.own);
    assert_eq!(
        tools.text,
        "Mit welchen Werkzeugen und Methoden arbeiten Sie täglich?"
    );
    // Own questions follow the built-ins, sorted by text.
    let own: Vec<&str> = list
        .iter()
        .filter(|e| e.own)
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(
        own,
        [
            "Are you happy?",
            "Old question",
            "Wie viel Zeit verbringen Sie in Meetings?"
        ]
    );
    let happy = list.iter().find(|e| e.id == "q1").unwrap();
    assert_eq!(happy.family, Family::Advice, "unknown family falls back");
    assert!(list.iter().find(|e| e.id == "q3").unwrap().hidden);
}

#[test]
fn filter_by_text_family_and_hidden() {
    let stored = vec![
        question("builtin-day-tools", "", "", true),
        question(
            "q1",
            "Wie läuft die Einarbeitung für Quereinsteiger?",
            "getting_in",
            false,
        ),
    ];
    let list = entries(&stored, Lang::De);
    let ids = |f: &Filter| -> Vec<String> {
        library::filter(&list, f)
            .into_iter()
            .map(|e| e.id.clone())
            .collect()
    };
    // Hidden built-ins are left out unless asked for.
    let all = ids(&Filter::default());
    assert!(!all.contains(&"builtin-day-tools".to_string()));
    assert!(ids(&Filter {
        show_hidden: true,
        ..Filter::default()
    })
    .contains(&"builtin-day-tools".to_string()));
    // Folded search: "lauft" finds "läuft", words may come in any order.
    assert_eq!(
        ids(&Filter {
            text: "quereinsteiger LAUFT".into(),
            ..Filter::default()
        }),
        ["q1"]
    );
    // Hints are searched too.
    assert!(!ids(&Filter {
        text: "Netzwerk wächst".into(),
        ..Filter::default()
    })
    .is_empty());
    let closing = ids(&Filter {
        family: Some(Family::Closing),
        ..Filter::default()
    });
    assert!(closing.contains(&CLOSING_ID.to_string()));
    assert!(closing
        .iter()
        .all(|id| builtin(id).unwrap().family == Family::Closing));
}

// --- plan: budget ----------------------------------------------------------------------

#[test]
fn slots_grow_with_the_duration_within_limits() {
    assert_eq!(slot_minutes(15), 2);
    assert_eq!(slot_minutes(20), 2);
    assert_eq!(slot_minutes(30), 3);
    assert_eq!(slot_minutes(45), 4);
    assert_eq!(slot_minutes(60), 5);
}

#[test]
fn new_plan_is_thirty_minutes_and_ends_with_the_closing_question() {
    let p = plan();
    assert_eq!(p.duration_minutes, 30);
    assert_eq!(p.items.len(), 1);
    assert_eq!(p.items[0].question_id.as_deref(), Some(CLOSING_ID));
    assert!(validate(&p).is_ok());
    let de = new_plan(Meta::new("p2", at("2026-11-01T10:00:00Z")), Lang::De);
    assert!(de.items[0].text.starts_with("Mit wem sollte ich"));
}

#[test]
fn budget_adds_questions_and_slots_and_leaves_skipped_out() {
    let mut p = plan(); // closing question: 3 minutes
    let b = Budget::of(&p);
    assert_eq!((b.small_talk, b.questions, b.wrap_up), (3, 3, 3));
    assert_eq!((b.total(), b.left(), b.over()), (9, 21, 0));
    for n in 0..7 {
        add_item(&mut p.items, item(&format!("Q{n}"), 3));
    }
    let b = Budget::of(&p);
    assert_eq!(b.total(), 30);
    assert_eq!((b.left(), b.over()), (0, 0), "exactly full is not over");
    add_item(&mut p.items, item("one more", 2));
    assert_eq!(Budget::of(&p).over(), 2);
    p.items[0].state = ItemState::Skipped.into();
    assert_eq!(
        Budget::of(&p).over(),
        0,
        "a skipped question frees its time"
    );
    p.duration_minutes = 20;
    let b = Budget::of(&p);
    assert_eq!((b.small_talk, b.wrap_up), (2, 2));
    assert!(b.over() > 0);
    assert!(!b.longer_than_usual());
    p.duration_minutes = 45;
    assert!(Budget::of(&p).longer_than_usual());
}

#[test]
fn budget_clamps_a_duration_outside_the_allowed_range() {
    let mut p = plan();
    p.duration_minutes = 5;
    assert_eq!(Budget::of(&p).planned, 15);
    p.duration_minutes = 600;
    assert_eq!(Budget::of(&p).planned, 60);
}

#[test]
fn built_in_templates_fit_their_planned_length() {
    for t in BUILTIN_TEMPLATES {
        let mut p = plan();
        p.duration_minutes = t.duration;
        p.items = instantiate(&builtin_lines(t), &[], Lang::En);
        let b = Budget::of(&p);
        assert_eq!(b.over(), 0, "{} runs {} over", t.id, b.over());
        assert!(t.duration >= 20 && t.duration <= 30, "{}", t.id);
        assert_eq!(
            p.items.last().unwrap().question_id.as_deref(),
            Some(CLOSING_ID)
        );
        assert_eq!(
            builtin_lines(t).len(),
            t.questions.len(),
            "{} has unknown ids",
            t.id
        );
    }
}

// --- plan: order -----------------------------------------------------------------------

#[test]
fn added_questions_go_before_the_closing_question() {
    let mut p = plan();
    assert_eq!(add_item(&mut p.items, item("A", 3)), 0);
    assert_eq!(add_item(&mut p.items, item("B", 3)), 1);
    assert_eq!(
        p.items.last().unwrap().question_id.as_deref(),
        Some(CLOSING_ID)
    );
    // Once the closing question is moved away from the end, new ones are appended.
    let end = p.items.len() - 1;
    move_item(&mut p.items, end, 0);
    assert_eq!(add_item(&mut p.items, item("C", 3)), 3);
    assert_eq!(texts(&p.items)[3], "C");
}

#[test]
fn move_up_and_down_stop_at_the_ends() {
    let mut items = vec![item("A", 1), item("B", 1), item("C", 1)];
    assert_eq!(move_up(&mut items, 0), None);
    assert_eq!(move_down(&mut items, 2), None);
    assert_eq!(move_up(&mut items, 5), None);
    assert_eq!(move_down(&mut items, 5), None);
    assert_eq!(texts(&items), ["A", "B", "C"]);
    assert_eq!(move_down(&mut items, 0), Some(1));
    assert_eq!(texts(&items), ["B", "A", "C"]);
    assert_eq!(move_up(&mut items, 2), Some(1));
    assert_eq!(texts(&items), ["B", "C", "A"]);
}

#[test]
fn move_item_drops_at_the_target_position() {
    let mut items = vec![item("A", 1), item("B", 1), item("C", 1), item("D", 1)];
    assert_eq!(move_item(&mut items, 0, 2), Some(2));
    assert_eq!(texts(&items), ["B", "C", "A", "D"]);
    assert_eq!(move_item(&mut items, 3, 0), Some(0));
    assert_eq!(texts(&items), ["D", "B", "C", "A"]);
    assert_eq!(move_item(&mut items, 1, 99), Some(3));
    assert_eq!(texts(&items), ["D", "C", "A", "B"]);
    assert_eq!(move_item(&mut items, 9, 0), None);
}

proptest! {
    #[test]
    fn moves_keep_every_question_exactly_once(
        n in 1usize..12,
        moves in proptest::collection::vec((0usize..14, 0usize..14, 0u8..3), 0..30),
    ) {
        let mut items: Vec<PlanItem> = (0..n).map(|i| item(&format!("Q{i}"), 1)).collect();
        for (a, b, op) in moves {
            let before = items.len();
            let result = match op {
                0 => move_item(&mut items, a, b),
                1 => move_up(&mut items, a),
                _ => move_down(&mut items, a),
            };
            prop_assert_eq!(items.len(), before);
            if let Some(at) = result {
                prop_assert!(at < items.len());
            }
        }
        let mut seen: Vec<String> = items.iter().map(|i| i.text.clone()).collect();
        seen.sort();
        let mut expected: Vec<String> = (0..n).map(|i| format!("Q{i}")).collect();
        expected.sort();
        prop_assert_eq!(seen, expected);
    }

    #[test]
    fn a_move_down_is_undone_by_a_move_up(n in 2usize..10, at in 0usize..9) {
        let mut items: Vec<PlanItem> = (0..n).map(|i| item(&format!("Q{i}"), 1)).collect();
        let original = items.clone();
        if let Some(to) = move_down(&mut items, at) {
            prop_assert_eq!(move_up(&mut items, to), Some(at));
        }
        prop_assert_eq!(items, original);
    }

    #[test]
    fn template_round_trip_keeps_questions(
        texts in proptest::collection::vec("[^\t\n\r]{1,40}", 1..8),
        minutes in proptest::collection::vec(1u32..=60, 8),
    ) {
        let items: Vec<PlanItem> = texts
            .iter()
            .zip(&minutes)
            .map(|(t, m)| item(t, *m))
            .filter(|i| !i.text.is_empty())
            .collect();
        let lines = decode(&encode(&items));
        prop_assert_eq!(lines.len(), items.len());
        for (line, i) in lines.iter().zip(&items) {
            prop_assert_eq!(&line.text, &i.text);
            prop_assert_eq!(line.minutes, i.minutes);
        }
    }
}

#[test]
fn contains_finds_library_questions() {
    let mut p = plan();
    assert!(contains(&p.items, CLOSING_ID));
    assert!(!contains(&p.items, "builtin-day-tools"));
    let list = entries(&[], Lang::En);
    let tools = list.iter().find(|e| e.id == "builtin-day-tools").unwrap();
    add_item(&mut p.items, item_of(tools));
    assert!(contains(&p.items, "builtin-day-tools"));
    assert_eq!(p.items[0].minutes, tools.minutes);
}

#[test]
fn own_items_are_trimmed_and_clamped() {
    let i = own_item("  Why this team?  ", 0);
    assert_eq!(
        (i.text.as_str(), i.minutes, i.question_id),
        ("Why this team?", 1, None)
    );
    assert_eq!(own_item("x", 500).minutes, 60);
}

// --- plan: preparation and stage -------------------------------------------------------

#[test]
fn preparation_progress_counts_ticks_and_content() {
    let mut p = plan();
    assert_eq!(prep_progress(&p), (0, 6));
    p.prep.organisation = true;
    p.prep.field = true;
    p.my_intro = "   ".into();
    assert_eq!(prep_progress(&p), (2, 6), "blank text does not count");
    p.my_intro = "I am a teacher moving into UX research.".into();
    p.hopes = "Whether research suits me".into();
    assert!(step_done(&p, PrepStep::Intro) && step_done(&p, PrepStep::Hopes));
    for n in 0..2 {
        add_item(&mut p.items, item(&format!("Q{n}"), 3));
    }
    assert!(
        !step_done(&p, PrepStep::Questions),
        "closing question does not count"
    );
    add_item(&mut p.items, item("Q3", 3));
    assert!(step_done(&p, PrepStep::Questions));
    p.prep.person = true;
    assert_eq!(prep_progress(&p), (6, 6));
}

#[test]
fn stage_follows_the_plan_through_its_life() {
    let mut p = plan();
    assert_eq!(stage(&p), Stage::Draft);
    p.scheduled = Some(at("2026-12-03T13:00:00Z"));
    assert_eq!(stage(&p), Stage::Scheduled);
    p.started = Some(at("2026-12-03T13:02:00Z"));
    assert_eq!(stage(&p), Stage::Running);
    p.finished = Some(at("2026-12-03T13:29:30Z"));
    assert_eq!(stage(&p), Stage::Held);
    p.wrapped_up = Some(at("2026-12-03T15:00:00Z"));
    assert_eq!(stage(&p), Stage::Done);
}

#[test]
fn elapsed_time_runs_from_start_until_finished() {
    let mut p = plan();
    let now = at("2026-12-03T13:14:05Z");
    assert_eq!(elapsed_seconds(&p, now), 0);
    p.started = Some(at("2026-12-03T13:02:00Z"));
    assert_eq!(elapsed_seconds(&p, now), 12 * 60 + 5);
    // A clock that went backwards does not show negative time.
    assert_eq!(elapsed_seconds(&p, at("2026-12-03T12:00:00Z")), 0);
    p.finished = Some(at("2026-12-03T13:29:30Z"));
    assert_eq!(
        elapsed_seconds(&p, at("2026-12-04T00:00:00Z")),
        27 * 60 + 30
    );
    assert_eq!(clock_text(0), "0:00");
    assert_eq!(clock_text(65), "1:05");
    assert_eq!(clock_text(27 * 60 + 30), "27:30");
    assert_eq!(clock_text(3600 + 61), "1:01:01");
    assert_eq!(clock_text(-5), "0:00");
}

#[test]
fn current_question_is_the_first_open_one() {
    let mut items = vec![item("A", 1), item("B", 1), item("C", 1)];
    assert_eq!(current_index(&items), Some(0));
    items[0].state = ItemState::Asked.into();
    items[1].state = ItemState::Skipped.into();
    assert_eq!(current_index(&items), Some(2));
    assert_eq!(asked_count(&items), (1, 3));
    items[2].state = "asked".into();
    assert_eq!(current_index(&items), None);
    // A state a newer version wrote is kept as it is and counts as open.
    items[2].state = "something-newer".into();
    assert_eq!(items[2].state, Coded::Unknown("something-newer".into()));
    assert_eq!(current_index(&items), Some(2));
}

// --- templates -------------------------------------------------------------------------

#[test]
fn encode_keeps_ids_and_flattens_line_breaks() {
    let mut items = vec![item("What\tdo you\ndo?", 4)];
    items.push(PlanItem {
        question_id: Some("builtin-day-tools".into()),
        text: "Which tools?".into(),
        minutes: 2,
        ..PlanItem::default()
    });
    items[0].answer = "not kept".into();
    let body = encode(&items);
    assert_eq!(
        body,
        "4\t\tWhat do you do?\n2\tbuiltin-day-tools\tWhich tools?"
    );
    let lines = decode(&body);
    assert_eq!(
        lines,
        [
            Line {
                minutes: 4,
                question_id: None,
                text: "What do you do?".into()
            },
            Line {
                minutes: 2,
                question_id: Some("builtin-day-tools".into()),
                text: "Which tools?".into()
            }
        ]
    );
}

#[test]
fn decode_accepts_plain_lines_and_bad_numbers() {
    let lines = decode("How did you start?\n\n  \nabc\tx\tWhy?\n99\t\tLong one");
    assert_eq!(lines.len(), 3);
    assert_eq!(
        (lines[0].minutes, lines[0].text.as_str()),
        (3, "How did you start?")
    );
    assert_eq!(
        lines[1].text, "abc\tx\tWhy?",
        "not a number: kept as plain text"
    );
    assert_eq!(lines[2].minutes, 60, "minutes are clamped");
}

#[test]
fn instantiate_uses_the_current_language_and_library_text() {
    let stored = vec![question(
        "q9",
        "How big is the team today?",
        "organisation",
        false,
    )];
    let library = entries(&stored, Lang::De);
    let lines = vec![
        Line {
            minutes: 4,
            question_id: Some("builtin-in-path".into()),
            text: "How did you get into this field?".into(),
        },
        Line {
            minutes: 3,
            question_id: Some("q9".into()),
            text: "How big is the team?".into(),
        },
        Line {
            minutes: 2,
            question_id: Some("q-deleted".into()),
            text: "Kept as saved".into(),
        },
        Line {
            minutes: 5,
            question_id: None,
            text: "Inline".into(),
        },
    ];
    let items = instantiate(&lines, &library, Lang::De);
    assert_eq!(
        texts(&items),
        [
            "Wie sind Sie in dieses Feld gekommen?",
            "How big is the team today?",
            "Kept as saved",
            "Inline",
            builtin(CLOSING_ID).unwrap().de,
        ]
    );
    assert_eq!(items[3].minutes, 5);
    assert!(items
        .iter()
        .all(|i| i.answer.is_empty() && i.state.is(ItemState::Open)));
    // The closing question is not doubled when the template has it.
    let again = instantiate(&decode(&encode(&items)), &library, Lang::En);
    assert_eq!(again.len(), items.len());
    assert_eq!(again[0].text, "How did you get into this field?");
}

#[test]
fn own_templates_are_interview_ones_by_name() {
    let t = |id: &str, purpose: &str, name: &str| {
        let mut meta = Meta::new(id, at("2026-11-01T10:00:00Z"));
        meta.revision = 1;
        Template {
            meta,
            purpose: purpose.into(),
            name: name.into(),
            lang: Lang::En.into(),
            subject: String::new(),
            body: String::new(),
            message_purpose: None,
        }
    };
    let all = vec![
        t("t1", "interview", "zebra"),
        t("t2", "message", "Ask"),
        t("t3", "interview", "Alpha"),
    ];
    let names: Vec<&str> = own_templates(&all)
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(names, ["Alpha", "zebra"]);
}

// --- wrap-up ---------------------------------------------------------------------------

fn held_plan() -> InterviewPlan {
    let mut p = plan();
    p.contact_id = Some("c1".into());
    p.goal = "Learn how UX research teams hire career changers".into();
    add_item(&mut p.items, item("How did you start?", 4));
    add_item(&mut p.items, item("What would you do in my place?", 3));
    add_item(&mut p.items, item("Never reached", 3));
    p.items[0].state = "asked".into();
    p.items[0].answer = "Through a usability lab at university.".into();
    p.items[1].state = "skipped".into();
    p.items[3].state = "asked".into();
    p.items[3].answer = "Talk to Dana at Ørsted.".into();
    p.suggested = vec![
        SuggestedPerson {
            name: "Dana Maria Ödegaard".into(),
            company: "Ørsted".into(),
            note: "runs the research guild".into(),
            may_mention: true,
        },
        SuggestedPerson {
            name: "  ".into(),
            ..SuggestedPerson::default()
        },
        SuggestedPerson {
            name: "Lou".into(),
            ..SuggestedPerson::default()
        },
    ];
    p.promised = vec!["Send the article on diary studies".into(), "".into()];
    p
}

#[test]
fn split_name_takes_the_last_word_as_last_name() {
    assert_eq!(
        split_name("Dana Maria  Ödegaard"),
        ("Dana Maria".into(), "Ödegaard".into())
    );
    assert_eq!(split_name(" Lou "), ("Lou".into(), String::new()));
    assert_eq!(split_name(""), (String::new(), String::new()));
}

#[test]
fn wrap_up_creates_contacts_promises_report_back_and_timeline_entry() {
    let p = held_plan();
    let mut anna = new_contact(Meta::new("c1", at("2026-01-01T00:00:00Z")));
    anna.first_name = "Anna".into();
    let mut n = 0;
    let mut ids = || {
        n += 1;
        format!("id{n}")
    };
    let choices = Choices::all(&p);
    assert_eq!(choices.people, [true, false, true]);
    assert_eq!(choices.promises, [true, false]);
    let day = day("2026-12-03");
    let out = wrap_up(
        &p,
        &Conversation {
            interviewee: &anna,
            name: "Anna",
            day,
            lang: Lang::En,
            now: at("2026-12-03T15:00:00Z"),
        },
        &choices,
        &mut ids,
    );
    // Two people (the blank one is skipped), introduced by Anna.
    assert_eq!(out.contacts.len(), 2);
    let dana = &out.contacts[0];
    assert_eq!(
        (dana.first_name.as_str(), dana.last_name.as_str()),
        ("Dana Maria", "Ödegaard")
    );
    assert_eq!(dana.company, "Ørsted");
    assert_eq!(dana.introduced_by.as_deref(), Some("c1"));
    assert_eq!(dana.met.date, Some(day));
    assert!(dana.met.occasion.contains("Anna"));
    assert!(dana.met.hook.contains("research guild") && dana.met.hook.contains("May mention Anna"));
    assert_eq!(out.contacts[1].first_name, "Lou");
    // Thank-you tomorrow, the promise in two days, a nudge per new contact, report-back.
    let f: Vec<(&str, FollowUpKind, NaiveDate, Option<&str>)> = out
        .follow_ups
        .iter()
        .map(|f| {
            (
                f.text.as_str(),
                f.kind,
                f.due.unwrap(),
                f.contact_id.as_deref(),
            )
        })
        .collect();
    assert_eq!(f.len(), 5);
    assert_eq!(
        f[0],
        (
            "Thank Anna for the conversation",
            FollowUpKind::IPromised,
            day + chrono::Duration::days(1),
            Some("c1")
        )
    );
    assert_eq!(
        f[1],
        (
            "Send the article on diary studies",
            FollowUpKind::IPromised,
            day + chrono::Duration::days(2),
            Some("c1")
        )
    );
    assert_eq!(f[2].1, FollowUpKind::Reminder);
    assert_eq!(f[2].3, Some(dana.meta.id.as_str()));
    assert!(f[2].0.contains("Dana Maria Ödegaard") && f[2].0.contains("Anna"));
    assert_eq!(
        f[4].2,
        day + chrono::Duration::days(i64::from(REPORT_BACK_DAYS))
    );
    assert!(f[4].0.starts_with("Report back to Anna"));
    // The conversation on Anna's timeline with the answers.
    assert_eq!(out.interactions.len(), 1);
    let i = &out.interactions[0];
    assert_eq!(
        (i.kind, i.date, i.contact_id.as_str()),
        (InteractionKind::InformationalInterview, day, "c1")
    );
    assert!(i.summary.contains("usability lab"));
    assert!(i.summary.contains("Talk to Dana"));
    assert!(!i.summary.contains("Never reached"));
    assert!(
        !i.summary.contains("What would you do"),
        "skipped without answer"
    );
    // Every id is distinct and every record valid once stored.
    let mut all_ids: Vec<String> = out.contacts.iter().map(|c| c.meta.id.clone()).collect();
    all_ids.extend(out.follow_ups.iter().map(|f| f.meta.id.clone()));
    all_ids.extend(out.interactions.iter().map(|f| f.meta.id.clone()));
    let unique: HashSet<_> = all_ids.iter().collect();
    assert_eq!(unique.len(), all_ids.len());
}

#[test]
fn wrap_up_honours_choices() {
    let p = held_plan();
    let anna = new_contact(Meta::new("c1", at("2026-01-01T00:00:00Z")));
    let mut n = 0;
    let mut ids = || {
        n += 1;
        format!("id{n}")
    };
    let choices = Choices {
        thank_you: false,
        promises: vec![false, false],
        people: vec![false, false, true],
        report_back_days: None,
    };
    let out = wrap_up(
        &p,
        &Conversation {
            interviewee: &anna,
            name: "Anna",
            day: day("2026-12-03"),
            lang: Lang::De,
            now: at("2026-12-03T15:00:00Z"),
        },
        &choices,
        &mut ids,
    );
    assert_eq!(out.contacts.len(), 1);
    assert_eq!(out.follow_ups.len(), 1, "only the nudge to contact Lou");
    assert!(out.follow_ups[0].text.contains("Empfehlung von Anna"));
    assert_eq!(out.interactions.len(), 1);
    assert!(out.interactions[0]
        .summary
        .contains("Empfohlen: Dana Maria Ödegaard, Lou"));
}

#[test]
fn summary_of_an_empty_conversation_is_empty() {
    let p = plan();
    assert_eq!(summary(&p, Lang::En), "");
}

// --- Markdown --------------------------------------------------------------------------

#[test]
fn markdown_lists_everything_with_answers_as_quotes() {
    let mut p = held_plan();
    p.hopes = "Whether research suits me".into();
    p.my_intro = "Teacher for 10 years, moving into research.".into();
    p.format = crate::domain::record::MeetingFormat::Video;
    p.place = "https://meet.example.org/abc".into();
    p.items[0].answer = "Line one\n\nLine *two*".into();
    let when = day("2026-12-03").and_hms_opt(14, 0, 0);
    let md = to_markdown(&p, "Anna Schmidt", when, Lang::En);
    assert!(md.starts_with("# Informational interview: Anna Schmidt\n"));
    assert!(md.contains("- **When:** 3 December 2026, 14:00\n"), "{md}");
    assert!(md.contains("- Video: https://meet.example.org/abc\n"));
    assert!(md.contains("- **Planned:** 30 min\n"));
    assert!(md.contains("## Goal\n\nLearn how UX research"));
    assert!(md.contains("## What I hope to learn"));
    assert!(md.contains("## My short introduction"));
    assert!(
        md.contains(
            "1. **How did you start?** (4 min) — asked\n   > Line one\n   >\n   > Line \\*two\\*\n"
        ),
        "{md}"
    );
    assert!(md.contains("2. **What would you do in my place?** (3 min) — skipped\n"));
    assert!(md.contains(
        "- Dana Maria Ödegaard (Ørsted): runs the research guild — may mention their name\n"
    ));
    assert!(md.contains("## I promised\n\n- Send the article on diary studies\n"));
    let de = to_markdown(&p, "Anna Schmidt", when, Lang::De);
    assert!(de.contains("# Informationsgespräch: Anna Schmidt"));
    assert!(de.contains("3. Dezember 2026, 14:00"), "{de}");
    assert!(de.contains("— gestellt"));
}

#[test]
fn markdown_escapes_structure_in_user_text() {
    assert_eq!(
        escape("# not a heading [x](y) <b>"),
        "\\# not a heading \\[x\\](y) \\<b\\>"
    );
    let mut p = plan();
    p.goal = "## Injected\n<script>alert(1)</script>".into();
    let md = to_markdown(&p, "", None, Lang::En);
    assert!(md.starts_with("# Informational interview\n"));
    assert!(!md.contains("\n## Injected"));
    assert!(!md.contains("<script>"));
}

#[test]
fn markdown_handles_every_nasty_string() {
    let raw = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/blns.json"))
        .unwrap();
    let strings: Vec<String> = serde_json::from_str(&raw).unwrap();
    for s in strings {
        let mut p = plan();
        p.items[0].answer = s.clone();
        p.goal = s.clone();
        let md = to_markdown(&p, &s, None, Lang::En);
        assert!(md.starts_with("# "));
        let _ = file_name(&s, None);
    }
}

#[test]
fn file_name_is_safe() {
    let when = day("2026-12-03").and_hms_opt(14, 0, 0);
    assert_eq!(
        file_name("Dana Ödegaard", when),
        "interview-2026-12-03-dana-odegaard.md"
    );
    assert_eq!(
        file_name("../../etc/passwd", None),
        "interview-etc-passwd.md"
    );
    assert_eq!(file_name("", None), "interview.md");
}

#[test]
fn agenda_sorts_plans_into_upcoming_wrap_up_and_unfinished() {
    let now = at("2026-12-01T09:00:00Z");
    let mk = |id: &str, scheduled: Option<&str>| {
        let mut p = plan();
        p.meta.id = id.into();
        p.scheduled = scheduled.map(at);
        p
    };
    let later = mk("later", Some("2026-12-05T10:00:00Z"));
    let soon = mk("soon", Some("2026-12-01T15:00:00Z"));
    let far = mk("far", Some("2026-12-30T10:00:00Z"));
    let past = mk("past", Some("2026-11-30T10:00:00Z"));
    let just_started = mk("just", Some("2026-12-01T08:30:00Z"));
    let mut running = mk("running", Some("2026-12-01T08:00:00Z"));
    running.started = Some(at("2026-12-01T08:01:00Z"));
    let mut held = mk("held", Some("2026-11-28T10:00:00Z"));
    held.started = Some(at("2026-11-28T10:00:00Z"));
    held.finished = Some(at("2026-11-28T10:30:00Z"));
    let mut done = held.clone();
    done.meta.id = "done".into();
    done.wrapped_up = Some(at("2026-11-28T12:00:00Z"));
    let draft = mk("draft", None);
    let mut prepared = mk("prepared", None);
    prepared.prep = crate::domain::record::Prep {
        organisation: true,
        person: true,
        field: true,
    };
    prepared.my_intro = "x".into();
    prepared.hopes = "y".into();
    for n in 0..3 {
        add_item(&mut prepared.items, item(&format!("Q{n}"), 1));
    }
    let plans = vec![
        later,
        soon,
        far,
        past,
        just_started,
        running,
        held,
        done,
        draft,
        prepared,
    ];
    let a = super::plan::agenda(&plans, now, 14);
    assert_eq!(a.upcoming, ["running", "just", "soon", "later"]);
    assert_eq!(a.to_wrap_up, ["held", "past"]);
    assert_eq!(a.unfinished, ["draft"]);
}

#[test]
fn completing_a_wrap_up_stamps_the_plan_and_makes_an_unsaved_interviewee_a_contact() {
    use super::wrap_up::{complete, report_back, Held, WrapUpError};
    let now = at("2026-12-03T15:00:00Z");
    let held = Held {
        name: "Anna Schmidt",
        day: day("2026-12-03"),
        lang: Lang::En,
        now,
        occasion: "Informational interview",
    };
    let mut n = 0;
    let mut ids = || {
        n += 1;
        format!("id{n}")
    };
    // A saved interviewee: the plan keeps its contact, nothing extra is created.
    let p = held_plan();
    let mut anna = new_contact(Meta::new("c1", at("2026-01-01T00:00:00Z")));
    anna.first_name = "Anna".into();
    let choices = Choices::all(&p);
    let w = complete(&p, Some(&anna), &held, &choices, &mut ids).unwrap();
    assert_eq!(w.plan.contact_id.as_deref(), Some("c1"));
    assert_eq!(w.plan.wrapped_up, Some(now));
    assert_eq!(
        w.plan.finished,
        Some(now),
        "a plan never finished is finished now"
    );
    assert_eq!(w.records.contacts.len(), 2, "the two people suggested");
    assert_eq!(w.affected.len(), 3);
    assert_eq!(w.affected[0], "c1");
    // Someone never saved becomes the first new contact, and the plan points at them.
    let mut p = held_plan();
    p.contact_id = None;
    p.person_name = "Anna Lena Schmidt".into();
    p.person_company = "Acme".into();
    p.finished = Some(at("2026-12-03T14:00:00Z"));
    let w = complete(&p, None, &held, &choices, &mut ids).unwrap();
    let new = &w.records.contacts[0];
    assert_eq!(
        (new.first_name.as_str(), new.last_name.as_str()),
        ("Anna Lena", "Schmidt")
    );
    assert_eq!(new.met.occasion, "Informational interview");
    assert_eq!(w.plan.contact_id.as_ref(), Some(&new.meta.id));
    assert_eq!(w.plan.finished, Some(at("2026-12-03T14:00:00Z")), "kept");
    assert_eq!(
        w.records.contacts[1].introduced_by.as_ref(),
        Some(&new.meta.id)
    );
    assert_eq!(w.affected.iter().filter(|a| **a == new.meta.id).count(), 1);
    // Without a name there is nobody to create.
    p.person_name = " ".into();
    assert_eq!(
        complete(&p, None, &held, &choices, &mut ids),
        Err(WrapUpError::NameMissing)
    );
    // The report-back delay as typed.
    assert_eq!(report_back(false, "abc"), Ok(None));
    assert_eq!(report_back(true, " 30 "), Ok(Some(30)));
    for bad in ["0", "366", "", "-1", "3.5"] {
        assert_eq!(
            report_back(true, bad),
            Err(WrapUpError::DaysInvalid),
            "{bad}"
        );
    }
}

#[test]
fn a_typed_question_needs_text_and_minutes_within_the_longest_plan() {
    use super::plan::{typed_question, QuestionError, MAX_DURATION};
    assert_eq!(
        typed_question("  Why UX? ", " 4 "),
        Ok(("Why UX?".into(), 4))
    );
    assert_eq!(typed_question(" \n", "4"), Err(QuestionError::TextMissing));
    let most = MAX_DURATION.to_string();
    assert_eq!(
        typed_question("Why?", &most),
        Ok(("Why?".into(), MAX_DURATION))
    );
    let over = (MAX_DURATION + 1).to_string();
    for bad in ["0", "", "-2", "2.5", "x", over.as_str()] {
        assert_eq!(
            typed_question("Why?", bad),
            Err(QuestionError::MinutesInvalid),
            "{bad}"
        );
    }
}

#[test]
fn after_a_question_the_next_open_one_follows_else_the_first_open_one() {
    use super::plan::next_open;
    let mut items = vec![item("A", 1), item("B", 1), item("C", 1), item("D", 1)];
    assert_eq!(next_open(&items, 0), Some(1));
    items[1].state = ItemState::Asked.into();
    items[2].state = "newer".into();
    assert_eq!(
        next_open(&items, 0),
        Some(2),
        "an unknown state counts as open"
    );
    items[2].state = ItemState::Skipped.into();
    items[3].state = ItemState::Asked.into();
    assert_eq!(next_open(&items, 3), Some(0), "back to the first open one");
    items[0].state = ItemState::Asked.into();
    assert_eq!(next_open(&items, 0), None);
    assert_eq!(next_open(&items, 99), None);
}
