//! Native tests of writing, reading, previewing and merging backups; over 600 lines
//! because every way a file can be damaged has its case.

use serde_json::json;

use super::*;
use crate::domain::contacts::draft::new_contact;
use crate::domain::integrity::Effect;
use crate::domain::profile::Profile;
use crate::domain::record::{Birthday, Circle, HowWeMet, InteractionKind, PlanItem};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn meta(id: &str, updated: &str) -> Meta {
    Meta {
        id: id.into(),
        created: at("2026-01-01T00:00:00Z"),
        updated: at(updated),
        revision: 3,
    }
}

fn contact(id: &str, name: &str) -> Contact {
    Contact {
        first_name: name.into(),
        circle: Circle::Network,
        preferred_channel: Some("linkedin".into()),
        greetings: vec![2025],
        ..new_contact(meta(id, "2026-02-01T00:00:00Z"))
    }
}

fn interaction(id: &str, contact_id: &str) -> Interaction {
    Interaction {
        meta: meta(id, "2026-02-01T00:00:00Z"),
        contact_id: contact_id.into(),
        kind: InteractionKind::Call,
        date: "2026-01-15".parse().unwrap(),
        summary: "Talked about the move to UX research".into(),
        keywords: vec!["ux".into()],
        other_contact_id: None,
        other_contact_name: String::new(),
    }
}

/// A dataset with every kind and every field type filled, including awkward text.
fn full() -> Dataset {
    let mut ada = contact("c1", "Ada 👩‍💻");
    ada.last_name = "Lovelace".into();
    ada.company = "Analytical Engines GmbH".into();
    ada.links = vec!["https://www.linkedin.com/in/ada".into()];
    ada.birthday = Some(Birthday {
        month: 2,
        day: 29,
        year: None,
    });
    ada.tags = vec!["mentor".into(), "math".into()];
    ada.circle = Circle::Core;
    ada.met = HowWeMet {
        occasion: "Meetup".into(),
        date: Some("2025-11-02".parse().unwrap()),
        hook: "Both love Jacquard looms".into(),
    };
    ada.cadence_days = Some(30);
    ada.notes = "שלום עולם — long note ".repeat(2000);
    let mut grace = contact("c2", "Grace");
    grace.introduced_by = Some("c1".into());
    let mut intro = interaction("i2", "c1");
    intro.kind = InteractionKind::Introduction;
    intro.other_contact_id = Some("c2".into());
    Dataset {
        profile: Some(SavedProfile {
            meta: meta(PROFILE_ID, "2026-02-01T00:00:00Z"),
            profile: Profile {
                name: "Max Müller".into(),
                email: "max@example.org".into(),
                ..Profile::default()
            },
        }),
        contacts: vec![ada, grace],
        interactions: vec![interaction("i1", "c1"), intro],
        follow_ups: vec![FollowUp {
            meta: meta("f1", "2026-02-01T00:00:00Z"),
            contact_id: Some("c1".into()),
            kind: crate::domain::record::FollowUpKind::IPromised,
            text: "Send the article".into(),
            due: Some("2026-02-02".parse().unwrap()),
            done: Some(at("2026-02-02T08:00:00Z")),
            message_id: Some("m1".into()),
        }],
        photos: vec![Photo {
            meta: meta("ph1", "2026-02-01T00:00:00Z"),
            contact_id: "c1".into(),
            mime: "image/png".into(),
            data: "iVBORw0KGgo=".into(),
        }],
        interview_plans: vec![InterviewPlan {
            meta: meta("p1", "2026-02-01T00:00:00Z"),
            contact_id: Some("c2".into()),
            goal: "Learn how UX research hires".into(),
            scheduled: Some(at("2026-03-01T14:30:00Z")),
            format: crate::domain::record::MeetingFormat::Video,
            place: "https://meet.example.org/abc".into(),
            duration_minutes: 25,
            items: vec![
                PlanItem {
                    question_id: Some("q1".into()),
                    text: "What does a normal day look like?".into(),
                    minutes: 4,
                    answer: "Lots of interviews".into(),
                    state: "asked".into(),
                },
                PlanItem {
                    question_id: Some("builtin-closing".into()),
                    text: "Whom else should I talk to?".into(),
                    minutes: 2,
                    ..PlanItem::default()
                },
            ],
            my_intro: "I build software and move into research.".into(),
            notes: String::new(),
            person_name: String::new(),
            person_company: String::new(),
            hopes: "Whether research fits me".into(),
            prep: crate::domain::record::Prep {
                organisation: true,
                person: false,
                field: true,
            },
            started: Some(at("2026-03-01T14:31:00Z")),
            finished: None,
            wrapped_up: None,
            suggested: vec![crate::domain::record::SuggestedPerson {
                name: "Dana Ödegaard".into(),
                company: "Ørsted".into(),
                note: "runs the research guild".into(),
                may_mention: true,
            }],
            promised: vec!["Send the article on diary studies".into()],
        }],
        questions: vec![Question {
            meta: meta("q1", "2026-02-01T00:00:00Z"),
            text: "What does a normal day look like?".into(),
            family: "daily_work".into(),
            minutes: 4,
            hint: "Shows the real job".into(),
            archived: false,
        }],
        templates: vec![Template {
            meta: meta("t1", "2026-02-01T00:00:00Z"),
            purpose: "message".into(),
            name: "Ask for 20 minutes".into(),
            lang: "de".into(),
            subject: "Kurze Frage".into(),
            body: "Hallo {first_name}, …".into(),
            message_purpose: Some("informational_interview".into()),
        }],
        messages: vec![Message {
            meta: meta("m1", "2026-02-01T00:00:00Z"),
            contact_id: Some("c2".into()),
            channel: "email".into(),
            purpose: "informational_interview".into(),
            lang: "en".into(),
            subject: "20 minutes?".into(),
            body: "Dear Grace, …".into(),
            status: "sent".into(),
            sent: Some(at("2026-02-03T09:00:00Z")),
            address: "sie".into(),
            recipient_name: String::new(),
            recipient_company: String::new(),
            manual: vec!["read_profile".into()],
            closed: None,
            template_id: Some("t1".into()),
        }],
    }
}

