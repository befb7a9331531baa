//! The reference declaration is complete and agrees with itself; removals, repairs and
//! every sequence of writes keep the data restorable from its own backup. Over 600 lines
//! because each kind of reference and removal has its case.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use serde_json::{json, Value};

use super::*;
use crate::domain::backup::{read_backup, with_kind, write_backup};
use crate::domain::code::Code;
use crate::domain::record::{
    Contact, FollowUp, Interaction, InterviewPlan, Message, Meta, Photo, Question, Template,
    MAX_LINE_CHARS, MAX_TEXT_CHARS,
};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn meta(id: &str) -> Value {
    json!({"id": id, "created": "2026-01-01T00:00:00Z", "updated": "2026-01-02T00:00:00Z",
           "revision": 1})
}

fn record<R: Record>(v: Value) -> R {
    serde_json::from_value(v).unwrap()
}

fn contact(id: &str, first: &str) -> Contact {
    record(json!({"meta": meta(id), "first_name": first}))
}

fn interaction(id: &str, of: &str) -> Interaction {
    record(json!({"meta": meta(id), "contact_id": of, "date": "2026-01-05"}))
}

/// One record of every kind with every reference set.
fn full() -> Dataset {
    Dataset {
        profile: None,
        contacts: vec![
            contact("anna", "Anna"),
            record(json!({"meta": meta("bert"), "first_name": "Bert", "introduced_by": "anna"})),
        ],
        interactions: vec![record(json!({"meta": meta("i1"), "contact_id": "bert",
            "date": "2026-01-05", "kind": "introduction", "other_contact_id": "anna"}))],
        follow_ups: vec![record(
            json!({"meta": meta("f1"), "contact_id": "bert", "text": "Ask",
            "message_id": "m1"}),
        )],
        photos: vec![record(json!({"meta": meta("p1"), "contact_id": "anna",
            "mime": "image/png", "data": "iVBORw0K"}))],
        interview_plans: vec![record(json!({"meta": meta("plan1"), "contact_id": "anna",
            "items": [{"question_id": "q1", "text": "What do you do?", "minutes": 5},
                      {"question_id": "builtin-daily-1", "text": "A day?", "minutes": 3}]}))],
        questions: vec![record(
            json!({"meta": meta("q1"), "text": "What do you do?"}),
        )],
        templates: vec![record(
            json!({"meta": meta("t1"), "purpose": "message", "name": "Mine"}),
        )],
        messages: vec![record(json!({"meta": meta("m1"), "contact_id": "anna",
            "channel": "email", "status": "sent", "template_id": "t1"}))],
    }
}

fn declared<R: Record>(records: &mut [R]) -> BTreeSet<(Kind, &'static str, Kind, Link)> {
    let mut out = BTreeSet::new();
    for r in records.iter_mut() {
        let read: BTreeSet<_> = r
            .references()
            .into_iter()
            .map(|x| (x.target, x.field, x.id.to_string(), x.link))
            .collect();
        let written: BTreeSet<_> = r
            .references_mut()
            .into_iter()
            .filter_map(|x| x.id().map(|id| (x.target, x.field, id.to_string(), x.link)))
            .collect();
        assert_eq!(
            read,
            written,
            "{:?} declares its references twice, differently",
            R::KIND
        );
        for m in r.references_mut() {
            out.insert((R::KIND, m.field, m.target, m.link));
        }
    }
    out
}

#[test]
fn the_table_of_references_is_the_records_declarations() {
    let mut data = full();
    let mut found = BTreeSet::new();
    for_each_kind!(mut data, |records: R| {
        found.extend(declared(records));
    });
    let table: BTreeSet<_> = REFERENCES
        .iter()
        .map(|r| (r.from, r.field, r.target, r.link))
        .collect();
    assert_eq!(found, table);
}

