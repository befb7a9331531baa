//! Tests of the record rules shared by every kind.

use super::*;

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn meta(id: &str) -> Meta {
    Meta {
        id: id.into(),
        created: at("2026-01-01T00:00:00Z"),
        updated: at("2026-01-02T00:00:00Z"),
        revision: 1,
    }
}

fn contact() -> Contact {
    serde_json::from_value(serde_json::json!({
        "meta": meta("c1"), "first_name": "Ada"
    }))
    .unwrap()
}

#[test]
fn ids_are_restricted_to_a_safe_alphabet() {
    assert!(is_valid_id("a1-B_2"));
    assert!(is_valid_id(&"x".repeat(64)));
    for bad in ["", " ", "a b", "ä", "../x", "a/b", &"x".repeat(65)] {
        assert!(!is_valid_id(bad), "{bad:?}");
    }
}

#[test]
fn a_contact_needs_a_name_and_plausible_fields() {
    assert_eq!(validate(&contact()), Ok(()));
    let mut c = contact();
    c.first_name = "  ".into();
    assert_eq!(validate(&c), Err(RecordProblem::Missing("first_name")));
    c.last_name = "Lovelace".into();
    assert_eq!(validate(&c), Ok(()));
    c.links = vec!["javascript:alert(1)".into()];
    assert_eq!(validate(&c), Err(RecordProblem::Invalid("links")));
    c.links = vec!["https://example.org/ada".into()];
    c.birthday = Some(Birthday {
        month: 2,
        day: 30,
        year: None,
    });
    assert_eq!(validate(&c), Err(RecordProblem::Invalid("birthday")));
    c.birthday = Some(Birthday {
        month: 2,
        day: 29,
        year: None,
    });
    assert_eq!(validate(&c), Ok(()));
    c.notes = "é".repeat(MAX_TEXT_CHARS + 1);
    assert_eq!(
        validate(&c),
        Err(RecordProblem::TooLong {
            field: "notes",
            max: MAX_TEXT_CHARS
        })
    );
    // Multi-byte text at the limit is fine: the limit counts characters.
    c.notes = "é".repeat(MAX_TEXT_CHARS);
    assert_eq!(validate(&c), Ok(()));
}

#[test]
fn meta_must_be_a_saved_record() {
    let mut c = contact();
    c.meta.revision = 0;
    assert_eq!(validate(&c), Err(RecordProblem::BadMeta));
    let mut c = contact();
    c.meta.updated = at("2025-01-01T00:00:00Z");
    assert_eq!(validate(&c), Err(RecordProblem::BadMeta));
}

#[test]
fn base64_length_and_alphabet() {
    assert_eq!(base64_decoded_len("TWFu"), Some(3));
    assert_eq!(base64_decoded_len("TWE="), Some(2));
    assert_eq!(base64_decoded_len("TQ=="), Some(1));
    assert_eq!(base64_decoded_len(""), Some(0));
    assert_eq!(base64_decoded_len("TWF"), None);
    assert_eq!(base64_decoded_len("TW=u"), None);
    assert_eq!(base64_decoded_len("T==="), None);
    assert_eq!(base64_decoded_len("TW-u"), None);
}

#[test]
fn photos_are_checked_for_type_and_size() {
    let photo = |mime: &str, data: String| Photo {
        meta: meta("p1"),
        contact_id: "c1".into(),
        mime: mime.into(),
        data,
    };
    assert_eq!(validate(&photo("image/png", "iVBORw0K".into())), Ok(()));
    assert_eq!(
        validate(&photo("image/svg+xml", "iVBORw0K".into())),
        Err(RecordProblem::Invalid("mime"))
    );
    assert_eq!(
        validate(&photo("image/png", "not base64!".into())),
        Err(RecordProblem::Invalid("data"))
    );
    let huge = "A".repeat((MAX_PHOTO_BYTES / 3 + 1) * 4);
    assert!(matches!(
        validate(&photo("image/png", huge)),
        Err(RecordProblem::TooLong { .. })
    ));
}

#[test]
fn references_name_their_targets() {
    let i: Interaction = serde_json::from_value(serde_json::json!({
        "meta": meta("i1"), "contact_id": "c1", "date": "2026-03-01",
        "other_contact_id": "c2"
    }))
    .unwrap();
    let refs: Vec<_> = i
        .references()
        .into_iter()
        .map(|r| (r.target, r.id, r.field, r.link))
        .collect();
    assert_eq!(
        refs,
        vec![
            (Kind::Contacts, "c1", "contact_id", Link::Owner),
            (Kind::Contacts, "c2", "other_contact_id", Link::Mention)
        ]
    );
    assert_eq!(
        i.index_values(),
        vec![
            ("contact", IndexValue::Text("c1".into())),
            ("date", IndexValue::Text("2026-03-01".into())),
            ("other_contact", IndexValue::Text("c2".into()))
        ]
    );
}

#[test]
fn plans_keep_duration_in_range_and_skip_builtin_question_refs() {
    let mut plan: InterviewPlan =
        serde_json::from_value(serde_json::json!({ "meta": meta("p1") })).unwrap();
    assert_eq!(plan.duration_minutes, 30);
    plan.items = vec![
        PlanItem {
            question_id: Some("builtin-daily-1".into()),
            ..PlanItem::default()
        },
        PlanItem {
            question_id: Some("q7".into()),
            ..PlanItem::default()
        },
    ];
    let refs: Vec<_> = plan
        .references()
        .into_iter()
        .map(|r| (r.target, r.id, r.field))
        .collect();
    assert_eq!(refs, vec![(Kind::Questions, "q7", "items.question_id")]);
    plan.duration_minutes = 90;
    assert_eq!(
        validate(&plan),
        Err(RecordProblem::Invalid("duration_minutes"))
    );
}

#[test]
fn kind_names_round_trip() {
    for kind in Kind::ALL {
        assert_eq!(Kind::from_name(kind.name()), Some(kind));
        assert_eq!(
            serde_json::to_value(kind).unwrap(),
            serde_json::json!(kind.name())
        );
    }
    assert_eq!(Kind::from_name("people"), None);
}
