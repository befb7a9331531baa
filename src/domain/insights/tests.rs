//! Native tests of the insights (activity, outreach, goal, introductions, shift) against
//! hand-counted records and at full scale; over 600 lines because every picture has its
//! own cases (the rings have theirs in rings_tests.rs).

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::activity::{activity, Week, MAX_WEEKS};
use super::goal::{goal_week, WeeklyGoal, MAX_PER_WEEK};
use super::outreach::{outreach, HeldInterview, SentMessage};
use super::*;
use crate::domain::code::Coded;
use crate::domain::messages::checks::Context;
use crate::domain::messages::model::{Channel, Purpose, Status};
use crate::domain::record::{Interaction, InteractionKind, Message, Meta};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap()
}

fn entry(n: usize, kind: InteractionKind, date: NaiveDate) -> Interaction {
    Interaction {
        meta: Meta::new(format!("i{n}"), now()),
        contact_id: "c1".into(),
        kind,
        date,
        summary: String::new(),
        keywords: Vec::new(),
        other_contact_id: None,
        other_contact_name: String::new(),
    }
}

#[test]
fn weeks_start_on_monday_across_year_ends_and_in_week_53() {
    // 2026-01-01 is a Thursday: its ISO week began in 2025.
    assert_eq!(monday(d(2026, 1, 1)), d(2025, 12, 29));
    assert_eq!(monday(d(2025, 12, 29)), d(2025, 12, 29));
    assert_eq!(
        monday(d(2026, 1, 4)),
        d(2025, 12, 29),
        "Sunday ends the week"
    );
    assert_eq!(monday(d(2026, 1, 5)), d(2026, 1, 5));
    // 2020 has an ISO week 53 (28 Dec 2020 – 3 Jan 2021).
    assert_eq!(monday(d(2021, 1, 3)), d(2020, 12, 28));
    // The days of a daylight-saving change are ordinary days.
    assert_eq!(monday(d(2026, 3, 29)), d(2026, 3, 23));
    assert_eq!(monday(d(2026, 10, 25)), d(2026, 10, 19));
}

#[test]
fn spans_end_today() {
    let today = d(2026, 5, 31);
    assert_eq!(Span::Months3.start(today), Some(d(2026, 2, 28)));
    assert_eq!(Span::Months12.start(today), Some(d(2025, 5, 31)));
    assert_eq!(Span::All.start(today), None);
    for span in Span::ALL {
        assert_eq!(Span::from_key(span.key()), Some(*span));
    }
}

#[test]
fn activity_counts_each_entry_in_its_week_and_kind() {
    let today = d(2026, 1, 7); // a Wednesday
    let entries = [
        entry(1, InteractionKind::Call, d(2025, 12, 31)),
        entry(2, InteractionKind::Meeting, d(2026, 1, 2)),
        entry(3, InteractionKind::Introduction, d(2026, 1, 4)),
        entry(4, InteractionKind::InformationalInterview, d(2026, 1, 6)),
        entry(5, InteractionKind::Call, d(2026, 1, 9)), // after today: not yet
        entry(6, InteractionKind::Call, d(2025, 11, 20)),
        entry(7, InteractionKind::Email, d(2025, 12, 10)),
    ];
    let sent = [d(2026, 1, 5), d(2026, 1, 5), d(2025, 12, 30)];
    let a = activity(&entries, &sent, Some(d(2025, 12, 1)), today);
    // From the Monday of 1 Dec to the current week, gaps included.
    assert_eq!(a.weeks.first().map(|w| w.monday), Some(d(2025, 12, 1)));
    assert_eq!(a.weeks.last().map(|w| w.monday), Some(d(2026, 1, 5)));
    assert_eq!(a.weeks.len(), 6);
    let around_new_year = &a.weeks[4];
    assert_eq!(around_new_year.monday, d(2025, 12, 29));
    assert_eq!(around_new_year.of(InteractionKind::Call), 1);
    assert_eq!(around_new_year.of(InteractionKind::Meeting), 1);
    assert_eq!(around_new_year.of(InteractionKind::Introduction), 1);
    assert_eq!(around_new_year.entries(), 3);
    assert_eq!(
        around_new_year.conversations(),
        2,
        "an introduction is not one"
    );
    assert_eq!(around_new_year.sent, 1);
    let this_week = &a.weeks[5];
    assert_eq!(this_week.of(InteractionKind::InformationalInterview), 1);
    assert_eq!(this_week.sent, 2);
    // The months: January so far against December.
    assert_eq!(
        a.this_month, 2,
        "2 Jan and 6 Jan; the 4th is an introduction"
    );
    assert_eq!(a.last_month, 2, "10 and 31 Dec");
    // The weeks hold every entry of the span, and no other.
    let total: usize = a.weeks.iter().map(Week::entries).sum();
    assert_eq!(total, 5);
    // Everything: from the first record on.
    let all = activity(&entries, &sent, None, today);
    assert_eq!(all.weeks.first().map(|w| w.monday), Some(d(2025, 11, 17)));
    assert_eq!(all.weeks.iter().map(Week::entries).sum::<usize>(), 6);
}