/// Every JSON path below `value` whose key names an id of another record.
fn id_fields(value: &Value, path: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let p = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                if p != "meta" && (key.ends_with("_id") || key.ends_with("_by")) {
                    out.insert(p.clone());
                }
                id_fields(v, &p, out);
            }
        }
        Value::Array(list) => list.iter().for_each(|v| id_fields(v, path, out)),
        _ => {}
    }
}

#[test]
fn every_field_holding_an_id_is_declared() {
    let data = full();
    for_each_kind!(data, |records: R| {
        let mut fields = BTreeSet::new();
        for r in records {
            id_fields(&serde_json::to_value(r).unwrap(), "", &mut fields);
        }
        let declared: BTreeSet<String> = REFERENCES
            .iter()
            .filter(|f| f.from == R::KIND)
            .map(|f| f.field.to_string())
            .collect();
        assert_eq!(
            fields,
            declared,
            "{:?}: an id field is not declared",
            R::KIND
        );
    });
}

#[test]
fn a_removed_contact_is_remembered_by_name_where_it_was_mentioned() {
    let data = full();
    let gone = Some(Gone {
        name: "Anna Schmidt",
        company: "Acme",
    });
    let mut bert = data.contacts[1].clone();
    assert_eq!(
        on_removal(&mut bert, Kind::Contacts, "anna", gone),
        Effect::Detached
    );
    assert_eq!(bert.introduced_by, None);
    assert_eq!(bert.introduced_by_name, "Anna Schmidt");

    let mut intro = data.interactions[0].clone();
    assert_eq!(
        on_removal(&mut intro, Kind::Contacts, "anna", gone),
        Effect::Detached
    );
    assert_eq!(intro.other_contact_id, None);
    assert_eq!(intro.other_contact_name, "Anna Schmidt");
    // The entry belongs to Bert: it goes with him.
    assert_eq!(
        on_removal(&mut intro, Kind::Contacts, "bert", None),
        Effect::Removed
    );

    let mut plan = data.interview_plans[0].clone();
    assert_eq!(
        on_removal(&mut plan, Kind::Contacts, "anna", gone),
        Effect::Detached
    );
    assert_eq!(
        (plan.person_name.as_str(), plan.person_company.as_str()),
        ("Anna Schmidt", "Acme")
    );
    assert_eq!(
        on_removal(&mut plan, Kind::Questions, "q1", None),
        Effect::Detached
    );
    assert_eq!(plan.items[0].question_id, None);
    assert_eq!(plan.items[0].text, "What do you do?");
    assert_eq!(
        plan.items[1].question_id.as_deref(),
        Some("builtin-daily-1")
    );

    let mut m = data.messages[0].clone();
    assert_eq!(
        on_removal(&mut m, Kind::Contacts, "anna", gone),
        Effect::Detached
    );
    assert_eq!(m.recipient_name, "Anna Schmidt");

    let mut f = data.follow_ups[0].clone();
    assert_eq!(
        on_removal(&mut f, Kind::Messages, "m1", None),
        Effect::Detached
    );
    assert_eq!(f.message_id, None);
    assert_eq!(
        on_removal(&mut f, Kind::Contacts, "bert", None),
        Effect::Removed
    );

    let mut photo = data.photos[0].clone();
    assert_eq!(
        on_removal(&mut photo, Kind::Contacts, "bert", None),
        Effect::Untouched
    );
    assert_eq!(
        on_removal(&mut photo, Kind::Contacts, "anna", None),
        Effect::Removed
    );
}

#[test]
fn a_very_long_name_still_fits_where_it_is_remembered() {
    let mut bert = full().contacts[1].clone();
    let name = "N".repeat(MAX_LINE_CHARS * 2 + 1);
    let gone = Some(Gone {
        name: &name,
        company: "",
    });
    on_removal(&mut bert, Kind::Contacts, "anna", gone);
    assert_eq!(validate(&bert), Ok(()));
}

