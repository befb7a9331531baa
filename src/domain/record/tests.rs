//! Tests of the record rules shared by every kind.

use std::collections::BTreeSet;

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

// ---- timestamps -----------------------------------------------------------------------

/// What chrono's own `Deserialize` makes of a timestamp: the reference for the fast path.
fn chrono_reads(s: &str) -> Result<DateTime<Utc>, String> {
    serde_json::from_value::<DateTime<Utc>>(serde_json::Value::String(s.into()))
        .map_err(|e| e.to_string())
}

fn fast_reads(s: &str) -> Result<DateTime<Utc>, String> {
    #[derive(Deserialize)]
    struct T(#[serde(deserialize_with = "timestamp::deserialize")] DateTime<Utc>);
    serde_json::from_value::<T>(serde_json::Value::String(s.into()))
        .map(|t| t.0)
        .map_err(|e| e.to_string())
}

#[test]
fn timestamps_read_as_chrono_reads_them() {
    for s in [
        "2026-01-01T00:00:00Z",
        "2026-12-31T23:59:59.999999999Z",
        "2026-03-01T09:30:00.5Z",
        "2026-03-01T09:30:00.123Z",
        "1900-01-01T00:00:00Z",
        "2200-12-31T23:59:59Z",
        "2026-03-01T09:30:00+01:00",
        "2026-03-01 09:30:00Z",
        "2026-03-01T09:30:00z",
        "2016-12-31T23:59:60Z",
        "2026-02-29T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-01-01T24:00:00Z",
        "2026-01-01T00:00:00.Z",
        "2026-01-01T00:00:00.1234567890Z",
        "2026-01-01T00:00:00",
        "+2026-01-01T00:00:00Z",
        "",
        "2026-01-01T0a:00:00Z",
    ] {
        assert_eq!(fast_reads(s), chrono_reads(s), "{s:?}");
    }
    // Not a string: the same refusal.
    assert!(serde_json::from_value::<Meta>(serde_json::json!({
        "id": "a", "created": 5, "updated": "2026-01-01T00:00:00Z", "revision": 1
    }))
    .is_err());
}

proptest::proptest! {
    #[test]
    fn any_timestamp_reads_as_chrono_reads_it(
        s in "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{0,11})?(Z|z|\\+01:00)?",
        secs in -2_208_988_800i64..7_258_118_400,
        nanos in 0u32..1_000_000_000,
    ) {
        proptest::prop_assert_eq!(fast_reads(&s), chrono_reads(&s));
        // Whatever chrono writes, the fast path reads back to the same instant.
        let t = DateTime::<Utc>::from_timestamp(secs, nanos).unwrap();
        let written = serde_json::to_value(t).unwrap();
        let back = fast_reads(written.as_str().unwrap());
        proptest::prop_assert_eq!(back, Ok(t));
    }
}

// ---- enumerations stored as text ----------------------------------------------------------

/// Reads `row` as version `from` stored it, brought up to date as a migration or an old
/// backup's import does, checked as the backup reader checks it.
fn read_as_of<R: Record>(from: u32, mut row: serde_json::Value) -> R {
    crate::domain::schema::upgrade_record(R::KIND, from, &mut row).unwrap();
    let record: R = serde_json::from_value(row).unwrap();
    validate(&record).unwrap();
    record
}

#[test]
fn enumerations_of_every_earlier_version_read_typed_and_write_back_as_stored() {
    use crate::domain::code::Coded;
    use crate::domain::interviews::library::Family;
    use crate::domain::interviews::plan::ItemState;
    use crate::domain::lang::Lang;
    use crate::domain::messages::model::{Address, Channel, Purpose, Status};
    use serde_json::json;

    let times =
        json!({"id": "c1", "created": "2026-01-01T00:00:00Z", "updated": "2026-01-02T00:00:00Z"});
    // Version 1: a contact's preferred channel was free text, with or without a known key.
    for (stored, read) in [
        ("", None),
        ("linkedin", Some(Coded::Known(PreferredChannel::LinkedIn))),
        (
            "Signal, evenings",
            Some(Coded::Unknown("Signal, evenings".into())),
        ),
    ] {
        let mut row = times.clone();
        row["first_name"] = json!("Ada");
        row["preferred_channel"] = json!(stored);
        let c: Contact = read_as_of(1, row);
        assert_eq!(c.preferred_channel, read);
        assert_eq!(
            serde_json::to_value(&c).unwrap()["preferred_channel"],
            json!(stored)
        );
    }
    // Versions 2 to 4: messages, templates, plans and questions, as the app wrote them, and
    // values this version does not know (a newer version's, or typed into a backup).
    for from in 2..=crate::domain::schema::SCHEMA_VERSION {
        let m: Message = read_as_of(
            from,
            json!({
                "meta": meta("m1"), "contact_id": "c1", "channel": "linkedin_note",
                "purpose": "informational_interview", "lang": "de", "status": "meeting_agreed",
                "address": "du", "body": "Hallo"
            }),
        );
        assert_eq!(m.channel, Coded::Known(Channel::LinkedInNote));
        assert_eq!(m.purpose, Coded::Known(Purpose::Interview));
        assert_eq!(m.lang, Coded::Known(Lang::De));
        assert_eq!(m.status, Coded::Known(Status::MeetingAgreed));
        assert_eq!(m.address, Coded::Known(Address::Du));
        let newer = json!({
            "meta": meta("m2"), "channel": "signal", "purpose": "say_hello", "lang": "fr",
            "status": "archived", "address": "ihr"
        });
        let m: Message = read_as_of(from, newer.clone());
        assert_eq!(m.status, Coded::Unknown("archived".into()));
        let written = serde_json::to_value(&m).unwrap();
        for field in ["channel", "purpose", "lang", "status", "address"] {
            assert_eq!(written[field], newer[field], "{field} kept as stored");
        }
        // Fields missing from a row read as an empty text did before.
        let m: Message = read_as_of(from, json!({"meta": meta("m3")}));
        assert_eq!(
            (m.channel, m.purpose, m.status, m.address),
            (
                Coded::Known(Channel::Email),
                Coded::Known(Purpose::Interview),
                Coded::Known(Status::Draft),
                Coded::Known(Address::Sie)
            )
        );

        let t: Template = read_as_of(
            from,
            json!({
                "meta": meta("t1"), "purpose": "message", "name": "Ask", "lang": "en",
                "message_purpose": "reconnect"
            }),
        );
        assert_eq!(t.purpose, Coded::Known(TemplatePurpose::Message));
        assert_eq!(t.message_purpose, Some(Coded::Known(Purpose::Reconnect)));
        let t: Template = read_as_of(
            from,
            json!({
                "meta": meta("t2"), "purpose": "interview", "name": "Plan", "lang": ""
            }),
        );
        assert_eq!(t.purpose, Coded::Known(TemplatePurpose::Interview));
        assert_eq!(t.message_purpose, None);
        assert_eq!(t.lang, Coded::Unknown(String::new()));
        let written = serde_json::to_value(&t).unwrap();
        assert_eq!(written["lang"], json!(""));
        assert!(written.get("message_purpose").is_none());

        let p: InterviewPlan = read_as_of(
            from,
            json!({
                "meta": meta("p1"), "items": [
                    {"text": "How?", "minutes": 3, "state": "asked"},
                    {"text": "Why?", "minutes": 3, "state": ""},
                    {"text": "Who?", "minutes": 3},
                    {"text": "When?", "minutes": 3, "state": "parked"}
                ]
            }),
        );
        let states: Vec<_> = p.items.iter().map(|i| i.state.clone()).collect();
        assert_eq!(
            states,
            [
                Coded::Known(ItemState::Asked),
                Coded::Known(ItemState::Open),
                Coded::Known(ItemState::Open),
                Coded::Unknown("parked".into())
            ]
        );

        let q: Question = read_as_of(
            from,
            json!({
                "meta": meta("q1"), "text": "What surprised you?", "family": "insights"
            }),
        );
        assert_eq!(q.family, Coded::Known(Family::Insights));
        let q: Question = read_as_of(
            from,
            json!({
                "meta": meta("q2"), "text": "What surprised you?", "family": "Neugier"
            }),
        );
        assert_eq!(q.family.or(Family::Advice), Family::Advice);
        assert_eq!(
            serde_json::to_value(&q).unwrap()["family"],
            json!("Neugier")
        );
    }
}

#[test]
fn an_overlong_unknown_value_is_refused_like_any_overlong_line() {
    let mut m: Message = serde_json::from_value(serde_json::json!({"meta": meta("m1")})).unwrap();
    m.status = "x".repeat(MAX_LINE_CHARS + 1).into();
    assert_eq!(
        validate(&m),
        Err(RecordProblem::TooLong {
            field: "status",
            max: MAX_LINE_CHARS
        })
    );
}

// ---- references ----------------------------------------------------------------------------

/// The names of a struct's fields as serde knows them, written or skipped alike: a
/// deserializer that notes the names `deserialize_struct` asks for and stops.
fn struct_fields<T: serde::de::DeserializeOwned>() -> &'static [&'static str] {
    use serde::de::{value::Error, Deserializer, Error as _, Visitor};
    struct Names(std::cell::Cell<&'static [&'static str]>);
    impl<'de> Deserializer<'de> for &Names {
        type Error = Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
            Err(Error::custom("not a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Error> {
            self.0.set(fields);
            Err(Error::custom("noted"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
            identifier ignored_any
        }
    }
    let names = Names(std::cell::Cell::new(&[]));
    let _ = T::deserialize(&names);
    names.0.get()
}

/// Whether a field's name says it holds the id of another record.
fn holds_id(name: &str) -> bool {
    name.ends_with("_id") || name.ends_with("_ids") || name.ends_with("_by")
}

/// Fails for a field holding an id that `references` or `references_mut` does not declare:
/// such an id would dangle after a delete, and a merge would not re-point it. `lists`
/// names the record's lists of structs with the fields of their elements.
fn declares_every_id_field<R: Record>(
    minimal: serde_json::Value,
    lists: &[(&str, &'static [&'static str])],
) {
    let mut fields = BTreeSet::new();
    let mut json = minimal;
    for name in struct_fields::<R>().iter().filter(|n| holds_id(n)) {
        fields.insert(name.to_string());
        json[*name] = if name.ends_with("_ids") {
            serde_json::json!(["x1"])
        } else {
            serde_json::json!("x1")
        };
    }
    for (list, item_fields) in lists {
        for name in item_fields.iter().filter(|n| holds_id(n)) {
            fields.insert(format!("{list}.{name}"));
            for item in json[*list].as_array_mut().unwrap() {
                item[*name] = serde_json::json!("x1");
            }
        }
    }
    let mut full: R = serde_json::from_value(json).unwrap();
    let declared: BTreeSet<String> = full
        .references()
        .iter()
        .map(|r| r.field.to_string())
        .collect();
    assert_eq!(declared, fields, "{:?}: references()", R::KIND);
    let slots: BTreeSet<String> = full
        .references_mut()
        .iter()
        .map(|r| r.field.to_string())
        .collect();
    assert_eq!(slots, fields, "{:?}: references_mut()", R::KIND);
}

#[test]
fn every_field_holding_an_id_is_a_declared_reference() {
    use serde_json::json;
    let m = meta("r1");
    declares_every_id_field::<Contact>(json!({"meta": m, "first_name": "Ada"}), &[]);
    declares_every_id_field::<Interaction>(
        json!({"meta": m, "contact_id": "c1", "date": "2026-01-01"}),
        &[],
    );
    declares_every_id_field::<FollowUp>(json!({"meta": m, "text": "Call"}), &[]);
    declares_every_id_field::<Photo>(
        json!({"meta": m, "contact_id": "c1", "mime": "image/png", "data": ""}),
        &[],
    );
    declares_every_id_field::<InterviewPlan>(
        json!({"meta": m, "items": [{}, {}]}),
        &[("items", struct_fields::<PlanItem>())],
    );
    declares_every_id_field::<Question>(json!({"meta": m, "text": "Why?"}), &[]);
    declares_every_id_field::<Template>(json!({"meta": m, "purpose": "message", "name": "n"}), &[]);
    declares_every_id_field::<Message>(json!({"meta": m}), &[]);
    assert_eq!(Kind::ALL.len(), 8, "a new kind needs its line above");
    // Fields serde skips when empty count too.
    assert!(struct_fields::<Template>().contains(&"message_purpose"));
    // The nested parts of a contact hold no ids.
    assert!(!struct_fields::<HowWeMet>().iter().any(|n| holds_id(n)));
    assert!(!struct_fields::<Birthday>().iter().any(|n| holds_id(n)));
}