#[test]
fn activity_of_nothing_is_empty_and_of_long_ago_is_bounded() {
    let today = d(2026, 12, 3);
    let none = activity(&[], &[], None, today);
    assert!(none.is_empty());
    assert_eq!(none.weeks.len(), 1);
    let old = [entry(1, InteractionKind::Call, d(1990, 1, 1))];
    let bounded = activity(&old, &[], None, today);
    assert_eq!(bounded.weeks.len(), MAX_WEEKS);
    assert!(bounded.is_empty(), "older than the picture shows");
}

#[test]
fn rates_say_too_few_below_the_minimum() {
    assert_eq!(Rate { hits: 0, of: 0 }.percent(), None);
    assert_eq!(Rate { hits: 4, of: 4 }.percent(), None);
    assert_eq!(Rate { hits: 0, of: 5 }.percent(), Some(0));
    assert_eq!(Rate { hits: 7, of: 12 }.percent(), Some(58));
    assert_eq!(Rate { hits: 5, of: 5 }.percent(), Some(100));
}

fn message(id: &str, contact: &str, channel: Channel, purpose: Purpose, status: Status) -> Message {
    Message {
        meta: Meta::new(id, now()),
        contact_id: Some(contact.into()),
        channel: Coded::Known(channel),
        purpose: Coded::Known(purpose),
        lang: Coded::Known(crate::domain::lang::Lang::En),
        subject: String::new(),
        body: String::new(),
        status: Coded::Known(status),
        sent: Some(now()),
        address: Coded::default(),
        recipient_name: String::new(),
        recipient_company: String::new(),
        manual: Vec::new(),
        closed: None,
        template_id: None,
    }
}

fn sent(contact: &str, day: NaiveDate, status: Status, checks: (usize, usize)) -> SentMessage {
    SentMessage {
        contact_id: Some(contact.into()),
        sent: day,
        closed: None,
        status: Some(status),
        channel: "linkedin_note".into(),
        purpose: "informational_interview".into(),
        lang: "en".into(),
        template_id: None,
        checks,
    }
}

#[test]
fn a_sent_message_is_scored_by_the_checklist_and_a_draft_is_left_out() {
    let ctx = Context {
        first_name: "Anna".into(),
        ..Context::default()
    };
    let mut m = message("m1", "c1", Channel::Email, Purpose::Interview, Status::Sent);
    m.body = "Hello Anna, I read your talk on research ops at UX Camp. Would you have 20 minutes for a call next week? I would love to hear how you moved into the field.".into();
    let s = SentMessage::of(&m, Some(d(2026, 11, 2)), None, &ctx).unwrap();
    assert!(s.checks.1 > 0);
    assert!(s.checks.0 <= s.checks.1);
    assert_eq!(s.channel, "email");
    let draft = message(
        "m2",
        "c1",
        Channel::Email,
        Purpose::Interview,
        Status::Draft,
    );
    assert_eq!(
        SentMessage::of(&draft, Some(d(2026, 11, 2)), None, &ctx),
        None
    );
    // A status a newer version wrote counts as sent, not replied.
    let mut newer = m.clone();
    newer.status = Coded::Unknown("forwarded".into());
    let s = SentMessage::of(&newer, Some(d(2026, 11, 2)), None, &ctx).unwrap();
    assert!(!s.replied());
    // Without a day it was sent, it cannot be placed.
    assert_eq!(SentMessage::of(&m, None, None, &ctx), None);
}