#[test]
fn dangling_references_are_cleared_until_nothing_dangles() {
    let mut data = full();
    data.contacts.retain(|c| c.meta.id != "anna");
    data.questions.clear();
    let repairs = clear_dangling(&mut data);
    // Anna's photo goes; the mentions of her and of the question are cleared.
    assert_eq!(repairs.removed(), 1);
    assert_eq!(repairs.cleared(), 5);
    assert!(data.photos.is_empty());
    assert_eq!(data.contacts[0].introduced_by, None);
    assert!(outside_references(&data).is_empty());
    assert!(clear_dangling(&mut data).is_empty());
}

#[test]
fn writes_are_checked_with_the_readers_rules() {
    let mut data = full();
    assert_eq!(check_all(&data), Ok(()));
    data.interactions[0].keywords = vec!["k".repeat(MAX_LINE_CHARS + 1)];
    assert_eq!(
        check_all(&data),
        Err(Refusal::Invalid {
            kind: Some(Kind::Interactions),
            id: "i1".into(),
            problem: RecordProblem::TooLong {
                field: "keywords",
                max: MAX_LINE_CHARS
            }
        })
    );
    let mut data = full();
    data.interview_plans[0].scheduled = Some(at("2201-01-01T10:00:00Z"));
    assert!(check_all(&data).is_err());
    let only_bert = Dataset {
        contacts: vec![full().contacts[1].clone()],
        ..Dataset::default()
    };
    assert_eq!(
        outside_references(&only_bert),
        vec![Refusal::Missing {
            kind: Kind::Contacts,
            id: "bert".into(),
            field: "introduced_by",
            target_kind: Kind::Contacts,
            target: "anna".into(),
        }]
    );
    assert_eq!(
        stores_to_check([Kind::Messages]),
        vec![Kind::Contacts, Kind::Templates, Kind::Messages]
    );
}

#[test]
fn stored_data_that_would_not_restore_is_repaired() {
    let now = at("2026-06-01T00:00:00Z");
    let mut data = full();
    data.contacts[0].email = "a".repeat(600);
    data.contacts[0].first_name = "  ".into();
    data.contacts[0].met.date = Some("1850-01-01".parse().unwrap());
    data.contacts[1].links = vec!["javascript:alert(1)".into(), "https://ok.example".into()];
    data.interactions[0].summary = "s".repeat(MAX_TEXT_CHARS + 20_070);
    data.interactions[0].keywords = vec!["k".repeat(MAX_LINE_CHARS + 1), "fine".into()];
    data.interactions
        .push(record(json!({"meta": meta("i2"), "contact_id": "anna",
        "date": "+262142-01-01"})));
    data.interview_plans[0].scheduled = Some(DateTime::<Utc>::MAX_UTC);
    data.interview_plans[0].duration_minutes = 90;
    data.messages[0].contact_id = Some("gone".into());
    data.photos
        .push(record(json!({"meta": meta("p2"), "contact_id": "anna",
        "mime": "image/svg+xml", "data": "PHN2Zz4="})));
    let repair = repair_dataset(&mut data, now);
    assert_eq!(repair.dropped, vec![(Kind::Photos, "p2".to_string())]);
    assert!(repair.fixed.contains(&(Kind::Contacts, "anna".to_string())));
    assert_eq!(data.contacts[0].first_name, "?");
    assert_eq!(data.contacts[0].email.chars().count(), MAX_LINE_CHARS);
    assert_eq!(data.contacts[0].met.date, None);
    assert_eq!(
        data.contacts[1].links,
        vec!["https://ok.example".to_string()]
    );
    assert_eq!(data.interactions[0].keywords[1], "fine");
    assert_eq!(data.interactions[1].date, "2200-12-31".parse().unwrap());
    assert_eq!(data.interview_plans[0].scheduled, None);
    assert_eq!(data.interview_plans[0].duration_minutes, 60);
    assert_eq!(data.messages[0].contact_id, None);
    let text = write_backup(&data, "test", now);
    let back = read_backup(&text).expect("the repaired data restores");
    assert!(back.repairs.is_empty());
    let mut sorted = data.clone();
    crate::domain::backup::sort_by_id(&mut sorted);
    assert_eq!(back.data, sorted);
}