fn as_value(data: &Dataset) -> Value {
    serde_json::from_str(&write_backup(data, "0.1.0", at("2026-02-10T00:00:00Z"))).unwrap()
}

fn invalid(text: &str) -> (Vec<Problem>, usize) {
    match read_backup(text) {
        Err(BackupError::Invalid { problems, total }) => (problems, total),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

fn issues(text: &str) -> Vec<Issue> {
    invalid(text).0.into_iter().map(|p| p.issue).collect()
}

#[test]
fn a_backup_round_trips_every_field() {
    let data = full();
    let text = write_backup(&data, "0.1.0", at("2026-02-10T00:00:00Z"));
    let back = read_backup(&text).unwrap();
    assert_eq!(back.data, data);
    assert_eq!(back.info.format_version, SCHEMA_VERSION);
    assert_eq!(back.info.app_version.as_deref(), Some("0.1.0"));
    assert_eq!(back.info.created_at, Some(at("2026-02-10T00:00:00Z")));
    // Writing it again gives the same bytes.
    assert_eq!(
        write_backup(&back.data, "0.1.0", at("2026-02-10T00:00:00Z")),
        text
    );
}

#[test]
fn the_header_names_format_version_and_counts() {
    let v = as_value(&full());
    assert_eq!(v["format"], FORMAT_NAME);
    assert_eq!(v["format_version"], SCHEMA_VERSION);
    assert_eq!(v["created_at"], "2026-02-10T00:00:00Z");
    assert_eq!(v["counts"]["contacts"], 2);
    assert_eq!(v["counts"]["messages"], 1);
    assert_eq!(v["records"]["photos"][0]["data"], "iVBORw0KGgo=");
}

#[test]
fn an_empty_database_exports_and_imports() {
    let text = write_backup(&Dataset::default(), "0.1.0", at("2026-02-10T00:00:00Z"));
    let back = read_backup(&text).unwrap();
    assert!(back.data.is_empty());
}

#[test]
fn records_are_returned_in_id_order() {
    let mut data = full();
    data.contacts.reverse();
    let back = read_backup(&write_backup(&data, "x", at("2026-02-10T00:00:00Z"))).unwrap();
    let ids: Vec<_> = back
        .data
        .contacts
        .iter()
        .map(|c| c.meta.id.as_str())
        .collect();
    assert_eq!(ids, ["c1", "c2"]);
}

#[test]
fn files_that_are_not_backups_are_refused() {
    assert_eq!(read_backup(""), Err(BackupError::Empty));
    assert_eq!(read_backup(" \n\t "), Err(BackupError::Empty));
    assert_eq!(
        read_backup("hello"),
        Err(BackupError::NotJson { line: 1, column: 1 })
    );
    assert_eq!(
        read_backup("{\n \"a\": 1,\n x}"),
        Err(BackupError::NotJson { line: 3, column: 2 })
    );
    assert_eq!(read_backup("[1, 2]"), Err(BackupError::NotABackup));
    assert_eq!(read_backup("42"), Err(BackupError::NotABackup));
    assert_eq!(
        read_backup(r#"{"name": "my-app", "version": "1.0.0", "dependencies": {}}"#),
        Err(BackupError::NotABackup)
    );
    assert_eq!(
        read_backup(r#"{"format": "other-backup", "format_version": 1, "records": {}}"#),
        Err(BackupError::NotABackup)
    );
}

#[test]
fn a_cut_off_file_is_reported_as_truncated() {
    let text = write_backup(&full(), "0.1.0", at("2026-02-10T00:00:00Z"));
    for cut in [1, text.len() / 3, text.len() / 2, text.len() - 1] {
        // Cut at a char boundary; the notes contain multi-byte text.
        let mut end = cut;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        assert_eq!(
            read_backup(&text[..end]),
            Err(BackupError::Truncated),
            "cut at {end}"
        );
    }
}

#[test]
fn future_and_broken_versions_are_refused() {
    assert_eq!(
        read_backup(r#"{"format": "netzweber-backup", "format_version": 99, "records": {}}"#),
        Err(BackupError::FromTheFuture { found: 99 })
    );
    for bad in ["0", "\"2\"", "1.5", "-1", "null"] {
        let text = format!(
            r#"{{"format": "netzweber-backup", "format_version": {bad}, "records": {{}}}}"#
        );
        assert!(
            matches!(read_backup(&text), Err(BackupError::BadHeader(_))),
            "{bad}"
        );
    }
    assert!(matches!(
        read_backup(r#"{"format": "netzweber-backup", "format_version": 2}"#),
        Err(BackupError::BadHeader(_))
    ));
    assert!(matches!(
        read_backup(
            r#"{"format": "netzweber-backup", "format_version": 2, "records": [], "counts": 1}"#
        ),
        Err(BackupError::BadHeader(_))
    ));
}

#[test]
fn a_version_one_backup_is_upgraded() {
    let text = json!({
        "format": "netzweber-backup",
        "format_version": 1,
        "app_version": "0.0.9",
        "profile": {"id": "profile", "created": "2026-01-01T00:00:00Z",
                    "updated": "2026-01-01T00:00:00Z", "profile": {"name": "Max"}},
        "records": {
            "contacts": [{"id": "c1", "created": "2026-01-01T00:00:00Z",
                          "updated": "2026-01-03T00:00:00Z", "first_name": "Ada"}],
            "interactions": [{"id": "i1", "created": "2026-01-01T00:00:00Z",
                              "updated": "2026-01-01T00:00:00Z", "contact_id": "c1",
                              "date": "2026-01-01", "kind": "call"}]
        }
    })
    .to_string();
    let backup = read_backup(&text).unwrap();
    assert_eq!(backup.info.format_version, 1);
    assert_eq!(backup.data.contacts[0].meta.revision, 1);
    assert_eq!(backup.data.contacts[0].first_name, "Ada");
    assert_eq!(backup.data.interactions[0].kind, InteractionKind::Call);
    assert_eq!(backup.data.profile.unwrap().profile.name, "Max");
}

#[test]
fn a_version_one_backup_cannot_hold_later_kinds() {
    let text = json!({
        "format": "netzweber-backup", "format_version": 1,
        "records": {"messages": []}
    })
    .to_string();
    assert_eq!(issues(&text), vec![Issue::UnknownKind("messages".into())]);
}

#[test]
fn missing_and_mistyped_fields_are_listed_with_their_place() {
    let mut v = as_value(&full());
    v["records"]["contacts"][1]["first_name"] = json!(5);
    v["records"]["interactions"][0]
        .as_object_mut()
        .unwrap()
        .remove("date");
    v["records"]["follow_ups"][0]["due"] = json!("next tuesday");
    let (problems, total) = invalid(&v.to_string());
    assert_eq!(total, 3);
    assert_eq!(problems[0].kind, Some(Kind::Contacts));
    assert_eq!(problems[0].position, Some(2));
    assert_eq!(problems[0].id.as_deref(), Some("c2"));
    assert!(matches!(&problems[0].issue, Issue::Shape(d) if d.contains("invalid type")));
    assert_eq!(problems[1].kind, Some(Kind::Interactions));
    assert_eq!(
        problems[1].issue,
        Issue::Shape("missing field `date`".into())
    );
    assert_eq!(problems[2].kind, Some(Kind::FollowUps));
}

#[test]
fn a_record_list_of_the_wrong_type_is_reported() {
    let mut v = as_value(&Dataset::default());
    v["records"]["contacts"] = json!({"c1": {}});
    let (problems, _) = invalid(&v.to_string());
    assert_eq!(problems[0].kind, Some(Kind::Contacts));
    assert_eq!(problems[0].issue, Issue::Shape("expected a list".into()));
}

#[test]
fn unknown_record_lists_are_reported() {
    let mut v = as_value(&Dataset::default());
    v["records"]["people"] = json!([]);
    assert_eq!(
        issues(&v.to_string()),
        vec![Issue::UnknownKind("people".into())]
    );
}

#[test]
fn duplicate_ids_are_refused() {
    let mut data = full();
    data.contacts.push(contact("c1", "Copy"));
    let mut v = as_value(&data);
    v["counts"]["contacts"] = json!(3);
    let (problems, total) = invalid(&v.to_string());
    assert_eq!(total, 1);
    assert_eq!(problems[0].issue, Issue::DuplicateId);
    assert_eq!(problems[0].id.as_deref(), Some("c1"));
    assert_eq!(problems[0].position, Some(3));
}

#[test]
fn dangling_references_are_cleared_as_a_deletion_would_and_listed() {
    let mut data = full();
    data.interactions.push(interaction("i9", "ghost"));
    data.contacts[1].introduced_by = Some("nobody".into());
    data.interview_plans[0].items[0].question_id = Some("q-missing".into());
    let text = write_backup(&data, "x", at("2026-02-10T00:00:00Z"));
    let backup = read_backup(&text).expect("a backup with dangling references restores");
    let repairs = &backup.repairs;
    assert_eq!((repairs.cleared(), repairs.removed()), (2, 1));
    let found = |field: &str, target: &str| {
        repairs
            .found
            .iter()
            .find(|d| d.field == field && d.target == target)
            .map(|d| (d.kind, d.id.clone(), d.effect))
    };
    assert_eq!(
        found("contact_id", "ghost"),
        Some((Kind::Interactions, "i9".into(), Effect::Removed))
    );
    assert_eq!(
        found("introduced_by", "nobody"),
        Some((Kind::Contacts, "c2".into(), Effect::Detached))
    );
    assert_eq!(
        found("items.question_id", "q-missing"),
        Some((
            Kind::InterviewPlans,
            data.interview_plans[0].meta.id.clone(),
            Effect::Detached
        ))
    );
    // What is left is what a deletion leaves: the entry of the missing contact gone, the
    // mentions cleared, everything else as it was.
    assert!(backup.data.interactions.iter().all(|i| i.meta.id != "i9"));
    assert_eq!(backup.data.contacts[1].introduced_by, None);
    assert_eq!(backup.data.interview_plans[0].items[0].question_id, None);
    assert_eq!(
        backup.data.interview_plans[0].items[0].text,
        data.interview_plans[0].items[0].text
    );
    // And the repaired data round-trips without further repairs.
    let again = read_backup(&write_backup(&backup.data, "x", at("2026-02-11T00:00:00Z"))).unwrap();
    assert!(again.repairs.is_empty());
    assert_eq!(again.data, backup.data);
}

#[test]
fn a_clean_backup_needs_no_repairs() {
    let backup = read_backup(&write_backup(&full(), "x", at("2026-02-10T00:00:00Z"))).unwrap();
    assert!(backup.repairs.is_empty());
}

#[test]
fn counts_that_disagree_with_the_records_are_refused() {
    let mut v = as_value(&full());
    v["counts"]["contacts"] = json!(5);
    assert_eq!(
        issues(&v.to_string()),
        vec![Issue::CountMismatch {
            expected: 5,
            found: 2
        }]
    );
}

#[test]
fn invalid_values_are_refused() {
    let mut v = as_value(&full());
    v["records"]["contacts"][0]["meta"]["id"] = json!("../../etc");
    v["records"]["photos"][0]["mime"] = json!("text/html");
    v["records"]["interview_plans"][0]["duration_minutes"] = json!(500);
    v["records"]["contacts"][1]["links"] = json!(["javascript:alert(1)"]);
    let found = issues(&v.to_string());
    assert!(found.contains(&Issue::Record(RecordProblem::BadId)));
    assert!(found.contains(&Issue::Record(RecordProblem::Invalid("mime"))));
    assert!(found.contains(&Issue::Record(RecordProblem::Invalid("duration_minutes"))));
    assert!(found.contains(&Issue::Record(RecordProblem::Invalid("links"))));
}

#[test]
fn a_bad_profile_is_refused() {
    let mut v = as_value(&full());
    v["profile"]["profile"]["email"] = json!("not an address");
    let (problems, _) = invalid(&v.to_string());
    assert_eq!(problems[0].kind, None);
    assert_eq!(problems[0].id.as_deref(), Some(PROFILE_ID));
    let mut v = as_value(&full());
    v["profile"]["meta"]["id"] = json!("someone-else");
    assert_eq!(
        issues(&v.to_string()),
        vec![Issue::Record(RecordProblem::BadId)]
    );
}

#[test]
fn only_the_first_problems_are_listed_but_all_are_counted() {
    let data = Dataset {
        contacts: (0..50).map(|i| contact(&format!("c{i}"), "x")).collect(),
        ..Dataset::default()
    };
    let mut v = as_value(&data);
    for i in 0..50 {
        v["records"]["contacts"][i]["first_name"] = json!(false);
    }
    let (problems, total) = invalid(&v.to_string());
    assert_eq!(problems.len(), MAX_LISTED_PROBLEMS);
    assert_eq!(total, 50);
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_parsing() {
    let big = " ".repeat(MAX_BACKUP_BYTES + 1);
    assert_eq!(
        read_backup(&big),
        Err(BackupError::TooLarge {
            bytes: MAX_BACKUP_BYTES as u64 + 1
        })
    );
}

#[test]
fn every_naughty_string_imports_as_a_value() {
    let blns: Vec<String> =
        serde_json::from_str(include_str!("../../../tests/data/blns.json")).unwrap();
    let mut data = Dataset::default();
    for (i, s) in blns.iter().enumerate() {
        let mut c = contact(&format!("c{i:04}"), "Name");
        c.last_name = s.clone();
        c.notes = s.clone();
        c.company = s.clone();
        c.tags = vec![s.clone()];
        data.contacts.push(c);
        let mut it = interaction(&format!("i{i:04}"), &format!("c{i:04}"));
        it.summary = s.clone();
        data.interactions.push(it);
    }
    let text = write_backup(&data, "0.1.0", at("2026-02-10T00:00:00Z"));
    let back = read_backup(&text).unwrap();
    assert_eq!(back.data, data);
}

#[test]
fn preview_counts_new_newer_kept_and_only_here() {
    let incoming = full();
    let mut stored = Stamps::default();
    let contacts = stored.kinds.entry(Kind::Contacts).or_default();
    // c1 older here: the file's copy wins; c2 newer here: kept; c3 only here.
    contacts.insert("c1".into(), at("2026-01-15T00:00:00Z").timestamp_millis());
    contacts.insert("c2".into(), at("2026-03-01T00:00:00Z").timestamp_millis());
    contacts.insert("c3".into(), at("2026-03-01T00:00:00Z").timestamp_millis());
    stored.profile = Some(at("2026-02-01T00:00:00Z").timestamp_millis());
    let p = preview(&incoming, &stored);
    assert_eq!(
        p.kinds[&Kind::Contacts],
        KindPreview {
            in_file: 2,
            new: 0,
            newer: 1,
            kept: 1,
            only_here: 1
        }
    );
    assert_eq!(p.kinds[&Kind::Interactions].new, 2);
    // Same updated time: nothing changes.
    assert_eq!(p.profile.kept, 1);
    let total = p.total();
    assert_eq!(total.in_file, 11);
    assert_eq!(total.new, 8);
    assert_eq!(total.newer, 1);
    assert_eq!(total.only_here, 1);
}

#[test]
fn merge_takes_new_and_newer_records_only() {
    let incoming = full();
    let mut stored = Stamps::default();
    let contacts = stored.kinds.entry(Kind::Contacts).or_default();
    contacts.insert("c1".into(), at("2026-01-15T00:00:00Z").timestamp_millis());
    contacts.insert("c2".into(), at("2026-03-01T00:00:00Z").timestamp_millis());
    stored.profile = Some(at("2026-05-01T00:00:00Z").timestamp_millis());
    let chosen = merge_selection(&incoming, &stored);
    let ids: Vec<_> = chosen.contacts.iter().map(|c| c.meta.id.as_str()).collect();
    assert_eq!(ids, ["c1"]);
    assert_eq!(chosen.interactions.len(), 2);
    assert_eq!(chosen.profile, None);
    // Into an empty database, a merge writes everything.
    assert_eq!(merge_selection(&incoming, &Stamps::default()), incoming);
    // Merging a file with itself writes nothing.
    let nothing = merge_selection(&incoming, &incoming.stamps());
    assert!(nothing.is_empty());
}

#[test]
fn backup_reminder_waits_for_changes_and_age() {
    let now = at("2026-03-01T12:00:00Z");
    let mut a = Activity::default();
    // Nothing saved yet: no reminder.
    assert!(!a.backup_due(now, Some(14), None));
    a.changed(at("2026-02-20T00:00:00Z"));
    // Never exported, first change 9 days ago.
    assert!(!a.backup_due(now, Some(14), None));
    a.changed(at("2026-02-28T00:00:00Z"));
    assert_eq!(a.changed_since_export, Some(at("2026-02-20T00:00:00Z")));
    assert!(a.backup_due(at("2026-03-06T00:00:00Z"), Some(14), None));
    // Exported: quiet until the next change, however long ago the export was.
    a.exported(at("2026-01-01T00:00:00Z"));
    assert!(!a.backup_due(now, Some(14), None));
    a.changed(at("2026-02-28T00:00:00Z"));
    assert!(a.backup_due(now, Some(14), None));
    assert!(!a.backup_due(now, Some(90), None));
    // Switched off.
    assert!(!a.backup_due(now, None, None));
    // Dismissed two days ago: quiet; eight days ago: back.
    assert!(!a.backup_due(now, Some(14), Some(at("2026-02-27T12:00:00Z"))));
    assert!(a.backup_due(now, Some(14), Some(at("2026-02-21T12:00:00Z"))));
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    /// Any text: control characters, surrogate-free Unicode, quotes, backslashes.
    fn text() -> impl Strategy<Value = String> {
        "(\\PC|[\\t\\n\\r\"\\\\<>&\\u{202e}\\u{200b}]){0,60}"
    }

    prop_compose! {
        fn any_contact(i: usize)(
            first in text().prop_filter("a name", |s| !s.trim().is_empty()),
            notes in text(),
            tags in proptest::collection::vec(text(), 0..4),
            millis in 0i64..4_000_000_000_000,
            revision in 1u32..1000,
            day in proptest::option::of((1u32..=12, 1u32..=28, proptest::option::of(1900i32..2030))),
        ) -> Contact {
            let mut c = contact(&format!("c{i}"), &first);
            c.notes = notes;
            c.tags = tags;
            c.meta.updated = DateTime::from_timestamp_millis(millis).unwrap().max(c.meta.created);
            c.meta.revision = revision;
            c.birthday = day.map(|(month, day, year)| Birthday { month, day, year });
            c
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn any_valid_dataset_survives_a_round_trip(
            contacts in (0usize..6).prop_flat_map(|n| (0..n).map(any_contact).collect::<Vec<_>>()),
            summaries in proptest::collection::vec(text(), 0..6),
        ) {
            let interactions = summaries
                .into_iter()
                .enumerate()
                .filter(|_| !contacts.is_empty())
                .map(|(i, summary)| {
                    let mut it = interaction(&format!("i{i}"), &format!("c{}", i % contacts.len().max(1)));
                    it.summary = summary;
                    it
                })
                .collect();
            let data = Dataset { contacts, interactions, ..Dataset::default() };
            let text = write_backup(&data, "0.1.0", at("2026-02-10T00:00:00Z"));
            let back = read_backup(&text).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            prop_assert_eq!(&back.data, &data);
            // Merging a file into a device that already has it writes nothing.
            prop_assert!(merge_selection(&back.data, &data.stamps()).is_empty());
        }

        #[test]
        fn any_input_is_refused_cleanly_or_read_in_full(s in "\\PC{0,200}") {
            let wrapped = format!(r#"{{"format":"netzweber-backup","format_version":2,"records":{s}}}"#);
            for candidate in [s, wrapped] {
                // Never a panic; and whatever is accepted writes back to the same data.
                if let Ok(backup) = read_backup(&candidate) {
                    let again = read_backup(&write_backup(&backup.data, "x", at("2026-02-10T00:00:00Z")));
                    prop_assert_eq!(again.map(|b| b.data), Ok(backup.data));
                }
            }
        }
    }
}