#[test]
fn the_funnel_follows_each_message_to_the_interview_it_led_to() {
    let messages = [
        sent("anna", d(2026, 9, 1), Status::MeetingAgreed, (10, 11)),
        sent("ben", d(2026, 9, 2), Status::Replied, (9, 11)),
        sent("cem", d(2026, 9, 3), Status::NoReply, (4, 11)),
        sent("dana", d(2026, 9, 4), Status::Declined, (5, 11)),
        sent("eva", d(2026, 9, 5), Status::Sent, (11, 11)),
        // Anna again later: the first interview belongs to the first message.
        sent("anna", d(2026, 10, 20), Status::MeetingAgreed, (10, 11)),
    ];
    let held = [
        HeldInterview {
            contact_id: "anna".into(),
            day: d(2026, 9, 15),
            suggested: 2,
        },
        HeldInterview {
            contact_id: "anna".into(),
            day: d(2026, 11, 1),
            suggested: 1,
        },
        // Before any message: not a result of outreach.
        HeldInterview {
            contact_id: "cem".into(),
            day: d(2026, 8, 1),
            suggested: 3,
        },
    ];
    let o = outreach(&messages, &held, None);
    assert_eq!(o.funnel.sent, 6);
    assert_eq!(o.funnel.replied, 4, "a meeting and a no are answers too");
    assert_eq!(o.funnel.meeting, 2);
    assert_eq!(o.funnel.interviews, 2);
    assert_eq!(o.funnel.suggested, 3);
    // 9 of 11 passes, 5 of 11 does not.
    assert_eq!(o.mostly_met, Rate { hits: 3, of: 4 });
    assert_eq!(o.others, Rate { hits: 1, of: 2 });
    assert_eq!(o.by_channel.len(), 1);
    assert_eq!(o.by_channel[0].rate, Rate { hits: 4, of: 6 });
    // A span leaves the older messages out.
    let recent = outreach(&messages, &held, Some(d(2026, 10, 1)));
    assert_eq!(recent.funnel.sent, 1);
    assert_eq!(recent.funnel.interviews, 1);
    assert_eq!(recent.funnel.suggested, 1);
    // Nothing sent: all zero, no rates.
    let none = outreach(&[], &held, None);
    assert_eq!(none.funnel.sent, 0);
    assert_eq!(none.mostly_met.percent(), None);
    assert_eq!(none.days_to_reply, None);
}

#[test]
fn templates_are_ranked_by_replies_and_too_few_come_last() {
    let from = |template: Option<&str>, replied: bool| SentMessage {
        template_id: template.map(str::to_string),
        ..sent(
            "anna",
            d(2026, 9, 1),
            if replied {
                Status::Replied
            } else {
                Status::NoReply
            },
            (5, 11),
        )
    };
    let mut messages = Vec::new();
    // "short": 4 of 5; "long": 1 of 6; "new": 2 of 2 (too few); none: not a template.
    for i in 0..5 {
        messages.push(from(Some("short"), i < 4));
    }
    for i in 0..6 {
        messages.push(from(Some("long"), i < 1));
    }
    messages.push(from(Some("new"), true));
    messages.push(from(Some("new"), true));
    messages.push(from(None, true));
    let o = outreach(&messages, &[], None);
    let ranked: Vec<(&str, Rate)> = o
        .by_template
        .iter()
        .map(|g| (g.key.as_str(), g.rate))
        .collect();
    assert_eq!(
        ranked,
        [
            ("short", Rate { hits: 4, of: 5 }),
            ("long", Rate { hits: 1, of: 6 }),
            ("new", Rate { hits: 2, of: 2 }),
        ]
    );
    // Every message from a template is in exactly one row.
    let counted: usize = o.by_template.iter().map(|g| g.rate.of).sum();
    assert_eq!(
        counted,
        messages.iter().filter(|m| m.template_id.is_some()).count()
    );
    // The message record's template reaches the picture.
    let mut m = message(
        "m1",
        "anna",
        Channel::Email,
        Purpose::Interview,
        Status::Sent,
    );
    m.template_id = Some("t9".into());
    let ctx = Context::default();
    let s = SentMessage::of(&m, Some(d(2026, 9, 1)), None, &ctx).unwrap();
    assert_eq!(s.template_id.as_deref(), Some("t9"));
}