// ---------------------------------------------------------------------------------------
// The invariant: whatever the app's operations do, the export restores.
// ---------------------------------------------------------------------------------------

/// A model of the storage layer built from the same rules it applies: a write is checked
/// with [`check_all`] and [`outside_references`], a removal walks [`REFERENCES`] with
/// [`on_removal`], an undo never overwrites and never dangles.
#[derive(Default)]
struct Store {
    data: Dataset,
    now: i64,
}

struct Undo {
    removed: Dataset,
    detached: Dataset,
}

impl Store {
    fn tick(&mut self) -> DateTime<Utc> {
        self.now += 1;
        at("2026-01-01T00:00:00Z") + chrono::Duration::seconds(self.now)
    }

    fn exists(&self, kind: Kind, id: &str) -> bool {
        self.data
            .stamps()
            .kinds
            .get(&kind)
            .is_some_and(|m| m.contains_key(id))
    }

    fn write(&mut self, mut records: Dataset) -> Result<(), Refusal> {
        let now = self.tick();
        for_each_kind!(mut records, |list: R| {
            for r in list.iter_mut() {
                let m = r.meta_mut();
                m.revision += 1;
                m.updated = now.max(m.created);
            }
        });
        self.check_and_put(records)
    }

    /// What the storage layer's guard does, then the write itself.
    fn check_and_put(&mut self, records: Dataset) -> Result<(), Refusal> {
        check_all(&records)?;
        for refusal in outside_references(&records) {
            if let Refusal::Missing {
                target_kind,
                target,
                ..
            } = &refusal
            {
                if !self.exists(*target_kind, target) {
                    return Err(refusal);
                }
            }
        }
        for_each_kind!(records, |list: R| {
            for r in list {
                let stored = R::list_mut(&mut self.data);
                stored.retain(|s| s.meta().id != r.meta().id);
                stored.push(r.clone());
            }
        });
        Ok(())
    }

    fn remove(&mut self, kind: Kind, id: &str) -> Option<Undo> {
        if !self.exists(kind, id) {
            return None;
        }
        let now = self.tick();
        let mut undo = Undo {
            removed: Dataset::default(),
            detached: Dataset::default(),
        };
        let mut queue = vec![(kind, id.to_string())];
        while let Some((kind, id)) = queue.pop() {
            let mut gone_name = None;
            with_kind!(kind, |T| {
                let list = T::list_mut(&mut self.data);
                if let Some(i) = list.iter().position(|r| r.meta().id == id) {
                    let r = list.remove(i);
                    T::list_mut(&mut undo.removed).push(r);
                }
            });
            if kind == Kind::Contacts {
                gone_name = undo.removed.contacts.last().map(|c| {
                    (
                        crate::domain::contacts::draft::display_name(c),
                        c.company.clone(),
                    )
                });
            }
            let gone = gone_name.as_ref().map(|(n, c)| Gone {
                name: n,
                company: c,
            });
            for f in referrers_of(kind) {
                with_kind!(f.from, |F| {
                    let mut keep = Vec::new();
                    for mut r in std::mem::take(F::list_mut(&mut self.data)) {
                        let before = r.clone();
                        match on_removal(&mut r, kind, &id, gone) {
                            Effect::Removed => {
                                queue.push((F::KIND, r.meta().id.clone()));
                                keep.push(r);
                            }
                            Effect::Detached => {
                                let d = F::list_mut(&mut undo.detached);
                                if !d.iter().any(|x| x.meta().id == before.meta().id) {
                                    d.push(before);
                                }
                                r.meta_mut().revision += 1;
                                r.meta_mut().updated = now;
                                keep.push(r);
                            }
                            Effect::Untouched => keep.push(r),
                        }
                    }
                    *F::list_mut(&mut self.data) = keep;
                });
            }
        }
        Some(undo)
    }

    fn undo(&mut self, undo: &Undo) -> Result<(), Refusal> {
        let mut put = Dataset::default();
        for_each_kind!(undo.removed, |list: R| {
            for r in list {
                if !self.exists(R::KIND, &r.meta().id) {
                    R::list_mut(&mut put).push(r.clone());
                }
            }
        });
        for_each_kind!(undo.detached, |list: R| {
            for r in list {
                R::list_mut(&mut put).retain(|x| x.meta().id != r.meta().id);
                R::list_mut(&mut put).push(r.clone());
            }
        });
        self.check_and_put(put)
    }

    fn merge(&mut self, kept: &str, absorbed: &str) {
        if kept == absorbed
            || !self.exists(Kind::Contacts, kept)
            || !self.exists(Kind::Contacts, absorbed)
        {
            return;
        }
        for f in referrers_of(Kind::Contacts) {
            with_kind!(f.from, |F| {
                for r in F::list_mut(&mut self.data).iter_mut() {
                    if F::KIND == Kind::Contacts && r.meta().id == kept {
                        continue;
                    }
                    for x in r.references_mut() {
                        if x.field == f.field && x.id() == Some(absorbed) {
                            match x.slot {
                                Slot::Required(s) => *s = kept.to_string(),
                                Slot::Optional(s) => *s = Some(kept.to_string()),
                            }
                        }
                    }
                }
            });
        }
        for c in self.data.contacts.iter_mut() {
            if c.meta.id == kept && c.introduced_by.as_deref() == Some(absorbed) {
                c.introduced_by = None;
            }
        }
        self.data.contacts.retain(|c| c.meta.id != absorbed);
    }
}

/// Ids from a small pool, so that operations meet each other's records (and deleted ones).
fn id() -> impl Strategy<Value = String> {
    (0..6u8).prop_map(|n| format!("r{n}"))
}

/// Texts at and beyond the limits, blank ones, and ordinary ones.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("   ".to_string()),
        "[a-zA-Zäöü ]{1,12}",
        Just("x".repeat(MAX_LINE_CHARS)),
        Just("é".repeat(MAX_LINE_CHARS + 1)),
        Just("y".repeat(MAX_TEXT_CHARS + 1)),
    ]
}

/// Dates at the edges of what records may hold, and beyond.
fn day() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("2026-03-01".to_string()),
        Just("1900-01-01".to_string()),
        Just("2200-12-31".to_string()),
        Just("1899-12-31".to_string()),
        Just("2201-01-01".to_string()),
    ]
}

#[derive(Clone, Debug)]
enum Op {
    Contact {
        id: String,
        first: String,
        line: String,
        introduced_by: Option<String>,
        met: String,
    },
    Entry {
        id: String,
        of: String,
        other: Option<String>,
        keyword: String,
        date: String,
    },
    Promise {
        id: String,
        of: String,
        text: String,
        message: Option<String>,
        due: String,
    },
    Plan {
        id: String,
        of: Option<String>,
        person: String,
        question: Option<String>,
        at: String,
    },
    Question {
        id: String,
        text: String,
    },
    Message {
        id: String,
        to: Option<String>,
        body: String,
    },
    Template {
        id: String,
        name: String,
    },
    Remove {
        kind: u8,
        id: String,
        undo: bool,
    },
    Merge {
        kept: String,
        absorbed: String,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (id(), text(), text(), proptest::option::of(id()), day()).prop_map(
            |(id, first, line, introduced_by, met)| Op::Contact {
                id,
                first,
                line,
                introduced_by,
                met
            }
        ),
        (id(), id(), proptest::option::of(id()), text(), day()).prop_map(
            |(id, of, other, keyword, date)| Op::Entry {
                id,
                of,
                other,
                keyword,
                date
            }
        ),
        (id(), id(), text(), proptest::option::of(id()), day()).prop_map(
            |(id, of, text, message, due)| Op::Promise {
                id,
                of,
                text,
                message,
                due
            }
        ),
        (
            id(),
            proptest::option::of(id()),
            text(),
            proptest::option::of(id()),
            day()
        )
            .prop_map(|(id, of, person, question, at)| Op::Plan {
                id,
                of,
                person,
                question,
                at
            }),
        (id(), text()).prop_map(|(id, text)| Op::Question { id, text }),
        (id(), proptest::option::of(id()), text()).prop_map(|(id, to, body)| Op::Message {
            id,
            to,
            body
        }),
        (id(), text()).prop_map(|(id, name)| Op::Template { id, name }),
        (0..8u8, id(), any::<bool>()).prop_map(|(kind, id, undo)| Op::Remove { kind, id, undo }),
        (id(), id()).prop_map(|(kept, absorbed)| Op::Merge { kept, absorbed }),
    ]
}