#[test]
fn groups_list_known_values_in_order_and_unknown_ones_last() {
    let mut a = sent("a", d(2026, 9, 1), Status::Replied, (1, 2));
    a.channel = "xing_message".into();
    let mut b = sent("b", d(2026, 9, 1), Status::Sent, (1, 2));
    b.channel = "carrier_pigeon".into();
    let mut c = sent("c", d(2026, 9, 1), Status::Sent, (1, 2));
    c.channel = "email".into();
    c.closed = Some(d(2026, 9, 4));
    let mut e = sent("e", d(2026, 9, 1), Status::Replied, (1, 2));
    e.closed = Some(d(2026, 9, 3));
    let mut f = sent("f", d(2026, 9, 1), Status::Declined, (1, 2));
    f.closed = Some(d(2026, 9, 7));
    let o = outreach(&[a, b, c, e, f], &[], None);
    let keys: Vec<&str> = o.by_channel.iter().map(|g| g.key.as_str()).collect();
    assert_eq!(
        keys,
        ["email", "linkedin_note", "xing_message", "carrier_pigeon"]
    );
    // Answered with a known day: 2 and 6 days (an unanswered message's day is not one).
    assert_eq!(o.days_to_reply, Some(4.0));
}

#[test]
fn every_count_in_the_pictures_adds_up_to_its_table() {
    // A year of generated activity: the weeks' totals equal the entries in the span.
    let today = d(2026, 12, 3);
    let mut entries = Vec::new();
    let mut day = d(2025, 1, 1);
    let mut n = 0;
    while day <= today {
        let kind = InteractionKind::ALL[n % InteractionKind::ALL.len()];
        for _ in 0..(n % 4) {
            entries.push(entry(n, kind, day));
        }
        n += 1;
        day = day + chrono::Days::new(3);
    }
    for span in Span::ALL {
        let from = span.start(today);
        let a = activity(&entries, &[], from, today);
        let first = a.weeks[0].monday;
        let expected = entries
            .iter()
            .filter(|e| e.date >= first && e.date <= today)
            .count();
        assert_eq!(
            a.weeks.iter().map(Week::entries).sum::<usize>(),
            expected,
            "{span:?}"
        );
        for w in &a.weeks {
            assert_eq!(w.kinds.iter().sum::<usize>(), w.entries());
            assert!(w.conversations() <= w.entries());
        }
    }
}

#[test]
fn the_weekly_goal_counts_this_week_and_the_weeks_met_in_a_row() {
    let today = d(2026, 12, 3); // Thursday
    let goal = WeeklyGoal {
        messages: 2,
        conversations: 1,
        interviews: 0,
    };
    let mut entries = Vec::new();
    let mut sent = Vec::new();
    // Three full weeks met before this one, one missed before them.
    for week in 1..=3u64 {
        let monday = monday(today) - chrono::Days::new(7 * week);
        entries.push(entry(week as usize, InteractionKind::Call, monday));
        sent.extend([monday, monday + chrono::Days::new(1)]);
    }
    let missed = monday(today) - chrono::Days::new(28);
    entries.push(entry(9, InteractionKind::Call, missed));
    // This week: one message so far.
    sent.push(today);
    let a = activity(&entries, &sent, Some(today - chrono::Days::new(70)), today);
    let g = goal_week(goal, &a.weeks, today);
    assert_eq!((g.messages.done, g.messages.goal), (1, 2));
    assert!(!g.messages.met());
    assert_eq!(g.messages.share(), 0.5);
    assert_eq!(g.conversations.done, 0);
    assert!(g.interviews.met(), "no goal is always met");
    assert_eq!(g.streak, 3);
    // Met this week too: it counts.
    sent.push(today);
    entries.push(entry(10, InteractionKind::Meeting, today));
    let a = activity(&entries, &sent, Some(today - chrono::Days::new(70)), today);
    assert_eq!(goal_week(goal, &a.weeks, today).streak, 4);
    // Today's count straight from the entries gives the same week.
    let straight = super::goal::this_week(goal, &entries, &sent, today);
    let full = goal_week(goal, &a.weeks, today);
    assert_eq!(
        (
            straight.messages,
            straight.conversations,
            straight.interviews
        ),
        (full.messages, full.conversations, full.interviews)
    );
    // No goal: nothing is met, no streak.
    assert_eq!(goal_week(WeeklyGoal::default(), &a.weeks, today).streak, 0);
    assert!(WeeklyGoal::default().is_off());
    let wild = WeeklyGoal {
        messages: 9999,
        ..goal
    }
    .clamped();
    assert_eq!(wild.messages, MAX_PER_WEEK);
}