fn fresh(id: &str) -> Value {
    json!({"id": id, "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z",
           "revision": 0})
}

/// The record an operation writes; `None` where the generated values cannot even be
/// parsed (a date chrono cannot hold), which no form can produce.
fn records_of(op: &Op, store: &Store) -> Option<Dataset> {
    // A save carries the revision the record was loaded at.
    let revision = |kind: Kind, id: &str| {
        store
            .data
            .stamps()
            .kinds
            .get(&kind)
            .and_then(|m| m.get(id))
            .map(|_| {
                let mut rev = 0;
                with_kind!(kind, |T| {
                    if let Some(r) = T::list(&store.data).iter().find(|r| r.meta().id == id) {
                        rev = r.meta().revision;
                    }
                });
                rev
            })
            .unwrap_or(0)
    };
    let with_meta = |kind: Kind, id: &str, mut v: Value| {
        let mut m = fresh(id);
        m["revision"] = json!(revision(kind, id));
        v["meta"] = m;
        v
    };
    let mut data = Dataset::default();
    match op {
        Op::Contact {
            id,
            first,
            line,
            introduced_by,
            met,
        } => {
            data.contacts.push(
                serde_json::from_value(with_meta(
                    Kind::Contacts,
                    id,
                    json!({
                        "first_name": first, "company": line, "email": line,
                        "introduced_by": introduced_by, "met": {"occasion": line, "date": met}
                    }),
                ))
                .ok()?,
            );
        }
        Op::Entry {
            id,
            of,
            other,
            keyword,
            date,
        } => {
            data.interactions.push(
                serde_json::from_value(with_meta(
                    Kind::Interactions,
                    id,
                    json!({
                        "contact_id": of, "other_contact_id": other, "keywords": [keyword],
                        "summary": keyword, "date": date
                    }),
                ))
                .ok()?,
            );
        }
        Op::Promise {
            id,
            of,
            text,
            message,
            due,
        } => {
            data.follow_ups.push(
                serde_json::from_value(with_meta(
                    Kind::FollowUps,
                    id,
                    json!({
                        "contact_id": of, "text": text, "message_id": message, "due": due
                    }),
                ))
                .ok()?,
            );
        }
        Op::Plan {
            id,
            of,
            person,
            question,
            at,
        } => {
            data.interview_plans.push(
                serde_json::from_value(with_meta(
                    Kind::InterviewPlans,
                    id,
                    json!({
                        "contact_id": of, "person_name": person,
                        "scheduled": format!("{at}T10:00:00Z"),
                        "items": [{"question_id": question, "text": person, "minutes": 5}]
                    }),
                ))
                .ok()?,
            );
        }
        Op::Question { id, text } => {
            data.questions.push(
                serde_json::from_value(with_meta(Kind::Questions, id, json!({"text": text})))
                    .ok()?,
            );
        }
        Op::Message { id, to, body } => {
            data.messages.push(
                serde_json::from_value(with_meta(
                    Kind::Messages,
                    id,
                    json!({"contact_id": to, "body": body, "subject": body}),
                ))
                .ok()?,
            );
        }
        Op::Template { id, name } => {
            data.templates.push(
                serde_json::from_value(with_meta(
                    Kind::Templates,
                    id,
                    json!({"purpose": "message", "name": name}),
                ))
                .ok()?,
            );
        }
        _ => return None,
    }
    Some(data)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any sequence of the app's operations, then export → read: the file restores,
    /// needs no repair and yields the export.
    #[test]
    fn every_export_restores(ops in proptest::collection::vec(op(), 1..40)) {
        let mut store = Store::default();
        let mut undos: Vec<Undo> = Vec::new();
        for op in &ops {
            match op {
                Op::Remove { kind, id, undo } => {
                    let kind = Kind::ALL[*kind as usize % Kind::ALL.len()];
                    if let Some(u) = store.remove(kind, id) {
                        if *undo {
                            // Refused or not, the data stays restorable.
                            let _ = store.undo(&u);
                        } else {
                            undos.push(u);
                        }
                    }
                }
                Op::Merge { kept, absorbed } => store.merge(kept, absorbed),
                other => {
                    if let Some(records) = records_of(other, &store) {
                        // A refused write changes nothing.
                        let before = write_backup(&store.data, "t", at("2026-01-01T00:00:00Z"));
                        if store.write(records).is_err() {
                            let after = write_backup(&store.data, "t", at("2026-01-01T00:00:00Z"));
                            prop_assert_eq!(before, after);
                        }
                    }
                }
            }
            // A late undo, after other operations changed things meanwhile.
            if undos.len() > 2 {
                let u = undos.remove(0);
                let _ = store.undo(&u);
            }
        }
        let text = write_backup(&store.data, "t", at("2026-06-01T00:00:00Z"));
        let back = read_backup(&text);
        prop_assert!(back.is_ok(), "export refused: {:?}", back.err());
        let back = back.unwrap();
        prop_assert!(back.repairs.is_empty(), "export needed repairs: {:?}", back.repairs);
        let mut expected = store.data.clone();
        crate::domain::backup::sort_by_id(&mut expected);
        prop_assert_eq!(back.data, expected);
    }
}

#[test]
fn delete_then_undo_gives_back_exactly_what_was_there() {
    let mut store = Store {
        data: full(),
        ..Store::default()
    };
    store
        .data
        .contacts
        .push(record(json!({"meta": meta("cara"), "first_name": "Cara",
        "introduced_by": "anna"})));
    let before = write_backup(&store.data, "t", at("2026-06-01T00:00:00Z"));
    let undo = store.remove(Kind::Contacts, "anna").unwrap();
    assert_eq!(undo.removed.contacts.len(), 1);
    assert_eq!(undo.removed.photos.len(), 1);
    assert_eq!(undo.detached.contacts.len(), 2);
    let names: Vec<_> = store
        .data
        .contacts
        .iter()
        .map(|c| c.introduced_by_name.as_str())
        .collect();
    assert_eq!(names, vec!["Anna", "Anna"]);
    assert!(
        read_backup(&write_backup(&store.data, "t", at("2026-06-01T00:00:00Z")))
            .unwrap()
            .repairs
            .is_empty()
    );
    store.undo(&undo).unwrap();
    let mut data = store.data.clone();
    crate::domain::backup::sort_by_id(&mut data);
    assert_eq!(write_backup(&data, "t", at("2026-06-01T00:00:00Z")), before);
}

#[test]
fn undo_after_a_merge_is_refused_rather_than_leaving_an_orphan() {
    let mut store = Store::default();
    store.data.contacts = vec![contact("a", "A"), contact("b", "B")];
    store.data.interactions = vec![interaction("e", "b")];
    let undo = store.remove(Kind::Interactions, "e").unwrap();
    store.merge("a", "b");
    assert!(matches!(
        store.undo(&undo),
        Err(Refusal::Missing { target, .. }) if target == "b"
    ));
    assert!(store.data.interactions.is_empty());
}