#[test]
fn ten_thousand_contacts_and_fifty_thousand_entries_are_counted_quickly() {
    let today = d(2026, 12, 3);
    let entries: Vec<Interaction> = (0..50_000)
        .map(|n| {
            entry(
                n,
                InteractionKind::ALL[n % 9],
                today - chrono::Days::new((n % 1500) as u64),
            )
        })
        .collect();
    let messages: Vec<SentMessage> = (0..5_000)
        .map(|n| {
            sent(
                &format!("c{}", n % 10_000),
                today - chrono::Days::new((n % 700) as u64),
                Status::Replied,
                (n % 12, 11),
            )
        })
        .collect();
    let held: Vec<HeldInterview> = (0..2_000)
        .map(|n| HeldInterview {
            contact_id: format!("c{}", n * 5 % 10_000),
            day: today - chrono::Days::new((n % 600) as u64),
            suggested: n % 3,
        })
        .collect();
    let started = std::time::Instant::now();
    let a = activity(&entries, &[], None, today);
    let o = outreach(&messages, &held, None);
    let took = started.elapsed();
    assert!(a.weeks.len() > 200);
    assert_eq!(o.funnel.sent, 5_000);
    // Debug builds are slower than the release build the goal is about.
    assert!(took.as_millis() < 1_000, "{took:?}");
}

fn contact(id: &str, name: &str, by: Option<&str>) -> crate::domain::record::Contact {
    let mut c = crate::domain::contacts::draft::new_contact(Meta::new(id, now()));
    c.first_name = name.into();
    c.introduced_by = by.map(Into::into);
    c
}

#[test]
fn introductions_form_a_forest_under_the_people_met_directly() {
    use super::introductions::introductions;
    let all = [
        contact("anna", "Anna", None),
        contact("ben", "Ben", Some("anna")),
        contact("cem", "Cem", Some("anna")),
        contact("dana", "Dana", Some("ben")),
        contact("eva", "Eva", None),
        contact("finn", "Finn", Some("eva")),
        // Nobody introduced by Gus: he is not shown.
        contact("gus", "Gus", None),
        // Introduced by someone since deleted, or by themselves: met directly.
        contact("hana", "Hana", Some("deleted")),
        contact("ivo", "Ivo", Some("ivo")),
        contact("jan", "Jan", Some("hana")),
    ];
    let refs: Vec<&_> = all.iter().collect();
    let f = introductions(&refs, |c| c.meta.id == "ben" || c.meta.id == "dana");
    let roots: Vec<(&str, usize)> = f
        .roots
        .iter()
        .map(|n| (n.name.as_str(), n.led_to))
        .collect();
    assert_eq!(roots, [("Anna", 3), ("Eva", 1), ("Hana", 1)]);
    let anna = &f.roots[0];
    let kids: Vec<(&str, usize)> = anna
        .children
        .iter()
        .map(|n| (n.name.as_str(), n.led_to))
        .collect();
    assert_eq!(kids, [("Ben", 1), ("Cem", 0)], "who led further first");
    assert_eq!(anna.children[0].children[0].name, "Dana");
    assert_eq!(f.introduced, 5);
    let top = f.top().unwrap();
    assert_eq!(
        (top.name.as_str(), top.led_to, top.led_to_target),
        ("Anna", 3, 2)
    );
    assert_eq!(
        introductions(&[], |_| true),
        super::introductions::Introductions::default()
    );
}

#[test]
fn a_ring_of_introductions_shows_everyone_once() {
    use super::introductions::introductions;
    // A introduced by B, B by A, and C by A.
    let all = [
        contact("a", "Alma", Some("b")),
        contact("b", "Bea", Some("a")),
        contact("c", "Carl", Some("a")),
    ];
    let refs: Vec<&_> = all.iter().collect();
    let f = introductions(&refs, |_| false);
    assert_eq!(f.roots.len(), 1);
    let alma = &f.roots[0];
    assert_eq!((alma.name.as_str(), alma.led_to), ("Alma", 2));
    let mut names: Vec<&str> = alma.children.iter().map(|n| n.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["Bea", "Carl"]);
}