#[test]
fn a_meta_that_is_impossible_is_made_plausible() {
    let mut c: Contact = contact("c", "C");
    c.meta = Meta {
        id: "c".into(),
        created: at("2026-05-01T00:00:00Z"),
        updated: at("2026-04-01T00:00:00Z"),
        revision: 0,
    };
    let now = at("2026-06-01T00:00:00Z");
    match make_valid(&c, now) {
        Fix::Fixed(fixed) => {
            assert_eq!(fixed.meta.revision, 1);
            assert_eq!(fixed.meta.updated, fixed.meta.created);
        }
        other => panic!("{other:?}"),
    }
    let _unused: Option<(FollowUp, Photo, Question, Template, Message, InterviewPlan)> = None;
}

#[test]
fn writes_and_the_backup_reader_refuse_exactly_the_same_records() {
    let long = "x".repeat(MAX_LINE_CHARS + 1);
    type Edit = Box<dyn Fn(&mut Dataset)>;
    let edges: Vec<(&str, Edit)> = vec![
        ("as is", Box::new(|_| {})),
        (
            "name blank",
            Box::new(|d| d.contacts[0].first_name = "  ".into()),
        ),
        (
            "email at the limit",
            Box::new(|d| d.contacts[0].email = "e".repeat(MAX_LINE_CHARS)),
        ),
        (
            "email over",
            Box::new(move |d| d.contacts[0].email = long.clone()),
        ),
        (
            "birthday 1899",
            Box::new(|d| {
                d.contacts[0].birthday = Some(crate::domain::record::Birthday {
                    month: 1,
                    day: 1,
                    year: Some(1899),
                })
            }),
        ),
        (
            "met 2200-12-31",
            Box::new(|d| d.contacts[0].met.date = Some("2200-12-31".parse().unwrap())),
        ),
        (
            "entry 2201",
            Box::new(|d| d.interactions[0].date = "2201-01-01".parse().unwrap()),
        ),
        (
            "keyword over",
            Box::new(|d| d.interactions[0].keywords = vec!["k".repeat(MAX_LINE_CHARS + 1)]),
        ),
        (
            "summary at the limit",
            Box::new(|d| d.interactions[0].summary = "é".repeat(MAX_TEXT_CHARS)),
        ),
        (
            "promise blank",
            Box::new(|d| d.follow_ups[0].text = " ".into()),
        ),
        (
            "plan 90 minutes",
            Box::new(|d| d.interview_plans[0].duration_minutes = 90),
        ),
        (
            "plan at the end of time",
            Box::new(|d| d.interview_plans[0].scheduled = Some(DateTime::<Utc>::MAX_UTC)),
        ),
        (
            "photo svg",
            Box::new(|d| d.photos[0].mime = "image/svg+xml".into()),
        ),
        (
            "unsafe link",
            Box::new(|d| d.contacts[0].links = vec!["javascript:alert(1)".into()]),
        ),
        (
            "question blank",
            Box::new(|d| d.questions[0].text = String::new()),
        ),
        (
            "template unnamed",
            Box::new(|d| d.templates[0].name = " ".into()),
        ),
        (
            "message status over",
            Box::new(|d| d.messages[0].status = "s".repeat(MAX_LINE_CHARS + 1).into()),
        ),
    ];
    for (what, edit) in edges {
        let mut data = full();
        edit(&mut data);
        let write = check_all(&data);
        let read = read_backup(&write_backup(&data, "t", at("2026-06-01T00:00:00Z")));
        assert_eq!(
            write.is_ok(),
            read.is_ok(),
            "{what}: write {write:?}, read {:?}",
            read.err()
        );
    }
}