#[test]
fn a_chain_of_twenty_thousand_is_counted_and_built_only_so_deep() {
    use super::introductions::{introductions, MAX_DEPTH};
    let all: Vec<_> = (0..20_000)
        .map(|i| {
            let by = (i > 0).then(|| format!("p{}", i - 1));
            contact(&format!("p{i}"), &format!("P{i}"), by.as_deref())
        })
        .collect();
    let refs: Vec<&_> = all.iter().collect();
    let f = introductions(&refs, |_| true);
    assert_eq!(f.roots.len(), 1);
    assert_eq!(f.roots[0].led_to, 19_999);
    assert_eq!(f.roots[0].led_to_target, 19_999);
    let mut depth = 0;
    let mut node = &f.roots[0];
    while let Some(next) = node.children.first() {
        depth += 1;
        node = next;
    }
    assert_eq!(depth, MAX_DEPTH);
    assert_eq!(node.led_to, 19_999 - MAX_DEPTH, "the rest is counted");
}

#[test]
fn fields_match_folded_and_a_target_wins_over_a_former_one() {
    use super::shift::{Fields, Side};
    let f = Fields::of(
        "UX Research; Nutzerforschung",
        "Öffentlicher Dienst, Verwaltung",
    );
    assert_eq!(f.target, ["ux research", "nutzerforschung"]);
    assert_eq!(f.side("Senior UX research lead"), Side::Target);
    assert_eq!(f.side("NUTZERFORSCHUNG"), Side::Target);
    assert_eq!(
        f.side("offentlicher dienst"),
        Side::Former,
        "umlauts folded"
    );
    assert_eq!(f.side("Stadtverwaltung Köln"), Side::Former);
    assert_eq!(f.side("UX research, früher Verwaltung"), Side::Target);
    assert_eq!(f.side("Marketing"), Side::Other);
    assert_eq!(f.side(""), Side::Other);
    assert!(Fields::of(" , ;", "Verwaltung").is_empty());
}

#[test]
fn the_shift_counts_each_month_by_the_contacts_field() {
    use super::shift::{shift, Fields};
    let mut ux = contact("ux", "Uma", None);
    ux.field = "UX Research".into();
    ux.met.date = Some(d(2026, 11, 5));
    let mut old = contact("old", "Olaf", None);
    old.field = "Verwaltung".into();
    let nobody = contact("none", "Nora", None);
    let contacts = [&ux, &old, &nobody];
    let e = |n, c: &str, kind, date| {
        let mut i = entry(n, kind, date);
        i.contact_id = c.into();
        i
    };
    let entries = [
        e(1, "old", InteractionKind::Meeting, d(2026, 6, 3)),
        e(2, "old", InteractionKind::Call, d(2026, 6, 20)),
        e(3, "none", InteractionKind::Call, d(2026, 6, 21)),
        e(4, "ux", InteractionKind::Call, d(2026, 11, 6)),
        e(5, "ux", InteractionKind::Meeting, d(2026, 11, 20)),
        e(6, "old", InteractionKind::Email, d(2026, 11, 21)),
        // An introduction is not a conversation.
        e(7, "ux", InteractionKind::Introduction, d(2026, 11, 22)),
        // A deleted contact's entry counts as other.
        e(8, "gone", InteractionKind::Call, d(2026, 11, 23)),
    ];
    let fields = Fields::of("UX research", "Verwaltung");
    let months = shift(&contacts, &entries, &fields, None, d(2026, 12, 3));
    assert_eq!(months.len(), 7, "June to December");
    let june = &months[0];
    assert_eq!((june.target, june.former, june.other), (0, 2, 1));
    let november = &months[5];
    assert_eq!(
        (november.target, november.former, november.other),
        (2, 1, 1)
    );
    assert_eq!(november.new_target, 1);
    assert_eq!(november.target_share(), Some(0.5));
    assert_eq!(
        months[6].target_share(),
        None,
        "no conversation in December yet"
    );
    // Every conversation lands in exactly one month and side.
    let total: usize = months.iter().map(|m| m.conversations()).sum();
    assert_eq!(total, 7);
    // A span starts at its first month.
    let recent = shift(
        &contacts,
        &entries,
        &fields,
        Some(d(2026, 9, 15)),
        d(2026, 12, 3),
    );
    assert_eq!(recent.first().map(|m| m.first), Some(d(2026, 9, 1)));
    assert_eq!(shift(&[], &[], &fields, None, d(2026, 12, 3)).len(), 1);
}
